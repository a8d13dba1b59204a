/**
 * Tables in a PDF's text layer, where the layout makes a grid plain: consecutive lines whose pieces fall into
 * the same column positions (three or more), most of them numbers, are a table's body rows; the short lines just
 * above them whose words sit over those columns are its header rows. Each cell becomes a TableCell in original
 * offsets, handed to the table stage (src/tables/) as the .docx and HTML readers hand theirs.
 *
 * Precision first: prose never makes a table. A body row needs at least two numbers and at most two words
 * besides (the row header and one unit column), and a block needs two such rows whose pieces line up in the same
 * columns, separated by gaps no prose has; a header line stops at anything reaching across the row-header column
 * into the values (a caption, a title) and at anything long.
 *
 * PDF.js gives text runs, and a run may hold several cells (`1156.63 1103.17`) or a header over two columns
 * (`冰川条数冰川面积`): characters get x positions estimated within their run (wide characters an em, others
 * half of one, scaled to the run's width), and cells are cut at spaces, at gaps and at column boundaries.
 */
import type { TableCell, TableGrid } from '../model.js';
import type { PdfLine, PdfPage } from './pdf.js';

// Layout constants (ems of the line's type size): how a grid looks on a page, not knowledge of any language.
/** A gap between two pieces of a line this wide (or a space) separates cells. */
const CELL_GAP = 0.3;
/** Body rows further apart than this (baseline to baseline) are not one table. */
const MAX_ROW_PITCH = 4;
/** Header lines above the body, at most. */
const MAX_HEADER_LINES = 5;
/** A cell longer than this is prose. */
const MAX_CELL_CHARS = 30;
/** Fewest body rows, fewest columns (row-header column included). */
const MIN_ROWS = 2;
const MIN_COLUMNS = 3;

/** A number as a table cell writes it, or a placeholder for none. */
const NUMERIC = /^(?:[+\-−–]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[%‰]?\**|[…—–\-－/×]{1,3})$/u;

interface Char {
  c: string;
  /** Index in the line's text. */
  at: number;
  x0: number;
  x1: number;
}

interface Token {
  from: number;
  to: number;
  x0: number;
  x1: number;
  text: string;
}

const isWide = (c: string) => /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2010-\u203a]/u.test(c);

/** The line's characters with estimated x extents (spaces the separator added have none and are left out). */
function charsOf(line: PdfLine): Char[] {
  const chars: Char[] = [];
  for (const place of line.places) {
    const text = line.text.slice(place.from, place.to);
    const weights = [...text].map((c) => (isWide(c) ? 1 : 0.5));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const scale = (place.x1 - place.x0) / total;
    let x = place.x0;
    let at = place.from;
    [...text].forEach((c, k) => {
      const w = weights[k]! * scale;
      chars.push({ c, at, x0: x, x1: x + w });
      x += w;
      at += c.length;
    });
  }
  return chars;
}

/** A line cut into pieces at spaces and at gaps of CELL_GAP ems. */
function tokensOf(line: PdfLine): Token[] {
  const chars = charsOf(line);
  const tokens: Token[] = [];
  let current: Char[] = [];
  const flush = () => {
    if (current.length) {
      const first = current[0]!;
      const last = current[current.length - 1]!;
      tokens.push({ from: first.at, to: last.at + last.c.length, x0: first.x0, x1: last.x1, text: line.text.slice(first.at, last.at + last.c.length) });
    }
    current = [];
  };
  for (const ch of chars) {
    if (/\s/u.test(ch.c)) {
      flush();
      continue;
    }
    const previous = current[current.length - 1];
    if (previous && ch.x0 - previous.x1 >= CELL_GAP * line.size) flush();
    current.push(ch);
  }
  flush();
  return tokens;
}

const isNumeric = (text: string) => NUMERIC.test(text);

/** Whether a line reads as a table's body row: numbers, with at most a row header and one other word. */
function bodyTokens(line: PdfLine): Token[] | null {
  if (line.boilerplate) return null;
  const tokens = tokensOf(line);
  if (tokens.length < MIN_COLUMNS) return null;
  const numbers = tokens.filter((t) => isNumeric(t.text)).length;
  if (numbers < 2 || numbers < tokens.length - 2) return null;
  if (tokens.some((t) => t.text.length > MAX_CELL_CHARS)) return null;
  // Words come first (row headers), numbers after: a sentence with numbers in it does not read that way.
  const firstNumber = tokens.findIndex((t) => isNumeric(t.text));
  if (tokens.slice(firstNumber).some((t) => !isNumeric(t.text))) return null;
  return tokens;
}

/** Header words over a column (or several): [from, to) in the line's text. */
interface Group {
  column: number;
  span: number;
  from: number;
  to: number;
}

