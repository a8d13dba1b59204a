/**
 * PDF → DecodedText, with Mozilla's PDF.js (pdfjs-dist, legacy build for Node) reading the text layer.
 *
 * PDF.js gives positioned text runs, not lines. This module
 * - groups runs into lines by baseline (a smaller raised run, a superscript, stays on its line), CJK runs
 *   joined without spaces, Latin words and digits keeping theirs (judged by the gap between runs);
 * - reads columns in reading order: where a page's lines leave a vertical gutter free, the left column is
 *   read before the right one, band by band between full-width lines (titles);
 * - marks running page headers and footers (the same line, digits aside, at the same height on many pages)
 *   and page numbers as boilerplate;
 * - joins the lines wrapped inside a paragraph in `text` (the text later stages read), leaving `original`
 *   one PDF line per line, so a location's line is the line a reader counts on the page.
 *
 * `original` is the pages' lines, each page ended by a form feed (as pdftotext writes them); the offset map
 * counts lines within a page and puts the page in every Location (src/normalize/offset-map.ts).
 * A paragraph running onto the next page is joined across the page break; the running lines between its two
 * halves are moved to after it in `text` (their locations stay where they are), so they neither split the
 * sentence nor get lost.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Boilerplate, DecodedText } from '../model.js';
import { pdfTables } from './pdf-tables.js';
import { JoinedLines, originalLines } from './pdf-text.js';
import { SkipFile } from './skip-file.js';
import { DocumentTooLarge, UnreadableInput } from './unreadable.js';

/** A positioned run of text on a page (PDF points, y upwards). */
interface Run {
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
}

/** A line of a page: its runs joined. */
export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Which column of the page (0 when it has one); lines of different columns never join. */
  column: number;
  /** Left and right edges of the column's text (for paragraph joining). */
  left: number;
  right: number;
  /** Width of the line's first unbreakable stretch (a figure and the punctuation stuck to it), estimated. */
  lead: number;
  /** Where each run of the line stands on the page and in `text` ([from, to)): table cells are found from them (./pdf-tables.ts). */
  places: RunPlace[];
  /** Set on the lines of a table (./pdf-tables.ts): each is a row of its own, never joined to the next. */
  table?: boolean;
  /** Set for running headers, footers and page numbers. */
  boilerplate?: 'pdf-running-header' | 'pdf-running-footer' | 'pdf-page-number';
}

/** A run of a line: its x-extent and size on the page, its [from, to) in the line's text. */
export interface RunPlace {
  x0: number;
  x1: number;
  size: number;
  from: number;
  to: number;
}

export interface PdfPage {
  /** In reading order. */
  lines: PdfLine[];
  height: number;
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<Pdfjs> | undefined;

/**
 * PDF.js, loaded on first use (~100 ms, which a run without PDFs should not pay), with its worker module in this
 * thread (PDF.js's "fake worker", found on globalThis.pdfjsWorker: one PDF at a time needs no thread of its own).
 *
 * The legacy build carries core-js polyfills. The ones it adds (Promise.withResolvers, the Set methods, Uint8Array's
 * base64) are what PDF.js needs on Node 20 and stay; but it also replaces built-ins Node already has with
 * JavaScript versions, which would slow down everything the process does afterwards (Array.prototype.push several
 * times over, in every stage of every document): those are put back as Node has them.
 */
function loadPdfjs(): Promise<Pdfjs> {
  return (loading ??= (async () => {
    const natives: [object, PropertyKey][] = [
      [Array.prototype, 'push'],
      [JSON, 'parse'],
      [JSON, 'stringify'],
    ];
    const saved = natives.map(([owner, key]) => Object.getOwnPropertyDescriptor(owner, key)!);
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return pdfjs;
    } finally {
      natives.forEach(([owner, key], k) => Object.defineProperty(owner, key, saved[k]!));
    }
  })());
}

