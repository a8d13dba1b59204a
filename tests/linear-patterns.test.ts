/**
 * Every pattern runs in linear time (issue 10 §4). The built-in ones: no core pattern can backtrack
 * super-linearly (scslre's analysis), and `check` on adversarial one-line inputs (long runs of digits,
 * `%`, Chinese numerals, newlines, spaces, `×`, pinyin …) stays far inside a generous time bound, a
 * hang detector: a linear pass over such input takes well under a second, a quadratic one minutes.
 * User patterns: a rule file whose pattern can backtrack super-linearly is refused with file:line:column.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/model.js';
import { check } from '../src/pipeline.js';
import { escapeRegExp, placeholderSettings } from '../src/damage/settings.js';
import { coreRuleFiles, coreRules, loadRuleFile, loadRuleSet } from '../src/rules/load.js';
import { superLinear, unsafePatterns } from '../src/rules/safe-patterns.js';
import { runCli } from './helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'figcheck-linear-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Seconds one document of ~200,000 characters may take: ten times what a loaded 2-core machine needs. */
const BOUND_MS = 15_000;

async function timedCheck(text: string): Promise<number> {
  const file = join(work, 'input.txt');
  writeFileSync(file, text);
  const started = performance.now();
  const run = await check([file], { cwd: work, config: false, locale: 'en' });
  expect(run.documents.length + run.warnings.length).toBeGreaterThan(0);
  return performance.now() - started;
}

describe('built-in patterns', () => {
  it('no core pattern can backtrack super-linearly (scslre)', () => {
    for (const file of coreRuleFiles()) {
      const lineCounter = new LineCounter();
      const unsafe = unsafePatterns(parseDocument(readFileSync(file, 'utf8'), { lineCounter }).contents, lineCounter);
      expect(unsafe.map((u) => `${file}:${u.line}:${u.column}: ${u.message}`)).toEqual([]);
    }
  });

  it('nor can the placeholder patterns once their {token}, {unit} … slots are filled with the core word lists', () => {
    const settings = placeholderSettings(coreRules());
    const words = (list: string[]) => [...new Set(list)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    const slots = { token: words(settings.tokens), unit: words(settings.units), magnitude: words(settings.magnitudes), verb: words(settings.verbs), numeral: settings.numerals };
    for (const { id, pattern } of settings.patterns) expect(superLinear(pattern, slots), id).toBeNull();
    // As the token list stood before (XX and XXX beside X): exponential on a run of X.
    expect(superLinear('(?:{token})+(?=元)', { token: 'XXX|XX|X' })).toMatch(/can take (exponential|polynomial) time/);
  });

  it('the patterns that did backtrack are seen as such by the analysis (it is not blind)', () => {
    // As they stood before: a document-number run, 打印 page tools, a comment line with digits, pinyin.
    expect(superLinear('^\\s*(?:[\\[【]?\\s*(?:打印本页|打印|关闭窗口|关闭|收藏|纠错|字号|大\\s*中\\s*小)\\s*[\\]】]?\\s*)+$')).toMatch(/exponential/);
    expect(superLinear('^\\s*(?:最新评论\\s*\\d*)\\s*$')).toMatch(/polynomial/);
    expect(superLinear('[a-zā]*[ā][a-zā]*[)）]')).toMatch(/polynomial/);
    expect(superLinear('(?<!\\d)\\d+\\.\\d(?=版)')).toBeNull();
  });

  it('check stays linear on one long line of adversarial text (property: a hang detector, not a speed test)', async () => {
    const units = ['1', '%', '增', '一', '\n', '×', ' ', '打印 ', 'ā', '1.', '2022年', '1,', '十一', 'X', '亿', '点', '第', '-', '号', '“一', '(1', '1%，'];
    const ends = ['', '增长', '正文\n', '“', '(', '【', 'x', '%', '亿元', '号', ')', '文件'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ends), fc.constantFrom(...units), fc.constantFrom(...units), fc.constantFrom(...ends), async (head, unit, other, tail) => {
        // Mostly one unit, once in a while another: the shape that makes a backtracking pattern retry.
        const block = unit.repeat(999) + other;
        const text = head + block.repeat(Math.ceil(200_000 / block.length)) + tail;
        expect(await timedCheck(text)).toBeLessThan(BOUND_MS);
      }),
      { numRuns: 12, seed: 20261205 },
    );
  }, 300_000);

  it('a line of figures with no clause punctuation (1%1%1%…) stays linear through the meaning stage', async () => {
    // Each figure's clause was looked for back to the line's start: 100,000 characters took 27 s.
    expect(await timedCheck('增长' + '1%'.repeat(100_000))).toBeLessThan(BOUND_MS);
  }, 300_000);

  it('a million digits, a million % and a million-character line of Chinese each finish', async () => {
    for (const text of ['增长' + '1'.repeat(1_000_000) + '%', '%'.repeat(1_000_000), '增'.repeat(1_000_000)]) {
      expect(await timedCheck(text)).toBeLessThan(4 * BOUND_MS);
    }
  }, 300_000);
});

describe('user patterns', () => {
  const write = (name: string, text: string) => {
    const path = join(work, name);
    writeFileSync(path, text);
    return path;
  };

  it('(a+)+$ in a rule file is refused when loaded: file:line:column and why', () => {
    const path = write('evil.yaml', 'version: 1\nboilerplate:\n  - id: evil\n    pattern: "(a+)+$"\n');
    expect(() => loadRuleFile(path)).toThrow(InputError);
    expect(() => loadRuleFile(path)).toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:14: pattern "\\(a\\+\\)\\+\\$" can take exponential time`));
  });

  it('polynomial ones too, wherever the schema takes a pattern (notFigures, arithmetic settings)', () => {
    const path = write(
      'slow.yaml',
      ['version: 1', 'notFigures:', '  - { id: spaced, pattern: "\\\\s*\\\\d*\\\\s*号" }', 'arithmetic:', '  shareTailPattern: "^(?:\\\\d+)+x"', ''].join('\n'),
    );
    let message = '';
    try {
      loadRuleFile(path);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').map((line) => line.replace(`${path}:`, '').split(': ')[0])).toEqual(['3:28', '5:21']);
  });

  it('a safe rule file loads as before, and the CLI refuses an unsafe one with exit 2 before reading anything', () => {
    expect(loadRuleSet([join(import.meta.dirname, '..', 'rules', 'nmg-2022.yaml')]).metrics?.length).toBeGreaterThan(0);
    write('doc.txt', '2022年全市生产总值增长5.2%。\n');
    const refused = runCli(['check', 'doc.txt', '--no-config', '--rules', 'evil.yaml'], { cwd: work });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^figcheck: .*evil\.yaml:4:14: pattern "\(a\+\)\+\$" can take exponential time/m);
  });
});
