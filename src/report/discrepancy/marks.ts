/**
 * What became of every figure, for the report's view of each document's text: agreed with another
 * statement, in a finding, compared with nothing, unreliable (damaged or vague text), a placeholder.
 * A reader sees at once what was checked and what was not; the counts add up to the run's coverage
 * (figures read; agreed + those in a finding that were compared = figures compared).
 *
 * Texts are kept within a budget (a run of 10,000 documents cannot carry them all): documents with
 * findings first, then the rest in run order; a document over budget keeps its counts and marks'
 * states, not its text.
 */
import type { CheckRun, Document, Figure, Location } from '../../model.js';
import { lastAtOrBefore } from '../../normalize/offset-map.js';
import { pageText } from '../common.js';

/** In the order a figure's state is decided: the first that holds. */
export const FIGURE_STATES = ['placeholder', 'unreliable', 'finding', 'agreed', 'uncompared'] as const;
export type FigureState = (typeof FIGURE_STATES)[number];

export interface FigureMark {
  /** 1-based line and UTF-16 columns of the original file (the figure's location); endColumn exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  state: FigureState;
  /** Compared with another statement (the coverage's sense), whatever its state shows first. */
  compared: boolean;
  /** A PDF figure's own place, `#page=N:line:column` (page-relative, as statements cite it), to link the two. */
  cited?: string;
}

export interface DocumentText {
  document: string;
  /** The original text's lines, or null when over the report's text budget. */
  lines: string[] | null;
  marks: FigureMark[];
  counts: Record<FigureState, number>;
}

/** Characters of document text the report carries at most (the HTML page stays within its budget). */
export const TEXT_BUDGET = 1_000_000;

const spanKey = (path: string, l: Pick<Location, 'line' | 'column' | 'endLine' | 'endColumn'>) => `${path}\u0000${l.line}:${l.column}:${l.endLine}:${l.endColumn}`;

function stateOf(figure: Figure, compared: boolean, cited: boolean): FigureState {
  if (figure.placeholder) return 'placeholder';
  if (figure.unreliable) return 'unreliable';
  if (cited) return 'finding';
  return compared ? 'agreed' : 'uncompared';
}

export function documentTexts(run: CheckRun, budget = TEXT_BUDGET): DocumentText[] {
  // A finding cites a figure by the figure's own span (a duplicated section's lines or a whole document are not figures).
  const cited = new Set<string>();
  for (const finding of run.findings) {
    if (finding.suppressed) continue;
    for (const location of finding.locations) cited.add(spanKey(location.path, location));
  }
  const byDocument = new Map<string, Figure[]>();
  for (const figure of run.figures) {
    const list = byDocument.get(figure.document) ?? [];
    list.push(figure);
    byDocument.set(figure.document, list);
  }
  const findingDocuments = new Set<string>();
  for (const finding of run.findings) if (!finding.suppressed) for (const location of finding.locations) findingDocuments.add(location.path);

  const texts = run.documents.map((document: Document): DocumentText => {
    const counts = Object.fromEntries(FIGURE_STATES.map((s) => [s, 0])) as Record<FigureState, number>;
    const place = textPlaces(document);
    const marks = (byDocument.get(document.id) ?? []).map((figure): FigureMark => {
      const compared = run.compared?.has(figure) ?? false;
      const state = stateOf(figure, compared, cited.has(spanKey(figure.location.path, figure.location)));
      counts[state]++;
      const { line, column, endLine, endColumn, page } = figure.location;
      const start = place(line, column, page);
      const end = place(endLine, endColumn, page);
      const mark: FigureMark = { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, state, compared };
      if (page !== undefined) mark.cited = `${pageText(figure.location)}:${line}:${column}`;
      return mark;
    });
    return { document: document.id, lines: null, marks, counts };
  });
  // The budget: documents with findings first, then in run order.
  const order = run.documents.map((d, i) => i).sort((a, b) => Number(findingDocuments.has(run.documents[b]!.path)) - Number(findingDocuments.has(run.documents[a]!.path)) || a - b);
  let left = budget;
  for (const i of order) {
    const document = run.documents[i]!;
    if (document.original.length > left) continue;
    left -= document.original.length;
    texts[i]!.lines = linesOf(document);
  }
  return texts;
}

/**
 * The document's lines as the one offset map counts them from the top of the file (a PDF's locations count
 * lines within their page: line N of page 1 is the file's line N).
 */
function linesOf(document: Document): string[] {
  const lines: string[] = [];
  for (let line = 1; ; line++) {
    const text = document.lineText(line, 1);
    if (text === null) return lines;
    lines.push(text);
  }
}

/** A location's line and column counted from the top of the file (the text view's coordinates), by the offset map. */
function textPlaces(document: Document): (line: number, column: number, page?: number) => { line: number; column: number } {
  if (document.format !== 'pdf') return (line, column) => ({ line, column });
  const starts: number[] = [];
  for (let line = 1; ; line++) {
    const offset = document.offsetAt(line, 1, 1);
    if (offset === null || document.lineText(line, 1) === null) break;
    starts.push(offset);
  }
  return (line, column, page) => {
    const offset = document.offsetAt(line, column, page) ?? 0;
    const lo = lastAtOrBefore(starts, offset);
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}
