/**
 * `figure-mismatch`: two statements of one metric for the same period whose intervals do not overlap
 * (SEMANTICS.md), across documents and inside one. Metrics come from metric rules, or, for figures no
 * rule covers, from auto-alignment (align.ts; those findings say so and use the alignment severity).
 * Targets are left to the target check: a target and an actual are not a contradiction.
 */
import type { Document, Figure, Finding, Location, Severity } from '../model.js';
import type { CheckRule, ConsistencySettings } from '../rules/types.js';
import { t } from '../i18n.js';
import { ambiguousLabel, planParts, sameSentence, sentenceOf, type MetricGroup } from './align.js';
import { metricGroupsOnce } from './groups-once.js';
import { Decimal } from 'decimal.js';
import { comparedTarget, consistent, plainWidth, describeReading, figureText, precision, truncationConsistent } from './compare.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';
import { recordReadings, recordWordingPair } from '../coverage/compared.js';
import { wordingSameFacts, type WordingPair } from './wording.js';
import { compareOppositeChanges } from './opposite-changes.js';
import { measureOf } from '../meaning/metric.js';
import { ESTIMATE_REVISED, estimateAndFinal, finalsFirst, mixesEstimates, revisionNote, revisionSeverity } from './consistency-estimates.js';

export const FIGURE_MISMATCH = 'figure-mismatch';
/** Two statements that agree only if the coarser one was truncated (consistency.truncatedRestatement): info. */
export const FIGURE_TRUNCATED = 'figure-truncated';

/** A figure's location with its original text filled in. */
export function locationOf(figure: Figure): Location {
  return { ...figure.location, text: figure.location.text ?? figure.raw };
}

/** Statements with the same document and text are one reading (a doubled body repeats them). */
export interface Reading {
  document: string;
  text: string;
  figures: Figure[];
}

export function readingsOf(figures: Figure[], documents: ReadonlyMap<string, Document>): Reading[] {
  const readings = new Map<string, Reading>();
  for (const figure of figures) {
    const text = figureText(figure, documents.get(figure.document));
    const key = `${figure.document}\u0000${text}\u0000${figure.modality}`;
    const reading = readings.get(key) ?? { document: figure.document, text, figures: [] };
    reading.figures.push(figure);
    readings.set(key, reading);
  }
  return [...readings.values()];
}

/**
 * The figures of a reading that are statements of their own: a document restating a figure in other
 * words (`居民消费价格涨幅回落到2.6%,为今年…` in the review, `去年居民消费价格涨幅回落到2.6%,这是…` in the
 * plan part) states it twice; a copy of a sentence (a doubled body) states it once. The first of each.
 */
export function restatements(reading: Reading, documents: ReadonlyMap<string, Document>): Figure[] {
  if (reading.figures.length < 2) return reading.figures;
  const document = documents.get(reading.document);
  const seen = new Set<string>();
  return reading.figures.filter((figure) => {
    const sentence = sentenceOf(document, figure);
    if (seen.has(sentence)) return false;
    seen.add(sentence);
    return true;
  });
}

/**
 * The finding of a group's disagreeing readings: `figure-mismatch`, or `estimate-revised` for an estimate and
 * the final figure it preceded (consistency-estimates.ts), which names the side that is preliminary.
 */
function mismatchFinding(
  group: MetricGroup,
  involved: Reading[],
  context: CheckContext,
  documents: ReadonlyMap<string, Document>,
  severity: Severity,
  rule: typeof FIGURE_MISMATCH | typeof ESTIMATE_REVISED = FIGURE_MISMATCH,
): Finding {
  const { locale } = context;
  // Most precise reading first: it is the reference value; of a revision, the final figure is.
  const ordered = rule === ESTIMATE_REVISED ? finalsFirst(involved, precision) : [...involved].sort((a, b) => precision(a.figures[0]!) - precision(b.figures[0]!));
  const shown = ordered.map((r) => describeReading(r.figures[0]!, documents.get(r.document), locale));
  let message = `${group.name}: ${shown.join(t(locale, { en: ' vs ', zh: ' 与 ' }))}`;
  if (locale === 'zh-CN') message += ' 不一致';
  if (rule === ESTIMATE_REVISED) message += revisionNote(ordered, locale);
  if (group.auto) {
    message += t(locale, {
      en: ` (aligned automatically by label, unit and period ${group.period}; add a metric rule to confirm)`,
      zh: `（按指标名称、单位和期间 ${group.period} 自动对齐；可写入规则文件确认）`,
    });
  }
  const figures = ordered.flatMap((r) => r.figures);
  return {
    fingerprint: fingerprint(
      rule,
      group.metric,
      ordered.map((r) => ({ document: r.document, text: r.text })),
    ),
    rule,
    severity,
    message,
    metric: group.metric,
    locations: figures.map(locationOf),
  };
}

