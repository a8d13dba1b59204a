/**
 * Plain text → the grids of its tables. A table copied out of a spreadsheet, a .docx or a web page into a
 * text file keeps its cells as tab-separated text, one row a line (`项目\t2024年决算数\t2025年预算数`): such
 * lines under a header row are the same grid the .docx and HTML readers hand the table stage (src/tables/),
 * so their cells get label, unit, period and status from their row and column headers as those do.
 *
 * A grid is a run of lines with at least two non-empty tab-separated cells each, blank lines between them
 * allowed; a line of prose (one cell) ends it. A run of a single line is no table. Which rows are headers and
 * which cells hold values is the table stage's reading (src/tables/index.ts), as for every other format.
 * Cells are spans of the text given (offsets of `original` for a .txt file, whose text is its original).
 */
import type { TableCell, TableGrid } from '../model.js';

/** Fewest rows a run of tab-separated lines needs to be read as a table (a header and a row of values). */
const MIN_ROWS = 2;

/** The tables of a plain text, in text order; none when no line holds a tab between two cells. */
export function textGrids(text: string): TableGrid[] {
  // (most texts hold no tab: one scan, then nothing)
  if (!text.includes('\t')) return [];
  const grids: TableGrid[] = [];
  let rows: TableCell[][] = [];
  /** The last non-blank line that is no row of a grid, [start, end): a column header standing on its own line. */
  let lone: { start: number; end: number } | null = null;
  const close = () => {
    if (rows.length >= MIN_ROWS) {
      const width = Math.max(...rows.map((row) => row.length));
      const filled = rows.map((row) => split(text, row, width));
      const header = lone && !filled[0]!.some((c) => c.start === c.end) ? loneHeader(text, lone.start, lone.end, filled[0]!, width) : null;
      if (header) filled.unshift(header);
      grids.push({ cells: filled.flatMap((row, r) => merged(text, row, filled[r + 1]).map((cell) => ({ ...cell, row: r }))) });
    }
    rows = [];
  };
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const cells = cellsOf(text, start, end);
    if (cells) rows.push(cells);
    // (a blank line inside a table is skipped; a line of prose ends it)
    else if (text.slice(start, end).trim()) {
      close();
      lone = { start, end };
    }
    start = end + 1;
  }
  close();
  return grids;
}

/** A cell holding a number as a table writes one (`1060000`, `-2.4`, `101.0%`): no header. */
const NUMBER_CELL = /^[+\-−–]?\s*[\d,]+(?:\.\d+)?\s*[%‰]?$/u;

/**
 * A header row as text keeps a merged cell's text in its first column and leaves the columns it spans empty
 * (`\t2025年\t\t2026年` over `项目\t预算数\t预计数\t预算数`): in a row of words over another row, a cell spans the empty
 * cells after it that the row below fills. A row holding a number is a row of values, merged nowhere.
 */
function merged(text: string, row: TableCell[], below: TableCell[] | undefined): TableCell[] {
  if (!below || row.some((c) => NUMBER_CELL.test(text.slice(c.start, c.end)))) return row;
  const filledBelow = (column: number) => {
    const cell = below[column];
    return cell !== undefined && cell.start < cell.end;
  };
  const out: TableCell[] = [];
  for (let i = 0; i < row.length; i++) {
    const cell = row[i]!;
    const empty = cell.start === cell.end;
    const spanning = out[out.length - 1];
    // (an empty cell under nothing but the merged cell before it; the first column's corner stays its own)
    if (empty && spanning && spanning.start < spanning.end && spanning.column > 0 && filledBelow(i)) {
      spanning.columnSpan++;
      continue;
    }
    out.push({ ...cell });
  }
  // (a merged cell in the last columns: the row ends where its text does, the row below goes on)
  const last = out[out.length - 1];
  if (last && last.column > 0 && last.start < last.end && last.column + last.columnSpan === row.length) {
    for (let c = row.length; c < below.length && filledBelow(c); c++) last.columnSpan++;
  }
  return out;
}

/**
 * Where a cell holds two cells joined by a space, as a PDF's text layer joins them when it copies a table
 * (`年末数（万人） 比重（%）`, `亿千瓦小时 256.7`, `原铝（电解铝） 万吨`): a space after a word, a closing bracket or a
 * percent sign and before a word or a number, outside brackets; never inside a number (`3 278.85`), nor before a
 * bracket (`年末数 （万人）` is one header).
 */
const JOINED = /(?<=[\p{Script=Han}）)%‰])[ \u3000]+(?=[\p{Script=Han}\d+\-−])/gu;

