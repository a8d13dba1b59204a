/**
 * Document assembly: DecodedText → normalize → segment → the Document every later stage reads.
 * The Document's location methods delegate to the single OffsetMap built from normalize's offsets.
 */
import type { DecodedText, Document, DocumentStatus, Format, Script, Segment } from './model.js';
import { normalize } from './normalize/index.js';
import { OffsetMap } from './normalize/offset-map.js';
import { coreRules } from './rules/load.js';
import type { RuleSet } from './rules/types.js';
import { segment } from './segment/index.js';

export interface DocumentMeta {
  id?: string;
  period?: string;
  status?: DocumentStatus;
}

/** Builds a Document from a decoded file. `meta.id` defaults to the path. */
export function buildDocument(decoded: DecodedText, meta: DocumentMeta = {}, rules: RuleSet = coreRules()): Document {
  const { normalized, offsets, boilerplate, script } = normalize(decoded, rules);
  const map = new OffsetMap(decoded.path, decoded.original, offsets, 'plain', decoded.format === 'pdf');
  return assemble(decoded, meta, { normalized, boilerplate, script, segments: segment(normalized, boilerplate, rules) }, map);
}

/** A Document as data: everything but its location methods, plus the offset map they are built from. */
export type DocumentParts = Omit<Document, 'originalOffset' | 'toOriginal' | 'locate' | 'offsetAt' | 'lineText'> & {
  /** The one offset map's table (normalized offset → original offset) as its runs: OffsetMap.packed(). */
  offsets: Int32Array;
};

/**
 * buildDocument as data, for documents that cross a worker or cache boundary (src/parallel/):
 * `documentFromParts(documentParts(…))` equals `buildDocument(…)`.
 */
export function documentParts(decoded: DecodedText, meta: DocumentMeta = {}, rules: RuleSet = coreRules()): DocumentParts {
  const { normalized, offsets, boilerplate, script } = normalize(decoded, rules);
  const map = new OffsetMap(decoded.path, decoded.original, offsets, 'plain', decoded.format === 'pdf');
  const { originalOffset, toOriginal, locate, offsetAt, lineText, ...data } = assemble(
    decoded,
    meta,
    { normalized, boilerplate, script, segments: segment(normalized, boilerplate, rules) },
    map,
  );
  return { ...data, offsets: map.packed() };
}

/** The Document of its parts: the location methods rebuilt over the same offset map. */
export function documentFromParts(parts: DocumentParts): Document {
  const { offsets, ...data } = parts;
  const decoded: DecodedText = { path: data.path, format: data.format, encoding: data.encoding, original: data.original, text: data.original };
  if (data.commentDirectives) decoded.commentDirectives = data.commentDirectives;
  return assemble(decoded, data, data, new OffsetMap(data.path, data.original, offsets, 'packed', data.format === 'pdf'));
}

/**
 * A Document whose normalized text is its original (an identity offset map), with the given
 * segments: for checks and formatters tested on their own, and synthetic benchmark corpora, where
 * normalization is not what is being exercised.
 */
export function identityDocument(
  text: string,
  meta: DocumentMeta & { path: string; format?: Format; script?: Script; segments?: Segment },
): Document {
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = i;
  const decoded: DecodedText = { path: meta.path, format: meta.format ?? 'txt', encoding: 'UTF-8', original: text, text };
  const segments = meta.segments ?? { kind: 'document', start: 0, end: text.length, level: 0, children: [] };
  return assemble(decoded, meta, { normalized: text, boilerplate: [], script: meta.script ?? 'simplified', segments }, new OffsetMap(meta.path, text, offsets));
}

function assemble(
  decoded: DecodedText,
  meta: DocumentMeta,
  read: Pick<Document, 'normalized' | 'boilerplate' | 'script' | 'segments' | 'tables'>,
  map: OffsetMap,
): Document {
  const document: Document = {
    id: meta.id ?? decoded.path,
    path: decoded.path,
    format: decoded.format,
    encoding: decoded.encoding,
    script: read.script,
    original: decoded.original,
    normalized: read.normalized,
    boilerplate: read.boilerplate,
    segments: read.segments,
    originalOffset: (offset) => map.originalOffset(offset),
    toOriginal: (offset) => map.toOriginal(offset),
    locate: (start, end) => map.locate(start, end),
    offsetAt: (line, column, page) => map.offsetAt(line, column, page),
    lineText: (line, page) => map.lineText(line, page),
  };
  if (decoded.commentDirectives?.length) document.commentDirectives = decoded.commentDirectives;
  if (meta.period !== undefined) document.period = meta.period;
  if (meta.status !== undefined) document.status = meta.status;
  if (read.tables) document.tables = read.tables;
  return document;
}

/**
 * A UTF-8 .txt Document from a string (for tests and --stdin). The path defaults to
 * `<text>`, the id to the path.
 */
export function documentFromText(
  text: string,
  meta: DocumentMeta & { path?: string } = {},
  rules: RuleSet = coreRules(),
): Document {
  const path = meta.path ?? '<text>';
  return buildDocument({ path, format: 'txt', encoding: 'UTF-8', original: text, text }, { ...meta, id: meta.id ?? path }, rules);
}

/**
 * The lowest normalized offset whose original offset is at least `original`: where a range of the original file
 * (a table cell, a suppression comment, a finding's place) starts in the text later stages read. A binary search
 * over the one offset map, which never decreases (a PDF's running line moved after its paragraph is the
 * exception: there the answer may fall a line off).
 */
export function normalizedOffsetAt(document: Pick<Document, 'normalized' | 'originalOffset'>, original: number): number {
  let lo = 0;
  let hi = document.normalized.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (document.originalOffset(mid) < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
