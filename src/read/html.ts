/**
 * HTML markup → the text a reader sees, with a map from every text offset back to the markup.
 * htmlparser2 tokenizes and decodes entities; this module only decides what is visible and where lines
 * break, following the browser's rendering model (block elements start lines, whitespace collapses).
 */
import { Parser, type Handler } from 'htmlparser2';
import { VisibleLines } from './html-lines.js';

export interface HtmlText {
  /** Visible text: one line per block, whitespace collapsed, at most one blank line in a row (outside <pre>). */
  text: string;
  /** text offset → markup offset; length text.length + 1, non-decreasing. */
  textOffsets: Int32Array;
}

/**
 * Elements that start and end a line. This is HTML's rendering model, not a figcheck rule, so it lives here
 * rather than in rules/core. `td`/`th` are not here: cells of a row stay on one line, separated by a tab.
 */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'option', 'p', 'plaintext', 'pre',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'title', 'tr', 'ul', 'xmp',
]);
/** Elements whose content is never shown. */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'canvas']);
/** Elements whose whitespace is shown as written. */
const PREFORMATTED_ELEMENTS = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);
const CELL_ELEMENTS = new Set(['td', 'th']);
/** What may stand in <head>; any other element means the body has begun, as in a browser. */
const HEAD_ELEMENTS = new Set(['base', 'link', 'meta', 'noscript', 'script', 'style', 'template', 'title']);
/** Extracts the visible text of HTML markup. */
export function htmlToText(markup: string): HtmlText {
  const visible = new VisibleText(markup);
  const parser = new Parser(visible, { decodeEntities: true, lowerCaseTags: true });
  visible.parser = parser;
  parser.end(markup);
  return visible.lines.finish();
}

/**
 * htmlparser2's handler for one document: which elements are open decides what is visible (hidden
 * elements, <head> but its <title>, preformatted text) and where lines break. Only the three `on…`
 * methods below: htmlparser2 asks the handler which events it wants.
 */
class VisibleText implements Partial<Handler> {
  readonly lines: VisibleLines;
  parser!: Parser;
  private hiddenDepth = 0;
  private preDepth = 0;
  private inHead = false;
  private titleDepth = 0;

  constructor(private readonly markup: string) {
    this.lines = new VisibleLines(markup.length);
  }

  onopentag(name: string): void {
    if (this.inHead && !HEAD_ELEMENTS.has(name)) this.inHead = false;
    if (HIDDEN_ELEMENTS.has(name)) this.hiddenDepth++;
    else if (name === 'head') this.inHead = true;
    else if (name === 'title') this.titleDepth++;
    if (PREFORMATTED_ELEMENTS.has(name)) this.preDepth++;
    if (this.hiddenDepth > 0) return;
    const lines = this.lines;
    if (BLOCK_ELEMENTS.has(name)) lines.lineBreak(this.parser.startIndex, 1, false);
    else if (name === 'br') lines.lineBreak(this.parser.startIndex, 1, true);
    else if (CELL_ELEMENTS.has(name) && lines.lineHasText) lines.cellAt(this.parser.startIndex);
  }

  onclosetag(name: string): void {
    if (HIDDEN_ELEMENTS.has(name)) this.hiddenDepth = Math.max(0, this.hiddenDepth - 1);
    else if (name === 'head') this.inHead = false;
    else if (name === 'title') this.titleDepth = Math.max(0, this.titleDepth - 1);
    if (PREFORMATTED_ELEMENTS.has(name)) this.preDepth = Math.max(0, this.preDepth - 1);
    if (this.hiddenDepth > 0) return;
    if (BLOCK_ELEMENTS.has(name)) this.lines.lineBreak(this.parser.startIndex, 1, false);
  }

  ontext(data: string): void {
    if (this.hiddenDepth > 0 || (this.inHead && this.titleDepth === 0)) return;
    // A text node arrives as its own characters, ending at parser.endIndex; a decoded entity (`&amp;`,
    // `&#8212;`) arrives alone and all of it maps to the entity's `&`. (parser.startIndex is not used: it is
    // stale after tokens that raise no event, such as `</>`.)
    const last = this.parser.endIndex;
    const start = last + 1 - data.length;
    const plain = start >= 0 && this.markup.startsWith(data, start);
    const at = plain ? start : Math.max(this.lines.emittedEnd, this.markup.lastIndexOf('&', last));
    if (this.preDepth > 0) this.lines.emitPreformatted(data, at, plain, last + 1);
    else emitCollapsed(this.lines, data, at, plain, last + 1);
  }
}

/** Outside <pre>: runs of HTML whitespace (not U+00A0 or U+3000, which are content) collapse to one pending space. */
function emitCollapsed(lines: VisibleLines, data: string, at: number, plain: boolean, entityEnd: number): void {
  const whitespace = /[ \t\n\r\f]+/g;
  let from = 0;
  for (let match = whitespace.exec(data); match; match = whitespace.exec(data)) {
    if (match.index > from) lines.emit(data.slice(from, match.index), plain ? at + from : at, plain, entityEnd);
    lines.spaceAt(plain ? at + match.index : at);
    from = match.index + match[0].length;
  }
  if (from < data.length) lines.emit(from === 0 ? data : data.slice(from), plain ? at + from : at, plain, entityEnd);
}
