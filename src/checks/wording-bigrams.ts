/**
 * The character bigrams of the wording pass (wording.ts): Han characters numbered densely, bigrams of two of
 * them numbered in order of first sight by an integer hash table over typed arrays (PairNumbers), and the
 * reader that appends each statement's bigrams to one flat array and counts their document frequencies
 * (BigramReader). No string is made or hashed per bigram.
 */

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
/**
 * Han characters isHan accepts, numbered from 0: a bigram of two of them is then one number (< 2^30), and the
 * run's bigrams are numbered densely from there (BigramReader), so no string is made or hashed per bigram.
 */
const HAN_CODES = 0x9fff - 0x3400 + 1 + (0xfaff - 0xf900 + 1);
const hanNumber = (code: number) => (code <= 0x9fff ? code - 0x3400 : code - 0xf900 + (0x9fff - 0x3400 + 1));

/**
 * Numbers for pairs of integers (here a bigram and 0: the run's bigrams), dense and in order of first sight:
 * an open-addressing table over typed arrays, since a Map met a few hundred thousand times per run cost more
 * than the arithmetic it served (no library offers an integer hash table worth the dependency).
 */
class PairNumbers {
  private first: Int32Array;
  private second: Int32Array;
  private numbers: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.first = new Int32Array(capacity).fill(-1);
    this.second = new Int32Array(capacity);
    this.numbers = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The number of (a, b), both ≥ 0; a new one when `add`, else -1 for a pair not seen. */
  numberOf(a: number, b: number, add: boolean): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    let i = h & this.mask;
    for (;;) {
      const key = this.first[i]!;
      if (key === -1) break;
      if (key === a && this.second[i] === b) return this.numbers[i]!;
      i = (i + 1) & this.mask;
    }
    if (!add) return -1;
    this.first[i] = a;
    this.second[i] = b;
    const number = this.size++;
    this.numbers[i] = number;
    if (this.size * 2 > this.mask) this.grow();
    return number;
  }

  private grow(): void {
    const { first, second, numbers } = this;
    const capacity = first.length * 2;
    this.first = new Int32Array(capacity).fill(-1);
    this.second = new Int32Array(capacity);
    this.numbers = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let j = 0; j < first.length; j++) {
      const a = first[j]!;
      if (a === -1) continue;
      let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(second[j]! + 0x7f4a7c15, 0x85ebca6b);
      h ^= h >>> 15;
      let i = h & this.mask;
      while (this.first[i] !== -1) i = (i + 1) & this.mask;
      this.first[i] = a;
      this.second[i] = second[j]!;
      this.numbers[i] = numbers[j]!;
    }
  }
}

/** An Int32Array of at least `size` elements holding `array`'s (doubled, so that growing costs linear time in all). */
function grown(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const out = new Int32Array(Math.max(size, array.length * 2));
  out.set(array);
  return out;
}

/**
 * The bigrams of a run's statements as they are read: each statement's Han bigrams numbered by `numbers`, once
 * each, appended to `grams` (a run never bridges a digit, a letter or punctuation). `mark` remembers, per
 * bigram number, the last stamp that took it (a statement's own words and its lead words have two stamps).
 */
export class BigramReader {
  readonly numbers: PairNumbers;
  grams = new Int32Array(1 << 16);
  used = 0;
  private mark = new Int32Array(1 << 16);
  /** Per bigram number, how many statements' texts hold it (each statement counts once: its own and lead words are apart). */
  df = new Int32Array(1 << 16);

  constructor(expected: number) {
    this.numbers = new PairNumbers(expected);
  }

  /**
   * Makes room for `more` bigrams (a statement's texts' length bounds theirs), so that the reading loop never
   * grows an array: a rare branch in it left V8 without feedback and undid its optimized code.
   */
  reserve(more: number): void {
    const size = this.used + more;
    // (a bigram is numbered when it is first appended, so the numbers stay below `used`)
    if (size > this.grams.length) this.grams = grown(this.grams, size);
    if (size > this.mark.length) this.mark = grown(this.mark, size);
    if (size > this.df.length) this.df = grown(this.df, size);
  }

  /** Appends the bigrams of text[from, to) not yet marked `stamp` or `also`, marking them `stamp` (reserve first). */
  read(text: string, from: number, to: number, stamp: number, also: number): void {
    const { numbers, grams, mark, df } = this;
    let used = this.used;
    let previous = -1;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (!isHan(code)) {
        previous = -1;
        continue;
      }
      const current = hanNumber(code);
      if (previous >= 0) {
        const gram = numbers.numberOf(previous * HAN_CODES + current, 0, true);
        const last = mark[gram];
        if (last !== stamp && last !== also) {
          mark[gram] = stamp;
          df[gram]!++;
          grams[used++] = gram;
        }
      }
      previous = current;
    }
    this.used = used;
  }
}
