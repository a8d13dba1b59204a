/**
 * Tables in PDFs, where the layout makes a grid plain (src/read/pdf-tables.ts): real published tables of
 * tests/fixtures/tables/ printed to PDF by LibreOffice (README there) must give their cells the labels, units,
 * periods, values and changes of the gold reading of the same tables from HTML, located on their page; a wrong
 * total in a PDF table is an arithmetic finding; prose is never taken for a table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/engine.js';
import type { Document, Figure } from '../src/model.js';
import { runDocumentTask } from '../src/parallel/document-task.js';
import { decodeBuffer } from '../src/read/decode.js';
import { coreRules } from '../src/rules/load.js';

const rules = coreRules();
const DIR = join(import.meta.dirname, 'fixtures', 'tables');
const PDF_DIR = join(import.meta.dirname, 'fixtures', 'pdf');

interface GoldCell {
  file: string;
  row: number;
  column: number;
  raw: string;
  label: string[];
  unit: string | null;
  period: string | null;
  value: number;
  change: 'increase' | 'decrease' | null;
}

const gold = JSON.parse(readFileSync(join(DIR, 'gold.json'), 'utf8')) as GoldCell[];
/** The tables printed to PDF, by the HTML file gold.json names them with. */
const PRINTED = ['urumqi-land-use', 'pumqu-glaciers', 'yanhe-rsei', 'kezi-vegetation'];
/** The same tables set another way: numbers right-aligned, headers centred, borders (as communiqués print them). */
const RESET: Record<string, string> = { 'urumqi-land-use-right-aligned': 'urumqi-land-use' };

async function read(dir: string, file: string): Promise<{ document: Document; figures: Figure[] }> {
  const outcome = await runDocumentTask({ file, shown: file, id: file }, readFileSync(join(dir, file)), rules);
  if (outcome.kind !== 'document') throw new Error(`${file}: ${JSON.stringify(outcome)}`);
  return outcome;
}

function figureAt(document: Document, figures: Figure[], row: number, column: number): Figure | undefined {
  for (const table of document.tables ?? []) {
    const cell = table.cells.find((c) => c.row === row && c.column === column);
    if (cell) return figures.find((f) => f.span.start >= cell.start && f.span.end <= cell.end);
  }
  return undefined;
}

function misses(cell: GoldCell, figure: Figure | undefined): string[] {
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

describe('tables read from PDF', async () => {
  const printed = new Map(await Promise.all([...PRINTED, ...Object.keys(RESET)].map(async (name) => [name, await read(DIR, `${name}.pdf`)] as const)));

  it('gives at least 95% of the gold cells of the printed tables the labels, units, periods and values of the HTML reading', () => {
    const cells = [
      ...gold.filter((g) => PRINTED.some((name) => g.file === `${name}.html`)),
      ...Object.entries(RESET).flatMap(([pdf, html]) => gold.filter((g) => g.file === `${html}.html`).map((g) => ({ ...g, file: `${pdf}.html` }))),
    ];
    const wrong = cells.flatMap((cell) => {
      const { document, figures } = printed.get(cell.file.replace(/\.html$/, ''))!;
      const found = misses(cell, figureAt(document, figures, cell.row, cell.column));
      return found.length ? [`${cell.file} r${cell.row}c${cell.column} ${cell.raw}: ${found.join('; ')}`] : [];
    });
    console.log(`PDF tables: ${cells.length - wrong.length}/${cells.length} gold cells right${wrong.length ? `\n  ${wrong.join('\n  ')}` : ''}`);
    expect(cells.length).toBeGreaterThanOrEqual(150);
    expect((cells.length - wrong.length) / cells.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reads a clean table exactly as the HTML does, each figure located on its page and line', async () => {
    const shape = (f: Figure) => [f.raw, f.label, f.unit, f.value, f.period, f.kind, f.change].join('|');
    for (const name of ['urumqi-land-use', 'pumqu-glaciers']) {
      const html = await read(DIR, `${name}.html`);
      expect(printed.get(name)!.figures.map(shape), name).toEqual(html.figures.map(shape));
    }
    const { document, figures } = printed.get('urumqi-land-use')!;
    const cell = figures.find((f) => f.raw === '5795.47')!;
    expect(cell.location.page).toBe(1);
    expect(document.original.split('\f')[0]!.split('\n')[cell.location.line - 1]).toBe('绿地 5795.47 40.82 4818.91 33.94 5446.31 38.36');
  });

  it('reads a communiqué’s layout (指标 | 单位 | 绝对数 | 比上年增长（%）, numbers right-aligned) as its HTML', async () => {
    const shape = (f: Figure) => [f.raw, f.label, f.unit, f.value, f.period, f.kind, f.change].join('|');
    const pdf = await read(DIR, 'communique-layout.pdf');
    const html = await read(DIR, 'communique-layout.html');
    expect(pdf.figures.map(shape)).toEqual(html.figures.map(shape));
    expect(pdf.figures.find((f) => f.raw === '-1.2')).toMatchObject({ label: '第一产业增加值', unit: '%', period: '2024', change: 'decrease' });
  });

  it('reports a wrong total in a PDF table', async () => {
    const right = printed.get('urumqi-land-use')!;
    expect(runChecks([right.document], right.figures, rules, { locale: 'en' }).findings.filter((f) => f.rule === 'arithmetic-mismatch')).toEqual([]);
    const wrong = await read(DIR, 'urumqi-land-use-wrong-total.pdf');
    const found = runChecks([wrong.document], wrong.figures, rules, { locale: 'en' }).findings.filter((f) => f.rule === 'arithmetic-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]!.locations.map((l) => l.text)).toEqual(['14298.16', '241.43', '5795.47', '7728.13', '433.13']);
    expect(found[0]!.locations[0]!.page).toBe(1);
  });

  it('takes no prose for a table: the report PDFs and the two-column bulletin have none', async () => {
    for (const file of ['gwr-2025-beijing.pdf', 'gwr-2025-jilin.pdf', 'gwr-2025-xizang.pdf', 'two-columns.pdf']) {
      const decoded = await decodeBuffer(readFileSync(join(PDF_DIR, file)), file);
      expect(decoded.tables, file).toBeUndefined();
    }
  });
});
