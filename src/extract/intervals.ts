/**
 * Intervals per SEMANTICS.md: what range of true values a stated figure allows. Ends are computed
 * with decimal.js and turned into numbers only at the end (4.2% → [4.15, 4.25], not 4.2500000001).
 * Every width comes from the `intervals` settings in rules/core/qualifiers.yaml.
 */
import { Decimal } from 'decimal.js';
import type { Interval } from '../model.js';
import type { IntervalSettings, QualifierForm } from '../rules/types.js';
import type { NumberReading } from './numerals.js';

/** An interval with exact ends (null: open to infinity). */
export interface ExactInterval {
  lo: Decimal | null;
  hi: Decimal | null;
  loClosed: boolean;
  hiClosed: boolean;
}

/** A number reading with the unit's conversion factor applied (value, q, g, plus, few). */
export function scaleReading(reading: NumberReading, factor: Decimal): NumberReading {
  if (factor.eq(1)) return reading;
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

/** The interval widths as Decimals, made once per settings object (not once per figure). */
const widthCache = new WeakMap<object, { floor: Decimal; rounding: Decimal; about: Decimal; nearly: Decimal }>();
function widthsOf(settings: Required<IntervalSettings>) {
  let w = widthCache.get(settings);
  if (!w) {
    w = {
      floor: new Decimal(settings.floor),
      rounding: new Decimal(settings.roundingHalfWidth),
      about: new Decimal(settings.aboutHalfWidth),
      nearly: new Decimal(settings.nearlyWidth),
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

function roundingInterval(x: Decimal, half: Decimal): ExactInterval {
  return { lo: x.minus(half), hi: x.plus(half), loClosed: true, hiClosed: true };
}

/** A range `A—B`: from A's low end to B's high end (A already carries B's magnitude and unit). */
export function rangeInterval(from: ExactInterval, to: ExactInterval): ExactInterval {
  return { lo: from.lo, hi: to.hi, loClosed: from.loClosed, hiClosed: to.hiClosed };
}

/**
 * A Decimal as the nearest number, the correctly rounded value decimal.js's toNumber gives. Every
 * figure's interval ends come through here, so the common case skips strings: a coefficient of at
 * most 15 digits is an exact double, and one multiplication or division by an exact power of ten
 * (10^0 … 10^22) rounds once, correctly (Clinger's fast path). Anything else parses the plain digits.
 */
export function numberOf(d: Decimal): number {
  const limbs = d.d;
  // decimal.js keeps the coefficient in base-1e7 limbs, the first without leading zeros and the
  // last without trailing zeros; `e` is the exponent of the leading digit
  if (limbs && d.s === 1 && limbs.length <= 2) {
    const first = limbs[0]!;
    let coefficient = first;
    let digits = first < 10 ? 1 : first < 100 ? 2 : first < 1e3 ? 3 : first < 1e4 ? 4 : first < 1e5 ? 5 : first < 1e6 ? 6 : 7;
    if (limbs.length === 2) {
      coefficient = first * 1e7 + limbs[1]!;
      digits += 7;
    }
    let trailing = 0;
    while (coefficient !== 0 && coefficient % 10 === 0) {
      coefficient /= 10;
      trailing++;
    }
    const exponent = d.e - (digits - trailing - 1);
    if (coefficient === 0) return 0;
    if (exponent >= 0 && exponent <= 22) return coefficient * POW10[exponent]!;
    if (exponent < 0 && exponent >= -22) return coefficient / POW10[-exponent]!;
  }
  return Number(d.toFixed());
}

/**
 * A Decimal in plain notation, as decimal.js's toFixed() writes it (`340900000000`, `4.2`, `0.05`),
 * built from the same limbs as numberOf for the common case: this runs once per figure.
 */
export function plainString(d: Decimal): string {
  const limbs = d.d;
  if (!limbs || d.s !== 1 || limbs.length > 2 || limbs[0] === 0) return d.toFixed();
  let digits = limbs.length === 2 ? String(limbs[0]!) + String(limbs[1]!).padStart(7, '0') : String(limbs[0]!);
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  if (end < digits.length) digits = digits.slice(0, end);
  const e = d.e;
  if (e >= digits.length - 1) return e === digits.length - 1 ? digits : digits + '0'.repeat(e - digits.length + 1);
  if (e >= 0) return `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return `0.${'0'.repeat(-e - 1)}${digits}`;
}

/** Exact doubles 10^0 … 10^22. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Exact ends → the model's Interval of numbers. */
export function toInterval(exact: ExactInterval): Interval {
  return {
    lo: exact.lo === null ? null : numberOf(exact.lo),
    hi: exact.hi === null ? null : numberOf(exact.hi),
    loClosed: exact.loClosed,
    hiClosed: exact.hiClosed,
  };
}
