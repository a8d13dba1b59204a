/**
 * Units: the spelling after a number resolved to its canonical unit and exact conversion factor,
 * from rules/core/units.yaml (longest spelling first: 千瓦时 before 千瓦, 个百分点 before 个).
 */
import { Decimal } from 'decimal.js';
import { Exact } from './exact.js';
import type { Knowledge, UnitSpelling } from './knowledge.js';

const HAN = /\p{Script=Han}/u;
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
  const at = pos + per.length;
  // (or a span of time that is no unit of its own: 400万吨/年)
  const period = k.ratePeriods.find((w) => text.startsWith(w, at));
  const second = unitAt(text, at, k, false) ?? (period ? { spelling: period, unit: period, kind: 'level' as const, factor: Exact.ONE, needsMagnitude: false } : undefined);
  if (!second || (second.kind !== 'level' && second.kind !== 'count')) return null;
  // a measure word per thing must end the rate (16.8万元/人, 元/人左右), not open a word (2000元/项目)
  const end = at + second.spelling.length;
  if (second.kind === 'count' && HAN.test(text[end] ?? '') && !k.after.some((q) => text.startsWith(q.word, end))) return null;
  return { unit: rateOf(first, per, second), length: per.length + second.spelling.length };
}

/**
 * A rate whose second unit is written before the number, after a `perBefore` word (每立方米20微克, 每吨2000元):
 * the unit `A/B` as if written 20微克/立方米, and where the figure then starts (at the word: the span holds what
 * makes the rate), or null. An amount first, like perUnitAt, and a measure second: 每人1万元 stays 元, as 人均1万元
 * is (a count of people is no unit the amount is per), and 每年20亿元 a yearly amount (a span of time is no unit).
 */
export function perUnitBefore(text: string, start: number, first: UnitSpelling, k: Knowledge): { unit: UnitSpelling; start: number } | null {
  if (first.kind !== 'level' || k.perBefore.length === 0) return null;
  for (let at = start - 1; at >= Math.max(0, start - k.longestUnit); at--) {
    const second = unitAt(text, at, k, false);
    if (!second || at + second.spelling.length !== start || second.kind !== 'level') continue;
    const word = k.perBefore.find((w) => text.startsWith(w, at - w.length));
    if (word) return { unit: rateOf(first, '/', second), start: at - word.length };
  }
  return null;
}

/** The unit `A/B`, A's factor over B's (a decimal division: factors are decimal strings of units.yaml, 斤 0.0005 → 2000 exactly). */
function rateOf(first: UnitSpelling, per: string, second: UnitSpelling): UnitSpelling {
  const factor = Exact.ofDecimal(new Decimal(first.factor.toFixed()).div(new Decimal(second.factor.toFixed())));
  return { spelling: first.spelling + per + second.spelling, unit: `${first.unit}/${second.unit}`, kind: 'level', factor, needsMagnitude: false };
}
