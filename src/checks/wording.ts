/**
 * Pairing by wording: a second alignment pass for the statements the identity key (align.ts: indicator or
 * cleaned label, unit, kind, change, scopes, period, jurisdiction) leaves alone. Two statements of one fact
 * in documents nobody tuned on are often worded apart (`今年再解决6000万农村人口的饮水安全问题` and
 * `6600多万农村人口饮水安全问题得到解决`): no word list covers the wordings of documents not yet written, so
 * this pass compares the statements' own words: the clause around each figure (from its clause start or the
 * figure before it to its clause end or the figure after it), as character bigrams weighted by their inverse
 * document frequency over the clauses of the run itself (words every statement has, 增长, 全年, 实现, weigh
 * nothing, and no list names them), compared by cosine. A clause that says little of its own is read with its
 * sentence's lead and its label at a lower weight; a clause that says nearly nothing (`…亿元，增长8%`, a
 * continuation) or is an item of a list (`分别提高到300元和500元`) is not paired at all.
 *
 * Candidates share period, unit, kind, change and jurisdiction (the bucket), and the scope words that make
 * another fact (indicators.yaml `scopes`: year-end vs average, central vs local, urban vs rural, above-size)
 * read from the same words; two figures resolved to two different indicators never pair. A pairing is kept
 * only when it is unambiguous: the best candidate clears a threshold, beats the best rival (a candidate that
 * would be judged otherwise) by `margin`, and is the mutual best. Target/outcome pairs (target.ts) need
 * `minSimilarity`; one fact stated twice (consistency.ts) needs `sameFactSimilarity`, or `agreeingSimilarity`
 * when two documents state the same value; inside one document only the same value, in two paragraphs, pairs.
 * Settings: rules/core/checks.yaml `alignment.byWording`. Precision first: the consumers say in a finding's
 * message that its pair was made by wording and never make it an error.
 *
 * Cost: the statements are built once per run (one scan of each figure's clause and sentence lead, bounded),
 * then per bucket an inverted index from bigram to candidates; a bigram in more than `maxShare` of the run's
 * clauses weighs nothing, and one shared by more than MAX_POSTINGS candidates of a bucket is skipped (it
 * cannot single one out): linear in the figures, never all pairs of the run.
 */
import type { Document, Figure } from '../model.js';
import type { CheckContext } from './types.js';
import type { RuleSet, WordingSettings } from '../rules/types.js';
import { consistent } from './compare.js';
import { documentDate, periodOverBy } from './document-date.js';
import { jurisdictionKey } from './jurisdiction.js';
import { sameSentence, sentenceOf } from './align.js';
import { indicatorOf, isPart } from '../meaning/metric.js';

/** Two statements paired by wording: for target/outcome pairs `a` is the target and `b` the outcome. */
export interface WordingPair {
  a: Figure;
  b: Figure;
  /** Cosine of the two statements' weighted bigrams, 0–1. */
  similarity: number;
  /** A name for the pair: the first statement's label, else its clause. */
  name: string;
  /** A key for the pair's metric (`wording:…`), stable across runs. */
  metric: string;
}

/** A figure as this pass reads it: its words, the scopes they name, what it must share with a partner. */
export interface Statement {
  /** Its place among the run's statements (for the scorer's accumulators). */
  id: number;
  figure: Figure;
  /** bigram → weight (inverse document frequency), filled once the run's frequencies are known. */
  bigrams: Map<Bigram, number>;
  norm: number;
  /** Whether the statement's own clause (its label aside) holds a word that weighs: `…7253亿元，增长21.8%` does not. */
  ownWords: boolean;
  clause: string;
  bucket: string;
  scopes: string;
  /** The scopes of the clause with the sentence's lead: a scope one names in its clause the other may name there. */
  leadScopes: string;
  indicator: string | null;
}

/** The effective settings (rules/core/checks.yaml sets every one; the defaults serve rule sets built without it). */
export function settingsOf(rules: RuleSet): Required<WordingSettings> | null {
  const s = rules.alignment?.byWording;
  if (!s || s.enabled === false) return null;
  return {
    enabled: true,
    minSimilarity: s.minSimilarity ?? 0.3,
    margin: s.margin ?? 0.1,
    sameFactSimilarity: s.sameFactSimilarity ?? 0.7,
    maxRatio: s.maxRatio ?? 3,
    maxShare: s.maxShare ?? 0.2,
    minEvidence: s.minEvidence ?? 10,
    leadWeight: s.leadWeight ?? 0.5,
    richClause: s.richClause ?? 40,
    agreeingSimilarity: s.agreeingSimilarity ?? 0.2,
  };
}

