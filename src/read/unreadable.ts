/**
 * A document the run cannot read: unreadable, corrupt, or over the size limit. An InputError, so the
 * library's single-document calls (`readDocument`) reject with a clear message; the pipeline catches it
 * per document, warns, reports an `input-error` finding and goes on with the other documents.
 */
import { InputError, type InputFailure } from '../model.js';
import { SkipFile } from './skip-file.js';

export class UnreadableInput extends InputError {
  constructor(
    readonly path: string,
    /** Why, in a few words, without the path. */
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'UnreadableInput';
  }
}

/** Over the per-document size limit (`--max-document-size`, `maxDocumentSize`). */
export class DocumentTooLarge extends UnreadableInput {
  constructor(path: string, what: string, limit: number) {
    super(path, `${what} is over the limit of ${formatSize(limit)} per document (raise it with --max-document-size or maxDocumentSize in figcheck.yaml)`);
    this.name = 'DocumentTooLarge';
  }
}

/**
 * 16 MB: sixteen times the longest report seen (under 1 MB of text; the largest .docx holds 0.3 MB of XML),
 * and what Node's default heap can hold: mammoth turns a .docx's XML into an element tree of about 100
 * bytes of memory per byte (20 MB of XML took 2.1 GB), so 64 MB of XML would exhaust a 4 GB heap.
 */
export const DEFAULT_MAX_DOCUMENT_SIZE = 16 * 1024 * 1024;

const UNITS: Record<string, number> = { b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** `64MB`, `500 KB`, `1.5GB`, `4096` (bytes) → bytes; KB, MB and GB count in 1024s. Null when not a size. */
export function parseSize(text: string | number): number | null {
  if (typeof text === 'number') return Number.isSafeInteger(text) && text > 0 ? text : null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return null;
  const factor = UNITS[(match[2] || 'b').toLowerCase()];
  const bytes = factor ? Math.floor(Number(match[1]) * factor) : NaN;
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

export function formatSize(bytes: number): string {
  for (const [unit, factor] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= factor) return `${Number((bytes / factor).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/**
 * What a failure to read one document becomes: null for a file that is not a document at all (SkipFile:
 * a warning only), else an InputFailure naming it. Errors nobody anticipated (a parser's RangeError on a
 * pathological file) are still this document's problem, not the run's: they are reported the same way.
 */
export function inputFailureOf(error: unknown, shown: string): InputFailure | null {
  if (error instanceof SkipFile) return null;
  if (error instanceof UnreadableInput) return { path: shown, reason: error.reason };
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  if (error instanceof InputError) return { path: shown, reason: message.startsWith(`${shown}: `) ? message.slice(shown.length + 2) : message };
  if (error instanceof RangeError && /string length|allocation|call stack|too large/i.test(message)) {
    return { path: shown, reason: `too large or too deeply nested to read (${message})` };
  }
  return { path: shown, reason: `could not be read (${message})` };
}
