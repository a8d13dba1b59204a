/**
 * Candidate scoring of the wording pass (wording.ts): the cosine of two statements' weighted bigrams, and per
 * bucket an inverted index from bigram to candidates (BucketIndex) that scores every query against its
 * bucket's candidates at once, skipping bigrams shared by more than MAX_POSTINGS of them; the best candidate
 * is kept only when it clears a threshold and beats its best rival by a margin (clearBest).
 */
import type { Statement, StatementWords } from './wording.js';
import { consistent } from './compare.js';

/**
 * Cosine of two statements' weighted bigrams, 0 unless the bigrams they share weigh `minEvidence` in all:
 * a statement of two words (`年均增长`) is close to any longer one holding them, and says too little to pair.
 */
export function similarity(a: Statement, b: Statement, minEvidence = 0): number {
  if (!a.norm || !b.norm) return 0;
  const [small, large] = a.end - a.start <= b.end - b.start ? [a, b] : [b, a];
  const weights = new Map<number, number>();
  for (let k = large.start; k < large.end; k++) weights.set(large.words.grams[k]!, large.words.weights[k]!);
  let dot = 0;
  let evidence = 0;
  for (let k = small.start; k < small.end; k++) {
    const v = weights.get(small.words.grams[k]!);
    if (v === undefined) continue;
    const w = small.words.weights[k]!;
    dot += w * v;
    evidence += Math.min(w, v);
  }
  return evidence < minEvidence ? 0 : dot / (a.norm * b.norm);
}

/** Candidates sharing a bigram beyond which the bigram tells none of them apart (and would cost n²). */
const MAX_POSTINGS = 64;

interface Scored {
  other: Statement;
  score: number;
}

/**
 * The candidates of `right` for each of `queries`: the statements of `right` in its bucket that share a bigram
 * with it, scored (best first), the dot products summed over the shared bigrams' postings, so a statement meets
 * only those sharing a word. Candidates whose shared words weigh less than `minEvidence` score 0 and are left
 * out (they can be neither a best candidate nor, a best one clearing a threshold above the margin, a rival
 * that matters), and so are those scoring below `floor` (the caller's threshold less its margin: clearBest
 * stops before any of them). All statements come from one statementsOf (they share its bigram numbers).
 *
 * Cost: bucket by bucket, an inverted index of the bucket's statements of `right` (bigram → a run of flat
 * postings, statement and weight, in the order of `right`), found through one array by bigram number, then
 * the bucket's queries scored against it; accumulators are typed arrays by place in `right`, and only the
 * candidates above `floor` are sorted. Each bucket is read once, whatever the order of the queries: no table
 * is kept per bucket, and no bigram is hashed. (Small functions: V8 optimizes them early and cheaply, where
 * one long loop nest ran interpreted, then was compiled on the stack several times over.)
 */
export function scoreAll(queries: Statement[], right: Statement[], minEvidence: number, floor: number): Scored[][] {
  const out: Scored[][] = queries.map(() => []);
  const words = queries[0]?.words ?? right[0]?.words;
  if (!words || !right.length) return out;
  let bucketCount = 0;
  for (const s of right) bucketCount = Math.max(bucketCount, s.bucket + 1);
  // (the statements of `right` and the queries grouped by bucket, each in its own order: a counting sort)
  const rightOf = groupByBucket(right, bucketCount);
  const queriesOf = groupByBucket(queries, bucketCount);
  const index = new BucketIndex(words, right, minEvidence, floor);
  for (let b = 0; b < bucketCount; b++) {
    const queryFrom = queriesOf.starts[b]!;
    const queryTo = queriesOf.starts[b + 1]!;
    const rightFrom = rightOf.starts[b]!;
    const rightTo = rightOf.starts[b + 1]!;
    if (queryFrom === queryTo || rightFrom === rightTo) continue;
    index.build(b, rightOf.order, rightFrom, rightTo);
    for (let q = queryFrom; q < queryTo; q++) {
      const at = queriesOf.order[q]!;
      index.score(queries[at]!, out[at]!);
    }
  }
  return out;
}

/** The inverted index of one bucket's statements at a time (scoreAll), and the accumulators that score against it. */
class BucketIndex {
  private readonly grams: Int32Array;
  private readonly weights: Float64Array;
  /** The bucket whose slot a bigram number has (-1: none yet), and that slot. */
  private readonly slotBucket: Int32Array;
  private readonly slotOf: Int32Array;
  /** The postings of slot t: offsets[t] .. offsets[t + 1] of postedStatement (places in `right`) and postedWeight. */
  private readonly offsets: Int32Array;
  private readonly postedStatement: Int32Array;
  private readonly postedWeight: Float64Array;
  private readonly dot: Float64Array;
  private readonly evidence: Float64Array;
  private readonly touched: Int32Array;
  private bucket = -1;