const CLAUSE_BREAK = new Uint8Array(65536);
for (const c of ',，;；。!！?？:：\n') CLAUSE_BREAK[c.charCodeAt(0)] = 1;
const SENTENCE_BREAK = new Uint8Array(65536);
for (const c of ';；。!！?？\n') SENTENCE_BREAK[c.charCodeAt(0)] = 1;
/** How far back a sentence's lead is read (UTF-16 units): a long list sentence names many things. */
const LEAD_LIMIT = 80;
const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
/** Han characters isHan accepts, numbered from 0 (a bigram of two of them is then a small integer). */
const HAN_CODES = 0x9fff - 0x3400 + 1 + (0xfaff - 0xf900 + 1);
const hanNumber = (code: number) => (code <= 0x9fff ? code - 0x3400 : code - 0xf900 + (0x9fff - 0x3400 + 1));

/**
 * Two Han characters as one number (< 2^30, a small integer to V8): the pass keys its sets and maps by
 * bigram, and number keys cost a fraction of two-character strings (no string made, none hashed).
 */
type Bigram = number;

/** Figures of each document in text order (built once per pass). */
function inTextOrder(context: CheckContext, document: string, cache: Map<string, Figure[]>): Figure[] {
  let list = cache.get(document);
  if (!list) {
    list = [...context.figuresOf(document)].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
    cache.set(document, list);
  }
  return list;
}

/** First index whose figure starts at or after `at` (binary search over text order). */
function firstFrom(list: Figure[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.span.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The words around a figure: back to its clause start or the end of the figure before it, on to its clause
 * end or the start of the figure after it. A figure owns the words between its neighbours, so two figures of
 * one clause (`改造农村危房260万户，改建农村公路20万公里` are two clauses; `投入420亿元资金` one) keep theirs apart.
 */
function clauseAround(document: Document, figure: Figure, ordered: Figure[]): [string, string, string, boolean] {
  const text = document.normalized;
  const index = firstFrom(ordered, figure.span.start);
  let floor = 0;
  for (let i = index - 1; i >= 0; i--) {
    const previous = ordered[i]!;
    if (previous.span.end <= figure.span.start) {
      floor = previous.span.end;
      break;
    }
  }
  let ceiling = text.length;
  for (let i = index; i < ordered.length; i++) {
    const next = ordered[i]!;
    if (next !== figure && next.span.start >= figure.span.end) {
      ceiling = next.span.start;
      break;
    }
  }
  let start = figure.span.start;
  while (start > floor && !CLAUSE_BREAK[text.charCodeAt(start - 1)]) start--;
  let end = figure.span.end;
  while (end < ceiling && !CLAUSE_BREAK[text.charCodeAt(end)]) end++;
  // A figure of the same unit next to it with no clause break between is a sibling in a list (`人均公用经费分别
  // 提高到300元和500元`): the list's words are shared, and the wording cannot tell which item is which.
  const sibling = (other: Figure | undefined, from: number, to: number) => {
    if (!other || other === figure || other.unit !== figure.unit) return false;
    for (let i = from; i < to; i++) if (CLAUSE_BREAK[text.charCodeAt(i)]) return false;
    return true;
  };
  const previous = ordered[index - 1];
  const next = ordered[index] === figure ? ordered[index + 1] : ordered[index];
  const listed = (previous !== undefined && previous.span.end <= figure.span.start && sibling(previous, previous.span.end, figure.span.start)) ||
    (next !== undefined && next.span.start >= figure.span.end && sibling(next, figure.span.end, next.span.start));
  // The sentence's lead, back from the clause (bounded): what a short clause (`试点范围扩大到23%的县`) is about.
  let lead = start;
  while (lead > 0 && start - lead < LEAD_LIMIT && !SENTENCE_BREAK[text.charCodeAt(lead - 1)]) lead--;
  return [text.slice(start, figure.span.start), text.slice(figure.span.end, end), text.slice(lead, start), listed];
}

/** Character bigrams of the Han runs of some texts (a run never bridges a digit, a letter or punctuation). */
function bigramsOf(texts: string[]): Set<Bigram> {
  const out = new Set<Bigram>();
  for (const text of texts) {
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!isHan(code)) {
        previous = -1;
        continue;
      }
      const current = hanNumber(code);
      if (previous >= 0) out.add(previous * HAN_CODES + current);
      previous = current;
    }
  }
  return out;
}

