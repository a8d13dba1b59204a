/**
 * The table stage: a table's cells as figures that say what they are. The read stage finds each table's
 * grid (.docx `w:tbl` in src/read/docx.ts, HTML `<table>` in ./html-grid.ts), merged cells placed; here
 * the grid is read the way a reader reads a statistical table: the top rows whose cells are words (or
 * years) are column headers, the left columns whose cells are words (or years) are row headers, a row
 * with only a row header opens a group. Each value cell's figure takes its label from its row and column
 * headers, its unit from a header or the caption's unit note (`单位：万吨`), its period and change from a
 * header (./headers.ts). Value, unit and interval are read by the extract stage itself, from a short
 * statement made of the cell's number and its headers' unit, period and change words, so a cell and a
 * sentence stating the same fact read the same way. Locations point at the cell's number in the original.
 *
 * Runs once per document, after extract and meaning (src/parallel/document-task.ts): it replaces the
 * figures extract read inside tables and interprets the new ones (metric, modality) where they stand.
 * Cost: one synthetic document of a short line per value cell; nothing is kept but the Document's `tables`.
 */
import { documentFromText, normalizedOffsetAt } from '../document.js';
import { extractFigures, intervalOf, readArabic, toInterval, unitAt } from '../extract/index.js';
import { Exact } from '../extract/exact.js';
import { scaleReading } from '../extract/intervals.js';
import { interpret } from '../meaning/index.js';
import { readCaption } from '../meaning/captions.js';
import type { CellRole, Document, DocumentTable, Figure, Modality, TableCell, TableGrid } from '../model.js';
import type { RuleSet } from '../rules/types.js';
import { readHeader, tableWords, unitText, type HeaderReading, type TableWords } from './headers.js';
import { CaptionRows } from './caption-rows.js';

/** A number as a table cell writes it: sign, digits (thousands commas), decimals, `%`, significance stars. */
const CELL_NUMBER = /^([+\-−–]?)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*([%‰])?\s*\**$/u;
/** Longer cell texts are prose: the table lays a page out. */
const MAX_CELL_TEXT = 200;
/** A year as a header or row header writes it (`2024`, `2024年`). */
const YEAR = /^(?:19|20)\d{2}(?:\s*年)?$/u;

interface Place {
  cell: TableCell;
  text: string;
}

/** A cell's text on one line: whitespace between CJK characters dropped, other runs one space. */
function cellText(doc: Document, start: number, end: number): string {
  return doc.normalized
    .slice(start, end)
    .replace(/\s+/gu, (space, at: number, all: string) => (/[\x21-\x7e]/.test(all[at - 1] ?? '') && /[\x21-\x7e]/.test(all[at + space.length] ?? '') ? ' ' : ''))
    .trim();
}

const isNumber = (text: string) => CELL_NUMBER.test(text);
const isYear = (text: string) => YEAR.test(text);

/**
 * The document's tables read, its figures with the tables' cells as labelled figures (in text order).
 * `grids` are the reader's tables (original offsets); the Document gets `tables` (normalized offsets).
 */
