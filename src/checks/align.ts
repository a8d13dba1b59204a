/**
 * Grouping statements of one metric and period: by metric rule (context.metricOf) or, for figures no
 * rule covers, by auto-alignment: same normalized label, unit, kind, change and period. Auto-alignment
 * is conservative (a wrong alignment is a false alarm): generic or short labels are skipped (settings
 * in rules/core/checks.yaml), and groups stay inside one jurisdiction (jurisdiction.ts: two provinces'
 * 地区生产总值 are two facts, whether a rule or auto-alignment named the metric; a rule's statements of unknown
 * jurisdiction join the one known jurisdiction when there is only one). Whatever the alignment, a statement
 * not marked as a target of a period not over when its document was delivered is a plan and is left out
 * (document-date.ts).
 * Modality is split by the consumers: consistency compares actuals and estimates (an estimate is still
 * a claim about what happened), the target check sets targets apart.
 */
import type { Document, Figure } from '../model.js';
import { consistent } from './compare.js';
import type { AlignmentSettings, CheckRule, MetricRule, RuleSet } from '../rules/types.js';
import { measureOf } from '../meaning/metric.js';
import { documentDate, periodOverBy } from './document-date.js';
import { estimateOfClosingPeriod } from './consistency-estimates.js';
import { jurisdictionKey } from './jurisdiction.js';
import type { CheckContext } from './types.js';
import { autoIdentityOnce, usable } from './identity.js';

// (what a statement is grouped by lives in identity.ts; its importers read it from here too)
export { autoIdentity, autoIdentityOnce, autoKey, autoLabel, usable } from './identity.js';

export interface MetricGroup {
  /** Metric id, or the auto key (`auto:label|unit|kind|change`). */
  metric: string;
  /** Display name: the metric's name, or the shared label. */
  name: string;
  auto: boolean;
  period: string;
  /** The documents' jurisdiction key (jurisdiction.ts); '' when unknown. */
  jurisdiction?: string;
  rule?: MetricRule;
  /** In document order, then text order. */
  figures: Figure[];
}

function inScope(figure: Figure, rule: CheckRule): boolean {
  if (rule.documents && !rule.documents.includes(figure.document)) return false;
  const periods = rule.periods as string[] | undefined;
  if (periods && !periods.includes(figure.period ?? '')) return false;
  return true;
}

function sortFigures(figures: Figure[], documentOrder: ReadonlyMap<string, number>): Figure[] {
  return figures.sort(
    (a, b) => (documentOrder.get(a.document) ?? 0) - (documentOrder.get(b.document) ?? 0) || a.span.start - b.span.start,
  );
}

/**
 * Groups usable figures in scope into (metric, period) groups. `auto` adds auto-aligned groups for
 * figures no metric rule covers; `metrics` restricts rule-covered groups to the listed ids.
 */
export function metricGroups(context: CheckContext, rule: CheckRule, options: { auto: boolean }): MetricGroup[] {
  const settings = context.rules.alignment ?? {};
  const wanted = rule.metrics === undefined || rule.metrics === '*' ? null : new Set(rule.metrics);
  const documentOrder = context.documentOrder;
  const documents = context.documentById;
  const groups = new Map<string, MetricGroup>();
  for (const figure of context.figures) {
    if (!usable(figure) || !inScope(figure, rule)) continue;
    // An actual of a period not over when the document was delivered is a plan the text did not mark as one.
    const delivered = documentDate(documents.get(figure.document), settings.documentDate);
    if (figure.modality !== 'target' && !periodOverBy(figure.period, delivered) && !estimateOfClosingPeriod(figure, delivered, context)) continue;
    const metric = context.metricOf.get(figure);
    let id: string;
    let name: string;
    // Two regions' figures under one name are different facts, whoever named the metric.
    const jurisdiction = jurisdictionKey(documents.get(figure.document), settings.jurisdiction);
    if (metric) {
      if (wanted && !wanted.has(metric.id)) continue;
      id = metric.id;
      name = metric.name;
    } else {
      if (!options.auto) continue;
      const identity = autoIdentityOnce(figure, context.rules);
      if (!identity) continue;
      id = identity.id;
      name = identity.name;
    }
    const key = `${id}\u0000${figure.period}\u0000${jurisdiction}`;
    let group = groups.get(key);
    if (!group) {
      group = { metric: id, name, auto: !metric, period: figure.period!, jurisdiction, rule: metric, figures: [] };
      groups.set(key, group);
    }
    group.figures.push(figure);
  }
  joinUnknownJurisdiction(groups);
  for (const group of groups.values()) sortFigures(group.figures, documentOrder);
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  // Sorted by (metric, period, jurisdiction): its map key joins them with NUL, which sorts before every other
  // character, so the keys sort alike unless a part holds a NUL itself (then the parts are compared).
  // (the default sort compares strings by UTF-16 code units, as `text` does, without a call per comparison)
  const keys = [...groups.keys()];
  if (keys.every(threeParts)) return keys.sort().map((key) => groups.get(key)!);
  return [...groups.values()].sort(
    (a, b) => text(a.metric, b.metric) || text(a.period, b.period) || text(a.jurisdiction ?? '', b.jurisdiction ?? ''),
  );
}

