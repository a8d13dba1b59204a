/**
 * Spans of years as Chinese reports of any era state them, on short made-up texts: a duration of any number of years
 * (`用二十年的时间`, `在三年内`) looking forward from the plan year (a long-range goal from the first year of the five-year
 * plan in force), or done within the first years of a span reviewed; a span restated after the range it names
 * (`从一九八一年到本世纪末的二十年内`); a change set for a date within the plan in force, from the plan's first year.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures, reading } from './helpers/figures.js';

const figuresOf = (text: string, path: string) => extractFigures(documentFromText(text, { path }));

const OPENING = '各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n';
/** A work report delivered late in its year (it plans the next). */
const LATE_1981 = '——1981年11月30日在第五届全国人民代表大会第四次会议上\n' + OPENING;

describe('a duration of any number of years', () => {
  it('after a target word looks forward; a long-range goal counts from the first year of the five-year plan in force', () => {
    const text = `${LATE_1981}一、当前的经济形势\n今年工业总产值预计增长百分之三。\n二、今后经济建设的方针\n力争用二十年的时间使工农业总产值翻两番。\n`;
    expect(reading(figuresOf(text, 'cn_national_1981_gwr.txt'), '翻两番')).toEqual(['1981/2000', 'target']);
  });

  it('a short one after a target word looks forward from the plan year itself', () => {
    const text = `${OPENING}一、过去一年的工作\n粮食产量增长百分之四。\n今后要力争用八年时间使农民人均收入翻一番。\n`;
    expect(reading(figuresOf(text, 'cn_national_1993_gwr.txt'), '翻一番')).toEqual(['1993/2000', 'target']);
  });

  it('in a plan part looks forward with any number of years', () => {
    const text = `${OPENING}一、过去一年的工作\n粮食产量增长百分之四。\n二、今年的主要任务\n在四年内新建铁路五千公里。\n`;
    expect(reading(figuresOf(text, 'cn_national_1996_gwr.txt'), '五千公里')).toEqual(['1996/1999', 'target']);
  });

  it('done in a review of a longer span is of the span\'s first years', () => {
    const text = `${OPENING}一、过去五年的回顾\n五年来国内生产总值年均增长7.7%。在三年内裁减军队员额50万。\n`;
    const found = figuresOf(text, 'cn_national_2003_gwr.txt');
    expect(reading(found, '7.7%')[0]).toBe('1998/2002');
    expect(reading(found, '50万')).toEqual(['1998/2000', 'actual']);
  });

  it('held by a span word (`今后三年内`) is that span, forward', () => {
    const text = '中国共产党第十五次全国代表大会报告\n在八十年代裁减军队员额一百万的基础上,我国将在今后三年内再裁减军队员额五十万。\n';
    expect(reading(figuresOf(text, 'cpc_15th_congress_report_1997.txt'), '五十万')).toEqual(['1998/2000', 'target']);
  });

  it('after the range it restates (`…到本世纪末的二十年内`) keeps the range', () => {
    const text = `——1982年11月30日在第五届全国人民代表大会第五次会议上\n${OPENING}一、过去一年的工作\n党的第十二次全国代表大会要求,从一九八一年到本世纪末的二十年内力争实现工农业年总产值翻两番。\n`;
    expect(reading(figuresOf(text, 'cn_national_1982_gwr.txt'), '翻两番')).toEqual(['1981/2000', 'target']);
  });

  it('opening a paragraph carries nothing to the sentences after it', () => {
    const text = `${LATE_1981}一、当前的经济形势\n今年工业总产值预计增长百分之三。\n二、今后经济建设的方针\n力争用二十年的时间使工农业总产值翻两番。在这个期间,钢产量要达到八千万吨。\n`;
    expect(reading(figuresOf(text, 'cn_national_1981_gwr.txt'), '八千万吨')[0]).not.toMatch(/^19[67]\d\//u);
  });
});

describe('a change set for a target date with no base of its own', () => {
  const report = (plans: string) => `${OPENING}一、过去一年的工作\n国内生产总值增长3%。\n二、今年工作建议\n${plans}\n`;

  it('within the five-year plan in force is over the plan\'s years up to the date, in each of its reports alike', () => {
    for (const year of [2022, 2023, 2024]) {
      const found = figuresOf(report('到2025年单位国内生产总值能耗降低13.5%。'), `cn_national_${year}_gwr.txt`);
      expect(reading(found, '13.5%')).toEqual(['2021/2025', 'target']);
    }
  });

  it('past the plan in force keeps the date alone: the base a long-range goal was set from is not named', () => {
    const found = figuresOf(report('到2035年人均国内生产总值翻一番。'), 'cn_national_2023_gwr.txt');
    expect(reading(found, '翻一番')).toEqual(['2035', 'target']);
  });

  it('with a base of its own is over the years since the base', () => {
    const found = figuresOf(report('到2020年国内生产总值比2010年翻一番。'), 'cn_national_2013_gwr.txt');
    expect(reading(found, '翻一番')).toEqual(['2011/2020', 'target']);
  });
});