export function readTables(doc: Document, grids: TableGrid[] | undefined, figures: Figure[], rules: RuleSet): Figure[] {
  if (!grids?.length) return figures;
  const w = tableWords(rules);
  const tables: DocumentTable[] = [];
  const meanings: CellMeaning[] = [];
  const covered: { start: number; end: number }[] = [];
  for (const grid of grids) {
    const read = readTable(doc, grid, w, rules);
    if (!read) continue;
    tables.push(read.table);
    meanings.push(...read.meanings);
    covered.push({ start: read.table.start, end: read.table.end });
  }
  if (!tables.length) return figures;
  doc.tables = tables;
  // Every table's cells read in one synthetic document: its set-up costs once per document, not per table.
  const added = cellFigures(doc, meanings, rules);
  // Modality and metric where each cell stands, in one pass over the document's time (as for prose figures);
  // a header's period stays: a cell has no sentence of its own.
  const headerPeriods = added.map((f) => f.period);
  const statuses = added.map((f) => statusOf.get(f));
  interpret(doc, added, rules);
  added.forEach((f, i) => {
    if (headerPeriods[i] !== null) f.period = headerPeriods[i]!;
    // (and a column's status: `2025年预计数` estimates, wherever the table stands)
    if (statuses[i]) f.modality = statuses[i]!;
  });
  // Figures extract read inside a table are the table's to read: a cell `3409` is no bare number, a
  // header `2014—2017年` no range. Words in a value cell (`约5万元`) and a header that is a sentence
  // (`注：…增长5%`) keep their own reading. (Spans sorted once: a yearbook page holds thousands of cells.)
  const ownText = new Set(added.map((f) => f.span.start));
  const keepCells = tables
    .flatMap((t) =>
      t.cells.filter((c) => (c.role === 'value' ? !ownText.has(firstDigit(doc, c)) : /[。；;]/u.test(doc.normalized.slice(c.start, c.end)))),
    )
    .sort((a, b) => a.start - b.start);
  const inside = (spans: readonly { start: number; end: number }[], f: Figure, whole: boolean): boolean => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start <= f.span.start) lo = mid + 1;
      else hi = mid;
    }
    const span = spans[lo - 1];
    return Boolean(span && f.span.start < span.end && (!whole || f.span.end <= span.end));
  };
  const kept = figures.filter((f) => {
    if (!inside(covered, f, false)) return true;
    return !ownText.has(f.span.start) && inside(keepCells, f, true);
  });
  return [...kept, ...added].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function firstDigit(doc: Document, cell: TableCell): number {
  const text = doc.normalized.slice(cell.start, cell.end);
  const at = text.search(/\d/u);
  return at < 0 ? -1 : cell.start + at;
}

interface Layout {
  matrix: (Place | undefined)[][];
  places: Place[];
  rows: number;
  columns: number;
  /** Rows at the top that are one cell across the table (a title inside the table). */
  titleRows: number;
  headerRows: number;
  stubColumns: number;
}

function layoutOf(doc: Document, grid: TableGrid): Layout | null {
  const places: Place[] = [];
  let rows = 0;
  let columns = 0;
  for (const cell of grid.cells) {
    const start = normalizedOffsetAt(doc, cell.start);
    const end = Math.max(start, normalizedOffsetAt(doc, cell.end));
    places.push({ cell: { ...cell, start, end }, text: cellText(doc, start, end) });
    rows = Math.max(rows, cell.row + cell.rowSpan);
    columns = Math.max(columns, cell.column + cell.columnSpan);
  }
  if (rows < 2 || columns < 2 || rows * columns > 200_000) return null;
  const matrix: (Place | undefined)[][] = Array.from({ length: rows }, () => new Array<Place | undefined>(columns));
  for (const place of places) {
    const { row, column, rowSpan, columnSpan } = place.cell;
    for (let r = row; r < row + rowSpan; r++) for (let c = column; c < column + columnSpan; c++) matrix[r]![c] ??= place;
  }
  // A row that is one cell across: a title, not a header (`Table 2 …` over the headers).
  let titleRows = 0;
  while (titleRows < rows - 1 && matrix[titleRows]!.every((p) => p === matrix[titleRows]![0])) titleRows++;
  // Header rows: from the top, rows whose cells are words or years only.
  let headerRows = titleRows;
  // (a cell the markup marks as a header, `<th>`, is one whatever it holds)
  while (headerRows < rows - 1 && matrix[headerRows]!.every((p, c) => !p || c === 0 || p.cell.header || !isNumber(p.text) || isYear(p.text))) headerRows++;
  if (headerRows === titleRows) headerRows = Math.min(titleRows + 1, rows - 1);
  // Row-header columns: from the left, columns whose data cells are words or years only.
  let stubColumns = 0;
  const dataRows = matrix.slice(headerRows);
  while (stubColumns < columns - 1 && dataRows.every((row) => !row[stubColumns] || !isNumber(row[stubColumns]!.text) || isYear(row[stubColumns]!.text))) stubColumns++;
  if (stubColumns === 0) stubColumns = 1;
  return { matrix, places, rows, columns, titleRows, headerRows, stubColumns };
}

/** The distinct places along a list (a merged cell counted once), without empty ones. */
function distinct(places: (Place | undefined)[]): Place[] {
  const seen = new Set<Place>();
  return places.filter((p): p is Place => Boolean(p && p.text && !seen.has(p) && seen.add(p)));
}

