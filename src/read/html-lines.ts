/**
 * The visible text of an HTML document as it is built, with its map back to the markup: text pieces
 * and what waits before the next one (line breaks, a cell's tab, one collapsed space), following the
 * browser's rendering model. html.ts decides what is visible; this decides how it is laid out.
 */
import type { HtmlText } from './html.js';

/** At most this many line breaks in a row: one blank line. */
const MAX_BREAKS = 2;

/**
 * Visible lines with their markup offsets. Memory: one Int32Array as long as the markup (every text
 * unit comes from at least one markup unit: a line break from a tag of 3+ characters, a decoded entity
 * from its 3+ characters) and the text pieces.
 */
export class VisibleLines {
  private readonly offsets: Int32Array;
  private readonly pieces: string[] = [];
  private length = 0;
  /** Markup offset just past the last text emitted: the map's final entry. */
  private end = 0;
  /** The current line holds text (a separator or a block break may follow). */
  lineHasText = false;
  private pendingBreaks = 0;
  private pendingBreakAt = 0;
  /** Markup offset of collapsed whitespace waiting to be emitted as one space, or -1. */
  private pendingSpaceAt = -1;
  private pendingTabAt = -1;

  constructor(markupLength: number) {
    this.offsets = new Int32Array(markupLength + 1);
  }

  /** Markup offset just past the last text emitted (where an entity's `&` search may start). */
  get emittedEnd(): number {
    return this.end;
  }

  /**
   * Appends text at a markup offset: a text node's characters (`plain`) or one decoded entity, which
   * all maps to `at` and ends at `entityEnd`.
   */
  emit(piece: string, at: number, plain: boolean, entityEnd: number): void {
    this.flushPending();
    const offsets = this.offsets;
    const length = this.length;
    const n = piece.length;
    if (plain) for (let k = 0; k < n; k++) offsets[length + k] = at + k;
    else offsets.fill(at, length, length + n);
    this.pieces.push(piece);
    this.length = length + n;
    this.lineHasText = piece.charCodeAt(n - 1) !== 10;
    this.end = plain ? at + n : entityEnd;
  }

  /** What waits before the text, strongest first: line breaks (none before the first text), a cell's tab, a space. */
  private flushPending(): void {
    if (this.pendingBreaks > 0) {
      if (this.length > 0) {
        this.offsets.fill(this.pendingBreakAt, this.length, this.length + this.pendingBreaks);
        this.pieces.push('\n'.repeat(this.pendingBreaks));
        this.length += this.pendingBreaks;
      }
      this.pendingBreaks = 0;
    } else if (this.pendingTabAt >= 0 && this.lineHasText) {
      this.offsets[this.length++] = this.pendingTabAt;
      this.pieces.push('\t');
    } else if (this.pendingSpaceAt >= 0 && this.lineHasText) {
      this.offsets[this.length++] = this.pendingSpaceAt;
      this.pieces.push(' ');
    }
    this.pendingSpaceAt = -1;
    this.pendingTabAt = -1;
  }

  /** A block boundary (`force` false: at most one break, none at a line start) or a <br> (`force`: always one more). */
  lineBreak(at: number, count: number, force: boolean): void {
    if (!force && !this.lineHasText && this.pendingBreaks === 0) return;
    if (this.pendingBreaks === 0) this.pendingBreakAt = at;
    this.pendingBreaks = Math.min(MAX_BREAKS, force ? this.pendingBreaks + count : Math.max(this.pendingBreaks, count));
    this.lineHasText = false;
    this.pendingSpaceAt = -1;
    this.pendingTabAt = -1;
  }

  /** A table cell starts: a tab separates it from the text before it on the row. */
  cellAt(at: number): void {
    this.pendingTabAt = at;
  }

  /** Collapsed whitespace at `at`: one space before the next text, if any text precedes it on the line. */
  spaceAt(at: number): void {
    if (this.lineHasText && this.pendingSpaceAt < 0) this.pendingSpaceAt = at;
  }

  /** In <pre>, text is kept as written; its line breaks are lines. */
  emitPreformatted(data: string, at: number, plain: boolean, entityEnd: number): void {
    this.emit(data, at, plain, entityEnd);
    if (data.charCodeAt(data.length - 1) === 10) this.lineHasText = false;
  }

  /** The text and its offset map (closed by the end of the last text emitted). */
  finish(): HtmlText {
    this.offsets[this.length] = this.end;
    return { text: this.pieces.join(''), textOffsets: this.offsets.slice(0, this.length + 1) };
  }
}
