/**
 * An indicator with a scope that makes it another indicator (indicators.yaml `scoped`): the residents' income of the
 * towns is the urban income, of the countryside the rural income, however the scope is written (a scope word before
 * the name, a list sharing the name, the clause's scope): one fact, one id. And the pastoral regions' words for the
 * countryside and its people (农村牧区, 农牧民) name the rural indicators. Made-up sentences.
 */
import { describe, expect, it } from 'vitest';
import { figureOfText } from './helpers/figures.js';

const metric = (text: string, raw: string) => figureOfText(text, raw, { path: 'statement.txt' }).metric;

describe('a scoped indicator is the indicator of its scope', () => {
  it.each([
    ['城镇居民人均可支配收入增长7%。', '7%', 'urban-disposable-income-per-capita'],
    ['城镇常住居民人均可支配收入达到42000元。', '42000元', 'urban-disposable-income-per-capita'],
    ['农村常住居民人均可支配收入增长8%。', '8%', 'rural-disposable-income-per-capita'],
    ['全体居民人均可支配收入增长6%。', '6%', 'disposable-income-per-capita'],
    // (a scope word before the general name, `城镇` + `人均可支配收入`: the urban indicator, not the general one of 城镇)
    ['城镇人均可支配收入达到42000元。', '42000元', 'urban-disposable-income-per-capita'],
    ['农村人均可支配收入增长8%。', '8%', 'rural-disposable-income-per-capita'],
    ['农牧区人均可支配收入增长8%。', '8%', 'rural-disposable-income-per-capita'],
  ])('%s', (text, raw, id) => {
    expect(metric(text, raw)).toBe(id);
  });

  it('whatever route its scope took: never the general indicator with an urban or rural scope', () => {
    for (const [text, raw] of [
      ['城镇和农村居民人均可支配收入分别增长6.5%和7.5%。', '6.5%'],
      ['城镇和农村居民人均可支配收入分别增长6.5%和7.5%。', '7.5%'],
      ['城乡居民收入稳步增加，其中城镇居民人均可支配收入增长6.5%。', '6.5%'],
    ] as const) {
      expect(metric(text, raw), `${text} ${raw}`).not.toMatch(/^disposable-income-per-capita@.*(urban|rural)/);
    }
  });
});

describe('the pastoral regions\' countryside and its people', () => {
  it.each([
    ['农牧民人均可支配收入增长9%。', '9%', 'rural-disposable-income-per-capita'],
    ['农村牧区常住居民人均可支配收入达到16000元。', '16000元', 'rural-disposable-income-per-capita'],
    ['农牧民人均纯收入增长10%。', '10%', 'rural-net-income-per-capita'],
  ])('%s', (text, raw, id) => {
    expect(metric(text, raw)).toBe(id);
  });
});