/** The caption and unit note: the non-empty lines just before the table, and the line just after it (`before`: how many are before). */
function contextOf(doc: Document, start: number, end: number, lines: number): string[] & { before: number } {
  const text = doc.normalized;
  const before: string[] = [];
  let at = start;
  while (before.length < lines && at > 0) {
    const lineStart = text.lastIndexOf('\n', at - 2) + 1;
    const line = text.slice(lineStart, at).trim();
    if (line && line.length <= 120) before.unshift(line);
    else if (line) break;
    at = lineStart;
  }
  const afterEnd = text.indexOf('\n', end + 1);
  const after = text.slice(end, afterEnd < 0 ? text.length : afterEnd).trim();
  return Object.assign(after && after.length <= 120 ? [...before, after] : before, { before: before.length });
}

interface CellMeaning {
  place: Place;
  label: string;
  unit: string | null;
  period: string | null;
  change: string | null;
  /** The status its column names (`2025年预计数`: estimate), or null: then read where the table stands. */
  status: Modality | null;
  /** An index with the year before at 100 (tables.indexBase): the cell states the change from 100. */
  index?: boolean;
}

/** What a table's rows and columns are: the total and subset rows, the total columns. */
interface Structure {
  totalRows: number[];
  scopeRows: number[];
  subsetRows: number[];
  totalColumns: number[];
  scopeColumns: number[];
}

/** Whether `line` is a table's caption (`表5 …`, `附表1 …`: tables.tableNumber). */
function isCaptionLine(line: string, w: TableWords): boolean {
  return w.caption?.test(line) ?? false;
}

function readTable(doc: Document, grid: TableGrid, w: TableWords, rules: RuleSet): { table: DocumentTable; meanings: CellMeaning[] } | null {
  const layout = layoutOf(doc, grid);
  if (!layout) return null;
  const { matrix, places, rows, columns, titleRows, headerRows, stubColumns } = layout;
  // A table holding paragraphs of prose lays a page out (old government sites do): it is no table of figures.
  if (places.some((p) => p.text.length > MAX_CELL_TEXT)) return null;
  const start = Math.min(...places.map((p) => p.cell.start));
  const end = Math.max(...places.map((p) => p.cell.end));
  const roles = new Map<Place, CellRole>();
  for (const p of places) {
    const { row, column } = p.cell;
    roles.set(p, row < headerRows ? (column < stubColumns ? 'corner' : 'column-header') : column < stubColumns ? 'row-header' : 'value');
  }
  // The caption's and title rows' unit note and period, for cells whose headers give none.
  const around = contextOf(doc, start, end, w.settings.maxContextLines);
  const context = [...around, ...distinct(matrix.slice(0, titleRows).flat()).map((p) => p.text)];
  const contextReadings = context.map((line) => readHeader(line, w));
  const tableUnit = contextReadings.find((r) => r.unit)?.unit ?? null;
  // (a table's own caption, `表5 2025年…`, before a chart's caption over it, `图8 2021-2025年…`, which names another period)
  const dated = (r: HeaderReading) => r.period !== null && /(?:19|20)\d{2}/u.test(r.period);
  const captioned = contextReadings.findIndex((r, i) => i < around.before && isCaptionLine(context[i]!, w) && dated(r));
  const tablePeriod = (captioned >= 0 ? contextReadings[captioned] : contextReadings.find(dated))?.period ?? null;
  // (the subject its caption names: what its total row and its rows without a measure of their own are of)
  const caption = context.slice(0, around.before).reverse().find((line) => isCaptionLine(line, w));
  const captionReading = caption === undefined ? null : readCaption(caption, rules);
  // (cells that are indices with the year before at 100: the caption, a line before the table or a title row says so)
  const indexed = w.indexBase !== null && context.some((line, i) => (i < around.before || i >= around.length) && w.indexBase!.test(line));
  const { meanings, structure } = valueMeanings(layout, roles, { unit: tableUnit, period: tablePeriod, indexed, change: captionReading?.change ?? null }, w, captionReading?.subject ?? null);
  // A table without a number is no table of figures (a form, a layout grid).
  if (!meanings.length) return null;
  const cells = places.map((p) => ({ ...p.cell, role: roles.get(p)! }));
  return { table: { start, end, rows, columns, cells, ...structure }, meanings };
}