interface Slot {
  x0: number;
  x1: number;
}

/** Columns: the x-extents of the body rows' tokens merged where they overlap; null when they do not form columns. */
function slotsOf(rows: Token[][], size: number): Slot[] | null {
  const extents = rows.flat().map((t) => ({ x0: t.x0, x1: t.x1 })).sort((a, b) => a.x0 - b.x0);
  const slots: Slot[] = [];
  for (const e of extents) {
    const last = slots[slots.length - 1];
    if (last && e.x0 < last.x1 + CELL_GAP * size) last.x1 = Math.max(last.x1, e.x1);
    else slots.push({ ...e });
  }
  if (slots.length < MIN_COLUMNS) return null;
  // Every row fills most columns and every column is filled in most rows (two rows at least): a grid, not
  // numbers scattered over lines.
  const filled = new Array<number>(slots.length).fill(0);
  for (const row of rows) {
    const used = new Set(row.map((t) => slotIndex(slots, (t.x0 + t.x1) / 2)));
    if (used.size < Math.max(MIN_COLUMNS - 1, Math.ceil(slots.length * 0.6)) || used.size < row.length - 1) return null;
    for (const k of used) filled[k]!++;
  }
  if (filled.some((n) => n < Math.max(MIN_ROWS, Math.ceil(rows.length / 2)))) return null;
  return slots;
}

function slotIndex(slots: Slot[], x: number): number {
  let best = 0;
  for (let k = 0; k < slots.length; k++) if (x >= slots[k]!.x0 - 0.5) best = k;
  return best;
}

/**
 * Which column a header character over the grid belongs to. A left-aligned column (its cells start together)
 * owns the room up to the next column's start; of two right-aligned ones, the right one owns the room between
 * them (its header, centred over a wide cell, reaches left of its numbers); otherwise the gap is halved.
 */
function headerColumn(slots: Slot[], aligned: ('left' | 'right' | 'centre')[], x: number): number {
  for (let k = 0; k < slots.length; k++) {
    const next = slots[k + 1];
    if (!next) return k;
    const boundary = aligned[k] === 'left' ? next.x0 : aligned[k] === 'right' && aligned[k + 1] === 'right' ? slots[k]!.x1 : (slots[k]!.x1 + next.x0) / 2;
    if (x < boundary) return k;
  }
  return slots.length - 1;
}

function alignment(rows: Token[][], slots: Slot[], size: number): ('left' | 'right' | 'centre')[] {
  return slots.map((_, k) => {
    const tokens = rows.flat().filter((t) => slotIndex(slots, (t.x0 + t.x1) / 2) === k);
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    const left = spread(tokens.map((t) => t.x0)) < 0.3 * size;
    const right = spread(tokens.map((t) => t.x1)) < 0.3 * size;
    // Cells of one width (`亿元`, `万吨`) say nothing of how they are aligned: taken as centred.
    return left && !right ? 'left' : right && !left ? 'right' : 'centre';
  });
}

/** Where each line of each page starts in `original` (as pdfText lays it out: lines joined by \n, pages ended by \f). */
function lineStarts(pages: PdfPage[]): number[][] {
  let at = 0;
  return pages.map((page) => {
    const starts = page.lines.map((line, k) => {
      const start = at;
      at += line.text.length + (k < page.lines.length - 1 ? 1 : 0);
      return start;
    });
    at += 1;
    return starts;
  });
}

/** Whether a line can be a group row of a table whose body row `near` is: a few words, all left of its first number. */
function opensGroup(line: PdfLine, near: Token[]): boolean {
  if (line.boilerplate) return false;
  const tokens = tokensOf(line);
  const firstNumber = near.find((t) => isNumeric(t.text));
  return tokens.length > 0 && tokens.length <= 2 && line.text.length <= MAX_CELL_CHARS && !tokens.some((t) => isNumeric(t.text)) && !!firstNumber && line.x1 < firstNumber.x0;
}

