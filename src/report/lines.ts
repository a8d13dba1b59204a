/**
 * Original-text ranges for formats that need more than a Location holds (the report's sentence
 * context). Positions come from the Document's offset map (src/normalize/offset-map.ts), never from
 * a second line index.
 */
import type { Document, Location } from '../model.js';

/** The original-text range [start, end) of a location; null when it does not fit the document. */
export function originalRange(document: Document, location: Location): { start: number; end: number } | null {
  const start = document.offsetAt(location.line, location.column, location.page);
  const end = document.offsetAt(location.endLine, location.endColumn, location.page);
  if (start === null || end === null || end < start) return null;
  return { start, end };
}
