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
 * Cost: the statements are built once per run (one scan of each figure's clause and sentence lead, bounded;
 * bigrams numbered densely, in flat typed arrays), then per bucket an inverted index from bigram to
 * candidates; a bigram in more than `maxShare` of the run's clauses weighs nothing, and one shared by more
 * than MAX_POSTINGS candidates of a bucket is skipped (it cannot single one out): linear in the figures,
 * never all pairs of the run.
 *
 * This file ties the pass together (settings, buckets' compatibility, mutual pairs, the target and same-fact
 * passes); its parts live beside it: wording-clauses.ts (the clause and lead around a figure), wording-bigrams.ts
 * (bigram numbering and reading), wording-scopes.ts (the scope words a statement names), wording-statements.ts
 * (the run's statements, built and weighed once) and wording-scoring.ts (cosine, inverted index, clear best).
 */
import type { Figure } from '../model.js';
import type { CheckContext } from './types.js';
import type { RuleSet, WordingSettings } from '../rules/types.js';
import { documentDate, periodOverBy } from './document-date.js';
import { sameSentence, sentenceOf } from './align.js';
import { clearBest, scoreAll } from './wording-scoring.js';
import { pairable, runStatements, statementsCache } from './wording-statements.js';
import { softTargetPairs } from './align-soft.js';

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
  /** How the pair was made: by the words of the clauses (the default), or by a restatement of one label (align-soft.ts). */
  basis?: 'wording' | 'restatement';
}

/** A figure as this pass reads it: its words, the scopes they name, what it must share with a partner. */
export interface Statement {
  /** Its place among the run's statements (for the scorer's accumulators). */
  id: number;
  figure: Figure;
  /**
   * Its weighted bigrams: `words.grams[start..end)` (the run's bigrams, numbered) with their weights (inverse
   * document frequency) in `words.weights`, the clause's own first, in order of first sight.
   */
  words: StatementWords;
  start: number;
  end: number;
  norm: number;
  /** Whether the statement's own clause (its label aside) holds a word that weighs: `…7253亿元，增长21.8%` does not. */
  ownWords: boolean;
  /** Where its clause starts and ends in its document's normalized text (the clause itself is made only to name a pair). */
  clauseStart: number;
  clauseEnd: number;
  /** Its bucket (period, unit, kind, change, jurisdiction), numbered within the run. */
  bucket: number;
  scopes: string;
  /** The scopes of the clause with the sentence's lead: a scope one names in its clause the other may name there. */
  leadScopes: string;
  indicator: string | null;
}

/**
 * The bigrams and weights of a run's statements, one flat pair of typed arrays for all of them (a Map or a Set
 * per statement cost most of the pass in allocation and garbage collection).
 */
