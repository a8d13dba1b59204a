/**
 * Word comments written into a copy of a .docx: one comment per note, anchored on the exact characters of
 * its span (the extracted text's paragraph, column and end column, mapped back to `<w:t>` nodes by
 * src/read/docx-map.ts). A span that starts or ends inside a run splits the run there; both halves keep the
 * run's properties (rPr), so the text looks as before. The package gets what the OOXML comments part
 * requires (ECMA-376 Part 1, 17.13.4): word/comments.xml (merged into the document's own comments part when
 * it has one), its relationship from the main part, its content type override, and in the body
 * `<w:commentRangeStart>`, `<w:commentRangeEnd>` and a run holding `<w:commentReference>`.
 *
 * XML is read and written with @xmldom/xmldom (the parser mammoth reads the same parts with), never edited
 * as text: a run's properties, namespaces and unknown markup survive as they were.
 */
import JSZip from 'jszip';
import { XMLSerializer } from '@xmldom/xmldom';
import { alignParagraphs, mapDocumentParagraphs, parseXml, W_NS, type MappedParagraph, type TextPiece } from '../read/docx-map.js';

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const OFFICE_DOCUMENT_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const STRICT_OFFICE_DOCUMENT_TYPE = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument';
export const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The author of every comment figcheck writes. */
export const COMMENT_AUTHOR = 'figcheck';

/** A comment to write: where (the document's 1-based line = paragraph, 1-based columns, end exclusive) and what. */
export interface CommentNote {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The comment's paragraphs. */
  paragraphs: string[];
}

export interface AnnotatedDocx {
  bytes: Buffer;
  /** Notes anchored on their span. */
  anchored: number;
  /** Notes whose span could not be found in the XML (a paragraph read differently): put at the top instead. */
  unanchored: number;
}

/** A point in a paragraph's text: before the character at `offset` (or at the paragraph's end). */
interface Point {
  paragraph: MappedParagraph;
  offset: number;
}

/**
 * A copy of the .docx `bytes` with the notes as comments. `lines` are the document's extracted paragraphs
 * (Document.original split at "\n"), which the notes' lines and columns point into.
 * @throws for a package without a readable main document part
 */
export async function annotateDocx(bytes: Uint8Array, lines: readonly string[], notes: readonly CommentNote[], date: Date = new Date()): Promise<AnnotatedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const mainPart = await mainDocumentPart(zip);
  const document = parseXml(await readPart(zip, mainPart), mainPart);
  const walked = mapDocumentParagraphs(document);
  const aligned = alignParagraphs(lines, walked);
  const body = firstW(document.documentElement!, 'body');
  if (!body) throw new Error(`${mainPart}: no document body`);

  const relationshipsPart = relationshipsPartOf(mainPart);
  const relationships = zip.file(relationshipsPart) ? parseXml(await readPart(zip, relationshipsPart), relationshipsPart) : emptyRelationships();
  const existing = findRelationship(relationships, COMMENTS_TYPE);
  const commentsPart = existing ? resolvePart(mainPart, existing.getAttribute('Target')!, existing.getAttribute('TargetMode')) : siblingPart(mainPart, 'comments.xml');
  const comments = zip.file(commentsPart) ? parseXml(await readPart(zip, commentsPart), commentsPart) : emptyComments();
  let nextId = Math.max(maxCommentId(comments), maxCommentId(document)) + 1;

  const splitter = new RunSplitter(document);
  let anchored = 0;
  for (const note of notes) {
    const id = String(nextId++);
    // Splitting keeps every text node's characters, so a later note's points stay valid (RunSplitter.current).
    const range = rangeOf(note, aligned) ?? searchedRange(note, lines, aligned, walked);
    if (range) {
      splitter.mark(range.start, range.end, id);
      anchored++;
    } else {
      splitter.markAtBodyStart(body, id);
    }
    // A comment that could not sit on its text says where its text is.
    const paragraphs = range ? note.paragraphs : [`[${note.line}:${note.column}] ${note.paragraphs[0] ?? ''}`, ...note.paragraphs.slice(1)];
    comments.documentElement!.appendChild(commentElement(comments, id, paragraphs, date));
  }

  const serializer = new XMLSerializer();
  zip.file(mainPart, serializer.serializeToString(document));
  zip.file(commentsPart, serializer.serializeToString(comments));
  if (!existing) {
    addRelationship(relationships, COMMENTS_TYPE, relativeTarget(mainPart, commentsPart));
    zip.file(relationshipsPart, serializer.serializeToString(relationships));
  }
  const contentTypes = parseXml(await readPart(zip, '[Content_Types].xml'), '[Content_Types].xml');
  ensureOverride(contentTypes, `/${commentsPart}`, COMMENTS_CONTENT_TYPE);
  zip.file('[Content_Types].xml', serializer.serializeToString(contentTypes));
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  return { bytes: out, anchored, unanchored: notes.length - anchored };
}

