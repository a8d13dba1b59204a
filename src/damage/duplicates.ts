/**
 * Repeated passages within and across documents, found in sub-quadratic time:
 *
 * 1. Each document's comparison text (letters and digits of normalized text, boilerplate left out)
 *    is winnowed into fingerprints (hash, document, position).
 * 2. Fingerprints are radix-sorted by hash. A hash kept in at most `maxFanout` places links every
 *    pair of its places. A hash kept more often is common text: it links document pairs that rarer
 *    hashes already linked, and a long run of common hashes matching one earlier place (a block
 *    copied ten or fifty times) links each copy to the first; a set phrase is too short to make
 *    such a run. Either way the links stay linear in the number of fingerprints.
 * 3. The links of each document pair, sorted by position, chain into blocks along a diagonal
 *    (a drift of `maxDrift` absorbs insertions and deletions); a block is extended over equal
 *    characters at both ends and kept when it is long and similar enough.
 * 4. Each repetition is reported once, against its earliest copy.
 */
import type { DuplicateSettings } from './settings.js';
import { bitsFor, comparable, comparableCodes, digits, GrowableF64, GrowableU16, GrowableU32, isCompared, radixPass, radixSortColumns, similarity, textOfCodes, Winnower, type Comparable, type DuplicateSource } from './winnow.js';

export type { DuplicateSource } from './winnow.js';

/** A passage: normalized-text span [start, end) of `documents[document]`. */
export interface Passage {
  document: number;
  start: number;
  end: number;
}

export interface DuplicateBlock {
  /** The earlier copy (earlier document, or earlier in the same document). */
  original: Passage;
  /** The repetition. */
  repeat: Passage;
  /** 0–1, see `similarity` in winnow.ts. */
  similarity: number;
  /** Compared characters of the shorter passage. */
  length: number;
  /** Comparison text of the repetition (stable material for finding fingerprints). */
  text: string;
}

/**
 * The documents' comparison texts, built when asked for rather than all held at once (at 10,000 documents
 * they would weigh as much as the documents' own texts): fingerprinting reads each once, in order, and
 * the later steps read the few that share long chains, through a small cache.
 */
class ComparisonTexts {
  private readonly cache = new Map<number, string>();
  readonly length: number;

  constructor(readonly sources: readonly DuplicateSource[]) {
    this.length = sources.length;
  }

  /**
   * The comparison text of document i as code units in `codes` (long enough for its normalized text; returns
   * how many), its string kept only while the cache has room (a small run's texts are then built once).
   */
  once(i: number, codes: Uint16Array): number {
    const n = comparableCodes(this.sources[i]!, codes, null);
    if (this.cache.size < TEXT_CACHE && !this.cache.has(i)) this.cache.set(i, textOfCodes(codes, n));
    return n;
  }

