/**
 * The text the duplicate detector compares, and its winnowing fingerprints.
 *
 * Hand-written rather than a library: the packages that implement winnowing or MinHash on npm are
 * small, unmaintained and work on word tokens or whole strings; here we need character k-grams of
 * Chinese text with positions, in typed arrays, so 10,000 documents fit in memory.
 */
import type { Span } from '../model.js';
import { precompiledUnitTable } from '../normalize/unit-tables.js';

/** What the duplicate detector needs of a document (a Document is one). */
export interface DuplicateSource {
  id: string;
  normalized: string;
  boilerplate: Span[];
}

/** Comparison text: letters and digits of normalized text, ASCII lower-cased, boilerplate left out. */
export interface Comparable {
  text: string;
  /** Comparison offset → normalized offset. */
  offsets: Int32Array;
}

let keepTable: Uint8Array | undefined;
/** BMP code unit → 1 when compared (a letter or a digit); surrogate halves are kept as they come. */
function compared(): Uint8Array {
  keepTable ??= precompiledUnitTable('compared') ?? buildComparedTable();
  return keepTable;
}

/** The table of compared(), built (the build stores it: normalize/unit-tables.ts). */
export function buildComparedTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  table.fill(1, 0xd800, 0xe000);
  // The regex's own Unicode tables instead of hand-maintained ranges: the BMP as one string, everything but
  // letters and digits removed in one replace (a 64K-call loop of test() cost ~15 ms of every run's start).
  const codes = new Uint16Array(0x10000 - 0x800);
  for (let c = 0, i = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) codes[i++] = c;
  const kept = new TextDecoder('utf-16le').decode(codes).replace(/[^\p{L}\p{N}]+/gu, '');
  for (let i = 0; i < kept.length; i++) table[kept.charCodeAt(i)] = 1;
  return table;
}

/** Whether a normalized character takes part in comparison. */
export function isCompared(code: number): boolean {
  return compared()[code] === 1;
}

const decoder = new TextDecoder('utf-16le');

export function comparable(source: DuplicateSource, withOffsets = true): Comparable {
  const codes = new Uint16Array(source.normalized.length);
  const offsets = withOffsets ? new Int32Array(source.normalized.length) : null;
  const n = comparableCodes(source, codes, offsets);
  return { text: decoder.decode(codes.subarray(0, n)), offsets: offsets ? offsets.slice(0, n) : new Int32Array(0) };
}

/**
 * The comparison text of `source` as UTF-16 code units, written to `codes` (as long as the normalized text
 * at least), with each unit's normalized offset to `offsets` when given; returns how many. The units are
 * those of comparable()'s text: a surrogate half left without its pair (boilerplate cut between them) is
 * U+FFFD, as the text's decoder makes it. (The duplicate stage winnows these units without making a string
 * of each document: comparable() is the string.)
 */
/** The text of codes[0, n) as comparableCodes() wrote them: comparable()'s text. */
export function textOfCodes(codes: Uint16Array, n: number): string {
  return decoder.decode(codes.subarray(0, n));
}

export function comparableCodes(source: DuplicateSource, codes: Uint16Array, offsets: Int32Array | null): number {
  const keep = compared();
  const text = source.normalized;
  const skips = [...source.boilerplate].sort((a, b) => a.start - b.start);
  let n = 0;
  let halves = false;
  let i = 0;
  // The text between boilerplate spans (overlapping spans skip their union), one plain loop each.
  for (let s = 0; s <= skips.length; s++) {
    const span = skips[s];
    if (span && span.end <= i) continue;
    const stop = span ? Math.min(span.start, text.length) : text.length;
    for (; i < stop; i++) {
      let c = text.charCodeAt(i);
      if (!keep[c]) continue;
      if (c >= 65 && c <= 90) c += 32;
      else if ((c & 0xf800) === 0xd800) halves = true;
      if (offsets) offsets[n] = i;
      codes[n++] = c;
    }
    if (span) i = Math.max(i, span.end);
  }
  if (halves) replaceLoneSurrogates(codes, n);
  return n;
}

