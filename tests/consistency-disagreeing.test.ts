/**
 * The consistency check finds the readings that disagree with another in n log n (checks/consistency.ts
 * `disagreeing`); it must find exactly what comparing every pair finds, whatever the intervals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistent } from '../src/checks/compare.js';
import { disagreeing, type Reading } from '../src/checks/consistency.js';
import type { Figure } from '../src/model.js';

const reading = fc
  .record({
    document: fc.constantFrom('a', 'b', 'c'),
    unit: fc.constantFrom('%', '元'),
    value: fc.integer({ min: 0, max: 40 }),
    digits: fc.constantFrom(0, 1),
    form: fc.constantFrom('plain', 'plain', 'about', 'atLeast', 'atMost', 'wide'),
  })
  .map(({ document, unit, value, digits, form }): Reading => {
    const v = value / 10 ** digits;
    const w = 0.5 / 10 ** digits;
    const interval =
      form === 'plain'
        ? { lo: v - w, hi: v + w, loClosed: true, hiClosed: true }
        : form === 'wide'
          ? { lo: v - 4 * w, hi: v + 4 * w, loClosed: true, hiClosed: true }
          : form === 'about'
            ? { lo: v * 0.95, hi: v * 1.05, loClosed: false, hiClosed: false }
            : form === 'atLeast'
              ? { lo: v, hi: null, loClosed: true, hiClosed: false }
              : { lo: null, hi: v, loClosed: false, hiClosed: true };
    const figure = {
      document,
      raw: String(v),
      exact: String(v),
      value: v,
      unit,
      interval,
      qualifier: form === 'plain' || form === 'wide' ? null : form,
      placeholder: false,
    } as unknown as Figure;
    return { document, text: `${v}${form}`, figures: [figure] };
  });

function pairwise(readings: Reading[], excluded: (a: Reading, b: Reading) => boolean): Set<Reading> {
  const found = new Set<Reading>();
  for (let i = 0; i < readings.length; i++) {
    for (let j = i + 1; j < readings.length; j++) {
      const [a, b] = [readings[i]!, readings[j]!];
      if (excluded(a, b) || a.figures[0]!.unit !== b.figures[0]!.unit) continue;
      if (!consistent(a.figures[0]!, b.figures[0]!)) found.add(a).add(b);
    }
  }
  return found;
}

describe('disagreeing readings', () => {
  it('are the ones a comparison of every pair finds', () => {
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 40 }), fc.boolean(), (readings, withinDocument) => {
        // Pairs inside document `a` are excluded when `withinDocument` is false (as auto-alignment may ask).
        const excluded = (x: Reading, y: Reading) => !withinDocument && x.document === 'a' && y.document === 'a';
        expect([...disagreeing(readings, {}, excluded)]).toEqual(readings.filter((r) => pairwise(readings, excluded).has(r)));
      }),
      { numRuns: 300 },
    );
  });
});
