/**
 * Periods that are no calendar year, on short made-up texts: a season running from late in one year into the next
 * (`雪季`), a census's date (`今年七月一日的普查`, `一九八二年七月一日零时`), and the scale of what a plan builds over its
 * years (`建设总规模将达…`), a total over them rather than the state at their end.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures, reading } from './helpers/figures.js';

const figuresOf = (text: string, path: string) => extractFigures(documentFromText(text, { path }));

const PROVINCE_2025 = '——2025年1月13日在吉林省第十四届人民代表大会第四次会议上\n各位代表:\n现在,我代表省人民政府向大会作政府工作报告,请予审议。\n';
const PLAN_REPORT_1982 = '——1982年11月30日在第五届全国人民代表大会第五次会议上\n各位代表:\n我受国务院的委托,向大会作关于第六个五年计划的报告,请予审议。\n\n';

describe('a season running into the next year', () => {
  it('in a plan is the plan year and the next, a level reached in it too', () => {
    const text = `${PROVINCE_2025}一、2024年工作回顾\n地区生产总值增长5.3%。\n二、2025年工作安排\n实现新雪季接待游客人次、出游总花费增速均达到20%以上。\n`;
    expect(reading(figuresOf(text, 'gwr-2025-jilin.txt'), '20%以上')).toEqual(['2025/2026', 'target']);
  });

  it('in a review is the reviewed year and the next; a year named before it dates it', () => {
    const text = `${PROVINCE_2025}一、2024年工作回顾\n雪季接待游客人次增长30%。2023年雪季接待游客1.1亿人次。\n`;
    const found = figuresOf(text, 'gwr-2025-jilin.txt');
    expect(reading(found, '30%')).toEqual(['2024/2025', 'actual']);
    expect(reading(found, '1.1亿人次')[0]).toBe('2023/2024');
  });

  it('a word that only holds 季 (第一季度, 季节) is no season', () => {
    const text = `${PROVINCE_2025}一、2024年工作回顾\n季节性用工增长6%。\n`;
    expect(reading(figuresOf(text, 'gwr-2025-jilin.txt'), '6%')[0]).toBe('2024');
  });
});

describe('a census date', () => {
  it('dates what it counted to its month, after a relative or a written year', () => {
    const text = `${PLAN_REPORT_1982}一、关于人口的增长\n根据今年七月一日的普查,我国人口已经超过十亿。一九八二年七月一日零时全国人口为十亿零八百一十七万人。\n`;
    const found = figuresOf(text, 'cn_national_1982_gwr.txt');
    expect(reading(found, '超过十亿')).toEqual(['1982-07', 'actual']);
    expect(reading(found, '十亿零八百一十七万人')).toEqual(['1982-07', 'actual']);
  });

  it('a day named without a count or a moment of counting keeps the year', () => {
    const text = `${PLAN_REPORT_1982}一、关于人口的增长\n一九八二年七月一日,全国人口为十亿零八百一十七万人。\n`;
    expect(reading(figuresOf(text, 'cn_national_1982_gwr.txt'), '十亿零八百一十七万人')[0]).toBe('1982');
  });
});

describe('the scale of what a plan builds over its years', () => {
  it('is a total over them, not the state at their end', () => {
    const text = `${PLAN_REPORT_1982}一、关于基本建设\n五年内新建大型矿井二十八个,全国煤矿建设总规模将达二亿二千万吨。五年内钢产量达到四千万吨。\n`;
    const found = figuresOf(text, 'cn_national_1982_gwr.txt');
    expect(reading(found, '二亿二千万吨')).toEqual(['1981/1985', 'target']);
    expect(reading(found, '四千万吨')[0]).toBe('1985');
  });
});

describe('the size of the country\'s people named as an attribute', () => {
  const REPORT_1979 = '各位代表:\n现在,我受国务院的委托,向全国人民代表大会报告政府工作。\n一、过去一年的工作\n去年粮食产量达到六千零九十五亿斤。在我国这样一个九亿多人口的大国实现四个现代化,是一件艰巨的工作。\n二、今后的任务\n今年粮食产量要达到六千二百亿斤。你们代表着全国九亿多人民。\n';

  it('is an actual, in its review and in its plan part alike, of the part\'s year', () => {
    const found = figuresOf(REPORT_1979, 'cn_national_1979_gwr.txt').filter((f) => f.raw.startsWith('九亿多'));
    expect(found.map((f) => [f.period, f.modality])).toEqual([
      ['1978', 'actual'],
      ['1979', 'actual'],
    ]);
  });

  it('money (人民币) or a count of people that is no attribute keeps its reading', () => {
    const text = REPORT_1979.replace('你们代表着全国九亿多人民。', '今年发行人民币五亿元,城镇安置就业七百万人。');
    const found = figuresOf(text, 'cn_national_1979_gwr.txt');
    expect(reading(found, '五亿元')[1]).toBe('target');
    expect(reading(found, '七百万人')[1]).toBe('target');
  });
});

describe('a year\'s first months counted', () => {
  const MIDYEAR_1956 = '（一九五六年六月十五日在第一届全国人民代表大会第三次会议上）\n各位代表:\n我代表国务院向大会作政府工作报告。\n一、关于农业合作化\n';

  it('after a relative or a written year are January to the month counted, done in a report delivered after them', () => {
    const text = `${MIDYEAR_1956}今年头四个月,工业总产值比去年同期增长百分之十五。一九五四年前五个月,粮食收购增长百分之八。\n`;
    const found = figuresOf(text, 'cn_national_1956_gwr.txt');
    expect(reading(found, '百分之十五')).toEqual(['1956-01/1956-04', 'actual']);
    expect(reading(found, '百分之八')).toEqual(['1954-01/1954-05', 'actual']);
  });

  it('a year before 前 with no months counted stays a comparison (`1954年前`)', () => {
    const text = `${MIDYEAR_1956}一九五四年前,粮食收购增长百分之八。\n`;
    expect(reading(figuresOf(text, 'cn_national_1956_gwr.txt'), '百分之八')[0]).not.toBe('1954');
  });
});

describe('what is so now, in an undated report', () => {
  const report = (extra: string) =>
    `各位代表:\n我代表国务院,向第六届全国人民代表大会第一次会议作政府工作报告,请予审议。\n一、过去五年的回顾\n同我国有外交关系的国家,现在已增加到一百二十九个。${extra}\n二、今后五年的任务\n今年粮食产量要达到七千亿斤。\n`;

  it('is of its own year when it tells of a month of that year after March as done (delivered mid-year)', () => {
    const found = figuresOf(report('利改税的第一步,今年六月一日起已在全国国营企业中开始实施。'), 'cn_national_1983_gwr.txt');
    expect(reading(found, '一百二十九个')).toEqual(['1983', 'actual']);
    // (its own year is no more over for that: the year's plans stay plans)
    expect(reading(found, '七千亿斤')).toEqual(['1983', 'target']);
  });

  it('is the state the year before ended with, delivered (as assumed) early in its year', () => {
    expect(reading(figuresOf(report(''), 'cn_national_1983_gwr.txt'), '一百二十九个')).toEqual(['1982', 'actual']);
  });

  it('a month named as a plan (no 已) tells nothing of when it came', () => {
    const found = figuresOf(report('今年六月一日起将在全国国营企业中实施利改税。'), 'cn_national_1983_gwr.txt');
    expect(reading(found, '一百二十九个')).toEqual(['1982', 'actual']);
  });
});
