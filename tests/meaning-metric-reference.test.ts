/**
 * Issue 9 §3: figures whose label does not name their subject directly (made-up sentences of the shapes seen in
 * work reports): a yearly average over a plan's years is another fact than the plan's total change, and than an
 * indicator's own average (per-capita consumption); a span's change against the year before it is the span's
 * own change; a milestone's rank phrase (`成为…首个`, `第三个`) is no part of what the figure measures; a point of
 * the century (`到本世纪末`) is time, not label; a bare head listed after a statement shares its modifier
 * (`粮食播种面积…、年度产量…`); an anaphor (`在这方面`) points to the indicator of the sentence before.
 */
import { describe, expect, it } from 'vitest';
import { autoIdentity } from '../src/checks/align.js';
import { coreRules } from '../src/rules/load.js';
import { figuresOfText } from './helpers/figures.js';
import type { Figure } from '../src/model.js';

const figuresOf = (text: string) => figuresOfText(text, { path: 'statement.txt' });
const identity = (f: Figure) => autoIdentity(f, coreRules())?.id ?? null;
const byRaw = (figures: Figure[], raw: string) => figures.find((f) => f.raw === raw)!;

describe('a yearly average over a span', () => {
  it('is another fact than the span total, for an indicator whose own scope is an average', async () => {
    const figures = await figuresOf('第六个五年计划期间，城乡居民按人口平均的消费水平计划提高百分之二十二，平均每年递增百分之四点一。');
    const total = byRaw(figures, '百分之二十二');
    const yearly = byRaw(figures, '百分之四点一');
    expect(total.metric).toBe('consumption-level');
    expect(yearly.metric).toBe('consumption-level@per-year');
    expect(identity(total)).not.toBe(identity(yearly));
  });

  it('is one fact however it is worded (平均每年, 年均, 每年平均), and the average of a level stays apart', async () => {
    const a = byRaw(await figuresOf('农业总产值平均每年递增百分之四。'), '百分之四');
    const b = byRaw(await figuresOf('农业总产值年均增长4%。'), '4%');
    expect(a.metric).toBe('gross-agricultural-output@per-year');
    expect(b.metric).toBe(a.metric);
    const level = byRaw(await figuresOf('全年城镇调查失业率平均为5.2%。'), '5.2%');
    expect(level.metric).not.toMatch(/per-year/u);
  });
});

describe('a span against the year before it', () => {
  it('is the span\'s own change: the plan\'s figure restated with its base year is the same fact', async () => {
    const plain = await figuresOf('“六五”计划期间，城乡居民按人口平均的消费水平计划提高百分之二十二，平均每年递增百分之四点一。');
    const based = await figuresOf('到一九八五年，城乡居民按人口平均的消费水平，将比一九八○年增长百分之二十二，平均每年递增百分之四点一。');
    for (const raw of ['百分之二十二', '百分之四点一']) {
      const [a, b] = [byRaw(plain, raw), byRaw(based, raw)];
      expect(b.period, raw).toBe('1981/1985');
      expect(b.metric, raw).toBe(a.metric);
    }
  });
});

describe('a milestone\'s rank phrase', () => {
  it('is no part of the subject: what stands after it is (首个经济总量 → 经济总量)', async () => {
    const figures = await figuresOf('全年地区生产总值33757.93亿元。重庆成为中西部地区首个经济总量超过3万亿元的城市，人均地区生产总值突破10万元。');
    const milestone = byRaw(figures, '超过3万亿元');
    expect(milestone.label).toBe('经济总量');
    expect(milestone.metric).toBe(byRaw(figures, '33757.93亿元').metric);
  });

  it('with nothing but a verb after it, the figure is of the statement before it in the sentence', async () => {
    const figures = await figuresOf('全年地区生产总值增长5.5%、达到10.3万亿元，成为全国第三个、北方第一个过10万亿元省份。');
    expect(byRaw(figures, '10万亿元').metric).toBe('regional-gdp');
    expect(identity(byRaw(figures, '10万亿元'))).toBe(identity(byRaw(figures, '10.3万亿元')));
  });

  it('leaves a subject without a rank phrase as it is (成为 alone is no milestone)', async () => {
    const f = byRaw(await figuresOf('湖北成为全国粮食产量超过500亿斤的省份。'), '超过500亿斤');
    expect(f.label).toContain('成为');
    expect(f.metric).toBeNull();
  });
});

