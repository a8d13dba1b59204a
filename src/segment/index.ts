/**
 * segment: normalized text → document → sections → paragraphs → sentences → clauses, all with
 * normalized offsets. Heading patterns and punctuation come from the `segmentation` section of
 * rules/core/normalize.yaml.
 *
 * Conventions (what later stages may rely on):
 * - A paragraph is one non-blank line; a heading line's paragraph leaves out its marker (`一、`,
 *   `(一)`, `1.`, the whole `【…】`, the `——` of a dated line) so markers never read as figures.
 *   A heading line with nothing after its marker (`【…】` alone) has no paragraph.
 * - Boilerplate lines are not paragraphs of any section: they appear nowhere in the tree.
 * - A section spans from its heading line to the end of its last paragraph or subsection.
 * - Sentences keep their end mark (and closing quotes after it); clauses leave out the break
 *   character; both are trimmed of spaces.
 */
import type { Boilerplate, Segment, SegmentKind } from '../model.js';
import { InputError } from '../model.js';
import { coreRules } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';

type HeadingKind = NonNullable<Segment['headingKind']>;

/** The `segmentation` section of rules/core/normalize.yaml. */
export interface SegmentationRules {
  headings?: { kind: HeadingKind; rank: number; pattern: string }[];
  sentenceEnds?: string;
  closers?: string;
  clauseBreaks?: string;
  clauseShelters?: string[];
}

interface Compiled {
  headings: { kind: HeadingKind; rank: number; re: RegExp }[];
  sentenceEnd: Set<number>;
  closer: Set<number>;
  clauseBreak: Set<number>;
  open: Map<number, number>;
  close: Set<number>;
}

const compiledCache = new WeakMap<object, Compiled>();

function codes(chars: string | undefined): Set<number> {
  return new Set([...(chars ?? '')].map((c) => c.charCodeAt(0)));
}

function compile(rules: RuleSet): Compiled {
  const hit = compiledCache.get(rules);
  if (hit) return hit;
  const config = (rules.segmentation ?? {}) as SegmentationRules;
  const headings = (config.headings ?? []).map(({ kind, rank, pattern }) => {
    try {
      return { kind, rank, re: new RegExp(pattern, 'u') };
    } catch (error) {
      throw new InputError(`rules: segmentation heading "${kind}": ${(error as Error).message}`);
    }
  });
  const open = new Map<number, number>();
  const close = new Set<number>();
  for (const pair of config.clauseShelters ?? []) {
    open.set(pair.charCodeAt(0), pair.charCodeAt(1));
    close.add(pair.charCodeAt(1));
  }
  const compiled: Compiled = {
    headings,
    sentenceEnd: codes(config.sentenceEnds ?? '。!?;'),
    closer: codes(config.closers),
    clauseBreak: codes(config.clauseBreaks ?? ',、:'),
    open,
    close,
  };
  compiledCache.set(rules, compiled);
  return compiled;
}

