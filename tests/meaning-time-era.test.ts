/**
 * Time in reports of another era (the State Council's reports of the late 1970s and 1980s), on short made-up
 * texts of the shapes they state time in: no title and no date line (the year from the file's name), delivered
 * in any month (a report in November reviews its own year and plans the next), years in Chinese numerals with
 * ○ or in full-width digits, numbered five-year plans, decades and the century's end.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures, reading } from './helpers/figures.js';

/** The figures of a made-up report read from a file of this name. */
const figuresOf = (text: string, path: string) => extractFigures(documentFromText(text, { path }));

const OPENING = '各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n';

describe("an undated report's own time", () => {
  it("takes its year from the file's name: delivered early in it, it reviews the year before", () => {
    const text = `${OPENING}一、过去一年的工作\n粮食产量达到6095亿斤,比上年增长7.8%。\n二、今年的任务\n钢产量要达到3400万吨。\n`;
    const found = figuresOf(text, 'reports/cn_national_1979_gwr.txt');
    expect(reading(found, '6095亿斤')).toEqual(['1978', 'actual']);
    expect(reading(found, '3400万吨')).toEqual(['1979', 'target']);
  });

  it('a file name with a title word says which year the document is about', () => {
    const text = '全年国内生产总值1349084亿元,比上年增长5.0%。\n';
    expect(reading(figuresOf(text, 'data/2024年统计公报.txt'), '1349084亿元')).toEqual(['2024', 'actual']);
  });

  it('a file name with two years, or a name of a document that is no report, dates nothing', () => {
    const text = '粮食产量达到6095亿斤。\n';
    expect(reading(figuresOf(`${OPENING}${text}`, 'cn_1978_vs_1979.txt'), '6095亿斤')[0]).toBeNull();
    expect(reading(figuresOf(text, 'notes-1979.txt'), '6095亿斤')[0]).toBeNull();
    // (nor does a number that only looks like a year, in a numbered file's name)
    expect(reading(figuresOf(`${OPENING}${text}`, 'd1999.txt'), '6095亿斤')[0]).toBeNull();
  });

  it('a report setting a part of its own year against the same part of the year before was delivered after it', () => {
    const text =
      `${OPENING}一、当前的经济形势\n今年上半年,工业总产值比去年同期增长13.6%。1979年粮食产量6642亿斤。\n` +
      '二、明年的计划\n明年工业总产值计划增长5.5%。明年粮食产量要达到6700亿斤。\n';
    const found = figuresOf(text, 'cn_national_1980_gwr.txt');
    expect(reading(found, '13.6%')).toEqual(['1980-01/1980-06', 'actual']);
    expect(reading(found, '6642亿斤')).toEqual(['1979', 'actual']);
    expect(reading(found, '5.5%')).toEqual(['1981', 'target']);
    expect(reading(found, '6700亿斤')).toEqual(['1981', 'target']);
  });

  it('a report that plans the next year reviews its own, whose undated figures are of it', () => {
    const text =
      `${OPENING}一、今年的经济形势\n今年轻纺工业的总产值预计比去年增长12%。财政赤字预计降低到27亿元。\n` +
      '二、明年的安排\n明年要继续压缩基本建设规模。明年的财政收支要保持平衡。工业总产值要增长4%。\n';
    const found = figuresOf(text, 'cn_national_1981_gwr.txt');
    expect(reading(found, '12%')).toEqual(['1981', 'estimate']);
    expect(reading(found, '27亿元')).toEqual(['1981', 'estimate']);
    expect(reading(found, '4%')).toEqual(['1982', 'target']);
  });

  it('a report on its own year with no sign of when it was delivered keeps the work report month (early)', () => {
    const text = `${OPENING}一、过去五年的回顾\n五年来,工农业总产值平均每年增长7.9%。\n`;
    expect(reading(figuresOf(text, 'cn_national_1983_gwr.txt'), '7.9%')).toEqual(['1978/1982', 'actual']);
  });

  it('a vice-premier delivering the report for the State Council opens a work report too', () => {
    const text = '各位代表:\n我受国务院的委托,向大会提出关于国民经济计划的报告,请予审议。\n一、过去一年的工作\n粮食产量达到6095亿斤。\n';
    expect(reading(figuresOf(text, 'cn_national_1979_gwr.txt'), '6095亿斤')).toEqual(['1978', 'actual']);
  });
});

describe('start values of another era', () => {
  it('a start year in Chinese numerals with ○ dates its start value', () => {
    const text = `${OPENING}二、今后五年的计划\n到一九八五年,煤炭外运能力将由一九八○年的7200万吨增加到1.2亿吨。\n`;
    const found = figuresOf(text, 'cn_national_1982_gwr.txt');
    expect(reading(found, '7200万吨')[0]).toBe('1980');
    expect(reading(found, '1.2亿吨')).toEqual(['1985', 'target']);
  });

  it('the first year of a range of years, or a comparison base, dates the start values of its sentence', () => {
    const text =
      `${OPENING}一、过去五年的回顾\n一九七八年到一九八二年,全国医院床位由185万张增加到205万张。` +
      '一九八二年同一九七八年相比,社会商品零售总额由1559亿元增加到2570亿元。\n';
    const found = figuresOf(text, 'cn_national_1983_gwr.txt');
    expect(reading(found, '185万张')).toEqual(['1978', 'actual']);
    expect(reading(found, '205万张')).toEqual(['1982', 'actual']);
    expect(reading(found, '1559亿元')).toEqual(['1978', 'actual']);
    expect(reading(found, '2570亿元')).toEqual(['1982', 'actual']);
  });
});

