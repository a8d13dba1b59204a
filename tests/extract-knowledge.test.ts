/**
 * The extractor's knowledge comes from the rule files (rules/core/*.yaml), not from code: changing a
 * word list in a RuleSet changes what is extracted. Also the mechanics that make the not-figure
 * patterns fast (first characters, unrolled repeats) find exactly what a plain global search finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { firstChars } from '../src/extract/first-chars.js';
import { extractFigures } from './helpers/figures.js';
import { knowledgeOf, unrollRepeats } from '../src/extract/knowledge.js';
import { blockedMask } from '../src/extract/scan.js';
import { coreRules } from '../src/rules/load.js';
import type { RuleSet } from '../src/rules/types.js';

const core = coreRules();

/** rules/core with some word lists replaced. */
function withWords(words: NonNullable<RuleSet['words']>, periods: NonNullable<RuleSet['periods']> = {}): RuleSet {
  return { ...core, words: { ...core.words, ...words }, periods: { ...core.periods, ...periods } };
}

const labels = (text: string, rules: RuleSet = core) => extractFigures(documentFromText(text, { period: '2022' }, rules), rules).map((f) => f.label);

describe('word lists come from the rule files', () => {
  it('splits 城乡 subjects of a 分别 list by words.yaml splitPrefixes', () => {
    const text = '城乡居民人均可支配收入分别增长4.3%、7.1%。';
    expect(labels(text)).toEqual(['城镇居民人均可支配收入', '农村居民人均可支配收入']);
    const renamed = withWords({ splitPrefixes: { 城乡: ['市区', '郊区'] } });
    expect(labels(text, renamed)).toEqual(['市区居民人均可支配收入', '郊区居民人均可支配收入']);
    expect(labels(text, withWords({ splitPrefixes: {} }))).not.toContain('城镇居民人均可支配收入');
  });

  it('distributes a scope word only when words.yaml lists it', () => {
    const text = '新增高新技术企业300家、科技型中小企业760家。';
    expect(labels(text)[1]).toBe('新增科技型中小企业');
    expect(labels(text, withWords({ listScopes: [] }))[1]).toBe('科技型中小企业');
  });

  it('reads a digit not stated (几十, 数百) by the characters of numerals.yaml fewDigits', () => {
    const raws = (text: string, rules: RuleSet = core) => extractFigures(documentFromText(text, { period: '2022' }, rules), rules).map((f) => [f.raw, f.interval?.lo, f.interval?.hi]);
    const text = '新建学校几十所，引进企业数百家，采集数据12万条。';
    expect(raws(text)).toEqual([['几十所', 20, 100], ['数百家', 200, 1000], ['12万条', 115000, 125000]]);
    const numerals = core.numerals!;
    // (without 数 among them, 数百 is no digit not stated; 数 stands for one only before a place, `十数人` is no figure, unless
    // a rule file says otherwise)
    expect(raws(text, { ...core, numerals: { ...numerals, fewDigits: ['几'] } })[1]).not.toEqual(['数百家', 200, 1000]);
    expect(raws('到会代表十数人。')).toEqual([]);
    expect(raws('到会代表十数人。', { ...core, numerals: { ...numerals, fewBeforePlace: [] } })).toEqual([['十数人', 10, 20]]);
  });

  it('reads the point, percent prefix and doublings of numerals.yaml, and none when the rules give none', () => {
    const raws = (text: string, rules: RuleSet = core) => extractFigures(documentFromText(text, { period: '2022' }, rules), rules).map((f) => f.raw);
    const numerals = core.numerals!;
    const without = (key: 'point' | 'percentPrefix' | 'doublings') => {
      const rest: Record<string, unknown> = { ...numerals };
      delete rest[key];
      return { ...core, numerals: rest };
    };
    expect(raws('粮食产量增长三点五亿斤。')).toEqual(['三点五亿斤']);
    expect(raws('粮食产量增长三点五亿斤。', without('point'))).not.toContain('三点五亿斤');
    expect(raws('城镇化率达到百分之六十。')).toEqual(['百分之六十']);
    expect(raws('城镇化率达到百分之六十。', without('percentPrefix'))).not.toContain('百分之六十');
    expect(raws('到2020年国内生产总值翻一番。')).toContain('翻一番');
    expect(raws('到2020年国内生产总值翻一番。', without('doublings'))).not.toContain('翻一番');
    const { unit: _unit, ...noUnit } = numerals.doublings!;
    expect(raws('到2020年国内生产总值翻一番。', { ...core, numerals: { ...numerals, doublings: noUnit } })).not.toContain('翻一番');
  });

  it('removes the period words of periods.yaml from labels', () => {
    const text = '全区6月底高新技术企业达到1000家。';
    expect(labels(text)).toEqual(['高新技术企业']);
    // without 底 as a month edge, only 6月 is a period word and 底 is left in the label
    expect(labels(text, withWords({}, { monthEdges: [] }))).toEqual(['底高新技术企业']);
  });

  it('trims the edge punctuation of words.yaml', () => {
    const text = '——引进到位资金3409亿元。';
    expect(labels(text)).toEqual(['引进到位资金']);
    expect(labels(text, withWords({ edgePunctuation: '' }))[0]).toContain('—');
  });
});

describe('not-figure patterns', () => {
  it('unrolls fixed repeats of a class, \\d or a character into the same language', () => {
    expect(unrollRepeats('[〇零一二三四五六七八九]{4}年')).toBe('[〇零一二三四五六七八九][〇零一二三四五六七八九][〇零一二三四五六七八九][〇零一二三四五六七八九]年');
    expect(unrollRepeats('\\d{1,2}\\s*月')).toBe('\\d\\d{0,1}\\s*月');
    expect(unrollRepeats('x{2}?')).toBe('x{2}?'); // lazy: left alone
    expect(unrollRepeats('\\p{Script=Han}{2}')).toBe('\\p{Script=Han}{2}'); // not a plain unit
  });

  it('knows the first characters of simple patterns and gives up on the rest', () => {
    expect(firstChars('[一二三]+号(?:文件|令)')).toEqual(new Set(['一', '二', '三']));
    expect(firstChars('(?<![\\d.])(?:第?[一二]|\\d)届')).toEqual(new Set(['第', '一', '二', ...'0123456789']));
    expect(firstChars('(?:^|(?<=[\\n。]))\\s*[(]')!.has('(')).toBe(true);
    expect(firstChars('.{2}年')).toBeNull();
    expect(firstChars('[^年]年')).toBeNull();
    expect(firstChars('\\p{Script=Han}年')).toBeNull();
    expect(firstChars('a?')).toBeNull(); // can match the empty string
  });

  it('blocks exactly what a global search of every pattern as written blocks, on any text', () => {
    const k = knowledgeOf(core);
    const plain = (text: string) => {
      const mask = new Uint8Array(text.length + 1);
      // the patterns as written in rules/core/not-figures.yaml (not unrolled)
      for (const { pattern } of core.notFigures ?? []) {
        const re = new RegExp(pattern, 'gmu');
        for (const m of text.matchAll(re)) if (m[0].length) mask.fill(1, m.index, m.index + m[0].length);
      }
      return mask;
    };
    const alphabet = [...'一二三四五六七八九十〇零两百千万亿第届大次号文件令是、。,;:\n (（)）“”"年月日规划五中全会0123456789.-元个%'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect([...blockedMask(text, [], k)]).toEqual([...plain(text)]);
      }),
      { numRuns: 400 },
    );
  });
});
