/**
 * Fraction words and older typesetting (issue 9): ranges written with Chinese numerals after 百分之
 * (`百分之八至九`, `百分之四至百分之五`), 千分之 and ‰, the middle dot as a decimal point (`14·1%`) and
 * letter-spaced figures ending in ‰. Made-up sentences of the shapes older reports use.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText } from './helpers/figures.js';

const read = (text: string) => figuresOfText(text).map((f) => ({ raw: f.raw, unit: f.unit, interval: f.interval }));

describe('fraction words before Chinese numerals', () => {
  it('reads 百分之A至B and 百分之A到B as one range, B taking the percent', () => {
    expect(read('力争每年增长百分之七至八。')).toEqual([{ raw: '百分之七至八', unit: '%', interval: { lo: 6.5, hi: 8.5, loClosed: true, hiClosed: true } }]);
    expect(read('年均增长百分之九到十一。')).toEqual([{ raw: '百分之九到十一', unit: '%', interval: { lo: 8.5, hi: 11.5, loClosed: true, hiClosed: true } }]);
  });

  it('reads 百分之A至百分之B, the fraction word repeated, as one range', () => {
    expect(read('收入每年增长百分之三至百分之四。')).toEqual([{ raw: '百分之三至百分之四', unit: '%', interval: { lo: 2.5, hi: 4.5, loClosed: true, hiClosed: true } }]);
  });

  it('reads the end of a range even where a word pattern would block the numeral (九是)', () => {
    expect(read('增长百分之六到九是可以做到的。').map((f) => f.raw)).toEqual(['百分之六到九']);
  });

  it('keeps a year after 到 out of the range (百分之五到二000年)', () => {
    expect(read('保持百分之五到二000年。').map((f) => f.raw)).toEqual(['百分之五']);
  });

  it('reads 千分之 as per mille, a tenth of a percent, ranges and qualifiers included', () => {
    expect(read('人口自然增长率控制在千分之十二左右。')).toEqual([{ raw: '千分之十二左右', unit: '%', interval: { lo: 1.15, hi: 1.25, loClosed: true, hiClosed: true } }]);
    expect(read('出生率为千分之八至千分之九。').map((f) => [f.raw, f.interval?.lo, f.interval?.hi])).toEqual([['千分之八至千分之九', 0.75, 0.95]]);
  });
});

describe('older typesetting', () => {
  it('reads a middle dot between digits as the decimal point', () => {
    expect(read('投资比上年增长12·3％。')).toEqual([{ raw: '12·3％', unit: '%', interval: { lo: 12.25, hi: 12.35, loClosed: true, hiClosed: true } }]);
    // a date used as a name (`5·12`) has no unit after it: no figure
    expect(read('纪念5·12大会召开。')).toEqual([]);
  });

  it('joins a letter-spaced figure ending in ‰', () => {
    expect(read('人口自然增长率为9 ．5 3 ‰。')).toEqual([{ raw: '9 ．5 3 ‰', unit: '%', interval: { lo: 0.9525, hi: 0.9535, loClosed: true, hiClosed: true } }]);
  });
});

describe('fractions written as fractions (N分之M, M/N)', () => {
  const one = (text: string) => {
    const found = read(text);
    expect(found, text).toHaveLength(1);
    return found[0]!;
  };

  it('reads 三分之一 as a share in %, its interval holding 1/3 exactly', () => {
    const f = one('各地专项资金项目要减少三分之一。');
    expect([f.raw, f.unit]).toEqual(['三分之一', '%']);
    expect(f.interval).toEqual({ lo: 33.3333, hi: 33.3334, loClosed: true, hiClosed: true });
    expect(f.interval!.lo! <= 100 / 3 && 100 / 3 <= f.interval!.hi!).toBe(true);
    // a fraction with a decimal value is that value exactly
    expect(one('农村人口中有四分之三的家庭受益。').interval).toEqual({ lo: 75, hi: 75, loClosed: true, hiClosed: true });
    expect(one('十分之一的资金用于培训。').interval).toEqual({ lo: 10, hi: 10, loClosed: true, hiClosed: true });
  });

  it('applies qualifiers as for any figure, the interval still holding M/N', () => {
    expect(one('服务业占三分之二以上。')).toEqual({ raw: '三分之二以上', unit: '%', interval: { lo: 66.6666, hi: null, loClosed: true, hiClosed: false } });
    expect(one('外资企业占四分之一左右。')).toEqual({ raw: '四分之一左右', unit: '%', interval: { lo: 24.5, hi: 25.5, loClosed: true, hiClosed: true } });
    expect(one('近三分之一的县已完成。').interval).toEqual({ lo: 32.8333, hi: 33.3334, loClosed: true, hiClosed: false });
    expect(one('超过二分之一的村通了公交。').interval).toEqual({ lo: 50, hi: null, loClosed: false, hiClosed: false });
    expect(one('不到五分之一的企业参保。').interval).toEqual({ lo: 0, hi: 20, loClosed: true, hiClosed: false });
  });

  it('reads a digit fraction where a reader reads a share', () => {
    expect(one('审批事项比上年减少1/3以上。')).toEqual({ raw: '1/3以上', unit: '%', interval: { lo: 33.3333, hi: null, loClosed: true, hiClosed: false } });
    expect(one('有2/3的城市达标。').raw).toBe('2/3');
    expect(one('全年完成计划的3/4，进度正常。').interval).toEqual({ lo: 75, hi: 75, loClosed: true, hiClosed: true });
    expect(one('节约用地1/5左右。').raw).toBe('1/5左右');
  });

  it('compares with the same share written in %', () => {
    const [fraction, percent] = [one('减少三分之一。').interval!, one('减少33%。').interval!];
    expect(fraction.lo! <= percent.hi! && percent.lo! <= fraction.hi!).toBe(true);
    const [quarter, other] = [one('占四分之一。').interval!, one('占30%。').interval!];
    expect(quarter.lo! <= other.hi! && other.lo! <= quarter.hi!).toBe(false);
  });

  it('leaves dates, codes, pages, table ratios and quantities alone', () => {
    for (const text of [
      '会议于2024/1/23召开。',
      '推进3/4G网络覆盖。',
      '提供24/7服务。',
      '见附件第1/3页。',
      '见第1/28页，',
      '分1/2/3档计征。',
      '期限分为1/3/5年。',
      '网址为http://www.example.cn/1/3，请查阅。',
      '支持TCP/IP协议。',
      '中国队进入四分之一决赛。',
      '经过三分之一个世纪的努力。',
      '每天锻炼1/2小时以上。',
      '1/3\n',
      '几分之一的把握。',
      '于1/3起施行。',
      '截至2/8日。',
      '万分之三的费率。',
    ]) {
      expect(read(text).filter((f) => f.unit === '%'), text).toEqual([]);
    }
  });

  it('never reads the part after a slash as a figure of its own', () => {
    // 1/2小时 is half an hour, not 2小时; the day and month of a date, a code's second part, likewise.
    for (const text of ['会议于2024/1/23召开。', '推进3/4G网络覆盖。', '分1/2/3档计征。', '打造“1/2/3小时”交通圈。']) {
      expect(read(text).map((f) => f.raw), text).toEqual([]);
    }
    expect(read('每天锻炼1/2小时以上。').map((f) => f.raw)).toEqual(['1/2小时以上']);
    expect(read('每天锻炼1/2小时，全年达到300小时。').map((f) => f.raw)).toEqual(['1/2小时', '300小时']);
  });

  it('reads a fraction before a unit of measure as that part of the unit: 1/2小时 is 0.5 小时', () => {
    expect(read('形成1/2小时通勤圈。')).toEqual([{ raw: '1/2小时', unit: '小时', interval: { lo: 0.5, hi: 0.5, loClosed: true, hiClosed: true } }]);
    expect(read('每天锻炼1/2小时以上。')).toEqual([{ raw: '1/2小时以上', unit: '小时', interval: { lo: 0.5, hi: null, loClosed: true, hiClosed: false } }]);
    expect(read('人均耕地三分之一亩。')).toEqual([{ raw: '三分之一亩', unit: '亩', interval: { lo: 0.3333, hi: 0.3334, loClosed: true, hiClosed: true } }]);
    // converted as any figure in that unit (1 公斤 = 0.001 吨); 左右 at the step of its N parts
    expect(read('每人每天1/2公斤。')).toEqual([{ raw: '1/2公斤', unit: '吨', interval: { lo: 0.0005, hi: 0.0005, loClosed: true, hiClosed: true } }]);
    expect(read('通勤时间约1/2小时。')).toEqual([{ raw: '约1/2小时', unit: '小时', interval: { lo: 0.25, hi: 0.75, loClosed: true, hiClosed: true } }]);
  });

  it('reads no part of a count, a date or a time', () => {
    for (const text of ['经过三分之一个世纪的努力。', '截至2/8日。', '于1/3起施行。', '分配1/3个名额。']) {
      expect(read(text).filter((f) => f.raw.includes('/') || f.raw.includes('分之')), text).toEqual([]);
    }
  });
});

describe('doublings (翻N番)', () => {
  const full = (text: string) => figuresOfText(text).map((f) => ({ raw: f.raw, value: f.value, unit: f.unit, kind: f.kind, change: f.change, label: f.label, interval: f.interval }));

  it('reads 翻一番 as an increase of 1倍 and 翻两番 of 3倍, as 增长1倍 and 增长3倍 are read', () => {
    expect(full('城乡居民人均收入比2010年翻一番。')).toEqual([
      { raw: '翻一番', value: 1, unit: '倍', kind: 'change', change: 'increase', label: '城乡居民人均收入', interval: { lo: 0.5, hi: 1.5, loClosed: true, hiClosed: true } },
    ]);
    expect(full('国内生产总值比2000年翻两番。').map((f) => [f.raw, f.value, f.change, f.interval])).toEqual([['翻两番', 3, 'increase', { lo: 2.5, hi: 3.5, loClosed: true, hiClosed: true }]]);
    const stated = full('进出口总额增长1倍。')[0]!;
    expect([stated.unit, stated.kind, stated.change, stated.interval]).toEqual(['倍', 'change', 'increase', { lo: 0.5, hi: 1.5, loClosed: true, hiClosed: true }]);
  });

  it('reads 翻了, 翻番 with no numeral, and the qualifiers around it', () => {
    expect(full('技术交易额翻了一番。').map((f) => [f.raw, f.value])).toEqual([['翻了一番', 1]]);
    expect(full('林下经济面积翻番。').map((f) => [f.raw, f.value, f.label])).toEqual([['翻番', 1, '林下经济面积']]);
    expect(full('入境游客人次翻了一番多。').map((f) => [f.raw, f.interval])).toEqual([['翻了一番多', { lo: 1, hi: 2, loClosed: false, hiClosed: false }]]);
    expect(full('居民收入翻一番以上。').map((f) => [f.raw, f.interval])).toEqual([['翻一番以上', { lo: 1, hi: null, loClosed: true, hiClosed: false }]]);
    expect(full('财政收入接近翻一番。').map((f) => [f.raw, f.interval])).toEqual([['接近翻一番', { lo: 0.5, hi: 1, loClosed: true, hiClosed: false }]]);
  });

  it('reads no doubling in other words with 翻 or 番', () => {
    expect(full('经过一番努力,翻新改造住房,翻几番也不难。')).toEqual([]);
  });
});
