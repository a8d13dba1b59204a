/**
 * The clause around a figure, as the wording pass (wording.ts) reads it: a document's figures in text order,
 * the words from the clause start or the figure before to the clause end or the figure after, the sentence's
 * lead before the clause (bounded), and whether the figure is an item of a list of siblings.
 */
import type { CheckContext } from './types.js';
import type { Document, Figure } from '../model.js';

const CLAUSE_BREAK = new Uint8Array(65536);
for (const c of ',，;；。!！?？:：\n') CLAUSE_BREAK[c.charCodeAt(0)] = 1;
const SENTENCE_BREAK = new Uint8Array(65536);
for (const c of ';；。!！?？\n') SENTENCE_BREAK[c.charCodeAt(0)] = 1;
/** How far back a sentence's lead is read (UTF-16 units): a long list sentence names many things. */
const LEAD_LIMIT = 80;

/** Figures of each document in text order (built once per pass). */
export function inTextOrder(context: CheckContext, document: string, cache: Map<string, Figure[]>): Figure[] {
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

/** Where the words around a figure lie in its document's text (clauseAround). */
export interface ClauseBounds {
  /** The clause: [start, figure) and (figure, end]. */
  start: number;
  end: number;
  /** Where the sentence's lead starts (it ends at `start`). */
  lead: number;
  /** Whether the figure is an item of a list of siblings. */
  listed: boolean;
}

/**
 * The words around a figure: back to its clause start or the end of the figure before it, on to its clause
 * end or the start of the figure after it. A figure owns the words between its neighbours, so two figures of
 * one clause (`改造农村危房260万户，改建农村公路20万公里` are two clauses; `投入420亿元资金` one) keep theirs apart.
 */
export function clauseAround(document: Document, figure: Figure, ordered: Figure[]): ClauseBounds {
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
  const previous = ordered[index - 1];
  const next = ordered[index] === figure ? ordered[index + 1] : ordered[index];
  // (the first item of a list whose next item names its own thing, `新增基础教育公办学位4万个、普通高中学位5000个`, is a
  // statement of its own, worded in full; a later item shares the words before the list, 新增 here, and stays a sibling)
  const listed = (previous !== undefined && previous.span.end <= figure.span.start && sibling(text, figure, previous, previous.span.end, figure.span.start)) ||
    (next !== undefined && next.span.start >= figure.span.end && sibling(text, figure, next, figure.span.end, next.span.start) && !namesOwn(text, figure.span.end, next.span.start));
  // The sentence's lead, back from the clause (bounded): what a short clause (`试点范围扩大到23%的县`) is about.
  let lead = start;
  while (lead > 0 && start - lead < LEAD_LIMIT && !SENTENCE_BREAK[text.charCodeAt(lead - 1)]) lead--;
  return { start, end, lead, listed };
}

/** Characters between two figures that name the second's own thing (a list joiner, 和, 及, names none). */
const OWN_NAME = 3;
/** A Han character (one object: a `/…/u` literal with \p{Script=…} is compiled to `new RegExp` per evaluation in the bundle). */
const HAN = /\p{Script=Han}/u;

/** Whether the text between two items of a list names the second's own thing (`、普通高中学位`), not a joiner alone. */
function namesOwn(text: string, from: number, to: number): boolean {
  let han = 0;
  for (let i = from; i < to && han < OWN_NAME; i++) if (HAN.test(text[i]!)) han++;
  return han >= OWN_NAME;
}

/** Whether `other` is a sibling of `figure` in a list: the same unit, no clause break in text[from, to). */
function sibling(text: string, figure: Figure, other: Figure, from: number, to: number): boolean {
  if (other === figure || other.unit !== figure.unit) return false;
  for (let i = from; i < to; i++) if (CLAUSE_BREAK[text.charCodeAt(i)]) return false;
  return true;
}
