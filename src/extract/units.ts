/**
 * Units: the spelling after a number resolved to its canonical unit and exact conversion factor,
 * from rules/core/units.yaml (longest spelling first: 千瓦时 before 千瓦, 个百分点 before 个).
 */
import { Decimal } from 'decimal.js';
import { Exact } from './exact.js';
import type { Knowledge, UnitSpelling } from './knowledge.js';

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The unit spelled at `pos`, if any. `afterMagnitude`: a magnitude word (万, 亿) came before,
 * which some spellings need (方, 度). A Latin spelling (kW) must not run on into more letters.
 */
export function unitAt(text: string, pos: number, k: Knowledge, afterMagnitude: boolean): UnitSpelling | undefined {
  const bucket = k.unitsByFirst.get(text.charCodeAt(pos));
  if (!bucket) return undefined;
  for (const u of bucket) {
    if (!text.startsWith(u.spelling, pos)) continue;
    if (u.needsMagnitude && !afterMagnitude) continue;
    const end = pos + u.spelling.length;
    if (isAsciiLetter(u.spelling.charCodeAt(u.spelling.length - 1)) && isAsciiLetter(text.charCodeAt(end))) continue;
    return u;
  }
  return undefined;
}

/**
 * A rate written as two units around a `unitsPer` separator at `pos`, the first unit already read
 * (350公里/小时, 3.5元/千瓦时, 16.8万元/人): the unit `A/B` with A's factor over B's, or null. Only for an
 * amount first (not %, 个百分点, 倍, nor a count: 52万件/次 is a count of 件次) and a second unit that stands
 * alone (not 度, which needs 万/亿).
 */
export function perUnitAt(text: string, pos: number, first: UnitSpelling, k: Knowledge): { unit: UnitSpelling; length: number } | null {
  if (first.kind !== 'level') return null;
  const per = k.unitsPer.find((s) => text.startsWith(s, pos));
  if (!per) return null;
  const second = unitAt(text, pos + per.length, k, false);
  if (!second || (second.kind !== 'level' && second.kind !== 'count')) return null;
  // (a decimal division: factors are decimal strings of units.yaml, 斤 0.0005 → 2000 exactly)
  const factor = Exact.ofDecimal(new Decimal(first.factor.toFixed()).div(new Decimal(second.factor.toFixed())));
  const unit: UnitSpelling = { spelling: first.spelling + per + second.spelling, unit: `${first.unit}/${second.unit}`, kind: 'level', factor, needsMagnitude: false };
  return { unit, length: per.length + second.spelling.length };
}
