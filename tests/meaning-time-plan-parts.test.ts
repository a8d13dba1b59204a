/**
 * A plan part headed by a five-year plan's years and its first year (`二、"十五五"时期目标任务和2026年工作安排`): the span's
 * figures up to the paragraph that opens on the year (`今年是"十五五"开局之年。…`), the year's after it. Made-up text of this
 * shape, as a province delivers it in the plan's first January.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText, reading } from './helpers/figures.js';

const text =
  '2031年某某省政府工作报告\n——2031年1月20日在某某省第十五届人民代表大会第一次会议上\n各位代表:\n' +
  '一、2030年和"十五五"时期工作回顾\n过去一年,全省地区生产总值增长5.1%。\n' +
  '二、"十六五"时期目标任务和2031年工作安排\n《纲要(草案)》提出,地区生产总值年均增长5%左右,研发经费投入年均增长8%以上。\n' +
  '今年是"十六五"开局之年,必须迈好第一步。\n全省经济社会发展的主要预期目标是:地区生产总值增长4.5%左右,城镇新增就业45万人以上。\n' +
  '(一)扩大内需\n改造城镇老旧小区300个。\n';

describe('a plan part on a five-year plan and its first year', () => {
  const found = figuresOfText(text);

  it("dates the plan's own figures before the year's paragraph to the plan's years", () => {
    expect(reading(found, '5%左右')).toEqual(['2031/2035', 'target']);
    expect(reading(found, '8%以上')).toEqual(['2031/2035', 'target']);
  });

  it('dates the figures from the paragraph opening on the year to the year, subheadings after it too', () => {
    expect(reading(found, '4.5%左右')).toEqual(['2031', 'target']);
    expect(reading(found, '45万人以上')).toEqual(['2031', 'target']);
    expect(reading(found, '300个')).toEqual(['2031', 'target']);
  });
});
