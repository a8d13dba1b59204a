/**
 * Spans counted from a base, plans' years and what is so at a report's date, on short made-up texts of the shapes the
 * State Council's reports of the late 1970s and early 1980s state them in (and later reports too): a start value `由上年
 * 的…` under a year named in its sentence, years listed and counted (`1978、1979两年`), a change to a level written
 * `调整到`, what is new or a total over a span (`新建…达`, `共达`), a range to the century's end, a comparison base's value
 * dated by a numbered plan, `这五年` and `今后` in a report presenting a plan, and `目前`/`到现在为止` in a report
 * delivered late in its year.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures, reading } from './helpers/figures.js';

const figuresOf = (text: string, path: string) => extractFigures(documentFromText(text, { path }));

const OPENING = '各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n';
/** A report presenting a numbered plan, delivered late in its year (its plans start the year after). */
const PLAN_REPORT = '——1982年11月30日在第五届全国人民代表大会第五次会议上\n各位代表:\n我受国务院的委托,向大会作关于第六个五年计划的报告,请予审议。\n\n';
/** A work report delivered late in its year: it plans the next year, and what is so now is of its own. */
const LATE_REPORT = '——1981年11月30日在第五届全国人民代表大会第四次会议上\n' + OPENING;

describe('a start value of the year before', () => {
  it('上年 in a start phrase is the year before the one its sentence names, not before the section\'s', () => {
    const text = `${OPENING}一、过去五年的回顾\n1980年人口自然增长率由上年的1.2%下降到1.17%。\n`;
    const found = figuresOf(text, 'cn_national_1983_gwr.txt');
    expect(reading(found, '1.2%')[0]).toBe('1979');
    expect(reading(found, '1.17%')[0]).toBe('1980');
  });

  it('with no year named in its sentence, 上年 is the year before the one the section is about', () => {
    const text = `${OPENING}一、过去一年的工作\n人口自然增长率由上年的1.2%下降到1.17%。\n`;
    const found = figuresOf(text, 'cn_national_1980_gwr.txt');
    expect(reading(found, '1.2%')[0]).toBe('1978');
    expect(reading(found, '1.17%')[0]).toBe('1979');
  });

  it('调整到 closes a start phrase as 提高到 does: the end value is of the year the sentence is at', () => {
    const text = `${OPENING}一、过去五年的回顾\n到一九八二年,积累率由一九七八年的百分之三十六点五调整到百分之二十九。\n`;
    const found = figuresOf(text, 'cn_national_1983_gwr.txt');
    expect(reading(found, '百分之三十六点五')[0]).toBe('1978');
    expect(reading(found, '百分之二十九')[0]).toBe('1982');
  });
});

describe('years listed and counted', () => {
  it('are one span from the first to the last, in Arabic or Chinese digits', () => {
    const text = `${OPENING}一、过去一年的工作\n1978、1979两年共增产粮食4900多万吨。一九八一、一九八二两年就节约了四千万吨标准煤。\n`;
    const found = figuresOf(text, 'cn_national_1983_gwr.txt');
    expect(reading(found, '4900多万吨')[0]).toBe('1978/1979');
    expect(reading(found, '四千万吨标准煤')[0]).toBe('1981/1982');
  });

  it('a count that does not match the years listed makes no span', () => {
    const text = `${OPENING}一、过去一年的工作\n1978、1980两年共增产粮食4900多万吨。\n`;
    expect(reading(figuresOf(text, 'cn_national_1981_gwr.txt'), '4900多万吨')[0]).not.toBe('1978/1980');
  });
});

describe('a span kept as a level (`保持近两年的水平`)', () => {
  it('is a comparison, no period of the figures after it', () => {
    const text = `${OPENING}一、明年的计划\n石油产量10600万吨,保持近两年的水平;发电量3120亿度,比1980年预计增加120亿度。\n`;
    expect(reading(figuresOf(text, 'cn_national_1980_gwr.txt'), '3120亿度')[0]).toBe('1981');
  });
});

describe('a sentence opening on a range of years', () => {
  it('sets it for the rest of its paragraph, and the paragraph after is back to the section', () => {
    const text =
      `${OPENING}一、过去五年的回顾\n这几年,我们把消费品生产放在重要地位。从1979年到1982年的四年内,轻工业平均每年增长11.8%。许多商品的生产有了很大发展。自行车增长1.8倍,电视机增长10.4倍。\n` +
      '全国城乡储蓄存款余额达到675亿元。\n';
    const found = figuresOf(text, 'cn_national_1983_gwr.txt');
    expect(reading(found, '11.8%')[0]).toBe('1979/1982');
    expect(reading(found, '1.8倍')[0]).toBe('1979/1982');
    expect(reading(found, '10.4倍')[0]).toBe('1979/1982');
    expect(reading(found, '675亿元')[0]).not.toBe('1979/1982');
  });

  it('a range with its first year bare (`从1979至1981年,`) in a report on its last year, to the paragraph\'s total', () => {
    const text = `${LATE_REPORT}一、今年的经济形势\n收入分配发生了变化。从1979至1981年,国家减少财政收入520亿元。这两部分共计减收增支925亿元。\n`;
    const found = figuresOf(text, 'cn_national_1981_gwr.txt');
    expect(reading(found, '520亿元')[0]).toBe('1979/1981');
    expect(reading(found, '925亿元')[0]).toBe('1979/1981');
  });

  it('a range that is no opening (`比1979年到1982年…`) or runs into the report\'s own year sets nothing', () => {
    const text = `${OPENING}一、过去一年的工作\n去年工作很有成效。从1982年到1983年的两年内,要新建住宅1亿平方米。工业增长4%。\n`;
    const found = figuresOf(text, 'cn_national_1983_gwr.txt');
    expect(reading(found, '4%')[0]).toBe('1982');
  });
});

