/**
 * A review of a plan's five years and of its last year under one heading (`一、"十四五"时期和2025年工作回顾`), as the
 * reports delivered in a plan's first year write it: `这五年,…` paragraphs first, then a paragraph on the year
 * (`刚刚过去的2025年是…的一年。一年来,…`) and its numbered items.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText as figures, reading } from './helpers/figures.js';

const REPORT =
  '某省2026年政府工作报告\n——2026年1月27日在某省第十四届人民代表大会第四次会议上\n各位代表:\n现在,我代表省人民政府,向大会报告工作,请予审议。\n' +
  '一、"十四五"时期和2025年工作回顾\n这五年,我们坚定不移推动高质量发展,地区生产总值年均增长6%。\n' +
  '这五年,我们坚定不移扩大开放,外贸进出口累计1.2万亿元,地区生产总值突破3万亿元,迈上6万亿元台阶。\n' +
  '刚刚过去的2025年是具有里程碑意义的一年。一年来,全省地区生产总值增长5.5%。\n' +
  '(一)加快构建现代化产业体系。规模以上工业增加值增长7.7%,粮食产量486.5亿斤。\n' +
  '(二)大力增进民生福祉。城镇新增就业48.81万人。\n' +
  '二、2026年主要目标\n地区生产总值增长5%左右。\n';

describe('a review of five years and of their last year under one heading', () => {
  const found = figures(REPORT);

  it("dates the five years' paragraphs with the span", () => {
    expect(reading(found, '6%')).toEqual(['2021/2025', 'actual']);
    expect(reading(found, '1.2万亿元')).toEqual(['2021/2025', 'actual']);
  });

  it('dates a mark passed in them (`突破3万亿元`, `迈上6万亿元台阶`) with the span\'s last year, a state reached', () => {
    expect(reading(found, '突破3万亿元')).toEqual(['2025', 'actual']);
    expect(reading(found, '6万亿元')).toEqual(['2025', 'actual']);
  });

  it('dates the paragraph on the year and the numbered items after it with the year', () => {
    expect(reading(found, '5.5%')).toEqual(['2025', 'actual']);
    expect(reading(found, '7.7%')).toEqual(['2025', 'actual']);
    expect(reading(found, '486.5亿斤')).toEqual(['2025', 'actual']);
    expect(reading(found, '48.81万人')).toEqual(['2025', 'actual']);
  });

  it('leaves the plan part to the delivery year', () => {
    expect(reading(found, '5%左右')).toEqual(['2026', 'target']);
  });
});

describe('a plan part under a title line, its items under subheadings, with no numbered parts', () => {
  it('dates the items under the subheadings with the title', () => {
    const text =
      '某省2026年政府工作报告\n各位代表:\n现在,我代表省人民政府,向大会报告工作,请予审议。\n' +
      '过去一年,全省地区生产总值增长5.5%。\n2026年重点工作\n今年是"十五五"开局之年。\n(一)加大保障和改善民生力度\n持续办好为民实事。一是城镇新增就业30万人。二是完成无障碍改造5000户。\n';
    const found = figures(text);
    expect(reading(found, '5.5%')).toEqual(['2025', 'actual']);
    expect(reading(found, '30万人')).toEqual(['2026', 'target']);
    expect(reading(found, '5000户')).toEqual(['2026', 'target']);
  });
});
