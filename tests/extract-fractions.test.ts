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
