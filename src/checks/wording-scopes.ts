/**
 * The scope words of the wording pass (wording.ts): which scopes (indicators.yaml `indicatorWords.scopes`:
 * year-end vs average, central vs local, urban vs rural, above-size) a statement's words name, read longest
 * word first, with a finder that filters texts by the words' first characters (speed only).
 */
import type { RuleSet } from '../rules/types.js';

const scopeWordsCache = new WeakMap<RuleSet, Array<[string, string]>>();

/** Scope words (indicators.yaml `indicatorWords.scopes`), longest first, with their scope id. */
export function scopeWords(rules: RuleSet): Array<[string, string]> {
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
function scopesOfText(text: string, words: Array<[string, string]>, found: string[]): void {
  for (const [word, id] of words) {
    if (!text.includes(word)) continue;
    if (!found.includes(id)) found.push(id);
    text = text.split(word).join(' ');
  }
}

/**
 * The scope words a text may hold, by their first one or two characters (speed only: most clauses name no
 * scope, and one pass over the text costs less than looking for each word in it).
 */
export interface ScopeFinder {
  words: Array<[string, string]>;
  /** Per first character: 1 when some word starts with it. */
  first: Uint8Array;
  /** First two characters (`c1 << 16 | c2`) of a word of two or more → word indexes. */
  starts: Map<number, number[]>;
  /** First character of a word of one character → word indexes. */
  single: Map<number, number[]>;
  /** A word no text can be filtered for (empty, or holding the space the reading leaves in place of a word found): read every text in full. */
  plain: boolean;
  /** Per word index: the last text that took it as a candidate. */
  taken: Int32Array;
  stamp: number;
}

const scopeFinderCache = new WeakMap<Array<[string, string]>, ScopeFinder>();

export function scopeFinder(words: Array<[string, string]>): ScopeFinder {
  let finder = scopeFinderCache.get(words);
  if (!finder) {
    finder = { words, first: new Uint8Array(65536), starts: new Map(), single: new Map(), plain: false, taken: new Int32Array(words.length), stamp: 0 };
    for (let i = 0; i < words.length; i++) {
      const word = words[i]![0];
      if (!word || word.includes(' ')) {
        finder.plain = true;
        continue;
      }
      const c = word.charCodeAt(0);
      finder.first[c] = 1;
      const [table, key] = word.length === 1 ? [finder.single, c] : [finder.starts, (c << 16) | word.charCodeAt(1)];
      const list = table.get(key);
      if (list) list.push(i);
      else table.set(key, [i]);
    }
    scopeFinderCache.set(words, finder);
  }
  return finder;
}

/**
 * The scopes text[from, to) names, added to `found`: as scopesOfText, asking only for the words whose first
 * characters the text holds (a word found is replaced by a space, so no word the text did not hold appears).
 */
export function scopesOfRange(text: string, from: number, to: number, finder: ScopeFinder, found: string[], candidates: number[]): void {
  if (finder.plain) return scopesOfText(text.slice(from, to), finder.words, found);
  const { first, starts, single, taken } = finder;
  const stamp = ++finder.stamp;
  candidates.length = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!first[c]) continue;
    addCandidates(single.get(c), taken, stamp, candidates);
    if (i + 1 < to) addCandidates(starts.get((c << 16) | text.charCodeAt(i + 1)), taken, stamp, candidates);
  }
  if (!candidates.length) return;
  candidates.sort((x, y) => x - y);
  let rest = text.slice(from, to);
  for (const w of candidates) {
    const [word, id] = finder.words[w]!;
    if (!rest.includes(word)) continue;
    if (!found.includes(id)) found.push(id);
    rest = rest.replaceAll(word, ' ');
  }
}

function addCandidates(list: number[] | undefined, taken: Int32Array, stamp: number, candidates: number[]): void {
  if (!list) return;
  for (const w of list) {
    if (taken[w] === stamp) continue;
    taken[w] = stamp;
    candidates.push(w);
  }
}
