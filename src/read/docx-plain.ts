/**
 * The document tree mammoth builds for a plain .docx (paragraphs, runs, text, tabs, breaks, hyperlinks,
 * bookmarks, tables without vertically merged cells), read in one pass of a strict XML scanner
 * (./xml-scan.ts) over word/document.xml, where mammoth builds a DOM (xmldom) of every part: well over 10×
 * less CPU, and most reports are plain (all 31 provincial reports of tests/fixtures/gwr-2025-provinces are).
 *
 * It is mammoth's reading or none: whatever mammoth reads its own way and this module does not (fields,
 * tracked changes, content controls, alternate content, drawings and text boxes, symbols, special hyphens,
 * footnotes and endnotes, merged rows, deleted rows and paragraph marks, a main part elsewhere) and
 * whatever mammoth's strict XML parser would reject (mismatched tags, undeclared prefixes or entities,
 * CDATA, a DOCTYPE; the scanner stops at anything not plainly well formed) returns null, and docx.ts asks
 * mammoth. Like mammoth, elements are named by their namespace (any prefix), and elements it neither reads
 * nor knows are left out with what they hold.
 * tests/read-docx-plain.test.ts checks the tree equals mammoth's on every .docx of the repository.
 */
import type JSZip from 'jszip';
import { attributesOf, scanXml, type XmlHandlers } from './xml-scan.js';
import type { DocxElement } from './docx.js';

/** mammoth's names for namespaces (mammoth/lib/docx/office-xml-reader.js). */
const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'content-types',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'relationships',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:word': 'office-word',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'wordml',
};

/**
 * Elements mammoth reads in a way this module does not (mammoth/lib/docx/body-reader.js), and `w:del` and
 * `w:vMerge`, which change what mammoth keeps of a paragraph, row or cell: where one stands, mammoth reads.
 */
const MAMMOTH_ONLY = new Set([
  'w:fldChar', 'w:instrText', 'w:noBreakHyphen', 'w:softHyphen', 'w:sym', 'mc:AlternateContent', 'w:sdt',
  'w:customXml', 'w:ins', 'w:moveFromRangeEnd', 'w:moveFromRangeStart', 'w:moveTo', 'w:moveToRangeEnd',
  'w:moveToRangeStart', 'w:object', 'w:smartTag', 'w:drawing', 'w:pict', 'v:roundrect', 'v:shape', 'v:textbox',
  'w:txbxContent', 'wp:inline', 'wp:anchor', 'v:imagedata', 'v:group', 'v:rect', 'w:del', 'w:moveFrom', 'w:vMerge',
]);

/** What an element is to the reading: a node of the tree, text, a property read, or left out. */
type Frame =
  | { kind: 'node'; name: string; node: DocxElement }
  | { kind: 'text'; name: string; node: DocxElement }
  | { kind: 'runProperties' | 'cellProperties'; name: string; node: DocxElement }
  | { kind: 'skip'; name: string };

/** Thrown inside the parse: the document is not one this module reads as mammoth does. */
class NotPlain extends Error {}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references, as a strict XML parser reads them; anything else is not plain. */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named]!;
    if (!decimal && !hex) throw new NotPlain('a bare &');
    const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) throw new NotPlain(`character reference ${whole}`);
    return String.fromCodePoint(code);
  });
}

/** Namespace declarations in scope, with the names already worked out under them. */
interface Scope {
  prefixes: Map<string, string>;
  names: Map<string, string>;
}

/** mammoth's name of an element or attribute (`w:p` for any prefix of the main namespace). */
function nameIn(scope: Scope, qualified: string, attribute: boolean): string {
  let name = scope.names.get(qualified);
  if (name !== undefined) return name;
  const colon = qualified.indexOf(':');
  const prefix = colon < 0 ? '' : qualified.slice(0, colon);
  const local = colon < 0 ? qualified : qualified.slice(colon + 1);
  // (an attribute without a prefix is in no namespace; an element without one is in the default namespace)
  const uri = colon < 0 && attribute ? undefined : scope.prefixes.get(prefix);
  if (colon >= 0 && uri === undefined) throw new NotPlain(`undeclared prefix ${prefix}`);
  name = uri === undefined || uri === '' ? local : NAMESPACES[uri] !== undefined ? `${NAMESPACES[uri]}:${local}` : `{${uri}}${local}`;
  scope.names.set(qualified, name);
  return name;
}

/** The elements mammoth turns into nodes the walk reads (docx.ts), and what each becomes. */
function contentNode(name: string, attributes: string, scope: Scope): DocxElement | null | undefined {
  switch (name) {
    case 'w:p':
      return { type: 'paragraph', children: [] };
    case 'w:r':
      return { type: 'run', children: [] };
    case 'w:hyperlink':
      return { type: 'hyperlink', children: [] };
    case 'w:tbl':
      return { type: 'table', children: [] };
    case 'w:tr':
      return { type: 'tableRow', children: [] };
    case 'w:tc':
      return { type: 'tableCell', colSpan: 1, rowSpan: 1, children: [] };
    case 'w:tab':
      return { type: 'tab' };
    case 'w:br': {
      const type = attribute(attributes, 'w:type', scope);
      // (mammoth leaves out a break of another type, with a warning)
      return type === undefined || type === 'textWrapping' || type === 'page' || type === 'column' ? { type: 'break' } : null;
    }
    default:
      return undefined;
  }
}

