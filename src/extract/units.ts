/**
 * Units: the spelling after a number resolved to its canonical unit and exact conversion factor,
 * from rules/core/units.yaml (longest spelling first: 千瓦时 before 千瓦, 个百分点 before 个).
 */
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
