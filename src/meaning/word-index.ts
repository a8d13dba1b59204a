/**
 * The first word of a word list (as listed: the meaning stage keeps its lists longest first) that a text
 * starts or ends with, found through buckets by the word's first or last UTF-16 unit instead of a scan of the
 * whole list. Speed only: the result is the one `list.find(([w]) => text.startsWith(w))` gives (an empty
 * word, which every text starts and ends with, too), and the meaning stage asks it up to eight times per
 * figure over lists of a hundred words (referring.ts: referring words).
 */

interface WordIndex {
  /** first UTF-16 unit → indices into the list, ascending. */
  first: Map<number, number[]>;
  /** last UTF-16 unit → indices into the list, ascending. */
  last: Map<number, number[]>;
  /** Index of the first empty word, -1 without one. */
  empty: number;
}

/** Built once per list (the lists live as long as their rule set's lexicon). */
const indexes = new WeakMap<readonly (readonly [string, unknown])[], WordIndex>();

function indexOf(list: readonly (readonly [string, unknown])[]): WordIndex {
  let index = indexes.get(list);
  if (index) return index;
  index = { first: new Map(), last: new Map(), empty: -1 };
  for (const [i, [word]] of list.entries()) {
    if (!word) {
      if (index.empty < 0) index.empty = i;
      continue;
    }
    for (const [map, code] of [[index.first, word.charCodeAt(0)], [index.last, word.charCodeAt(word.length - 1)]] as const) {
      const bucket = map.get(code);
      if (bucket) bucket.push(i);
      else map.set(code, [i]);
    }
  }
  indexes.set(list, index);
  return index;
}

/** Index of the first word of `list` that `text` starts with, -1 when none. */
export function startingIndex(list: readonly (readonly [string, unknown])[], text: string): number {
  const index = indexOf(list);
  for (const i of index.first.get(text.charCodeAt(0)) ?? []) {
    if (index.empty >= 0 && i > index.empty) break;
    if (text.startsWith(list[i]![0])) return i;
  }
  return index.empty;
}

/** Index of the first word of `list` that `text` ends with, -1 when none. */
export function endingIndex(list: readonly (readonly [string, unknown])[], text: string): number {
  const index = indexOf(list);
  for (const i of index.last.get(text.charCodeAt(text.length - 1)) ?? []) {
    if (index.empty >= 0 && i > index.empty) break;
    if (text.endsWith(list[i]![0])) return i;
  }
  return index.empty;
}

/**
 * The first entry of `list` that `text` starts with, else the first it ends with (`list.find(startsWith) ??
 * list.find(endsWith)`), else the first of `either` it starts or ends with (`either.find(startsWith ||
 * endsWith)`); undefined when none.
 */
export function affixHit<T extends readonly [string, unknown]>(list: readonly T[], either: readonly T[], text: string): T | undefined {
  const start = startingIndex(list, text);
  if (start >= 0) return list[start];
  const end = endingIndex(list, text);
  if (end >= 0) return list[end];
  const a = startingIndex(either, text);
  const b = endingIndex(either, text);
  const i = a < 0 ? b : b < 0 ? a : Math.min(a, b);
  return i >= 0 ? either[i] : undefined;
}
