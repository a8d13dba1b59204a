/**
 * A work report delivered in the last month of its year (issue 9 §1, §2), made up: titled with its own year and dated in
 * December, it reviews that year; what it states of the year without an estimate word is told as done (an actual), what it
 * states with one (`预计`) is estimated. A report of November still estimates its year's outcomes.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText, reading } from './helpers/figures.js';

const report = (month: number) =>
  `1964年国务院政府工作报告\n——1964年${month}月21日在第三届全国人民代表大会第一次会议上\n各位代表：\n现在，我代表国务院向大会作政府工作报告。\n` +
  '一九六四年，全国拥有的农业用拖拉机台数比一九五七年增长四倍。一九六四年全国工业总产值，预计比一九六三年增长百分之十五以上。\n';

describe('a report of December', () => {
  const found = figuresOfText(report(12));

  it("tells of its year's outcomes stated without an estimate word as done", () => {
    expect(reading(found, '四倍')).toEqual(['1958/1964', 'actual']);
  });

  it('estimates what it says is expected', () => {
    expect(reading(found, '百分之十五以上')).toEqual(['1964', 'estimate']);
  });
});

describe('a report of November', () => {
  it("still estimates its year's outcomes", () => {
    expect(reading(figuresOfText(report(11)), '四倍')).toEqual(['1958/1964', 'estimate']);
  });
});