/** U+FFFD for each surrogate half of codes[0, n) without its pair (as a UTF-16 decoder reads them). */
function replaceLoneSurrogates(codes: Uint16Array, n: number): void {
  for (let j = 0; j < n; j++) {
    const c = codes[j]!;
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && j + 1 < n && codes[j + 1]! >= 0xdc00 && codes[j + 1]! <= 0xdfff) j++;
    else codes[j] = 0xfffd;
  }
}

/** murmur3's finalizer: spreads a polynomial hash over all 32 bits before taking minima. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const BASE = 0x01000193;

/** Calls `each(hash, position)` for every k-gram of `text` (rolling polynomial hash, mixed). */
export function forEachShingle(text: string, k: number, each: (hash: number, position: number) => void): void {
  if (text.length < k) return;
  let top = 1;
  for (let i = 0; i < k; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    if (i >= k) h = (h - Math.imul(text.charCodeAt(i - k), top)) | 0;
    if (i >= k - 1) each(mix(h), i - k + 1);
  }
}

/**
 * Winnowing (Schleimer, Wilkerson, Aiken, SIGMOD 2003): of every `window` consecutive k-gram
 * hashes keep the smallest (the rightmost on ties), each kept position once. Two texts sharing a
 * run of at least k + window - 1 characters share a kept hash.
 */
export function winnow(text: string, k: number, window: number, keep: (hash: number, position: number) => void): void {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  const winnower = new Winnower(k, window);
  const count = winnower.winnow(codes, codes.length);
  for (let j = 0; j < count; j++) keep(winnower.hashes[winnower.kept[j]!]!, winnower.kept[j]!);
}

/**
 * winnow() over code units, its buffers kept from one text to the next (the duplicate stage winnows every
 * document of a run): after winnow(codes, n), the kept positions are kept[0, count), in order, and the hash
 * of position p is hashes[p]. One loop each for hashing and for the window's minima, no call per k-gram.
 */
export class Winnower {
  hashes = new Uint32Array(0);
  kept = new Int32Array(0);
  private deque = new Int32Array(0);

  constructor(
    private readonly k: number,
    private readonly window: number,
  ) {}

  /** Winnows codes[0, n); returns how many positions are kept. */
  winnow(codes: Uint16Array, n: number): number {
    const { k, window } = this;
    const count = n - k + 1;
    if (count <= 0) return 0;
    if (this.hashes.length < count) {
      this.hashes = new Uint32Array(count);
      this.deque = new Int32Array(count);
      this.kept = new Int32Array(count);
    }
    const { hashes, deque, kept } = this;
    // (forEachShingle's rolling hash, inlined)
    let top = 1;
    for (let i = 0; i < k; i++) top = Math.imul(top, BASE);
    let h = 0;
    for (let i = 0; i < n; i++) {
      h = (Math.imul(h, BASE) + codes[i]!) | 0;
      if (i >= k) h = (h - Math.imul(codes[i - k]!, top)) | 0;
      if (i >= k - 1) hashes[i - k + 1] = mix(h);
    }
    if (count <= window) {
      let best = 0;
      for (let i = 1; i < count; i++) if (hashes[i]! <= hashes[best]!) best = i;
      kept[0] = best;
      return 1;
    }
    // Monotone deque of positions with increasing hashes: its head is the window's minimum.
    let head = 0;
    let tail = 0;
    let last = -1;
    let out = 0;
    for (let i = 0; i < count; i++) {
      const hash = hashes[i]!;
      while (tail > head && hashes[deque[tail - 1]!]! >= hash) tail--;
      deque[tail++] = i;
      if (deque[head]! <= i - window) head++;
      if (i >= window - 1 && deque[head] !== last) {
        last = deque[head]!;
        kept[out++] = last;
      }
    }
    return out;
  }
}

/**
 * Share of the characters of `a` and `b` that the other text has in the same context: a character
 * counts when some `v`-character substring covering it occurs in the other text. 1 for identical
 * texts; two characters changed in a 200-character paragraph give about 0.99.
 */