  /** The comparison text of document i, kept among the last TEXT_CACHE asked for. */
  at(i: number): string {
    let text = this.cache.get(i);
    if (text !== undefined) return text;
    text = comparable(this.sources[i]!, false).text;
    if (this.cache.size >= TEXT_CACHE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(i, text);
    return text;
  }
}

/** Comparison texts kept at once by ComparisonTexts (documents of the pairs being chained). */
const TEXT_CACHE = 256;

/** A candidate block in comparison offsets. */
interface Candidate {
  a: number;
  b: number;
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  similarity: number;
}

interface Chain {
  firstA: number;
  firstB: number;
  lastA: number;
  lastB: number;
  drift: number;
}

/**
 * Every repeated block among `documents`. Settings: the `duplicates` section of rules
 * (minLength and threshold may come from a `type: duplicates` check entry).
 */
export function findDuplicateBlocks(documents: readonly DuplicateSource[], settings: DuplicateSettings): DuplicateBlock[] {
  const texts = new ComparisonTexts(documents);
  // Fingerprints and their places are dropped once linked: the sort below holds only the links.
  const links = linkPlaces(texts, settings);

  // Links of one document pair together, in order of position in the first document.
  const sorted = links.sorted();
  const candidates: Candidate[] = [];
  const chainer = new PairChainer(texts, settings, candidates);
  for (let from = 0; from < sorted.length; ) {
    const pair = sorted.pair(from);
    let to = from + 1;
    while (to < sorted.length && sorted.samePair(from, to)) to++;
    chainer.chain(pair[0], pair[1], sorted.positionA, sorted.positionB, from, to);
    from = to;
  }

  const kept = mergeCandidates(texts, candidates, settings).filter(
    (c) => c.similarity >= settings.threshold && Math.min(c.a1 - c.a0, c.b1 - c.b0) >= settings.minLength,
  );
  return toBlocks(documents, texts, earliestOriginals(kept));
}

/**
 * Step 1: every kept fingerprint's place (document, position), and the places in order of hash (stable:
 * within one hash, in (document, position) order) with their hashes. The hashes in place order are not
 * returned, so they are let go before linking (at 10,000 documents each column is ~30 MB).
 */
function sortedPlaces(texts: ComparisonTexts, settings: DuplicateSettings): { owner: Uint32Array | Uint16Array; position: Uint32Array; byHash: Uint32Array; hashByHash: Uint32Array } {
  const n = texts.length;
  // Columns of the length winnowing is expected to keep, 2 / (window + 1) of the compared characters (at most
  // the normalized ones), rather than grown by doubling: at 10,000 documents each column is ~30 MB, and a
  // doubling holds the old one beside the new.
  let longest = 0;
  let total = 0;
  for (const source of texts.sources) {
    longest = Math.max(longest, source.normalized.length);
    total += source.normalized.length;
  }
  const expected = Math.ceil((2 * total) / (settings.window + 1)) + n;
  const hashes = new GrowableU32(expected);
  // Up to 65,536 documents, a place's document fits 16 bits.
  const owners = n <= 0x10000 ? new GrowableU16(expected) : new GrowableU32(expected);
  const positions = new GrowableU32(expected);
  const codes = new Uint16Array(longest);
  const winnower = new Winnower(settings.shingle, settings.window);
  for (let index = 0; index < n; index++) {
    const count = winnower.winnow(codes, texts.once(index, codes));
    const { kept, hashes: hashOf } = winnower;
    for (let j = 0; j < count; j++) {
      const position = kept[j]!;
      hashes.push(hashOf[position]!);
      owners.push(index);
      positions.push(position);
    }
  }
  const hash = hashes.view();
  const identity = new Uint32Array(hash.length);
  for (let i = 0; i < identity.length; i++) identity[i] = i;
  // The hashes and identity are consumed (the passes' targets).
  const [byHash, hashByHash] = radixSortColumns([identity, hash], 1) as [Uint32Array, Uint32Array];
  return { owner: owners.view(), position: positions.view(), byHash, hashByHash };
}

/** Steps 1 and 2 (see the top of this file): the links between places of the texts that share a fingerprint. */
function linkPlaces(texts: ComparisonTexts, settings: DuplicateSettings): Links {
  const n = texts.length;
  let places: ReturnType<typeof sortedPlaces> | undefined = sortedPlaces(texts, settings);
  const { owner, position, byHash } = places;
  // The hashes, and below the pairs of rare links, are let go (set undefined) once read: the links grow meanwhile.
  let hashByHash: Uint32Array | undefined = places.hashByHash;
  places = undefined;

  // A link joins two places; what the chaining needs of it (documents and positions) is kept
  // rather than the places, so sorting and chaining read it in sequence.
  const links = new Links(n);
  const link = (x: number, y: number): void => links.push(owner[x]!, owner[y]!, position[x]!, position[y]!);
  // Document pairs linked by rare hashes (a * n + b, once per link): one shared hash is chance. While a pair
  // fits 32 bits the links' own first column holds just that, rare links first: it is copied once, at its size,
  // rather than a second growing column kept beside the links (at 10,000 documents, ~100 MB at its peak).
  let pairOfRareLink: GrowableF64 | undefined = links.pairsCombined ? undefined : new GrowableF64();
  const common = linkRareHashes(byHash, hashByHash, owner, n, settings.maxFanout, link, pairOfRareLink);
  hashByHash = undefined;
  const partners = partnersOf(pairOfRareLink?.view() ?? links.pairsUpTo(links.length), n, settings.minLinks);
  pairOfRareLink = undefined;
  linkSetPhrases(common, byHash, owner, n, partners, settings.maxFanout, link);
  copiesOfCommonText(common, byHash, owner, position, partners, settings, link);
  return links;
}

/**
 * Links every two places of each rare hash (shared by at most `maxFanout` places), noting each link's
 * document pair when `pairOfRareLink` is given; returns the runs [from, to) of `byHash` of the common hashes.
 */
function linkRareHashes(
  byHash: Uint32Array,
  hashByHash: Uint32Array,
  owner: Uint32Array | Uint16Array,
  n: number,
  maxFanout: number,
  link: (x: number, y: number) => void,
  pairOfRareLink: GrowableF64 | undefined,
): [number, number][] {
  const common: [number, number][] = [];
  for (let from = 0; from < byHash.length; ) {
    let to = from + 1;
    const h = hashByHash[from]!;
    while (to < byHash.length && hashByHash[to] === h) to++;
    const size = to - from;
    if (size > maxFanout) common.push([from, to]);
    else if (size > 1) {
      for (let i = from; i < to; i++) {
        for (let j = i + 1; j < to; j++) {
          const x = byHash[i]!;
          const y = byHash[j]!;
          link(x, y);
          pairOfRareLink?.push(owner[x]! * n + owner[y]!);
        }
      }
    }
    from = to;
  }
  return common;
}

/**
 * Set phrases (common hashes): linked only between document pairs that rarer text already links. A group's
 * places are in (document, position) order, so each document's places are one run; `runAt` finds a
 * document's run in the group (no per-group maps: there are millions of groups in a large corpus).
 */
function linkSetPhrases(
  common: [number, number][],
  byHash: Uint32Array,
  owner: Uint32Array | Uint16Array,
  n: number,
  partners: Partners,
  maxFanout: number,
  link: (x: number, y: number) => void,
): void {
  const runAt = new Int32Array(n).fill(-1);
  const runStarts: number[] = [];
  const runOwners: number[] = [];
  const others: number[] = [];
  for (const [from, to] of common) {
    runStarts.length = 0;
    runOwners.length = 0;
    for (let i = from; i < to; i++) {
      const a = owner[byHash[i]!]!;
      if (i === from || a !== runOwners[runOwners.length - 1]) {
        runAt[a] = runOwners.length;
        runStarts.push(i);
        runOwners.push(a);
      }
    }
    runStarts.push(to);
    for (let r = 0; r < runOwners.length; r++) {
      const a = runOwners[r]!;
      const p0 = partners.start[a]!;
      const p1 = partners.start[a + 1]!;
      if (p0 === p1) continue;
      const xs0 = runStarts[r]!;
      const xs1 = runStarts[r + 1]!;
      // The runs of this group that are partners (a's partners are b >= a, ascending): walk whichever
      // side is shorter; either way `others` lists them in document order.
      others.length = 0;
      if (p1 - p0 < runOwners.length - r) {
        for (let p = p0; p < p1; p++) {
          const o = runAt[partners.list[p]!]!;
          if (o >= r) others.push(o);
        }
      } else {
        for (let o = r; o < runOwners.length; o++) if (partners.has(a, runOwners[o]!)) others.push(o);
      }
      for (const o of others) {
        const b = runOwners[o]!;
        const ys0 = runStarts[o]!;
        const ys1 = runStarts[o + 1]!;
        // A phrase repeated over and over in both (a table, a run of one character) says nothing
        // about where a copy lies and would flood the pair with links.
        if ((xs1 - xs0) * (ys1 - ys0) > maxFanout) continue;
        for (let i = xs0; i < xs1; i++) {
          for (let j = ys0; j < ys1; j++) if (b !== a || j > i) link(byHash[i]!, byHash[j]!);
        }
      }
    }
    for (const a of runOwners) runAt[a] = -1;
  }
}

/**
 * The document pairs that rare hashes link at least `minLinks` times: for each document a, its
 * partners b >= a in ascending order (`list[start[a]] … list[start[a + 1] - 1]`). Typed arrays rather
 * than a Map of Sets: a corpus of 10,000 documents has millions of linked pairs.
 */
class Partners {
  constructor(
    readonly start: Uint32Array,
    readonly list: Uint32Array,
  ) {}