/** The info finding for two readings that agree under the truncation reading only; it names that reading. */
function truncatedFinding(group: MetricGroup, pair: [Reading, Reading], context: CheckContext, documents: ReadonlyMap<string, Document>): Finding {
  const { locale } = context;
  const ordered = [...pair].sort((a, b) => precision(a.figures[0]!) - precision(b.figures[0]!));
  const shown = ordered.map((r) => describeReading(r.figures[0]!, documents.get(r.document), locale));
  const message =
    `${group.name}: ${shown.join(t(locale, { en: ' vs ', zh: ' 与 ' }))}` +
    t(locale, {
      en: ': consistent if the coarser figure was truncated, not rounded (reading: consistency.truncatedRestatement)',
      zh: '：若较粗的数字为截断（而非四舍五入）所得则一致（按 consistency.truncatedRestatement 的读法）',
    });
  return {
    fingerprint: fingerprint(FIGURE_TRUNCATED, group.metric, ordered.map((r) => ({ document: r.document, text: r.text }))),
    rule: FIGURE_TRUNCATED,
    severity: 'info',
    message,
    metric: group.metric,
    locations: ordered.flatMap((r) => r.figures).map(locationOf),
  };
}

/** True when every pairing of the two readings' figures lies inside one sentence of one document. */
function onlyInOneSentence(a: Reading, b: Reading, documents: ReadonlyMap<string, Document>): boolean {
  return a.figures.every((fa) => b.figures.every((fb) => sameSentence(documents.get(fa.document), fa, fb)));
}

/**
 * The readings that disagree with at least one other reading (not excluded), in reading order.
 * Comparing every pair is quadratic in the documents stating a metric (10,000 documents each stating
 * 地区生产总值 for one year); instead, per unit, readings sorted by interval end are scanned for a partner
 * lying wholly left (then, sorted by start, right) of each reading: a disagreement is a pair of intervals
 * that do not overlap, or two plain figures of one precision with different digits, which touch at
 * best on a figure's own grid (SEMANTICS.md); hand-set intervals wider than the grid are covered by a
 * pass per precision. The scan stops at the first partner found or the first interval reaching past that start, and `consistent`
 * decides every candidate, so the result is the pairwise one in O(n log n) plus, per document, the
 * readings it excludes (same document, one sentence).
 */
