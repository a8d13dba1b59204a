/**
 * The one offset map: normalized-text offsets back to the original file. Built by `normalize`
 * (composed with the read stage's map for HTML); every Location in figcheck comes from here.
 */
import type { Location, Position } from '../model.js';

export class OffsetMap {
  /** Original offset of each line start; a line ends at \n, \r\n or a lone \r. Built on first use. */
  private starts: number[] | undefined;

  /**
   * @param path      the file path shown in locations
   * @param original  the decoded original text
   * @param offsets   normalized offset → original offset, length normalized.length + 1, non-decreasing
   */
  constructor(
    readonly path: string,
    readonly original: string,
    readonly offsets: Int32Array,
  ) {}

  private get lineStarts(): number[] {
    return (this.starts ??= lineStarts(this.original));
  }

  originalOffset(normalizedOffset: number): number {
    const n = Math.max(0, Math.min(normalizedOffset, this.offsets.length - 1));
    return this.offsets[n]!;
  }

  /** Line and column (1-based, UTF-16) of an original offset. */
  position(originalOffset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= originalOffset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: originalOffset - starts[lo]! + 1 };
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
    return {
      path: this.path,
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
      text: this.original.slice(from, to),
    };
  }

  /** Original offset of a 1-based line and UTF-16 column (clamped to the text); null for a line that does not exist. */
  offsetAt(line: number, column: number): number | null {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return null;
    return Math.min(start + column - 1, this.original.length);
  }

  /** The original text of a 1-based line without its line break; null for a line that does not exist. */
  lineText(line: number): string | null {
    const starts = this.lineStarts;
    const start = starts[line - 1];
    if (start === undefined) return null;
    let end = starts[line] ?? this.original.length;
    while (end > start && (this.original[end - 1] === '\n' || this.original[end - 1] === '\r')) end--;
    return this.original.slice(start, end);
  }

  /** UTF-16 length of the original character at an offset (2 for a surrogate pair). */
  private charLength(originalOffset: number): number {
    const c = this.original.charCodeAt(originalOffset);
    return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
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
