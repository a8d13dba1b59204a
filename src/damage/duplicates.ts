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
import { comparable, GrowableU32, isCompared, radixBits, radixSort, similarity, winnow, type Comparable, type DuplicateSource } from './winnow.js';

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
  const k = settings.shingle;
  const texts: string[] = [];
  const hashes = new GrowableU32();
  const owners = new GrowableU32();
  const positions = new GrowableU32();
  for (const [index, doc] of documents.entries()) {
    const text = comparable(doc, false).text;
    texts.push(text);
    winnow(text, k, settings.window, (hash, position) => {
      hashes.push(hash);
      owners.push(index);
      positions.push(position);
    });
  }
  const hash = hashes.view();
  const owner = owners.view();
  const position = positions.view();
  const identity = new Uint32Array(hash.length);
  for (let i = 0; i < identity.length; i++) identity[i] = i;
  // Stable: within one hash, places stay in (document, position) order.
  const byHash = radixSort(identity, hash);

  const linkA = new GrowableU32();
  const linkB = new GrowableU32();
  const link = (x: number, y: number): void => {
    linkA.push(x);
    linkB.push(y);
  };
  // Document pairs linked by rare hashes, with how many: one shared hash is chance.
  const pairLinks = new Map<number, number>();
  const pairKey = (a: number, b: number): number => a * documents.length + b;
  const common: [number, number][] = [];
  for (let from = 0; from < byHash.length; ) {
    let to = from + 1;
    while (to < byHash.length && hash[byHash[to]!] === hash[byHash[from]!]) to++;
    const size = to - from;
    if (size > settings.maxFanout) common.push([from, to]);
    else if (size > 1) {
      for (let i = from; i < to; i++) {
        for (let j = i + 1; j < to; j++) {
          const x = byHash[i]!;
          const y = byHash[j]!;
          link(x, y);
          const key = pairKey(owner[x]!, owner[y]!);
          pairLinks.set(key, (pairLinks.get(key) ?? 0) + 1);
        }
      }
    }
    from = to;
  }
  // Set phrases: only between document pairs that rarer text already links. A group's places are
  // in (document, position) order, so each document's places are one run, found by binary search
  // (no per-group maps: there are millions of groups in a large corpus).
  const partners = new Map<number, Set<number>>();
  for (const [key, links] of pairLinks) {
    if (links < settings.minLinks) continue;
    const a = Math.floor(key / documents.length);
    let set = partners.get(a);
    if (!set) partners.set(a, (set = new Set()));
    set.add(key - a * documents.length);
  }
  pairLinks.clear();
  const runStarts: number[] = [];
  const runOwners: number[] = [];
  for (const [from, to] of common) {
    runStarts.length = 0;
    runOwners.length = 0;
    for (let i = from; i < to; i++) {
      const a = owner[byHash[i]!]!;
      if (i === from || a !== runOwners[runOwners.length - 1]) {
        runStarts.push(i);
        runOwners.push(a);
      }
    }
    runStarts.push(to);
    for (let r = 0; r < runOwners.length; r++) {
      const linked = partners.get(runOwners[r]!);
      if (!linked) continue;
      const xs0 = runStarts[r]!;
      const xs1 = runStarts[r + 1]!;
      // The later runs of this group that are partners: walk whichever side is shorter.
      const others: number[] = linked.has(runOwners[r]!) ? [r] : [];
      if (linked.size < runOwners.length - r) {
        for (const b of linked) {
          if (b === runOwners[r]) continue;
          let lo = r + 1;
          let hi = runOwners.length - 1;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (runOwners[mid]! < b) lo = mid + 1;
            else hi = mid;
          }
          if (lo < runOwners.length && runOwners[lo] === b) others.push(lo);
        }
      } else {
        for (let o = r + 1; o < runOwners.length; o++) if (linked.has(runOwners[o]!)) others.push(o);
      }
      for (const o of others) {
        const b = runOwners[o]!;
        const ys0 = runStarts[o]!;
        const ys1 = runStarts[o + 1]!;
        // A phrase repeated over and over in both (a table, a run of one character) says nothing
        // about where a copy lies and would flood the pair with links.
        if ((xs1 - xs0) * (ys1 - ys0) > settings.maxFanout) continue;
        for (let i = xs0; i < xs1; i++) {
          for (let j = ys0; j < ys1; j++) if (b !== runOwners[r] || j > i) link(byHash[i]!, byHash[j]!);
        }
      }
    }
  }

  copiesOfCommonText(common, byHash, owner, position, partners, settings, link);

  // Links of one document pair together, in order of position in the first document.
  const count = linkA.length;
  const la = linkA.view();
  const lb = linkB.view();
  const keyPos = new Uint32Array(count);
  const keyB = new Uint32Array(count);
  const keyA = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    keyPos[i] = position[la[i]!]!;
    keyB[i] = owner[lb[i]!]!;
    keyA[i] = owner[la[i]!]!;
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const docBits = radixBits(documents.length);
  const sorted = radixSort(radixSort(radixSort(order, keyPos), keyB, docBits), keyA, docBits);

  const candidates: Candidate[] = [];
  for (let from = 0; from < count; ) {
    const a = keyA[sorted[from]!]!;
    const b = keyB[sorted[from]!]!;
    let to = from + 1;
    while (to < count && keyA[sorted[to]!] === a && keyB[sorted[to]!] === b) to++;
    chainPair(texts, a, b, sorted.subarray(from, to), (i) => position[la[i]!]!, (i) => position[lb[i]!]!, settings, candidates);
    from = to;
  }

  const kept = mergeCandidates(texts, candidates, settings).filter(
    (c) => c.similarity >= settings.threshold && Math.min(c.a1 - c.a0, c.b1 - c.b0) >= settings.minLength,
  );
  return toBlocks(documents, texts, earliestOriginals(kept));
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
  owner: Uint32Array,
  position: Uint32Array,
  partners: Map<number, Set<number>>,
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
    if (partners.get(document)?.has(current)) continue;
    const y = position[place]!;
    const drift = y - position[first]!;
    let best: Run | undefined;
    active = active.filter((run) => {
      if (run.last + settings.maxGap >= y) return true;
      close(run);
      return false;
    });
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

