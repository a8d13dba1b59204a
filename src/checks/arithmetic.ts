/**
 * `arithmetic-mismatch`: relations the text itself states, checked with interval arithmetic so that
 * rounding never raises an alarm (2302 of 2339 → [98.40%, 98.44%] overlaps `98.42%`):
 * - a share or rate right after an amount, with the total stated just before that amount
 *   (`项目2339个,已办理…2302个,首次登记率98.42%`; `32.77亿元,其中脱贫地区7.54亿元,占23%`);
 * - a completion rate (`完成全年目标任务的100.8%`) against the target of the same metric and period;
 * - a part after `其中` that exceeds its stated total.
 * Word lists and gaps live in rules/core/checks.yaml (`arithmetic`).
 */
import type { Document, Figure, Finding, Interval, Severity } from '../model.js';
import type { ArithmeticSettings, CheckRule } from '../rules/types.js';
import { t } from '../i18n.js';
import { autoKey, autoLabel, usable } from './align.js';
import { describeReading, figureText, formatInterval, overlaps } from './compare.js';
import { locationOf } from './consistency.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';

export const ARITHMETIC_MISMATCH = 'arithmetic-mismatch';

const SENTENCE_END = /[。;!?\n]/;

/** Bounded closed-or-open interval ends, or null when an end is open to infinity. */
function bounded(i: Interval): { lo: number; hi: number } | null {
  return i.lo === null || i.hi === null ? null : { lo: i.lo, hi: i.hi };
}

/** [a/b] for positive intervals, as a percentage; null when b may be zero or an end is infinite. */
export function ratioPercent(part: Interval, whole: Interval): Interval | null {
  const p = bounded(part);
  const w = bounded(whole);
  if (!p || !w || w.lo <= 0 || p.lo < 0) return null;
  return { lo: (p.lo / w.hi) * 100, hi: (p.hi / w.lo) * 100, loClosed: true, hiClosed: true };
}

/** A figure arithmetic can use: a value and an interval, nothing unreliable (labels and periods not needed). */
function hasValue(figure: Figure): boolean {
  return !figure.placeholder && !figure.unreliable && figure.value !== null && figure.interval !== null;
}

/** Amounts (levels and counts, not changes or rates). */
function isAmount(figure: Figure): boolean {
  return (
    (figure.kind === 'level' || figure.kind === 'count') &&
    figure.change === null &&
    figure.unit !== '%' &&
    figure.unit !== '个百分点'
  );
}

function isRate(figure: Figure): boolean {
  return figure.unit === '%' && figure.change === null && figure.modality !== 'target';
}

/** Text between two figures of one document, or null when a sentence ends between them. */
function between(document: Document, a: Figure, b: Figure): string | null {
  const text = document.normalized.slice(a.span.end, b.span.start);
  return SENTENCE_END.test(text) ? null : text;
}

function metricKey(context: CheckContext, figure: Figure): string | null {
  const metric = context.metricOf.get(figure);
  if (metric) return metric.id;
  const label = autoLabel(figure, context.rules.alignment ?? {});
  return label ? autoKey(figure, label) : null;
}

function finding(
  context: CheckContext,
  figures: Figure[],
  documents: Map<string, Document>,
  metric: string | null,
  severity: Severity,
  message: string,
): Finding {
  return {
    fingerprint: fingerprint(
      ARITHMETIC_MISMATCH,
      metric,
      figures.map((f) => ({ document: f.document, text: figureText(f, documents.get(f.document)) })),
    ),
    rule: ARITHMETIC_MISMATCH,
    severity,
    message,
    metric,
    locations: figures.map(locationOf),
  };
}

