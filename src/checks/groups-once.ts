/**
 * metricGroups (align.ts) once per check context and grouping: the consistency and target checks each group
 * every figure of the run by metric and period, and with the core rule set (`type: consistency`, `type:
 * target`, neither naming metrics, documents or periods) they ask for the same groups. Speed only: the
 * groups are read, never changed, by their consumers; each caller gets an array of its own.
 *
 * What makes two requests one: `auto` and every key of the rule but its type and severity (metricGroups reads
 * `metrics`, `documents` and `periods`; a rule differing in any other key is grouped again, which is only slower).
 * Groups that every check type reading them (GROUPING_CHECKS) has had are let go: the checks after them (the
 * duplicate check's large arrays) run without them.
 */
import { metricGroups, type MetricGroup } from './align.js';
import type { CheckRule } from '../rules/types.js';
import type { CheckContext } from './types.js';

/** The check types that group figures by metric (consistency.ts, target.ts). */
const GROUPING_CHECKS = ['consistency', 'target'];

const groupsOf = new WeakMap<CheckContext, Map<string, { groups: MetricGroup[]; servedTo: Set<string> }>>();

export function metricGroupsOnce(context: CheckContext, rule: CheckRule, options: { auto: boolean }): MetricGroup[] {
  const { type: _type, severity: _severity, ...grouping } = rule;
  let key: string;
  try {
    key = JSON.stringify([options.auto, grouping]);
  } catch {
    // (a rule that cannot be written as JSON is grouped on its own)
    return metricGroups(context, rule, options);
  }
  let known = groupsOf.get(context);
  if (!known) groupsOf.set(context, (known = new Map()));
  let entry = known.get(key);
  if (!entry) known.set(key, (entry = { groups: metricGroups(context, rule, options), servedTo: new Set() }));
  entry.servedTo.add(rule.type);
  if (GROUPING_CHECKS.every((type) => entry.servedTo.has(type))) known.delete(key);
  return [...entry.groups];
}
