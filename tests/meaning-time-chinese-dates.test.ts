/**
 * A report's own date written in Chinese numerals, as reports of other eras write it: a delivery line
 * (`（一九六五年七月五日在第三届全国人民代表大会第二次会议上）`) and a title naming its year (`关于一九六六年国家预算草案的报告`).
 * Made-up texts, read from files whose names say no year.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText, reading } from './helpers/figures.js';

describe('a date in Chinese numerals', () => {
  it('a delivery line dates the report and its month: delivered in July, it reviews its own year so far', () => {
    const text =
      '政府工作报告\n（一九六五年七月五日在第三届全国人民代表大会第二次会议上）\n各位代表:\n现在,我代表国务院向大会作政府工作报告。\n' +
      '今年上半年,工业总产值比去年同期增长9%。一九六四年钢产量964万吨。\n';
    const found = figuresOfText(text, { path: 'report.txt' });
    expect(reading(found, '9%')).toEqual(['1965-01/1965-06', 'actual']);
    expect(reading(found, '964万吨')).toEqual(['1964', 'actual']);
  });

  it("a title naming its year in them dates the report's plan", () => {
    const text = '关于一九六六年国民经济计划草案的报告\n各位代表:\n一、过去一年的工作\n钢产量达到1200万吨。\n二、今年的计划\n钢产量要达到1350万吨。\n';
    const found = figuresOfText(text, { path: 'report.txt' });
    expect(reading(found, '1200万吨')).toEqual(['1965', 'actual']);
    expect(reading(found, '1350万吨')).toEqual(['1966', 'target']);
  });
});
