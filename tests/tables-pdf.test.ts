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
import { documentFromText } from '../src/document.js';
import type { Document, Figure } from '../src/model.js';
import { runDocumentTask } from '../src/parallel/document-task.js';
import { decodeBuffer } from '../src/read/decode.js';
import type { PdfLine, PdfPage } from '../src/read/pdf.js';
import { pdfTables } from '../src/read/pdf-tables.js';
import { coreRules } from '../src/rules/load.js';
import { extractFigures } from './helpers/figures.js';
import { figureAt, gold, misses, readTableFixture, TABLES_DIR as DIR } from './helpers/table-gold.js';

const rules = coreRules();
const PDF_DIR = join(import.meta.dirname, 'fixtures', 'pdf');

/** The tables printed to PDF, by the HTML file gold.json names them with. */
const PRINTED = ['urumqi-land-use', 'pumqu-glaciers', 'yanhe-rsei', 'kezi-vegetation'];
/** The same tables set another way: numbers right-aligned, headers centred, borders (as communiqués print them). */
const RESET: Record<string, string> = { 'urumqi-land-use-right-aligned': 'urumqi-land-use' };

describe('tables read from PDF', async () => {
  const printed = new Map(await Promise.all([...PRINTED, ...Object.keys(RESET)].map(async (name) => [name, await readTableFixture(DIR, `${name}.pdf`)] as const)));

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
      const html = await readTableFixture(DIR, `${name}.html`);
      expect(printed.get(name)!.figures.map(shape), name).toEqual(html.figures.map(shape));
    }
    const { document, figures } = printed.get('urumqi-land-use')!;
    const cell = figures.find((f) => f.raw === '5795.47')!;
    expect(cell.location.page).toBe(1);
    expect(document.original.split('\f')[0]!.split('\n')[cell.location.line - 1]).toBe('绿地 5795.47 40.82 4818.91 33.94 5446.31 38.36');
  });

  it('reads a communiqué’s layout (指标 | 单位 | 绝对数 | 比上年增长（%）, numbers right-aligned) as its HTML', async () => {
    const shape = (f: Figure) => [f.raw, f.label, f.unit, f.value, f.period, f.kind, f.change].join('|');
    const pdf = await readTableFixture(DIR, 'communique-layout.pdf');
    const html = await readTableFixture(DIR, 'communique-layout.html');
    expect(pdf.figures.map(shape)).toEqual(html.figures.map(shape));
    expect(pdf.figures.find((f) => f.raw === '-1.2')).toMatchObject({ label: '第一产业增加值', unit: '%', period: '2024', change: 'decrease' });
  });

  it('aligns a PDF table cell with a sentence stating the same fact, and reports one stating another', async () => {
    const outcome = await runDocumentTask({ file: 'communique-layout.pdf', shown: 'communique-layout.pdf', id: 'table', period: '2024' }, readFileSync(join(DIR, 'communique-layout.pdf')), rules);
    if (outcome.kind !== 'document') throw new Error(JSON.stringify(outcome));
    const mismatches = (sentence: string) => {
      const document = documentFromText(sentence, { id: 'report', path: 'report.txt', period: '2024' });
      const figures = [...outcome.figures, ...extractFigures(document, rules)];
      return runChecks([outcome.document, document], figures, rules, { locale: 'en' }).findings.filter((f) => f.rule === 'figure-mismatch');
    };
    expect(mismatches('2024年,全市地区生产总值3400多亿元,比上年增长5.6%。')).toEqual([]);
    const found = mismatches('2024年,全市地区生产总值3400多亿元,比上年增长5.8%。');
    expect(found).toHaveLength(1);
    expect(found[0]!.locations.map((l) => l.text).sort()).toEqual(['5.6', '5.8%']);
    expect(found[0]!.locations.find((l) => l.text === '5.6')!.page).toBe(1);
  });

  it('reports a wrong total in a PDF table', async () => {
    const right = printed.get('urumqi-land-use')!;
    expect(runChecks([right.document], right.figures, rules, { locale: 'en' }).findings.filter((f) => f.rule === 'arithmetic-mismatch')).toEqual([]);
    const wrong = await readTableFixture(DIR, 'urumqi-land-use-wrong-total.pdf');
    const found = runChecks([wrong.document], wrong.figures, rules, { locale: 'en' }).findings.filter((f) => f.rule === 'arithmetic-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]!.locations.map((l) => l.text)).toEqual(['14298.16', '241.43', '5795.47', '7728.13', '433.13']);
    expect(found[0]!.locations[0]!.page).toBe(1);
  });

  it('leaves a table whose grid is not plain to be read as text (headers in fragments, cells split by OCR)', async () => {
    const decoded = await decodeBuffer(readFileSync(join(DIR, 'guangdong-biomedicine.pdf')), 'guangdong-biomedicine.pdf');
    expect(decoded.tables).toBeUndefined();
  });

  it('takes no prose for a table: the report PDFs and the two-column bulletin have none', async () => {
    for (const file of ['gwr-2025-beijing.pdf', 'gwr-2025-jilin.pdf', 'gwr-2025-xizang.pdf', 'two-columns.pdf']) {
      const decoded = await decodeBuffer(readFileSync(join(PDF_DIR, file)), file);
      expect(decoded.tables, file).toBeUndefined();
    }
  });
});