/** Each value cell's meaning from its headers (and the table's unit and period), and the table's totals. */
function valueMeanings(
  layout: Layout,
  roles: Map<Place, CellRole>,
  table: TableContext,
  w: TableWords,
  subject: string | null,
): { meanings: CellMeaning[]; structure: Structure } {
  const { matrix, rows, columns, titleRows, headerRows, stubColumns } = layout;
  const key = (text: string) => text.replace(/\s+/g, '');
  const totals = new Set(w.settings.totals);
  const scopes = new Set(w.settings.scopeTotals);
  const structure: Structure = { totalRows: [], scopeRows: [], subsetRows: [], totalColumns: [], scopeColumns: [] };
  const meanings: CellMeaning[] = [];
  const headersOf = (c: number) => distinct(matrix.slice(titleRows, headerRows).map((row) => row[c]));
  // A header is read once, however many cells it stands over.
  const readings = new Map<string, HeaderReading>();
  const read = (text: string) => readings.get(text) ?? (readings.set(text, readHeader(text, w)), readings.get(text)!);
  const columnReadings: HeaderReading[][] = [];
  const columnPartsOf = (c: number): HeaderReading[] => (columnReadings[c] ??= headersOf(c).map((p) => asColumn(read(p.text), w)));
  const besideOf = (c: number): Beside | null => besideColumn(c, columnPartsOf, stubColumns);
  const valueColumns: HeaderReading[][] = [];
  for (let c = stubColumns; c < columns; c++) valueColumns.push(columnPartsOf(c));
  const captionRows = CaptionRows.of(subject, valueColumns, w);
  let group: HeaderReading | null = null;
  // A section head row (`(一)城镇居民人均可支配收入`): the rows below it, up to the next head, are its parts.
  const sectionHead = w.settings.sectionPattern ? new RegExp(w.settings.sectionPattern, 'u') : null;
  let section: HeaderReading | null = null;
  for (let r = headerRows; r < rows; r++) {
    const rowHeaders = distinct(matrix[r]!.slice(0, stubColumns));
    const values = matrix[r]!.slice(stubColumns);
    // A row with a header and no value opens a group of rows (`调节服务`, `按经营单位所在地分`).
    if (values.every((p) => !p || !p.text || rowHeaders.includes(p) || roles.get(p) !== 'value')) {
      if (rowHeaders.length) group = read(rowHeaders.map((p) => p.text).join(''));
      continue;
    }
    const stub = rowHeaders.map((p) => key(p.text));
    noteRowStructure(stub, r, structure, totals, scopes, w.settings.subsetMarkers);
    const heads = sectionHead !== null && rowHeaders.length > 0 && sectionHead.test(key(rowHeaders[0]!.text));
    if (heads) {
      section = read(key(rowHeaders[0]!.text).replace(sectionHead!, ''));
      group = null;
    }
    // (a section head's own figures are named without its number: `一、食品烟酒` is 食品烟酒)
    const rowParts = captionRows.named(
      rowHeaders.map((p, i) => (heads && i === 0 ? section! : read(p.text))),
      stub.some((s) => totals.has(s) || scopes.has(s)),
    );
    const above = [...(section && !heads ? [section] : []), ...(group ? [group] : [])];
    for (let c = stubColumns; c < columns; c++) {
      const place = matrix[r]![c];
      if (!place || place.cell.row !== r || place.cell.column !== c || !isNumber(place.text)) continue;
      const columnHeaders = headersOf(c);
      const columnParts = withJoinedUnit(columnPartsOf(c), rowParts, columnHeaders, read);
      // (the caption's change is of the columns naming nothing else: not of a share beside them, `占比（%）`)
      const named = columnParts.some((p) => p.name && !p.scope);
      const meaning = meaningOf(place, [...above, ...rowParts, ...columnParts], named && table.change ? { ...table, change: null } : table, besideOf(c));
      meaning.index = isIndex(meaning, table.indexed || (w.indexBase !== null && columnHeaders.some((p) => w.indexBase!.test(p.text))));
      meanings.push(meaning);
    }
  }
  for (let c = stubColumns; c < columns; c++) noteColumnStructure(headersOf(c).map((p) => key(p.text)), c, structure, totals, scopes);
  return { meanings, structure };
}

