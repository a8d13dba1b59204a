/**
 * `figcheck figures --format csv`: one row per figure, RFC 4180 (CRLF line ends, fields with a
 * comma, quote or line break quoted, quotes doubled). Closedness of the interval is shown in the
 * `interval` column's notation; `lo`/`hi` are the plain numbers.
 */
import type { FiguresWriter } from './index.js';
import { figureRecord } from './json.js';
import { intervalNotation } from './shared.js';

const HEADER = ['path', 'line', 'column', 'endLine', 'endColumn', 'raw', 'value', 'unit', 'lo', 'hi', 'interval', 'qualifier', 'kind', 'change', 'label', 'period', 'modality', 'placeholder', 'page'];

/** One RFC 4180 field. */
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvWriter(options: { cwd: string }): FiguresWriter {
  return {
    head: () => `${HEADER.join(',')}\r\n`,
    document(_doc, figures) {
      let text = '';
      for (const figure of figures) {
        const r = figureRecord(figure, options.cwd);
        const fields = [
          r.path, r.line, r.column, r.endLine, r.endColumn, r.raw, r.value, r.unit,
          r.interval?.[0], r.interval?.[1], intervalNotation(figure.interval, figure.unit),
          r.qualifier, r.kind, r.change, r.label, r.period, r.modality, r.placeholder,
          // Last, so the columns before it keep their places: a PDF's page (empty for other formats).
          r.page,
        ];
        text += `${fields.map(csvField).join(',')}\r\n`;
      }
      return text;
    },
    tail: () => '',
  };
}