export const arithmeticCheck: CheckModule = {
  type: 'arithmetic',
  ruleIds: [ARITHMETIC_MISMATCH],
  defaultSeverity: 'warning',
  description: 'Shares, completion rates and parts of a total that do not add up with their stated figures.',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const settings: ArithmeticSettings = context.rules.arithmetic ?? {};
    const shareWords = settings.shareWords ?? [];
    const rateSuffixes = settings.rateLabelSuffixes ?? [];
    const completion = (settings.completionPatterns ?? []).map((p) => new RegExp(p));
    const maxGap = settings.maxGap ?? 12;
    const severity: Severity = rule.severity ?? arithmeticCheck.defaultSeverity;
    const documents = new Map(context.documents.map((d) => [d.id, d]));
    const { locale } = context;
    const findings: Finding[] = [];

    // Targets by metric and period, for completion rates.
    const targets = new Map<string, Figure[]>();
    for (const figure of context.figures) {
      if (figure.modality !== 'target' || !usable(figure)) continue;
      const key = metricKey(context, figure);
      if (!key) continue;
      const list = targets.get(`${key}\u0000${figure.period}`) ?? [];
      list.push(figure);
      targets.set(`${key}\u0000${figure.period}`, list);
    }

    const byDocument = new Map<string, Figure[]>();
    for (const figure of context.figures) {
      if (rule.documents && !rule.documents.includes(figure.document)) continue;
      const list = byDocument.get(figure.document) ?? [];
      list.push(figure);
      byDocument.set(figure.document, list);
    }
    for (const [id, all] of byDocument) {
      const document = documents.get(id);
      if (!document) continue;
      const figures = [...all].sort((a, b) => a.span.start - b.span.start);
      for (let i = 1; i < figures.length; i++) {
        const rate = figures[i]!;
        const amount = figures[i - 1]!;
        if (!hasValue(rate) || !hasValue(amount)) continue;

        // A part after 其中 that exceeds its total.
        if (isAmount(rate) && isAmount(amount) && rate.unit === amount.unit && rate.kind === amount.kind) {
          const gap = between(document, amount, rate);
          if (gap !== null && gap.includes('其中') && gap.length <= maxGap * 2) {
            const whole = amount.interval!;
            const part = rate.interval!;
            if (whole.hi !== null && part.lo !== null && part.lo > whole.hi) {
              findings.push(
                finding(context, [rate, amount], documents, metricKey(context, amount), severity,
                  t(locale, {
                    en: `part larger than its total: ${figureText(rate, document)} (其中) > ${figureText(amount, document)}`,
                    zh: `其中部分大于总数：${figureText(rate, document)} > ${figureText(amount, document)}`,
                  })),
              );
            }
          }
          continue;
        }

        if (!isRate(rate) || !isAmount(amount)) continue;
        const gap = between(document, amount, rate);
        if (gap === null || gap.length > maxGap) continue;

        // Completion rate of a target: the target implied by amount / rate must fit the stated target.
        const gapAndLabel = document.normalized.slice(amount.span.end, rate.span.start);
        if (completion.some((re) => re.test(gapAndLabel))) {
          const key = metricKey(context, amount);
          const stated = key ? (targets.get(`${key}\u0000${amount.period}`) ?? []).filter((f) => f.unit === amount.unit) : [];
          const a = bounded(amount.interval!);
          const r = bounded(rate.interval!);
          if (!a || !r || r.lo <= 0) continue;
          const implied: Interval = { lo: (a.lo / r.hi) * 100, hi: (a.hi / r.lo) * 100, loClosed: true, hiClosed: true };
          for (const target of stated) {
            if (overlaps(implied, target.interval!)) continue;
            findings.push(
              finding(context, [rate, amount, target], documents, key, severity,
                t(locale, {
                  en: `completion rate: ${figureText(amount, document)} at ${figureText(rate, document)} implies a target of ${formatInterval(implied, amount.unit)}, but the target is ${describeReading(target, documents.get(target.document), locale)}`,
                  zh: `完成率：${figureText(amount, document)} 完成 ${figureText(rate, document)} 推算目标为 ${formatInterval(implied, amount.unit)}，而目标为 ${describeReading(target, documents.get(target.document), locale)}`,
                })),
            );
          }
          continue;
        }

        // A share or rate of the amount, with the total stated right before the amount.
        const isShare = shareWords.some((w) => gap.includes(w)) || rateSuffixes.some((s) => rate.label.endsWith(s));
        if (!isShare || i < 2) continue;
        const total = figures[i - 2]!;
        if (!hasValue(total) || !isAmount(total) || total.unit !== amount.unit || total.kind !== amount.kind) continue;
        const totalGap = between(document, total, amount);
        if (totalGap === null) continue;
        // An amount larger than the "total" is not its part: the rate is about something else.
        if (amount.value! > total.value!) continue;
        const computed = ratioPercent(amount.interval!, total.interval!);
        if (!computed || overlaps(computed, rate.interval!)) continue;
        findings.push(
          finding(context, [rate, amount, total], documents, metricKey(context, rate), severity,
            t(locale, {
              en: `share: ${figureText(amount, document)} of ${figureText(total, document)} is ${formatInterval(computed, '%')}, but the text says ${figureText(rate, document)}`,
              zh: `占比：${figureText(amount, document)} / ${figureText(total, document)} = ${formatInterval(computed, '%')}，而文中为 ${figureText(rate, document)}`,
            })),
        );
      }
    }
    return findings;
  },
};