/**
 * A column naming no period or status of its own but a change or a share (`比上年增长%`, `为预算%`) after one that does
 * (`2026年预算数`) is of that column's period and status: the change or share of the figure beside it.
 */
function besideColumn(c: number, columnPartsOf: (c: number) => HeaderReading[], stubColumns: number): Beside | null {
  const parts = columnPartsOf(c);
  const period = [...parts].reverse().find((p) => p.period)?.period ?? null;
  const status = [...parts].reverse().find((p) => p.status)?.status ?? null;
  if (period || status) return { period, status };
  if (c - 1 < stubColumns || !parts.some((p) => p.change || p.unit === '%' || p.unit === '‰')) return null;
  return besideColumn(c - 1, columnPartsOf, stubColumns);
}

/** A column's place in the table's structure, from its headers: a total (`合计`) or a scope's total (`全市`). */
function noteColumnStructure(headers: string[], c: number, structure: Structure, totals: Set<string>, scopes: Set<string>): void {
  if (headers.some((h) => totals.has(h))) structure.totalColumns.push(c);
  else if (headers.some((h) => scopes.has(h))) structure.scopeColumns.push(c);
}

/** A row's place in the table's structure, from its stub: a total (`合计`), a scope's total (`全市`), a subset (`其中`). */
function noteRowStructure(stub: string[], r: number, structure: Structure, totals: Set<string>, scopes: Set<string>, subsetMarkers: readonly string[]): void {
  if (stub.some((s) => totals.has(s))) structure.totalRows.push(r);
  else if (stub.some((s) => scopes.has(s))) structure.scopeRows.push(r);
  if (stub.some((s) => subsetMarkers.some((m) => s.startsWith(m)))) structure.subsetRows.push(r);
}

/**
 * A column's header readings, or, when neither they nor the row name a unit, the column's headers read joined: a unit
 * broken over two header rows (`生产总值（亿` over `元）`).
 */
function withJoinedUnit(columnParts: HeaderReading[], rowParts: HeaderReading[], columnHeaders: Place[], read: (text: string) => HeaderReading): HeaderReading[] {
  if ([...rowParts, ...columnParts].some((p) => p.unit) || columnHeaders.length <= 1) return columnParts;
  const joined = read(columnHeaders.map((p) => p.text).join(''));
  return joined.unit ? [joined] : columnParts;
}

/**
 * A value cell's label, unit, period and change from its headers: the group's, the row headers', then the
 * column headers' words, a header that carries a unit (the measure: `面积/km²`) last; the lowest header
 * with a period or unit wins.
 */
function meaningOf(place: Place, parts: HeaderReading[], table: TableContext, beside: Beside | null): CellMeaning {
  const { unit: tableUnit, period: tablePeriod } = table;
  const ordered = [...parts.filter((p) => p.scope), ...parts.filter((p) => !p.unit && !p.scope), ...parts.filter((p) => p.unit && !p.scope)];
  const names: string[] = [];
  // (a header saying again what the label ends with adds nothing: `指数` after `居民消费价格指数`, a bare measure word after a
  // name ending in the same measure, `产量` after `发电量`)
  for (const part of ordered) if (part.name && !names.includes(part.name) && !saidAlready(names.join(''), part.name)) names.push(part.name);
  let unit = [...parts].reverse().find((p) => p.unit)?.unit ?? tableUnit;
  let period = [...parts].reverse().find((p) => p.period)?.period ?? beside?.period ?? null;
  // `1—11月` under a caption naming the year
  if (period && !/(?:19|20)\d{2}/u.test(period) && tablePeriod) period = `${tablePeriod.match(/(?:19|20)\d{2}\s*年?/u)![0]}${period}`;
  period ??= tablePeriod;
  // (a cell of a table whose caption says its cells are changes, `…增速`, is one in % unless its headers say otherwise)
  const own = parts.find((p) => p.change)?.change ?? null;
  const change = own ?? (unit === null || unit === '%' ? table.change : null);
  if (change !== null && own === null) unit = '%';
  const status = [...parts].reverse().find((p) => p.status)?.status ?? beside?.status ?? null;
  return { place, label: names.join(''), unit, period, change, status };
}

/**
 * A column header's reading as it names the cells under it: the whole area (`全国`, `全市`: tables.scopeTotals) adds
 * nothing to a row's name; a scope of it (`城市`, `农村`: the lexicon's scope words) is written before it (农村居民消费价格).
 */
