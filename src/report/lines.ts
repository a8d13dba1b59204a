/**
 * Lines of a document's original text, for formats that need more than a Location holds
 * (reviewdog's UTF-8 byte columns, the report's sentence context). Line breaks are those of the
 * offset map (src/normalize/offset-map.ts): \n, \r\n or a lone \r.
 */
import type { Document, Location } from '../model.js';

const lineStartsCache = new WeakMap<Document, number[]>();

export function lineStarts(document: Document): number[] {
  let starts = lineStartsCache.get(document);
  if (!starts) {
    starts = [0];
    const text = document.original;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    lineStartsCache.set(document, starts);
  }
  return starts;
}

/** Offset in the original text of a 1-based line and UTF-16 column; null when out of range. */
export function offsetOf(document: Document, line: number, column: number): number | null {
  const starts = lineStarts(document);
  const start = starts[line - 1];
  if (start === undefined) return null;
  return Math.min(start + column - 1, document.original.length);
}

/** The text of a 1-based line, without its line break. */
export function lineText(document: Document, line: number): string | null {
  const starts = lineStarts(document);
  const start = starts[line - 1];
  if (start === undefined) return null;
  const next = starts[line];
  let end = next ?? document.original.length;
  while (end > start && (document.original[end - 1] === '\n' || document.original[end - 1] === '\r')) end--;
  return document.original.slice(start, end);
}

/** The original-text range [start, end) of a location; null when it does not fit the document. */
export function originalRange(document: Document, location: Location): { start: number; end: number } | null {
  const start = offsetOf(document, location.line, location.column);
  const end = offsetOf(document, location.endLine, location.endColumn);
  if (start === null || end === null || end < start) return null;
  return { start, end };
}
