import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { affixHit, endingIndex, startingIndex } from '../src/meaning/word-index.js';

/** What the meaning stage wrote before the index: a scan of the whole list. */
const scanned = <T extends readonly [string, unknown]>(list: readonly T[], either: readonly T[], text: string) =>
  list.find(([w]) => text.startsWith(w)) ?? list.find(([w]) => text.endsWith(w)) ?? either.find(([w]) => text.startsWith(w) || text.endsWith(w));

const longestFirst = (words: string[]) => words.map((w, i): [string, number] => [w, i]).sort((a, b) => b[0].length - a[0].length);

describe('word index (the first listed word a text starts or ends with, through buckets)', () => {
  const referring = longestFirst(['的', '增长速度', '增长', '速度', '仍然', '略', '涨幅', '比']);
  const scopes = longestFirst(['年均', '平均每年', '累计', '平均']);

  it('finds the word a scan of the list finds: the longest listed first, start before end, then either', () => {
    for (const text of ['增长速度仍然', '涨幅仍然', '平均每年', '比上年', '全年累计', 'x', '', '略增长']) {
      expect(affixHit(referring, scopes, text)).toBe(scanned(referring, scopes, text));
    }
    expect(affixHit(referring, scopes, '增长速度仍然')?.[0]).toBe('增长速度');
    expect(affixHit(referring, scopes, '全年累计')?.[0]).toBe('累计');
    expect(affixHit(referring, scopes, '上年')).toBeUndefined();
  });

  it('treats an empty word as the scan does: every text starts with it, so no word listed after it is found', () => {
    const list: [string, number][] = [['增长', 0], ['', 1], ['长', 2]];
    expect(startingIndex(list, '增长率')).toBe(0);
    expect(startingIndex(list, '长期')).toBe(1);
    expect(endingIndex(list, '增长')).toBe(0);
    expect(endingIndex(list, '')).toBe(1);
    expect(startingIndex([['年', 0]], '')).toBe(-1);
  });

  it('agrees with the scan on random lists and texts', () => {
    const unit = fc.constantFrom('增', '长', '速', '度', '年', '均', '𠀀', 'a');
    const word = fc.string({ unit, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 6 }), fc.string({ unit, maxLength: 8 }), (words, scopeWords, text) => {
        const list = longestFirst(words);
        const either = longestFirst(scopeWords);
        expect(affixHit(list, either, text)).toBe(scanned(list, either, text));
      }),
    );
  });
});
