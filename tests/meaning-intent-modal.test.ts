/**
 * Modality in reports that present a plan or a programme, on short made-up texts: a modal verb right before a verb of
 * reaching or changing (`要达到`, `将比上年增长`, `应当增加到`) states what is to be, a target, outside a review and for a
 * period not over; in a report delivered late in its year, what its own year `将` come to is an estimate; a modal word
 * inside a noun (`主要`, `需要`) sets nothing.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures, reading } from './helpers/figures.js';

const figuresOf = (text: string, path: string) => extractFigures(documentFromText(text, { path }));

/** A report of the 1950s delivered in the middle of its year, with parts that name no review or plan. */
const MIDYEAR_1956 = '（一九五六年六月十五日在第一届全国人民代表大会第三次会议上）\n各位代表:\n我代表国务院向大会作政府工作报告。\n一、关于农业合作化\n';

describe('a modal verb before a verb of reaching or changing', () => {
  it('states a target for the year not over', () => {
    const text = `${MIDYEAR_1956}今年粮食产量要达到三千六百亿斤,棉花产量应当增加到三千万担。一九五六年钢产量将比一九五五年增长百分之二十。\n`;
    const found = figuresOf(text, 'cn_national_1956_gwr.txt');
    expect(reading(found, '三千六百亿斤')).toEqual(['1956', 'target']);
    expect(reading(found, '三千万担')).toEqual(['1956', 'target']);
    expect(reading(found, '百分之二十')[1]).toBe('target');
  });

  it('without one, the year not over states what is so', () => {
    const text = `${MIDYEAR_1956}今年粮食产量达到三千六百亿斤。\n`;
    expect(reading(figuresOf(text, 'cn_national_1956_gwr.txt'), '三千六百亿斤')).toEqual(['1956', 'actual']);
  });

  it('of a year over states no target: what it came to', () => {
    const text = `${MIDYEAR_1956}一九五五年粮食产量增长到三千四百九十亿斤,比上年要增加百分之八。\n`;
    expect(reading(figuresOf(text, 'cn_national_1956_gwr.txt'), '三千四百九十亿斤')[1]).toBe('actual');
  });

  it('in a review states no target', () => {
    const text = `${MIDYEAR_1956.replace('一、关于农业合作化', '一、过去一年的回顾')}去年全国粮食产量将近达到三千六百八十亿斤。\n`;
    expect(reading(figuresOf(text, 'cn_national_1956_gwr.txt'), '三千六百八十亿斤')[1]).toBe('actual');
  });

  it('of its own year in a report delivered late in it is an estimate', () => {
    const text = '——1981年11月30日在第五届全国人民代表大会第四次会议上\n各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n一、当前的经济形势\n今年工农业总产值将比上年增长3%以上。\n';
    expect(reading(figuresOf(text, 'cn_national_1981_gwr.txt'), '3%以上')).toEqual(['1981', 'estimate']);
  });

  it('inside a noun (`主要`, `需要`) sets nothing', () => {
    const text = `${MIDYEAR_1956}主要产品产量增长到一千二百万吨。\n`;
    expect(reading(figuresOf(text, 'cn_national_1956_gwr.txt'), '一千二百万吨')[1]).toBe('actual');
  });
});

describe('a figure in a task\'s quoted name', () => {
  const PROVINCE_2025 = '——2025年1月13日在广东省第十四届人民代表大会第三次会议上\n各位代表:\n现在,我代表省人民政府向大会作政府工作报告,请予审议。\n一、2024年工作回顾\n';

  it('is the task\'s own value, a target, though the task was exceeded', () => {
    const text = `${PROVINCE_2025}超额完成林分优化提升、森林抚育提升“两个200万亩”任务,新建森林城镇38个。\n`;
    const found = figuresOf(text, 'gwr-2025-guangdong.txt');
    expect(reading(found, '200万亩')).toEqual(['2024', 'target']);
    expect(reading(found, '38个')).toEqual(['2024', 'actual']);
  });

  it('a quoted name before no task word (a programme, `工程`) states what was done', () => {
    const text = `${PROVINCE_2025}完成“两个200万亩”工程。\n`;
    expect(reading(figuresOf(text, 'gwr-2025-guangdong.txt'), '200万亩')[1]).toBe('actual');
  });
});