export function disagreeing(
  readings: Reading[],
  settings: ConsistencySettings,
  excluded: (a: Reading, b: Reading) => boolean,
): Set<Reading> {
  const found = new Set<Reading>();
  const byUnit = new Map<string, Reading[]>();
  for (const reading of readings) {
    const figure = reading.figures[0]!;
    if (!figure.interval || figure.placeholder) continue;
    // (by the measure alignment reads: `20项` and `20件` of one label are compared, meaning/metric.ts measureOf)
    const key = measureOf(figure).unit ?? '';
    const list = byUnit.get(key) ?? [];
    list.push(reading);
    byUnit.set(key, list);
  }
  const epsilon = settings.relativeEpsilon ?? 1e-9;
  // Ends within float noise of each other may still disagree (touching ends, equal precision).
  const slack = (x: number, y: number) => 4 * Math.max(epsilon, 1e-6) * Math.max(1, Math.abs(x), Math.abs(y));
  const scan = (list: Reading[], end: (r: Reading) => number | null, start: (r: Reading) => number | null, before: (x: number, y: number) => boolean) => {
    const sorted = list.filter((r) => end(r) !== null).sort((a, b) => (before(end(a)!, end(b)!) ? -1 : before(end(b)!, end(a)!) ? 1 : 0));
    for (const reading of list) {
      const from = start(reading);
      if (from === null) continue;
      for (const other of sorted) {
        const to = end(other)!;
        // Past the reading's start (beyond float noise): no later interval can lie wholly before it.
        if (before(from, to) && Math.abs(to - from) > slack(to, from)) break;
        if (other === reading || excluded(reading, other)) continue;
        if (!consistent(reading.figures[0]!, other.figures[0]!, settings)) {
          found.add(reading);
          found.add(other);
          break;
        }
      }
    }
  };
  // Two plain figures of one precision with different digits disagree even where their intervals
  // overlap: per precision, a reading against the readings of every other value (the first one not
  // excluded settles it).
  const strict = (list: Reading[]) => {
    if (settings.equalPrecisionStrict === false) return;
    const byWidth = new Map<string, Map<string, Reading[]>>();
    for (const reading of list) {
      const figure = reading.figures[0]!;
      const width = plainWidth(figure);
      if (width === null || figure.value === null) continue;
      const widthKey = width.toPrecision(6);
      const value = figure.exact !== null ? new Decimal(figure.exact).toString() : String(figure.value);
      const values = byWidth.get(widthKey) ?? new Map<string, Reading[]>();
      const same = values.get(value) ?? [];
      same.push(reading);
      values.set(value, same);
      byWidth.set(widthKey, values);
    }
    for (const values of byWidth.values()) {
      if (values.size < 2) continue;
      for (const [value, same] of values) {
        for (const reading of same) {
          let partner: Reading | undefined;
          for (const [otherValue, others] of values) {
            if (otherValue === value) continue;
            partner = others.find((o) => !excluded(reading, o) && !consistent(reading.figures[0]!, o.figures[0]!, settings));
            if (partner) break;
          }
          if (partner) {
            found.add(reading);
            found.add(partner);
          }
        }
      }
    }
  };
  for (const list of byUnit.values()) {
    if (list.length < 2) continue;
    const interval = (r: Reading) => r.figures[0]!.interval!;
    scan(list, (r) => interval(r).hi, (r) => interval(r).lo, (x, y) => x < y);
    scan(list, (r) => interval(r).lo, (r) => interval(r).hi, (x, y) => x > y);
    strict(list);
  }
  return new Set(readings.filter((r) => found.has(r)));
}

/** A group's readings that disagree: two of one standing (`involved`), an estimate and a final (`revised`). */
interface Disagreements {
  involved: Set<Reading>;
  revised: Set<Reading>;
  /** Pairs that disagree when rounded but agree when the coarser figure was truncated: not a mismatch. */
  truncated: Array<[Reading, Reading]>;
}

/**
 * The disagreements among a group's readings, pairs `excluded` left out. With `mixed` (estimates and finals),
 * an estimate against a final is looked for apart from two readings of one standing.
 */
function disagreements(readings: Reading[], context: CheckContext, excluded: (a: Reading, b: Reading) => boolean, mixed: boolean): Disagreements {
  const settings = context.rules.consistency ?? {};
  const truncated: Array<[Reading, Reading]> = [];
  const seen = new Set<string>();
  const index = new Map(readings.map((r, i) => [r, i]));
  const excusedByTruncation = (a: Reading, b: Reading): boolean => {
    const [fa, fb] = [a.figures[0]!, b.figures[0]!];
    if (!truncationConsistent(fa, fb, settings, context.rules.magnitudes) || consistent(fa, fb, settings)) return false;
    const key = [index.get(a)!, index.get(b)!].sort((x, y) => x - y).join(',');
    if (!seen.has(key)) {
      seen.add(key);
      truncated.push([a, b]);
    }
    return true;
  };
  const involved = disagreeing(readings, settings, (a, b) => (mixed && estimateAndFinal(a, b)) || excluded(a, b) || excusedByTruncation(a, b));
  const revised = mixed ? disagreeing(readings, settings, (a, b) => !estimateAndFinal(a, b) || excluded(a, b) || excusedByTruncation(a, b)) : new Set<Reading>();
  return { involved, revised, truncated };
}

/** A target read as the value it sets: its interval the point of its value, no qualifier. */
function asSetValue(figure: Figure): Figure {
  return { ...figure, qualifier: null, interval: { lo: figure.value, loClosed: true, hi: figure.value, hiClosed: true } };
}

/**
 * Compares one group's statements of one modality (`stated`: actuals and estimates; `target`: targets),
 * pushing the comparison and its findings. Targets are compared only when stated in two places at least.
 */