  has(a: number, b: number): boolean {
    let lo = this.start[a]!;
    let hi = this.start[a + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.list[mid]!;
      if (value === b) return true;
      if (value < b) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }
}

/** Partners from the pair (a * n + b) of every rare link; sorts `pairs` in place. */
function partnersOf(pairs: Float64Array | Uint32Array, n: number, minLinks: number): Partners {
  pairs.sort();
  const start = new Uint32Array(n + 1);
  const kept: number[] = [];
  for (let from = 0; from < pairs.length; ) {
    let to = from + 1;
    while (to < pairs.length && pairs[to] === pairs[from]) to++;
    if (to - from >= minLinks) {
      const a = Math.floor(pairs[from]! / n);
      kept.push(pairs[from]! - a * n);
      start[a + 1]!++;
    }
    from = to;
  }
  for (let a = 0; a < n; a++) start[a + 1]! += start[a]!;
  return new Partners(start, Uint32Array.from(kept));
}

/**
 * Many copies of one block: every hash of a block copied into more than `maxFanout` places is
 * "common", so neither rare hashes nor partners link the copies. Each place of a common hash is
 * matched with the first place of its hash (in document, position order): walking each document's
 * places in order, a run of such matches against one earlier document along one diagonal, long
 * enough to be a block, is a copy of what lies there, and its places are linked to their first
 * places. Set phrases give short runs and no links, so the cost stays one pass over the places.
 */
function copiesOfCommonText(
  common: [number, number][],
  byHash: Uint32Array,
  owner: Uint32Array | Uint16Array,
  position: Uint32Array,
  partners: Partners,
  settings: DuplicateSettings,
  link: (x: number, y: number) => void,
): void {
  const none = 0xffffffff;
  const firstOf = new Uint32Array(owner.length).fill(none);
  for (const [from, to] of common) {
    for (let i = from + 1; i < to; i++) firstOf[byHash[i]!] = byHash[from]!;
  }
  // A run shorter than this cannot reach minLength even after exact extension at both ends.
  const shortest = settings.minLength - 2 * (settings.shingle + settings.window);
  interface Run {
    document: number;
    drift: number;
    last: number;
    members: number[];
  }
  let active: Run[] = [];
  const close = (run: Run): void => {
    const first = run.members[0]!;
    const span = position[run.members[run.members.length - 1]!]! + settings.shingle - position[first]!;
    if (span < shortest) return;
    for (const place of run.members) link(firstOf[place]!, place);
  };
  let current = -1;
  for (let place = 0; place < owner.length; place++) {
    if (owner[place] !== current) {
      for (const run of active) close(run);
      active = [];
      current = owner[place]!;
    }
    const first = firstOf[place]!;
    if (first === none) continue;
    const document = owner[first]!;
    // Pairs that share rarer text are linked already, set phrases included.
    if (partners.has(document, current)) continue;
    const y = position[place]!;
    const drift = y - position[first]!;
    let best: Run | undefined;
    // Runs left behind are closed, in order (a filter without a new array per place).
    let kept = 0;
    for (const run of active) {
      if (run.last + settings.maxGap >= y) active[kept++] = run;
      else close(run);
    }
    active.length = kept;
    for (const run of active) {
      if (run.document === document && Math.abs(run.drift - drift) <= settings.maxDrift && position[run.members[run.members.length - 1]!]! < y) {
        best = run;
        break;
      }
    }
    if (best) {
      best.members.push(place);
      best.last = y;
      best.drift = drift;
    } else {
      if (active.length >= 16) close(active.shift()!);
      active.push({ document, drift, last: y, members: [place] });
    }
  }
  for (const run of active) close(run);
}

/**
 * Links as columns: the documents of both places (one column a * n + b while that fits 32 bits, i.e.
 * up to 65,536 documents; else two) and the positions of both places.
 */
class Links {
  private readonly combined: boolean;
  /** Whether the first column holds each link's pair as ownerA * documents + ownerB (see pairsUpTo). */
  get pairsCombined(): boolean {
    return this.combined;
  }

