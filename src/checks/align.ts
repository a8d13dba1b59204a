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
import { normalizeLabel, stripLabelPrefixes } from '../rules/metrics.js';
import { documentDate, periodOverBy } from './document-date.js';
import { estimateOfClosingPeriod } from './consistency-estimates.js';
import { jurisdictionKey } from './jurisdiction.js';
import type { CheckContext } from './types.js';
import { foldedLabel, indicatorOf, isPart, labelScopes, measureOf } from '../meaning/metric.js';
import { isStartOfEnd } from '../meaning/start-end.js';
import { subjectOf } from '../meaning/subject.js';
import { codePointCount } from '../code-points.js';
import { anyWordPattern } from '../meaning/subject-lookup.js';

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

/** A figure that can be compared at all: a value, an interval, a period, nothing unreliable. */
export function usable(figure: Figure): boolean {
  return (
    !figure.placeholder &&
    !figure.unreliable &&
    figure.value !== null &&
    figure.interval !== null &&
    figure.period !== null &&
    figure.period !== undefined &&
    // (a figure without a label of its own may still name an indicator through its sentence: meaning/metric.ts)
    (Boolean(figure.label) || Boolean(figure.metric))
  );
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

const labelSettingsCache = new WeakMap<AlignmentSettings, { prefixes: string[]; synonyms: [string, string[]][]; anyVariant: RegExp; generic: Set<string>; time: RegExp | null }>();

/** The label word lists of the settings, normalized once per settings object (not once per figure). */
function labelSettings(settings: AlignmentSettings) {
  let compiled = labelSettingsCache.get(settings);
  if (!compiled) {
    compiled = {
      prefixes: (settings.labelPrefixes ?? []).map(normalizeLabel),
      synonyms: Object.entries(settings.synonyms ?? {}),
      // (whether a label holds any variant at all: most hold none, and then none is replaced)
      anyVariant: anyWordPattern(Object.values(settings.synonyms ?? {}).flat()),
      generic: new Set((settings.genericLabels ?? []).map(normalizeLabel)),
      time: settings.labelTimePattern ? new RegExp(settings.labelTimePattern, 'u') : null,
    };
    labelSettingsCache.set(settings, compiled);
  }
  return compiled;
}

/** The auto-alignment label of a figure, or null when it is too generic to align on. */
export function autoLabel(figure: Figure, settings: AlignmentSettings): string | null {
  const { prefixes, synonyms, anyVariant, generic, time } = labelSettings(settings);
  let label = stripLabelPrefixes(normalizeLabel(figure.label ?? ''), prefixes);
  if (anyVariant.test(label)) for (const [canonical, variants] of synonyms) {
    for (const variant of variants) if (variant && label.includes(variant)) label = label.split(variant).join(canonical);
  }
  if (codePointCount(label) < (settings.minLabelLength ?? 2)) return null;
  if (generic.has(label)) return null;
  // A label still holding a year or a span of years names no single fact of one period.
  if (time?.test(label)) return null;
  // A label that is only digits/latin is an extraction artefact, not a metric name.
  if (!/[\u4e00-\u9fff]/.test(label)) return null;
  return label;
}

export function autoKey(figure: Figure, label: string): string {
  return `auto:${label}|${figure.unit ?? ''}|${figure.kind}|${figure.change ?? ''}`;
}

/**
 * What auto-alignment groups a figure by: its indicator (with scopes: `年末` and `平均` are two facts) when
 * it resolved to one, else its cleaned label and the scopes of its clause; null when the label is too
 * generic. Unit, kind and change are always part of it.
 */
export function autoIdentity(figure: Figure, rules: RuleSet): { id: string; name: string } | null {
  const { unit, kind } = measureOf(figure);
  const measure = `${unit ?? ''}|${kind}|${figure.change ?? ''}`;
  // A label still holding a span of years (`由前三年分别上升…`) names one figure per year, whatever indicator it names.
  const { time } = labelSettings(rules.alignment ?? {});
  // (a start value dated as its end value, `由上年的1.2%下降到1.17%`, is no second statement of the end's fact)
  if (isStartOfEnd(figure)) return null;
  if (time && figure.label && time.test(normalizeLabel(figure.label))) return null;
  const indicator = figure.metric ? indicatorOf(figure.metric, rules) : undefined;
  if (indicator) {
    const scoped = figure.metric!.includes('@');
    return { id: `indicator:${figure.metric}|${measure}`, name: scoped ? figure.label : indicator.name };
  }
  // (a percentage of an amount, `国家财政收入的60%以上来自…`, is a part of something the label does not name)
  if (isPart(figure)) return null;
  // (a label made only of scope, neutral and change words, `平均每年`, `全年累计`, names no fact of its own)
  if (!subjectOf(figure, rules).core) return null;
  const label = autoLabel(figure, rules.alignment ?? {});
  if (!label) return null;
  const scopes = labelScopes(figure, rules);
  // two wordings of one fact, one key: `的` dropped, `X占国内生产总值的比重` = `X比重`, `中央财政用于X的支出` = `中央财政X支出`
  const key = withoutAdditionVerb(foldedLabel(label, rules), kind, rules.alignment ?? {}).toLowerCase();
  // (measured as alignment measures it: `医疗旅游人次86.5万` counts 人次)
  return { id: `auto:${key || label}|${measure}` + (scopes.length ? `@${scopes.join('+')}` : ''), name: label };
}

/**
 * A count's or an amount's label with the verb of adding that opens it folded to one (alignment.additionVerbs, the first):
 * `新认定高新技术企业` and `新增高新技术企业` are one fact worded by a plan and by its review; `智能化煤矿` (all there are)
 * stays another. Rates and changes keep their labels.
 */
function withoutAdditionVerb(label: string, kind: Figure['kind'], settings: AlignmentSettings): string {
  if (kind !== 'count' && kind !== 'level') return label;
  const verbs = additionVerbsOf(settings);
  const verb = verbs.find((v) => label.startsWith(v) && codePointCount(label) - codePointCount(v) >= 3);
  // (folded to the first verb, not dropped: `新建智能化煤矿` counts what the year added, `智能化煤矿达到400座` all there are)
  if (verb) return (settings.additionVerbs![0] ?? '') + label.slice(verb.length);
  return additionAfterSubject(label, normalizeLabel(settings.additionVerbs?.[0] ?? ''));
}

/**
 * The first addition verb written after what it adds (`科技成果转化企业新增1013家`, `高速公路新增里程320公里`) moved before
 * it, as a plan writes it (`新增科技成果转化企业`, `新增高速公路里程`): one fact in either order. Only the first verb (新增):
 * the others also make nouns of a programme (`交通建设投资` is no `新增交通投资`). The subject before it must be a
 * word of its own (two characters at least).
 */
function additionAfterSubject(label: string, verb: string): string {
  if (!verb) return label;
  const at = label.indexOf(verb);
  if (at < 2 || label.indexOf(verb, at + 1) >= 0) return label;
  const rest = label.slice(0, at) + label.slice(at + verb.length);
  return codePointCount(rest) >= 3 ? verb + rest : label;
}

const additionVerbsCache = new WeakMap<AlignmentSettings, string[]>();

/** The settings' addition verbs, normalized, longest first (once per settings object). */
function additionVerbsOf(settings: AlignmentSettings): string[] {
  let verbs = additionVerbsCache.get(settings);
  if (!verbs) additionVerbsCache.set(settings, (verbs = [...new Set((settings.additionVerbs ?? []).map(normalizeLabel).filter(Boolean))].sort((a, b) => b.length - a.length)));
  return verbs;
}

/** autoIdentity as last computed for a figure, with what it was computed from. */
const identities = new WeakMap<Figure, { rules: RuleSet; of: unknown[]; identity: ReturnType<typeof autoIdentity> }>();

/** autoIdentity, computed once per figure and rule set though each check groups the figures again (speed only). */
export function autoIdentityOnce(figure: Figure, rules: RuleSet): ReturnType<typeof autoIdentity> {
  const of = [figure.label, figure.metric ?? null, figure.unit, figure.kind, figure.change];
  const known = identities.get(figure);
  if (known && known.rules === rules && known.of.every((value, i) => value === of[i])) return known.identity;
  const identity = autoIdentity(figure, rules);
  identities.set(figure, { rules, of, identity });
  return identity;
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
  const keys = [...groups.keys()];
  if (keys.every((key) => key.split('\u0000').length === 3)) return keys.sort(text).map((key) => groups.get(key)!);
  return [...groups.values()].sort(
    (a, b) => text(a.metric, b.metric) || text(a.period, b.period) || text(a.jurisdiction ?? '', b.jurisdiction ?? ''),
  );
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
