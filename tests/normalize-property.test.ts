/**
 * Property tests: random pinyin annotations, zero-width characters, full-width forms and odd spaces
 * inserted into real seed text never break the offset map, and the insertions that carry no text
 * leave the normalized text unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import type { Document } from '../src/model.js';
import { charTables } from '../src/normalize/traditional.js';
import { coreRules } from '../src/rules/load.js';

const SEEDS = join(import.meta.dirname, '..', 'examples', 'nmg');
const texts = ['yearbook-2023-government.txt', 'work-report-2022.txt', 'rectification-2021.txt', 'work-report-2023.txt'].map(
  (name) => readFileSync(join(SEEDS, name), 'utf8'),
);

const SYLLABLES = ['dāng', 'gè', 'nèi', 'qū', 'chǎn', 'fā', 'xiàng', 'lǜ', 'yī', 'zhǔn'];
const SPACES = ['\u3000', '\u00a0', '\u2002', '\u2009', '\u202f'];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const isCjk = (c: string | undefined): boolean => c !== undefined && /\p{Script=Han}/u.test(c);

const overrides = (coreRules().normalization as { traditionalOverrides?: Record<string, string> }).traditionalOverrides ?? {};

/** Whether an original character may normalize to the given normalized character. */
function foldsTo(original: string, normalized: string): boolean {
  if (original === normalized) return true;
  const code = original.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0) === normalized;
  if (normalized === ' ') return /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/.test(original);
  if (normalized === '\n') return /[\r\u2028\u2029]/.test(original);
  const simplified = charTables().toSimplified[code];
  return (simplified !== 0 && String.fromCharCode(simplified!) === normalized) || overrides[original] === normalized;
}

function checkMap(doc: Document): void {
  const { normalized, original } = doc;
  let previous = -1;
  for (let i = 0; i < normalized.length; i++) {
    const at = doc.originalOffset(i);
    if (at < 0 || at >= original.length) throw new Error(`offset ${i} maps outside the original (${at})`);
    if (at <= previous) throw new Error(`offset ${i} maps to ${at}, not after ${previous}`);
    if (!foldsTo(original[at]!, normalized[i]!)) {
      throw new Error(`offset ${i}: original ${JSON.stringify(original[at])} does not fold to ${JSON.stringify(normalized[i])}`);
    }
    previous = at;
  }
  expect(doc.originalOffset(normalized.length)).toBe(original.length);
}

type Edit = { at: number; kind: 'pinyin' | 'zero-width' | 'space' | 'full-width'; pick: number; wide: boolean };

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('pinyin', 'zero-width', 'space', 'full-width'),
  pick: fc.nat(),
  wide: fc.boolean(),
});

/** A window of a seed. */
const windowArb = fc
  .record({ which: fc.nat(texts.length - 1), from: fc.nat(), length: fc.integer({ min: 20, max: 600 }) })
  .map(({ which, from, length }) => {
    const text = texts[which]!;
    const start = from % Math.max(1, text.length - length);
    return text.slice(start, start + length);
  });

/**
 * Applies edits that carry no text: pinyin after a CJK character, zero-width characters anywhere
 * except inside an annotation, an ASCII space swapped for an odd space, ASCII punctuation or a
 * digit swapped for its full-width form.
 */
function applyEdits(text: string, edits: Edit[]): string {
  const chars = [...text];
  for (const edit of edits) {
    const at = edit.at % (chars.length + 1);
    switch (edit.kind) {
      case 'pinyin': {
        if (!isCjk(chars[at - 1])) break;
        const syllable = SYLLABLES[edit.pick % SYLLABLES.length]!;
        chars.splice(at, 0, edit.wide ? `（${syllable}）` : `(${syllable})`);
        break;
      }
      case 'zero-width':
        // Not inside a pinyin annotation (`(dā\u200bng)` is not one figcheck removes).
        if (/[\p{Script=Latin}(（]/u.test(chars[at - 1] ?? '')) break;
        chars.splice(at, 0, ZERO_WIDTH[edit.pick % ZERO_WIDTH.length]!);
        break;
      case 'space':
        if (chars[at] === ' ') chars[at] = SPACES[edit.pick % SPACES.length]!;
        break;
      case 'full-width': {
        const c = chars[at];
        // Not letters: a pinyin annotation written in full-width letters is not one figcheck removes.
        if (c !== undefined && c.length === 1 && c.charCodeAt(0) > 0x20 && c.charCodeAt(0) < 0x7f && !/[a-z]/i.test(c)) {
          chars[at] = String.fromCharCode(c.charCodeAt(0) + 0xfee0);
        }
        break;
      }
    }
  }
  return chars.join('');
}

describe('normalize: offset map properties on real seed text', () => {
  it('edits that carry no text leave normalized unchanged and the map exact', () => {
    fc.assert(
      fc.property(windowArb, fc.array(editArb, { maxLength: 40 }), (window, edits) => {
        const base = documentFromText(window);
        const edited = documentFromText(applyEdits(window, edits));
        checkMap(base);
        checkMap(edited);
        expect(edited.normalized).toBe(base.normalized);
      }),
      { numRuns: 300 },
    );
  });

  it('random odd spaces, CR line ends and full-width characters keep the map exact', () => {
    const noise = fc.constantFrom('\u3000', '\u00a0', '\r', '\r\n', '\u2028', '％', '（', '）', '，', '５', 'Ａ', '\u200b', '(gè)', '（nèi）');
    fc.assert(
      fc.property(windowArb, fc.array(fc.record({ at: fc.nat(), what: noise }), { maxLength: 30 }), (window, inserts) => {
        const chars = [...window];
        for (const { at, what } of inserts) chars.splice(at % (chars.length + 1), 0, what);
        const doc = documentFromText(chars.join(''));
        checkMap(doc);
        // Locations of every sentence land inside the original text.
        for (let i = 0; i < doc.normalized.length; i += 17) {
          const location = doc.locate(i, Math.min(doc.normalized.length, i + 5));
          expect(location.line).toBeGreaterThanOrEqual(1);
          expect(location.endLine).toBeGreaterThanOrEqual(location.line);
        }
      }),
      { numRuns: 300 },
    );
  });
});