function asColumn(reading: HeaderReading, w: TableWords): HeaderReading {
  if (w.settings.scopeTotals.includes(reading.name)) return { ...reading, name: '' };
  return w.scopeWords.has(reading.name) ? { ...reading, scope: true } : reading;
}

/**
 * Whether a cell is an index with the year before at 100: its table or column is so noted (`以上年为100`, `指数（上年=100）`)
 * and it is a bare number with no unit or change of its own.
 */
function isIndex(meaning: CellMeaning, noted: boolean): boolean {
  return noted && meaning.unit === null && meaning.change === null && /^\d[\d,]*(?:\.\d+)?$/u.test(meaning.place.text);
}

/** Whether a label says what a header would add: it ends with the header, or with the measure a two-character header names. */
function saidAlready(label: string, header: string): boolean {
  return label.endsWith(header) || ([...header].length === 2 && label.length > 2 && label.endsWith(header.slice(-1)));
}

/** What a table's caption and unit note say of all its cells: their unit and period, and whether they are indices. */
interface TableContext {
  unit: string | null;
  period: string | null;
  /** The cells without a unit of their own are indices with the year before at 100 (tables.indexBase). */
  indexed: boolean;
  /** The caption's word saying its cells are changes (`增速`: tables.captionChanges), or null. */
  change: string | null;
}

/** The period and status a column takes from the column before it (valueMeanings). */
interface Beside {
  period: string | null;
  status: Modality | null;
}

/** The words a statement puts before a signed change: the header's own word when it says the direction. */
function changeWordOf(change: string, negative: boolean, w: TableWords, percent: boolean): string {
  const increase = w.k.words.increase.includes(change);
  const decrease = w.k.words.decrease.includes(change);
  if (increase && !negative) return change;
  if (decrease && !negative) return change;
  if (increase && negative) return percent ? '下降' : '减少';
  if (decrease && negative) return percent ? '增长' : '增加';
  return negative ? (percent ? '下降' : '减少') : percent ? '增长' : '增加';
}

/**
 * The figures of value cells, read by the extract and meaning stages from one synthetic document (a line
 * per cell: period, change word, number, unit), then placed where the cell stands in the document.
 */
function cellFigures(doc: Document, meanings: CellMeaning[], rules: RuleSet): Figure[] {
  if (!meanings.length) return [];
  const w = tableWords(rules);
  const lines: string[] = [];
  for (const m of meanings) {
    const [, sign, digits, percent] = CELL_NUMBER.exec(m.place.text)!;
    const negative = sign === '-' || sign === '−' || sign === '–';
    const unit = percent ?? (m.unit ? unitText(m.unit) : '');
    const changeWord = m.change ? changeWordOf(m.change, negative, w, unit === '%') : '';
    // a bare year (`1990` as a row header) is written as a statement writes it, so no digit runs into the value
    const period = m.period ? m.period.replace(/^((?:19|20)\d{2})$/u, '$1年') : '';
    lines.push(m.index ? `${period}${indexChange(digits!)}。` : `${period}${changeWord}${negative && !changeWord ? '-' : ''}${digits}${unit}。`);
  }
  const synthetic = documentFromText(lines.join('\n\n'), { id: doc.id, path: doc.path });
  const read = interpret(synthetic, extractFigures(synthetic, rules), rules);
  const lineStarts: number[] = [];
  for (let at = 0, i = 0; i < lines.length; i++) {
    lineStarts.push(at);
    at += lines[i]!.length + 2;
  }
  const byLine = new Map<number, Figure>();
  let line = 0;
  for (const figure of read) {
    // (figures come in text order: the line only moves forward)
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= figure.span.start) line++;
    byLine.set(line, figure); // the last figure of a line is the cell's (a period is no figure)
  }
  const figures: Figure[] = [];
  meanings.forEach((m, i) => {
    const text = doc.normalized.slice(m.place.cell.start, m.place.cell.end);
    const match = /[+\-−–]?\d[\d,]*(?:\.\d+)?\s*[%‰]?/u.exec(text);
    if (!match) return;
    const start = m.place.cell.start + match.index;
    const end = start + match[0].trimEnd().length;
    // A bare number (a count with no unit) or one that looks like a year (`1969.7`) is no figure in prose,
    // but in a value cell it is one: read here with the extract stage's own number and interval readers.
    const from = byLine.get(i) ?? plainFigure(m, w);
    if (!from) return;
    figures.push({
      ...from,
      document: doc.id,
      raw: doc.normalized.slice(start, end),
      label: m.label,
      span: { start, end },
      location: doc.locate(start, end),
      // a lone month over a column (`5月` under a caption's 2024年) is the cell's month; in a sentence the scanner
      // keeps the year (`2022年6月，…` is as often a date)
      period: m.period ? ((LONE_MONTH.test(m.period) ? periodOf(m.period) : null) ?? from.period ?? periodOf(m.period)) : null,
    });
    if (m.status) statusOf.set(figures[figures.length - 1]!, m.status);
  });
  return figures;
}

