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
import { captionSubject } from '../src/meaning/captions.js';

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

  it('may open with the corner word over the row headers', () => {
    expect(rowsOf(['指标 年末数（万人） 比重（%）', '全市常住人口\t350.2\t100.0', '城镇\t230.1\t65.7', ''].join('\n'))[0]).toEqual(['指标', '年末数（万人）', '比重（%）']);
  });

  it('is read only when it reads as headers (words closed by a unit in brackets), never a heading or a caption', () => {
    expect(rowsOf(['四、固定资产投资', '合计\t5.8', '工业\t2.0', ''].join('\n'))[0]).toEqual(['合计', '5.8']);
    expect(rowsOf(['一、农业（含林业）', '粮食\t211.3', '油料\t13.0', ''].join('\n'))[0]).toEqual(['粮食', '211.3']);
    expect(rowsOf(['表5 2030年分行业固定资产投资', '合计\t5.8', '工业\t2.0', ''].join('\n'))[0]).toEqual(['合计', '5.8']);
    // (two headers for one value column: not this table's)
    expect(rowsOf(['金额（亿元） 增长（%）', '合计\t5.8', '工业\t2.0', ''].join('\n'))[0]).toEqual(['合计', '5.8']);
  });
});

describe("a caption's subject", () => {
  const subject = (line: string) => captionSubject(line, rules);

  it('is what the caption names after its number, period and place, before the words closing it', () => {
    expect(subject('表1 2030年年末某某市常住人口数及其构成')).toBe('常住人口');
    expect(subject('表 5：2030 年分行业固定资产投资完成情况')).toBe('固定资产投资');
    expect(subject('表6 2030年末某某市金融机构人民币存贷款余额及其增长速度')).toBe('金融机构人民币存贷款余额');
    expect(subject('表3:2030年规模以上工业主要产品产量及增长速度')).toBe('规模以上工业产品产量');
    expect(subject('表4 2030年全市工业投资情况')).toBe('工业投资');
  });

  it('is none for a line that is no table caption, a caption without a closing word, or one naming several facts', () => {
    expect(subject('2030年全市固定资产投资完成情况')).toBeNull();
    expect(subject('表4不同时期某某市土地利用面积特征')).toBeNull();
    expect(subject('表2 2030年全市居民消费价格指数')).toBeNull();
    expect(subject('表5:2030年房地产开发和销售主要指标增速')).toBeNull();
    expect(subject('表3 2030年铁路、公路及民航完成运输量、周转量及增速')).toBeNull();
  });
});

