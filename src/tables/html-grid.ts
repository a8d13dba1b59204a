/**
 * HTML `<table>` → the grid of its cells, merged cells (rowspan, colspan) placed on every position they
 * cover, each cell as its range of the markup (the original file). htmlparser2 builds the tree with start
 * and end indices; this module only walks rows and cells (a nested table is a table of its own).
 */
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import type { TableCell, TableGrid } from '../model.js';

/** Most rows and columns a span may cover (browsers cap rowspan at 65534 and colspan at 1000). */
const MAX_SPAN = 1000;

/** The tables of an HTML page, in document order. */
export function htmlTables(markup: string): TableGrid[] {
  const dom = parseDocument(markup, { withStartIndices: true, withEndIndices: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const tables: TableGrid[] = [];
  const visit = (nodes: readonly unknown[]): void => {
    for (const node of nodes as Element[]) {
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      if (node.name === 'table') tables.push(gridOf(node, markup));
      if (node.children) visit(node.children);
    }
  };
  visit(dom.children);
  return tables.filter((table) => table.cells.length > 0);
}

/** The rows of a table: its own `<tr>`s, inside `thead`/`tbody`/`tfoot` or not, never a nested table's. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children as Element[]) {
    if (child.type !== 'tag') continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') rows.push(...rowsOf(child));
  }
  return rows;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

function gridOf(table: Element, markup: string): TableGrid {
  const cells: TableCell[] = [];
  /** Columns still covered by a cell spanning down from a row above: column → last row it covers. */
  const coveredUntil: number[] = [];
  rowsOf(table).forEach((tr, row) => {
    let column = 0;
    for (const td of tr.children as Element[]) {
      if (td.type !== 'tag' || (td.name !== 'td' && td.name !== 'th')) continue;
      while ((coveredUntil[column] ?? -1) >= row) column++;
      const rowSpan = span(td.attribs['rowspan']);
      const columnSpan = span(td.attribs['colspan']);
      // The content between the cell's tags (an unclosed `<td>` ends where the next cell starts).
      const open = markup.indexOf('>', td.startIndex ?? 0);
      const start = open < 0 ? (td.startIndex ?? 0) : open + 1;
      const close = td.endIndex ?? start;
      const end = markup.startsWith('</', markup.lastIndexOf('<', close)) && markup.lastIndexOf('<', close) >= start ? markup.lastIndexOf('<', close) : close + 1;
      cells.push({ row, column, rowSpan, columnSpan, start, end: Math.max(start, end), ...(td.name === 'th' ? { header: true } : {}) });
      for (let c = column; c < column + columnSpan; c++) coveredUntil[c] = row + rowSpan - 1;
      column += columnSpan;
    }
  });
  return { cells };
}