  /** A copy of the pairs (ownerA * documents + ownerB) of the first `count` links; only when pairsCombined. */
  pairsUpTo(count: number): Uint32Array {
    if (!this.combined) throw new Error('Links.pairsUpTo: pairs are not combined past 65,536 documents');
    return this.columns[0]!.slice(0, count);
  }

  private columns: Uint32Array[];
  length = 0;

  constructor(private readonly documents: number) {
    this.combined = documents * documents <= 0x100000000;
    this.columns = Array.from({ length: this.combined ? 3 : 4 }, () => new Uint32Array(1024));
  }

  push(ownerA: number, ownerB: number, positionA: number, positionB: number): void {
    if (this.length === this.columns[0]!.length) {
      // By half again rather than double: millions of links, and the sort needs as much again.
      this.columns = this.columns.map((column) => {
        const bigger = new Uint32Array(Math.ceil(column.length * 1.5));
        bigger.set(column);
        return bigger;
      });
    }
    const c = this.columns;
    const i = this.length++;
    if (this.combined) {
      c[0]![i] = ownerA * this.documents + ownerB;
      c[1]![i] = positionA;
      c[2]![i] = positionB;
    } else {
      c[0]![i] = ownerA;
      c[1]![i] = ownerB;
      c[2]![i] = positionA;
      c[3]![i] = positionB;
    }
  }

