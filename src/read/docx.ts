/**
 * Word .docx → its paragraphs, in reading order. mammoth reads the package (zip, XML, styles, numbering);
 * this module walks the document mammoth builds and writes each paragraph as one line.
 *
 * Why not `mammoth.extractRawText`: it drops manual line breaks (`<w:br/>`) without a trace, which glues
 * `来源：江西省人民政府` to `2025年1月17日…` (a real case in the corpus) and could glue two numbers into one.
 * Instead the document tree is taken through mammoth's documented `transformDocument` hook.
 *
 * A manual line, page or column break inside a paragraph becomes U+2028 LINE SEPARATOR: a line break within a
 * paragraph, which keeps "one paragraph per line" (a location's line is the paragraph number, as Word users
 * count them) while still separating the text on either side.
 */

import type JSZip from 'jszip';
import type { InflatedDocx } from './docx-size.js';

/** What inside-paragraph breaks become. */
export const DOCX_LINE_BREAK = '\u2028';

/** The part of mammoth's document element the walk reads (mammoth does not export these types). */
export interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
  /** Runs: `superscript`, `subscript` or `baseline`. */
  verticalAlignment?: string;
  /** Table cells: merged cells as mammoth reads them (`w:gridSpan`, `w:vMerge` already folded into rowSpan). */
  colSpan?: number;
  rowSpan?: number;
  /** The document: its footnotes and endnotes (mammoth's Notes, keyed by type and id). */
  notes?: { _notes?: Record<string, { body?: DocxElement[] }> };
}

/** What a .docx holds besides its body paragraphs: the grid of each table, and the running headers and footers. */
export interface DocxContent {
  /** One string per line: the body's paragraphs, then footnotes and endnotes, then headers and footers. */
  paragraphs: string[];
  /** Each `w:tbl`: its cells as ranges of paragraph lines (first, last), in reading order. */
  tables: DocxTable[];
  /** Lines (0-based) that are running headers and footers: boilerplate. */
  boilerplateLines: number[];
}

export interface DocxTable {
  cells: { row: number; column: number; rowSpan: number; columnSpan: number; firstLine: number; lastLine: number }[];
}

/**
 * The paragraphs of a .docx, one string per paragraph (table cells and list items are paragraphs too).
 * @throws whatever mammoth or its zip reader throw for a file that is not a Word document
 */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  return (await readDocx(bytes)).paragraphs;
}

/**
 * The lines of a .docx and where its tables sit among them. The body comes first, in reading order, so its
 * lines (and every location in it) are the paragraph numbers Word users count; footnotes and endnotes follow
 * it, then the running headers and footers (read with jszip, which mammoth does not read), marked as
 * boilerplate: they repeat on every page.
 * @throws whatever mammoth or its zip reader throw for a file that is not a Word document
 */
export async function readDocx(bytes: Uint8Array, inflated?: InflatedDocx): Promise<DocxContent> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A plain document's tree, read the fast way (./docx-plain.ts); any other, an unreadable zip, or any trouble on
  // the fast way: mammoth's.
  // (loaded on first use, like mammoth: a run without .docx files loads neither jszip nor htmlparser2)
  const [{ default: JSZip }, { plainDocument }] = await Promise.all([import('jszip'), import('./docx-plain.js')]);
  // (the size check's archive and inflated parts when it ran: ./docx-size.ts)
  const parts = inflated?.parts;
  const zip = inflated?.zip ?? (await JSZip.loadAsync(buffer).catch(() => undefined));
  const root = (zip && (await plainDocument(zip, parts).catch(() => null))) || (await mammothDocument(buffer));
  const walk = new DocxWalk();
  walk.collect(root, null);
  for (const note of Object.values(root.notes?._notes ?? {})) for (const child of note.body ?? []) walk.collect(child, null);
  const boilerplateLines: number[] = [];
  for (const line of await runningLines(zip ?? (await JSZip.loadAsync(buffer)), parts)) {
    boilerplateLines.push(walk.paragraphs.length);
    walk.paragraphs.push(line);
  }
  return { paragraphs: walk.paragraphs, tables: walk.tables, boilerplateLines };
}

/** mammoth's document tree of a .docx. */
export async function mammothDocument(buffer: Buffer): Promise<DocxElement> {
  let root: DocxElement | undefined;
  // Loaded on first use: mammoth takes ~30 ms to load, which a run without .docx files should not pay.
  const { default: mammoth } = await import('mammoth');
  await mammoth.convertToHtml(
    { buffer },
    {
      transformDocument: (document: DocxElement) => {
        root = document;
        // Nothing left to render: HTML conversion is work whose result would be thrown away.
        return { ...document, children: [] };
      },
    },
  );
  if (!root) throw new Error('no document body');
  return root;
}