describe('numbered five-year plans', () => {
  it('the first plans count from 1953', () => {
    const text = `${OPENING}一、过去一年的工作\n"一五"时期建设了156项重点工程。"二五"期间钢产量增长了一倍。\n`;
    const found = figuresOf(text, 'cn_national_1983_gwr.txt');
    expect(reading(found, '156项')[0]).toBe('1953/1957');
    expect(reading(found, '一倍')[0]).toBe('1958/1962');
  });

  it("a report presenting a five-year plan dates its undated figures and bare spans with the plan's years", () => {
    const text =
      '各位代表:\n现在,我代表国务院,作关于国民经济和社会发展第六个五年计划的报告,请大会审议。\n\n' +
      '一、关于工农业生产的发展速度\n农业总产值由2187亿元增加到2660亿元,平均每年递增4%。五年内新建铁路2000公里。\n' +
      '一九八二年粮食产量达到3.5亿吨。\n';
    const found = figuresOf(text, 'cn_national_1982_gwr.txt');
    expect(reading(found, '2187亿元')).toEqual(['1980', 'actual']);
    expect(reading(found, '2660亿元')).toEqual(['1985', 'target']);
    expect(reading(found, '4%')).toEqual(['1981/1985', 'target']);
    expect(reading(found, '2000公里')).toEqual(['1981/1985', 'target']);
    expect(reading(found, '3.5亿吨')[0]).toBe('1982');
  });

  it('a work report that only names a plan presents none', () => {
    const text = `${OPENING}一、过去一年的回顾\n"六五"计划的第二年,粮食产量达到3.5亿吨。五年内新建铁路2000公里。\n`;
    const found = figuresOf(text, 'cn_national_1983_gwr.txt');
    expect(reading(found, '3.5亿吨')).toEqual(['1982', 'actual']);
  });
});

describe('plans set against what the year before is expected to end with', () => {
  const text =
    `${OPENING}一、今年的经济形势\n今年上半年,工业总产值比去年同期增长13.6%。\n二、明年的计划\n` +
    '粮食产量34250万吨,比1980年预计增加1000万吨。明年计划轻工业产值的比重,由今年预计的44%提高到45%,即提高1%,可以少用标准煤600万吨。\n';
  const found = figuresOf(text, 'cn_national_1980_gwr.txt');

  it('an estimate word right after a base year is the base\'s: the plan\'s figures stay targets', () => {
    expect(reading(found, '34250万吨')).toEqual(['1981', 'target']);
    expect(reading(found, '1000万吨')).toEqual(['1981', 'target']);
  });

  it('a start value after it is the estimate; what follows the change is of the plan year', () => {
    expect(reading(found, '44%')).toEqual(['1980', 'estimate']);
    expect(reading(found, '45%')).toEqual(['1981', 'target']);
    expect(reading(found, '1%')).toEqual(['1981', 'target']);
    expect(reading(found, '600万吨')).toEqual(['1981', 'target']);
  });
});

describe('a report presenting a plan, beyond its plan part', () => {
  const PLAN_OPENING = '各位代表:\n现在,我代表国务院,作关于国民经济和社会发展第七个五年计划的报告,请大会审议。\n\n';

  it("a part reviewing the plan before it keeps that plan's five years, and `过去的五年` looks back", () => {
    const text =
      `${PLAN_OPENING}一、"六五"计划执行情况的回顾\n五年内新建铁路2000公里。在过去的五年里,粮食产量增长了20%。\n` +
      '二、"七五"时期的主要任务\n五年内新建铁路3000公里。\n';
    const found = figuresOf(text, 'cn_national_1986_gwr.txt');
    expect(reading(found, '2000公里')).toEqual(['1981/1985', 'actual']);
    expect(reading(found, '20%')).toEqual(['1981/1985', 'actual']);
    expect(reading(found, '3000公里')).toEqual(['1986/1990', 'target']);
  });

  it('a paragraph opening on a year before the plan dates only itself', () => {
    const text =
      '各位代表:\n现在,我代表国务院,作关于国民经济和社会发展第六个五年计划的报告,请大会审议。\n\n' +
      '一九八○年,也就是第五个五年计划的最后一年,粮食产量3.2亿吨。\n在这个期间,工农业总产值计划增长21.7%。\n';
    const found = figuresOf(text, 'cn_national_1982_gwr.txt');
    expect(reading(found, '3.2亿吨')).toEqual(['1980', 'actual']);
    expect(reading(found, '21.7%')).toEqual(['1981/1985', 'target']);
  });
});

