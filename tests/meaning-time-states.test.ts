/**
 * What is so and what a span reaches, on made-up texts of a provincial report's shapes: the first time in some years
 * (`6年来首次`) is no period; what a short 已-verb describes (`已批建的3家…和22家…`) is there already, in a plan part too; end
 * values listed after one change-to word (`分别提高到…和…`) are all of the span's end.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText, reading } from './helpers/figures.js';

const HEAD = '2031年某某省政府工作报告\n——2031年1月20日在某某省第十五届人民代表大会第一次会议上\n各位代表:\n';

describe('a superlative over some years', () => {
  it('`N年来首次` dates none of the figures after it', () => {
    const text = `${HEAD}一、2030年工作回顾\n研发投入增速8年来首次超过全国水平,技术合同成交额增长15.2%。\n`;
    expect(reading(figuresOfText(text), '15.2%')).toEqual(['2030', 'actual']);
  });
});

describe('what a short 已-verb describes', () => {
  const text = `${HEAD}一、2030年工作回顾\n全省粮食产量增长2%。\n二、2031年工作安排\n持续推进已认定的4家省技术中心和31家省级工程中心建设,新组建5家以上省技术中心。\n`;
  const found = figuresOfText(text);

  it('is there already, in a plan part too: the state the year before ended with', () => {
    expect(reading(found, '4家')).toEqual(['2030', 'actual']);
    expect(reading(found, '31家')).toEqual(['2030', 'actual']);
  });

  it("leaves what the plan adds a target of the plan's year", () => {
    expect(reading(found, '5家以上')).toEqual(['2031', 'target']);
  });
});

describe('end values listed after one change-to word', () => {
  it('are all of the span reviewed its last year, the start values of its first', () => {
    const text = `${HEAD}一、2030年和"十五五"时期工作回顾\n五年来,城乡居民人均可支配收入从2025年的40100元和15200元分别提高到51300元和20800元。\n`;
    const found = figuresOfText(text);
    expect(reading(found, '51300元')).toEqual(['2030', 'actual']);
    expect(reading(found, '20800元')).toEqual(['2030', 'actual']);
  });
});

describe('a paragraph opening on an estimate word alone', () => {
  it('estimates all it states, its later sentences too; the next paragraph states outcomes again', () => {
    const text =
      `${HEAD}一、2030年工作回顾\n初步预计,全省地区生产总值增长5.2%左右,粮食产量300亿斤。规模以上工业增加值增长6.1%,公路里程突破2万公里。\n` +
      '过去一年,全省新增城镇就业40万人。预计民生支出增长7%。\n';
    const found = figuresOfText(text);
    expect(reading(found, '5.2%左右')).toEqual(['2030', 'estimate']);
    expect(reading(found, '6.1%')).toEqual(['2030', 'estimate']);
    expect(reading(found, '突破2万公里')).toEqual(['2030', 'estimate']);
    expect(reading(found, '40万人')).toEqual(['2030', 'actual']);
  });
});

describe('levels reached over a span', () => {
  it('a level reached after a change over months is the stock at their last month', () => {
    const text = `${HEAD}一、2030年工作回顾\n城乡居民储蓄存款,2030年1到9月增加了80亿元,达到600亿元。2030年1到9月,全省固定资产投资达到900亿元。\n`;
    const found = figuresOfText(text);
    expect(reading(found, '600亿元')).toEqual(['2030-09', 'actual']);
    // (a flow over the months stays theirs)
    expect(reading(found, '900亿元')).toEqual(['2030-01/2030-09', 'actual']);
  });

  it('a rate reached in a clause naming no subject, right after averages, is one of them', () => {
    const text = `${HEAD}一、2030年工作回顾\n从2016年到2025年,有三分之一的县,粮食产量平均每年增长都在4%以上,高的达到6.5%。\n`;
    expect(reading(figuresOfText(text), '6.5%')[0]).toBe('2016/2025');
  });

  it('a share covered after an average in an earlier clause is still the state at the span’s end', () => {
    const text = `${HEAD}一、2030年和"十五五"时期工作回顾\n五年来,连续5年提高退休人员基本养老金,年均增长8%,农村养老保险试点覆盖30%的县。\n`;
    expect(reading(figuresOfText(text), '30%')[0]).toBe('2030');
  });
});

describe('a figure whose clause says what is not so or what exists', () => {
  it('describes how things stand, in a plan part too', () => {
    const text =
      `${HEAD}一、2030年工作回顾\n全省粮食产量增长2%。\n二、2031年工作安排\n当前,重点企业的主要产品质量指标有35%没有恢复到历史最好水平,有18%的国有企业存在着不同程度的亏损。` +
      '全年新增城镇就业50万人。\n';
    const found = figuresOfText(text);
    expect(reading(found, '35%')[1]).toBe('actual');
    expect(reading(found, '18%')[1]).toBe('actual');
    expect(reading(found, '50万人')).toEqual(['2031', 'target']);
  });
});

describe('a level of another period the figure is compared with', () => {
  it('is of that period, what it was', () => {
    const text =
      `${HEAD}一、2030年工作回顾\n全省地区生产总值增长6%,快于"十四五"时期年均5.1%的增速,高于2001年至2020年二十年中平均每年增长4.3%的水平。\n` +
      '二、2031年工作安排\n农民人均纯收入平均每年增长7%,这个速度高于2011年至2030年平均每年递增5.5%的水平。\n';
    const found = figuresOfText(text);
    expect(reading(found, '5.1%')).toEqual(['2021/2025', 'actual']);
    expect(reading(found, '4.3%')).toEqual(['2001/2020', 'actual']);
    expect(reading(found, '5.5%')).toEqual(['2011/2030', 'actual']);
  });

  it('a target quoted after it stays a target', () => {
    const text = `${HEAD}一、2030年工作回顾\n居民消费价格上涨2.1%,低于3%左右的预期目标。\n`;
    expect(reading(figuresOfText(text), '低于3%左右')).toEqual(['2030', 'target']);
  });
});