/**
 * An index with the year before at 100 as the change a statement writes (`99.8` → `下降0.2%`, `105.3` → `增长5.3%`), to
 * as many decimals as the index is written to: the same fact, and as precise.
 */
function indexChange(digits: string): string {
  const decimals = digits.split('.')[1]?.length ?? 0;
  const change = Number(digits.replace(/,/gu, '')) - 100;
  return `${change < 0 ? '下降' : '增长'}${Math.abs(change).toFixed(decimals)}%`;
}

/** The status a cell's column names, for the figures cellFigures made (readTables applies it after interpret). */
const statusOf = new WeakMap<Figure, Modality>();

/** A cell's figure read without the scanner: its number, its header's unit (magnitude and conversion applied). */
function plainFigure(m: CellMeaning, w: TableWords): Figure | null {
  const [, sign, digits, percent] = CELL_NUMBER.exec(m.place.text)!;
  const k = w.k;
  const reading = readArabic(digits!, 0, k);
  if (!reading) return null;
  let factor = Exact.ONE;
  let unit: string | null = percent ?? null;
  let kind: Figure['kind'] = percent ? 'share' : 'level';
  const written = !percent && m.unit ? unitText(m.unit) : '';
  if (written) {
    const magnitude = k.magnitudes.find((g) => written.startsWith(g.word));
    const at = magnitude ? magnitude.word.length : 0;
    const spelled = unitAt(written, at, k, at > 0);
    if (magnitude) factor = factor.times(magnitude.factor);
    if (spelled) {
      factor = factor.times(spelled.factor);
      unit = spelled.unit;
      kind = spelled.kind;
    } else if (written === '%' || written === '‰') unit = written;
  } else if (!percent && w.counted.test(m.label)) kind = 'count';
  const scaled = scaleReading(reading, factor);
  const negative = sign === '-' || sign === '−' || sign === '–';
  const change = m.change ? (negative ? 'decrease' : 'increase') : null;
  const value = negative && !change ? scaled.value.toNumber() * -1 : scaled.value.toNumber();
  const interval = toInterval(intervalOf(scaled, null, k.intervals));
  return {
    document: '',
    raw: m.place.text,
    exact: `${negative && !change ? '-' : ''}${scaled.value.toFixed()}`,
    value,
    unit,
    interval: negative && !change ? { lo: interval.hi === null ? null : -interval.hi, hi: interval.lo === null ? null : -interval.lo, loClosed: interval.hiClosed, hiClosed: interval.loClosed } : interval,
    qualifier: null,
    kind: change ? 'change' : kind,
    change,
    label: '',
    period: null,
    modality: 'actual',
    placeholder: false,
    span: { start: 0, end: 0 },
    location: { path: '', line: 0, column: 0, endLine: 0, endColumn: 0 },
  };
}

const LONE_MONTH = /^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月份?\s*$/u;

/** A header's period in figcheck's notation, for a cell the scanner did not read: `2024年` → 2024, `1989—2015年` → 1989/2015. */
function periodOf(text: string): string | null {
  const span = /((?:19|20)\d{2})\s*[—–\-~～至到]+\s*((?:19|20)\d{2})/u.exec(text);
  if (span) return `${span[1]}/${span[2]}`;
  const month = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月/u.exec(text);
  if (month) return `${month[1]}-${month[2]!.padStart(2, '0')}`;
  return /(?:19|20)\d{2}/u.exec(text)?.[0] ?? null;
}
