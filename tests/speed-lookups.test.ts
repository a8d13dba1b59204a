/**
 * Issue 10 §5 (speed only): the look-ups that replace plain loops give the plain loops' answers: the longest
 * name ending a text (subject-lookup.ts longestNameStart, for readSubject's suffix look-ups), whether a text
 * holds any word of a list (holdsAnyWord, before the synonyms' replacements), a text's length in code points
 * (code-points.ts, for `[...text].length`), and indicatorNamed (listedAfter's candidates) against parseWith.
 */
import { describe, expect, it } from 'vitest';
import { codePointCount } from '../src/code-points.js';
import { holdsAnyWord, longestNameStart } from '../src/meaning/subject-lookup.js';
import { indicatorNamed, parseWith } from '../src/meaning/subject.js';
import { lexiconOf } from '../src/meaning/lexicon.js';
import { coreRules } from '../src/rules/load.js';
import { damageSettings } from '../src/damage/settings.js';

/** The loop longestNameStart replaces: the least i with names.has(text.slice(i)). */
function slicedStart(text: string, names: ReadonlyMap<string, unknown>): number {
  for (let i = 0; i < text.length; i++) if (names.has(text.slice(i))) return i;
  return -1;
}

describe('longestNameStart', () => {
  const names = new Map([['产量', 1], ['粮食产量', 2], ['量', 3], ['国内生产总值', 4], ['总值', 5]].map(([k, v]) => [k as string, v]));

  it('finds the longest name ending the text, as trying each suffix does', () => {
    for (const text of ['粮食产量', '全国粮食产量', '年度产量', '产量', '量', '产', '', '国内生产总值', '地区生产总值', '生产总值增长', '粮食产量量']) {
      expect(longestNameStart(text, names), text).toBe(slicedStart(text, names));
    }
    expect(longestNameStart('全国粮食产量', names)).toBe(2);
    expect(longestNameStart('生产总值增长', names)).toBe(-1);
  });

  it('answers as the core lexicon does for every name, and every name with words before and after it', () => {
    const lex = lexiconOf(coreRules());
    const sample = [...lex.byName.keys()].filter((_, i) => i % 7 === 0);
    for (const name of sample) {
      for (const text of [name, `全国${name}`, `${name}增长`, name.slice(1), `规模以上${name.slice(0, -1)}`]) {
        expect(longestNameStart(text, lex.byName), text).toBe(slicedStart(text, lex.byName));
      }
    }
  });
});

describe('holdsAnyWord', () => {
  it('is true exactly when the text includes one of the words, special characters matched as written', () => {
    const pairs: [string, string][] = [['通车里程', '里程'], ['a.b', 'x'], ['(c)', 'y']];
    expect(holdsAnyWord('高速公路通车里程', pairs)).toBe(true);
    expect(holdsAnyWord('高速公路里程', pairs)).toBe(false);
    expect(holdsAnyWord('a.b', pairs)).toBe(true);
    expect(holdsAnyWord('axb', pairs)).toBe(false);
    expect(holdsAnyWord('(c)', pairs)).toBe(true);
    expect(holdsAnyWord('c', pairs)).toBe(false);
    expect(holdsAnyWord('anything', [])).toBe(false);
  });
});

describe('codePointCount', () => {
  it('counts as spreading the text does, surrogate pairs as one and lone surrogates as one', () => {
    for (const text of ['', '产量', 'abc', '𠀀', '𠀀产', '\ud800', '\udc00x', '\ud800\ud800\udc00', 'x\ud800']) {
      expect(codePointCount(text), JSON.stringify(text)).toBe([...text].length);
    }
  });
});

describe('indicatorNamed', () => {
  it('names the indicator parseWith reads with no clause scopes, and null where it reads none', () => {
    const lex = lexiconOf(coreRules());
    for (const text of ['粮食产量', '年度产量', '粮食年度产量', '规模以上工业增加值', '城镇居民人均可支配收入', '国内生产总值增长', '新能源发电量', '']) {
      expect(indicatorNamed(text, lex), text).toBe(parseWith(text, lex, []).indicator);
    }
    expect(indicatorNamed('粮食产量', lex)).not.toBeNull();
  });
});

describe('the orphan-pinyin damage pattern', () => {
  // (rules/core/damage.yaml writes it to start with the letter it consumes; this is the plain form it stands for)
  const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
  const plain = new RegExp(`(?<![(（a-z${TONE}ü])[a-zü]*[${TONE}][a-z${TONE}ü]*[)）]`, 'gu');
  const written = damageSettings(coreRules()).patterns.find((p) => p.id === 'orphan-pinyin')!;
  const fast = new RegExp(written.pattern, 'gu');
  const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);

  it('matches what the plain pattern matches', () => {
    const texts = ['變?yōu)楝F', '當?shù)乜忌', 'a)', '(yōu)', 'xyōu)', '（yōu）', 'āa)', 'ā)', 'zāā)bb', 'üā)', `${'a'.repeat(50)}ā)`, `${'ā'.repeat(20)})`, 'abc ā) dé)', '的ā)的', 'Ayōu)', '1ā)', ')ā)'];
    // (and strings drawn from the characters that matter, by a fixed linear congruential sequence)
    const alphabet = ['a', 'b', 'ü', 'ā', 'é', '(', '（', ')', '）', '的', ' ', 'Z', '1'];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % alphabet.length;
    for (let n = 0; n < 20000; n++) texts.push(Array.from({ length: 1 + (n % 12) }, () => alphabet[next()]).join(''));
    for (const text of texts) expect(matches(fast, text), text).toEqual(matches(plain, text));
  });
});
