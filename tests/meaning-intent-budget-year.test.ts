/**
 * A city's budget report delivered early in the year it budgets (issue 9 §2), made up: a budget's amount for that year named
 * before an estimate word (`2026年…社会保险基金预算收入预计完成226亿元`) is the budget's figure, a target; the year reviewed,
 * stated with the same words, stays an estimate, and so does a forecast written before the budget's name.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText, reading } from './helpers/figures.js';

const found = figuresOfText(
  '关于某市2025年预算执行情况和2026年预算草案的报告\n——2026年2月7日在某市第十六届人民代表大会第五次会议上\n各位代表：\n' +
    '受市人民政府委托，现将某市2025年预算执行情况和2026年预算草案提请大会审议。\n' +
    '一、2025年预算执行情况\n2025年，全市一般公共预算收入预计完成207亿元，增长3.2%。\n' +
    '二、2026年预算草案\n4.社会保险基金预算\n2026年全市社会保险基金预算收入预计完成226亿元，收支结余16.7亿元。\n' +
    '预计全市税收收入增长2%左右。\n',
);

describe("a budget's amount of the year it budgets, stated with an estimate word", () => {
  it('is the budget, a target', () => {
    expect(reading(found, '226亿元')).toEqual(['2026', 'target']);
  });

  it('while the year reviewed stays estimated', () => {
    expect(reading(found, '207亿元')).toEqual(['2025', 'estimate']);
  });

  it('and a forecast before the name stays a forecast', () => {
    expect(reading(found, '2%左右')).toEqual(['2026', 'estimate']);
  });
});