describe('what is not a table', () => {
  /** A line of runs at x positions (12 pt type), as PDF.js gives them. */
  const line = (y: number, ...runs: [number, string][]): PdfLine => {
    let text = '';
    const places = runs.map(([x0, run]) => {
      if (text) text += ' ';
      const from = text.length;
      text += run;
      const width = [...run].reduce((w, c) => w + (/[\u4e00-\u9fff]/u.test(c) ? 12 : 6), 0);
      return { x0, x1: x0 + width, size: 12, from, to: text.length };
    });
    return { text, x0: runs[0]![0], x1: places[places.length - 1]!.x1, y, size: 12, column: 0, left: 0, right: 0, lead: 0, places };
  };
  const page = (...lines: PdfLine[]): PdfPage[] => [{ lines, height: 842 }];

  it('finds a grid with headers over its columns', () => {
    const tables = pdfTables(page(line(720, [58, '指标'], [200, '2023年'], [300, '2024年']), line(700, [58, '粮食产量'], [200, '1251.6'], [300, '1270.2']), line(680, [58, '棉花产量'], [200, '56.1'], [300, '60.3'])));
    expect(tables).toHaveLength(1);
    expect(tables[0]!.cells.map((c) => [c.row, c.column])).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2], [2, 0], [2, 1], [2, 2]]);
  });

  it('keeps a group row (a row header alone) inside the grid', () => {
    const tables = pdfTables(
      page(
        line(740, [58, '指标'], [200, '2023年'], [300, '2024年']),
        line(720, [58, '粮食产量'], [200, '1251.6'], [300, '1270.2']),
        line(700, [58, '其中：']),
        line(680, [58, '夏粮'], [200, '301.2'], [300, '310.5']),
        line(660, [58, '秋粮'], [200, '950.4'], [300, '959.7']),
      ),
    );
    expect(tables).toHaveLength(1);
    expect(tables[0]!.cells.filter((c) => c.row === 2).map((c) => c.column)).toEqual([0]);
    expect(Math.max(...tables[0]!.cells.map((c) => c.row))).toBe(4);
  });

  it('takes no grid without headers, no numbers in sentences, no numbers out of line', () => {
    // the same rows without a header line: nothing says what the numbers are
    expect(pdfTables(page(line(700, [58, '粮食产量'], [200, '1251.6'], [300, '1270.2']), line(680, [58, '棉花产量'], [200, '56.1'], [300, '60.3'])))).toEqual([]);
    // prose with figures: words after numbers
    expect(pdfTables(page(line(720, [58, '主要指标']), line(700, [58, '全年粮食产量'], [160, '1251.6'], [210, '万吨，增长'], [300, '2.3%']), line(680, [58, '棉花产量'], [160, '56.1'], [210, '万吨，下降'], [300, '1.2%'])))).toEqual([]);
    // numbers that do not stand in the same columns
    expect(pdfTables(page(line(720, [58, '指标'], [200, '2023年'], [300, '2024年']), line(700, [58, '粮食'], [120, '1251.6'], [400, '1270.2']), line(680, [58, '棉花'], [250, '56.1'], [330, '60.3'])))).toEqual([]);
  });
});
