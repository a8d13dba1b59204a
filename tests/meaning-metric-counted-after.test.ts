/**
 * Issue 9 §3: what a figure counts is not always the words before it. A count naming the country's people as an
 * attribute (`有十亿人口的大国`, `全国九亿多人民`) counts the noun after it; a label carrying the time a plan takes
 * (`用二十年的时间使…`), a modal verb (`必须力争把…`) or a year typed with an ASCII zero (`二0一一年`) names the same
 * indicator as the plain statement. Made-up sentences of the shapes the reports use.
 */
import { describe, expect, it } from 'vitest';
import { measureOf } from '../src/meaning/metric.js';
import { figureOfText } from './helpers/figures.js';

const read = (text: string, raw: string) => {
  const figure = figureOfText(text, raw, { path: 'report.txt' });
  return { label: figure.label, metric: figure.metric };
};

describe('the country counted after its figure', () => {
  it.each([
    ['我国是有十亿人口的大国，应当对世界有较大的贡献。', '十亿人'],
    ['在我们这样一个十亿人口的国家，市场供应能够保持稳定。', '十亿人'],
    ['你们代表着全国九亿多人民，你们的支持是巨大的帮助。', '九亿多人'],
  ])('%s: the population, whatever stands before it', (text, raw) => {
    expect(read(text, raw)).toEqual({ label: expect.stringMatching(/^人[口民]$/u), metric: 'population' });
  });

  it("the country's peasants are its agricultural population", () => {
    expect(read('八亿农民对党和政府更加信赖。', '八亿').metric).toBe('agricultural-population');
  });

  it.each([
    // (a group of people counted in 万 is a plan's or a programme's, not the country's)
    ['农村饮水安全工程使6069万农民受益。', '6069万'],
    ['今年要帮助5000万人口解决饮水困难。', '5000万人'],
  ])('%s: a group of the people is no population', (text, raw) => {
    expect(read(text, raw).metric ?? '').not.toMatch(/population/u);
  });
});

describe('a bare number of an indicator counting people counts people', () => {
  it.each([
    ['到本世纪末，必须力争把我国人口控制在十二亿以内。', '十二亿以内'],
    ['城镇新增就业1100万，调查失业率5.2%。', '1100万'],
  ])('%s', (text, raw) => {
    expect(measureOf(figureOfText(text, raw, { path: 'report.txt' }))).toEqual({ unit: '人', kind: 'count' });
  });

  it('not a bare number of an amount', () => {
    expect(measureOf(figureOfText('全国粮食产量达到6.5亿。', '6.5亿', { path: 'report.txt' })).unit).toBeNull();
  });
});

describe('time and intent in a label are no part of the metric', () => {
  it('the time a plan takes', () => {
    expect(read('力争用二十年的时间使工农业总产值翻两番。', '翻两番').metric).toBe('gross-agri-industrial-output');
    expect(read('要花三年时间使粮食产量达到八千亿斤。', '八千亿斤').metric).toBe('grain-output');
  });

  it('a modal verb before the subject', () => {
    expect(read('到本世纪末，必须力争把我国人口控制在十二亿以内。', '十二亿以内')).toEqual({ label: '人口', metric: 'population' });
  });

  it('a year of Chinese digits typed with an ASCII zero', () => {
    expect(read('综合国力大幅提升，二0一一年国内生产总值达到四十七点三万亿元。', '四十七点三万亿元')).toEqual({ label: '国内生产总值', metric: 'gdp' });
  });
});

describe('a rate of change after an amount in its sentence', () => {
  it('is the growth of the amount its clause names', () => {
    expect(read('国内生产总值达89404亿元，平均每年增长8.3%。', '8.3%').metric).toBe('gdp@per-year');
    expect(read('粮食产量达到6.5亿吨，平均每年增长2%。', '2%').metric).toBe('grain-output@per-year');
  });

  it('not of an amount whose subject was carried from before it', () => {
    expect(read('国内生产总值达89404亿元，比上年增长8.3%，人均达到7000元，平均每年增长7%。', '7%').metric).toBeNull();
  });
});
