/**
 * A name's two-character modifier named as the sentence's topic (`工业生产增长较快，总产值比上年增长…`: 工业总产值), never
 * from words inside the sentence; and 石油 counted in tonnes, the crude oil produced. Made-up sentences.
 */
import { describe, expect, it } from 'vitest';
import { figureOfText } from './helpers/figures.js';

const metric = (text: string, raw: string) => figureOfText(text, raw, { path: 'statement.txt' }).metric;

describe('a two-character modifier from the sentence\'s topic', () => {
  it('completes the name its figure\'s subject ends', () => {
    expect(metric('工业生产增长较快，总产值比上年增长百分之十四点二。', '百分之十四点二')).toBe('gross-industrial-output');
    expect(metric('农业生产稳定增长，总产值比上年增长百分之三。', '百分之三')).toBe('gross-agricultural-output');
  });

  it('not from words inside the sentence', () => {
    expect(metric('全年经济运行平稳，工业稳中有进，总产值比上年增长百分之九。', '百分之九')).not.toBe('gross-industrial-output');
  });
});

describe('石油 counted in tonnes', () => {
  it('is the crude oil produced; oil imported is another fact', () => {
    expect(metric('主要工业产品产量继续增加，原煤达到10.9亿吨，石油达到1.39亿吨。', '1.39亿吨')).toBe('crude-oil-output');
    expect(metric('进口石油2亿吨。', '2亿吨')).not.toBe('crude-oil-output');
  });
});