describe('a table cell labelled by its row, its column and its caption', () => {
  const POPULATION = [
    '某某市2030年国民经济和社会发展统计公报',
    '年末全市常住人口350.2万人，其中城镇常住人口230.1万人，乡村常住人口120.1万人。',
    '表1 2030年年末某某市常住人口数及其构成',
    '指标\t年末数（万人） 比重（%）',
    '全市常住人口\t350.2\t100.0',
    '其中：城镇\t230.1\t65.7',
    '乡村\t120.1\t34.3',
    '',
  ].join('\n');

  it("names a row without a measure of its own as that part of the caption's subject; the column gives unit and kind", async () => {
    const figures = await figuresOf(POPULATION);
    const urban = at(figures, 6, '230.1');
    expect([urban.label, urban.metric, urban.unit, urban.kind, urban.value, urban.period]).toEqual(['城镇常住人口', 'urban-population', '人', 'count', 2_301_000, '2030']);
    // (the text's statement of the same fact is of the same indicator and period)
    const text = at(figures, 2, '230.1万人');
    expect([text.metric, text.period]).toEqual([urban.metric, urban.period]);
    expect(at(figures, 7, '120.1').label).toBe('乡村常住人口');
    const share = at(figures, 6, '65.7');
    expect([share.label, share.unit, share.kind]).toEqual(['城镇常住人口比重', '%', 'share']);
    // (the whole row names the subject itself)
    expect(at(figures, 5, '350.2').label).toBe('全市常住人口');
  });

  it("names the total row with the caption's subject and a row of a breakdown as that part of it", async () => {
    const figures = await figuresOf(['表5 2030年分行业固定资产投资完成情况', '比上年增长（%）', '合计\t5.8', '工业\t2.0', '制造业\t-1.7', ''].join('\n'));
    const total = at(figures, 3, '5.8');
    expect([total.label, total.metric, total.change]).toEqual(['固定资产投资', 'fixed-asset-investment', 'increase']);
    expect([at(figures, 4, '2.0').label, at(figures, 4, '2.0').metric]).toEqual(['工业固定资产投资', 'industrial-investment']);
    expect([at(figures, 5, '-1.7').label, at(figures, 5, '-1.7').change]).toEqual(['制造业固定资产投资', 'decrease']);
  });

  it('names a row narrowing the words the subject opens with as that part of it', async () => {
    const figures = await figuresOf(
      ['表7 2030年全市居民人均可支配收入及其增长速度', '指标\t绝对数（元）\t比上年增长（%）', '全体居民\t38000\t5.1', '城镇居民\t47000\t4.5', '农村居民\t22000\t6.4', ''].join('\n'),
    );
    expect(at(figures, 3, '38000').label).toBe('全体居民人均可支配收入');
    const urban = at(figures, 4, '47000');
    expect([urban.label, urban.metric, urban.unit]).toEqual(['城镇居民人均可支配收入', 'urban-disposable-income-per-capita', '元']);
    expect([at(figures, 5, '6.4').metric, at(figures, 5, '6.4').change]).toEqual(['rural-disposable-income-per-capita', 'increase']);
  });

  it("keeps the name of a row naming its own measure, and of the rows under it (parts of it, not of the subject)", async () => {
    const figures = await figuresOf(
      ['表5 2030年某某市货物进出口总值及其增长速度', '指标\t金额（亿元）\t比上年增长（%）', '货物进出口总值\t184.3\t19.7', '出口\t161.0\t20.9', '其中：一般贸易\t132.4\t15.3', '进口\t23.3\t12.5', ''].join('\n'),
    );
    expect(at(figures, 3, '184.3').label).toBe('货物进出口总值');
    const exports = at(figures, 4, '161.0');
    // (`金额` says how the value is measured: no part of the label)
    expect([exports.label, exports.metric, exports.unit, exports.value]).toEqual(['出口', 'exports', '元', 16_100_000_000]);
    expect(at(figures, 5, '132.4').label).toBe('一般贸易');
    expect(at(figures, 6, '23.3').metric).toBe('imports');
  });

  it("gives a row the caption's scope word it does not write (人民币 balances are not 本外币 ones)", async () => {
    const figures = await figuresOf(
      ['表6 2030年末某某市金融机构人民币存贷款余额及其增长速度', '指标\t年末数（亿元）\t比上年末增长（%）', '各项存款余额\t6179.82\t10.3', '其中：境内住户存款\t4958.90\t11.3', '各项贷款余额\t4023.26\t8.8', ''].join('\n'),
    );
    const deposits = at(figures, 3, '6179.82');
    expect([deposits.label, deposits.period, deposits.unit]).toEqual(['人民币各项存款余额', '2030', '元']);
    expect(at(figures, 4, '4958.90').label).toBe('人民币境内住户存款');
    expect(at(figures, 5, '8.8').label).toBe('人民币各项贷款余额');
  });

  it('says no header twice and reads every level of a marked breakdown', async () => {
    const figures = await figuresOf(['表2 2030年全市居民消费价格指数', '以上年为100', '类别\t指数', '居民消费价格指数\t100.0', '一、食品烟酒\t98.1', '#食品\t97.2', '##粮食\t95.2', ''].join('\n'));
    expect(at(figures, 4, '100.0').label).toBe('居民消费价格指数');
    expect(at(figures, 5, '98.1').label).toBe('食品烟酒指数');
    expect(at(figures, 7, '95.2').label).not.toMatch(/#/u);
  });

  it("leaves the caption's subject out where a column names the measure: a product's output is the product and 产量", async () => {
    const figures = await figuresOf(
      ['表3 2030年规模以上工业主要产品产量及其增长速度', '产品名称\t单位\t产量\t比上年增长（%）', '原煤\t万吨\t525.01\t-1.3', '发电量\t亿千瓦时\t215.17\t-2.7', ''].join('\n'),
    );
    const coal = at(figures, 3, '525.01');
    expect([coal.label, coal.metric, coal.unit]).toEqual(['原煤产量', 'raw-coal-output', '吨']);
    // (a row naming its own measure takes no second one)
    const power = at(figures, 4, '215.17');
    expect([power.label, power.metric, power.unit]).toEqual(['发电量', 'power-generation', '千瓦时']);
  });

  it('leaves the rows of a table whose caption names no subject as they read', async () => {
    const figures = await figuresOf(['表4 不同时期某某市土地利用面积特征', '类型\t面积（平方公里）', '建设用地\t241.43', '合计\t14197.4', ''].join('\n'));
    expect(at(figures, 3, '241.43').label).toBe('建设用地面积');
    expect(at(figures, 4, '14197.4').label).toBe('合计面积');
  });
});

describe('an index with the year before at 100', () => {
  const CPI = [
    '某某市2030年国民经济和社会发展统计公报',
    '全年全市居民消费价格同比下降0.2%。',
    '表2 2030年某某市居民消费价格指数 以上年为100',
    '类别\t指数',
    '居民消费价格指数\t99.8',
    '其中：食品烟酒\t101.5',
    '',
  ].join('\n');

  it('states the change from 100, as precise as the index, and is the same fact as the text stating the change', async () => {
    const figures = await figuresOf(CPI);
    const index = at(figures, 5, '99.8');
    expect([index.label, index.metric, index.kind, index.change, index.unit, index.value, index.period]).toEqual(['居民消费价格指数', 'cpi', 'change', 'decrease', '%', 0.2, '2030']);
    expect([index.interval?.lo, index.interval?.hi]).toEqual([0.15, 0.25]);
    const text = at(figures, 2, '0.2%');
    expect([text.metric, text.change, text.period]).toEqual([index.metric, index.change, index.period]);
    expect([at(figures, 6, '101.5').change, at(figures, 6, '101.5').value]).toEqual(['increase', 1.5]);
  });

  it('is read from a note on its own line or in a column header; a table without the note holds its values as written', async () => {
    const own = await figuresOf(['表2 2030年全市居民消费价格指数', '以上年为 100', '类别\t指数', '居民消费价格指数\t99.8', ''].join('\n'));
    expect([at(own, 4, '99.8').change, at(own, 4, '99.8').value]).toEqual(['decrease', 0.2]);
    const header = await figuresOf(['表2 2030年全市居民消费价格', '类别\t指数（上年=100）', '居民消费价格\t102.1', ''].join('\n'));
    expect([at(header, 3, '102.1').label, at(header, 3, '102.1').change, at(header, 3, '102.1').value]).toEqual(['居民消费价格指数', 'increase', 2.1]);
    const plain = await figuresOf(['表2 2030年全市主要指标', '指标\t指数', '综合指数\t99.8', ''].join('\n'));
    expect([at(plain, 3, '99.8').change, at(plain, 3, '99.8').value]).toEqual([null, 99.8]);
  });
});

describe("a caption saying its cells are changes, and columns naming the rows' scopes", () => {
  it('reads a cell in % as a change when the caption closes with a change word, its sign saying which way', async () => {
    const figures = await figuresOf(['表4 2030年分行业固定资产投资增速', '指标\t%', '合计\t5.0', '第一产业\t-2.9', ''].join('\n'));
    const total = at(figures, 3, '5.0');
    expect([total.label, total.metric, total.kind, total.change, total.value]).toEqual(['固定资产投资', 'fixed-asset-investment', 'change', 'increase', 5]);
    const primary = at(figures, 4, '-2.9');
    expect([primary.label, primary.change, primary.value]).toEqual(['第一产业固定资产投资', 'decrease', 2.9]);
    // (a column naming something else, a share beside the changes, is no change)
    const shares = await figuresOf(['表4 2030年分行业固定资产投资增速', '指标\t增速（%）\t占比（%）', '工业\t2.0\t44.0', ''].join('\n'));
    expect([at(shares, 3, '2.0').change, at(shares, 3, '44.0').kind, at(shares, 3, '44.0').change]).toEqual(['increase', 'share', null]);
  });

  it('leaves levels and shares of a table of levels and their changes (`及其增长速度`) as they are', async () => {
    const figures = await figuresOf(['表1 2030年年末某某市常住人口数及其增长速度', '指标\t比重（%）', '城镇\t65.7', ''].join('\n'));
    expect([at(figures, 3, '65.7').kind, at(figures, 3, '65.7').change]).toEqual(['share', null]);
  });

  it('writes a scope column before the row and drops the whole area', async () => {
    const figures = await figuresOf(['表2 2030年居民消费价格比上年涨跌幅度', '指标\t全市\t城市\t农村', '居民消费价格\t1.6\t1.5\t-0.3', ''].join('\n'));
    const all = at(figures, 3, '1.6');
    expect([all.label, all.metric, all.change, all.value]).toEqual(['居民消费价格', 'cpi', 'increase', 1.6]);
    expect(at(figures, 3, '1.5').label).toBe('城市居民消费价格');
    const rural = at(figures, 3, '-0.3');
    expect([rural.label, rural.change, rural.value]).toEqual(['农村居民消费价格', 'decrease', 0.3]);
  });
});