export function similarity(a: string, b: string, v: number): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  if (a.length < v || b.length < v) return 0;
  const covered = (x: string, y: string): number => {
    const inY = new Set<number>();
    forEachShingle(y, v, (hash) => inY.add(hash));
    const mark = new Uint8Array(x.length);
    forEachShingle(x, v, (hash, position) => {
      if (inY.has(hash)) mark.fill(1, position, position + v);
    });
    let n = 0;
    for (let i = 0; i < mark.length; i++) n += mark[i]!;
    return n;
  };
  return (covered(a, b) + covered(b, a)) / (a.length + b.length);
}

type NumberArray = Uint32Array | Uint16Array | Float64Array;

/**
 * A typed array that grows by doubling (fingerprints of 10,000 documents do not fit a JS array cheaply);
 * `view()` is what has been pushed.
 */
class Growable<A extends NumberArray> {
  array: A;
  length = 0;
  /** `capacity`: the expected length, when known (no copy while it holds). */
  constructor(
    private readonly make: (size: number) => A,
    capacity = 1024,
  ) {
    this.array = make(Math.max(1, capacity));
  }
  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }
  view(): A {
    return this.array.subarray(0, this.length) as A;
  }
}

export class GrowableU32 extends Growable<Uint32Array> {
  constructor(capacity?: number) {
    super((size) => new Uint32Array(size), capacity);
  }
}

/** The documents of fingerprints, in a run of at most 65,536. */
export class GrowableU16 extends Growable<Uint16Array> {
  constructor(capacity?: number) {
    super((size) => new Uint16Array(size), capacity);
  }
}

export class GrowableF64 extends Growable<Float64Array> {
  constructor(capacity?: number) {
    super((size) => new Float64Array(size), capacity);
  }
}

/** Bits needed to hold every value up to `max` (at least 1). */
export function bitsFor(max: number): number {
  let bits = 1;
  while (bits < 32 && 2 ** bits <= max) bits++;
  return bits;
}

const DIGIT = 11;

/** [shift, width] of each radix pass over `bits` bits: passes of at most 11 bits, of equal width. */
export function digits(bits: number): [number, number][] {
  const passes = Math.max(1, Math.ceil(bits / DIGIT));
  const width = Math.ceil(bits / passes);
  const out: [number, number][] = [];
  for (let shift = 0; shift < bits; shift += width) out.push([shift, width]);
  return out;
}

/**
 * One stable counting pass of an LSD radix sort over parallel columns: rows of `from` go to `to`
 * ordered by bits [shift, shift + width) of column `key`.
 */
export function radixPass(from: readonly Uint32Array[], to: readonly Uint32Array[], key: number, shift: number, width: number): void {
  const keys = from[key]!;
  const n = keys.length;
  const mask = (1 << width) - 1;
  const counts = new Uint32Array(mask + 2);
  for (let i = 0; i < n; i++) counts[((keys[i]! >>> shift) & mask) + 1]!++;
  for (let i = 1; i <= mask + 1; i++) counts[i]! += counts[i - 1]!;
  // Each column in its own sequential pass, its rows' places counted again from the bucket starts
  // (no array of destinations: millions of rows).
  const next = new Uint32Array(mask + 1);
  for (let c = 0; c < from.length; c++) {
    next.set(counts.subarray(0, mask + 1));
    const source = from[c]!;
    const target = to[c]!;
    for (let i = 0; i < n; i++) target[next[(keys[i]! >>> shift) & mask]!++] = source[i]!;
  }
}

/**
 * Stable LSD radix sort of parallel columns by the low `bits` bits of column `key`; returns the
 * sorted columns. The given columns are consumed (reused as the passes' targets).
 */
export function radixSortColumns(columns: Uint32Array[], key: number, bits = 32): Uint32Array[] {
  let from = columns;
  let to: Uint32Array[] = columns.map((column) => new Uint32Array(column.length));
  for (const [shift, width] of digits(bits)) {
    radixPass(from, to, key, shift, width);
    [from, to] = [to, from];
  }
  return from;
}
