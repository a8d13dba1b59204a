/**
 * Intervals per SEMANTICS.md: what range of true values a stated figure allows. Ends are computed
 * exactly (exact.ts) and turned into numbers only at the end (4.2% → [4.15, 4.25], not 4.2500000001).
 * Every width comes from the `intervals` settings in rules/core/qualifiers.yaml.
 */
import type { Interval } from '../model.js';
import type { IntervalSettings, QualifierForm } from '../rules/types.js';
import { Exact } from './exact.js';
import type { NumberReading } from './numerals.js';

export { numberOf, plainString } from './exact.js';

/** An interval with exact ends (null: open to infinity). */
export interface ExactInterval {
  lo: Exact | null;
  hi: Exact | null;
  loClosed: boolean;
  hiClosed: boolean;
}

/** A number reading with the unit's conversion factor applied (value, q, g, plus, few). */
export function scaleReading(reading: NumberReading, factor: Exact): NumberReading {
  if (factor.eq(Exact.ONE)) return reading;
  return {
    ...reading,
    value: reading.value.times(factor),
    q: reading.q.times(factor),
    g: reading.g.times(factor),
    ...(reading.plus ? { plus: reading.plus.times(factor) } : {}),
    ...(reading.few
      ? { few: { ...reading.few, lo: reading.few.lo.times(factor), hi: reading.few.hi.times(factor) } }
      : {}),
  };
}

/** The interval widths as Exacts, made once per settings object (not once per figure). */
const widthCache = new WeakMap<object, { floor: Exact; rounding: Exact; about: Exact; nearly: Exact }>();
function widthsOf(settings: Required<IntervalSettings>) {
  let w = widthCache.get(settings);
  if (!w) {
    w = {
      floor: Exact.ofNumber(settings.floor),
      rounding: Exact.ofNumber(settings.roundingHalfWidth),
      about: Exact.ofNumber(settings.aboutHalfWidth),
      nearly: Exact.ofNumber(settings.nearlyWidth),
    };
    widthCache.set(settings, w);
  }
  return w;
}

/**
 * The interval of one reading with an optional qualifier form.
 *  - plain: [x − w·q, x + w·q]
 *  - 多/余 (reading.plus): (x, x + plus); 几/数 (reading.few): as read
 *  - at-least [x, ∞), more-than (x, ∞), at-most [floor, x], less-than [floor, x)
 *  - about [x − w·g, x + w·g], nearly [x − w·g, x)
 */
export function intervalOf(reading: NumberReading, form: QualifierForm | null, settings: Required<IntervalSettings>): ExactInterval {
  const x = reading.value;
  const w = widthsOf(settings);
  const floor = w.floor;
  // The point the qualifier applies to: for 多/几 the open interval already describes it, and an
  // outer qualifier (超过3000多, 近十几) takes that interval's matching end.
  const base: ExactInterval = reading.few
    ? { ...reading.few }
    : reading.plus
      ? { lo: x, hi: x.plus(reading.plus), loClosed: false, hiClosed: false }
      : roundingInterval(x, reading.q.times(w.rounding));
  switch (form) {
    case null:
    case 'plus':
      return base;
    case 'at-least':
      return { lo: reading.plus || reading.few ? base.lo : x, hi: null, loClosed: reading.plus || reading.few ? base.loClosed : true, hiClosed: false };
    case 'more-than':
      return { lo: reading.plus || reading.few ? base.lo : x, hi: null, loClosed: false, hiClosed: false };
    case 'at-most':
      return { lo: floor, hi: reading.plus || reading.few ? base.hi : x, loClosed: true, hiClosed: reading.plus || reading.few ? false : true };
    case 'less-than':
      return { lo: floor, hi: reading.plus || reading.few ? base.lo : x, loClosed: true, hiClosed: false };
    case 'about': {
      if (reading.plus || reading.few) return base;
      const half = reading.g.times(w.about);
      return { lo: x.minus(half), hi: x.plus(half), loClosed: true, hiClosed: true };
    }
    case 'nearly': {
      if (reading.plus || reading.few) return { ...base, hiClosed: false };
      return { lo: x.minus(reading.g.times(w.nearly)), hi: x, loClosed: true, hiClosed: false };
    }
  }
}

function roundingInterval(x: Exact, half: Exact): ExactInterval {
  return { lo: x.minus(half), hi: x.plus(half), loClosed: true, hiClosed: true };
}

/** A range `A—B`: from A's low end to B's high end (A already carries B's magnitude and unit). */
export function rangeInterval(from: ExactInterval, to: ExactInterval): ExactInterval {
  return { lo: from.lo, hi: to.hi, loClosed: from.loClosed, hiClosed: to.hiClosed };
}

/** Exact ends → the model's Interval of numbers. */
export function toInterval(exact: ExactInterval): Interval {
  return {
    lo: exact.lo === null ? null : exact.lo.toNumber(),
    hi: exact.hi === null ? null : exact.hi.toNumber(),
    loClosed: exact.loClosed,
    hiClosed: exact.hiClosed,
  };
}
