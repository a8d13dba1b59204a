import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { findConfig, loadConfig, parseConfig } from '../src/config.js';
import { InputError } from '../src/model.js';
import { loadRuleFile, mergeRuleFiles, parseRuleFile, RULES_DIR } from '../src/rules/load.js';
import { suggestRules } from '../src/suggest.js';
import { closed, figureIn, open, textDocument } from './checks-fixtures.js';

describe('figcheck.yaml discovery', () => {
  it('finds figcheck.yaml or .figcheck.yaml in the working directory or its parents, nearest first', () => {
    const root = mkdtempSync(join(tmpdir(), 'figcheck-config-'));
    const deep = join(root, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    expect(findConfig(deep)).toBe(null);
    writeFileSync(join(root, 'figcheck.yaml'), 'documents: []\n');
    expect(findConfig(deep)).toBe(join(root, 'figcheck.yaml'));
    writeFileSync(join(root, 'a', '.figcheck.yaml'), 'documents: []\n');
    expect(findConfig(deep)).toBe(join(root, 'a', '.figcheck.yaml'));
    expect(findConfig(root)).toBe(join(root, 'figcheck.yaml'));
  });
});

describe('loadConfig', () => {
  it('loads the example config: documents with period and status, rule files resolved from the config folder', () => {
    const config = loadConfig('examples/nmg/figcheck.yaml');
    expect(config.dir).toBe(resolve('examples/nmg'));
    expect(config.documents.map((d) => d.id)).toEqual(['yearbook-gov', 'yearbook-party', 'report-2022', 'rectification-2021', 'report-2023']);
    expect(config.documents.find((d) => d.id === 'report-2023')).toMatchObject({ period: '2022', status: 'preliminary' });
    expect(config.rules).toEqual([resolve('rules/nmg-2022.yaml')]);
  });

  it('reads severity overrides and ignore globs', () => {
    const config = parseConfig('/tmp/p/figcheck.yaml', 'rules: [r.yaml]\nseverity: { figure-mismatch: warning, placeholder: off }\nignore: ["drafts/**"]\n');
    expect(config.severity).toEqual({ 'figure-mismatch': 'warning', placeholder: 'off' });
    expect(config.ignore).toEqual(['drafts/**']);
    expect(config.rules).toEqual(['/tmp/p/r.yaml']);
  });

  it('reports a schema error with file:line:column (a bad status, an unknown key)', () => {
    const text = 'documents:\n  - id: a\n    path: a.txt\n    status: final-ish\nrule: [x.yaml]\n';
    let message = '';
    try {
      parseConfig('figcheck.yaml', text);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      message = (error as Error).message;
    }
    expect(message).toContain('figcheck.yaml:4:5: documents.0.status: must be one of "final", "preliminary", "draft"');
    expect(message).toContain('figcheck.yaml:5:1: unknown key "rule" in top level');
  });

  it('reports a YAML syntax error and a missing file with the file name', () => {
    expect(() => parseConfig('figcheck.yaml', 'documents:\n  - id: a\n   path: [\n')).toThrow(/^figcheck\.yaml:\d+:\d+: YAML syntax error/);
    expect(() => loadConfig('/nonexistent/figcheck.yaml')).toThrow('/nonexistent/figcheck.yaml: no such config file');
  });

  it('rejects a document id used twice', () => {
    expect(() => parseConfig('f.yaml', 'documents:\n  - { id: a, path: a.txt }\n  - { id: a, path: b.txt }\n')).toThrow(/"a" is used twice/);
  });
});

describe('suggestRules', () => {
  it('writes the metrics aligned in two places as a valid rule file, and not the ones stated once', () => {
    const a = textDocument('a', '城镇化率68.2%,森林覆盖率23%', { period: '2022' });
    const b = textDocument('b', '城镇化率68.9%。', { period: '2022' });
    const figures = [
      figureIn(a, { raw: '68.2%', value: 68.2, interval: closed(68.15, 68.25), unit: '%', kind: 'share', label: '城镇化率' }),
      figureIn(a, { raw: '23%', value: 23, interval: closed(22.5, 23.5), unit: '%', kind: 'share', label: '森林覆盖率' }),
      figureIn(b, { raw: '68.9%', value: 68.9, interval: open(68.85, 68.95), unit: '%', kind: 'share', label: '城镇化率' }),
    ];
    const rules = mergeRuleFiles([loadRuleFile(join(RULES_DIR, 'core', 'checks.yaml'))]);
    const text = suggestRules([a, b], figures, rules);
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schema\.json$/);
    const file = parseRuleFile('suggested.yaml', text);
    expect(file.metrics).toEqual([{ id: 'metric-1', name: '城镇化率', aliases: ['城镇化率'], unit: '%', kind: 'share' }]);
    expect(parse(text).checks).toEqual([{ type: 'consistency', metrics: '*' }]);
  });
});
