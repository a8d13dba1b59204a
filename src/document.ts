/**
 * Document assembly: DecodedText → normalize → segment → the Document every later stage reads.
 * The Document's location methods delegate to the single OffsetMap built from normalize's offsets.
 */
import type { DecodedText, Document, DocumentStatus } from './model.js';
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
  const map = new OffsetMap(decoded.path, decoded.original, offsets);
  const document: Document = {
    id: meta.id ?? decoded.path,
    path: decoded.path,
    format: decoded.format,
    encoding: decoded.encoding,
    script,
    original: decoded.original,
    normalized,
    boilerplate,
    segments: segment(normalized, boilerplate, rules),
    originalOffset: (offset) => map.originalOffset(offset),
    toOriginal: (offset) => map.toOriginal(offset),
    locate: (start, end) => map.locate(start, end),
  };
  if (meta.period !== undefined) document.period = meta.period;
  if (meta.status !== undefined) document.status = meta.status;
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
