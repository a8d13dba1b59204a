/**
 * Resolving figures to metric rules. A figure's subject and each metric's name and aliases are read the
 * same way (src/meaning/subject.ts, user-metrics.ts: neutral and scope words, the indicator named, change
 * words), so an alias written from the text catches what it names. Nothing looser: `新能源发电` must not become
 * `发电`, a city's figure must not become the region's. A matching metric must also agree with the
 * figure's unit, kind and change where the metric states them.
 */
import type { Figure } from '../model.js';
import type { MetricRule, RuleSet } from './types.js';
import { fitsMetric, userMetricOf } from '../meaning/user-metrics.js';
import { subjectOf } from '../meaning/subject.js';

/** Label as compared: no whitespace or quotes, ASCII letters lower-cased. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\s“”"'‘’《》「」]/g, '').toLowerCase();
}

export { fitsMetric } from '../meaning/user-metrics.js';

/** The label with leading scope/filler words removed, repeatedly (`全区全年…`). */
export function stripLabelPrefixes(label: string, prefixes: string[]): string {
  let current = label;
  const firsts = firstCharsOf(prefixes);
  // (a label opening on no prefix's first character opens on no prefix: most labels, left as they are)
  for (let changed = true; changed && firsts.has(current.charCodeAt(0)); ) {
    changed = false;
    for (const prefix of prefixes) {
      if (prefix && current.startsWith(prefix) && current.length > prefix.length) {
        current = current.slice(prefix.length);
        changed = true;
      }
    }
  }
  return current;
}

const firstChars = new WeakMap<string[], Set<number>>();

/** The first characters of a list of prefixes (the empty one has none), once per list. */
function firstCharsOf(prefixes: string[]): Set<number> {
  let firsts = firstChars.get(prefixes);
  if (!firsts) firstChars.set(prefixes, (firsts = new Set(prefixes.filter(Boolean).map((p) => p.charCodeAt(0)))));
  return firsts;
}

/**
 * Warnings for user metrics that caught no figure of the run (a misspelt alias, a rule file for other
 * documents): `file: metric "id" catches no figure in the checked documents`.
 */
export function unusedMetricWarnings(rules: RuleSet, caught: Set<string>): string[] {
  const warnings: string[] = [];
  for (const metric of rules.metrics ?? []) {
    if (caught.has(metric.id)) continue;
    warnings.push(`${metric.source ?? 'rule files'}: metric "${metric.id}" (${metric.name}) catches no figure in the checked documents`);
  }
  return warnings;
}

/**
 * The metric rule of each figure that one covers: the one the meaning stage gave it (figure.metric), else the
 * figure's subject (its label read by the meaning stage, scopes of its clause included) against each metric's
 * name and aliases read the same way (src/meaning/metric.ts). When several metrics fit, the figure is left
 * unresolved rather than guessed.
 */
export function resolveMetrics(figures: Figure[], rules: RuleSet): Map<Figure, MetricRule> {
  const result = new Map<Figure, MetricRule>();
  if (!(rules.metrics ?? []).length) return result;
  const byId = new Map((rules.metrics ?? []).map((metric) => [metric.id, metric]));
  for (const figure of figures) {
    // The meaning stage's own answer first (src/meaning/metric.ts resolveFigureMetrics): a figure with no label of
    // its own that refers to the statement before it (`计划为3.7%，实际达到4.6%`) is caught there, and `figures
    // --metric` shows the same figures a check compares.
    // (a core indicator may share its id with a user metric: the figure must still fit the metric's unit and kind,
    // `比上年增加1109万吨` is a change of the indicator 粮食产量 and no level of it)
    const decided = figure.metric ? byId.get(figure.metric) : undefined;
    if (decided && fitsMetric(figure, decided)) {
      result.set(figure, decided);
      continue;
    }
    if (!figure.label) continue;
    const metric = userMetricOf(figure, subjectOf(figure, rules), rules);
    if (metric) result.set(figure, metric);
  }
  return result;
}