describe('a comparison base set once for a sentence', () => {
  it('dates the changes after it over the years since, not those with a base of their own', () => {
    const text =
      `${OPENING}一、过去五年的回顾\n一九八二年同一九七八年相比,我国粮食增长16%,棉花增长66%,油料比上年增长5%。` +
      '1980年同完成经济恢复的1952年相比,工农业总产值增长8.1倍。\n';
    const found = figuresOf(text, 'cn_national_1983_gwr.txt');
    expect(reading(found, '16%')[0]).toBe('1979/1982');
    expect(reading(found, '66%')[0]).toBe('1979/1982');
    expect(reading(found, '5%')[0]).toBe('1982');
    expect(reading(found, '8.1倍')[0]).toBe('1953/1980');
  });

  it('`这三年` is a span back like `近三年`', () => {
    const text = `${OPENING}一、当前的经济形势\n明年的计划已经拟定。明年还要继续调整。这三年城镇安排了两千多万人就业。\n`;
    expect(reading(figuresOf(text, 'cn_national_1981_gwr.txt'), '两千多万人')[0]).toBe('1979/1981');
  });
});

describe('more shapes of the era', () => {
  it("a book's title broken out on a line of its own sets no period for the parts after it", () => {
    const text =
      `${OPENING}一、过去一年的工作\n全国科学大会的召开和《\n一九七八——一九八五年全国科学技术发展规划纲要(草案)\n》的制定,推动了科学的发展。\n` +
      '二、今年的任务\n粮食产量要达到6200亿斤。\n';
    const found = figuresOf(text, 'cn_national_1979_gwr.txt');
    expect(reading(found, '6200亿斤')).toEqual(['1979', 'target']);
  });

  it('a range whose first year has no 年 of its own (`从1979至1981年`) dates its sentence', () => {
    const text = `${OPENING}一、过去一年的工作\n从1979至1981年,国家共计减少财政收入520亿元。\n`;
    expect(reading(figuresOf(text, 'cn_national_1982_gwr.txt'), '520亿元')[0]).toBe('1979/1981');
  });

  it('delivered late in its year, a work report estimates what it says of its own year (今年, spans ending with it); what is so is an actual', () => {
    const text =
      `${OPENING}一、今年的经济形势\n今年工农业总产值将比上年增长3%以上。这三年城镇共安排两千多万人就业。今年上半年,工业总产值比去年同期增长2%。` +
      '目前同我国有经济关系的国家有174个。全国高等学校729所。\n二、明年的安排\n明年工业总产值要增长4%。明年还要压缩基本建设。\n';
    const found = figuresOf(text, 'cn_national_1981_gwr.txt');
    expect(reading(found, '3%以上')).toEqual(['1981', 'estimate']);
    expect(reading(found, '两千多万人')).toEqual(['1979/1981', 'estimate']);
    expect(reading(found, '2%')).toEqual(['1981-01/1981-06', 'actual']);
    expect(reading(found, '174个')).toEqual(['1981', 'actual']);
    expect(reading(found, '729所')).toEqual(['1981', 'actual']);
    expect(reading(found, '4%')).toEqual(['1982', 'target']);
  });

  it('what a numbered plan sets (`"六五"计划安排的`, `第六个五年计划规定`) is of its years', () => {
    const text = `${OPENING}一、关于经济建设\n"六五"计划安排的续建和新建的大中型项目共890个。\n`;
    expect(reading(figuresOf(text, 'cn_national_1983_gwr.txt'), '890个')).toEqual(['1981/1985', 'target']);
  });
});

describe('start and base values of the era', () => {
  it("a list of start values with years of their own, in Chinese numerals, before a clause of change", () => {
    const text = `${OPENING}一、今年的经济形势\n财政赤字从1979年的一百七十亿元、1980年的一百二十七亿元,预计降低到今年的二十七亿元。明年要保持平衡。明年还要压缩。\n`;
    const found = figuresOf(text, 'cn_national_1981_gwr.txt');
    expect(reading(found, '一百七十亿元')).toEqual(['1979', 'actual']);
    expect(reading(found, '一百二十七亿元')).toEqual(['1980', 'actual']);
    expect(reading(found, '二十七亿元')).toEqual(['1981', 'estimate']);
  });

  it("a comparison base's own value (`比一九八○年的…`) is of its year", () => {
    const text =
      '各位代表:\n现在,我代表国务院,作关于第六个五年计划的报告,请大会审议。\n\n' +
      '一、关于发展速度\n一九八五年工农业总产值计划达到八千七百一十亿元,比一九八○年的七千一百五十九亿元增加一千五百五十一亿元。\n';
    const found = figuresOf(text, 'cn_national_1982_gwr.txt');
    expect(reading(found, '八千七百一十亿元')).toEqual(['1985', 'target']);
    expect(reading(found, '七千一百五十九亿元')).toEqual(['1980', 'actual']);
    expect(reading(found, '一千五百五十一亿元')).toEqual(['1981/1985', 'target']);
  });
});