const scopeWordsCache = new WeakMap<RuleSet, Array<[string, string]>>();

/** Scope words (indicators.yaml `indicatorWords.scopes`), longest first, with their scope id. */
function scopeWords(rules: RuleSet): Array<[string, string]> {
  let words = scopeWordsCache.get(rules);
  if (!words) {
    const scopes = ((rules.indicatorWords as { scopes?: Record<string, string[]> } | undefined)?.scopes ?? {}) as Record<string, string[]>;
    words = Object.entries(scopes)
      .flatMap(([id, list]) => list.map((w) => [w, id] as [string, string]))
      .sort((x, y) => y[0].length - x[0].length);
    scopeWordsCache.set(rules, words);
  }
  return words;
}

/**
 * The scopes a statement's words name (longest word first, each stretch of text read once). Read from the
 * whole clause and the label, so that a scope stated after the figure (`6000万农村人口`) counts too: a
 * scope found in more words only keeps two statements further apart.
 */
function scopesOfText(text: string, words: Array<[string, string]>, found: Set<string>): Set<string> {
  if (!mayHoldScopeWord(text, words)) return found;
  for (const [word, id] of words) {
    if (!text.includes(word)) continue;
    found.add(id);
    text = text.split(word).join(' ');
  }
  return found;
}

/** The first two characters of each scope word (the first alone for a word of one), as tables for mayHoldScopeWord. */
const scopeStartsCache = new WeakMap<Array<[string, string]>, { first: Uint8Array; pairs: Set<number>; single: boolean; always: boolean }>();

/**
 * Whether a text may hold a scope word: whether it has two characters in a row that start one (speed only:
 * most clauses name no scope, and one pass over the text costs less than looking for each word in it).
 */
function mayHoldScopeWord(text: string, words: Array<[string, string]>): boolean {
  let starts = scopeStartsCache.get(words);
  if (!starts) {
    starts = { first: new Uint8Array(65536), pairs: new Set(), single: false, always: false };
    for (const [word] of words) {
      // (an empty word is in every text)
      if (!word) starts.always = true;
      if (!word) continue;
      starts.first[word.charCodeAt(0)] = 1;
      if (word.length === 1) starts.single = true;
      else starts.pairs.add((word.charCodeAt(0) << 16) | word.charCodeAt(1));
    }
    scopeStartsCache.set(words, starts);
  }
  const { first, pairs, single, always } = starts;
  if (always) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!first[c]) continue;
    if (single || (i + 1 < text.length && pairs.has((c << 16) | text.charCodeAt(i + 1)))) return true;
  }
  return false;
}

/** The scopes of a statement's own words, and with its sentence's lead too (each text read on its own and once: the union of theirs). */
function scopesWithLead(before: string, after: string, label: string, lead: string, words: Array<[string, string]>): { scopes: string; leadScopes: string } {
  const own = new Set<string>();
  for (const text of [before, after, label]) scopesOfText(text, words, own);
  const withLead = scopesOfText(lead, words, new Set(own));
  return { scopes: [...own].sort().join('+'), leadScopes: [...withLead].sort().join('+') };
}

/** A figure this pass may pair: a value, an interval, a period, nothing unreliable, no metric rule over it. */
function pairable(figure: Figure, context: CheckContext): boolean {
  return (
    !figure.placeholder &&
    !figure.unreliable &&
    figure.value !== null &&
    figure.interval !== null &&
    Boolean(figure.period) &&
    !context.metricOf.has(figure) &&
    !isPart(figure)
  );
}

const statementsCache = new WeakMap<CheckContext, Map<Figure, Statement>>();

