/**
 * The one offset map: normalized-text offsets back to the original file. Built by `normalize`
 * (composed with the read stage's map for HTML and PDF); every Location in figcheck comes from here.
 *
 * Paged originals (PDF: each page's text ended by a form feed, see src/read/pdf.ts) count lines within
 * their page, and their Locations carry the page: a form feed ends a line and a page.
 */
import type { Location, Position } from '../model.js';

export class OffsetMap {
  /** Original offset of each line start; a line ends at \n, \r\n or a lone \r (and \f when paged). Built on first use. */
  private starts: number[] | undefined;
  /** Paged originals: the index into `starts` of each page's first line. */
  private pageFirstLines: number[] | undefined;

  /**
   * @param path      the file path shown in locations
   * @param original  the decoded original text
   * @param offsets   normalized offset → original offset, length normalized.length + 1, non-decreasing
   */
  /** Normalized length + 1 (the offsets' length). */
  private readonly size: number;
  /** Plain offsets, kept when the map has too many runs to gain from compressing it. */
  private readonly plain: Int32Array | undefined;
  /** Runs of offsets rising by one per character: normalized start of each run and its original offset. */
  private readonly runStarts: Int32Array | undefined;
  private readonly runOrigins: Int32Array | undefined;

  constructor(
    readonly path: string,
    readonly original: string,
    offsets: Int32Array,
    /** `packed`: `offsets` is the table as runs (packOffsets), the form a document travels in (src/parallel/). */
    form: 'plain' | 'packed' = 'plain',
    /** True for an original made of pages ended by form feeds (PDF): lines count within a page. */
    private readonly paged = false,
  ) {
    // A .txt document normalizes mostly character for character: its map is a handful of runs, held in
    // a few kilobytes instead of 4 bytes a character (200 MB on a 10,000-document run).
    const packed = form === 'packed' ? offsets : packOffsets(offsets);
    this.size = packed[0] ?? 0;
    const runs = (packed.length - 1) >> 1;
    if (runs * 4 > this.size) {
      this.plain = form === 'plain' ? offsets : unpackOffsets(packed);
      return;
    }
    this.runStarts = new Int32Array(runs);
    this.runOrigins = new Int32Array(runs);
    for (let r = 0; r < runs; r++) {
      this.runStarts[r] = packed[1 + 2 * r]!;
      this.runOrigins[r] = packed[2 + 2 * r]!;
    }
  }

  /** The table as runs (packOffsets' form): what a Document's parts carry through a worker or the cache. */
  packed(): Int32Array {
    if (this.plain) return packOffsets(this.plain);
    const packed = new Int32Array(1 + 2 * this.runStarts!.length);
    packed[0] = this.size;
    for (let r = 0; r < this.runStarts!.length; r++) {
      packed[1 + 2 * r] = this.runStarts![r]!;
      packed[2 + 2 * r] = this.runOrigins![r]!;
    }
    return packed;
  }

  private get lineStarts(): number[] {
    if (this.starts) return this.starts;
    if (!this.paged) return (this.starts = lineStarts(this.original));
    const { starts, pages } = pagedLineStarts(this.original);
    this.pageFirstLines = pages;
    return (this.starts = starts);
  }

  /** Index into lineStarts of the first line of the page holding line index `lineIndex`, and its page number. */
  private pageOf(lineIndex: number): { first: number; page: number } {
    const pages = this.pageFirstLines!;
    const lo = lastAtOrBefore(pages, lineIndex);
    return { first: pages[lo]!, page: lo + 1 };
  }

  /** Index into lineStarts of a 1-based line (within `page` when paged); undefined past the text. */
  private lineIndex(line: number, page = 1): number | undefined {
    const starts = this.lineStarts;
    if (!this.paged) return line >= 1 && line <= starts.length ? line - 1 : undefined;
    const first = this.pageFirstLines![page - 1];
    if (first === undefined || line < 1) return undefined;
    const index = first + line - 1;
    return index < starts.length ? index : undefined;
  }

  originalOffset(normalizedOffset: number): number {
    const n = Math.max(0, Math.min(normalizedOffset, this.size - 1));
    if (this.plain) return this.plain[n]!;
    const starts = this.runStarts!;
    const lo = lastAtOrBefore(starts, n);
    return this.runOrigins![lo]! + (n - starts[lo]!);
  }

  /** Line and column (1-based, UTF-16) of an original offset. */
  position(originalOffset: number): Position {
    const starts = this.lineStarts;
    const lo = lastAtOrBefore(starts, originalOffset);
    if (!this.paged) return { line: lo + 1, column: originalOffset - starts[lo]! + 1 };
    const { first, page } = this.pageOf(lo);
    return { line: lo - first + 1, column: originalOffset - starts[lo]! + 1, page };
  }

  toOriginal(normalizedOffset: number): Position {
    return this.position(this.originalOffset(normalizedOffset));
  }

