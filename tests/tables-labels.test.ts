/**
 * What a table cell's figure is about (issue 9 §3): its row header × its column header × the table's caption, as a
 * statistical communiqué's tables state the facts its text states (`年末全市常住人口350.2万人，其中城镇…` and `表1 …
 * 常住人口数及其构成` / `指标⇥年末数（万人）⇥比重（%）` / `城镇⇥…⇥…`). Made-up tables of the shapes communiqués and
 * yearbooks print, copied as text (tab-separated cells, src/tables/text-grid.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../src/model.js';
import { runDocumentTask } from '../src/parallel/document-task.js';
import { coreRules } from '../src/rules/load.js';
import { textGrids } from '../src/tables/text-grid.js';

const rules = coreRules();

async function figuresOf(text: string, name = 'communique.txt'): Promise<Figure[]> {
  const outcome = await runDocumentTask({ file: name, shown: name, id: name.replace(/\.\w+$/u, '') }, Buffer.from(text, 'utf8'), rules);
  if (outcome.kind !== 'document') throw new Error(JSON.stringify(outcome));
  return outcome.figures;
}

/** The one figure written `raw` on line `line` (1-based). */
function at(figures: Figure[], line: number, raw: string): Figure {
  const found = figures.filter((f) => f.location.line === line && f.raw === raw);
  expect(found.map((f) => f.raw), `${line}:${raw}`).toHaveLength(1);
  return found[0]!;
}

/** The texts of a grid's rows. */
function rowsOf(text: string): string[][] {
  const grid = textGrids(text)[0]!;
  const rows: string[][] = [];
  for (const c of grid.cells) (rows[c.row] ??= [])[c.column] = text.slice(c.start, c.end);
  return rows;
}

describe('cells a text layer joined with a space', () => {
  it('are split where a row has as many such joints as cells missing', () => {
    const text = ['指标\t年末数（万人） 比重（%）', '全市常住人口\t350.2\t100.0', '其中：城镇\t230.1\t65.7', ''].join('\n');
    expect(rowsOf(text)).toEqual([
      ['指标', '年末数（万人）', '比重（%）'],
      ['全市常住人口', '350.2', '100.0'],
      ['其中：城镇', '230.1', '65.7'],
    ]);
  });

  it('split a unit joined to its row header or to its number, never inside brackets nor inside a number', () => {
    const text = ['产品名称\t单位\t产量\t比上年增长（%）', '发电量\t亿千瓦时 120.5\t-2.7', '烧碱（折 100%） 万吨\t30.6\t1.3', '钢材\t万吨\t3 278.85\t0.5', ''].join('\n');
    expect(rowsOf(text)).toEqual([
      ['产品名称', '单位', '产量', '比上年增长（%）'],
      ['发电量', '亿千瓦时', '120.5', '-2.7'],
      ['烧碱（折 100%）', '万吨', '30.6', '1.3'],
      ['钢材', '万吨', '3 278.85', '0.5'],
    ]);
  });

  it('stay one cell when the joints are more than the cells missing (which is which is unsure)', () => {
    const text = ['项目\t收入 支出 结余', '甲\t1\t2\t3\t4', ''].join('\n');
    expect(rowsOf(text)[0]).toEqual(['项目', '收入 支出 结余']);
  });
});

describe('a column header standing on its own line', () => {
  const TABLE = [
    '全年全市固定资产投资比上年增长5.8%。',
    '表5 2030年分行业固定资产投资完成情况',
    '比上年增长（%）',
    '合计\t5.8',
    '工业\t2.0',
    '制造业\t-1.7',
    '',
  ].join('\n');

  it('heads the value columns of the rows after it, which are no header row', () => {
    expect(rowsOf(TABLE)).toEqual([['', '比上年增长（%）'], ['合计', '5.8'], ['工业', '2.0'], ['制造业', '-1.7']]);
  });

  it('gives the cells under it their change and unit, and every row is read', async () => {
    const figures = await figuresOf(TABLE);
    const total = at(figures, 4, '5.8');
    expect([total.kind, total.change, total.unit, total.value, total.period]).toEqual(['change', 'increase', '%', 5.8, '2030']);
    const industry = at(figures, 5, '2.0');
    expect([industry.kind, industry.change, industry.value]).toEqual(['change', 'increase', 2]);
    expect(industry.label).not.toMatch(/5\.8/u);
  });

  it('is read only when it reads as headers (words closed by a unit in brackets), never a heading or a caption', () => {
    expect(rowsOf(['四、固定资产投资', '合计\t5.8', '工业\t2.0', ''].join('\n'))[0]).toEqual(['合计', '5.8']);
    expect(rowsOf(['表5 2030年分行业固定资产投资', '合计\t5.8', '工业\t2.0', ''].join('\n'))[0]).toEqual(['合计', '5.8']);
    // (two headers for one value column: not this table's)
    expect(rowsOf(['金额（亿元） 增长（%）', '合计\t5.8', '工业\t2.0', ''].join('\n'))[0]).toEqual(['合计', '5.8']);
  });
});
