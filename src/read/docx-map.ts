/**
 * Where each character of a .docx's extracted text comes from in word/document.xml: the paragraphs of the
 * main document part, each with the `<w:t>` text nodes its characters come from. Writers that put something
 * back into the Word file (the annotator, src/annotate/) need it; the text stages never do.
 *
 * mammoth (./docx.ts) builds the text every stage reads but keeps no trace of the XML it came from, so this
 * module walks the same XML with the same rules (those of mammoth's body reader, which ./docx.ts then writes
 * one paragraph a line): the text of runs, hyperlinks, insertions, smart tags, content controls and field
 * results; tabs, manual breaks (as DOCX_LINE_BREAK), non-breaking and soft hyphens; a text box's paragraphs
 * after the paragraph that holds it; the Fallback of mc:AlternateContent; deleted text, deleted table rows,
 * vertically merged table cells and moved-away text left out; a deleted paragraph mark joining its
 * paragraph to the next. tests/read-docx-map.test.ts checks the walk gives exactly mammoth's paragraphs
 * for every real .docx in the fixtures; `alignParagraphs` pairs the two by their text, so a paragraph the
 * walk reads differently (a symbol font character, an exotic element) costs only that paragraph.
 */
import { DOMParser } from '@xmldom/xmldom';
import { DOCX_LINE_BREAK } from './docx.js';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT_NS = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const VML_NS = 'urn:schemas-microsoft-com:vml';

/** Where a stretch of a paragraph's text comes from. */
export interface TextPiece {
  /** Offset of the stretch in the paragraph's text. */
  start: number;
  length: number;
  /** The element the characters come from: a `<w:t>`, or a `<w:tab>`, `<w:br>` or hyphen (one character, no text to split). */
  element: Element;
  /** Offset of the stretch's first character in the element's text (0 for elements other than `<w:t>`). */
  offset: number;
  /** True inside mc:Fallback content (a text box's VML copy), which Word does not show when it reads the Choice. */
  fallback: boolean;
}

export interface MappedParagraph {
  text: string;
  /** The `<w:p>` element (for a paragraph joined across a deleted mark: the last one). */
  element: Element;
  pieces: TextPiece[];
}

/** Parses a part of the package; xmldom's warnings about odd but readable markup are not errors. */
export function parseXml(xml: string, part: string): Document {
  const errors: string[] = [];
  const document = new DOMParser({
    errorHandler: { warning: () => undefined, error: (message) => errors.push(message), fatalError: (message) => errors.push(message) },
  }).parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml');
  if (errors.length || !document.documentElement) throw new Error(`${part}: not well-formed XML (${errors[0] ?? 'no root element'})`);
  return document as unknown as Document;
}

function isW(node: Node, name: string): boolean {
  return node.nodeType === 1 && (node as Element).localName === name && isWordNamespace((node as Element).namespaceURI);
}

export function isWordNamespace(ns: string | null): boolean {
  return ns === W_NS || ns === W_STRICT_NS;
}

/** The first child element in the WordprocessingML namespace with this local name. */
export function wChild(element: Element, name: string): Element | null {
  for (let child = element.firstChild; child; child = child.nextSibling) if (isW(child, name)) return child as Element;
  return null;
}

/** A w: attribute's value (`w:val`), in either the transitional or the strict namespace. */
export function wAttribute(element: Element, name: string): string | null {
  return element.getAttributeNS(W_NS, name) || element.getAttributeNS(W_STRICT_NS, name) || null;
}

/** The text of a `<w:t>`, as mammoth reads it (its text nodes, entities decoded). */
export function textOf(element: Element): string {
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) if (child.nodeType === 3 || child.nodeType === 4) text += (child as Text).data;
  return text;
}

/** Elements whose children are read as content (mammoth's readChildElements handlers). */
const TRANSPARENT_W = new Set(['r', 'hyperlink', 'ins', 'customXml', 'moveFromRangeEnd', 'moveFromRangeStart', 'moveTo', 'moveToRangeEnd', 'moveToRangeStart', 'object', 'smartTag', 'drawing', 'txbxContent', 'tc']);
const TRANSPARENT_VML = new Set(['roundrect', 'shape', 'textbox', 'group', 'rect']);

class Walk {
  readonly paragraphs: MappedParagraph[] = [];
  /** Content of paragraphs whose mark was deleted, carried into the next paragraph. */
  private carried: Node[] = [];

