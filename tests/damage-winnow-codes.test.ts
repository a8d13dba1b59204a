/**
 * The duplicate stage winnows each document's comparison text as code units, its buffers reused from one
 * document to the next (src/damage/winnow.ts comparableCodes, Winnower), without making a string of it:
 * the units and the fingerprints must be those of the comparison text as a string (comparable()) winnowed by
 * the definition (every k-gram's hash, the smallest of each window, rightmost on ties, each position once),
 * boilerplate spans (overlapping ones too) left out and surrogate halves cut from their pair read as the
 * text's decoder reads them (U+FFFD).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparable, comparableCodes, forEachShingle, textOfCodes, winnow, Winnower, type DuplicateSource } from '../src/damage/winnow.js';

/** Winnowing by its definition, over a string: for each window the rightmost smallest hash, kept positions once, in order. */
function byDefinition(text: string, k: number, window: number): [number, number][] {
  const hashes: number[] = [];
  forEachShingle(text, k, (hash) => hashes.push(hash));
  if (!hashes.length) return [];
  if (hashes.length <= window) {
    let best = 0;
    for (let i = 1; i < hashes.length; i++) if (hashes[i]! <= hashes[best]!) best = i;
    return [[hashes[best]!, best]];
  }
  const out: [number, number][] = [];
  let last = -1;
  for (let end = window - 1; end < hashes.length; end++) {
    let best = end - window + 1;
    for (let i = best + 1; i <= end; i++) if (hashes[i]! <= hashes[best]!) best = i;
    if (best !== last) out.push([hashes[best]!, best]);
    last = best;
  }
  return out;
}

/** Characters that exercise the comparison text: Han, ASCII letters (lower-cased), digits, punctuation, surrogate pairs and halves. */
const unit = fc.constantFrom('经', '济', '增', '长', 'A', 'b', 'Z', '7', '0', '，', '。', ' ', '\n', '%', '\u{20BB7}', '\uD842', '\uDFB7', '\uDBFF');
const text = fc.array(unit, { maxLength: 300 }).map((parts) => parts.join(''));

const source = text.chain((normalized) =>
  fc
    .array(fc.tuple(fc.nat(normalized.length + 2), fc.nat(40)), { maxLength: 4 })
    .map((spans): DuplicateSource => ({ id: 'd', normalized, boilerplate: spans.map(([start, length]) => ({ start, end: start + length })) })),
);

describe('winnowing comparison code units', () => {
  it('comparableCodes gives the units and offsets of comparable(), boilerplate and lone surrogate halves included', () => {
    fc.assert(
      fc.property(source, (doc) => {
        const codes = new Uint16Array(doc.normalized.length);
        const offsets = new Int32Array(doc.normalized.length);
        const n = comparableCodes(doc, codes, offsets);
        const expected = comparable(doc);
        expect(textOfCodes(codes, n)).toBe(expected.text);
        expect(String.fromCharCode(...codes.subarray(0, n))).toBe(expected.text);
        expect([...offsets.subarray(0, n)]).toEqual([...expected.offsets]);
      }),
      { numRuns: 500 },
    );
  });

  it('one Winnower over many texts, longest and shortest in turn, keeps the fingerprints of the definition', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (texts, k, window) => {
        const winnower = new Winnower(k, window);
        const codes = new Uint16Array(Math.max(...texts.map((t) => t.length)));
        for (const t of texts) {
          for (let i = 0; i < t.length; i++) codes[i] = t.charCodeAt(i);
          const count = winnower.winnow(codes, t.length);
          const kept = [...winnower.kept.subarray(0, count)].map((position): [number, number] => [winnower.hashes[position]!, position]);
          expect(kept).toEqual(byDefinition(t, k, window));
          const viaCallback: [number, number][] = [];
          winnow(t, k, window, (hash, position) => viaCallback.push([hash, position]));
          expect(viaCallback).toEqual(kept);
        }
      }),
      { numRuns: 300 },
    );
  });
});