/** The statements of the run's pairable figures, built once per check context (both passes read them). */
function runStatements(context: CheckContext, pool: Figure[], settings: Required<WordingSettings>): Map<Figure, Statement> {
  let statements = statementsCache.get(context);
  if (!statements) {
    statements = new Map(statementsOf(pool, context, settings).map((s) => [s.figure, s]));
    statementsCache.set(context, statements);
  }
  return statements;
}

/** Builds the statements of some figures and weighs their bigrams by inverse frequency over all of them. */
export function statementsOf(figures: Figure[], context: CheckContext, settings: Required<WordingSettings>): Statement[] {
  const documents = context.documentById;
  const order = new Map<string, Figure[]>();
  const words = scopeWords(context.rules);
  const jurisdiction = context.rules.alignment?.jurisdiction;
  const raw: Array<{ figure: Figure; grams: Set<Bigram>; lead: Set<Bigram>; clause: string; scopes: string; leadScopes: string; listed: boolean }> = [];
  for (const figure of figures) {
    const document = documents.get(figure.document);
    if (!document) continue;
    const [before, after, lead, listed] = clauseAround(document, figure, inTextOrder(context, figure.document, order));
    const label = figure.label ?? '';
    const grams = bigramsOf([before, after]);
    const leadGrams = bigramsOf([lead, label]);
    for (const g of grams) leadGrams.delete(g);
    raw.push({
      figure,
      grams,
      lead: leadGrams,
      clause: `${before}${figure.raw}${after}`,
      ...scopesWithLead(before, after, label, lead, words),
      listed,
    });
  }
  // Inverse document frequency over the run's own clauses: ln(N / df). A bigram in more than `maxShare` of
  // them says nothing about which fact a statement states. Words of the label and of the sentence's lead
  // count at `leadWeight`: they are what the sentence is about, not what the figure's own clause says.
  const df = new Map<Bigram, number>();
  for (const r of raw) {
    for (const g of r.grams) df.set(g, (df.get(g) ?? 0) + 1);
    for (const g of r.lead) df.set(g, (df.get(g) ?? 0) + 1);
  }
  const n = Math.max(raw.length, 1);
  const statements: Statement[] = [];
  for (const r of raw) {
    const bigrams = new Map<Bigram, number>();
    let norm = 0;
    // The clause's own words; a clause that says little of its own (`覆盖面扩大到60%以上`) is read with its
    // sentence's lead and its label (at `leadWeight`), one that says enough is not: siblings of one sentence
    // share its lead, and only their own words tell them apart.
    let own = 0;
    const weight = (g: Bigram) => {
      const count = df.get(g)!;
      return count > settings.maxShare * n ? 0 : Math.log(n / count);
    };
    for (const g of r.grams) {
      const w = weight(g);
      if (w <= 0) continue;
      bigrams.set(g, w);
      norm += w * w;
      own += w;
    }
    if (own < settings.richClause) {
      for (const g of r.lead) {
        const w = weight(g) * settings.leadWeight;
        if (w <= 0) continue;
        bigrams.set(g, w);
        norm += w * w;
      }
    }
    // (a figure whose own clause says nearly nothing, `…7253亿元，增长21.8%`, continues the statement before it;
    // an item of a list shares its words with its siblings: neither is paired by wording)
    const ownWords = own >= settings.minEvidence / 2 && !r.listed;
    const f = r.figure;
    const indicator = f.metric && indicatorOf(f.metric, context.rules) ? f.metric : null;
    const place = jurisdictionKey(documents.get(f.document), jurisdiction);
    statements.push({
      id: statements.length,
      figure: f,
      bigrams,
      norm: Math.sqrt(norm),
      ownWords,
      clause: r.clause,
      bucket: `${f.period}\u0000${f.unit ?? ''}\u0000${f.kind}\u0000${f.change ?? ''}\u0000${place}`,
      scopes: r.scopes,
      leadScopes: r.leadScopes,
      indicator,
    });
  }
  return statements;
}

/**
 * Cosine of two statements' weighted bigrams, 0 unless the bigrams they share weigh `minEvidence` in all:
 * a statement of two words (`年均增长`) is close to any longer one holding them, and says too little to pair.
 */
export function similarity(a: Statement, b: Statement, minEvidence = 0): number {
  if (!a.norm || !b.norm) return 0;
  const [small, large] = a.bigrams.size <= b.bigrams.size ? [a, b] : [b, a];
  let dot = 0;
  let evidence = 0;
  for (const [g, w] of small.bigrams) {
    const v = large.bigrams.get(g);
    if (v === undefined) continue;
    dot += w * v;
    evidence += Math.min(w, v);
  }
  return evidence < minEvidence ? 0 : dot / (a.norm * b.norm);
}

