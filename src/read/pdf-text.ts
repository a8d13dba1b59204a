/**
 * The two texts of a PDF's lines (pdf.ts pdfText): `original`, one PDF line per line, pages ended by form
 * feeds; and `text`, the lines a paragraph wraps over joined, built here with its map back into `original`.
 * Running headers, footers and page numbers are held back and placed between blank lines after the paragraph
 * they interrupt.
 */
import type { PdfLine, PdfPage } from './pdf.js';

/** `original` (pages' lines, `\n` between lines, `\f` after each page) and where each line starts in it, by page. */
export function originalLines(pages: PdfPage[]): { original: string; starts: number[][] } {
  const parts: string[] = [];
  const starts: number[][] = [];
  let at = 0;
  for (const page of pages) {
    const own: number[] = [];
    page.lines.forEach((line, k) => {
      own.push(at);
      parts.push(line.text);
      at += line.text.length;
      if (k < page.lines.length - 1) {
        parts.push('\n');
        at += 1;
      }
    });
    parts.push('\f');
    at += 1;
    starts.push(own);
  }
  return { original: parts.join(''), starts };
}

const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** A line by page and index. */
interface LineRef {
  p: number;
  k: number;
}

/**
 * `text` as it is built, with one original offset per text unit. Lines are named by page and index (p, k);
 * a line's characters map one to one, a break or a space to the end of the line it follows.
 */
export class JoinedLines {
  private readonly text: string[] = [];
  private readonly offsets: number[] = [];
  /** Running lines met since the last body line: placed after the paragraph when it goes on past them. */
  private deferred: LineRef[] = [];

  constructor(
    private readonly pages: PdfPage[],
    private readonly starts: number[][],
  ) {}

  private emit(s: string, origin: number, step: boolean): void {
    this.text.push(s);
    for (let k = 0; k < s.length; k++) this.offsets.push(step ? origin + k : origin);
  }

  /** Line k of page p, as written. */
  emitLine(p: number, k: number): void {
    this.emit(this.pages[p]!.lines[k]!.text, this.starts[p]![k]!, true);
  }

  /** The original offset of what ends line k of page p: its \n, or the page's form feed. */
  private ending(p: number, k: number): number {
    return this.starts[p]![k]! + this.pages[p]!.lines[k]!.text.length;
  }

  /** A running line, held back until the paragraph it interrupts ends. */
  defer(p: number, k: number): void {
    this.deferred.push({ p, k });
  }

  get hasDeferred(): boolean {
    return this.deferred.length > 0;
  }

  /** `line` goes on the paragraph of `before` (line k of page p): nothing between them but a space between Latin words. */
  joinWrapped(p: number, k: number, before: PdfLine, line: PdfLine): void {
    const left = before.text.charCodeAt(before.text.length - 1);
    const right = line.text.charCodeAt(0);
    if (isAsciiWord(left) && isAsciiWord(right)) this.emit(' ', this.ending(p, k), false);
  }

  /** A new paragraph after line k of page p: a line break, then the running lines held back. */
  breakParagraph(p: number, k: number): void {
    this.emit('\n', this.ending(p, k), false);
    this.flushDeferred(this.ending(p, k));
  }

  /** Running lines before the first line of text (a header on page 1): the first one leads, the others stand apart. */
  leadRunning(): void {
    const first = this.deferred[0]!;
    this.deferred.shift();
    this.emitLine(first.p, first.k);
    this.emit('\n', this.ending(first.p, first.k), false);
    if (this.deferred.length) this.flushDeferred(this.ending(first.p, first.k));
    else this.emit('\n', this.ending(first.p, first.k), false);
  }

  /** After the last line (k of page p, or none: p < 0), the running lines still held back. */
  closeRunning(p: number, k: number): void {
    if (!this.deferred.length) return;
    if (p >= 0) {
      this.breakParagraph(p, k);
      return;
    }
    // Only running lines: the text is theirs, one a line.
    this.deferred.forEach(({ p, k }, index) => {
      if (index > 0) this.emit('\n', this.starts[p]![k]!, false);
      this.emitLine(p, k);
    });
    this.deferred = [];
  }

  /**
   * Running lines stand between blank lines in `text`: a page number is a short line of digits, which the
   * extractor would otherwise read as the tail of a word broken over lines, into the next paragraph's label.
   */
  private flushDeferred(at: number): void {
    const deferred = this.deferred;
    if (!deferred.length) return;
    this.emit('\n', at, false);
    for (const { p, k } of deferred) {
      this.emitLine(p, k);
      this.emit('\n', this.ending(p, k), false);
    }
    this.emit('\n', this.ending(deferred[deferred.length - 1]!.p, deferred[deferred.length - 1]!.k), false);
    this.deferred = [];
  }

  /** The text and its offset map, closed by the end of `original`. */
  finish(originalLength: number): { text: string; textOffsets: Int32Array } {
    this.offsets.push(originalLength);
    return { text: this.text.join(''), textOffsets: Int32Array.from(this.offsets) };
  }
}
