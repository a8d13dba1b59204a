/**
 * Sentence and clause bounds as the time and intent readings see them: a figure's sentence (`。`, `!`,
 * `?`, `】` and line ends close one; `;` joins clauses of one sentence), the clause before a figure
 * (back to clause punctuation, at most MAX_CLAUSE_LOOKBACK characters) and whether a clause breaks
 * between two places.
 */

/** The figure's sentence before it: start of the sentence → the figure. */
export function sentenceStart(text: string, pos: number): number {
  let i = pos - 1;
  while (i >= 0) {
    const c = text[i]!;
    // ; joins clauses of one sentence in Chinese prose (1—8月原煤产量…;发电量…)
    if (c === '。' || c === '\n' || c === '!' || c === '?' || c === '】') break;
    i--;
  }
  return i + 1;
}

export function sentenceEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '。' || c === '\n' || c === '!' || c === '?' || c === '】') break;
    i++;
  }
  return i;
}

/**
 * How far back a figure's clause is looked for. Real clauses are far shorter; the bound keeps a line
 * without clause punctuation (`1%1%1%…`, a table flattened into one line) linear instead of quadratic.
 */
export const MAX_CLAUSE_LOOKBACK = 200;

/** The clause before `pos` (back to clause punctuation or `start`, at most MAX_CLAUSE_LOOKBACK back). */
export function clauseBefore(text: string, start: number, pos: number): string {
  let i = pos;
  const floor = Math.max(start, pos - MAX_CLAUSE_LOOKBACK);
  while (i > floor && !CLAUSE_PUNCTUATION.has(text[i - 1]!)) i--;
  return text.slice(i, pos);
}
export const CLAUSE_PUNCTUATION = new Set([...',，;；:：']);

export function clauseBreakIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_PUNCTUATION.has(text[i]!)) return true;
  return false;
}
export const SENTENCE_END = new Set([...'。!?！？\n】']);