function compareStatements(context: CheckContext, rule: CheckRule, of: MetricGroup, statements: Figure[], modality: 'stated' | 'target', findings: Finding[]): void {
  const group = modality === 'target' ? { ...of, name: `${of.name} (${t(context.locale, { en: 'target', zh: '目标' })})` } : of;
  const alignment = context.rules.alignment ?? {};
  const documents = context.documentById;
  if (!statements.length) return;
  // One statement alone (most groups of a run): nothing to weigh it against, and nothing below would find
  // anything (no label ambiguity, one reading, no restatement): the comparison says so at once.
  if (modality === 'stated' && statements.length === 1) {
    context.comparisons.push({ metric: group.metric, name: group.name, auto: group.auto, period: group.period, statements, verdict: 'single' });
    return;
  }
  const places = new Set(statements.map((f) => `${f.document}\u0000${f.span.start}`)).size;
  if (modality === 'target' && places < 2) return;
  // (two targets of one sentence are two aims, a floor and its stretch (`增长7%以上、力争达到8%`), not one target stated twice)
  if (modality === 'target' && new Set(statements.map((f) => `${f.document}\u0000${sentenceOf(documents.get(f.document), f)}`)).size < 2) return;
  // (targets of one period set by two plans, the later revising the earlier, are two facts: compared apart)
  if (modality === 'target') {
    const plans = planParts(statements, documents, context.rules);
    if (plans.length > 1) {
      for (const plan of plans) compareStatements(context, rule, of, plan, modality, findings);
      return;
    }
  }
  const ambiguous = group.auto && ambiguousLabel(statements, documents, context.rules, modality);
  // `略低于8%的预定目标`: a target compared with is its plain value, not the comparison's bound
  const judged = modality === 'target' ? statements.map((f) => (comparedTarget(f, documents.get(f.document), context.rules) ? asSetValue(f) : f)) : statements;
  const readings = readingsOf(judged, documents);
  const excluded = (a: Reading, b: Reading): boolean =>
    a.document === b.document && ((group.auto && alignment.withinDocument === false) || onlyInOneSentence(a, b, documents));
  // Two finals (or two estimates) disagreeing are a mismatch; an estimate and a final one, a revision of the
  // estimate, weighed apart (consistency-estimates.ts). Only a group stating both can hold a revision.
  const { involved, revised, truncated } = ambiguous
    ? { involved: new Set<Reading>(), revised: new Set<Reading>(), truncated: [] }
    : disagreements(readings, context, excluded, modality === 'stated' && mixesEstimates(readings));
  if (!ambiguous) recordReadings(context.compared, readings, excluded);
  for (const pair of truncated) {
    if (![...pair].some((r) => involved.has(r) || revised.has(r))) findings.push(truncatedFinding(group, pair, context, documents));
  }
  // (a target stated twice in the same words is still stated twice: `今年预期7%左右…实现7%左右的增长`; so
  // is an outcome restated in other words, not a copied sentence)
  const single = modality === 'target' ? places < 2 : readings.reduce((n, r) => n + restatements(r, documents).length, 0) < 2;
  // A label too ambiguous to align on (one document states it with two values: the items of a list, two
  // scopes) was not compared: each of its statements stands alone, not as one metric found consistent.
  if (ambiguous && !single) {
    const original = new Map(judged.map((f, i) => [f, statements[i]!]));
    for (const reading of readings) {
      const alone = reading.figures.map((f) => original.get(f) ?? f);
      context.comparisons.push({ metric: group.metric, name: group.name, auto: group.auto, period: group.period, statements: alone, verdict: 'single' });
    }
    return;
  }
  context.comparisons.push({
    metric: group.metric,
    name: group.name,
    auto: group.auto,
    period: group.period,
    statements,
    verdict: single ? 'single' : involved.size || revised.size ? 'mismatch' : 'consistent',
  });
  // (a mismatch at the alignment's or the rule's severity; a revised estimate one step below: consistency-estimates.ts)
  const severity: Severity = group.auto ? (alignment.severity ?? 'warning') : (rule.severity ?? consistencyCheck.defaultSeverity);
  if (involved.size) findings.push(mismatchFinding(group, [...involved], context, documents, severity));
  if (revised.size) findings.push(mismatchFinding(group, [...revised], context, documents, revisionSeverity(severity), ESTIMATE_REVISED));
}

