/**
 * The `figures` command's formatters: table (people), json (the contract), csv (spreadsheets).
 */
import type { Document, Figure } from '../../model.js';
import { formatFiguresCsv } from './csv.js';
import { formatFiguresJson } from './json.js';
import { formatFiguresTable } from './table.js';

export type FiguresFormat = 'table' | 'json' | 'csv';

export function formatFigures(
  figures: Figure[],
  docs: Document[],
  format: FiguresFormat,
  options: { color: boolean; cwd: string },
): string {
  switch (format) {
    case 'json':
      return formatFiguresJson(figures, docs, options);
    case 'csv':
      return formatFiguresCsv(figures, docs, options);
    case 'table':
      return formatFiguresTable(figures, docs, options);
  }
}

export { figureRecord, type FigureRecord } from './json.js';
export { csvField } from './csv.js';
export { displayWidth } from './table.js';
export { intervalNotation, readableValue } from './shared.js';
