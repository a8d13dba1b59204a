/**
 * Exact decimals for the extractor's per-figure arithmetic. A value is `c × 10^e` with `c` a safe
 * integer (|c| < 2^53) when it fits, which covers every figure a document normally states (at most
 * 15 significant digits, magnitudes 万/亿/万亿, unit factors, half-widths); anything else is a
 * decimal.js Decimal, with decimal.js's own arithmetic (20 significant digits).
 *
 * Why not decimal.js throughout: every figure takes a dozen operations (magnitudes, the unit's
 * factor, interval ends), and decimal.js's allocations and limb arithmetic were an eighth of the
 * extractor's time plus much of its garbage. The small form is exact for the same reason integer
 * arithmetic on doubles is: a sum or product of safe integers is exact whenever it is itself a safe
 * integer, and a result that is not shows as one (rounding is monotone), which sends the operation
 * to decimal.js. Both paths give the same values: below 2^53 decimal.js does not round either.
 */
import { Decimal } from 'decimal.js';

const MAX = Number.MAX_SAFE_INTEGER;
/** Exact doubles 10^0 … 10^22. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const PLAIN = /^-?\d+(?:\.\d+)?$/;

export class Exact {
  /**
   * `c × 10^e` when `big` is null: `c` a safe integer without trailing zeros (zero is `0 × 10^0`).
   * Otherwise `big` is the value and `c`, `e` are unused.
   */
  private constructor(
    readonly c: number,
    readonly e: number,
    readonly big: Decimal | null,
  ) {}

  static readonly ZERO = new Exact(0, 0, null);
  static readonly ONE = new Exact(1, 0, null);
  private static readonly POWERS = new Map<number, Exact>();

  /** c × 10^e (c a safe integer), trailing zeros moved into the exponent. */
  static small(c: number, e: number): Exact {
    if (c === 0) return Exact.ZERO;
    while (c % 10 === 0) {
      c /= 10;
      e++;
    }
    return new Exact(c, e, null);
  }

  static ofDecimal(d: Decimal): Exact {
    const plain = plainString(d);
    return PLAIN.test(plain) ? Exact.of(plain) : new Exact(0, 0, d);
  }

  /** A plain decimal string (`3300`, `20.49`, `-0.5`); other notations go to decimal.js. */
  static of(digits: string): Exact {
    const point = digits.indexOf('.');
    const integer = point < 0 ? digits : digits.slice(0, point) + digits.slice(point + 1);
    const c = Number(integer);
    // (a string of more than 2^53 parses to a double of at least 2^53, never to a safe integer)
    if (Number.isSafeInteger(c) && PLAIN.test(digits)) return Exact.small(c, point < 0 ? 0 : point + 1 - digits.length);
    return new Exact(0, 0, new Decimal(digits));
  }

  /** A number from the rules (a width, a factor) as decimal.js reads it. */
  static ofNumber(n: number): Exact {
    if (Number.isSafeInteger(n)) return Exact.small(n, 0);
    return Exact.ofDecimal(new Decimal(n));
  }

  /** 10^e. */
  static pow10(e: number): Exact {
    let p = Exact.POWERS.get(e);
    if (!p) Exact.POWERS.set(e, (p = new Exact(1, e, null)));
    return p;
  }

  toDecimal(): Decimal {
    return this.big ?? new Decimal(this.e === 0 ? this.c : `${this.c}e${this.e}`);
  }

  times(o: Exact): Exact {
    if (this.big === null && o.big === null) {
      const c = this.c * o.c;
      if (c >= -MAX && c <= MAX) return Exact.small(c, this.e + o.e);
    }
    return Exact.ofBig(this.toDecimal().times(o.toDecimal()));
  }

  plus(o: Exact): Exact {
    return this.add(o, 1);
  }

  minus(o: Exact): Exact {
    return this.add(o, -1);
  }

  /** This ÷ 10. */
  divTen(): Exact {
    return this.big === null ? (this.c === 0 ? Exact.ZERO : new Exact(this.c, this.e - 1, null)) : Exact.ofBig(this.big.div(10));
  }

  isZero(): boolean {
    return this.big === null ? this.c === 0 : this.big.isZero();
  }

  eq(o: Exact): boolean {
    if (this.big === null && o.big === null) return this.c === o.c && this.e === o.e;
    return this.toDecimal().eq(o.toDecimal());
  }

  gte(o: Exact): boolean {
    const d = this.minus(o);
    return d.big === null ? d.c >= 0 : !d.big.isNeg();
  }

  /** Plain notation, as decimal.js's toFixed() writes it (`340900000000`, `4.2`, `-0.05`). */
  toFixed(): string {
    if (this.big !== null) return plainString(this.big);
    const { c, e } = this;
    if (e === 0) return String(c);
    const negative = c < 0;
    const digits = String(negative ? -c : c);
    let plain: string;
    if (e > 0) plain = digits + '0'.repeat(e);
    else if (-e < digits.length) plain = `${digits.slice(0, digits.length + e)}.${digits.slice(digits.length + e)}`;
    else plain = `0.${'0'.repeat(-e - digits.length)}${digits}`;
    return negative ? `-${plain}` : plain;
  }

  /** The nearest double: c and 10^|e| (|e| ≤ 22) are exact doubles, so one operation rounds once, correctly. */
  toNumber(): number {
    if (this.big !== null) return numberOf(this.big);
    const { c, e } = this;
    if (e === 0) return c;
    if (e > 0 && e <= 22) return c * POW10[e]!;
    if (e < 0 && e >= -22) return c / POW10[-e]!;
    return Number(this.toFixed());
  }

  private add(o: Exact, sign: 1 | -1): Exact {
    if (this.big === null && o.big === null) {
      // both at the smaller exponent; the scale is exact while the result stays a safe integer
      const e = Math.min(this.e, o.e);
      const a = this.e === e ? this.c : this.c * (POW10[this.e - e] ?? Infinity);
      const b = o.e === e ? o.c : o.c * (POW10[o.e - e] ?? Infinity);
      if (a >= -MAX && a <= MAX && b >= -MAX && b <= MAX) {
        const c = sign === 1 ? a + b : a - b;
        if (c >= -MAX && c <= MAX) return Exact.small(c, e);
      }
    }
    const x = this.toDecimal();
    return Exact.ofBig(sign === 1 ? x.plus(o.toDecimal()) : x.minus(o.toDecimal()));
  }

  private static ofBig(d: Decimal): Exact {
    return new Exact(0, 0, d);
  }
}


/**
 * A Decimal as the nearest number, the correctly rounded value decimal.js's toNumber gives. The
 * common case skips strings: a coefficient of at most 15 digits is an exact double, and one
 * multiplication or division by an exact power of ten (10^0 … 10^22) rounds once, correctly
 * (Clinger's fast path). Anything else parses the plain digits.
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
 * built from the same limbs as numberOf for the common case.
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
