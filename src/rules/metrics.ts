/**
 * Resolving figures to metric rules. A figure's label is matched against each metric's name and
 * aliases (normalized Simplified text): exactly first, then after dropping scope/filler words at the
 * start of the label (`全区引进到位资金` → `引进到位资金`, list in rules/core/checks.yaml). Nothing looser:
 * `新能源发电` must not become `发电`, a city's figure must not become the region's. A matching metric
 * must also agree with the figure's unit, kind and change where the metric states them.
 */
import type { Figure } from '../model.js';
import type { MetricRule, RuleSet } from './types.js';

/** Label as compared: no whitespace or quotes, ASCII letters lower-cased. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\s“”"'‘’《》「」]/g, '').toLowerCase();
}

/** Whether the figure's unit, kind and change fit the metric (unstated parts of the metric fit anything). */
export function fitsMetric(figure: Figure, metric: MetricRule): boolean {
  if (metric.unit !== undefined && metric.unit !== figure.unit) return false;
  if (metric.kind !== undefined && metric.kind !== figure.kind) return false;
  if (metric.change !== undefined && metric.change !== figure.change) return false;
  return true;
}

/** The label with leading scope/filler words removed, repeatedly (`全区全年…`). */
export function stripLabelPrefixes(label: string, prefixes: string[]): string {
  let current = label;
  for (let changed = true; changed; ) {
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

/** Index of metrics by normalized alias (a metric's name is one of its aliases). */
function aliasIndex(metrics: MetricRule[]): Map<string, MetricRule[]> {
  const index = new Map<string, MetricRule[]>();
  for (const metric of metrics) {
    for (const alias of new Set([metric.name, ...(metric.aliases ?? [])].map(normalizeLabel))) {
      if (!alias) continue;
      const list = index.get(alias) ?? [];
      list.push(metric);
      index.set(alias, list);
    }
  }
  return index;
}

/**
 * The metric rule of each figure that one covers. When several metrics share an alias (GDP as a level
 * and as a growth rate), unit/kind/change pick the one; if still more than one fits, the figure is left
 * unresolved rather than guessed.
 */
export function resolveMetrics(figures: Figure[], rules: RuleSet): Map<Figure, MetricRule> {
  const metrics = rules.metrics ?? [];
  const result = new Map<Figure, MetricRule>();
  if (!metrics.length) return result;
  const index = aliasIndex(metrics);
  const prefixes = (rules.alignment?.labelPrefixes ?? []).map(normalizeLabel);
  for (const figure of figures) {
    const label = normalizeLabel(figure.label ?? '');
    if (!label) continue;
    for (const candidate of new Set([label, stripLabelPrefixes(label, prefixes)])) {
      const fitting = (index.get(candidate) ?? []).filter((metric) => fitsMetric(figure, metric));
      if (fitting.length === 1) {
        result.set(figure, fitting[0]!);
        break;
      }
      if (fitting.length > 1) break;
    }
  }
  return result;
}
