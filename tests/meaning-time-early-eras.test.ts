/**
 * How reports of the 1950s to the 1970s state their time (issue 9 §1), made up: a congress before the 12th dated by when it
 * met, a sentence telling of a meeting on a date is no delivery line, a paragraph opening on the month of an event carries no
 * year to the paragraphs after it, a plan's years written `…计划期内`, and the years since an epoch (`全国解放以来`).
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText, reading } from './helpers/figures.js';

describe('a congress report of the years before the regular congresses', () => {
  const report = (number: string) =>
    `同志们！\n中国共产党第${number}次全国代表大会，现在开幕了。\n` +
    '一九七四年七月十七日，毛主席在中央政治局会议上作了重要讲话。\n' +
    '一九七五年七月，毛主席作了两次重要谈话。\n' +
    '我们的党是一个有三千五百万党员的大党，要团结百分之九十五以上的干部和群众。\n' +
    '你们代表着全国七亿人民。\n' +
    '在第五个五年计划期内，全国要有三分之一的县建成大寨县。\n';

  it('is dated by when its congress met, not by a meeting told of on a date', () => {
    const found = figuresOfText(report('十一'));
    expect(reading(found, '三千五百万')[0]).toBe('1977');
    expect(reading(found, '百分之九十五以上')[0]).toBe('1977');
  });

  it("dates a plan's years written 计划期内", () => {
    expect(reading(figuresOfText(report('十一')), '三分之一')).toEqual(['1976/1980', 'target']);
  });

  it('knows each congress before the 12th by its own year', () => {
    // (the 9th met in April: it reviews up to the year before, and counts the people as they are when it meets)
    expect(reading(figuresOfText(report('九')), '三千五百万')[0]).toBe('1968');
    expect(reading(figuresOfText(report('九')), '七亿人')[0]).toBe('1969');
    expect(reading(figuresOfText(report('十')), '三千五百万')[0]).toBe('1973');
  });
});

describe('a paragraph opening on the month of an event', () => {
  const found = figuresOfText(
    '政府工作报告\n——1990年3月20日在第七届全国人民代表大会第三次会议上\n各位代表：\n现在，我代表国务院向大会作政府工作报告。\n' +
      '一、过去一年的工作\n1989年，国民生产总值增长百分之三点九。\n' +
      '1986年9月，党中央作出了关于精神文明建设的决议。\n全国共有各类学校八十万所。\n' +
      '1988年1—8月，全国工业总产值增长百分之十七。\n同期零售总额增长百分之二十七。\n',
  );

  it('carries no year to the paragraphs after it', () => {
    expect(reading(found, '八十万所')[0]).toBe('1989');
  });

  it('while a paragraph opening on months of a year carries them', () => {
    expect(reading(found, '百分之二十七')[0]).toBe('1988-01/1988-08');
  });
});

describe('the years since an epoch', () => {
  const found = figuresOfText(
    '政府工作报告\n——1975年1月13日在第四届全国人民代表大会第一次会议上\n各位代表！\n我代表国务院，向大会作政府工作报告。\n' +
      '全国解放以来，尽管我国人口增加百分之六十，但粮食增产一点四倍。\n',
  );

  it('run from the year after it to the year reviewed, done', () => {
    expect(reading(found, '百分之六十')).toEqual(['1950/1974', 'actual']);
    expect(reading(found, '一点四倍')).toEqual(['1950/1974', 'actual']);
  });

  it('but a liberation of thought is no epoch', () => {
    const thought = figuresOfText('2008年国民经济和社会发展统计公报\n一、综合\n全年国内生产总值增长百分之九。思想解放以来，农民收入增加百分之五。\n');
    expect(reading(thought, '百分之五')[0]).toBe('2008');
  });

  it('but the reach of a superlative is no period', () => {
    const record = figuresOfText(
      '政府工作报告\n——1979年6月18日在第五届全国人民代表大会第二次会议上\n各位代表：\n我受国务院的委托，向大会报告政府工作。\n' +
        '一九七八年粮食按人口平均占有量超过了建国以来的最高水平，总产量比上一年增产二千二百万吨。\n',
    );
    expect(reading(record, '二千二百万吨')[0]).toBe('1978');
  });

  it('reform and opening up counts from 1978', () => {
    const later = figuresOfText('2008年国民经济和社会发展统计公报\n改革开放以来，全国国内生产总值年均增长百分之九点八。\n');
    expect(reading(later, '百分之九点八')[0]).toBe('1979/2008');
  });
});

describe('a span of years in Chinese digits', () => {
  const found = figuresOfText(
    '关于发展国民经济的第一个五年计划的报告\n——一九五五年七月五日在第一届全国人民代表大会第二次会议上\n各位代表：\n' +
      '一九五三——一九五七年，国家用于农业的投资为三十二亿元。一九五三至一九五七年，新增职工四百二十万人。\n',
  );

  it('runs from its first year, with the double dash of older typesetting or 至', () => {
    expect(reading(found, '三十二亿元')[0]).toBe('1953/1957');
    expect(reading(found, '四百二十万人')[0]).toBe('1953/1957');
  });
});
