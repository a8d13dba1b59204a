/**
 * The fast paths of normalize and the offset map read the same as the slow definitions they replace:
 * Node's GBK/Big5 decoders against iconv-lite's encoders for the script tables, a one-pass character
 * class match against per-character tests for the `spaces`/`remove` settings, and the line-feed-only
 * line index against CR and CRLF files.
 */
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { normalize } from '../src/normalize/index.js';
import { inBig5, inGb2312 } from '../src/normalize/traditional.js';
import { coreRuleFiles, loadRuleFile, mergeRuleFiles, parseRuleFile } from '../src/rules/load.js';

/** The source characters of an OpenCC dictionary (`a b|c d|…`). */
const sources = (dict: string): string[] => dict.split('|').map((entry) => entry.slice(0, entry.indexOf(' '))).filter(Boolean);

describe('script tables', () => {
  it('GB2312 membership from the built-in decoder equals iconv-lite cp936 for every Traditional source', () => {
    const chars = [...new Set([TSCharacters, TWVariantsRev, HKVariantsRev, CJKCompatibility].flatMap(sources))];
    expect(chars.length).toBeGreaterThan(3000);
    const fast = inGb2312(chars);
    const slow = inGb2312(chars, false);
    expect([...fast].sort()).toEqual([...slow].sort());
    // Both standard sets hold 乾 and 於 (so they prove nothing about script); neither holds 國.
    expect(fast.has('乾') && fast.has('於')).toBe(true);
    expect(fast.has('國')).toBe(false);
  });

  it('Big5 membership from the built-in decoder equals iconv-lite cp950 for every Simplified source', () => {
    const chars = [...new Set(sources(STCharacters))].filter((char) => char.length === 1);
    expect(chars.length).toBeGreaterThan(2000);
    const fast = inBig5(chars);
    expect([...fast].sort()).toEqual([...inBig5(chars, false)].sort());
    // 后, 干, 台 stand in Traditional text too; 个, 们, 发 do not.
    for (const char of ['后', '干', '台']) expect(fast.has(char), char).toBe(true);
    for (const char of ['个', '们', '发']) expect(fast.has(char), char).toBe(false);
  });
});

describe('spaces and remove settings', () => {
  const withNormalization = (yaml: string) =>
    mergeRuleFiles([...coreRuleFiles().map((file) => loadRuleFile(file)), parseRuleFile('user.yaml', `version: 1\nnormalization:\n${yaml}`)]);
  const text = 'a\u00a0b\u3000c\u2002d\u200be\u2060f';

  it('a class written with an alternation (`]|[`) reads the same as the plain class', () => {
    const plain = withNormalization('  spaces: "\\u00a0\\u3000"\n  remove: "\\u2060\\u2002"\n');
    const alternation = withNormalization('  spaces: "\\u00a0]|[\\u3000"\n  remove: "\\u2060]|[\\u2002"\n');
    const decoded = { path: 't.txt', format: 'txt' as const, encoding: 'UTF-8', original: text, text };
    // U+200B is no longer removed: the user's `remove` replaces the core one.
    expect(normalize(decoded, plain).normalized).toBe('a b cd\u200bef');
    expect(normalize(decoded, alternation).normalized).toBe('a b cd\u200bef');
  });

  it('a character in both settings is removed', () => {
    const rules = withNormalization('  spaces: "\\u00a0\\u3000"\n  remove: "\\u3000"\n');
    expect(normalize({ path: 't.txt', format: 'txt', encoding: 'UTF-8', original: text, text }, rules).normalized).toBe('a bc\u2002d\u200be\u2060f');
  });
});

describe('line index of the offset map', () => {
  for (const [name, br] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    it(`${name}: a figure on the third line is located on line 3 at its column`, () => {
      const lines = ['各位代表:', '', '  投资1.5亿元,增长6.5%。'];
      const doc = documentFromText(lines.join(br) + br);
      const at = doc.normalized.indexOf('6.5%');
      expect(doc.locate(at, at + 4)).toMatchObject({ line: 3, column: lines[2]!.indexOf('6.5%') + 1, endLine: 3, text: '6.5%' });
      expect(doc.toOriginal(doc.normalized.length)).toEqual({ line: 4, column: 1 });
    });
  }
});
