/**
 * Stocks at a year's end (issue 9 §1: year-end vs annual vs cumulative kept as part of what a figure is), made up: a
 * communiqué's balance at year-end set against the start of the year as a change's base is the year's stock, and a
 * budget's rolling balance (滚存结余) is the stock at the end of the year the sentence is about, not of the year the
 * balance carried over (上年结转) came from.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText, reading } from './helpers/figures.js';

describe("a communiqué's year-end balances", () => {
  const found = figuresOfText(
    '2030年某市国民经济和社会发展统计公报\n一、综合\n全年地区生产总值5000亿元。\n八、金融\n' +
      '年末全市金融机构本外币各项存款余额6197.13亿元,比年初增加580.77亿元,其中人民币各项存款余额6179.82亿元,增加576.78亿元。\n' +
      '全市户籍人口由年初的400万人增加到年末的410万人。\n',
  );

  it('dates a year-end stock set against 年初 as a base to the year, as its change', () => {
    expect(reading(found, '6197.13亿元')).toEqual(['2030', 'actual']);
    expect(reading(found, '580.77亿元')).toEqual(['2030', 'actual']);
    expect(reading(found, '6179.82亿元')).toEqual(['2030', 'actual']);
  });

  it('keeps a start and an end of the year set against each other as two points', () => {
    expect(reading(found, '400万人')).toEqual(['2030-01', 'actual']);
    expect(reading(found, '410万人')).toEqual(['2030-12', 'actual']);
  });
});

describe("a budget report's balances of a fund", () => {
  const found = figuresOfText(
    '关于某市2030年预算执行情况和2031年预算草案的报告\n——2030年12月27日在某市第十六届人民代表大会第五次会议上\n' +
      '一、2030年预算执行情况\n2030年,预计全市社会保险基金收入174.1亿元,支出141.8亿元,本年收支结余32.3亿元,上年结转153.4亿元,滚存结余185.7亿元。\n' +
      '上年全市一般公共预算收入220.5亿元,增长3.5%。\n',
  );

  it('dates the rolling balance to the year in force, the balance carried over to the year before', () => {
    expect(reading(found, '32.3亿元')).toEqual(['2030', 'estimate']);
    // (the balance brought from the year before is that year's closing figure, known when the estimate is made: an actual)
    expect(reading(found, '153.4亿元')).toEqual(['2029', 'actual']);
    expect(reading(found, '185.7亿元')).toEqual(['2030', 'estimate']);
  });

  it('keeps a relative year dating the clauses after it elsewhere', () => {
    expect(reading(found, '220.5亿元')).toEqual(['2029', 'actual']);
    expect(reading(found, '3.5%')).toEqual(['2029', 'actual']);
  });
});
