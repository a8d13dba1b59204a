/**
 * A budget report of today's shape (`关于2030年中央和地方预算执行情况与2031年中央和地方预算草案的报告`), made up: the year
 * reviewed under its execution heading, the budget year's revenue and spending planned, its forecasts estimated.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText, reading } from './helpers/figures.js';

const text =
  '关于2030年中央和地方预算执行情况与2031年中央和地方预算草案的报告\n——2031年3月5日在第十六届全国人民代表大会第二次会议上\n各位代表:\n' +
  '受国务院委托,现将2030年中央和地方预算执行情况与2031年中央和地方预算草案提请审议。\n' +
  '一、2030年中央和地方预算执行情况\n全国一般公共预算收入230000亿元,为预算的98.5%,比上年增长1.5%。\n' +
  '二、2031年中央和地方预算草案\n预计全国一般公共预算收入增长2%左右。全国一般公共预算支出安排300000亿元,比上年预算增加12000亿元。赤字率按4%左右安排。\n';

describe("a budget report's two years", () => {
  const found = figuresOfText(text);

  it('reviews the year before under its execution heading', () => {
    expect(reading(found, '230000亿元')).toEqual(['2030', 'actual']);
    expect(reading(found, '1.5%')).toEqual(['2030', 'actual']);
  });

  it("plans the budget year's spending and estimates what it forecasts", () => {
    expect(reading(found, '300000亿元')).toEqual(['2031', 'target']);
    expect(reading(found, '4%左右')).toEqual(['2031', 'target']);
    expect(reading(found, '2%左右')).toEqual(['2031', 'estimate']);
  });
});

describe("a budget report of another era, delivered in the middle of its budget's year", () => {
  const old =
    '各位代表:\n我受国务院的委托,向大会作关于一九六五年国家决算和一九六六年国家预算的报告,请予审议。\n' +
    '一、一九六五年国家决算\n一九六五年国家财政收入为470亿元,支出为460亿元。今年一至五月,财政收入比去年同期增长9%。\n' +
    '二、一九六六年国家预算\n国家预算收入为500亿元,比上年增长6%。预计全年基本建设投资可以达到180亿元。\n';
  const found = figuresOfText(old, { path: 'cn_national_1966_budget.txt' });

  it('the final accounts of the year before are actuals', () => {
    expect(reading(found, '470亿元')).toEqual(['1965', 'actual']);
    expect(reading(found, '9%')).toEqual(['1966-01/1966-05', 'actual']);
  });

  it("the budget's own figures are targets of its year, its forecasts estimates", () => {
    expect(reading(found, '500亿元')).toEqual(['1966', 'target']);
    expect(reading(found, '6%')).toEqual(['1966', 'target']);
    expect(reading(found, '180亿元')).toEqual(['1966', 'estimate']);
  });
});
