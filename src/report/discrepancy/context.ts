/**
 * The sentence around a statement, with the statement marked, as the discrepancy report shows it.
 *
 * Which sentence: the segmenter's (Document.segments), so the report cuts text exactly where the
 * checks do. What text: the ORIGINAL file's, mapped through the offset map, because the report is
 * evidence an editor checks against the file: Traditional script, full-width ％, pinyin and
 * mojibake are shown as they are written (the figure's Location is in those coordinates too).
 * The one exception is HTML input, whose original is markup: tags are dropped from the excerpt.
 */
import { normalizedOffsetAt } from '../../document.js';
import type { Document, Location, Segment } from '../../model.js';
import { originalRange } from '../lines.js';

export interface Excerpt {
  before: string;
  match: string;
  after: string;
}

/** Longest excerpt on either side of the statement (a sentence can run for a paragraph). */
const MAX_SIDE = 80;
/** Longest statement shown whole; a longer one (a duplicated section) keeps its start and end. */
const MAX_MATCH = 160;

function cut(text: string): string {
  return text.length > MAX_MATCH ? `${text.slice(0, MAX_MATCH - 40)} … ${text.slice(-30)}` : text;
}

/** The deepest sentence (else paragraph, else section) containing a normalized offset. */
function enclosing(root: Segment, offset: number): Segment | null {
  let best: Segment | null = null;
  const visit = (segment: Segment) => {
    for (const child of segment.children) {
      if (child.start <= offset && offset < child.end) {
        if (child.kind === 'sentence' || child.kind === 'paragraph' || (child.kind === 'section' && !best)) best = child;
        if (child.kind !== 'sentence') visit(child);
        return;
      }
    }
  };
  visit(root);
  return best;
}

/** The original-text end of a normalized span ending at `end` (through its last character). */
function originalEnd(document: Document, end: number): number {
  if (end <= 0) return document.originalOffset(0);
  const last = document.originalOffset(end - 1);
  const code = document.original.charCodeAt(last);
  return last + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
}

/** Chinese text has no space between words: a line wrapped inside a sentence joins without one. */
const CJK_EDGE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** The excerpt's lines as one: a break between two Chinese characters vanishes, any other becomes a space. */
function joinLines(text: string): string {
  return text.replace(/\s*[\r\n\f]+\s*/g, (gap, at: number, whole: string) =>
    at > 0 && CJK_EDGE.test(whole[at - 1]!) && CJK_EDGE.test(whole[at + gap.length] ?? '') ? '' : ' ',
  );
}

function stripMarkup(text: string): string {
  return text.replace(/<[^>]*>?/g, '');
}

/** The sentence of a location in its document, the location's text marked. */
export function excerpt(document: Document | undefined, location: Location): Excerpt {
  const fallback: Excerpt = { before: '', match: location.text ?? '', after: '' };
  if (!document) return fallback;
  const range = originalRange(document, location);
  if (!range) return fallback;
  const original = document.original;
  let start = Math.max(0, range.start - MAX_SIDE);
  let end = Math.min(original.length, range.end + MAX_SIDE);
  const segment = enclosing(document.segments, normalizedOffsetAt(document, range.start));
  if (segment && segment.kind !== 'section') {
    start = Math.max(start, Math.min(range.start, document.originalOffset(segment.start)));
    end = Math.min(end, Math.max(range.end, originalEnd(document, segment.end)));
  } else {
    // No sentence found (e.g. a finding on a heading): stay on the location's own lines.
    const lineStart = Math.max(original.lastIndexOf('\n', range.start - 1), original.lastIndexOf('\r', range.start - 1)) + 1;
    const breaks = [original.indexOf('\n', range.end), original.indexOf('\r', range.end)].filter((i) => i >= 0);
    start = Math.max(start, lineStart);
    end = Math.min(end, breaks.length ? Math.min(...breaks) : original.length);
  }
  const clean = (text: string) => joinLines(document.format === 'html' ? stripMarkup(text) : text);
  const text = (from: number, to: number) => clean(withoutBoilerplate(document, from, to));
  return {
    before: (start > 0 && start === range.start - MAX_SIDE ? '…' : '') + text(start, range.start).trimStart(),
    match: cut(text(range.start, range.end)),
    after: text(range.end, end).trimEnd() + (end < original.length && end === range.end + MAX_SIDE ? '…' : ''),
  };
}

/**
 * The original text from `from` to `to` without the boilerplate lines inside it: a sentence of a PDF that
 * runs onto the next page has the page's running footer, page number and header between its halves in the
 * file's text (`一般公共预 3 算支出`), which the checks leave out and the excerpt must too.
 */
function withoutBoilerplate(document: Document, from: number, to: number): string {
  const inside = (document.boilerplate ?? [])
    .map((line) => ({ start: document.originalOffset(line.start), end: originalEnd(document, line.end) }))
    .filter((line) => line.end > from && line.start < to)
    .sort((a, b) => a.start - b.start);
  let text = '';
  let at = from;
  for (const line of inside) {
    if (line.start > at) text += document.original.slice(at, line.start);
    at = Math.max(at, line.end);
  }
  return at < to ? text + document.original.slice(at, to) : text;
}