async function readPart(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part} in the package`);
  return file.async('string');
}

/** The main document part, from the package relationships (word/document.xml in every Word file seen). */
async function mainDocumentPart(zip: JSZip): Promise<string> {
  const rels = zip.file('_rels/.rels');
  if (rels) {
    const document = parseXml(await rels.async('string'), '_rels/.rels');
    const relationship = findRelationship(document, OFFICE_DOCUMENT_TYPE) ?? findRelationship(document, STRICT_OFFICE_DOCUMENT_TYPE);
    if (relationship) return resolvePart('', relationship.getAttribute('Target')!, null);
  }
  return 'word/document.xml';
}

/** A part name (no leading slash) for a relationship target relative to the part `source`. */
function resolvePart(source: string, target: string, mode: string | null): string {
  if (mode === 'External') throw new Error(`the comments part is external (${target})`);
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function relativeTarget(source: string, part: string): string {
  const folder = source.split('/').slice(0, -1).join('/');
  return folder && part.startsWith(`${folder}/`) ? part.slice(folder.length + 1) : `/${part}`;
}

function siblingPart(source: string, name: string): string {
  const folder = source.split('/').slice(0, -1).join('/');
  return folder ? `${folder}/${name}` : name;
}

function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function emptyRelationships(): Document {
  return parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}"/>`, 'relationships');
}

function emptyComments(): Document {
  return parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}"/>`, 'comments');
}

function elementsByLocalName(document: Document, ns: string, name: string): Element[] {
  return Array.from(document.getElementsByTagNameNS(ns, name));
}

function findRelationship(document: Document, type: string): Element | undefined {
  return elementsByLocalName(document, RELATIONSHIPS_NS, 'Relationship').find((element) => element.getAttribute('Type') === type);
}

function addRelationship(document: Document, type: string, target: string): void {
  const ids = new Set(elementsByLocalName(document, RELATIONSHIPS_NS, 'Relationship').map((element) => element.getAttribute('Id')));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const relationship = document.createElementNS(RELATIONSHIPS_NS, 'Relationship');
  relationship.setAttribute('Id', `rId${n}`);
  relationship.setAttribute('Type', type);
  relationship.setAttribute('Target', target);
  document.documentElement!.appendChild(relationship);
}

function ensureOverride(document: Document, partName: string, contentType: string): void {
  const overrides = elementsByLocalName(document, CONTENT_TYPES_NS, 'Override');
  const found = overrides.find((element) => element.getAttribute('PartName')?.toLowerCase() === partName.toLowerCase());
  if (found) {
    found.setAttribute('ContentType', contentType);
    return;
  }
  const override = document.createElementNS(CONTENT_TYPES_NS, 'Override');
  override.setAttribute('PartName', partName);
  override.setAttribute('ContentType', contentType);
  document.documentElement!.appendChild(override);
}

/** The largest w:id among comments and comment markup (-1 when none). */
function maxCommentId(document: Document): number {
  let max = -1;
  for (const name of ['comment', 'commentRangeStart', 'commentRangeEnd', 'commentReference']) {
    for (const element of elementsByLocalName(document, W_NS, name)) {
      const id = Number.parseInt(element.getAttributeNS(W_NS, 'id') ?? '', 10);
      if (Number.isFinite(id)) max = Math.max(max, id);
    }
  }
  return max;
}

function firstW(element: Element, name: string): Element | null {
  for (let child = element.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1 && (child as Element).namespaceURI === W_NS && (child as Element).localName === name) return child as Element;
  return null;
}

function w(document: Document, name: string, attributes: Record<string, string> = {}): Element {
  const element = document.createElementNS(W_NS, `w:${name}`);
  for (const [key, value] of Object.entries(attributes)) element.setAttributeNS(W_NS, `w:${key}`, value);
  return element;
}

/** `<w:t xml:space="preserve">`: a comment's or a split run's text keeps its spaces. */
function textElement(document: Document, text: string): Element {
  const t = w(document, 't');
  t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
  t.appendChild(document.createTextNode(text));
  return t;
}

function commentElement(comments: Document, id: string, paragraphs: readonly string[], date: Date): Element {
  // w:date without fractions of a second, as Word writes it.
  const comment = w(comments, 'comment', { id, author: COMMENT_AUTHOR, date: date.toISOString().replace(/\.\d+Z$/, 'Z'), initials: 'fc' });
  paragraphs.forEach((text, index) => {
    const p = w(comments, 'p');
    if (index === 0) {
      // The mark Word shows in the margin links the comment to its reference in the text.
      const mark = w(comments, 'r');
      mark.appendChild(w(comments, 'annotationRef'));
      p.appendChild(mark);
    }
    const run = w(comments, 'r');
    run.appendChild(textElement(comments, xmlSafe(text)));
    p.appendChild(run);
    comment.appendChild(p);
  });
  return comment;
}

