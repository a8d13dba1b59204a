/**
 * A name's two-character modifier named as the sentence's topic (`工业生产增长较快，总产值比上年增长…`: 工业总产值), never
 * from words inside the sentence; 石油 counted in tonnes, the crude oil produced; the unemployed re-employed, 下岗 written or
 * not. Made-up sentences.
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

describe('the unemployed re-employed', () => {
  it('is one programme\'s count whether or not the text still says 下岗', () => {
    for (const [text, raw] of [['下岗失业人员再就业500万人。', '500万人'], ['实现城镇失业人员再就业1500人。', '1500人'], ['失业人员再就业3200人。', '3200人']] as const) {
      expect(metric(text, raw), text).toBe('reemployment-laid-off');
    }
    expect(metric('帮助就业困难人员就业800人。', '800人')).not.toBe('reemployment-laid-off');
  });
});
