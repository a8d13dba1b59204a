/**
 * The relations two or three figures in a row state (arithmetic.ts walks each document's figures in text
 * order and asks these): a part after `其中` larger than its total, a completion rate against the stated
 * target, a share or rate of an amount against the total stated before it. Word lists and gaps live in
 * rules/core/checks.yaml (`arithmetic`); they are compiled once per run here.
 */
import type { Document, Figure, Finding, Interval, Severity } from '../../model.js';
import type { ArithmeticSettings } from '../../rules/types.js';
import { t } from '../../i18n.js';
import { usable } from '../align.js';
import { describeReading, figureText, formatInterval, overlaps } from '../compare.js';
import type { CheckContext } from '../types.js';
import { arithmeticFinding, between, bounded, decimalsOf, hasValue, isAmount, metricKey, sentenceBefore, shownInterval, shownValue } from './common.js';

/** The `arithmetic` settings a walk over adjacent figures needs, patterns compiled. */
export interface AdjacentRules {
  shareWords: string[];
  rateSuffixes: string[];
  completion: RegExp[];
  maxGap: number;
  shareTail: RegExp;
  siblingSeparators: string[];
  sharedHead: number;
  /** Words that make a "total" per capita or average (parts settings). */
  nonAdditiveWords: readonly string[];
  /** Words after a total introducing some of its parts (parts settings: `其中`). */
  subsetMarkers: readonly string[];
}

export function adjacentRules(settings: ArithmeticSettings, nonAdditiveWords: readonly string[], subsetMarkers: readonly string[]): AdjacentRules {
  return {
    shareWords: settings.shareWords ?? [],
    rateSuffixes: settings.rateLabelSuffixes ?? [],
    completion: (settings.completionPatterns ?? []).map((p) => new RegExp(p)),
    maxGap: settings.maxGap ?? 12,
    shareTail: new RegExp(settings.shareTailPattern ?? '^$', 'u'),
    siblingSeparators: settings.siblingSeparators ?? [],
    sharedHead: settings.sharedHeadLength ?? 2,
    nonAdditiveWords,
    subsetMarkers,
  };
}

/** What each relation is checked in: the run, the document, its rules and the stated targets. */
interface Walk {
  context: CheckContext;
  document: Document;
  documents: CheckContext['documentById'];
  rules: AdjacentRules;
  targets: Map<string, Figure[]>;
  severity: Severity;
}

/** [a/b] for positive intervals, as a percentage; null when b may be zero or an end is infinite. */
export function ratioPercent(part: Interval, whole: Interval): Interval | null {
  const p = bounded(part);
  const w = bounded(whole);
  if (!p || !w || w.lo <= 0 || p.lo < 0) return null;
  return { lo: (p.lo / w.hi) * 100, hi: (p.hi / w.lo) * 100, loClosed: true, hiClosed: true };
}

/** Both labels end in the same `length` characters (the head noun of a Chinese noun phrase is last). */
function sameHead(a: string, b: string, length: number): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length < length || y.length < length) return false;
  return x.slice(-length).join('') === y.slice(-length).join('');
}

function isRate(figure: Figure): boolean {
  return figure.unit === '%' && figure.change === null && figure.modality !== 'target';
}

/** Targets by metric and period, for completion rates. */
export function targetsByMetric(context: CheckContext): Map<string, Figure[]> {
  const targets = new Map<string, Figure[]>();
  for (const figure of context.figures) {
    if (figure.modality !== 'target' || !usable(figure)) continue;
    const key = metricKey(context, figure);
    if (!key) continue;
    const list = targets.get(`${key}\u0000${figure.period}`) ?? [];
    list.push(figure);
    targets.set(`${key}\u0000${figure.period}`, list);
  }
  return targets;
}

