/**
 * Issue 9 §3: figures whose label does not name their subject directly (made-up sentences of the shapes seen in
 * work reports): a yearly average over a plan's years is another fact than the plan's total change, and than an
 * indicator's own average (per-capita consumption); a span's change against the year before it is the span's
 * own change; a milestone's rank phrase (`成为…首个`, `第三个`) is no part of what the figure measures.
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
