import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allMatches, searchAll, searchOf } from '../src/matches.js';

const plain = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ index: m.index, groups: [...m], named: m.groups }));

describe('allMatches (matchAll without cloning the pattern)', () => {
  const patterns = [/(\d{1,2})\s*月/gu, /年?/gu, /(?<y>(?:19|20)\d{2})年|(?=季)/gu, /x*/g, /[^\n]*$/gmu, /(?:)/gu];
  const texts = ['2022年1—8月,上半年', '', '𠀀年𠀀季度', 'xx\nxxx', '一季度', '第3季度12月'];

  it('gives what matchAll gives, empty matches and astral characters included', () => {
    for (const re of patterns) for (const text of texts) expect(plain(allMatches(text, re))).toEqual(plain(text.matchAll(re)));
  });

  it('starts where the pattern\'s lastIndex stands and leaves it there, as matchAll does', () => {
    const re = /\d/g;
    re.lastIndex = 2;
    expect(plain(allMatches('1234', re))).toEqual(plain('1234'.matchAll(re)));
    expect(re.lastIndex).toBe(2);
  });

  it('refuses a pattern without the g flag, as matchAll does', () => {
    expect(() => allMatches('1', /1/)).toThrow(TypeError);
  });

  it('agrees with matchAll on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('年', '月', '1', '2', '𠀀', '\n', 'a', '季') }), (text) => {
        for (const re of patterns) expect(plain(allMatches(text, re))).toEqual(plain(text.matchAll(re)));
      }),
    );
  });
});

describe('searchAll (a pattern opening with lookbehinds, searched from its first consuming part)', () => {
  // searched from their first consuming part (what follows the lookbehinds is bounded)
  const patterns = [
    /(?<=增长|达到)(?:亿|万)(?:元|吨)(?!以上)/gu,
    /(?<=[\p{Script=Han}])(?<![0-9一二])(?:%|个百分点)/gu,
    /(?<![0-9A-Za-z.×]|[0-9一]|X)(?:X|□)(?:\.(?:X|□){1,3})?(?=(?:万|亿)?(?:%|元))/gu,
    /(?<=年)|(?<=增长)\d{0,3}/gu,
    /(?<=[)）])(?:)/gu,
    /(?<=\()[^)]?(?=\))/g,
  ];
  const unit = fc.constantFrom('增长', '达到', '亿', '万', '元', '吨', '以上', '%', '个百分点', '一', '2', 'X', '□', '.', '年', '(', ')', '𠀀', '\n');

  it('finds the matches a plain global search finds, with their groups', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const re of patterns) {
          const search = searchOf(re);
          expect(search.candidates).not.toBeNull();
          expect(plain(searchAll(text, search))).toEqual(plain(text.matchAll(re)));
        }
      }),
    );
  });

  it('searches a pattern that can repeat without bound after its lookbehind as it is (the lookbehind keeps it linear)', () => {
    // (a million X before no unit: without (?<!X) every X would start a run to the end of the line)
    for (const re of [/(?<!X)(?:X|□)+(?=%)/gu, /(?<![a-z])[a-z]*[āá][a-z]*[)）]/gu, /(?<=年)\d{2,}/gu, /(?<=年)(?:\d|[a-z])*/gu]) {
      expect(searchOf(re).candidates).toBeNull();
      const text = 'X'.repeat(50) + '%年12ab' + 'a'.repeat(20) + 'ā)';
      expect(plain(searchAll(text, searchOf(re)))).toEqual(plain(text.matchAll(re)));
    }
  });

  it('searches a pattern whose lookbehind captures as it is', () => {
    const re = /(?<=(a))b\1/gu;
    expect(searchOf(re).candidates).toBeNull();
    expect(plain(searchAll('abaab', searchOf(re)))).toEqual(plain('abaab'.matchAll(re)));
    expect(searchOf(/(?<=(?<n>a))b/gu).candidates).toBeNull();
  });
});