/** The findings of each figure with the one (or two) before it in a document's figures (in text order). */
export function adjacentFindings(
  context: CheckContext,
  document: Document,
  figures: Figure[],
  rules: AdjacentRules,
  targets: Map<string, Figure[]>,
  severity: Severity,
): Finding[] {
  const walk: Walk = { context, document, documents: context.documentById, rules, targets, severity };
  const findings: Finding[] = [];
  for (let i = 1; i < figures.length; i++) {
    const rate = figures[i]!;
    const amount = figures[i - 1]!;
    if (!hasValue(rate) || !hasValue(amount)) continue;
    if (isAmount(rate) && isAmount(amount) && rate.unit === amount.unit && rate.kind === amount.kind) {
      const finding = partOverTotal(walk, amount, rate);
      if (finding) findings.push(finding);
      continue;
    }
    if (!isRate(rate) || !isAmount(amount)) continue;
    const gap = between(document, amount, rate);
    if (gap === null || gap.length > rules.maxGap) continue;
    const gapAndLabel = document.normalized.slice(amount.span.end, rate.span.start);
    if (rules.completion.some((re) => re.test(gapAndLabel))) {
      findings.push(...completionFindings(walk, amount, rate));
      continue;
    }
    const finding = i < 2 ? null : shareFinding(walk, figures[i - 2]!, amount, rate, gap);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** A part after 其中 (parts.subsetMarkers) that exceeds its total. */
function partOverTotal({ context, document, documents, rules, severity }: Walk, amount: Figure, part: Figure): Finding | null {
  const gap = between(document, amount, part);
  // A per-capita or average "total" (`每千人6.5批次,其中…4万批次`) is no total of anything.
  const names = `${sentenceBefore(document, amount.span.start, 40)}${amount.label}`;
  if (rules.nonAdditiveWords.some((w) => names.includes(w))) return null;
  if (gap === null || !rules.subsetMarkers.some((w) => gap.includes(w)) || gap.length > rules.maxGap * 2) return null;
  const whole = amount.interval!;
  const stated = part.interval!;
  if (whole.hi === null || stated.lo === null || stated.lo <= whole.hi) return null;
  return arithmeticFinding([part, amount], documents, metricKey(context, amount), severity,
    t(context.locale, {
      en: `part larger than its total: ${figureText(part, document)} (其中) > ${figureText(amount, document)}`,
      zh: `其中部分大于总数：${figureText(part, document)} > ${figureText(amount, document)}`,
    }));
}

/** Completion rate of a target: the target implied by amount / rate must fit the stated target. */
function completionFindings({ context, document, documents, targets, severity }: Walk, amount: Figure, rate: Figure): Finding[] {
  const { locale } = context;
  const key = metricKey(context, amount);
  const stated = key ? (targets.get(`${key}\u0000${amount.period}`) ?? []).filter((f) => f.unit === amount.unit) : [];
  const a = bounded(amount.interval!);
  const r = bounded(rate.interval!);
  if (!a || !r || r.lo <= 0) return [];
  const implied: Interval = { lo: (a.lo / r.hi) * 100, hi: (a.hi / r.lo) * 100, loClosed: true, hiClosed: true };
  const findings: Finding[] = [];
  for (const target of stated) {
    if (overlaps(implied, target.interval!)) continue;
    findings.push(
      arithmeticFinding([rate, amount, target], documents, key, severity,
        t(locale, {
          en: `completion rate: ${figureText(amount, document)} at ${figureText(rate, document)} implies a target of ${formatInterval(implied, amount.unit)}, but the target is ${describeReading(target, documents.get(target.document), locale)}`,
          zh: `完成率：${figureText(amount, document)} 完成 ${figureText(rate, document)} 推算目标为 ${formatInterval(implied, amount.unit)}，而目标为 ${describeReading(target, documents.get(target.document), locale)}`,
        })),
    );
  }
  return findings;
}

/**
 * A share or rate of the amount, with the total stated right before the amount.
 * `占` names the denominator: only a bare `占` / `占比重` refers to the total just stated
 * (`占全国34.5%` is a share of an unstated national total; `占比由18%增至71%` is no share of the amount).
 */
function shareFinding({ context, document, documents, rules, severity }: Walk, total: Figure, amount: Figure, rate: Figure, gap: string): Finding | null {
  const shareAt = Math.max(...rules.shareWords.map((w) => {
    const at = gap.lastIndexOf(w);
    return at < 0 ? -1 : at + w.length;
  }), -1);
  const byWord = shareAt >= 0 && rules.shareTail.test(gap.slice(shareAt));
  const byLabel = shareAt < 0 && rules.rateSuffixes.some((s) => rate.label.endsWith(s));
  if (!byWord && !byLabel) return null;
  if (!hasValue(total) || !isAmount(total) || total.unit !== amount.unit || total.kind !== amount.kind) return null;
  const totalGap = between(document, total, amount);
  if (totalGap === null) return null;
  // `面积1800平方公里、石漠化面积183平方公里`: items of one list are siblings, not a total and its part.
  if (rules.siblingSeparators.some((w) => totalGap.includes(w))) return null;
  // A rate known only by its label (…率) is about the amount only when the amount is a kind of the
  // total: their labels end in the same head noun (`办证难项目`…`大房本项目`).
  if (byLabel && !sameHead(total.label, amount.label, rules.sharedHead)) return null;
  // An amount larger than the "total" is not its part: the rate is about something else.
  if (amount.value! > total.value!) return null;
  const computed = ratioPercent(amount.interval!, total.interval!);
  if (!computed || overlaps(computed, rate.interval!)) return null;
  const decimals = decimalsOf(rate) + 1;
  const shown = shownValue((amount.value! / total.value!) * 100, '%', decimals);
  const range = shownInterval(computed, '%', decimals);
  return arithmeticFinding([rate, amount, total], documents, metricKey(context, rate), severity,
    t(context.locale, {
      en: `share: ${figureText(amount, document)} of ${figureText(total, document)} is ${shown} (interval ${range}), but the text says ${figureText(rate, document)}`,
      zh: `占比：${figureText(amount, document)} / ${figureText(total, document)} = ${shown}（区间 ${range}），而文中为 ${figureText(rate, document)}`,
    }));
}