describe('a word ending in 上', () => {
  it('takes it from a relative year after it (`世界上年产石油`: no 上年)', () => {
    const text = `${LATE_REPORT}一、今年的经济形势\n世界上年产石油一亿吨以上的国家不到十个。\n`;
    expect(reading(figuresOf(text, 'cn_national_1981_gwr.txt'), '一亿吨以上')[0]).toBe('1981');
  });
});

describe('under a span of years', () => {
  const REVIEW = `${OPENING}一、过去五年的回顾\n`;

  it('a level reached is of the span\'s last year, but what is new or a total stays the span\'s', () => {
    const text = `${REVIEW}五年来,城镇居民人均居住面积达到5.6平方米。五年来,农村新建房屋达9亿平方米。五年来,国家用于提价的支出四百四十二亿元,用于住宅的支出一百五十二亿元,共达六百多亿元。\n`;
    const found = figuresOf(text, 'cn_national_1983_gwr.txt');
    expect(reading(found, '5.6平方米')[0]).toBe('1982');
    expect(reading(found, '9亿平方米')[0]).toBe('1978/1982');
    expect(reading(found, '六百多亿元')[0]).toBe('1978/1982');
  });
});

describe("a report presenting a plan", () => {
  it('这五年 is the plan\'s years, as targets', () => {
    const text = `${PLAN_REPORT}一、关于财政\n这五年内,国家财政还将拨出20亿元专项资金。这五年计划安排平均每年有财政赤字30亿元左右。1981年实际执行结果为25亿元。\n`;
    const found = figuresOf(text, 'cn_national_1982_gwr.txt');
    expect(reading(found, '30亿元左右')).toEqual(['1981/1985', 'target']);
    expect(reading(found, '20亿元')).toEqual(['1981/1985', 'target']);
    expect(reading(found, '25亿元')).toEqual(['1981', 'actual']);
  });

  it('今后 is the plan\'s years still ahead, from the year its plans start', () => {
    const text = `${PLAN_REPORT}一、第六个五年计划的基本任务\n今后人口的年自然增长率,必须控制在千分之十三以下。\n`;
    expect(reading(figuresOf(text, 'cn_national_1982_gwr.txt'), '千分之十三以下')).toEqual(['1983/1985', 'target']);
  });

  it('a share of what the plan spends is over its years, not a state at their end', () => {
    const text = `${PLAN_REPORT}一、第六个五年计划的基本任务\n第六个五年计划安排教育、科学、文化、卫生事业的经费占国家财政支出总额的15.9%,其中1985年将达到16.8%。\n`;
    const found = figuresOf(text, 'cn_national_1982_gwr.txt');
    expect(reading(found, '15.9%')).toEqual(['1981/1985', 'target']);
    expect(reading(found, '16.8%')).toEqual(['1985', 'target']);
  });

  it("a comparison base's own value is of the numbered plan it names, an actual", () => {
    const text = `${PLAN_REPORT}一、第六个五年计划的基本任务\n用于发展教育、科学事业的经费计划为967亿元,比第五个五年计划期间的577亿元增加68%。\n`;
    const found = figuresOf(text, 'cn_national_1982_gwr.txt');
    expect(reading(found, '577亿元')).toEqual(['1976/1980', 'actual']);
    expect(reading(found, '967亿元')).toEqual(['1981/1985', 'target']);
  });

  it('a range of years to a point of the century is one span', () => {
    const text = `${PLAN_REPORT}一、第六个五年计划的基本任务\n要求从1981年到本世纪末的二十年内力争实现工农业年总产值翻两番。\n`;
    expect(reading(figuresOf(text, 'cn_national_1982_gwr.txt'), '翻两番')).toEqual(['1981/2000', 'target']);
  });
});

describe('what is so at the date of a report', () => {
  it('delivered late in its year, is of that year and an actual, in its plan part too', () => {
    const text = `${LATE_REPORT}一、今年的经济形势\n今年工业总产值预计增长4%。\n二、明年的安排\n目前已同世界上174个国家和地区发展了经济贸易往来。到现在为止,有近30%的国营工业企业亏损。明年工业总产值要增长4%。\n`;
    const found = figuresOf(text, 'cn_national_1981_gwr.txt');
    expect(reading(found, '174个')).toEqual(['1981', 'actual']);
    expect(reading(found, '近30%')).toEqual(['1981', 'actual']);
  });

  it('现有 as the object of a verb (`用于现有企业`) names no present, and a time its sentence names keeps its figures', () => {
    const text = `${PLAN_REPORT}一、关于投资\n第六个五年计划期间,用于现有企业设备更新、技术改造的资金为1300亿元。\n`;
    expect(reading(figuresOf(text, 'cn_national_1982_gwr.txt'), '1300亿元')).toEqual(['1981/1985', 'target']);
  });

  it('its own clause naming a time keeps it', () => {
    const text = `${LATE_REPORT}一、今年的经济形势\n目前,1980年底已有大队5569个。\n`;
    expect(reading(figuresOf(text, 'cn_national_1981_gwr.txt'), '5569个')[0]).toBe('1980');
  });
});