/** An attribute by mammoth's name of it, from a start tag's attribute text. */
function attribute(attributes: string, wanted: string, scope: Scope): string | undefined {
  for (const [qualified, value] of Object.entries(attributesOf(attributes))) if (nameIn(scope, qualified, true) === wanted) return decode(value);
  return undefined;
}

/**
 * The tree of word/document.xml as mammoth's transformDocument receives it (the fields docx.ts reads), or
 * null when the document is not plain.
 */
export function plainDocumentTree(xml: string): DocxElement | null {
  const reader = new PlainTreeReader();
  const wellFormed = scanXml(xml, reader);
  return wellFormed ? reader.tree() : null;
}

/**
 * The scanner's handlers for one document.xml: the frames of the open elements, the namespace scopes, and
 * the first failure (after which nothing more is read). Its methods are the scanner's events.
 */
class PlainTreeReader implements XmlHandlers {
  private readonly root: DocxElement = { type: 'document', children: [] };
  private readonly frames: Frame[] = [];
  private readonly scopes: Scope[] = [{ prefixes: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), names: new Map() }];
  /** How many frames deep each scope was opened (the scope closes with its element). */
  private readonly scopeDepth: number[] = [0];
  private roots = 0;
  private inBody = false;
  /** Runs and cells whose properties element was read, and those whose property in it was. */
  private readonly read = new WeakSet<DocxElement>();
  private readonly propertyRead = new WeakSet<DocxElement>();
  private failure: NotPlain | null = null;

  /** The document's tree, or null when it is not plain (a failure, an element left open, no single w:document with a w:body). */
  tree(): DocxElement | null {
    return this.failure || this.frames.length || this.roots !== 1 || !this.inBody ? null : this.root;
  }

  onopen(qualified: string, attributes: string): void {
    if (this.failure) return;
    try {
      this.open(qualified, attributes);
    } catch (error) {
      this.failure = error instanceof NotPlain ? error : new NotPlain(String(error));
    }
  }

  /** An element starts: what it is to the reading, pushed as its frame. @throws NotPlain */
  private open(qualified: string, attributes: string): void {
    const frames = this.frames;
    const scope = this.scopeOf(attributes);
    const name = nameIn(scope, qualified, false);
    if (MAMMOTH_ONLY.has(name)) throw new NotPlain(name);
    const parent = frames[frames.length - 1];
    if (!parent) {
      if (++this.roots > 1 || name !== 'w:document') throw new NotPlain('not a document');
      frames.push({ kind: 'skip', name: qualified });
      return;
    }
    if (parent.kind === 'text') throw new NotPlain('markup inside w:t');
    if (frames.length === 1 && name === 'w:body' && !this.inBody) {
      this.inBody = true;
      frames.push({ kind: 'node', name: qualified, node: this.root });
      return;
    }
    if (parent.kind === 'node') frames.push(this.childFrame(parent.node, qualified, name, attributes, scope));
    else {
      this.readProperty(parent, name, attributes, scope);
      frames.push({ kind: 'skip', name: qualified });
    }
  }

  /** The scope of an element: its parent's, or a new one when its attributes declare namespaces. */
  private scopeOf(attributes: string): Scope {
    const scopes = this.scopes;
    const scopeDepth = this.scopeDepth;
    let scope = scopes[scopes.length - 1]!;
    // (attributes are read only where they matter: namespace declarations and the few read below)
    const declared = attributes.includes('xmlns') ? attributesOf(attributes) : {};
    for (const key of Object.keys(declared)) {
      if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
      if (scopeDepth[scopeDepth.length - 1] !== this.frames.length + 1) {
        scope = { prefixes: new Map(scope.prefixes), names: new Map() };
        scopes.push(scope);
        scopeDepth.push(this.frames.length + 1);
      }
      scope.prefixes.set(key === 'xmlns' ? '' : key.slice(6), decode(declared[key]!));
    }
    return scope;
  }

  /** An element inside a node: a node or text of the tree (added to `parent`), a properties element read, or left out. */
  private childFrame(parent: DocxElement, qualified: string, name: string, attributes: string, scope: Scope): Frame {
    const node = contentNode(name, attributes, scope);
    if (node) {
      parent.children!.push(node);
      return { kind: 'node', name: qualified, node };
    }
    if (name === 'w:t') {
      const text: DocxElement = { type: 'text', value: '' };
      parent.children!.push(text);
      return { kind: 'text', name: qualified, node: text };
    }
    if (name === 'w:rPr' && parent.type === 'run' && !this.read.has(parent)) {
      // (mammoth reads a run's first w:rPr, and in it the first w:vertAlign; a cell's first w:tcPr and w:gridSpan)
      this.read.add(parent);
      return { kind: 'runProperties', name: qualified, node: parent };
    }
    if (name === 'w:tcPr' && parent.type === 'tableCell' && !this.read.has(parent)) {
      this.read.add(parent);
      return { kind: 'cellProperties', name: qualified, node: parent };
    }
    return { kind: 'skip', name: qualified };
  }

  /** Inside a run's or cell's properties: the first w:vertAlign or w:gridSpan, set on the run or cell. */
  private readProperty(parent: Frame, name: string, attributes: string, scope: Scope): void {
    if (parent.kind === 'runProperties' && name === 'w:vertAlign' && !this.propertyRead.has(parent.node)) {
      this.propertyRead.add(parent.node);
      parent.node.verticalAlignment = attribute(attributes, 'w:val', scope);
    } else if (parent.kind === 'cellProperties' && name === 'w:gridSpan' && !this.propertyRead.has(parent.node)) {
      this.propertyRead.add(parent.node);
      const span = attribute(attributes, 'w:val', scope);
      parent.node.colSpan = span ? Number.parseInt(span, 10) : 1;
    }
  }

  ontext(data: string): void {
    if (this.failure) return;
    const frame = this.frames[this.frames.length - 1];
    if (frame?.kind !== 'text') return;
    if (data.includes('\r')) this.failure = new NotPlain('a carriage return in text');
    else {
      try {
        frame.node.value += decode(data);
      } catch (error) {
        this.failure = error as NotPlain;
      }
    }
  }

  onclose(qualified: string): void {
    if (this.failure) return;
    const frames = this.frames;
    const frame = frames.pop();
    // An end tag that closes what it did not open is no XML (an element never closed leaves its frame).
    if (!frame || frame.name !== qualified) {
      this.failure = new NotPlain('mismatched tags');
      return;
    }
    if (this.scopeDepth[this.scopeDepth.length - 1] === frames.length + 1) {
      this.scopes.pop();
      this.scopeDepth.pop();
    }
  }

  oncomment(): void {
    if (this.frames[this.frames.length - 1]?.kind === 'text') this.failure ??= new NotPlain('a comment inside w:t');
  }
}