/** Characters XML 1.0 cannot hold (control characters a damaged text may carry) become U+FFFD. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

/**
 * The XML points of a note's span: its first character and the character after its last, or null when its
 * paragraph was not found in the XML or a character of it lies in a text box's fallback copy (Word shows the
 * other copy, so a comment there would not show).
 */
function rangeOf(note: CommentNote, aligned: readonly (MappedParagraph | null)[]): { start: Point; end: Point } | null {
  const first = aligned[note.line - 1];
  const last = aligned[note.endLine - 1];
  if (!first || !last) return null;
  const start: Point = { paragraph: first, offset: Math.min(Math.max(0, note.column - 1), first.text.length) };
  const end: Point = { paragraph: last, offset: Math.min(Math.max(0, note.endColumn - 1), last.text.length) };
  if (note.endLine < note.line || (first === last && end.offset < start.offset)) return null;
  for (const point of [start, end]) if (pieceAt(point.paragraph, point.offset)?.fallback) return null;
  return { start, end };
}

/**
 * For a note in a line that no walked paragraph matches as a whole (a reader that joins or splits paragraphs
 * differently, a table row read as one line): its text searched for in the walked paragraphs between the
 * neighbouring lines that did match. Anchored only when the count of its occurrences there equals the count
 * in the line, so the occurrence taken is the note's.
 */
function searchedRange(note: CommentNote, lines: readonly string[], aligned: readonly (MappedParagraph | null)[], walked: readonly MappedParagraph[]): { start: Point; end: Point } | null {
  if (note.line !== note.endLine) return null;
  const line = lines[note.line - 1];
  if (line === undefined) return null;
  const needle = line.slice(note.column - 1, note.endColumn - 1);
  if (!needle) return null;
  const index = new Map(walked.map((paragraph, i) => [paragraph, i]));
  let lo = 0;
  for (let i = note.line - 2; i >= 0; i--) if (aligned[i]) { lo = index.get(aligned[i]!)! + 1; break; }
  let hi = walked.length;
  for (let i = note.line; i < aligned.length; i++) if (aligned[i]) { hi = index.get(aligned[i]!)!; break; }
  const found: Point[] = [];
  for (const paragraph of walked.slice(lo, hi)) {
    for (let at = paragraph.text.indexOf(needle); at >= 0; at = paragraph.text.indexOf(needle, at + 1)) found.push({ paragraph, offset: at });
  }
  const inLine: number[] = [];
  for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) inLine.push(at);
  const ordinal = inLine.indexOf(note.column - 1);
  if (found.length !== inLine.length || ordinal < 0) return null;
  const start = found[ordinal]!;
  const range = { start, end: { paragraph: start.paragraph, offset: start.offset + needle.length } };
  for (const point of [range.start, range.end]) if (pieceAt(point.paragraph, point.offset)?.fallback) return null;
  return range;
}

function pieceAt(paragraph: MappedParagraph, offset: number): TextPiece | undefined {
  return paragraph.pieces.find((piece) => piece.start <= offset && offset < piece.start + piece.length);
}

/**
 * Puts comment markup at points of the text, splitting `<w:t>` nodes and runs so a point falls between
 * runs. A `<w:t>` split in two stays one run's children first; the run itself is then split between them,
 * the new run carrying a copy of the properties (rPr).
 */
class RunSplitter {
  /** For a `<w:t>` already split: its pieces, by offset in the original text. */
  private readonly splits = new Map<Element, { from: number; element: Element }[]>();
  /** The last markup put at the start of the body (for notes without an anchor). */
  private lastAtStart: Element | undefined;

  constructor(private readonly document: Document) {}

  /** Comment range and reference around [start, end). */
  mark(start: Point, end: Point, id: string): void {
    const doc = this.document;
    // The end first: splitting there leaves the start's nodes where they were.
    const endAnchor = this.boundary(end);
    const rangeEnd = w(doc, 'commentRangeEnd', { id });
    insertAt(endAnchor, rangeEnd);
    rangeEnd.parentNode!.insertBefore(referenceRun(doc, id), rangeEnd.nextSibling);
    const startAnchor = this.boundary(start);
    insertAt(startAnchor, w(doc, 'commentRangeStart', { id }));
  }

