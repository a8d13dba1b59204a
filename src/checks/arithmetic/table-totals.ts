/**
 * Parts against their total in a table: a row headed by a total word (合计, 总计; rules/core/tables.yaml)
 * holds, in each column, the sum of the rows of its block; a column headed by one holds, in each row, the sum
 * of the row's other columns of the same unit and period. The table stage (src/tables/) found the totals;
 * this adds the parts' intervals up and reports a total outside the sum's interval, so rounding never raises
 * a finding (SEMANTICS.md), as for parts listed in text (./parts.ts).
 *
 * A row headed by a whole area (全国 over provinces) may stand over a selection (主要城市): only parts adding
 * up to more than it are reported. Precision first: a table with subset rows (其中) is not summed by rows, every part must be a value (a blank
 * or `—` cell leaves the column out), and rates and averages (nonAdditiveWords) never add up.
 */
import type { Document, DocumentTable, Figure, Finding, Severity } from '../../model.js';
import { overlaps } from '../compare.js';
import type { CheckContext } from '../types.js';
import { hasValue, isAmount } from './common.js';
import { partsSumFinding, sumOf, type PartsRules } from './parts.js';

/** The figure of each value cell of a table, by row and column. */
function cellFigures(table: DocumentTable, figures: Figure[]): Map<string, Figure> {
  const found = new Map<string, Figure>();
  let i = 0;
  const sorted = table.cells.filter((c) => c.role === 'value').sort((a, b) => a.start - b.start);
  for (const cell of sorted) {
    while (i < figures.length && figures[i]!.span.start < cell.start) i++;
    const figure = figures[i];
    if (figure && figure.span.end <= cell.end) found.set(`${cell.row},${cell.column}`, figure);
  }
  return found;
}

/** Total-against-parts findings of one document's tables (figures sorted by position). */
export function tableTotalFindings(
  context: CheckContext,
  document: Document,
  figures: Figure[],
  rules: PartsRules,
  documents: ReadonlyMap<string, Document>,
  severity: Severity,
): Finding[] {
  const findings: Finding[] = [];
  for (const table of document.tables ?? []) {
    const at = cellFigures(table, figures);
    const valueRows = [...new Set(table.cells.filter((c) => c.role === 'value').map((c) => c.row))].sort((a, b) => a - b);
    const valueColumns = [...new Set(table.cells.filter((c) => c.role === 'value').map((c) => c.column))].sort((a, b) => a - b);
    /** `scope`: the total is a whole area (全国) the parts may be a selection of: only a sum above it is wrong. */
    const check = (total: Figure | undefined, parts: (Figure | undefined)[], scope = false) => {
      if (!total || parts.length < 2 || !parts.every((p): p is Figure => Boolean(p))) return;
      const all = [total, ...parts];
      if (!all.every((f) => hasValue(f) && isAmount(f) && f.unit === total.unit && f.kind === total.kind && f.period === total.period)) return;
      if (rules.nonAdditiveWords.some((w) => all.some((f) => f.label.includes(w)))) return;
      const interval = sumOf(parts);
      if (!interval || overlaps(interval, total.interval!)) return;
      if (scope && !(total.interval!.hi !== null && interval.lo! > total.interval!.hi)) return;
      findings.push(partsSumFinding(context, document, documents, severity, total, parts, interval, 'table'));
    };
    const wholeRows = [...table.totalRows, ...table.scopeRows];
    const wholeColumns = [...table.totalColumns, ...table.scopeColumns];
    if (!table.subsetRows.length) {
      for (const totalRow of wholeRows) {
        // The block of rows the total closes (or opens, when it stands first): up to the next total row.
        const before = valueRows.filter((r) => r < totalRow && !wholeRows.some((t) => t < totalRow && t >= r));
        const after = valueRows.filter((r) => r > totalRow && !wholeRows.some((t) => t > totalRow && t <= r));
        const block = before.length ? before : after;
        for (const column of valueColumns) {
          if (wholeColumns.includes(column)) continue;
          check(at.get(`${totalRow},${column}`), block.map((r) => at.get(`${r},${column}`)), table.scopeRows.includes(totalRow));
        }
      }
    }
    for (const totalColumn of wholeColumns) {
      for (const row of valueRows) {
        const total = at.get(`${row},${totalColumn}`);
        if (!total) continue;
        // The row's other columns that state the same kind of amount for the same period.
        const parts = valueColumns
          .filter((c) => !wholeColumns.includes(c))
          .map((c) => at.get(`${row},${c}`))
          .filter((f) => !f || (f.unit === total.unit && f.period === total.period));
        check(total, parts, table.scopeColumns.includes(totalColumn));
      }
    }
  }
  return findings;
}