export interface StatementWords {
  grams: Int32Array;
  weights: Float64Array;
  /** How many bigrams the run has (they are numbered 0 .. size - 1). */
  size: number;
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

/** A statement's clause as the document writes it around the figure's raw text (for a pair's name). */
function clauseOf(s: Statement, context: CheckContext): string {
  const text = context.documentById.get(s.figure.document)?.normalized ?? '';
  return `${text.slice(s.clauseStart, s.figure.span.start)}${s.figure.raw}${text.slice(s.figure.span.end, s.clauseEnd)}`;
}

/** Values too far apart to be one fact stated twice or a target and its outcome (`maxRatio`). */
function closeEnough(a: Figure, b: Figure, maxRatio: number): boolean {
  const x = Math.abs(a.value ?? 0);
  const y = Math.abs(b.value ?? 0);
  if (x === 0 || y === 0) return x === y;
  return Math.max(x, y) / Math.min(x, y) <= maxRatio;
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
  if (otherModifiers(a, b, context)) return false;
  return closeEnough(a.figure, b.figure, settings.maxRatio);
}

/** How many characters of a label before its head say what kind of thing it is (`服务业集聚区`: 服务). */
const MODIFIER = 2;

/**
 * Two labels naming one head noun with two different modifiers before it, when a document names both kinds, are two
 * things however alike the rest of their words: `新增省级现代服务业集聚区20个左右` in a plan that also says `培育10个左右
 * 海洋特色产业集聚区` is not the review's `新培育省级现代海洋特色产业集聚区7个`. The head is the labels' longest common
 * ending (two characters at least); each label's modifier (the characters just before it) is found nowhere in the
 * other statement's clause; and one document names the other label's modifier with the head elsewhere. Verbs before
 * an object differ freely (`配备校车` and `新配校车`): no document naming `新配校车` beside `配备校车`, no conflict.
 */
function otherModifiers(a: Statement, b: Statement, context: CheckContext): boolean {
  const x = a.figure.label ?? '';
  const y = b.figure.label ?? '';
  let common = 0;
  while (common < x.length && common < y.length && x[x.length - 1 - common] === y[y.length - 1 - common]) common++;
  if (common < 2 || x.length < common + MODIFIER || y.length < common + MODIFIER) return false;
  const head = x.slice(x.length - common);
  const ofX = x.slice(x.length - common - MODIFIER, x.length - common);
  const ofY = y.slice(y.length - common - MODIFIER, y.length - common);
  if (clauseOf(b, context).includes(ofX) || clauseOf(a, context).includes(ofY)) return false;
  return names(context, a.figure.document, ofY + head) || names(context, b.figure.document, ofX + head);
}

/** Whether a document's text holds a phrase, remembered per run (a candidate pair asks again for each rival). */
const named = new WeakMap<CheckContext, Map<string, boolean>>();

function names(context: CheckContext, document: string, phrase: string): boolean {
  let known = named.get(context);
  if (!known) named.set(context, (known = new Map()));
  const key = `${document}\u0000${phrase}`;
  let found = known.get(key);
  if (found === undefined) known.set(key, (found = (context.documentById.get(document)?.normalized ?? '').includes(phrase)));
  return found;
}

function pairOf(a: Statement, b: Statement, similarityScore: number, context: CheckContext): WordingPair {
  const label = a.figure.label || b.figure.label || clauseOf(a, context);
  return { a: a.figure, b: b.figure, similarity: similarityScore, name: label, metric: `wording:${label}|${a.figure.unit ?? ''}|${a.figure.kind}|${a.figure.change ?? ''}` };
}

/** Mutual best pairs of two sides, each clear of its rivals. */
function mutualPairs(
  left: Statement[],
  right: Statement[],
  allowed: (a: Statement, b: Statement) => boolean,
  threshold: number,
  settings: Required<WordingSettings>,
  context: CheckContext,
): WordingPair[] {
  // (a candidate below the threshold less the margin is neither a best one nor a rival: clearBest stops before
  // it, so the scorers leave it out; the small allowance keeps rounding from dropping one clearBest would read)
  const floor = threshold - Math.max(settings.margin, 0) - 1e-9;
  const forward = scoreAll(left, right, settings.minEvidence, floor);
  const bests = left.map((a, i) => clearBest(forward[i], threshold, settings.margin, (b) => allowed(a, b)));
  // Each best candidate scored back against `left` (only the statements that won a forward round, each once).
  const winners = [...new Set(bests.flatMap((best) => (best ? [best.other] : [])))];
  const backward = scoreAll(winners, left, settings.minEvidence, floor);
  const backOf = new Map(winners.map((w, i) => [w, backward[i]!]));
  const pairs: WordingPair[] = [];
  left.forEach((a, i) => {
    const best = bests[i];
    if (!best) return;
    const back = clearBest(backOf.get(best.other), threshold, settings.margin, (x) => allowed(x, best.other));
    if (back?.other !== a) return;
    pairs.push(pairOf(a, best.other, best.score, context));
  });
  return pairs;
}

/**
 * Target/outcome pairs by wording: each target (of a period P) that no identity paired with an outcome,
 * against the actuals of P that no identity made the outcome of a target, from documents delivered after P
 * ended (the same document only when its date says P is over). `paired` holds the figures the identity pass
 * already paired (targets and actuals).
 */
export function wordingTargetPairs(context: CheckContext, paired: ReadonlySet<Figure>): WordingPair[] {
  // (a label restating the target's, unique both ways, pairs first: align-soft.ts; the clauses' words pair the rest)
  const restated = softTargetPairs(context, paired);
  if (!restated.length) return clauseTargetPairs(context, paired);
  const settled = new Set(paired);
  for (const pair of restated) settled.add(pair.a).add(pair.b);
  return [...restated, ...clauseTargetPairs(context, settled)];
}

/** wordingTargetPairs by the words of the clauses. */
function clauseTargetPairs(context: CheckContext, paired: ReadonlySet<Figure>): WordingPair[] {
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
  const pairs = mutualPairs(left, right, allowed, settings.minSimilarity, settings, context);
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
  const pairs = mutualPairs(side, other, allowed, threshold, settings, context).filter(
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
