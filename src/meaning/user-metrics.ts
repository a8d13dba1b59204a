/**
 * User metrics (a rule file's `metrics`) compiled once per rule set: their names and aliases parsed as
 * subjects and keyed the same way, so resolving a figure looks its subject's key up; what an alias requires
 * (unit, change, change noun, relation) is checked by fitsMetric. A user metric wins over the lexicon.
 * Split out of metric.ts unchanged.
 */
import type { Change, Figure } from '../model.js';
import type { MetricRule, RuleSet } from '../rules/types.js';
import { lexiconOf } from './lexicon.js';
import { type Subject, parseSubject, subjectKey } from './subject.js';

/** A compiled user-metric matcher of one rule set. */
interface UserMetrics {
  /** subject key → metrics with what their alias requires. */
  byKey: Map<string, { metric: MetricRule; change: Change; changeNoun: boolean; relational: boolean }[]>;
  any: boolean;
}

const userMetricsCache = new WeakMap<RuleSet, UserMetrics>();

function userMetricsOf(rules: RuleSet): UserMetrics {
  let compiled = userMetricsCache.get(rules);
  if (compiled) return compiled;
  const byKey: UserMetrics['byKey'] = new Map();
  const add = (key: string, entry: { metric: MetricRule; change: Change; changeNoun: boolean; relational: boolean }) => {
    const list = byKey.get(key) ?? [];
    if (!list.some((e) => e.metric === entry.metric && e.change === entry.change && e.relational === entry.relational)) list.push(entry);
    byKey.set(key, list);
  };
  for (const metric of rules.metrics ?? []) {
    for (const alias of new Set([metric.name, ...(metric.aliases ?? [])])) {
      const subject = parseSubject(alias, rules);
      if (!subject.core) continue;
      add(subjectKey(subject), { metric, change: subject.change, changeNoun: subject.changeNoun, relational: false });
    }
  }
  compiled = { byKey, any: byKey.size > 0 };
  userMetricsCache.set(rules, compiled);
  return compiled;
}

/**
 * Whether the figure's unit, kind and change fit the metric (unstated parts of the metric fit anything). A
 * `level` is any amount, a count of things (`1.05万套`) included: a reader writes `kind: level` for both.
 */
export function fitsMetric(figure: Figure, metric: MetricRule): boolean {
  if (metric.unit !== undefined && metric.unit !== figure.unit) return false;
  if (metric.kind !== undefined && metric.kind !== figure.kind && !(metric.kind === 'level' && figure.kind === 'count')) return false;
  if (metric.change !== undefined && metric.change !== figure.change) return false;
  return true;
}

/**
 * The user metric a figure's subject names, or null. An alias stating a change (`…增长`, `…涨幅`) catches
 * only changes (of that direction for a verb); an alias without the measure (`议事协调机构`) catches
 * `议事协调机构精简幅度` when the metric states the unit. Several fitting metrics: unresolved, not guessed.
 */
export function userMetricOf(figure: Figure, subject: Subject, rules: RuleSet): MetricRule | null {
  const compiled = userMetricsOf(rules);
  if (!compiled.any) return null;
  const fits = (entry: { metric: MetricRule; change: Change; changeNoun: boolean }) => {
    if (entry.change !== null) {
      if (figure.kind !== 'change') return false;
      if (!entry.changeNoun && entry.metric.change === undefined && figure.change !== entry.change) return false;
    }
    return fitsMetric(figure, entry.metric);
  };
  const pick = (key: string, needsUnit: boolean): MetricRule | null | undefined => {
    const entries = (compiled.byKey.get(key) ?? []).filter((e) => (!needsUnit || e.metric.unit !== undefined) && fits(e));
    const metrics = new Set(entries.map((e) => e.metric));
    if (metrics.size === 1) return [...metrics][0]!;
    return metrics.size > 1 ? null : undefined;
  };
  const exact = pick(subjectKey(subject), false);
  if (exact !== undefined) return exact;
  if (!subject.indicator) {
    // `议事协调机构精简幅度` for an alias `议事协调机构` of a metric that states its unit
    const lex = lexiconOf(rules);
    const tail = lex.relationalTails.find((t) => subject.core.length > t.length && subject.core.endsWith(t));
    if (tail) {
      const shorter = pick(subjectKey({ ...subject, core: subject.core.slice(0, subject.core.length - tail.length) }), true);
      if (shorter) return shorter;
    }
  }
  return null;
}