/** Whether a group's key has exactly two NULs (its three parts hold none). */
function threeParts(key: string): boolean {
  const first = key.indexOf('\u0000');
  const second = first < 0 ? -1 : key.indexOf('\u0000', first + 1);
  return second >= 0 && key.indexOf('\u0000', second + 1) < 0;
}

/**
 * A rule's statements whose document names no jurisdiction (a short excerpt, a table) join the rule's group of
 * the same period when that group is the only one with a known jurisdiction: the user said what the metric is,
 * and nothing says the excerpt is about another place. Auto groups stay apart: their identity is a guess.
 */
function joinUnknownJurisdiction(groups: Map<string, MetricGroup>): void {
  const known = new Map<string, MetricGroup[]>();
  for (const group of groups.values()) {
    if (group.auto || !group.jurisdiction) continue;
    const key = `${group.metric}\u0000${group.period}`;
    known.set(key, [...(known.get(key) ?? []), group]);
  }
  for (const [key, group] of groups) {
    if (group.auto || group.jurisdiction) continue;
    const only = known.get(`${group.metric}\u0000${group.period}`);
    if (only?.length !== 1) continue;
    only[0]!.figures.push(...group.figures);
    groups.delete(key);
  }
}

/** Auto-aligned groups stated in at least `minPlaces` distinct places (document + text position). */
export function alignedMetrics(context: CheckContext, minPlaces = 2): MetricGroup[] {
  return metricGroups(context, { type: 'consistency', metrics: '*' }, { auto: true }).filter(
    (group) => group.auto && new Set(group.figures.map((f) => `${f.document}:${f.span.start}`)).size >= minPlaces,
  );
}

/** Rules with alignment settings present (core defaults apply when absent). */
export function alignmentSettings(rules: RuleSet): AlignmentSettings {
  return rules.alignment ?? {};
}

const SENTENCE_END = /[。;!?\n]/;

/** Where a statement's sentence ends (full-width marks too): what `sentenceOf` reads. */
const STATEMENT_END = /[。;；!！?？\n]/u;

/** The sentence holding a figure, as written (normalized text); '' without its document. */
export function sentenceOf(document: Document | undefined, figure: Figure): string {
  if (!document) return '';
  const text = document.normalized;
  let start = figure.span.start;
  while (start > 0 && !STATEMENT_END.test(text[start - 1]!)) start--;
  let end = figure.span.end;
  while (end < text.length && !STATEMENT_END.test(text[end]!)) end++;
  return text.slice(start, end);
}

/**
 * Two figures of one document in one sentence are never two statements of one fact: the sentence is
 * saying something else (`从1.5万亿元增长到2.3万亿元`, `40条配套政策、21条接续政策`).
 */
