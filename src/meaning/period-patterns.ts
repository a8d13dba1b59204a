/**
 * The patterns of rules/core/periods.yaml (captionPattern, durations, firstMonths …), each compiled once per rule set:
 * one cache for all of them, instead of one WeakMap and one lazy compile written out beside each reader.
 */
import type { Knowledge } from '../extract/knowledge.js';

type Periods = Knowledge['periods'];
/** The periods settings that hold one regular-expression source. */
export type PeriodPatternKey = { [K in keyof Periods]-?: Periods[K] extends string | undefined ? K : never }[keyof Periods];

const compiled = new WeakMap<Knowledge, Map<string, RegExp | null>>();

/** periods.`key` compiled with `flags` (the same RegExp for every call with this rule set), or null when the rules give none. */
export function periodPattern(k: Knowledge, key: PeriodPatternKey, flags: string): RegExp | null {
  let byKey = compiled.get(k);
  if (!byKey) compiled.set(k, (byKey = new Map()));
  const id = `${key}/${flags}`;
  let re = byKey.get(id);
  if (re === undefined) {
    const source = k.periods[key] as string | undefined;
    re = source ? new RegExp(source, flags) : null;
    byKey.set(id, re);
  }
  return re;
}
