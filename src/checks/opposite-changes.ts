/**
 * One indicator's change stated as a rise in one place and as a fall in another (`居民消费价格上涨0.2%` and
 * `居民消费价格下降0.3%` of one year): one quantity signed two ways, a fall of x being a change of −x. Auto-alignment
 * keeps the two apart (its key holds the change word), so the target check (a rise target judged by a fall) and the
 * consistency check (a rise and a fall of one year compared, signed) read the pairs from here. Indicators only, in
 * percent only: a label alone is too weak an identity to pair a rise with a fall, and a fall in 个百分点 or in an
 * amount is compared with nothing stated in percent anyway.
 */
import type { Figure, Finding, Interval } from '../model.js';
import type { MetricGroup } from './align.js';
import { sameSentence } from './align.js';
import { consistent } from './compare.js';
import { t } from '../i18n.js';
import { fingerprint } from './fingerprint.js';
import { describeReading } from './compare.js';
import { recordPair } from '../coverage/compared.js';
import type { CheckContext } from './types.js';

const OPPOSITE = { increase: 'decrease', decrease: 'increase' } as const;

/** An interval's negation: a decrease of [0.25, 0.35] is a change of [-0.35, -0.25]. */
export function negated(i: Interval): Interval {
  return { lo: i.hi === null ? null : -i.hi, loClosed: i.hiClosed, hi: i.lo === null ? null : -i.lo, hiClosed: i.loClosed };
}

/**
 * For each group of an indicator's change (`indicator:cpi|%|change|increase`), the group of the same indicator,
 * period and jurisdiction stating the opposite change: one quantity, signed the other way. Indicators only: a
 * label alone is too weak an identity to pair a rise with a fall.
 */
export function oppositeChanges(groups: MetricGroup[]): Map<MetricGroup, MetricGroup> {
  const key = (metric: string, g: MetricGroup) => `${metric}\u0000${g.period}\u0000${g.jurisdiction ?? ''}`;
  const byKey = new Map<string, MetricGroup>();
  for (const g of groups) if (g.auto && g.metric.startsWith('indicator:')) byKey.set(key(g.metric, g), g);
  const out = new Map<MetricGroup, MetricGroup>();
  for (const g of byKey.values()) {
    const m = /\|change\|(increase|decrease)$/u.exec(g.metric);
    if (!m) continue;
    const other = byKey.get(key(g.metric.slice(0, m.index) + `|change|${OPPOSITE[m[1] as 'increase' | 'decrease']}`, g));
    if (other) out.set(g, other);
  }
  return out;
}

/** A fall read as the signed change it is: `下降0.3%` as −0.3% ([−0.35, −0.25]). */
function signedFall(figure: Figure): Figure {
  return { ...figure, value: figure.value === null ? null : -figure.value, exact: figure.exact === null ? null : figure.exact.startsWith('-') ? figure.exact.slice(1) : `-${figure.exact}`, interval: figure.interval ? negated(figure.interval) : null };
}

/**
 * The consistency check's part: the stated rises and falls (actuals and estimates) of one indicator and period in
 * percent, compared signed. Two statements that disagree (neither in one sentence of one document) are a mismatch
 * finding at the alignment's severity, naming the reading; statements of the two sides that agree (both about zero)
 * are one fact found consistent.
 */
export function compareOppositeChanges(context: CheckContext, groups: MetricGroup[], findings: Finding[]): void {
  const settings = context.rules.consistency ?? {};
  const documents = context.documentById;
  for (const [rise, fall] of oppositeChanges(groups)) {
    if (!rise.metric.endsWith('|change|increase') || !rise.metric.includes('|%|')) continue;
    const rises = rise.figures.filter((f) => f.modality !== 'target' && f.interval);
    const falls = fall.figures.filter((f) => f.modality !== 'target' && f.interval);
    if (!rises.length || !falls.length) continue;
    const disagreeing: Array<[Figure, Figure]> = [];
    let compared = false;
    for (const up of rises) {
      for (const down of falls) {
        if (sameSentence(documents.get(up.document), up, down)) continue;
        compared = true;
        if (!consistent(up, signedFall(down), settings)) disagreeing.push([up, down]);
      }
    }
    if (!compared) continue;
    const statements = [...rises, ...falls].sort((x, y) => (context.documentOrder.get(x.document) ?? 0) - (context.documentOrder.get(y.document) ?? 0) || x.span.start - y.span.start);
    const metric = rise.metric.replace(/\|increase$/u, '|signed');
    context.comparisons.push({ metric, name: rise.name, auto: true, period: rise.period, statements, verdict: disagreeing.length ? 'mismatch' : 'consistent' });
    recordPair(context.compared, rises, falls);
    if (!disagreeing.length) continue;
    const [up, down] = disagreeing[0]!;
    const { locale } = context;
    const shown = [up, down].map((f) => describeReading(f, documents.get(f.document), locale));
    const sign = (f: Figure) => (f === down ? t(locale, { en: 'a fall of', zh: '下降' }) : t(locale, { en: 'a rise of', zh: '增长' }));
    const message =
      `${rise.name}: ${sign(up)} ${shown[0]}${t(locale, { en: ' vs ', zh: ' 与 ' })}${sign(down)} ${shown[1]}` +
      t(locale, {
        en: ` (one change stated as a rise and as a fall, compared signed; aligned automatically by indicator and period ${rise.period}: add a metric rule to confirm)`,
        zh: ` 不一致（同一变化分别表述为增长与下降，按正负号比较；按指标和期间 ${rise.period} 自动对齐；可写入规则文件确认）`,
      });
    const involved = [...new Set(disagreeing.flat())];
    findings.push({
      fingerprint: fingerprint('figure-mismatch', metric, involved.map((f) => ({ document: f.document, text: f.raw }))),
      rule: 'figure-mismatch',
      severity: context.rules.alignment?.severity ?? 'warning',
      message,
      metric,
      locations: involved.map((f) => ({ ...f.location, text: f.location.text ?? f.raw })),
    });
  }
}