  /** A comment without an anchor: a point at the start of the body's first paragraph. */
  markAtBodyStart(body: Element, id: string): void {
    const doc = this.document;
    let paragraph = firstW(body, 'p');
    if (!paragraph) {
      paragraph = w(doc, 'p');
      body.insertBefore(paragraph, body.firstChild);
    }
    const properties = firstW(paragraph, 'pPr');
    // After the ones put there before, so they keep the notes' order.
    const before = this.lastAtStart?.parentNode === paragraph ? this.lastAtStart.nextSibling : properties ? properties.nextSibling : paragraph.firstChild;
    const markup = [w(doc, 'commentRangeStart', { id }), w(doc, 'commentRangeEnd', { id }), referenceRun(doc, id)];
    for (const element of markup) paragraph.insertBefore(element, before);
    this.lastAtStart = markup[2]!;
  }

  /**
   * Where markup goes for a point: before the run holding the point's character (split so the character
   * starts it), or at the end of the paragraph for a point after its last character.
   */
  private boundary(point: Point): { parent: Node; before: Node | null } {
    const piece = pieceAt(point.paragraph, point.offset);
    if (!piece) {
      // After the last character: after the run of the last one, else at the paragraph's end.
      const last = point.paragraph.pieces.at(-1);
      if (!last) return { parent: point.paragraph.element, before: null };
      const node = last.element.localName === 't' ? this.current(last.element, last.offset + last.length - 1) : last.element;
      const run = enclosingRun(node);
      return run ? { parent: run.parentNode!, before: run.nextSibling } : { parent: node.parentNode!, before: node.nextSibling };
    }
    let node = piece.element;
    if (node.localName === 't') node = this.splitText(piece.element, piece.offset + (point.offset - piece.start));
    const run = enclosingRun(node);
    if (!run) return { parent: node.parentNode!, before: node };
    const started = splitRunBefore(this.document, run, node);
    return { parent: started.parentNode!, before: started };
  }

  /** The current `<w:t>` holding the original text's character `offset`. */
  private current(original: Element, offset: number): Element {
    const parts = this.splits.get(original);
    if (!parts) return original;
    let found = parts[0]!;
    for (const part of parts) if (part.from <= offset) found = part;
    return found.element;
  }

  /** Splits a `<w:t>` so that the original text's character `offset` starts a node; returns that node. */
  private splitText(original: Element, offset: number): Element {
    const parts = this.splits.get(original) ?? [{ from: 0, element: original }];
    this.splits.set(original, parts);
    let index = 0;
    for (const [i, part] of parts.entries()) if (part.from <= offset) index = i;
    const part = parts[index]!;
    const cut = offset - part.from;
    if (cut === 0) return part.element;
    const text = part.element.textContent ?? '';
    const tail = textElement(this.document, text.slice(cut));
    replaceText(part.element, text.slice(0, cut));
    part.element.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    part.element.parentNode!.insertBefore(tail, part.element.nextSibling);
    parts.splice(index + 1, 0, { from: offset, element: tail });
    return tail;
  }
}

function replaceText(element: Element, text: string): void {
  while (element.firstChild) element.removeChild(element.firstChild);
  element.appendChild(element.ownerDocument!.createTextNode(text));
}

function insertAt(anchor: { parent: Node; before: Node | null }, node: Node): void {
  anchor.parent.insertBefore(node, anchor.before);
}

function enclosingRun(node: Element): Element | null {
  const parent = node.parentNode as Element | null;
  return parent && parent.nodeType === 1 && parent.namespaceURI === W_NS && parent.localName === 'r' ? parent : null;
}

/** Splits `run` so that `child` is its first content; returns the run that starts with it. */
function splitRunBefore(document: Document, run: Element, child: Element): Element {
  let first = run.firstChild;
  while (first && (first.nodeType !== 1 || (first as Element).localName === 'rPr')) first = first.nextSibling;
  if (first === child) return run;
  const tail = document.createElementNS(W_NS, run.tagName);
  for (let i = 0; i < run.attributes.length; i++) {
    const attribute = run.attributes[i]!;
    // Revision ids (w:rsidR…) are kept: the same edit session wrote both halves.
    tail.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
  }
  const properties = firstW(run, 'rPr');
  if (properties) tail.appendChild(properties.cloneNode(true));
  let moving: Node | null = child;
  while (moving) {
    const next: Node | null = moving.nextSibling;
    tail.appendChild(moving);
    moving = next;
  }
  run.parentNode!.insertBefore(tail, run.nextSibling);
  return tail;
}

/** The run after a range that holds its comment's reference mark. */
function referenceRun(document: Document, id: string): Element {
  const run = w(document, 'r');
  run.appendChild(w(document, 'commentReference', { id }));
  return run;
}