describe('time words, shared modifiers and anaphors', () => {
  it('reads a point of the century as time, not as part of the label (到本世纪末)', async () => {
    const a = byRaw(await figuresOf('党的十二大确定，到本世纪末实现工农业年总产值翻两番的战略目标。'), '翻两番');
    const b = byRaw(await figuresOf('到本世纪末争取工农业年总产值翻两番。'), '翻两番');
    expect(a.label).toBe('工农业年总产值');
    expect(a.metric).toBe('gross-agri-industrial-output');
    expect(identity(b)).toBe(identity(a));
  });

  it('gives a bare head listed after a statement that statement\'s modifier (粮食播种面积…、年度产量…)', async () => {
    const figures = await figuresOf('粮食播种面积稳定在6200万亩以上、年度产量首次突破2000万吨。');
    expect(byRaw(figures, '6200万亩以上').metric).toBe('grain-area');
    expect(byRaw(figures, '突破2000万吨').metric).toBe('grain-output');
  });

  it('shares no modifier across clauses, nor where the two make no indicator', async () => {
    // (two separators between: not the next item of one list)
    const apart = await figuresOf('粮食播种面积稳定在6200万亩以上，耕地保护有力，年度产量突破2000万吨。');
    expect(byRaw(apart, '突破2000万吨').metric).not.toBe('grain-output');
    const none = await figuresOf('规模以上工业增加值增长6%、利润增长10%。');
    expect(byRaw(none, '10%').metric).toBeNull();
  });

  it('reads an anaphor (在这方面) as the indicator the sentence before named', async () => {
    const figures = await figuresOf('必须保持一定规模的固定资产投资，进行技术改造。第六个五年计划在这方面安排了三千六百亿元的投资。');
    expect(byRaw(figures, '三千六百亿元').metric).toBe('fixed-asset-investment');
  });

  it('reads the outcome of what was just planned (实际执行结果) as the indicator the sentence before named', async () => {
    const f = byRaw(await figuresOf('这五年计划安排平均每年有财政赤字三十亿元左右。一九八一年实际执行结果为二十五亿元。'), '二十五亿元');
    expect(f.metric).toBe('fiscal-deficit');
  });

  it('never aligns an anaphor pointing to nothing the lexicon names by its own words', async () => {
    const f = byRaw(await figuresOf('要大力发展教育事业。国家在这方面增加了五十亿元。'), '五十亿元');
    expect(f.metric).toBeNull();
    expect(identity(f)).toBeNull();
  });

  it('reads a label that is only a verb of change (增加到) as the start value\'s subject, never as a fact of its own', async () => {
    const figures = await figuresOf('全国高等学校由一九八○年的六百七十五所增加到一九八二年的七百二十九所，招生数由二十八万人增加到三十一万人。');
    const [start, end] = [byRaw(figures, '六百七十五所'), byRaw(figures, '七百二十九所')];
    expect(start.label).toBe('高等学校');
    expect(end.label).toBe('高等学校');
    expect(identity(end)).toMatch(/^auto:高等学校\|所\|count/u);
    expect(byRaw(figures, '三十一万人').metric).toBe('college-enrolment');
    // (with no subject anywhere before it: no key of its own, `增加到`)
    const alone = byRaw(await figuresOf('全国高等学校很多。另外增加到七百二十九所。'), '七百二十九所');
    expect(identity(alone) ?? '').not.toContain('增加到');
  });

  it('gives a two-character head (产值) the modifier its sentence opens with, and only that one', async () => {
    const f = byRaw(await figuresOf('重工业生产，由于正在调整中，今年的产值预计比去年下降5%左右。'), '5%左右');
    expect(f.metric).toBe('heavy-industry-output');
    // (a modifier inside the sentence, not opening it, is no topic: `轻工业企业效益较好，产值增长8%`)
    const other = byRaw(await figuresOf('今年各地狠抓落实，轻工业企业效益较好，产值增长8%。'), '8%');
    expect(other.metric).not.toBe('light-industry-output');
  });
});