/** Chains the links of one document pair into candidate blocks. */
function chainPair(
  texts: string[],
  a: number,
  b: number,
  links: Uint32Array,
  posA: (link: number) => number,
  posB: (link: number) => number,
  settings: DuplicateSettings,
  out: Candidate[],
): void {
  const k = settings.shingle;
  // A chain shorter than this cannot reach minLength even after exact extension at both ends.
  const shortest = settings.minLength - 2 * (settings.shingle + settings.window);
  const active: Chain[] = [];
  const close = (chain: Chain): void => {
    if (chain.lastA + k - chain.firstA < shortest && chain.lastB + k - chain.firstB < shortest) return;
    const candidate = refine(texts, a, b, chain.firstA, chain.lastA + k, chain.firstB, chain.lastB + k, settings);
    if (candidate) out.push(candidate);
  };
  for (let i = 0; i < links.length; i++) {
    const x = posA(links[i]!);
    const y = posB(links[i]!);
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
}

/** Extends a chain over equal characters at both ends, keeps copies in one document apart, scores it. */
function refine(texts: string[], a: number, b: number, a0: number, a1: number, b0: number, b1: number, settings: DuplicateSettings): Candidate | null {
  const ta = texts[a]!;
  const tb = texts[b]!;
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
function mergeCandidates(texts: string[], candidates: Candidate[], settings: DuplicateSettings): Candidate[] {
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
      union.similarity = similarity(texts[union.a]!.slice(union.a0, union.a1), texts[union.b]!.slice(union.b0, union.b1), settings.verifyShingle);
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
function toBlocks(documents: readonly DuplicateSource[], texts: string[], candidates: Candidate[]): DuplicateBlock[] {
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
    text: texts[c.b]!.slice(c.b0, c.b1),
  }));
}
