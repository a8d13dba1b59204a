/**
 * Issue 9 §3: a figure with no subject of its own takes the previous statement's label only when it can
 * measure the same thing (made-up sentences of the general shapes): a rate is that amount's change; an amount
 * or count must be in a unit of the same family as the figures the label was given to, with no subject named
 * between. And the words of a small change (`微降`, `微涨`) and of a fall (`下跌`) are change words.
 */
import { describe, expect, it } from 'vitest';
import { planAndReviewChecker, targetOutcomes } from './helpers/project.js';
import { figureOfText, figuresOfText } from './helpers/figures.js';

const run = planAndReviewChecker('carry');


const figure = (text: string, raw: string) => figureOfText(text, raw, { path: 'statement.txt' });

describe('a label is carried to a later figure only when it fits it', () => {
  it.each([
    // a new subject, in another unit: not the first statement's figure
    ['粮食产量达到1.3万亿斤，新能源装机成为第一大电源，达到4500万千瓦。', '4500万千瓦', ''],
    // a count after an amount of money is not the amount's
    ['全年完成投资1200亿元，达到326个。', '326个', ''],
  ])('%s: %s has no label of the statement before it', async (text, raw, label) => {
    const f = await figure(text, raw);
    expect(f.label).toBe(label);
    expect(f.metric ?? null).toBeNull();
  });

  it.each([
    // the same amount restated in another spelling of its unit (斤 and 吨 are one family)
    ['粮食产量达到1.3万亿斤，增长1.3%，达到6.5亿吨。', '6.5亿吨', '粮食产量', 'grain-output'],
    // a rate after an amount is its change, whatever its unit
    ['粮食产量达到6.9亿吨，再创历史新高，增长1.3%。', '1.3%', '粮食产量', 'grain-output'],
    // a clause of method between an amount and its growth names no subject
    ['国内生产总值达到43800亿元，按可比价格计算，比上年增长11.8%。', '11.8%', '国内生产总值', 'gdp'],
    // a level in the same unit as the rate's amount, after the rate
    ['全年粮食产量6.5亿吨，增长1.3%，其中秋粮4.9亿吨。', '1.3%', '粮食产量', 'grain-output'],
  ])('%s: %s keeps the statement\'s label', async (text, raw, label, metric) => {
    const f = await figure(text, raw);
    expect(f.label).toBe(label);
    expect(f.metric).toBe(metric);
  });

  it('items of one list keep their subjects, each in its own unit', async () => {
    const found = await figuresOfText('原煤、原油、天然气产量达到6640.8万吨、1253.6万吨、9.1亿立方米。', { path: 'statement.txt' });
    expect(found.map((f) => f.label)).toEqual(['原煤产量', '原油产量', '天然气产量']);
  });

  it('a new subject named between two amounts of one unit stops the carry', async () => {
    const f = await figure('粮食产量达到6.5亿吨，棉花生产保持稳定，达到600万吨。', '600万吨');
    expect(f.label).not.toBe('粮食产量');
  });
});

describe('a bare mark passed is in the unit of the value stated right after it', () => {
  it.each([
    ['人均地区生产总值突破5万关口、达到5.28万元。', '突破5万', '元'],
    ['全市经济总量突破千亿、达到1042亿元。', '突破千亿', '元'],
  ])('%s: %s in %s', async (text, raw, unit) => {
    const f = await figure(text, raw);
    expect(f.unit).toBe(unit);
  });

  it('not a bare number of another statement', async () => {
    expect((await figure('全省常住人口5000万，地区生产总值达到1042亿元。', '5000万')).unit).not.toBe('元');
  });
});

describe('a small change and a fall are changes of the indicator', () => {
  it.each([
    ['居民消费价格微降0.1%。', '0.1%', 'cpi', 'decrease'],
    ['CPI微降0.1%。', '0.1%', 'cpi', 'decrease'],
    ['居民消费价格下跌0.3%。', '0.3%', 'cpi', 'decrease'],
    ['工业生产者出厂价格微涨0.2%。', '0.2%', 'ppi', 'increase'],
  ])('%s → %s, %s', async (text, raw, metric, change) => {
    const f = await figure(text, raw);
    expect(f.metric).toBe(metric);
    expect(f.kind).toBe('change');
    expect(f.change).toBe(change);
  });
});

describe('a target of a rise is judged by an outcome stated as a fall, as a negative change', () => {
  it('a price ceiling is met by a fall, whatever its size', async () => {
    const r = await run('今年全省发展主要预期目标是：地区生产总值增长6%左右，居民消费价格涨幅3%左右。', '全年地区生产总值增长6.1%，居民消费价格下降0.3%。');
    expect(targetOutcomes(r)).toMatchObject({ '3%左右 → 0.3%': 'met' });
    const big = await run('今年全省发展主要预期目标是：地区生产总值增长6%左右，居民消费价格涨幅3%左右。', '全年地区生产总值增长6.1%，居民消费价格下降4%。');
    // (read unsigned, a fall of 4% would be above the 3% ceiling: missed)
    expect(targetOutcomes(big)).toMatchObject({ '3%左右 → 4%': 'met' });
    expect(big.findings.filter((f) => f.rule === 'target-missed')).toEqual([]);
  });

  it('a growth floor is missed by a fall, whatever its size', async () => {
    const r = await run('今年全省发展主要预期目标是：地区生产总值增长6%左右，居民消费价格涨幅3%左右。', '全年地区生产总值下降7%，居民消费价格上涨2%。');
    expect(targetOutcomes(r)).toMatchObject({ '6%左右 → 7%': 'missed', '3%左右 → 2%': 'met' });
  });
});