export function sameSentence(document: Document | undefined, a: Figure, b: Figure): boolean {
  if (!document || a.document !== b.document) return false;
  const [first, second] = a.span.start <= b.span.start ? [a, b] : [b, a];
  if (second.span.start < first.span.end) return true;
  return !SENTENCE_END.test(document.normalized.slice(first.span.end, second.span.start));
}

/**
 * An auto-aligned label that one document states with two disagreeing values (outside one sentence)
 * names more than one thing there (two scopes, two programmes): the label is too ambiguous to align on.
 * Actuals and estimates are looked at (`stated`), or the targets alone (`target`).
 */
export function ambiguousLabel(figures: Figure[], documents: ReadonlyMap<string, Document>, rules: RuleSet, modality: 'stated' | 'target' = 'stated'): boolean {
  const byDocument = new Map<string, Figure[]>();
  for (const figure of figures) {
    if ((figure.modality === 'target') !== (modality === 'target')) continue;
    const list = byDocument.get(figure.document) ?? [];
    list.push(figure);
    byDocument.set(figure.document, list);
  }
  for (const [id, list] of byDocument) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (measureOf(a).unit === measureOf(b).unit && !consistent(a, b, rules.consistency)) {
          if (!sameSentence(documents.get(id), a, b) || a.value !== b.value) return true;
        }
      }
    }
  }
  return false;
}

/** The most distinct readings of one target that planParts compares pairwise. */
const MAX_PLAN_READINGS = 64;

/**
 * Targets of one period split into the plans that set them. Two targets of one period set in two documents,
 * neither sentence naming its figure as a target set before (alignment.targetNamingWords: `原定`, `提出`, `目标`…),
 * that disagree are a plan and a later plan revising it (`按照十年规划，到一九八五年，粮食产量达到八千亿斤` and, four
 * years on, the sixth five-year plan's `到一九八五年，全国粮食产量计划达到三亿六千万吨`), not one target stated twice;
 * any other two statements are of one plan, and plans join through any statement of both. One part when nothing
 * was revised; a target quoted (`去年提出…增长7.5%左右`) is still compared with the target as set.
 * Near-linear in the statements (a group may hold a target stated in thousands of documents): a statement naming
 * its figure as a target set before joins every other, statements of one document or one reading join at once,
 * and only the distinct readings are compared pairwise.
 */
export function planParts(targets: Figure[], documents: ReadonlyMap<string, Document>, rules: RuleSet): Figure[][] {
  if (new Set(targets.map((f) => f.document)).size < 2) return [targets];
  const words = rules.alignment?.targetNamingWords ?? [];
  if (targets.some((f) => f.modality !== 'target')) return [targets];
  if (targets.some((f) => words.some((w) => sentenceOf(documents.get(f.document), f).includes(w)))) return [targets];
  const root = targets.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i]!)));
  const join = (i: number, j: number) => (root[find(i)] = find(j));
  const firstOf = new Map<string, number>();
  const readings: number[] = [];
  targets.forEach((f, i) => {
    for (const key of [`d\u0000${f.document}`, `r\u0000${f.unit}\u0000${f.raw}`]) {
      const first = firstOf.get(key);
      if (first === undefined) firstOf.set(key, i);
      else join(i, first);
    }
    if (firstOf.get(`r\u0000${f.unit}\u0000${f.raw}`) === i) readings.push(i);
  });
  // (a plan and its revision are a few statements; a target read in many distinct values across many documents is
  // no revision but one group as before, and comparing its readings pairwise would be quadratic)
  if (readings.length > MAX_PLAN_READINGS) return [targets];
  for (let x = 0; x < readings.length; x++) {
    for (let y = x + 1; y < readings.length; y++) {
      const [i, j] = [readings[x]!, readings[y]!];
      if (find(i) !== find(j) && consistent(targets[i]!, targets[j]!, rules.consistency)) join(i, j);
    }
  }
  const parts = new Map<number, Figure[]>();
  for (let i = 0; i < targets.length; i++) {
    const part = parts.get(find(i)) ?? [];
    part.push(targets[i]!);
    parts.set(find(i), part);
  }
  return [...parts.values()];
}
