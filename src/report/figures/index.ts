/**
 * The `figures` command's formatters: table (people), json (the contract), csv (spreadsheets).
 * Each is a writer that renders one document at a time, so `figcheck figures` over a large folder
 * streams its output and never holds more than one document.
 */
import type { Document, Figure } from '../../model.js';
import { csvWriter } from './csv.js';
import { jsonWriter } from './json.js';
import { tableWriter } from './table.js';

export type FiguresFormat = 'table' | 'json' | 'csv';

export interface FiguresOptions {
  color: boolean;
  cwd: string;
}

export interface FiguresWriter {
  /** Text before the first document. */
  head(): string;
  /** One document's figures (in text order). */
  document(doc: Document | undefined, figures: Figure[]): string;
  /** Text after the last document, given how many figures were written in all. */
  tail(total: number): string;
}

export function figuresWriter(format: FiguresFormat, options: FiguresOptions): FiguresWriter {
  switch (format) {
    case 'json':
      return jsonWriter(options);
    case 'csv':
      return csvWriter(options);
    case 'table':
      return tableWriter(options);
  }
}

/** All figures at once, grouped by document in the order they come. */
export function formatFigures(figures: Figure[], docs: Document[], format: FiguresFormat, options: FiguresOptions): string {
  const writer = figuresWriter(format, options);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const groups = new Map<string, Figure[]>();
  for (const figure of figures) {
    const list = groups.get(figure.document) ?? [];
    list.push(figure);
    groups.set(figure.document, list);
  }
  let text = writer.head();
  for (const [id, list] of groups) text += writer.document(byId.get(id), list);
  return text + writer.tail(figures.length);
}

export { figureRecord, type FigureRecord } from './json.js';
export { csvField } from './csv.js';
export { displayWidth } from './table.js';
export { intervalNotation, readableValue } from './shared.js';