  /** Reads `nodes` as block content (body, cell, text box). */
  blocks(nodes: Iterable<Node>, fallback: boolean): void {
    for (const node of nodes) this.block(node, fallback);
  }

  private block(node: Node, fallback: boolean): void {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const ns = element.namespaceURI;
    const name = element.localName;
    if (ns === MC_NS && name === 'AlternateContent') return this.blocks(fallbackChildren(element), true);
    if (!isWordNamespace(ns)) return;
    if (name === 'p') return this.paragraph(element, fallback);
    if (name === 'tbl') return this.table(element, fallback);
    if (name === 'sdt') {
      const content = wChild(element, 'sdtContent');
      return content ? this.blocks(children(content), fallback) : undefined;
    }
    if (name === 'tr' || TRANSPARENT_W.has(name)) return this.blocks(children(element), fallback);
  }

  private paragraph(element: Element, fallback: boolean): void {
    const properties = wChild(element, 'pPr');
    const markDeleted = properties && wChild(properties, 'rPr') && wChild(wChild(properties, 'rPr')!, 'del');
    if (markDeleted) {
      this.carried.push(...children(element));
      return;
    }
    const content = [...this.carried, ...children(element)];
    this.carried = [];
    const line: { text: string[]; pieces: TextPiece[]; length: number; extra: Walk[] } = { text: [], pieces: [], length: 0, extra: [] };
    for (const node of content) this.inline(node, line, fallback);
    // ./docx.ts turns a line feed inside a text run into a space: same length, so offsets stay.
    this.paragraphs.push({ text: line.text.join('').replace(/[\r\n]/g, ' '), element, pieces: line.pieces });
    for (const extra of line.extra) this.paragraphs.push(...extra.paragraphs);
  }

  private inline(node: Node, line: { text: string[]; pieces: TextPiece[]; length: number; extra: Walk[] }, fallback: boolean): void {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const ns = element.namespaceURI;
    const name = element.localName;
    const push = (text: string, source: Element) => {
      if (!text) return;
      line.pieces.push({ start: line.length, length: text.length, element: source, offset: 0, fallback });
      line.text.push(text);
      line.length += text.length;
    };
    if (ns === MC_NS && name === 'AlternateContent') {
      for (const child of fallbackChildren(element)) this.inline(child, line, true);
      return;
    }
    if (ns === VML_NS) {
      if (TRANSPARENT_VML.has(name)) for (const child of children(element)) this.inline(child, line, fallback);
      return;
    }
    if (!isWordNamespace(ns)) return;
    switch (name) {
      case 't':
        return push(textOf(element), element);
      case 'tab':
        return push('\t', element);
      case 'br': {
        const type = wAttribute(element, 'type');
        if (type === null || type === 'textWrapping' || type === 'page' || type === 'column') push(DOCX_LINE_BREAK, element);
        return;
      }
      case 'noBreakHyphen':
        return push('\u2011', element);
      case 'softHyphen':
        return push('\u00AD', element);
      case 'sdt': {
        const content = wChild(element, 'sdtContent');
        if (content) for (const child of children(content)) this.inline(child, line, fallback);
        return;
      }
      case 'pict': {
        // A VML text box: its paragraphs follow the paragraph holding it (mammoth's "extra" content).
        const box = new Walk();
        for (const child of children(element)) box.boxContent(child, fallback);
        line.extra.push(box);
        return;
      }
      case 'txbxContent':
        // A text box met inline (not through w:pict): its paragraphs are blocks.
        line.extra.push(this.blockWalk(element, fallback));
        return;
      default:
        if (TRANSPARENT_W.has(name)) for (const child of children(element)) this.inline(child, line, fallback);
    }
  }

  private blockWalk(element: Element, fallback: boolean): Walk {
    const walk = new Walk();
    walk.blocks(children(element), fallback);
    return walk;
  }