  /**
   * The original span of normalized [start, end). The end maps through the last character
   * (end - 1), so text removed after it (e.g. a pinyin annotation) is not swallowed.
   */
  locate(start: number, end: number): Location {
    const from = this.originalOffset(start);
    const to = end > start ? this.originalOffset(end - 1) + this.charLength(this.originalOffset(end - 1)) : from;
    const a = this.position(from);
    const b = this.position(to);
    const location: Location = {
      path: this.path,
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
      text: this.paged && (b.line !== a.line || b.page !== a.page) ? this.pagedText(start, end) : this.original.slice(from, to),
    };
    if (a.page !== undefined) {
      location.page = a.page;
      // The end counted from the top of the start's page, so one page number places the whole span.
      if (b.page !== a.page) location.endLine = b.line + this.pageFirstLines![b.page! - 1]! - this.pageFirstLines![a.page - 1]!;
    }
    return location;
  }

  /**
   * The original text of a paged span running over lines: its own characters, a line break read as a space, and
   * what the reader moved out of it (a running footer between a paragraph's two pages) left out.
   */
  private pagedText(start: number, end: number): string {
    let text = '';
    for (let j = start; j < end; j++) {
      const c = this.original[this.originalOffset(j)]!;
      text += c === '\n' || c === '\f' ? ' ' : c;
    }
    return text;
  }

  /**
   * Original offset of a 1-based line and UTF-16 column (clamped to the text); null for a line that does not exist.
   * Paged: `line` counts within `page`, as in a Location (so an endLine past the page's end still resolves).
   */
  offsetAt(line: number, column: number, page?: number): number | null {
    const index = this.lineIndex(line, page);
    const start = index === undefined ? undefined : this.lineStarts[index];
    if (start === undefined) return null;
    return Math.min(start + column - 1, this.original.length);
  }

  /** The original text of a 1-based line (within `page` when paged) without its line break; null for a line that does not exist. */
  lineText(line: number, page?: number): string | null {
    const starts = this.lineStarts;
    const index = this.lineIndex(line, page);
    const start = index === undefined ? undefined : starts[index];
    if (start === undefined) return null;
    let end = starts[index! + 1] ?? this.original.length;
    while (end > start && (this.original[end - 1] === '\n' || this.original[end - 1] === '\r' || this.original[end - 1] === '\f')) end--;
    return this.original.slice(start, end);
  }

  /** UTF-16 length of the original character at an offset (2 for a surrogate pair). */
  private charLength(originalOffset: number): number {
    const c = this.original.charCodeAt(originalOffset);
    return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
}

/**
 * The index of the last of `sorted` (ascending, its first at most `value`) that is at most `value`: the run,
 * line or page an offset falls in.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offsets where lines start; a line ends at \n, \r\n or a lone \r. */
function lineStarts(original: string): number[] {
  const starts = [0];
  if (!original.includes('\r')) {
    // The common case: native indexOf finds line feeds far faster than a loop over every character.
    for (let i = original.indexOf('\n'); i >= 0; i = original.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (original.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * Line starts of a paged original (lines end at \n, \r\n, a lone \r or a form feed; a form feed also ends
 * a page) and the index of each page's first line. A trailing form feed ends the last page; it opens none.
 */
function pagedLineStarts(original: string): { starts: number[]; pages: number[] } {
  const starts = [0];
  const pages = [0];
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c === 10 || c === 12) {
      starts.push(i + 1);
      if (c === 12) pages.push(starts.length - 1);
    } else if (c === 13) {
      if (original.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return { starts, pages };
}

/**
 * The offset table as its runs of consecutive offsets: [length, then (normalized index, original
 * offset) where each run starts]. The one compact form of the map, held by OffsetMap and carried by
 * documents across a worker or the cache.
 */
export function packOffsets(offsets: Int32Array): Int32Array {
  let runs = 0;
  for (let i = 0; i < offsets.length; i++) if (i === 0 || offsets[i] !== offsets[i - 1]! + 1) runs++;
  const packed = new Int32Array(1 + 2 * runs);
  packed[0] = offsets.length;
  for (let i = 0, at = 1; i < offsets.length; i++) {
    if (i === 0 || offsets[i] !== offsets[i - 1]! + 1) {
      packed[at++] = i;
      packed[at++] = offsets[i]!;
    }
  }
  return packed;
}

/** The plain table (normalized offset → original offset) of packOffsets' form. */
export function unpackOffsets(packed: Int32Array): Int32Array {
  const length = packed[0] ?? 0;
  const offsets = new Int32Array(length);
  for (let k = 1; k < packed.length; k += 2) {
    const from = packed[k]!;
    const to = k + 2 < packed.length ? packed[k + 2]! : length;
    for (let i = from, value = packed[k + 1]!; i < to; i++, value++) offsets[i] = value;
  }
  return offsets;
}