/** Where pdfjs-dist lies, for its character maps (CJK CID fonts) and standard fonts. */
function pdfjsDirectory(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/**
 * The pages of a PDF as lines in reading order.
 * @throws UnreadableInput for an encrypted or corrupt PDF; DocumentTooLarge past `limit` characters of text
 */
export async function pdfPages(bytes: Uint8Array, path: string, limit: number): Promise<PdfPage[]> {
  const pdfjs = await loadPdfjs();
  const root = pdfjsDirectory();
  // PDF.js transfers (detaches) the buffer it is given: a copy keeps the caller's bytes intact.
  const data = new Uint8Array(bytes);
  const task = pdfjs.getDocument({
    data,
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string } | null)?.name;
    if (name === 'PasswordException') {
      throw new UnreadableInput(path, 'encrypted PDF: it needs a password to open, so its text cannot be read (save an unprotected copy)');
    }
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    throw new UnreadableInput(path, `not a readable PDF file (${message})`);
  }
  try {
    const pages: PdfPage[] = [];
    let characters = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const [, yMin, , yMax] = page.view as number[];
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        // Horizontal text only: rotated runs are watermarks, stamps and margin notes, not the report's prose.
        if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!) || a! <= 0) continue;
        const size = Math.abs(d!) || item.height || 1;
        runs.push({ text: item.str, x0: e!, x1: e! + item.width, y: f!, size });
        characters += item.str.length;
      }
      if (characters > limit) throw new DocumentTooLarge(path, `its text (over ${characters} characters by page ${number})`, limit);
      pages.push({ lines: pageLines(runs), height: (yMax ?? 0) - (yMin ?? 0) });
      page.cleanup();
    }
    return pages;
  } catch (error) {
    if (error instanceof UnreadableInput) throw error;
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    throw new UnreadableInput(path, `not a readable PDF file (${message})`);
  } finally {
    await document.destroy();
  }
}

/** Wide characters: CJK ideographs, kana, CJK and full-width punctuation, and the quotes and dashes Chinese text uses. */
function isWide(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x2010 && c <= 0x203a) ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}

/** What goes between two runs of a line: nothing between CJK, a space between Latin words, a space at a wide gap. */
function separator(before: Run, after: Run): string {
  const left = before.text.charCodeAt(before.text.length - 1);
  const right = after.text.charCodeAt(0);
  if (left === 32 || right === 32) return '';
  const gap = after.x0 - before.x1;
  const em = Math.max(before.size, after.size);
  if (isWide(left) || isWide(right)) {
    // CJK takes no spaces, even letter-spaced across a justified line; a gap of several ems is a tab stop or
    // a table cell, kept so two cells stay apart.
    return gap >= 2.5 * em ? ' ' : '';
  }
  // Latin words and digits: a space where the gap is one (two cells' figures never merge either).
  return gap > 0.15 * em ? ' ' : '';
}

/** Joins a line's runs (sorted by x); whitespace-only runs are re-decided by the gaps around them. */
function joinRuns(runs: Run[]): { text: string; places: RunPlace[] } {
  // Spaces beside a CJK character go: PDF.js writes a space wherever glyphs stand apart, which in Chinese is
  // letter-spacing (a justified line, LibreOffice's CJK–Latin spacing), never a word break.
  const solid = runs.map((run) => ({ ...run, text: run.text.replace(WIDE_SPACE, '').trim() })).filter((run) => run.text !== '');
  let text = '';
  const places: RunPlace[] = [];
  for (let k = 0; k < solid.length; k++) {
    if (k > 0) text += separator(solid[k - 1]!, solid[k]!);
    const run = solid[k]!;
    places.push({ x0: run.x0, x1: run.x1, size: run.size, from: text.length, to: text.length + run.text.length });
    text += run.text;
  }
  return { text, places };
}

/** Whitespace with a wide character on either side. */
const WIDE_SPACE = /(?<=[\u2010-\u203a\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ud800-\udfff])[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?=[\u2010-\u203a\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ud800-\udfff])/g;

/** Rows: runs whose vertical extents overlap, the largest run's baseline naming the row; sorted top down. */
function rows(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x0 - q.x0);
  const result: { base: Run; runs: Run[] }[] = [];
  for (const run of sorted) {
    // Compared with the last few rows: a superscript sits a little above its row's baseline.
    let home: { base: Run; runs: Run[] } | undefined;
    for (let k = result.length - 1; k >= Math.max(0, result.length - 3); k--) {
      const row = result[k]!;
      if (sameRow(row.base, run)) {
        home = row;
        break;
      }
    }
    if (home) {
      home.runs.push(run);
      if (run.size > home.base.size) home.base = run;
    } else result.push({ base: run, runs: [run] });
  }
  for (const row of result) row.runs.sort((p, q) => p.x0 - q.x0);
  return result.sort((p, q) => q.base.y - p.base.y).map((row) => row.runs);
}

/** Whether a run belongs to the row of `base`: same baseline, or a smaller run within its height (a superscript or subscript). */
function sameRow(base: Run, run: Run): boolean {
  const small = Math.min(base.size, run.size);
  if (Math.abs(base.y - run.y) <= 0.3 * small) return true;
  if (run.size < 0.85 * base.size) return run.y > base.y - 0.35 * base.size && run.y + run.size < base.y + 1.2 * base.size;
  if (base.size < 0.85 * run.size) return base.y > run.y - 0.35 * run.size && base.y + base.size < run.y + 1.2 * run.size;
  return false;
}

