/**
 * The marks that bound what the steps of resolveFigureMetrics read around a figure: clause breaks (a table by
 * UTF-16 unit, scanned for every figure), the gap between list items, the end of a sentence and its full stop.
 * Split out of metric.ts unchanged.
 */

/** Clause breaks as a table by UTF-16 unit: the clause of every figure is scanned. */
export const CLAUSE_BREAK = new Uint8Array(65536);
for (const c of ',，;；。!！?？:：\n') CLAUSE_BREAK[c.charCodeAt(0)] = 1;
export const LIST_GAP = /^[\s、,，和及与或]*$/u;

export const SENTENCE_END = /[。!！?？;；\n]/u;
/** The end of a sentence with all its clauses (not `；`). */
export const FULL_STOP = /[。!！?？\n]/u;