function node(kind: SegmentKind, start: number, end: number, level: number): Segment {
  return { kind, start, end, level, children: [] };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** [start, end) with spaces trimmed at both ends. */
function trim(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/**
 * Segments normalized text. Boilerplate spans (from normalize) are left out of the tree.
 * `rules` defaults to the core rules (heading patterns, punctuation).
 */
export function segment(normalized: string, boilerplate: Boilerplate[], rules: RuleSet = coreRules()): Segment {
  const c = compile(rules);
  const root = node('document', 0, normalized.length, 0);
  /** Open sections, outermost first, with the rank of their heading. */
  const stack: { section: Segment; rank: number }[] = [];
  const container = (): Segment => stack[stack.length - 1]?.section ?? root;
  let chrome = 0; // index into boilerplate (sorted by start)

  let lineStart = 0;
  while (lineStart <= normalized.length) {
    let lineEnd = normalized.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = normalized.length;
    const [start, end] = trim(normalized, lineStart, lineEnd);
    while (chrome < boilerplate.length && boilerplate[chrome]!.end <= lineStart) chrome++;
    const isChrome = chrome < boilerplate.length && boilerplate[chrome]!.start < lineEnd && boilerplate[chrome]!.end > lineStart;
    if (end > start && !isChrome) {
      const line = normalized.slice(start, end);
      let paragraphStart = start;
      for (const heading of c.headings) {
        const m = heading.re.exec(line);
        if (!m) continue;
        while (stack.length && stack[stack.length - 1]!.rank >= heading.rank) stack.pop();
        const section = node('section', start, end, stack.length + 1);
        const markerEnd = m.groups?.marker !== undefined ? m.index + m.groups.marker.length : m.index + m[0].length;
        section.heading = headingText(line, heading.kind, m[0].length, c);
        section.headingKind = heading.kind;
        container().children.push(section);
        stack.push({ section, rank: heading.rank });
        paragraphStart = trim(normalized, start + markerEnd, end)[0];
        break;
      }
      if (paragraphStart < end) {
        const paragraph = node('paragraph', paragraphStart, end, container().level);
        splitSentences(normalized, paragraph, c);
        container().children.push(paragraph);
      }
    }
    lineStart = lineEnd + 1;
  }
  closeSpans(root);
  return root;
}

/** A heading's text: the `【…】` itself, else the line's first sentence (marker included). */
function headingText(line: string, kind: HeadingKind, matchLength: number, c: Compiled): string {
  if (kind === 'bracket') return line.slice(0, matchLength);
  for (let i = matchLength; i < line.length; i++) {
    if (c.sentenceEnd.has(line.charCodeAt(i))) return line.slice(0, i);
  }
  return line;
}

/** Sections end where their last child ends (or at their heading line's end). */
function closeSpans(segment: Segment): void {
  for (const child of segment.children) {
    if (child.kind === 'section') {
      closeSpans(child);
      const last = child.children[child.children.length - 1];
      if (last && last.end > child.end) child.end = last.end;
    }
  }
}

function splitSentences(text: string, paragraph: Segment, c: Compiled): void {
  let start = paragraph.start;
  const end = paragraph.end;
  const push = (from: number, to: number): void => {
    const [s, e] = trim(text, from, to);
    if (e <= s) return;
    const sentence = node('sentence', s, e, paragraph.level);
    splitClauses(text, sentence, c);
    paragraph.children.push(sentence);
  };
  for (let i = start; i < end; i++) {
    if (!c.sentenceEnd.has(text.charCodeAt(i))) continue;
    let stop = i + 1;
    while (stop < end && (c.sentenceEnd.has(text.charCodeAt(stop)) || c.closer.has(text.charCodeAt(stop)))) stop++;
    push(start, stop);
    start = stop;
    i = stop - 1;
  }
  push(start, end);
}

function splitClauses(text: string, sentence: Segment, c: Compiled): void {
  let start = sentence.start;
  // The sentence's end marks (and closing quotes after them, `。”`) are not part of its last
  // clause; a quote closed before the end mark (`“两超过”。`) is.
  let end = sentence.end;
  let k = end;
  while (k > start && c.closer.has(text.charCodeAt(k - 1))) k--;
  if (k > start && c.sentenceEnd.has(text.charCodeAt(k - 1))) {
    end = k;
    while (end > start && c.sentenceEnd.has(text.charCodeAt(end - 1))) end--;
  }
  const push = (from: number, to: number): void => {
    const [s, e] = trim(text, from, to);
    if (e > s) sentence.children.push(node('clause', s, e, sentence.level));
  };
  const expected: number[] = []; // closing characters of open shelters
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    const closing = c.open.get(ch);
    if (closing !== undefined) {
      expected.push(closing);
      continue;
    }
    if (expected.length && ch === expected[expected.length - 1]) {
      expected.pop();
      continue;
    }
    if (expected.length || !c.clauseBreak.has(ch)) continue;
    // 1,234 and 11:29 are numbers: a comma or colon between digits (three after a comma) is no break.
    if (ch === 44 && isDigit(text.charCodeAt(i - 1)) && isThousands(text, i + 1)) continue;
    if (ch === 58 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) continue;
    push(start, i);
    start = i + 1;
  }
  push(start, end);
}

/** Three digits at `i` not followed by a fourth: the rest of a thousands group. */
function isThousands(text: string, i: number): boolean {
  return isDigit(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && !isDigit(text.charCodeAt(i + 3));
}

// ---- Helpers for later stages -------------------------------------------------------------------

/** The chain of segments containing `offset`, outermost (the document) first. */
export function segmentsAt(root: Segment, offset: number): Segment[] {
  const chain: Segment[] = [];
  let current: Segment | undefined = root;
  while (current) {
    chain.push(current);
    current = childAt(current.children, offset);
  }
  return chain;
}

/** Binary search: the child whose [start, end) contains offset (children are ordered, disjoint). */
function childAt(children: Segment[], offset: number): Segment | undefined {
  let lo = 0;
  let hi = children.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const child = children[mid]!;
    if (offset < child.start) hi = mid - 1;
    else if (offset >= child.end) lo = mid + 1;
    else return child;
  }
  return undefined;
}

/** The sections enclosing `offset`, outermost first (empty outside any section). */
export function sectionsAt(root: Segment, offset: number): Segment[] {
  return segmentsAt(root, offset).filter((s) => s.kind === 'section');
}

/** The innermost segment of `kind` containing `offset`, if any. */
export function enclosing(root: Segment, offset: number, kind: SegmentKind): Segment | undefined {
  const chain = segmentsAt(root, offset);
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i]!.kind === kind) return chain[i];
  return undefined;
}

/** Every segment of `kind`, in text order (depth first). */
export function* segmentsOf(root: Segment, kind: SegmentKind): Generator<Segment> {
  for (const child of root.children) {
    if (child.kind === kind) yield child;
    if (child.kind !== kind || kind === 'section') yield* segmentsOf(child, kind);
  }
}

export function paragraphs(root: Segment): Generator<Segment> {
  return segmentsOf(root, 'paragraph');
}

export function sentences(root: Segment): Generator<Segment> {
  return segmentsOf(root, 'sentence');
}

export function clauses(root: Segment): Generator<Segment> {
  return segmentsOf(root, 'clause');
}

/** Every section, in text order (outer before inner). */
export function sections(root: Segment): Generator<Segment> {
  return segmentsOf(root, 'section');
}
