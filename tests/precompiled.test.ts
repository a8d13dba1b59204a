/**
 * The build's precompiled data (scripts/precompile.mjs, run by `npm run build` and by the test
 * global setup) holds exactly what the sources give: the core rules as parsed from rules/core/*.yaml
 * and the Traditional → Simplified tables as built from opencc-js. A stale file is never used.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCharTables, CHAR_TABLES_PATH, charTables, serializeCharTables } from '../src/normalize/traditional.js';
import { COMPILED_CORE_PATH, coreRuleFiles, coreRules, coreRulesHash, loadRuleFile, mergeRuleFiles } from '../src/rules/load.js';

describe('precompiled core rules', () => {
  it('are the YAML files, parsed, under their current hash', () => {
    const compiled = JSON.parse(readFileSync(COMPILED_CORE_PATH, 'utf8')) as { hash: string; files: unknown[] };
    const files = coreRuleFiles();
    expect(compiled.hash).toBe(coreRulesHash(files));
    expect(compiled.files).toEqual(files.map((file) => loadRuleFile(file)));
    expect(coreRules()).toEqual(mergeRuleFiles(files.map((file) => loadRuleFile(file))));
  });

  it('hash changes with any file name or content', () => {
    const files = coreRuleFiles();
    expect(coreRulesHash(files.slice(1))).not.toBe(coreRulesHash(files));
    expect(coreRulesHash([...files].reverse())).not.toBe(coreRulesHash(files));
  });
});

describe('precompiled character tables', () => {
  it('equal the tables built from the dictionaries', () => {
    const built = buildCharTables();
    expect(readFileSync(CHAR_TABLES_PATH, 'utf8')).toBe(serializeCharTables(built));
    const used = charTables();
    expect(Buffer.from(used.toSimplified.buffer).equals(Buffer.from(built.toSimplified.buffer))).toBe(true);
    expect(Buffer.from(used.flags.buffer).equals(Buffer.from(built.flags.buffer))).toBe(true);
    expect([...used.astral]).toEqual([...built.astral]);
    expect(used.toSimplified['國'.charCodeAt(0)]).toBe('国'.charCodeAt(0));
  });
});
