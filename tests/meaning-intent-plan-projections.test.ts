/**
 * A report presenting a numbered plan (issue 9 §2), made up: what it projects for the plan's years with an estimate word
 * (`"九五"时期,…预计城镇居民人均生活费收入年均增长5%左右`) is the plan's figure, a target, when the plan's years are all ahead;
 * presenting a plan already under way, what it expects of the plan's years stays an estimate.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText, reading } from './helpers/figures.js';

describe('a plan presented before its first year is over', () => {
  const found = figuresOfText(
    '关于国民经济和社会发展“九五”计划和2010年远景目标纲要的报告\n——1996年3月5日在第八届全国人民代表大会第四次会议上\n各位代表：\n' +
      '现在，我代表国务院，向大会作关于国民经济和社会发展“九五”计划和2010年远景目标纲要的报告，请予审议。\n' +
      '一、“八五”时期的回顾\n“八五”时期，国民生产总值年均增长12%。\n二、“九五”时期的主要目标\n' +
      '“九五”时期，扣除物价上涨因素，预计城镇居民人均生活费收入年均增长5%左右，农民人均纯收入年均增长4%左右。\n',
  );

  it("projects the plan's figures with an estimate word: targets", () => {
    expect(reading(found, '5%左右')).toEqual(['1996/2000', 'target']);
    expect(reading(found, '4%左右')).toEqual(['1996/2000', 'target']);
  });

  it("leaves the review of the plan before it to its years", () => {
    expect(reading(found, '12%')).toEqual(['1991/1995', 'actual']);
  });
});

describe('a plan presented in its second year', () => {
  const found = figuresOfText(
    '关于第六个五年计划的报告\n——1982年11月30日在第五届全国人民代表大会第五次会议上\n各位代表：\n' +
      '现在，我代表国务院，向大会作关于国民经济和社会发展第六个五年计划的报告。\n' +
      '第六个五年计划期间，预计全国城乡居民平均消费水平每年增长百分之四点一。\n',
  );

  it('estimates what it expects of the years under way', () => {
    expect(reading(found, '百分之四点一')).toEqual(['1981/1985', 'estimate']);
  });
});
