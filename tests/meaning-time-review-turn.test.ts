/**
 * Where a review of a plan's years and of their last year under one heading turns to the year: one reading of the
 * paragraph openings (periods.reviewParts) for the carries of both parts and for where the heading's span stops being
 * the default of figures, whichever of the openings the year's part begins with.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText as figures, reading } from './helpers/figures.js';

const head =
  '某省2026年政府工作报告\n——2026年1月27日在某省第十四届人民代表大会第四次会议上\n各位代表:\n现在,我代表省人民政府,向大会报告工作,请予审议。\n' +
  '一、"十四五"时期和2025年工作回顾\n这五年,全省地区生产总值年均增长6%,外贸进出口累计1.2万亿元。\n';
const tail = '(一)加快构建现代化产业体系。规模以上工业增加值增长7.7%。\n二、2026年主要目标\n地区生产总值增长5%左右。\n';

describe("a review of a plan's years turning to their last year", () => {
  for (const opening of ['刚刚过去的一年,', '过去的一年,', '过去一年,', '一年来,', '这一年,', '2025年,', '刚刚过去的2025年,']) {
    it(`turns at a paragraph opening ${opening}`, () => {
      const found = figures(`${head}${opening}全省地区生产总值增长5.5%,粮食产量486.5亿斤。\n${tail}`);
      expect(reading(found, '6%')).toEqual(['2021/2025', 'actual']);
      expect(reading(found, '1.2万亿元')).toEqual(['2021/2025', 'actual']);
      expect(reading(found, '5.5%')).toEqual(['2025', 'actual']);
      expect(reading(found, '486.5亿斤')).toEqual(['2025', 'actual']);
      expect(reading(found, '7.7%')).toEqual(['2025', 'actual']);
      expect(reading(found, '5%左右')).toEqual(['2026', 'target']);
    });
  }

  it('a paragraph opening on a date of the year (`2025年1月,…`) is no turn', () => {
    const found = figures(`${head}2025年1月,全省又新开通高铁线路2条。五年来,城镇新增就业累计300万人。\n${tail}`);
    expect(reading(found, '300万人')).toEqual(['2021/2025', 'actual']);
  });
});
