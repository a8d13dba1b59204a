/**
 * Reports that present a year's plan or budget (`关于1981年国民经济计划草案的报告`, `关于1956年国家决算和1957年国家预算的报告`),
 * delivered at any time of their year: what the plan's year states is planned, what is estimated or done stays so; and a
 * report delivered late in its year, stating the year before's outcomes paragraph by paragraph. Short made-up texts of
 * these shapes, no date line (the year from the file's name).
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { knowledgeOf } from '../src/extract/knowledge.js';
import { planReportYears } from '../src/meaning/plan-periods.js';
import { coreRules } from '../src/rules/load.js';
import { extractFigures, reading } from './helpers/figures.js';

const figuresOf = (text: string, path: string) => extractFigures(documentFromText(text, { path }));
const k = knowledgeOf(coreRules());

describe('the years whose plan a report presents', () => {
  it("reads them from the opening's sentence naming the report, the years reviewed there left out", () => {
    expect(planReportYears('各位代表:\n我代表国务院,作关于一九六一年国民经济计划草案的报告,请予审议。\n', k)).toEqual([1961]);
    expect(planReportYears('各位代表:\n我受国务院的委托,向大会提出关于1970、1971年国民经济计划安排的报告。\n', k)).toEqual([1970, 1971]);
    expect(planReportYears('各位代表:\n现在作关于1965年国家决算和1966年国家预算草案的报告。\n', k)).toEqual([1966]);
    expect(planReportYears('各位代表:\n受国务院委托,作关于2030年国民经济计划执行情况与2031年国民经济计划草案的报告。\n', k)).toEqual([2031]);
  });

  it('names none in a work report, nor in a report on a numbered plan, nor past the opening', () => {
    expect(planReportYears('各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n一、1965年的工作\n', k)).toEqual([]);
    expect(planReportYears('各位代表:\n现在作关于第九个五年计划的报告。\n', k)).toEqual([]);
    const late = `各位代表:\n${'我们的工作取得了很大成绩。'.repeat(60)}\n关于1966年国家预算的报告已经印发。\n`;
    expect(planReportYears(late, k)).toEqual([]);
  });
});

describe("a report presenting its own year's plan, delivered in the middle of it", () => {
  const opening = '各位代表:\n我代表国务院,作关于一九六六年国民经济计划的报告,请予审议。\n';

  it("states the year's figures as planned, though no target word is written, and the year before's as done", () => {
    const text =
      `${opening}一、一九六五年计划的执行结果\n一九六五年钢产量为1200万吨,比上年增长20%。\n` +
      '二、一九六六年的国民经济计划\n一九六六年钢产量为1350万吨。一九六六年基本建设投资总额为180亿元,比上年增加25亿元。今年上半年,工业总产值比去年同期增长12%。\n';
    const found = figuresOf(text, 'reports/cn_national_1966_plan.txt');
    expect(reading(found, '1200万吨')).toEqual(['1965', 'actual']);
    expect(reading(found, '1350万吨')).toEqual(['1966', 'target']);
    expect(reading(found, '180亿元')).toEqual(['1966', 'target']);
    // (a part of the year already over is what happened in it)
    expect(reading(found, '12%')).toEqual(['1966-01/1966-06', 'actual']);
  });

  it('keeps an estimate of the year an estimate', () => {
    const text = `${opening}一、一九六六年的国民经济计划\n一九六六年粮食产量预计可以达到4000亿斤。\n`;
    expect(reading(figuresOf(text, 'cn_national_1966_plan.txt'), '4000亿斤')).toEqual(['1966', 'estimate']);
  });

  it('a work report delivered at the same time of year with no plan named in its opening states them as done', () => {
    const text = `各位代表:\n现在,我代表国务院向大会作政府工作报告。\n今年上半年,工业总产值比去年同期增长12%。一九六六年钢产量为1350万吨。\n`;
    expect(reading(figuresOf(text, 'cn_national_1966_gwr.txt'), '1350万吨')).toEqual(['1966', 'actual']);
  });
});

describe('a report delivered late in its year, on the year before', () => {
  const opening = '各位代表:\n我受国务院的委托,现在向大会提出关于1966、1967年国民经济计划安排的报告。\n一、经济形势\n';

  it('a sentence opening on the year before dates the rest of its paragraph, up to the paragraph end', () => {
    const text =
      `${opening}今年上半年,工业总产值比去年同期增长12%,明年还要继续增长。1965年农业总产值比上年增长8%。粮食产量3900亿斤,比上年增加200亿斤。计划建成投产大中型项目100个,实际建成110个。\n` +
      '今年上半年,轻工业产值比去年同期增长15%,明年计划增长。钢产量1100万吨。\n';
    const found = figuresOf(text, 'cn_national_1966_gwr.txt');
    expect(reading(found, '3900亿斤')).toEqual(['1965', 'actual']);
    expect(reading(found, '110个')).toEqual(['1965', 'actual']);
    expect(reading(found, '100个')[0]).toBe('1965');
    // (the next paragraph is of the report's own year again)
    expect(reading(found, '1100万吨')[0]).toBe('1966');
  });

  it('a date, a comparison base or a year as a subject of its own opening the sentence carries nothing', () => {
    const text =
      `${opening}今年上半年,工业总产值比去年同期增长12%,明年还要继续增长。1965年以来,新建铁路900公里。钢产量1100万吨。` +
      '1965年5月,大桥建成通车。发电量700亿度。1965年是不平凡的一年。煤产量2亿吨。\n';
    const found = figuresOf(text, 'cn_national_1966_gwr.txt');
    expect(reading(found, '1100万吨')[0]).toBe('1966');
    expect(reading(found, '700亿度')[0]).toBe('1966');
    expect(reading(found, '2亿吨')[0]).toBe('1966');
  });

  it('delivered early in its year, a report keeps a year before the one it reviews to its own sentence', () => {
    const text = '各位代表:\n现在,我代表国务院向大会作政府工作报告。\n一、过去一年的工作\n1964年农民人均收入只有100元。去年农民人均收入达到150元。全国粮食产量3900亿斤。\n';
    const found = figuresOf(text, 'cn_national_1966_gwr.txt');
    expect(reading(found, '3900亿斤')).toEqual(['1965', 'actual']);
  });
});

describe('a part headed by a title line on the years ahead, with no number', () => {
  const text =
    '各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n过去五年的回顾\n五年来,粮食产量平均每年增长3%。\n' +
    '今后五年的主要任务\n要有计划地发展职业教育。五年内使职业学校学生数占到高中阶段学生总数的百分之五十以上。五年内新建铁路2000公里。\n';
  const found = figuresOf(text, 'cn_national_1993_gwr.txt');

  it("reads a bare span in it forward from the plan's first year, as under a numbered plan part", () => {
    expect(reading(found, '2000公里')).toEqual(['1993/1997', 'target']);
  });

  it("dates a share the plan's years are to bring something to at their end", () => {
    expect(reading(found, '百分之五十以上')).toEqual(['1997', 'target']);
  });
});

describe("a part headed by a year's plan or budget, in a work report delivered in the middle of that year", () => {
  const text =
    '各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n一、一九六五年国家预算的执行情况\n今年上半年,工业总产值比去年同期增长12%。国家财政收入为470亿元。\n' +
    '二、一九六六年的国民经济计划和国家预算\n钢产量为1350万吨。国家预算支出为480亿元。\n';
  const found = figuresOf(text, 'cn_national_1966_gwr.txt');

  it("plans the year's figures under it", () => {
    expect(reading(found, '1350万吨')).toEqual(['1966', 'target']);
    expect(reading(found, '480亿元')).toEqual(['1966', 'target']);
  });

  it("reviews under a heading on a plan's or budget's execution", () => {
    expect(reading(found, '470亿元')).toEqual(['1965', 'actual']);
  });
});

describe('months written in Chinese numerals, as reports of another era write them', () => {
  it('date a part of a year named with its year, alone or up to a month', () => {
    const text =
      '各位代表:\n我代表国务院向大会作政府工作报告。\n一、今年的经济形势\n一九六六年一至九月,工业总产值比去年同期增长11%。截至九月底,城乡储蓄存款达到80亿元。今年十至十二月还要增产。\n';
    const found = figuresOf(text, 'cn_national_1966_gwr.txt');
    expect(reading(found, '11%')).toEqual(['1966-01/1966-09', 'actual']);
    expect(reading(found, '80亿元')[0]).toBe('1966-01/1966-09');
  });
});