/** The tables of a PDF whose layout makes them plain, cells in original offsets; their lines are marked `table`. */
export function pdfTables(pages: PdfPage[]): TableGrid[] {
  const starts = lineStarts(pages);
  const tables: TableGrid[] = [];
  pages.forEach((page, p) => {
    const lines = page.lines;
    const body = lines.map((line) => bodyTokens(line));
    let k = 0;
    while (k < lines.length) {
      if (!body[k]) {
        k++;
        continue;
      }
      let end = k + 1;
      const near = (a: number, b: number) => lines[b]!.column === lines[k]!.column && lines[a]!.y - lines[b]!.y > 0 && lines[a]!.y - lines[b]!.y <= MAX_ROW_PITCH * lines[b]!.size;
      while (end < lines.length && near(end - 1, end)) {
        if (body[end]) end++;
        // A line with words over the row headers only, between two body rows, opens a group of rows (`其中：`,
        // `按经营单位所在地分`).
        else if (end + 1 < lines.length && body[end + 1] && near(end, end + 1) && opensGroup(lines[end]!, body[end - 1] ?? body[end + 1]!)) end += 2;
        else break;
      }
      const bodyRows = body.slice(k, end).filter((row) => row !== null).length;
      const table = bodyRows >= MIN_ROWS ? gridOf(lines, body, k, end, starts[p]!) : null;
      if (table) {
        tables.push(table);
        // The lines holding its cells (header lines and rows) stay lines of their own in `text`.
        const at = table.cells.map((cell) => cell.start);
        for (let n = 0; n < end; n++) {
          const from = starts[p]![n]!;
          if (at.some((x) => x >= from && x <= from + lines[n]!.text.length)) lines[n]!.table = true;
        }
      }
      k = end;
    }
  });
  return tables;
}

/** The columns of a grid: their x-extents and how their cells are aligned. */
interface Columns {
  slots: Slot[];
  aligned: ('left' | 'right' | 'centre')[];
  size: number;
}

/** A header line above a grid: its index among the page's lines and its words by column. */
interface HeaderLine {
  index: number;
  groups: Group[];
}

/** The grid of body rows [first, end) of a page's lines with the header lines above them; null when no grid. */
function gridOf(lines: PdfLine[], body: (Token[] | null)[], first: number, end: number, starts: number[]): TableGrid | null {
  const rows = body.slice(first, end).filter((row): row is Token[] => row !== null);
  const size = lines[first]!.size;
  const slots = slotsOf(rows, size);
  if (!slots) return null;
  const columns: Columns = { slots, aligned: alignment(rows, slots, size), size };
  const headers = headerCells(headerLinesAbove(lines, body, first, end, columns), columns, starts);
  // Without headers over its columns a grid's numbers say nothing the table stage could label.
  if (!headers) return null;
  const values = bodyCells(lines, body, first, end, columns, starts, headers.rows);
  if (!values) return null;
  return { cells: [...headers.cells, ...values].sort((a, b) => a.row - b.row || a.column - b.column) };
}

/** The header lines above a grid's body, top down: up from the body while short lines sit over the columns. */
function headerLinesAbove(lines: PdfLine[], body: (Token[] | null)[], first: number, end: number, columns: Columns): HeaderLine[] {
  const { slots, aligned, size } = columns;
  const headerLines: HeaderLine[] = [];
  const pitch = first + 1 < end ? lines[first]!.y - lines[first + 1]!.y : 2 * size;
  let below = lines[first]!;
  for (let k = first - 1; k >= 0 && headerLines.length < MAX_HEADER_LINES; k--) {
    const line = lines[k]!;
    if (body[k] || line.boilerplate || line.column !== lines[first]!.column || line.y - below.y > 1.5 * pitch || line.y <= below.y) break;
    const chars = charsOf(line).filter((ch) => !/\s/u.test(ch.c));
    if (!chars.length || line.text.length > MAX_CELL_CHARS * 3) break;
    // Numbers other than years are values: a row the body test turned down (`15844. 64`), never a header.
    if (tokensOf(line).filter((t) => isNumeric(t.text) && !/^(?:19|20)\d{2}$/u.test(t.text)).length >= 2) break;
    // Reaching from the row-header column into the values: a caption or a title, not a header.
    const spans = new Set(chars.map((ch) => headerColumn(slots, aligned, (ch.x0 + ch.x1) / 2)));
    if (chars[0]!.x0 < slots[0]!.x1 + size && spans.has(0) && [...spans].some((s) => s > 0) && !separatedAfterStub(line, slots, aligned)) break;
    if (chars[0]!.x0 < slots[0]!.x0 - 2 * size || chars[chars.length - 1]!.x1 > slots[slots.length - 1]!.x1 + 4 * size) break;
    const groups = headerGroups(line, chars, headerLines.find((h) => h.groups.some((g) => g.column > 0)), columns);
    if (groups.some((g) => g.to - g.from > MAX_CELL_CHARS)) break;
    headerLines.unshift({ index: k, groups });
    below = line;
  }
  return headerLines;
}