export const consistencyCheck: CheckModule = {
  type: 'consistency',
  ruleIds: [FIGURE_MISMATCH, FIGURE_TRUNCATED, ESTIMATE_REVISED],
  defaultSeverity: 'error',
  description: 'Two statements of one metric for the same period whose intervals do not overlap (estimate-revised: an estimate and the final figure).',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const settings = context.rules.consistency ?? {};
    const alignment = context.rules.alignment ?? {};
    const documents = context.documentById;
    const auto = rule.auto !== false && (rule.metrics === undefined || rule.metrics === '*');
    const findings: Finding[] = [];
    const from = context.comparisons.length;
    const groups = metricGroupsOnce(context, rule, { auto });
    for (const group of groups) {
      // What happened (actuals and estimates) is compared; a target restated (`去年提出…控制在10%以内`) is
      // compared with the target as first set, apart: a target and an actual are the target check's.
      compareStatements(context, rule, group, group.figures.filter((f) => f.modality !== 'target'), 'stated', findings);
      compareStatements(context, rule, group, group.figures.filter((f) => f.modality === 'target'), 'target', findings);
    }
    // (one indicator's change stated as a rise and as a fall: compared signed)
    if (auto) compareOppositeChanges(context, groups, findings);
    if (auto) {
      // Actuals the identity pass compared with another statement are settled; the rest may be one fact
      // worded apart (wording.ts).
      const aligned = new Map<Figure, Figure[]>();
      for (const comparison of context.comparisons.slice(from)) {
        if (comparison.verdict !== 'single') for (const f of comparison.statements) aligned.set(f, comparison.statements);
      }
      for (const pair of wordingSameFacts(context, aligned)) compareWordingPair(context, pair, aligned, findings);
      const target = t(context.locale, { en: 'target', zh: '目标' });
      for (const pair of wordingSameFacts(context, aligned, 'target')) compareWordingPair(context, { ...pair, name: `${pair.name} (${target})` }, aligned, findings);
    }
    return findings;
  },
};

/**
 * Compares one fact stated twice in other words (wording.ts) as an identity pair is compared; a disagreement
 * is a warning at most, and its message says how the statements were paired. A statement paired with one the
 * identity pass aligned with others (`aligned`: figure → its comparison's statements) restates that fact: it
 * joins all of them.
 */
function compareWordingPair(context: CheckContext, pair: WordingPair, aligned: ReadonlyMap<Figure, Figure[]>, findings: Finding[]): void {
  const settings = context.rules.consistency ?? {};
  const documents = context.documentById;
  const { a, b } = pair;
  if (a.unit !== b.unit) return;
  const [lone, partner] = aligned.has(a) ? [b, a] : [a, b];
  const others = (aligned.get(partner) ?? [partner]).filter((f) => f.unit === lone.unit && f !== lone);
  // (agreeing under the truncation reading only: no finding, as for an identity pair it would be info at most)
  const disagreeing = others.filter((f) => !consistent(lone, f, settings) && !truncationConsistent(lone, f, settings, context.rules.magnitudes));
  const statements = [lone, ...others].sort((x, y) => (context.documentOrder.get(x.document) ?? 0) - (context.documentOrder.get(y.document) ?? 0) || x.span.start - y.span.start);
  const group: MetricGroup = { metric: pair.metric, name: pair.name, auto: false, period: a.period!, figures: statements };
  context.comparisons.push({ metric: pair.metric, name: pair.name, auto: true, period: a.period, statements, verdict: disagreeing.length ? 'mismatch' : 'consistent' });
  recordWordingPair(context.compared, [lone], others);
  if (!disagreeing.length) return;
  // (the lone statement against an estimate the identity pass aligned, or the other way round: a revision, one step lower)
  const revision = (f: Figure) => (f.modality === 'estimate') !== (lone.modality === 'estimate');
  for (const [others, rule] of [[disagreeing.filter((f) => !revision(f)), FIGURE_MISMATCH], [disagreeing.filter(revision), ESTIMATE_REVISED]] as const) {
    if (!others.length) continue;
    const severity = rule === ESTIMATE_REVISED ? revisionSeverity('warning') : 'warning';
    const finding = mismatchFinding(group, readingsOf([lone, ...others], documents), context, documents, severity, rule);
    finding.message += t(context.locale, {
      en: ` (paired by wording, similarity ${pair.similarity.toFixed(2)}, period ${a.period}: add a metric rule to confirm)`,
      zh: `（按措辞配对，相似度 ${pair.similarity.toFixed(2)}，期间 ${a.period}：可写入规则文件确认）`,
    });
    findings.push(finding);
  }
}
