/**
 * A plan or a budget setting its figures (`计划规定`, `计划要求`, `预算草案规定`): what it sets is targeted, in a review too, up
 * to a word stating what came of it (`实际完成`). Made-up texts of a report of another era, no date line.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures, reading } from './helpers/figures.js';

const figuresOf = (text: string, path: string) => extractFigures(documentFromText(text, { path }));
const OPENING = '各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n';

describe('what a plan or budget sets', () => {
  it('is a target of its own year in a review, and what came of it an actual', () => {
    const text = `${OPENING}一、过去一年的工作\n一九六五年的计划规定,钢产量为1200万吨,实际完成1223万吨。\n`;
    const found = figuresOf(text, 'cn_national_1966_gwr.txt');
    expect(reading(found, '1200万吨')).toEqual(['1965', 'target']);
    expect(reading(found, '1223万吨')).toEqual(['1965', 'actual']);
  });

  it("a budget's draft setting its spending, read after the year reviewed", () => {
    const text = `${OPENING}一、过去一年的工作\n国家财政收入达到480亿元。预算草案规定,1965年国家预算支出为470亿元,比上年增长5%。\n`;
    const found = figuresOf(text, 'cn_national_1966_gwr.txt');
    expect(reading(found, '480亿元')).toEqual(['1965', 'actual']);
    expect(reading(found, '470亿元')).toEqual(['1965', 'target']);
    expect(reading(found, '5%')).toEqual(['1965', 'target']);
  });
});

describe('what was counted, in a report delivered late in its year', () => {
  it('is an actual, where a figure of the year not yet over would be an estimate', () => {
    const text =
      `${OPENING}一、今年的经济形势\n今年一至九月,工业总产值比去年同期增长8%,明年还要增长,明年的任务很重。\n` +
      '据不完全统计,近三年农村新建房屋达5亿平方米。近三年城镇新建住宅3亿平方米。\n';
    const found = figuresOf(text, 'cn_national_1966_gwr.txt');
    expect(reading(found, '5亿平方米')).toEqual(['1964/1966', 'actual']);
    expect(reading(found, '3亿平方米')).toEqual(['1964/1966', 'estimate']);
  });
});