/** Values too far apart to be one fact stated twice or a target and its outcome (`maxRatio`). */
function closeEnough(a: Figure, b: Figure, maxRatio: number): boolean {
  const x = Math.abs(a.value ?? 0);
  const y = Math.abs(b.value ?? 0);
  if (x === 0 || y === 0) return x === y;
  return Math.max(x, y) / Math.min(x, y) <= maxRatio;
}

/** Candidates sharing a bigram beyond which the bigram tells none of them apart (and would cost n²). */
const MAX_POSTINGS = 64;

interface Scored {
  other: Statement;
  score: number;
}

/**
 * A scorer over `right`: for a statement, the statements of `right` in its bucket that share a bigram with it,
 * scored (best first), through an inverted index of the bucket's statements built once, the dot products
 * summed over the shared bigrams' postings, so a statement meets only those sharing a word. Candidates whose
 * shared words weigh less than `minEvidence` score 0 and are left out (they can be neither a best candidate
 * nor, a best one clearing a threshold above the margin, a rival that matters), and so are those scoring below
 * `floor` (the caller's threshold less its margin: clearBest stops before any of them). Memoized: the mutual
 * check asks again for the few statements that won.
 *
 * Cost: a bucket's index is built the first time a statement of that bucket is scored (most buckets of a run
 * are never asked for), its postings as two flat arrays (a pair per posting cost most of the pass in
 * allocation), and only the candidates above `floor` are sorted.
 */
function scorer(right: Statement[], minEvidence: number, floor: number): (s: Statement) => Scored[] {
  const members = new Map<string, Statement[]>();
  for (const s of right) {
    const list = members.get(s.bucket);
    if (list) list.push(s);
    else members.set(s.bucket, [s]);
  }
  const index = new Map<string, Map<Bigram, Postings>>();
  const postingsOf = (bucket: string): Map<Bigram, Postings> | undefined => {
    let postings = index.get(bucket);
    if (postings) return postings;
    const statements = members.get(bucket);
    if (!statements) return undefined;
    postings = new Map();
    for (const s of statements) {
      for (const [g, w] of s.bigrams) {
        const list = postings.get(g);
        if (list) {
          list.statements.push(s);
          list.weights.push(w);
        } else postings.set(g, { statements: [s], weights: [w] });
      }
    }
    index.set(bucket, postings);
    return postings;
  };
  const memo = new Map<Statement, Scored[]>();
  // Accumulators by statement id (typed arrays: a Map per statement cost most of the pass), and the ids touched.
  let size = 0;
  for (const s of right) size = Math.max(size, s.id + 1);
  const dot = new Float64Array(size);
  const evidence = new Float64Array(size);
  const touched: Statement[] = [];
  return (s) => {
    const known = memo.get(s);
    if (known) return known;
    const scored: Scored[] = [];
    memo.set(s, scored);
    if (!s.norm) return scored;
    const postings = postingsOf(s.bucket);
    if (!postings) return scored;
    for (const [g, w] of s.bigrams) {
      const list = postings.get(g);
      // (a bigram that many candidates of the bucket share cannot single one out: skipped, which keeps the pass
      // linear where thousands of documents state one thing alike)
      if (!list || list.statements.length > MAX_POSTINGS) continue;
      const { statements, weights } = list;
      for (let i = 0; i < statements.length; i++) {
        const other = statements[i]!;
        if (other === s) continue;
        const v = weights[i]!;
        if (dot[other.id] === 0 && evidence[other.id] === 0) touched.push(other);
        dot[other.id] += w * v;
        evidence[other.id] += Math.min(w, v);
      }
    }
    for (const other of touched) {
      if (evidence[other.id]! >= minEvidence && other.norm) {
        const score = dot[other.id]! / (s.norm * other.norm);
        if (score >= floor) scored.push({ other, score });
      }
      dot[other.id] = 0;
      evidence[other.id] = 0;
    }
    touched.length = 0;
    scored.sort((x, y) => y.score - x.score);
    return scored;
  };
}

