/**
 * Tables copied into plain text as tab-separated cells, one row a line (src/tables/text-grid.ts): the same grid a
 * .docx or HTML table gives the table stage, so each cell takes label, unit, period and status from its row and
 * column headers. Made-up tables of the shapes budget reports and communiqués print.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../src/model.js';
import { runDocumentTask } from '../src/parallel/document-task.js';
import { coreRules } from '../src/rules/load.js';
import { textGrids } from '../src/tables/text-grid.js';

const rules = coreRules();

async function figuresOf(text: string, name = 'budget.txt'): Promise<Figure[]> {
  const outcome = await runDocumentTask({ file: name, shown: name, id: name.replace(/\.\w+$/u, '') }, Buffer.from(text, 'utf8'), rules);
  if (outcome.kind !== 'document') throw new Error(JSON.stringify(outcome));
  return outcome.figures;
}

/** [label, period, modality, kind, change, value, unit] of the one figure written `raw` on line `line`. */
function cell(figures: Figure[], line: number, raw: string): unknown[] {
  const found = figures.filter((f) => f.location.line === line && f.raw === raw);
  expect(found.map((f) => f.raw), `${line}:${raw}`).toHaveLength(1);
  const f = found[0]!;
  return [f.label, f.period, f.modality, f.kind, f.change, f.value, f.unit];
}

const BUDGET = [
  '关于某市2030年预算执行情况与2031年预算草案的报告',
  '——2030年12月20日在某市第十届人民代表大会第五次会议上',
  '一、2030年预算执行情况',
  '表1 全市一般公共预算收支情况表',
  '单位：万元',
  '项目\t2029年决算数\t2030年预算数\t2030年预计数\t为预算%\t比上年增长%\t2031年预算数\t比上年增长%',
  '一般公共预算收入\t1000000\t1050000\t1060000\t101.0\t6.0\t1080000\t1.9',
  '其中：税收收入\t800000\t820000\t830000\t101.2\t3.8\t850000\t-2.4',
  '',
  '非税收入\t200000\t230000\t230000\t100.0\t15.0\t230000\t0',
  '二、2031年预算草案',
  '全市一般公共预算收入安排108亿元。',
].join('\n');

describe('tab-separated lines as a grid', () => {
  it('finds the rows of a run of tab-separated lines, blank lines inside it skipped, a prose line ending it', () => {
    const grids = textGrids(BUDGET);
    expect(grids).toHaveLength(1);
    const rows = new Set(grids[0]!.cells.map((c) => c.row));
    expect(rows.size).toBe(4);
    // every cell is its own text, without the tabs around it
    for (const c of grids[0]!.cells) expect(BUDGET.slice(c.start, c.end)).not.toMatch(/\t|\n/u);
    expect(grids[0]!.cells.filter((c) => c.row === 0).map((c) => BUDGET.slice(c.start, c.end))).toEqual([
      '项目', '2029年决算数', '2030年预算数', '2030年预计数', '为预算%', '比上年增长%', '2031年预算数', '比上年增长%',
    ]);
  });

  it('keeps an empty corner as a column and reads no grid from prose, an indented line or a lone tab row', () => {
    const grid = textGrids('\t2029年\t2030年\n收入\t5\t6\n')[0]!;
    expect(grid.cells.filter((c) => c.row === 1).map((c) => c.column)).toEqual([0, 1, 2]);
    expect(textGrids('全市一般公共预算收入108亿元。\n\t二、2031年预算草案\n')).toEqual([]);
    expect(textGrids('前言\n收入\t5\n正文\n')).toEqual([]);
    expect(textGrids('no tab at all')).toEqual([]);
  });
});