  /**
   * The links ordered by (ownerA, ownerB, positionA), ties in the order they were made: a stable LSD
   * radix sort carrying every column, so each pass reads in sequence. The links are consumed.
   */
  sorted(): SortedLinks {
    const n = this.length;
    const docs = this.documents;
    let from: Uint32Array[] = this.columns.map((column) => column.subarray(0, n));
    let to: Uint32Array[] = from.map(() => new Uint32Array(n));
    this.columns = [];
    const positionA = this.combined ? 1 : 2;
    let maxPosition = 0;
    for (let i = 0; i < n; i++) if (from[positionA]![i]! > maxPosition) maxPosition = from[positionA]![i]!;
    // Least significant key first: positionA, then the pair (ownerB, then ownerA when apart).
    const keys: [number, number][] = this.combined
      ? [[positionA, bitsFor(maxPosition)], [0, bitsFor(docs * docs - 1)]]
      : [[positionA, bitsFor(maxPosition)], [1, bitsFor(docs - 1)], [0, bitsFor(docs - 1)]];
    for (const [key, bits] of keys) {
      for (const [shift, width] of digits(bits)) {
        radixPass(from, to, key, shift, width);
        [from, to] = [to, from];
      }
    }
    const combined = this.combined;
    const [c0, c1] = [from[0]!, from[1]!];
    return {
      length: n,
      positionA: from[positionA]!,
      positionB: from[positionA + 1]!,
      pair: (i) => (combined ? [Math.floor(c0[i]! / docs), c0[i]! % docs] : [c0[i]!, c1[i]!]),
      samePair: (i, j) => c0[i] === c0[j] && (combined || c1[i] === c1[j]),
    };
  }
}

interface SortedLinks {
  length: number;
  positionA: Uint32Array;
  positionB: Uint32Array;
  /** The documents [a, b] of link i. */
  pair: (i: number) => [number, number];
  samePair: (i: number, j: number) => boolean;
}

/** Chains the links of one document pair into candidate blocks (one instance for all pairs: no allocation per pair). */
class PairChainer {
  private readonly active: Chain[] = [];