/** The candidates of a bucket holding one bigram, and the weight it has in each. */
interface Postings {
  statements: Statement[];
  weights: number[];
}

/**
 * The best candidate `allowed` when it is unambiguous: at least `threshold`, and `margin` above the best
 * allowed candidate that would be judged otherwise (a candidate stating the same value as the best one, a
 * restatement of the same outcome, is no rival). Candidates are asked whether they are allowed best first,
 * and only until both are known.
 */
function clearBest(scored: Scored[] | undefined, threshold: number, margin: number, allowed: (other: Statement) => boolean): Scored | null {
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

/** Whether every scope of `some` is among `all` (both `+`-joined). */
function within(some: string, all: string): boolean {
  if (!some) return true;
  const set = new Set(all.split('+'));
  return some.split('+').every((scope) => set.has(scope));
}

/** Whether two statements may be paired at all (scopes, indicators, sentence, values). */
function compatible(a: Statement, b: Statement, context: CheckContext, settings: Required<WordingSettings>): boolean {
  // (a figure whose own clause says nothing, `…7253亿元，增长21.8%`, continues the statement before it: its
  // subject is that one's, and two such continuations share a frame, not a fact)
  if (!a.ownWords || !b.ownWords) return false;
  if (!within(a.scopes, b.leadScopes) || !within(b.scopes, a.leadScopes)) return false;
  if (a.indicator && b.indicator && a.indicator !== b.indicator) return false;
  if (sameSentence(context.documentById.get(a.figure.document), a.figure, b.figure)) return false;
  return closeEnough(a.figure, b.figure, settings.maxRatio);
}

function pairOf(a: Statement, b: Statement, similarityScore: number): WordingPair {
  const label = a.figure.label || b.figure.label || a.clause;
  return { a: a.figure, b: b.figure, similarity: similarityScore, name: label, metric: `wording:${label}|${a.figure.unit ?? ''}|${a.figure.kind}|${a.figure.change ?? ''}` };
}

/** Mutual best pairs of two sides, each clear of its rivals. */
function mutualPairs(
  left: Statement[],
  right: Statement[],
  allowed: (a: Statement, b: Statement) => boolean,
  threshold: number,
  settings: Required<WordingSettings>,
): WordingPair[] {
  // (a candidate below the threshold less the margin is neither a best one nor a rival: clearBest stops before
  // it, so the scorers leave it out; the small allowance keeps rounding from dropping one clearBest would read)
  const floor = threshold - Math.max(settings.margin, 0) - 1e-9;
  const forward = scorer(right, settings.minEvidence, floor);
  // (built lazily: only the statements that won a forward round are scored back)
  let backward: ((s: Statement) => Scored[]) | undefined;
  const pairs: WordingPair[] = [];
  for (const a of left) {
    const best = clearBest(forward(a), threshold, settings.margin, (b) => allowed(a, b));
    if (!best) continue;
    backward ??= scorer(left, settings.minEvidence, floor);
    const back = clearBest(backward(best.other), threshold, settings.margin, (x) => allowed(x, best.other));
    if (back?.other !== a) continue;
    pairs.push(pairOf(a, best.other, best.score));
  }
  return pairs;
}

/**
 * Target/outcome pairs by wording: each target (of a period P) that no identity paired with an outcome,
 * against the actuals of P that no identity made the outcome of a target, from documents delivered after P
 * ended (the same document only when its date says P is over). `paired` holds the figures the identity pass
 * already paired (targets and actuals).
 */
export function wordingTargetPairs(context: CheckContext, paired: ReadonlySet<Figure>): WordingPair[] {
  const settings = settingsOf(context.rules);
  if (!settings) return [];
  const alignment = context.rules.alignment ?? {};
  const documents = context.documentById;
  const targets: Figure[] = [];
  const actuals: Figure[] = [];
  const pool: Figure[] = [];
  for (const figure of context.figures) {
    if (!pairable(figure, context)) continue;
    pool.push(figure);
    if (paired.has(figure)) continue;
    if (figure.modality === 'target') targets.push(figure);
    else if (figure.modality === 'actual' && periodOverBy(figure.period, documentDate(documents.get(figure.document), alignment.documentDate))) actuals.push(figure);
  }
  if (!targets.length || !actuals.length) return [];
  const statements = runStatements(context, pool, settings);
  const left = targets.map((f) => statements.get(f)!).filter(Boolean);
  const right = actuals.map((f) => statements.get(f)!).filter(Boolean);
  const allowed = (t: Statement, a: Statement): boolean => {
    if (t.figure.document === a.figure.document && !documentDate(documents.get(a.figure.document), alignment.documentDate)) return false;
    return compatible(t, a, context, settings);
  };
  const pairs = mutualPairs(left, right, allowed, settings.minSimilarity, settings);
  // The target check is the last to read the statements in the core order (consistency, then target): let them
  // go before the checks after it (the duplicate check builds large arrays of its own); a rule set running
  // the checks in another order only has them built again.
  statementsCache.delete(context);
  return pairs;
}

/**
 * Same-fact pairs by wording: actuals of one period (of periods over when their documents were delivered), or
 * targets of one period (a target restated: `实施两年新增4万亿元的投资计划`), that the identity pass compared
 * with nothing (not in `aligned`), in two documents (or, agreeing, in two paragraphs of one), paired when
 * each is the other's clear best.
 */
export function wordingSameFacts(context: CheckContext, aligned: { has(figure: Figure): boolean }, modality: 'actual' | 'target' = 'actual'): WordingPair[] {
  const settings = settingsOf(context.rules);
  if (!settings) return [];
  const alignment = context.rules.alignment ?? {};
  const documents = context.documentById;
  const pool = context.figures.filter((f) => pairable(f, context));
  // (a statement alone may be a restatement of a fact the identity pass aligned elsewhere: its partner may be
  // aligned, but not both, which the identity pass settled)
  const partners = pool.filter(
    (f) => f.modality === modality && (modality === 'target' || periodOverBy(f.period, documentDate(documents.get(f.document), alignment.documentDate))),
  );
  const candidates = partners.filter((f) => !aligned.has(f));
  if (!candidates.length || partners.length < 2) return [];
  const statements = runStatements(context, pool, settings);
  const side = candidates.map((f) => statements.get(f)!).filter(Boolean);
  const other = partners.map((f) => statements.get(f)!).filter(Boolean);
  const sameValue = (a: Figure, b: Figure) => a.unit === b.unit && a.value === b.value && a.qualifier === b.qualifier;
  const allowed = (a: Statement, b: Statement): boolean => {
    if (a.figure.document === b.figure.document) {
      // Inside one document two figures worded alike are more often two facts (items of a list, a scope the
      // text leaves implicit) than one fact stated twice, as for auto-alignment (alignment.withinDocument): a
      // pair there is read only when it states the same value (`增幅不低于5%` and `增幅不低于8.3%` overlap, and
      // are two standards), in two paragraphs, neither sentence a copy of the other (a doubled body puts a
      // sibling's copy in another paragraph).
      if (a.figure.location.line === b.figure.location.line) return false;
      if (!sameValue(a.figure, b.figure)) return false;
      const document = documents.get(a.figure.document)!;
      if (sentenceOf(document, a.figure) === sentenceOf(document, b.figure)) return false;
    }
    return compatible(a, b, context, settings);
  };
  // Two statements of two documents stating the same value need less of their wording to be read as one fact
  // (the value says it too) than two that would be reported as a mismatch. Not inside one document: there, two
  // facts of one frame often share a value (`是1950年到1997年…总和的1.7倍`, twice).
  const threshold = Math.min(settings.sameFactSimilarity, settings.agreeingSimilarity);
  const pairs = mutualPairs(side, other, allowed, threshold, settings).filter(
    (p) => p.similarity >= settings.sameFactSimilarity || (p.a.document !== p.b.document && sameValue(p.a, p.b)),
  );
  // Each pair is found from both ends: keep it once, in document order.
  const order = context.documentOrder;
  const seen = new Set<string>();
  const key = (f: Figure) => `${f.document}\u0000${f.span.start}`;
  const out: WordingPair[] = [];
  for (const pair of pairs) {
    const [first, second] = [pair.a, pair.b].sort((x, y) => (order.get(x.document) ?? 0) - (order.get(y.document) ?? 0) || x.span.start - y.span.start) as [Figure, Figure];
    const id = `${key(first)}\u0000${key(second)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...pair, a: first, b: second });
  }
  return out;
}
