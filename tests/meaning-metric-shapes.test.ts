/**
 * Issue 9 §3: shapes of statement whose subject the reports leave implicit or write around the figure, each resolved
 * as the general shape it is (made-up sentences): a growth target naming no subject is the economy's growth target.
 */
import { describe, expect, it } from 'vitest';
import { figureOfText } from './helpers/figures.js';

const figure = (text: string, raw: string) => figureOfText(text, raw, { path: 'statement.txt' });

describe('a growth target naming no subject (indicators.yaml bareGrowthOf)', () => {
  it.each([
    ['5.5%左右的预期增长目标与发展规划总体衔接。', '5.5%左右'],
    ['实现7%左右的增长目标并不容易。', '7%左右'],
    ['8%的增长目标是积极稳妥的。', '8%'],
  ])('%s → gdp, a rise', (text, raw) => {
    const f = figure(text, raw);
    expect([f.metric, f.kind, f.change]).toEqual(['gdp', 'change', 'increase']);
  });

  it('is the region\'s output in a provincial report', () => {
    const f = figure('全省地区生产总值增长5%。今年全省经济增长5.5%左右。5.5%左右的预期增长目标与发展规划总体衔接。', '5.5%左右');
    expect(f.metric).toBe('regional-gdp');
  });

  it.each([
    ['居民收入增长6%的目标基本实现。', '6%'],
    ['实现6%的发展目标。', '6%'],
    ['粮食产量增长2%的目标。', '2%'],
  ])('not when the phrase names a subject of its own: %s', (text, raw) => {
    expect(figure(text, raw).metric).not.toBe('gdp');
  });
});
