/** The offset map keeps runs of consecutive offsets instead of one offset a character, with the same answers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../src/normalize/offset-map.js';

describe('offset map runs', () => {
  it('maps every normalized offset as the plain array does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(1), fc.constant(1), fc.constant(1), fc.constant(0), fc.integer({ min: 2, max: 5 })), { maxLength: 300 }), (steps) => {
        const offsets = new Int32Array(steps.length + 1);
        for (let i = 0; i < steps.length; i++) offsets[i + 1] = offsets[i]! + steps[i]!;
        const original = 'x'.repeat(offsets[steps.length]! + 1);
        const map = new OffsetMap('p', original, offsets);
        for (let n = -1; n <= offsets.length + 1; n++) {
          expect(map.originalOffset(n)).toBe(offsets[Math.max(0, Math.min(n, offsets.length - 1))]);
        }
      }),
    );
  });
});