  constructor(
    private readonly texts: ComparisonTexts,
    private readonly settings: DuplicateSettings,
    private readonly out: Candidate[],
  ) {}

  /** Links from … to - 1 of pair (a, b), in order of position in a: at positionA[i] in a and positionB[i] in b. */
  chain(a: number, b: number, positionA: Uint32Array, positionB: Uint32Array, from: number, to: number): void {
    const { settings, active } = this;
    const k = settings.shingle;
    // A chain shorter than this cannot reach minLength even after exact extension at both ends.
    const shortest = settings.minLength - 2 * (settings.shingle + settings.window);
    const close = (chain: Chain): void => {
      if (chain.lastA + k - chain.firstA < shortest && chain.lastB + k - chain.firstB < shortest) return;
      const candidate = refine(this.texts, a, b, chain.firstA, chain.lastA + k, chain.firstB, chain.lastB + k, settings);
      if (candidate) this.out.push(candidate);
    };
    for (let i = from; i < to; i++) {
      const x = positionA[i]!;
      const y = positionB[i]!;
      const drift = y - x;
      let best = -1;
      let bestDistance = Infinity;
      for (let c = active.length - 1; c >= 0; c--) {
        const chain = active[c]!;
        if (chain.lastA + settings.maxGap < x) {
          close(chain);
          active.splice(c, 1);
          if (best > c) best--;
          continue;
        }
        const distance = Math.abs(drift - chain.drift);
        if (x > chain.lastA && y > chain.lastB && distance <= settings.maxDrift && distance < bestDistance) {
          best = c;
          bestDistance = distance;
        }
      }
      if (best >= 0) {
        const chain = active[best]!;
        chain.lastA = x;
        chain.lastB = y;
        chain.drift = drift;
      } else {
        // Within one document a passage never "repeats" itself at the same place.
        if (a === b && y <= x) continue;
        if (active.length >= 64) close(active.shift()!);
        active.push({ firstA: x, firstB: y, lastA: x, lastB: y, drift });
      }
    }
    for (const chain of active) close(chain);
    active.length = 0;
  }
}

/** Extends a chain over equal characters at both ends, keeps copies in one document apart, scores it. */
function refine(texts: ComparisonTexts, a: number, b: number, a0: number, a1: number, b0: number, b1: number, settings: DuplicateSettings): Candidate | null {
  const ta = texts.at(a);
  const tb = texts.at(b);
  a1 = Math.min(a1, ta.length);
  b1 = Math.min(b1, tb.length);
  const same = a === b;
  if (same && a1 > b0) a1 = b0;
  while (a0 > 0 && b0 > 0 && ta.charCodeAt(a0 - 1) === tb.charCodeAt(b0 - 1) && (!same || b0 - 1 >= a1)) {
    a0--;
    b0--;
  }
  while (a1 < ta.length && b1 < tb.length && ta.charCodeAt(a1) === tb.charCodeAt(b1) && (!same || a1 + 1 <= b0)) {
    a1++;
    b1++;
  }
  if (Math.min(a1 - a0, b1 - b0) < settings.minLength) return null;
  return { a, b, a0, a1, b0, b1, similarity: similarity(ta.slice(a0, a1), tb.slice(b0, b1), settings.verifyShingle) };
}

/**
 * Candidates of one pair that overlap, or lie within maxGap of each other on both sides, become
 * one block when the union is still similar enough: one finding per repeated block.
 */
function mergeCandidates(texts: ComparisonTexts, candidates: Candidate[], settings: DuplicateSettings): Candidate[] {
  candidates.sort((x, y) => x.a - y.a || x.b - y.b || x.a0 - y.a0 || x.b0 - y.b0);
  const merged: Candidate[] = [];
  for (const next of candidates) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.a === next.a &&
      last.b === next.b &&
      next.a0 <= last.a1 + settings.maxGap &&
      next.b0 <= last.b1 + settings.maxGap &&
      next.b0 >= last.b0 - settings.maxGap &&
      (last.a !== last.b || Math.max(last.a1, next.a1) <= Math.min(last.b0, next.b0))
    ) {
      const union = {
        ...last,
        a0: Math.min(last.a0, next.a0),
        a1: Math.max(last.a1, next.a1),
        b0: Math.min(last.b0, next.b0),
        b1: Math.max(last.b1, next.b1),
      };
      union.similarity = similarity(texts.at(union.a).slice(union.a0, union.a1), texts.at(union.b).slice(union.b0, union.b1), settings.verifyShingle);
      if (union.similarity >= settings.threshold) {
        merged[merged.length - 1] = union;
        continue;
      }
    }
    merged.push(next);
  }
  return merged;
}

