/**
 * The extractor's exact arithmetic (src/extract/exact.ts) against decimal.js: every value a figure
 * can take, in the small form and past it (more than 2^53, more than 20 digits), must come out as
 * the digits and the JSON number decimal.js would give.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../src/extract/exact.js';
import { extractFigures } from './helpers/figures.js';
import { documentFromText } from '../src/document.js';

/** A plain decimal string from a coefficient and a count of decimals (`-12345`, 3 → `-12.345`). */
function plain(coefficient: bigint, decimals: number): string {
  const negative = coefficient < 0n;
  let digits = (negative ? -coefficient : coefficient).toString();
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, '0');
    digits = `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
  }
  return negative ? `-${digits}` : digits;
}

// coefficients around 2^53 and 10^20 reach both the small form and the decimal.js fallback
const coefficient = fc.oneof(
  fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }),
  fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }),
  fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }),
);
const operand = fc.tuple(coefficient, fc.integer({ min: 0, max: 12 })).map(([c, d]) => plain(c, d));
const factor = fc.constantFrom('1', '10000', '100000000', '1000000000000', '0.5', '0.001', '1000', '0.1');

describe('Exact agrees with decimal.js', () => {
  it('reads plain decimal strings and writes them back as decimal.js does', () => {
    fc.assert(
      fc.property(operand, (s) => {
        const x = Exact.of(s);
        const d = new Decimal(s);
        expect(x.toFixed()).toBe(d.toFixed());
        expect(x.toNumber()).toBe(d.toNumber());
      }),
      { numRuns: 1000 },
    );
  });

  it('multiplies, adds and subtracts like decimal.js, including past 2^53', () => {
    fc.assert(
      fc.property(operand, fc.oneof(operand, factor), (a, b) => {
        const [x, y] = [Exact.of(a), Exact.of(b)];
        const [d, e] = [new Decimal(a), new Decimal(b)];
        expect(x.times(y).toFixed(), `${a} × ${b}`).toBe(d.times(e).toFixed());
        expect(x.plus(y).toFixed(), `${a} + ${b}`).toBe(d.plus(e).toFixed());
        expect(x.minus(y).toFixed(), `${a} − ${b}`).toBe(d.minus(e).toFixed());
        expect(x.minus(y).toNumber(), `${a} − ${b}`).toBe(d.minus(e).toNumber());
        expect(x.eq(y)).toBe(d.eq(e));
        expect(x.gte(y)).toBe(d.gte(e));
        expect(x.divTen().toFixed()).toBe(d.div(10).toFixed());
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps figures exact: magnitudes, unit factors and half-widths never leak float error', () => {
    const found = extractFigures(documentFromText('常住人口20.49万人,增长4.2%,粮食产量780亿斤,投资1.1万亿元,达到9007199254740993亿元。'));
    expect(found.map((f) => [f.exact, f.value, f.interval?.lo, f.interval?.hi])).toEqual([
      ['204900', 204900, 204850, 204950],
      ['4.2', 4.2, 4.15, 4.25],
      ['39000000', 39000000, 38975000, 39025000],
      ['1100000000000', 1100000000000, 1050000000000, 1150000000000],
      // 21 digits: past 2^53, the value decimal.js gives at 20 significant digits
      ['900719925474099300000000', 9.007199254740993e23, 9.0071992547409925e23, 9.0071992547409935e23],
    ]);
  });
});