/** The XML of a part, decoded as mammoth decodes it (UTF-8, byte order mark dropped); null when absent. */
async function part(zip: JSZip, name: string, inflated?: ReadonlyMap<string, Buffer>): Promise<string | null> {
  const file = zip.file(name);
  if (!file) return null;
  return new TextDecoder('utf-8').decode(inflated?.get(name) ?? (await file.async('uint8array'))).replace(/^\uFEFF/, '');
}

/** Type → targets of a relationships part (zip paths, relative to `base`). */
function relationships(xml: string | null, base: string): { type: string; target: string }[] {
  if (!xml) return [];
  const found: { type: string; target: string }[] = [];
  for (const [tag] of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const type = /\bType="([^"]*)"/.exec(tag)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (type !== undefined && target !== undefined) {
      const path = target.startsWith('/') ? target.slice(1) : base ? `${base}/${target}` : target;
      found.push({ type: decode(type), target: decode(path) });
    }
  }
  return found;
}

/** Whether a footnotes or endnotes part holds a note (mammoth reads every one but the separators). */
function holdsNotes(xml: string): boolean {
  for (const [, attributes] of xml.matchAll(/<(?:[\w.-]+:)?(?:footnote|endnote)\b([^>]*)>/g)) {
    const type = /\b(?:[\w.-]+:)?type="([^"]*)"/.exec(attributes!)?.[1];
    if (type !== 'separator' && type !== 'continuationSeparator') return true;
  }
  return false;
}

/**
 * mammoth's document tree of a plain .docx (see the top of this file), or null when mammoth must read it.
 * The main part must be word/document.xml and no footnotes or endnotes part may hold a note.
 */
export async function plainDocument(zip: JSZip, inflated?: ReadonlyMap<string, Buffer>): Promise<DocxElement | null> {
  const main = relationships(await part(zip, '_rels/.rels', inflated), '').filter((r) => r.type.endsWith('/officeDocument'));
  if (main.length !== 1 || main[0]!.target !== 'word/document.xml') return null;
  const related = relationships(await part(zip, 'word/_rels/document.xml.rels', inflated), 'word');
  const noteParts = new Set(['word/footnotes.xml', 'word/endnotes.xml']);
  for (const { type, target } of related) if (/\/(?:footnotes|endnotes)$/.test(type)) noteParts.add(target);
  for (const name of noteParts) {
    const xml = await part(zip, name, inflated);
    if (xml !== null && holdsNotes(xml)) return null;
  }
  const xml = await part(zip, 'word/document.xml', inflated);
  return xml === null ? null : plainDocumentTree(xml);
}