/**
 * A passage repeated three times links every pair of copies; keep each repetition once, against
 * its earliest copy (a later copy mostly covered by an earlier-paired one is dropped).
 */
function earliestOriginals(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((x, y) => x.b - y.b || x.a - y.a || x.a0 - y.a0);
  const kept: Candidate[] = [];
  const byRepeat = new Map<number, Candidate[]>();
  for (const c of sorted) {
    const earlier = byRepeat.get(c.b) ?? [];
    const covered = earlier.some((e) => overlap(e.b0, e.b1, c.b0, c.b1) >= 0.9 * (c.b1 - c.b0));
    if (covered) continue;
    earlier.push(c);
    byRepeat.set(c.b, earlier);
    kept.push(c);
  }
  return kept;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Comparison offsets → normalized spans, widened over punctuation (to whole lines where only punctuation is left). */
function toBlocks(documents: readonly DuplicateSource[], texts: ComparisonTexts, candidates: Candidate[]): DuplicateBlock[] {
  const maps = new Map<number, Comparable>();
  const mapOf = (d: number): Comparable => {
    let map = maps.get(d);
    if (!map) maps.set(d, (map = comparable(documents[d]!)));
    return map;
  };
  const passage = (d: number, c0: number, c1: number): Passage => {
    const { offsets } = mapOf(d);
    const text = documents[d]!.normalized;
    let start = offsets[c0]!;
    let end = offsets[c1 - 1]! + 1;
    let s = start;
    while (s > 0 && text[s - 1] !== '\n' && !isCompared(text.charCodeAt(s - 1))) s--;
    if (s === 0 || text[s - 1] === '\n') start = s;
    // Closing punctuation goes with the passage; to the line end when nothing else follows.
    let e = end;
    while (e < text.length && !/\s/.test(text[e]!) && !isCompared(text.charCodeAt(e))) e++;
    end = e;
    while (e < text.length && text[e] !== '\n' && !isCompared(text.charCodeAt(e))) e++;
    if (e === text.length || text[e] === '\n') end = e;
    // Trailing spaces are not part of a passage.
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    while (start < end && /\s/.test(text[start]!)) start++;
    return { document: d, start, end };
  };
  return candidates.map((c) => ({
    original: passage(c.a, c.a0, c.a1),
    repeat: passage(c.b, c.b0, c.b1),
    similarity: c.similarity,
    length: Math.min(c.a1 - c.a0, c.b1 - c.b0),
    text: texts.at(c.b).slice(c.b0, c.b1),
  }));
}
