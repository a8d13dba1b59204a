/**
 * A statement's identity for alignment: whether a figure can be compared at all (usable), and what auto-alignment
 * groups it by when no metric rule covers it (autoIdentity: its indicator with scopes, else its cleaned label and
 * the scopes of its clause; unit, kind and change always part of it). align.ts groups by it; the checks that look
 * up one figure's identity (consistency-estimates.ts, arithmetic) read it here, without importing the grouping.
 */
import type { Figure } from '../model.js';
import type { AlignmentSettings, RuleSet } from '../rules/types.js';
import { normalizeLabel, stripLabelPrefixes } from '../rules/metrics.js';
import { foldedLabel, indicatorOf, isPart, labelScopes, measureOf } from '../meaning/metric.js';
import { isStartOfEnd } from '../meaning/start-end.js';
import { subjectOf } from '../meaning/subject.js';
import { codePointCount } from '../code-points.js';
import { anyWordPattern } from '../meaning/subject-lookup.js';

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