/** A row cut at wide gaps: the pieces a column gutter may separate. */
interface Piece {
  runs: Run[];
  x0: number;
  x1: number;
  row: number;
}

function pieces(row: Run[], index: number): Piece[] {
  const result: Piece[] = [];
  for (const run of row) {
    const last = result[result.length - 1];
    if (last && run.x0 - last.x1 < 1.5 * Math.max(run.size, last.runs[last.runs.length - 1]!.size)) {
      last.runs.push(run);
      last.x1 = Math.max(last.x1, run.x1);
    } else result.push({ runs: [run], x0: run.x0, x1: run.x1, row: index });
  }
  return result;
}

/**
 * The x of a column gutter among pieces: a vertical strip at least an em wide in the middle of the text that
 * no more than a few pieces cross, with prose (pieces of several ems) on both sides of it. Null when none:
 * a single column, or a table (short cells) whose columns are not text columns.
 */
function gutter(all: Piece[]): { from: number; to: number } | null {
  if (all.length < 8) return null;
  const left = Math.min(...all.map((p) => p.x0));
  const right = Math.max(...all.map((p) => p.x1));
  const width = right - left;
  if (width <= 0) return null;
  const em = median(all.map((p) => p.runs[0]!.size));
  const step = 1;
  const cover = new Int32Array(Math.ceil(width / step) + 1);
  for (const p of all) for (let x = Math.floor((p.x0 - left) / step); x < Math.ceil((p.x1 - left) / step); x++) cover[x]!++;
  const crossing = Math.max(1, Math.floor(all.length * 0.05));
  let best: { from: number; to: number } | null = null;
  let start = -1;
  for (let x = Math.floor(width * 0.25); x <= Math.ceil(width * 0.75) + 1; x++) {
    const free = x <= Math.ceil(width * 0.75) && cover[x]! <= crossing;
    if (free && start < 0) start = x;
    if (!free && start >= 0) {
      if ((x - start) * step >= em && (!best || x - start > best.to - best.from)) best = { from: start, to: x };
      start = -1;
    }
  }
  if (!best) return null;
  const from = left + best.from * step;
  const to = left + best.to * step;
  const leftSide = all.filter((p) => p.x1 <= from + 1);
  const rightSide = all.filter((p) => p.x0 >= to - 1);
  const prose = (side: Piece[]) => side.length >= 4 && median(side.map((p) => p.x1 - p.x0)) >= 8 * em;
  return prose(leftSide) && prose(rightSide) ? { from, to } : null;
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** A page's runs as lines in reading order. */
export function pageLines(runs: Run[]): PdfLine[] {
  const grid = rows(runs);
  const all = grid.flatMap((row, index) => pieces(row, index));
  const split = gutter(all);
  const lines: PdfLine[] = [];
  const line = (runsOfLine: Run[], column: number): PdfLine | null => {
    const { text, places } = joinRuns(runsOfLine);
    if (text === '') return null;
    const size = Math.max(...runsOfLine.map((run) => run.size));
    const base = runsOfLine.find((run) => run.size === size)!;
    const x0 = Math.min(...runsOfLine.map((run) => run.x0));
    return { text, x0, x1: Math.max(...runsOfLine.map((run) => run.x1)), y: base.y, size, column, left: 0, right: 0, lead: leadWidth(text, size), places };
  };
  if (!split) {
    for (const row of grid) {
      const made = line(row, 0);
      if (made) lines.push(made);
    }
    setEdges(lines);
    return lines;
  }
  // Bands between full-width pieces (titles, a table across the page): in each, left column then right.
  let band: Piece[] = [];
  const flush = () => {
    for (const column of [0, 1]) {
      const side = band.filter((p) => (column === 0 ? p.x1 <= split.from + 1 : p.x0 >= split.to - 1));
      const byRow = new Map<number, Run[]>();
      for (const p of side) byRow.set(p.row, [...(byRow.get(p.row) ?? []), ...p.runs]);
      const made = [...byRow.keys()].sort((a, b) => a - b).map((row) => line(byRow.get(row)!, column + 1)).filter((l): l is PdfLine => l !== null);
      setEdges(made);
      lines.push(...made);
    }
    band = [];
  };
  for (let index = 0; index < grid.length; index++) {
    const rowPieces = all.filter((p) => p.row === index);
    const across = rowPieces.filter((p) => p.x0 < split.to - 1 && p.x1 > split.from + 1);
    if (across.length) {
      flush();
      const made = line(grid[index]!, 0);
      if (made) {
        setEdges([made]);
        lines.push(made);
      }
    } else band.push(...rowPieces);
  }
  flush();
  return lines;
}

/** The left and right edges of a column's text: the usual start and the usual full-line end, robust to a stray wide line. */
function setEdges(lines: PdfLine[]): void {
  if (!lines.length) return;
  const lefts = lines.map((l) => l.x0).sort((a, b) => a - b);
  const rights = lines.map((l) => l.x1).sort((a, b) => a - b);
  const left = lefts[Math.floor(lefts.length * 0.1)]!;
  const right = rights[Math.min(rights.length - 1, Math.floor(rights.length * 0.8))]!;
  for (const l of lines) {
    l.left = left;
    l.right = right;
  }
}

/**
 * Figures or Latin words with the punctuation that may not start a line after them: a stretch word processors
 * do not break (`23.1％、62.5％、45.5％。` is set as one).
 */
const UNBREAKABLE_START = /^(?:[0-9A-Za-z.．%％‰+\-/]+[，。、；：！？”’）)%％,.;:!?]*)+/u;

