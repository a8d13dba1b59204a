/**
 * Doublings (`翻一番`, `翻了两番`): the amount doubled N times, an increase of 2^N − 1 times itself, read as
 * a change in 倍 (rules/core/numerals.yaml `doublings`): 翻一番 is 增长1倍, 翻两番 增长3倍, so that a target
 * to double GDP and an outcome of 增长1.1倍 compare. The figure spans the words around the numeral.
 */
import { InputError } from '../model.js';
import type { DoublingSettings } from '../rules/types.js';
import { Exact } from './exact.js';
import { intervalOf } from './intervals.js';
import type { Knowledge, QualifierWord, UnitSpelling } from './knowledge.js';
import { readChinese, type NumberReading } from './numerals.js';
import type { ScannedFigure } from './scan.js';

/** The `doublings` settings compiled for the scanner. */
export interface DoublingKnowledge {
  /** Words before the numeral (翻了, 翻), longest first. */
  before: string[];
  after: string;
  /** Doublings that `before` + `after` with no numeral between state (翻番: one); null when not read. */
  bare: number | null;
  unit: UnitSpelling;
  /** The most doublings read (2^N − 1 must stay a small whole number). */
  most: number;
}

export function doublingKnowledge(settings: DoublingSettings | undefined, units: UnitSpelling[]): DoublingKnowledge | null {
  // (a doubling is read only with the words before and after its numeral and the unit its change is in)
  if (!settings?.before?.length || !settings.after || !settings.unit) return null;
  const unit = units.find((u) => u.spelling === settings.unit);
  if (!unit) throw new InputError(`rules: numerals.doublings.unit: no unit is spelt "${settings.unit}"`);
  const before = [...settings.before].sort((a, b) => b.length - a.length);
  return { before, after: settings.after, bare: settings.bare ?? null, unit, most: settings.most ?? 5 };
}

/** First UTF-16 units of the words a doubling starts with (翻), for the scanner's tables. */
export function doublingStarts(k: Knowledge): string[] {
  return k.doublings ? k.doublings.before.map((w) => w[0]!) : [];
}

/**
 * The doubling starting at `pos` (翻[了]N番, 翻番), with a qualifier around it (翻一番以上, 翻了一番多), or
 * null. `q`: the prefix and suffix qualifier readers of the scanner.
 */
export function doublingAt(
  text: string,
  pos: number,
  k: Knowledge,
  q: { before: (pos: number) => QualifierWord | null; after: (pos: number) => QualifierWord | null },
): ScannedFigure | null {
  const d = k.doublings;
  if (!d) return null;
  const lead = d.before.find((w) => text.startsWith(w, pos));
  if (!lead) return null;
  const at = pos + lead.length;
  let times: number;
  let numeralEnd: number;
  if (text.startsWith(d.after, at)) {
    if (d.bare === null) return null;
    times = d.bare;
    numeralEnd = at;
  } else {
    const n = readChinese(text, at, k);
    if (!n || n.positional || n.plus || n.few || n.magnitude || !text.startsWith(d.after, n.end)) return null;
    times = n.value.toNumber();
    numeralEnd = n.end;
  }
  if (!Number.isInteger(times) || times < 1 || times > d.most) return null;
  let end = numeralEnd + d.after.length;
  const value = Exact.ofNumber(2 ** times - 1).times(d.unit.factor);
  // a whole number of 倍, said at the place of its last digit as 增长3倍 is
  const reading: NumberReading = { start: at, end: numeralEnd, value, q: d.unit.factor, g: d.unit.factor, chinese: true, magnitude: false, factor: Exact.ONE, digitCount: 1 };
  // 翻了一番多: more than that, as 增长1倍多 is
  const plus = k.plusWords.find((w) => text.startsWith(w, end));
  if (plus) {
    reading.plus = reading.g;
    reading.plusWord = plus;
    end += plus.length;
  }
  const suffix = q.after(end);
  const prefix = suffix ? null : q.before(pos);
  const qualifier = suffix ?? prefix ?? (plus ? { word: plus, form: 'plus' as const } : null);
  return {
    start: prefix ? pos - prefix.word.length : pos,
    end: suffix ? end + suffix.word.length : end,
    reading,
    unit: d.unit,
    qualifier,
    interval: intervalOf(reading, qualifier?.form ?? null, k.intervals),
    rank: false,
    placeholder: false,
    range: false,
    change: 'increase',
  };
}