  /** Inside w:pict: shapes and text boxes down to w:txbxContent, whose paragraphs are blocks. */
  private boxContent(node: Node, fallback: boolean): void {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.namespaceURI === VML_NS && TRANSPARENT_VML.has(element.localName)) {
      for (const child of children(element)) this.boxContent(child, fallback);
    } else if (isW(element, 'txbxContent')) {
      this.blocks(children(element), fallback);
    } else if (element.namespaceURI === MC_NS && element.localName === 'AlternateContent') {
      for (const child of fallbackChildren(element)) this.boxContent(child, true);
    }
  }

  /** A table: rows and cells in order, leaving out deleted rows and the continuation cells of vertical merges. */
  private table(element: Element, fallback: boolean): void {
    const rows = tableRows(element);
    // mammoth keeps merged cells when the table holds anything but rows of cells (its merging "may be incorrect").
    const regular = rows.every((row) => row.regular);
    const columns = new Set<number>();
    for (const row of rows) {
      let column = 0;
      for (const cell of row.cells) {
        const properties = wChild(cell, 'tcPr');
        const merge = properties ? wChild(properties, 'vMerge') : null;
        const continues = merge !== null && (wAttribute(merge, 'val') ?? 'continue') === 'continue';
        const span = Number.parseInt((properties && wChild(properties, 'gridSpan') && wAttribute(wChild(properties, 'gridSpan')!, 'val')) || '1', 10) || 1;
        if (regular && continues && columns.has(column)) {
          column += span;
          continue;
        }
        columns.add(column);
        this.blocks(children(cell), fallback);
        column += span;
      }
    }
  }
}

/** A table's rows (inside content controls and custom XML too) and each row's cells. */
function tableRows(table: Element): { cells: Element[]; regular: boolean }[] {
  const rows: { cells: Element[]; regular: boolean }[] = [];
  let stray = false;
  const visit = (nodes: Iterable<Node>) => {
    for (const node of nodes) {
      if (node.nodeType !== 1) continue;
      const element = node as Element;
      if (isW(element, 'tr')) {
        const properties = wChild(element, 'trPr');
        if (properties && wChild(properties, 'del')) continue;
        const cells: Element[] = [];
        let regular = true;
        const visitCells = (inner: Iterable<Node>) => {
          for (const child of inner) {
            if (child.nodeType !== 1) continue;
            if (isW(child, 'tc')) cells.push(child as Element);
            else if (isW(child, 'sdt')) visitCells(children(wChild(child as Element, 'sdtContent')));
            else if (isW(child, 'customXml')) visitCells(children(child as Element));
            else if (isW(child, 'bookmarkStart') && wAttribute(child as Element, 'name') !== '_GoBack') regular = false;
          }
        };
        visitCells(children(element));
        rows.push({ cells, regular });
      } else if (isW(element, 'sdt')) visit(children(wChild(element, 'sdtContent')));
      else if (isW(element, 'customXml')) visit(children(element));
      else if (isW(element, 'bookmarkStart') && wAttribute(element, 'name') !== '_GoBack') stray = true;
    }
  };
  visit(children(table));
  if (stray) for (const row of rows) row.regular = false;
  return rows;
}

function children(element: Element | null): Node[] {
  const list: Node[] = [];
  for (let child = element?.firstChild; child; child = child.nextSibling) list.push(child);
  return list;
}

function fallbackChildren(alternate: Element): Node[] {
  for (let child = alternate.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1 && (child as Element).namespaceURI === MC_NS && (child as Element).localName === 'Fallback') return children(child as Element);
  return [];
}

/** The paragraphs of a parsed main document part, each with where its text comes from. */
export function mapDocumentParagraphs(document: Document): MappedParagraph[] {
  const root = document.documentElement;
  const body = root ? wChild(root, 'body') : null;
  if (!body) return [];
  const walk = new Walk();
  walk.blocks(children(body), false);
  return walk.paragraphs;
}

/**
 * Pairs the extracted paragraphs (the document's lines) with the walked ones by their text, in order:
 * result[i] is the walked paragraph of line i + 1, or null when none has exactly its text (then nothing is
 * anchored in that line). Lines the reader may add that the body walk does not see (notes, headers) are
 * passed over, and so are walked paragraphs without a line.
 */
export function alignParagraphs(lines: readonly string[], walked: readonly MappedParagraph[]): (MappedParagraph | null)[] {
  const result: (MappedParagraph | null)[] = new Array(lines.length).fill(null);
  // Where each text occurs among the walked paragraphs, to find the next match without a quadratic scan.
  const positions = new Map<string, number[]>();
  walked.forEach((paragraph, index) => {
    const list = positions.get(paragraph.text);
    if (list) list.push(index);
    else positions.set(paragraph.text, [index]);
  });
  let next = 0;
  for (const [i, line] of lines.entries()) {
    const candidates = positions.get(line);
    if (!candidates) continue;
    const found = candidates.find((index) => index >= next);
    if (found === undefined) continue;
    result[i] = walked[found]!;
    next = found + 1;
  }
  return result;
}