/** Estimated width of a line's unbreakable start: Latin characters and digits 0.6 em, wide ones an em. */
function leadWidth(text: string, size: number): number {
  const lead = UNBREAKABLE_START.exec(text)?.[0] ?? '';
  let width = 0;
  for (const c of lead) width += isWide(c.charCodeAt(0)) ? size : 0.6 * size;
  return width;
}

/** A page number as printed: `3`, `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 20 页`, `3 / 20`, `Page 3 of 20`. */
const PAGE_NUMBER = /^(?:[-—–－_·•]\s*)?(?:第\s*)?(?:page\s*)?[(（]?\s*\d{1,4}\s*[)）]?(?:\s*页)?(?:\s*(?:\/|of|共)\s*\d{1,4}\s*页?)?(?:\s*[-—–－_·•])?$/i;

/** Marks running headers and footers and page numbers: the first and last lines of pages, judged across pages. */
export function markRunning(pages: PdfPage[]): void {
  const key = (line: PdfLine) => line.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const candidates = (page: PdfPage) => {
    const byHeight = [...page.lines].sort((a, b) => b.y - a.y);
    return { top: byHeight.slice(0, 2), bottom: byHeight.slice(-2) };
  };
  const counts = new Map<string, number>();
  const texted = pages.filter((page) => page.lines.length > 0);
  for (const page of texted) {
    const { top, bottom } = candidates(page);
    const seen = new Set<string>();
    for (const [where, line] of [...top.map((l) => ['top', l] as const), ...bottom.map((l) => ['bottom', l] as const)]) {
      const id = `${where}\u0000${key(line)}\u0000${Math.round(line.y / 6)}`;
      if (!seen.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
      seen.add(id);
    }
  }
  // Running: on at least 3 pages and a third of them (two of a two-page document).
  const needed = texted.length <= 2 ? 2 : Math.max(3, Math.ceil(texted.length / 3));
  for (const page of texted) {
    const { top, bottom } = candidates(page);
    const highest = top[0]!;
    const lowest = bottom[bottom.length - 1]!;
    for (const [where, line] of [...top.map((l) => ['top', l] as const), ...bottom.map((l) => ['bottom', l] as const)]) {
      if (line.boilerplate) continue;
      // Tested at the neighbouring rounding too: a height of 47.9 and one of 48.1 are the same place.
      const at = [Math.round(line.y / 6), Math.round((line.y + 3) / 6), Math.round((line.y - 3) / 6)];
      const running = at.some((y) => (counts.get(`${where}\u0000${key(line)}\u0000${y}`) ?? 0) >= needed);
      const extreme = line === highest || line === lowest;
      if (PAGE_NUMBER.test(line.text) && (running || (extreme && standsApart(page, line)))) line.boilerplate = 'pdf-page-number';
      else if (running && standsApart(page, line)) line.boilerplate = where === 'top' ? 'pdf-running-header' : 'pdf-running-footer';
    }
  }
}

/** Whether a line stands apart from the page's body: a wider gap to its nearest line than the body's line pitch, or a smaller size. */
function standsApart(page: PdfPage, line: PdfLine): boolean {
  const others = page.lines.filter((l) => l !== line);
  if (!others.length) return true;
  const nearest = Math.min(...others.map((l) => Math.abs(l.y - line.y)));
  const body = median(others.map((l) => l.size));
  return nearest > 1.6 * body || line.size < 0.8 * body;
}

/**
 * Column edges again, now that running lines are known: without them (a header wider than the text, a page
 * number), and on a page with few lines (the last page of a chapter) taken from a fuller column of another page
 * that starts at the same place.
 */
export function refineEdges(pages: PdfPage[]): void {
  const groups: PdfLine[][] = [];
  for (const page of pages) {
    const byColumn = new Map<number, PdfLine[]>();
    for (const line of page.lines) if (!line.boilerplate) byColumn.set(line.column, [...(byColumn.get(line.column) ?? []), line]);
    groups.push(...byColumn.values());
  }
  for (const group of groups) setEdges(group);
  const full = groups.filter((group) => group.length >= 8).map((group) => ({ left: group[0]!.left, right: group[0]!.right, size: median(group.map((l) => l.size)) }));
  for (const group of groups) {
    if (group.length >= 8) continue;
    const left = Math.min(...group.map((l) => l.x0));
    const match = full.find((edges) => Math.abs(edges.left - left) < edges.size);
    if (match) for (const line of group) [line.left, line.right] = [match.left, match.right];
  }
}

/** Whether line `b` continues the paragraph of line `a` (wrapped, not a new paragraph). */
function continues(a: PdfLine, b: PdfLine, acrossPage: boolean): boolean {
  // A paragraph goes on from the foot of a column to the top of the next one, or of the next page.
  if (a.table || b.table) return false;
  const acrossColumn = !acrossPage && a.column > 0 && b.column === a.column + 1;
  if (a.column !== b.column && !acrossPage && !acrossColumn) return false;
  const em = Math.max(a.size, b.size);
  if (Math.abs(a.size - b.size) > 0.15 * em) return false;
  // `a` runs to the column's right edge, or stops short only because `b`'s first figure would not have fitted
  // after it; `b` starts at its left edge (a first line is indented or set apart).
  if (a.x1 < a.right - 1.5 * em && !(b.lead > 0 && a.x1 + b.lead > a.right - 0.25 * em && !/[。！？：；]$/u.test(a.text))) return false;
  if (b.x0 > b.left + 0.5 * em) return false;
  if (!acrossPage && !acrossColumn && (a.y - b.y > 2.5 * em || a.y <= b.y)) return false;
  return true;
}

/**
 * The DecodedText of a PDF's pages: `original` one line per line, pages ended by form feeds; `text` with the
 * lines wrapped inside a paragraph joined (nothing between CJK, a space between Latin words).
 */
export function pdfText(path: string, pages: PdfPage[]): DecodedText {
  const { original, starts } = originalLines(pages);
  const boilerplate: Boilerplate[] = [];
  const joined = new JoinedLines(pages, starts);
  // the last body line (page, index), or -1 before the first
  let previousP = -1;
  let previousK = -1;
  for (let p = 0; p < pages.length; p++) {
    const lines = pages[p]!.lines;
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k]!;
      if (line.boilerplate) {
        boilerplate.push({ start: starts[p]![k]!, end: starts[p]![k]! + line.text.length, pattern: line.boilerplate });
        joined.defer(p, k);
        continue;
      }
      if (previousP >= 0) {
        const before = pages[previousP]!.lines[previousK]!;
        if (continues(before, line, previousP !== p)) joined.joinWrapped(previousP, previousK, before, line);
        else joined.breakParagraph(previousP, previousK);
      } else if (joined.hasDeferred) joined.leadRunning();
      joined.emitLine(p, k);
      previousP = p;
      previousK = k;
    }
  }
  joined.closeRunning(previousP, previousK);
  const { text, textOffsets } = joined.finish(original.length);
  return {
    path,
    format: 'pdf',
    encoding: 'pdf',
    original,
    text,
    textOffsets,
    boilerplate,
  };
}

/**
 * Reads a PDF. A PDF whose pages carry no text (a scan) is skipped with a warning (SkipFile): there is nothing
 * figcheck can check until it has been through OCR.
 */
export async function decodePdf(bytes: Uint8Array, path: string, limit: number): Promise<DecodedText> {
  if (bytes.length === 0) throw new SkipFile(path, 'empty file');
  // Every PDF starts with `%PDF-` (readers allow it within the first kilobyte).
  if (!Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-')) {
    throw new UnreadableInput(path, 'not a PDF file (no %PDF- header)');
  }
  const pages = await pdfPages(bytes, path, limit);
  if (!pages.some((page) => page.lines.length > 0)) {
    throw new SkipFile(path, `PDF without a text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images only, e.g. a scan): run OCR on it first`);
  }
  markRunning(pages);
  refineEdges(pages);
  const tables = pdfTables(pages);
  const decoded = pdfText(path, pages);
  if (tables.length) decoded.tables = tables;
  return decoded;
}