/** A header line's words by column; `lower` is the header line with words over the values just below it. */
function headerGroups(line: PdfLine, chars: Char[], lower: HeaderLine | undefined, { slots, aligned }: Columns): Group[] {
  const groups: Group[] = [];
  for (const token of tokensOf(line)) {
    const own = chars.filter((ch) => ch.at >= token.from && ch.at < token.to);
    const columns = own.map((ch) => headerColumn(slots, aligned, (ch.x0 + ch.x1) / 2));
    const a = Math.min(...columns);
    const b = Math.max(...columns);
    // A header reaching over columns that have headers of their own below it spans them (`1990—2018年面积` over
    // the years); without those below, it is two headers set close (`冰川条数冰川面积`), cut at the column boundary.
    if (b > a && lower && new Set(lower.groups.filter((g) => g.column >= a && g.column <= b).map((g) => g.column)).size >= 2) {
      groups.push({ column: a, span: b - a + 1, from: token.from, to: token.to });
      continue;
    }
    own.forEach((ch, n) => {
      const column = columns[n]!;
      const last = groups[groups.length - 1];
      if (last && last.column === column && last.to >= token.from) last.to = ch.at + ch.c.length;
      else groups.push({ column, span: 1, from: ch.at, to: ch.at + ch.c.length });
    });
  }
  return groups;
}

/** The header cells of a grid, and how many header rows it has; null when no header stands over its values. */
function headerCells(headerLines: HeaderLine[], { slots }: Columns, starts: number[]): { cells: TableCell[]; rows: number } | null {
  // Lines with words in the row-header column only (a corner cell set between the header lines) join the corner.
  const columnLines = headerLines.filter((h) => h.groups.some((g) => g.column > 0));
  const cornerLines = headerLines.filter((h) => !h.groups.some((g) => g.column > 0));
  const rows = columnLines.length;
  if (!rows) return null;
  const cells: TableCell[] = [];
  columnLines.forEach((h, row) => {
    h.groups.forEach((g, n) => {
      // A header over several columns (`2020年` over 面积 and 比重): it reaches to the next header of its line
      // where the header row below has words over the columns in between.
      let span = g.span;
      const nextColumn = h.groups[n + 1]?.column ?? slots.length;
      const lower = columnLines[row + 1];
      if (lower && span === 1) while (g.column + span < nextColumn && lower.groups.some((l) => l.column === g.column + span)) span++;
      cells.push({ row, column: g.column, rowSpan: 1, columnSpan: span, start: starts[h.index]! + g.from, end: starts[h.index]! + g.to, header: true });
    });
  });
  if (cornerLines.length && !cells.some((c) => c.column === 0)) {
    const top = cornerLines[0]!;
    const bottom = cornerLines.every((h, n) => n === 0 || h.index === cornerLines[n - 1]!.index + 1) ? cornerLines[cornerLines.length - 1]! : top;
    cells.push({ row: 0, column: 0, rowSpan: rows, columnSpan: 1, start: starts[top.index]! + top.groups[0]!.from, end: starts[bottom.index]! + bottom.groups[bottom.groups.length - 1]!.to, header: true });
  }
  return { cells, rows };
}

/** The body's cells, rows numbered after `headerRows`; null when a row does not fit the columns after all. */
function bodyCells(lines: PdfLine[], body: (Token[] | null)[], first: number, end: number, { slots }: Columns, starts: number[], headerRows: number): TableCell[] | null {
  const cells: TableCell[] = [];
  for (let index = first; index < end; index++) {
    const row = headerRows + index - first;
    const tokens = body[index];
    if (!tokens) {
      // a group row: its words are the row header of nothing but the rows under it
      cells.push({ row, column: 0, rowSpan: 1, columnSpan: 1, start: starts[index]!, end: starts[index]! + lines[index]!.text.length });
      continue;
    }
    const byColumn = new Map<number, Token[]>();
    for (const t of tokens) {
      const column = slotIndex(slots, (t.x0 + t.x1) / 2);
      byColumn.set(column, [...(byColumn.get(column) ?? []), t]);
    }
    // Two numbers in one column are not one cell: the grid is not what it seemed.
    if ([...byColumn.values()].some((parts) => parts.length > 1 && parts.some((t) => isNumeric(t.text)))) return null;
    for (const [column, parts] of byColumn) {
      cells.push({ row, column, rowSpan: 1, columnSpan: 1, start: starts[index]! + parts[0]!.from, end: starts[index]! + parts[parts.length - 1]!.to });
    }
  }
  return cells;
}

/** Whether a line's words over the row-header column stand apart from those over the values (a header row's corner and its headers). */
function separatedAfterStub(line: PdfLine, slots: Slot[], aligned: ('left' | 'right' | 'centre')[]): boolean {
  const chars = charsOf(line);
  return tokensOf(line).every((t) => {
    const stub = chars.filter((ch) => ch.at >= t.from && ch.at < t.to).map((ch) => headerColumn(slots, aligned, (ch.x0 + ch.x1) / 2) === 0);
    return stub.every((s) => s) || stub.every((s) => !s);
  });
}
