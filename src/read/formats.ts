/** Which input formats figcheck reads, by file extension. */
import { extname } from 'node:path';
import type { Format } from '../model.js';

/** Extension (lower case, with the dot) → format. */
const FORMAT_BY_EXTENSION: ReadonlyMap<string, Format> = new Map<string, Format>([
  ['.txt', 'txt'],
  ['.text', 'txt'],
  ['.md', 'md'],
  ['.markdown', 'md'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.docx', 'docx'],
  ['.pdf', 'pdf'],
]);

/** Every extension figcheck reads, with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = [...FORMAT_BY_EXTENSION.keys()];

/** The format of a file from its extension (case-insensitive: `REPORT.TXT` is text); null when unsupported. */
export function formatOf(path: string): Format | null {
  return FORMAT_BY_EXTENSION.get(extname(path).toLowerCase()) ?? null;
}
