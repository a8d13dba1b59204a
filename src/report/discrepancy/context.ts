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
  const clean = (text: string) => (document.format === 'html' ? stripMarkup(text) : text).replace(/\s*[\r\n\f]+\s*/g, ' ');
  return {
    before: (start > 0 && start === range.start - MAX_SIDE ? '…' : '') + clean(original.slice(start, range.start)).trimStart(),
    match: cut(clean(original.slice(range.start, range.end))),
    after: clean(original.slice(range.end, end)).trimEnd() + (end < original.length && end === range.end + MAX_SIDE ? '…' : ''),
  };
}