describe("a budget table's cells", () => {
  it('take period and status from their column: final accounts actual, budget target, expected outcome estimate', async () => {
    const figures = await figuresOf(BUDGET);
    expect(cell(figures, 7, '1000000')).toEqual(['一般公共预算收入', '2029', 'actual', 'level', null, 10_000_000_000, '元']);
    expect(cell(figures, 7, '1050000')).toEqual(['一般公共预算收入', '2030', 'target', 'level', null, 10_500_000_000, '元']);
    expect(cell(figures, 7, '1060000')).toEqual(['一般公共预算收入', '2030', 'estimate', 'level', null, 10_600_000_000, '元']);
    expect(cell(figures, 7, '1080000')).toEqual(['一般公共预算收入', '2031', 'target', 'level', null, 10_800_000_000, '元']);
  });

  it('read a change or share column after a dated one as of that column: its period and status', async () => {
    const figures = await figuresOf(BUDGET);
    expect(cell(figures, 7, '6.0')).toEqual(['一般公共预算收入', '2030', 'estimate', 'change', 'increase', 6, '%']);
    expect(cell(figures, 7, '1.9')).toEqual(['一般公共预算收入', '2031', 'target', 'change', 'increase', 1.9, '%']);
    expect(cell(figures, 8, '-2.4')).toEqual(['税收收入', '2031', 'target', 'change', 'decrease', 2.4, '%']);
    expect(cell(figures, 7, '101.0').slice(1, 4)).toEqual(['2030', 'estimate', 'share']);
  });

  it('name a part row (其中：) by the part, and give its figures the metric a sentence gets', async () => {
    const figures = await figuresOf(BUDGET);
    const tax = figures.find((f) => f.location.line === 8 && f.raw === '830000')!;
    expect(tax.label).toBe('税收收入');
    const prose = figures.find((f) => f.raw === '108亿元')!;
    const budget = figures.find((f) => f.location.line === 7 && f.raw === '1080000')!;
    expect(budget.metric).toBeTruthy();
    expect([budget.metric, budget.period, budget.modality, budget.value]).toEqual([prose.metric, prose.period, prose.modality, prose.value]);
  });

  it('point at the cell in the original text', async () => {
    const figures = await figuresOf(BUDGET);
    const lines = BUDGET.split('\n');
    for (const f of figures) expect(lines[f.location.line - 1]!.slice(f.location.column - 1, f.location.endColumn - 1)).toBe(f.raw);
  });
});

describe("a communiqué's table in text", () => {
  it('reads a year column and its change column, with the caption unit', async () => {
    const text = ['某市2030年国民经济和社会发展统计公报', '表2 2030年主要指标', '单位：亿元', '指标\t2030年\t比上年增长%', '地区生产总值\t3409.2\t5.6', '第一产业增加值\t409.1\t-1.2'].join('\n');
    const figures = await figuresOf(text, 'communique.txt');
    expect(cell(figures, 5, '3409.2')).toEqual(['地区生产总值', '2030', 'actual', 'level', null, 340_920_000_000, '元']);
    expect(cell(figures, 5, '5.6')).toEqual(['地区生产总值', '2030', 'actual', 'change', 'increase', 5.6, '%']);
    expect(cell(figures, 6, '-1.2')).toEqual(['第一产业增加值', '2030', 'actual', 'change', 'decrease', 1.2, '%']);
  });
});

describe('a header merged over columns, copied as text', () => {
  const text = [
    '关于某市2030年预算执行情况与2031年预算草案的报告',
    '单位：亿元',
    '项目\t2030年\t\t2031年',
    '\t预算数\t预计数\t预算数',
    '一般公共预算收入\t105\t106\t108',
  ].join('\n');

  it('spans the empty cells after it that the row below fills', () => {
    const header = textGrids(text)[0]!.cells.filter((c) => c.row === 0);
    expect(header.map((c) => [text.slice(c.start, c.end), c.column, c.columnSpan])).toEqual([
      ['项目', 0, 1],
      ['2030年', 1, 2],
      ['2031年', 3, 1],
    ]);
  });

  it("gives each cell the merged header's year and its own column's status", async () => {
    const figures = await figuresOf(text);
    expect(cell(figures, 5, '105')).toEqual(['一般公共预算收入', '2030', 'target', 'level', null, 10_500_000_000, '元']);
    expect(cell(figures, 5, '106')).toEqual(['一般公共预算收入', '2030', 'estimate', 'level', null, 10_600_000_000, '元']);
    expect(cell(figures, 5, '108')).toEqual(['一般公共预算收入', '2031', 'target', 'level', null, 10_800_000_000, '元']);
  });

  it('merges nothing in a row of values', () => {
    const grid = textGrids('项目\t2030年\t2031年\n收入\t5\t\n支出\t6\t7\n')[0]!;
    expect(grid.cells.filter((c) => c.row === 1).map((c) => c.columnSpan)).toEqual([1, 1]);
  });
});