/** Superscript and subscript forms of what a raised or lowered run usually holds (digits, signs, parentheses). */
const SUPERSCRIPT: Record<string, string> = Object.fromEntries([...'0123456789+-=()n'].map((c, i) => [c, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ'[i]!]));
const SUBSCRIPT: Record<string, string> = Object.fromEntries([...'0123456789+-=()'].map((c, i) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎'[i]!]));

/**
 * A raised or lowered run's text in superscript or subscript characters, so `10` + raised `18` reads
 * `10¹⁸`, never `1018`, and a footnote marker is no digit of the figure before it. One UTF-16 unit for one:
 * locations do not move.
 */
function shifted(text: string, alignment: string | undefined): string {
  const table = alignment === 'superscript' ? SUPERSCRIPT : alignment === 'subscript' ? SUBSCRIPT : null;
  if (!table) return text;
  let out = '';
  for (const c of text) out += table[c] ?? c;
  return out;
}

/** The depth-first walk over mammoth's document: paragraphs as lines, tables as grids of those lines. */
class DocxWalk {
  readonly paragraphs: string[] = [];
  readonly tables: DocxTable[] = [];
  private alignment: string | undefined;

  /** `line` collects the text of the innermost open paragraph. */
  collect(element: DocxElement, line: string[] | null): void {
    switch (element.type) {
      case 'text':
        if (element.value) (line ?? this.paragraphs).push(shifted(element.value, this.alignment));
        return;
      case 'tab':
        line?.push('\t');
        return;
      case 'break':
        line?.push(DOCX_LINE_BREAK);
        return;
      case 'run': {
        const outer = this.alignment;
        if (element.verticalAlignment && element.verticalAlignment !== 'baseline') this.alignment = element.verticalAlignment;
        for (const child of element.children ?? []) this.collect(child, line);
        this.alignment = outer;
        return;
      }
      case 'paragraph': {
        const own: string[] = [];
        for (const child of element.children ?? []) this.collect(child, own);
        // A line feed inside a text run (rare; Word shows it as a space) must not split the paragraph.
        this.paragraphs.push(own.join('').replace(/[\r\n]/g, ' '));
        return;
      }
      case 'table':
        this.table(element, line);
        return;
      default:
        for (const child of element.children ?? []) this.collect(child, line);
    }
  }

  /** A table's rows and cells placed on a grid (a merged cell takes the places it covers), each cell's lines noted. */
  private table(element: DocxElement, line: string[] | null): void {
    const table: DocxTable = { cells: [] };
    this.tables.push(table);
    /** Columns still covered by a cell merged down from a row above: column → last row it covers. */
    const coveredUntil: number[] = [];
    let row = 0;
    for (const child of element.children ?? []) {
      if (child.type !== 'tableRow') {
        this.collect(child, line);
        continue;
      }
      let column = 0;
      for (const cell of child.children ?? []) {
        if (cell.type !== 'tableCell') {
          this.collect(cell, line);
          continue;
        }
        while ((coveredUntil[column] ?? -1) >= row) column++;
        const rowSpan = Math.max(1, cell.rowSpan ?? 1);
        const columnSpan = Math.max(1, cell.colSpan ?? 1);
        const firstLine = this.paragraphs.length;
        for (const content of cell.children ?? []) this.collect(content, line);
        table.cells.push({ row, column, rowSpan, columnSpan, firstLine, lastLine: this.paragraphs.length - 1 });
        for (let c = column; c < column + columnSpan; c++) coveredUntil[c] = row + rowSpan - 1;
        column += columnSpan;
      }
      row++;
    }
  }
}

/**
 * The text of the running headers and footers (word/header*.xml, word/footer*.xml), one line per paragraph,
 * each distinct line with words once (page numbers are left out). Read with jszip and htmlparser2's XML mode (a real XML tokenizer): mammoth leaves
 * these parts out.
 */
async function runningLines(zip: JSZip, inflated?: ReadonlyMap<string, Buffer>): Promise<string[]> {
  const { parseDocument, DomUtils } = await import('htmlparser2');
  const parts = Object.keys(zip.files)
    .filter((name) => /^word\/(?:header|footer)\d*\.xml$/.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const lines = new Set<string>();
  for (const name of parts) {
    // (jszip's 'string' is the bytes' Buffer#toString: the same text from the size check's bytes)
    const xml = inflated?.get(name)?.toString('utf-8') ?? (await zip.file(name)!.async('string'));
    const dom = parseDocument(xml, { xmlMode: true });
    for (const paragraph of DomUtils.getElementsByTagName('w:p', dom.children, true)) {
      let text = '';
      for (const node of DomUtils.getElementsByTagName((tag) => tag === 'w:t' || tag === 'w:tab', paragraph.children, true)) {
        text += node.name === 'w:tab' ? '\t' : DomUtils.textContent(node);
      }
      text = text.replace(/[\r\n]/g, ' ');
      // A page number (`11`, `- 2 -`, `第 3 页`) is layout, not text: only lines with words are kept.
      if (/[\p{L}]/u.test(text.replace(/[第页共]/gu, ''))) lines.add(text);
    }
  }
  return [...lines];
}
