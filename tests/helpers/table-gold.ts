/**
 * The labelled table cells of tests/fixtures/tables/gold.json and how a cell's figure is judged against one:
 * shared by the HTML/.docx gold test and the PDF table test, which read the same tables two ways.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, Figure } from '../../src/model.js';
import { runDocumentTask } from '../../src/parallel/document-task.js';
import { coreRules } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/types.js';

export const TABLES_DIR = join(import.meta.dirname, '..', 'fixtures', 'tables');

export interface GoldCell {
  file: string;
  row: number;
  column: number;
  raw: string;
  label: string[];
  unit: string | null;
  period: string | null;
  value: number;
  change: 'increase' | 'decrease' | null;
  set: 'dev' | 'holdout';
}

export const gold = JSON.parse(readFileSync(join(TABLES_DIR, 'gold.json'), 'utf8')) as GoldCell[];

/** A fixture read as `check` reads it (the worker's task: read, tables, extract, meaning). */
export async function readTableFixture(dir: string, file: string, rules: RuleSet = coreRules()): Promise<{ document: Document; figures: Figure[] }> {
  const outcome = await runDocumentTask({ file, shown: file, id: file }, readFileSync(join(dir, file)), rules);
  if (outcome.kind !== 'document') throw new Error(`${file}: ${JSON.stringify(outcome)}`);
  return outcome;
}

/** The figure read in the cell at a grid place, if any. */
export function figureAt(document: Document, figures: Figure[], row: number, column: number): Figure | undefined {
  for (const table of document.tables ?? []) {
    const cell = table.cells.find((c) => c.row === row && c.column === column);
    if (cell) return figures.find((f) => f.span.start >= cell.start && f.span.end <= cell.end);
  }
  return undefined;
}

/** What is wrong with a cell's figure (empty when it is right). */
export function misses(cell: GoldCell, figure: Figure | undefined): string[] {
  if (!figure) return ['no figure'];
  const wrong: string[] = [];
  const label = figure.label.replace(/\s+/g, '');
  if (!cell.label.every((part) => label.includes(part.replace(/\s+/g, '')))) wrong.push(`label ${figure.label} ≠ ${cell.label.join('+')}`);
  if (figure.unit !== cell.unit) wrong.push(`unit ${figure.unit} ≠ ${cell.unit}`);
  if (figure.period !== cell.period) wrong.push(`period ${figure.period} ≠ ${cell.period}`);
  if (figure.value === null || Math.abs(figure.value - cell.value) > Math.abs(cell.value) * 1e-9 + 1e-9) wrong.push(`value ${figure.value} ≠ ${cell.value}`);
  if (figure.change !== cell.change) wrong.push(`change ${figure.change} ≠ ${cell.change}`);
  return wrong;
}
