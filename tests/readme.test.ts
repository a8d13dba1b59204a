/**
 * The README's CI section runs as shown: its shell lines, the figcheck steps of its GitHub Actions and
 * GitLab jobs, and its pre-commit hook, on a copy of the example corpus.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ensureBuilt, ROOT } from './helpers/cli.js';

const BIN = resolve(ROOT, 'bin', 'figcheck.js');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const ciSection = readme.slice(readme.indexOf('\n## CI\n'), readme.indexOf('\n## Library\n'));

function blocks(language: string): string[] {
  const fence = new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g');
  return [...ciSection.matchAll(fence)].map((m) => m[1]!);
}

/** A copy of the example corpus and rules, so the commands can write baselines and reports freely. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'figcheck-readme-'));
  cpSync(resolve(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  cpSync(resolve(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  return dir;
}

/** Runs a README command line with `npx figcheck` standing for this checkout's bin. */
function run(line: string, cwd: string): { code: number; stdout: string; stderr: string } {
  const script = line.replaceAll('npx figcheck', `"${process.execPath}" "${BIN}"`);
  const result = spawnSync('sh', ['-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => ensureBuilt());

describe('README CI section', () => {
  it('baseline: record, then the same findings are silenced and the gate passes', () => {
    const cwd = workspace();
    const lines = blocks('sh')[0]!.split('\n').filter((l) => l.startsWith('npx figcheck'));
    expect(lines).toHaveLength(2);
    const record = run(lines[0]!, cwd);
    expect(record.code).toBe(0);
    expect(existsSync(join(cwd, 'figcheck-baseline.json'))).toBe(true);
    const gate = run(lines[1]!, cwd);
    expect(gate.stderr).not.toMatch(/\n\s+at /);
    expect(gate.code).toBe(0);
  });

  it('GitHub Actions and GitLab jobs: their figcheck steps run and produce what the platforms read', () => {
    const cwd = workspace();
    const yamlBlocks = blocks('yaml').map((text) => parse(text));
    const github = yamlBlocks.find((y) => y?.jobs);
    const gitlab = yamlBlocks.find((y) => y?.figcheck?.script);
    const githubSteps: string[] = github.jobs.figures.steps.flatMap((s: { run?: string }) => (s.run?.startsWith('npx figcheck') ? [s.run] : []));
    const gitlabSteps: string[] = gitlab.figcheck.script.filter((s: string) => s.startsWith('npx figcheck'));
    expect(githubSteps.length).toBe(2);
    expect(gitlabSteps.length).toBe(1);

    // The gate steps use a committed baseline: record it first, as the section says.
    expect(run(blocks('sh')[0]!.split('\n')[0]!, cwd).code).toBe(0);

    const sarifStep = run(githubSteps[0]!, cwd);
    expect(sarifStep.code).toBe(0);
    const sarif = JSON.parse(readFileSync(join(cwd, 'figcheck.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);

    const gateStep = run(githubSteps[1]!, cwd);
    expect(gateStep.code).toBe(0);

    const junitStep = run(gitlabSteps[0]!, cwd);
    expect(junitStep.code).toBe(0);
    expect(readFileSync(join(cwd, 'figcheck-junit.xml'), 'utf8')).toMatch(/^<\?xml[\s\S]*<testsuites/);
  });

  it('pre-commit hook: refuses a commit whose staged documents disagree, accepts one that is clean', () => {
    const repo = workspace();
    writeFileSync(
      join(repo, 'figcheck.yaml'),
      [
        'documents:',
        '  - { id: yearbook-gov, path: examples/nmg/yearbook-2023-government.txt, period: "2022", status: final }',
        '  - { id: yearbook-party, path: examples/nmg/yearbook-2023-party.txt, period: "2022", status: final }',
        'rules: [rules/nmg-2022.yaml]',
        '',
      ].join('\n'),
    );
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe', encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'editor@example.org');
    git('config', 'user.name', 'Editor');
    const hook = blocks('sh').find((b) => b.startsWith('#!/bin/sh'))!;
    const hookPath = join(repo, '.git', 'hooks', 'pre-commit');
    writeFileSync(hookPath, hook.replaceAll('npx figcheck', `"${process.execPath}" "${BIN}"`));
    chmodSync(hookPath, 0o755);

    // The party yearbook alone states 超过60% and nothing contradicts it: the commit goes through.
    git('add', 'figcheck.yaml', 'examples/nmg/yearbook-2023-party.txt');
    git('commit', '-q', '-m', 'party yearbook');

    // An edit to the party yearbook staged with the government yearbook (精简幅度达59%), which
    // contradicts its 超过60%: the hook refuses.
    const party = join(repo, 'examples/nmg/yearbook-2023-party.txt');
    writeFileSync(party, `${readFileSync(party, 'utf8')}\n`);
    git('add', 'examples/nmg/yearbook-2023-government.txt', 'examples/nmg/yearbook-2023-party.txt');
    const refused = spawnSync('git', ['commit', '-q', '-m', 'government yearbook'], { cwd: repo, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/figure-mismatch/);
  });
});

describe('README example section', () => {
  const example = readme.slice(readme.indexOf('\n## Example\n'), readme.indexOf('\n## How figures are read\n'));
  const [configured, automatic] = [...example.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1]!.trim().split('\n'));

  it('lists exactly the cross-check findings of the example corpus, with its config and without one', () => {
    const crossChecks = (stdout: string) =>
      stdout
        .trim()
        .split('\n')
        .filter((line) => /\[(figure-mismatch|target-missed|arithmetic-mismatch|figure-missing)\]$/.test(line));
    const withConfig = run('npx figcheck check --config examples/nmg/figcheck.yaml --format unix', ROOT);
    expect(withConfig.code).toBe(1);
    expect(crossChecks(withConfig.stdout)).toEqual(configured);
    const auto = run('npx figcheck check examples/nmg', ROOT);
    expect(auto.code).toBe(0);
    expect(crossChecks(auto.stdout)).toEqual(automatic);
  });
});

describe('README rule file example (the core format of the checks issue, as written)', () => {
  it('loads, runs, and makes the funds mismatch an error; metric ids it names but does not define are warnings', () => {
    const section = readme.slice(readme.indexOf('\n## Rule files\n'), readme.indexOf('\n## Checks\n'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const dir = workspace();
    writeFileSync(join(dir, 'rules.yaml'), example);
    const result = run('npx figcheck check examples/nmg --rules rules.yaml --format json', dir);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/names metric "gdp-growth", which no rule file defines/);
    const report = JSON.parse(result.stdout) as { findings: { rule: string; severity: string; metric: string | null }[] };
    const funds = report.findings.filter((f) => f.metric === 'funds-attracted');
    expect(funds).toHaveLength(1);
    expect(funds[0]).toMatchObject({ rule: 'figure-mismatch', severity: 'error' });
  });
});

describe('README coverage and suppression sections', () => {
  const example = readme.slice(readme.indexOf('\n## Example\n'), readme.indexOf('\n## How figures are read\n'));

  it('the example corpus run ends with the coverage line the README quotes', () => {
    const quoted = /`(\d+ figures in \d+ documents[^`]*?), …`/.exec(example.replace(/\n/g, ' '))?.[1];
    expect(quoted).toBeDefined();
    const stylish = run('npx figcheck check --config examples/nmg/figcheck.yaml --format stylish --fail-on never', ROOT);
    expect(stylish.stdout.trimEnd().split('\n').at(-1)!.startsWith(quoted!)).toBe(true);
  });

  it('each suppression form of the table, written as the README shows it, silences a mismatch', () => {
    const section = readme.slice(readme.indexOf('\n### Suppressing findings\n'), readme.indexOf('\n## CI\n'));
    const row = (format: string) => section.split('\n').find((line) => line.startsWith(`| ${format} |`))!;
    const forms = (line: string) => [...line.matchAll(/`([^`]*figcheck-[^`]*)`/g)].map((m) => m[1]!.replace('RULE…', 'figure-mismatch'));
    const [mdNext, mdDisable, mdEnable] = forms(row('`.md`, `.html`'));
    const [txtNext, txtDisable, txtEnable] = forms(row('`.txt`'));
    const dir = mkdtempSync(join(tmpdir(), 'figcheck-readme-suppress-'));
    writeFileSync(join(dir, 'other.txt'), '2022年，地区生产总值增长5.1%。\n2022年，粮食产量达到390亿斤。\n');
    const documents: Record<string, string> = {
      'next.md': `${mdNext}\n2022年，地区生产总值增长4.2%。\n2022年，粮食产量达到380亿斤。\n`,
      'block.md': `${mdDisable}\n2022年，地区生产总值增长4.2%。\n2022年，粮食产量达到380亿斤。\n${mdEnable}\n`,
      'next.html': `<p>2022年，粮食产量达到380亿斤。</p>${mdNext}<p>2022年，地区生产总值增长4.2%。</p>`,
      'next.txt': `${txtNext}\n2022年，地区生产总值增长4.2%。\n2022年，粮食产量达到380亿斤。\n`,
      'block.txt': `${txtDisable}\n2022年，地区生产总值增长4.2%。\n2022年，粮食产量达到380亿斤。\n${txtEnable}\n`,
    };
    const silenced: Record<string, number> = { 'next.md': 1, 'block.md': 2, 'next.html': 1, 'next.txt': 1, 'block.txt': 2 };
    try {
      for (const [name, text] of Object.entries(documents)) {
        writeFileSync(join(dir, name), text);
        const result = run(`npx figcheck check ${name} other.txt --no-config --format json`, dir);
        const json = JSON.parse(result.stdout) as { findings: { rule: string }[]; summary: { suppressedInText: number } };
        expect(json.summary.suppressedInText, name).toBe(silenced[name]);
        expect(json.findings.filter((f) => f.rule === 'figure-mismatch'), name).toHaveLength(2 - silenced[name]!);
        expect(json.findings.filter((f) => f.rule === 'unused-suppression'), name).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
