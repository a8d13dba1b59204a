/**
 * `figcheck init`: on a copy of the example corpus without its config, init writes a figcheck.yaml that
 * validates against rules/config.schema.json (ids as check gives them, periods and statuses guessed and
 * marked as guesses) and a rule file of suggested metrics; the command it prints then checks the folder
 * with no hand edits and reports the example's documented cross-document findings. It never overwrites
 * without --force.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_SCHEMA_PATH } from '../src/config.js';
import type { Finding } from '../src/model.js';
import { validatorFor } from '../src/rules/load.js';
import { runCli } from './helpers/cli.js';
import { EXAMPLES } from './helpers/paths.js';

const work = mkdtempSync(join(tmpdir(), 'figcheck-init-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the example corpus's documents, without its figcheck.yaml. */
function corpusCopy(name: string): string {
  const dir = join(work, name);
  cpSync(EXAMPLES, dir, { recursive: true, filter: (source) => !source.endsWith('figcheck.yaml') });
  return dir;
}

/** The cross-document findings README.md documents for the example corpus (rule and the readings each shows). */
const DOCUMENTED: [string, string, string][] = [
  ['target-missed', '6%左右', '4.2%'],
  ['figure-mismatch', '66次', '400余次'],
  ['figure-mismatch', '3409亿元', '3300多亿元'],
  ['figure-mismatch', '59%', '超过60%'],
];
const CROSS_RULES = new Set(['figure-mismatch', 'target-missed', 'arithmetic-mismatch', 'figure-missing']);

describe('figcheck init on the example corpus', () => {
  let dir: string;
  let init: ReturnType<typeof runCli>;
  beforeAll(() => {
    dir = corpusCopy('nmg');
    init = runCli(['init'], { cwd: dir });
  });

  it('writes a config that validates against the schema, with every document and guesses marked as such', () => {
    expect(init.code, init.stderr).toBe(0);
    const text = readFileSync(join(dir, 'figcheck.yaml'), 'utf8');
    const config = parse(text) as { documents: { id: string; path: string; period?: string; status?: string }[]; rules: string[] };
    const validate = validatorFor(CONFIG_SCHEMA_PATH);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    const files = readdirSync(dir).filter((file) => file.endsWith('.txt')).sort();
    expect(config.documents.map((d) => d.path).sort()).toEqual(files);
    // Ids as `check` gives them without a config: the file name without its extension.
    for (const doc of config.documents) expect(doc.id).toBe(doc.path.replace(/\.txt$/, ''));
    // The periods are those the example's own config gives (examples/nmg/README.md).
    const periods = Object.fromEntries(config.documents.map((d) => [d.id, d.period]));
    expect(periods).toEqual({
      'yearbook-2023-government': '2022',
      'yearbook-2023-party': '2022',
      'work-report-2022': '2021',
      'rectification-2021': '2021',
      'work-report-2023': '2022',
    });
    expect(config.documents.find((d) => d.id === 'work-report-2023')!.status).toBe('preliminary');
    expect(config.documents.find((d) => d.id === 'yearbook-2023-government')!.status).toBe('final');
    // Every period and status carries its "guess" comment.
    expect(text.match(/^\s+period: "\d{4}" # guess: /gm)).toHaveLength(5);
    expect(text.match(/^\s+status: \w+ # guess: /gm)).toHaveLength(5);
    expect(config.rules).toEqual(['figcheck-metrics.yaml']);
    expect(readFileSync(join(dir, 'figcheck-metrics.yaml'), 'utf8')).toMatch(/^metrics:\n/m);
  });

  it('prints the next command, which checks the folder with no hand edits and finds the documented discrepancies', () => {
    expect(init.stdout).toContain('Next, check the guesses and run:\n  figcheck check\n');
    const check = runCli(['check', '--format', 'json'], { cwd: dir });
    // Two or more findings are errors: exit 1, not a usage or configuration error.
    expect(check.code, check.stderr).toBe(1);
    const findings = (JSON.parse(check.stdout) as { findings: Finding[] }).findings;
    const cross = findings.filter((f) => CROSS_RULES.has(f.rule));
    for (const [rule, a, b] of DOCUMENTED) {
      expect(cross.filter((f) => f.rule === rule && f.message.includes(a) && f.message.includes(b)), `${rule} ${a} ${b}`).toHaveLength(1);
    }
    // Nothing beyond what README.md documents for `figcheck init` on the example.
    expect(cross).toHaveLength(DOCUMENTED.length);
  });

  it('refuses to overwrite without --force (exit 2), and replaces with it', () => {
    const before = readFileSync(join(dir, 'figcheck.yaml'), 'utf8');
    writeFileSync(join(dir, 'figcheck.yaml'), `${before}# edited by hand\n`);
    const again = runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('figcheck.yaml: already exists; figcheck init does not overwrite it (add --force');
    expect(readFileSync(join(dir, 'figcheck.yaml'), 'utf8')).toBe(`${before}# edited by hand\n`);
    const forced = runCli(['init', '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'figcheck.yaml'), 'utf8')).toBe(before);
  });
});

describe('figcheck init DIR from elsewhere', () => {
  it('prints a command with --config that works from where it was run', () => {
    const dir = corpusCopy('elsewhere');
    const init = runCli(['init', 'elsewhere'], { cwd: work });
    expect(init.code, init.stderr).toBe(0);
    const next = /run:\n {2}(.+)\n/.exec(init.stdout)![1]!;
    expect(next).toBe('figcheck check --config elsewhere/figcheck.yaml');
    const check = runCli([...next.split(' ').slice(1), '--format', 'json'], { cwd: work });
    expect(check.code, check.stderr).toBe(1);
    const findings = (JSON.parse(check.stdout) as { findings: Finding[] }).findings;
    expect(findings.some((f) => f.message.includes('3409亿元') && f.message.includes('3300多亿元'))).toBe(true);
    expect(readdirSync(dir)).toContain('figcheck-metrics.yaml');
  });

  it('a folder that does not exist or holds no document is a usage error naming it', () => {
    const missing = runCli(['init', 'nowhere'], { cwd: work });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere: no such folder');
    const empty = join(work, 'empty');
    cpSync(join(EXAMPLES, 'README.md'), join(empty, 'notes.yaml'));
    const none = runCli(['init', 'empty'], { cwd: work });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('empty: no documents (.txt .md .html .docx) to list');
  });
});
