/**
 * HTML markup → the text a reader sees, with a map from every text offset back to the markup.
 * htmlparser2 tokenizes and decodes entities; this module only decides what is visible and where lines
 * break, following the browser's rendering model (block elements start lines, whitespace collapses).
 */
import { Parser } from 'htmlparser2';

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
/** At most this many line breaks in a row: one blank line. */
const MAX_BREAKS = 2;

/** Extracts the visible text of HTML markup. */
export function htmlToText(markup: string): HtmlText {
  // Every text unit comes from at least one markup unit (a line break from a tag of 3+ characters,
  // a decoded entity from its 3+ characters), so markup.length bounds the text.
  const offsets = new Int32Array(markup.length + 1);
  const pieces: string[] = [];
  let length = 0;
  /** Markup offset just past the last text emitted: the map's final entry. */
  let end = 0;
  let lineHasText = false;
  let pendingBreaks = 0;
  let pendingBreakAt = 0;
  /** Markup offset of collapsed whitespace waiting to be emitted as one space, or -1. */
  let pendingSpaceAt = -1;
  let pendingTabAt = -1;
  let hiddenDepth = 0;
  let preDepth = 0;
  let inHead = false;
  let titleDepth = 0;

  /** Appends text at a markup offset: a text node's characters (`plain`) or one decoded entity. */
  const emit = (piece: string, at: number, plain: boolean): void => {
    // What waits before the text, strongest first: line breaks (none before the first text), a cell's tab, a space.
    if (pendingBreaks > 0) {
      if (length > 0) {
        offsets.fill(pendingBreakAt, length, length + pendingBreaks);
        pieces.push('\n'.repeat(pendingBreaks));
        length += pendingBreaks;
      }
      pendingBreaks = 0;
    } else if (pendingTabAt >= 0 && lineHasText) {
      offsets[length++] = pendingTabAt;
      pieces.push('\t');
    } else if (pendingSpaceAt >= 0 && lineHasText) {
      offsets[length++] = pendingSpaceAt;
      pieces.push(' ');
    }
    pendingSpaceAt = -1;
    pendingTabAt = -1;
    const n = piece.length;
    if (plain) for (let k = 0; k < n; k++) offsets[length + k] = at + k;
    else offsets.fill(at, length, length + n);
    pieces.push(piece);
    length += n;
    lineHasText = piece.charCodeAt(n - 1) !== 10;
    end = plain ? at + n : parser.endIndex + 1;
  };

  /** A block boundary (`force` false: at most one break, none at a line start) or a <br> (`force`: always one more). */
  const lineBreak = (at: number, count: number, force: boolean): void => {
    if (!force && !lineHasText && pendingBreaks === 0) return;
    if (pendingBreaks === 0) pendingBreakAt = at;
    pendingBreaks = Math.min(MAX_BREAKS, force ? pendingBreaks + count : Math.max(pendingBreaks, count));
    lineHasText = false;
    pendingSpaceAt = -1;
    pendingTabAt = -1;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (inHead && !HEAD_ELEMENTS.has(name)) inHead = false;
        if (HIDDEN_ELEMENTS.has(name)) hiddenDepth++;
        else if (name === 'head') inHead = true;
        else if (name === 'title') titleDepth++;
        if (PREFORMATTED_ELEMENTS.has(name)) preDepth++;
        if (hiddenDepth > 0) return;
        if (BLOCK_ELEMENTS.has(name)) lineBreak(parser.startIndex, 1, false);
        else if (name === 'br') lineBreak(parser.startIndex, 1, true);
        else if (CELL_ELEMENTS.has(name) && lineHasText) pendingTabAt = parser.startIndex;
      },
      onclosetag(name) {
        if (HIDDEN_ELEMENTS.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (name === 'head') inHead = false;
        else if (name === 'title') titleDepth = Math.max(0, titleDepth - 1);
        if (PREFORMATTED_ELEMENTS.has(name)) preDepth = Math.max(0, preDepth - 1);
        if (hiddenDepth > 0) return;
        if (BLOCK_ELEMENTS.has(name)) lineBreak(parser.startIndex, 1, false);
      },
      ontext(data) {
        if (hiddenDepth > 0 || (inHead && titleDepth === 0)) return;
        // A text node arrives as its own characters, ending at parser.endIndex; a decoded entity (`&amp;`,
        // `&#8212;`) arrives alone and all of it maps to the entity's `&`. (parser.startIndex is not used: it is
        // stale after tokens that raise no event, such as `</>`.)
        const last = parser.endIndex;
        const start = last + 1 - data.length;
        const plain = start >= 0 && markup.startsWith(data, start);
        const at = plain ? start : Math.max(end, markup.lastIndexOf('&', last));
        if (preDepth > 0) {
          emitPreformatted(data, at, plain);
          return;
        }
        // Collapse runs of HTML whitespace (not U+00A0 or U+3000, which are content) to one pending space.
        const whitespace = /[ \t\n\r\f]+/g;
        let from = 0;
        for (let match = whitespace.exec(data); match; match = whitespace.exec(data)) {
          if (match.index > from) emit(data.slice(from, match.index), plain ? at + from : at, plain);
          if (lineHasText && pendingSpaceAt < 0) pendingSpaceAt = plain ? at + match.index : at;
          from = match.index + match[0].length;
        }
        if (from < data.length) emit(from === 0 ? data : data.slice(from), plain ? at + from : at, plain);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );

  /** In <pre>, text is kept as written; its line breaks are lines. */
  const emitPreformatted = (data: string, at: number, plain: boolean): void => {
    emit(data, at, plain);
    if (data.charCodeAt(data.length - 1) === 10) lineHasText = false;
  };

  parser.end(markup);
  offsets[length] = end;
  return { text: pieces.join(''), textOffsets: offsets.slice(0, length + 1) };
}