/** The places in [start, end) where two cells were joined by a space (JOINED, outside brackets). */
function joints(text: string, start: number, end: number): { start: number; end: number }[] {
  const cell = text.slice(start, end);
  const out: { start: number; end: number }[] = [];
  for (const m of cell.matchAll(JOINED)) {
    const before = cell.slice(0, m.index);
    const open = (before.match(/[（(]/gu) ?? []).length - (before.match(/[）)]/gu) ?? []).length;
    if (open === 0) out.push({ start: start + m.index, end: start + m.index + m[0].length });
  }
  return out;
}

/**
 * A row with fewer cells than the table is wide, its missing cells joined to others by a space (JOINED): split where
 * exactly as many joints as cells are missing (more would leave it unsure which is a joint); other rows as they are.
 */
function split(text: string, row: TableCell[], width: number): TableCell[] {
  const missing = width - row.length;
  if (missing <= 0) return row;
  const found = row.map((c) => joints(text, c.start, c.end));
  if (found.flat().length !== missing) return row;
  const out: TableCell[] = [];
  row.forEach((cell, i) => {
    let from = cell.start;
    for (const joint of found[i]!) {
      out.push({ ...cell, start: from, end: joint.start });
      from = joint.end;
    }
    out.push({ ...cell, start: from });
  });
  return out.map((cell, column) => ({ ...cell, column }));
}

/** A column header as a table's own line writes it: words closed by the unit in brackets (`比上年增长（%）`); no heading (`一、…`). */
const HEADER_PART = /^[^\s。；;，,、！？!?:：]{1,24}[（(][^（）()]{1,8}[)）]$/u;
/** The corner's word before such headers (`指标`, `产品名称`). */
const STUB_PART = /^\p{Script=Han}{1,8}$/u;

/**
 * The line before a grid whose first row already holds values, read as its header row when it names the value
 * columns as a header does: as many parts (joined by a space) as the row has cells after its row header, each
 * words closed by a unit in brackets (`比上年增长（%）` over `合计⇥5.8`), after at most a corner word (`指标`). The
 * parts head the last columns.
 */
function loneHeader(text: string, start: number, end: number, first: TableCell[], width: number): TableCell[] | null {
  const values = first.slice(1).filter((c) => NUMBER_CELL.test(text.slice(c.start, c.end)));
  if (!values.length || values.length !== first.length - 1) return null;
  let a = start;
  let b = end;
  while (a < b && /\s/u.test(text[a]!)) a++;
  while (b > a && /\s/u.test(text[b - 1]!)) b--;
  const parts: { start: number; end: number }[] = [];
  let from = a;
  for (const joint of joints(text, a, b)) {
    parts.push({ start: from, end: joint.start });
    from = joint.end;
  }
  parts.push({ start: from, end: b });
  // (the corner's word before them, `指标 比上年增长（%）`, heads the row headers)
  const corner = parts.length === values.length + 1 && STUB_PART.test(text.slice(parts[0]!.start, parts[0]!.end)) ? parts.shift() : undefined;
  if (parts.length !== values.length || !parts.every((p) => HEADER_PART.test(text.slice(p.start, p.end)))) return null;
  const header: TableCell[] = [];
  for (let column = 0; column < width - parts.length; column++) {
    const cell = column === 0 && corner ? corner : { start: a, end: a };
    header.push({ row: 0, column, rowSpan: 1, columnSpan: 1, start: cell.start, end: cell.end });
  }
  parts.forEach((p, i) => header.push({ row: 0, column: width - parts.length + i, rowSpan: 1, columnSpan: 1, start: p.start, end: p.end }));
  return header;
}

/** The cells of the line [start, end) when it holds at least two non-empty tab-separated cells, else null. */
function cellsOf(text: string, start: number, end: number): TableCell[] | null {
  const tab = text.indexOf('\t', start);
  if (tab < 0 || tab >= end) return null;
  const cells: TableCell[] = [];
  let filled = 0;
  let column = 0;
  for (let from = start; from <= end; column++) {
    let to = text.indexOf('\t', from);
    if (to < 0 || to > end) to = end;
    // a cell's own text, without the spaces around it (and a line's \r)
    let a = from;
    let b = to;
    while (a < b && /\s/u.test(text[a]!)) a++;
    while (b > a && /\s/u.test(text[b - 1]!)) b--;
    // (an empty cell keeps its column: a header row's empty corner, `\t2024年\t2025年`)
    if (a < b) filled++;
    cells.push({ row: 0, column, rowSpan: 1, columnSpan: 1, start: a, end: b });
    from = to + 1;
  }
  // (trailing empty cells add no columns)
  while (cells.length && cells[cells.length - 1]!.start === cells[cells.length - 1]!.end) cells.pop();
  return filled >= 2 ? cells : null;
}