  constructor(
    words: StatementWords,
    private readonly right: Statement[],
    private readonly minEvidence: number,
    private readonly floor: number,
  ) {
    this.grams = words.grams;
    this.weights = words.weights;
    let total = 0;
    for (const r of right) total += r.end - r.start;
    this.slotBucket = new Int32Array(words.size).fill(-1);
    this.slotOf = new Int32Array(words.size);
    this.offsets = new Int32Array(total + 1);
    this.postedStatement = new Int32Array(total);
    this.postedWeight = new Float64Array(total);
    this.dot = new Float64Array(right.length);
    this.evidence = new Float64Array(right.length);
    this.touched = new Int32Array(right.length);
  }

  /** Indexes the statements of bucket `b`: right[order[from]] .. right[order[to - 1]]. */
  build(b: number, order: Int32Array, from: number, to: number): void {
    const { grams, weights, slotBucket, slotOf, offsets, postedStatement, postedWeight, right } = this;
    this.bucket = b;
    let slots = 0;
    for (let m = from; m < to; m++) {
      const r = right[order[m]!]!;
      for (let k = r.start; k < r.end; k++) {
        const g = grams[k]!;
        if (slotBucket[g] !== b) {
          slotBucket[g] = b;
          slotOf[g] = slots;
          slots++;
          offsets[slots] = 0;
        }
        offsets[slotOf[g]! + 1]!++;
      }
    }
    offsets[0] = 0;
    for (let slot = 0; slot < slots; slot++) offsets[slot + 1]! += offsets[slot]!;
    // (filled through offsets[slot] as the slot's cursor, then moved back to the slot's start)
    for (let m = from; m < to; m++) {
      const i = order[m]!;
      const r = right[i]!;
      for (let k = r.start; k < r.end; k++) {
        const at = offsets[slotOf[grams[k]!]!]!++;
        postedStatement[at] = i;
        postedWeight[at] = weights[k]!;
      }
    }
    for (let slot = slots; slot > 0; slot--) offsets[slot] = offsets[slot - 1]!;
    offsets[0] = 0;
  }

  /** Scores `s` (of the bucket indexed) against the bucket's statements, into `scored`, best first. */
  score(s: Statement, scored: Scored[]): void {
    if (!s.norm) return;
    const { grams, weights, slotBucket, slotOf, offsets, postedStatement, postedWeight, dot, evidence, touched, right } = this;
    const b = this.bucket;
    let count = 0;
    for (let k = s.start; k < s.end; k++) {
      const g = grams[k]!;
      if (slotBucket[g] !== b) continue;
      const slot = slotOf[g]!;
      const from = offsets[slot]!;
      const to = offsets[slot + 1]!;
      // (a bigram that many candidates of the bucket share cannot single one out: skipped, which keeps the pass
      // linear where thousands of documents state one thing alike)
      if (to - from > MAX_POSTINGS) continue;
      const w = weights[k]!;
      for (let p = from; p < to; p++) {
        const i = postedStatement[p]!;
        if (right[i] === s) continue;
        const v = postedWeight[p]!;
        if (dot[i] === 0 && evidence[i] === 0) touched[count++] = i;
        dot[i] += w * v;
        evidence[i] += w < v ? w : v;
      }
    }
    for (let t = 0; t < count; t++) {
      const i = touched[t]!;
      const other = right[i]!;
      if (evidence[i]! >= this.minEvidence && other.norm) {
        const score = dot[i]! / (s.norm * other.norm);
        if (score >= this.floor) scored.push({ other, score });
      }
      dot[i] = 0;
      evidence[i] = 0;
    }
    if (scored.length > 1) scored.sort(byScore);
  }
}

function byScore(x: Scored, y: Scored): number {
  return y.score - x.score;
}

/** Places in `statements` grouped by bucket, in their order: those of bucket b at order[starts[b] .. starts[b + 1]]. */
function groupByBucket(statements: Statement[], bucketCount: number): { order: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(bucketCount + 1);
  for (const s of statements) if (s.bucket < bucketCount) starts[s.bucket + 1]!++;
  for (let b = 0; b < bucketCount; b++) starts[b + 1]! += starts[b]!;
  const cursor = starts.slice(0, bucketCount);
  const order = new Int32Array(starts[bucketCount]!);
  for (let i = 0; i < statements.length; i++) {
    const b = statements[i]!.bucket;
    if (b < bucketCount) order[cursor[b]!++] = i;
  }
  return { order, starts };
}

/**
 * The best candidate `allowed` when it is unambiguous: at least `threshold`, and `margin` above the best
 * allowed candidate that would be judged otherwise (a candidate stating the same value as the best one, a
 * restatement of the same outcome, is no rival). Candidates are asked whether they are allowed best first,
 * and only until both are known.
 */
export function clearBest(scored: Scored[] | undefined, threshold: number, margin: number, allowed: (other: Statement) => boolean): Scored | null {
  let best: Scored | undefined;
  for (const candidate of scored ?? []) {
    if (!best) {
      if (candidate.score < threshold) return null;
      if (allowed(candidate.other)) best = candidate;
      continue;
    }
    if (best.score - candidate.score >= margin) break;
    const sameValue = candidate.other.figure.unit === best.other.figure.unit && consistent(candidate.other.figure, best.other.figure);
    if (!sameValue && allowed(candidate.other)) return null;
  }
  return best ?? null;
}
