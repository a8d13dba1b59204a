/**
 * Outputs can never destroy inputs (issue 10 §1), through the real command line: `--output`,
 * `--report-dir` and `--update-baseline` refuse an input of the run, a link, a device, a pipe or a
 * folder with exit 2 and a message naming it; the report folder and the baseline are never read back as
 * input; a report folder is written as a whole; nothing half-written is ever left behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutputFile, InputSet, OutputRefused } from '../src/output/guard.js';
import { openOutputFile, replaceFolder } from '../src/output/write.js';
import { ensureBuilt, runCli, type CliResult } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

const STACK_LINE = /^\s+at\s/m;
let dir: string;

/** Runs figcheck in the temp dir; no run may show a stack trace or call a user's mistake an internal error. */
function figcheck(args: string[]): CliResult {
  const result = runCli(args, { cwd: dir });
  expect(result.stderr, `stack trace from figcheck ${args.join(' ')}`).not.toMatch(STACK_LINE);
  expect(result.stderr).not.toMatch(/internal error|please report/);
  return result;
}

function hash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every name under a folder, hidden ones included (temporaries are hidden). */
function allNames(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
}

const YEARBOOK = '2022年，全区粮食产量达到800万吨。\n';
const REPORT = '2022年，全区粮食产量达到760万吨。\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'figcheck-outputs-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'yearbook.txt'), YEARBOOK);
  writeFileSync(join(dir, 'docs', 'report.txt'), REPORT);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('--output', () => {
  it('refuses an input of the run, by any path to it (symlinked folder, hard link), and leaves it intact', () => {
    symlinkSync(join(dir, 'docs'), join(dir, 'docs-link'));
    linkSync(join(dir, 'docs', 'report.txt'), join(dir, 'hard-link.txt'));
    const before = hash(join(dir, 'docs', 'yearbook.txt'));
    for (const target of ['docs/yearbook.txt', 'docs-link/yearbook.txt', 'hard-link.txt']) {
      const { code, stderr } = figcheck(['check', 'docs', '--format', 'json', '-o', target]);
      expect(code, stderr).toBe(2);
      expect(stderr).toContain(`${target}: is an input document of this run`);
    }
    expect(hash(join(dir, 'docs', 'yearbook.txt'))).toBe(before);
    expect(readFileSync(join(dir, 'docs', 'report.txt'), 'utf8')).toBe(REPORT);
    expect(allNames(join(dir, 'docs'))).toEqual(['report.txt', 'yearbook.txt']);
  });

  it('refuses the run’s rule file and config too (suggest -o over the rules it reads)', () => {
    const rules = 'version: 1\nmetrics:\n  - { id: grain-output, name: 粮食产量, aliases: [粮食产量], unit: 吨, kind: level }\n';
    writeFileSync(join(dir, 'grain-rules.yaml'), rules);
    const { code, stderr } = figcheck(['suggest', 'docs', '-r', 'grain-rules.yaml', '-o', 'grain-rules.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/grain-rules\.yaml: is a config or rule file of this run/);
    expect(readFileSync(join(dir, 'grain-rules.yaml'), 'utf8')).toBe(rules);
  });

  it('refuses a symbolic link and a named pipe, leaving them as they were', () => {
    writeFileSync(join(dir, 'elsewhere.json'), 'kept\n');
    symlinkSync('elsewhere.json', join(dir, 'link.json'));
    const link = figcheck(['check', 'docs', '-o', 'link.json']);
    expect(link.code).toBe(2);
    expect(link.stderr).toMatch(/link\.json: is a symbolic link/);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'elsewhere.json'), 'utf8')).toBe('kept\n');

    expect(spawnSync('mkfifo', [join(dir, 'pipe')]).status).toBe(0);
    const pipe = figcheck(['figures', 'docs', '-o', 'pipe']);
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).toMatch(/pipe: is not a regular file/);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it('refuses a device (as root too): checked by the guard itself, so that no test can ever replace /dev/null', () => {
    const context = { inputs: new InputSet([]), locale: 'en' as const, cwd: dir };
    for (const device of ['/dev/null', '/dev/full']) {
      if (!existsSync(device)) continue;
      expect(() => checkOutputFile(device, device, context)).toThrow(OutputRefused);
      expect(() => checkOutputFile(device, device, context)).toThrow(/is not a regular file/);
    }
  });

  it('a device node made for the test is refused through the command line and stays a device', () => {
    // mknod needs root; where it is not allowed, the guard test above stands for this one.
    const made = spawnSync('mknod', [join(dir, 'full'), 'c', '1', '7']).status === 0;
    if (!made) return;
    const { code, stderr } = figcheck(['check', 'docs', '-o', 'full']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/full: is not a regular file/);
    expect(lstatSync(join(dir, 'full')).isCharacterDevice()).toBe(true);
  });

  it('to a folder or below a file: a clear message naming it, no internal error, nothing left behind', () => {
    mkdirSync(join(dir, 'out-folder'));
    const folder = figcheck(['check', 'docs', '-o', 'out-folder']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/out-folder: is a folder; give a file name/);
    const below = figcheck(['figures', 'docs', '-o', 'docs/yearbook.txt/figures.json']);
    expect(below.code).toBe(2);
    expect(below.stderr).toMatch(/docs\/yearbook\.txt\/figures\.json: cannot be created: docs\/yearbook\.txt is a file, not a folder/);
    // An empty name (an unset shell variable) is refused, not taken for standard output.
    const empty = figcheck(['figures', 'docs', '-o', '']);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/--output: the name is empty/);
    expect(allNames(join(dir, 'out-folder'))).toEqual([]);
    expect(readdirSync(dir).filter((name) => /partial|figcheck-/.test(name))).toEqual([]);
    expect(readFileSync(join(dir, 'docs', 'yearbook.txt'), 'utf8')).toBe(YEARBOOK);
  });
});

describe('--report-dir', () => {
  it('refuses a folder holding a document of the run, or a report.md that is not a figcheck report', () => {
    const own = join(dir, 'own');
    mkdirSync(own);
    writeFileSync(join(own, 'report.md'), '# 工作报告\n2022年，全区粮食产量达到800万吨。\n');
    const over = figcheck(['check', 'own', '--report-dir', 'own']);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/own: holds an input document of this run \(own\/report\.md\)/);
    const named = figcheck(['check', 'docs', '--report-dir', 'own']);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/own\/report\.md: is not a figcheck report; refusing to replace it/);
    expect(allNames(own)).toEqual(['report.md']);
    expect(readFileSync(join(own, 'report.md'), 'utf8')).toMatch(/^# 工作报告/);
    // The folder being checked, with its documents, is never swapped away.
    const walked = figcheck(['check', 'docs', '--report-dir', 'docs']);
    expect(walked.code).toBe(2);
    expect(allNames(join(dir, 'docs'))).toEqual(['report.txt', 'yearbook.txt']);
  });

  it('inside the checked folder is never read back: a second run finds what the first found', () => {
    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'yearbook.txt'), YEARBOOK);
    writeFileSync(join(project, 'report.txt'), REPORT);
    const args = ['check', 'project', '--format', 'json', '--report-dir', 'project/reports', '--fail-on', 'never'];
    const first = JSON.parse(figcheck(args).stdout) as { documents: { path: string }[]; findings: unknown[] };
    expect(existsSync(join(project, 'reports', 'index.html'))).toBe(true);
    const second = JSON.parse(figcheck(args).stdout) as typeof first;
    expect(second.documents.map((d) => d.path)).toEqual(['project/report.txt', 'project/yearbook.txt']);
    expect(second.findings).toEqual(first.findings);
    // Nor by a run without --report-dir: the folder is marked as figcheck's report.
    const plain = JSON.parse(figcheck(['check', 'project', '--format', 'json', '--fail-on', 'never']).stdout) as typeof first;
    expect(plain.documents.map((d) => d.path)).toEqual(['project/report.txt', 'project/yearbook.txt']);
  });

  it('is written as a whole: two runs at once leave both files of one run; hidden files are kept; no temporaries', async () => {
    ensureBuilt();
    const reports = join(dir, 'shared-reports');
    mkdirSync(reports);
    writeFileSync(join(reports, '.gitkeep'), '');
    mkdirSync(join(dir, 'run-a'));
    mkdirSync(join(dir, 'run-b'));
    writeFileSync(join(dir, 'run-a', 'alpha-yearbook.txt'), YEARBOOK);
    writeFileSync(join(dir, 'run-a', 'alpha-report.txt'), REPORT);
    writeFileSync(join(dir, 'run-b', 'beta-yearbook.txt'), YEARBOOK);
    writeFileSync(join(dir, 'run-b', 'beta-report.txt'), REPORT);
    const run = (folder: string) =>
      new Promise<string>((done) => {
        const child = spawn(process.execPath, [resolve(ROOT, 'bin', 'figcheck.js'), 'check', folder, '--report-dir', 'shared-reports', '--fail-on', 'never'], {
          cwd: dir,
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.on('close', (code) => done(`${code} ${stderr.replace(/figcheck: discrepancy report written to .*\n/, '')}`.trim()));
      });
    for (let round = 0; round < 3; round++) {
      expect(await Promise.all([run('run-a'), run('run-b'), run('run-a'), run('run-b')])).toEqual(['0', '0', '0', '0']);
      const markdown = readFileSync(join(reports, 'report.md'), 'utf8');
      const html = readFileSync(join(reports, 'index.html'), 'utf8');
      const runOf = (text: string) => (text.includes('alpha-yearbook') ? 'a' : '') + (text.includes('beta-yearbook') ? 'b' : '');
      expect(['a', 'b']).toContain(runOf(markdown));
      expect(runOf(html)).toBe(runOf(markdown));
      expect(allNames(reports)).toEqual(['.figcheck-report', '.gitkeep', 'index.html', 'report.md']);
      expect(readdirSync(dir).filter((name) => name.includes('figcheck-'))).toEqual([]);
    }
  });
});

describe('--update-baseline', () => {
  it('refuses an input of the run and any file that is not a figcheck baseline, leaving them intact', () => {
    const input = figcheck(['check', 'docs/yearbook.txt', 'docs/report.txt', '--baseline', 'docs/report.txt', '--update-baseline']);
    expect(input.code).toBe(2);
    expect(input.stderr).toMatch(/docs\/report\.txt: is an input document of this run/);
    writeFileSync(join(dir, 'notes.json'), '{"mine": true}\n');
    const foreign = figcheck(['check', 'docs', '--baseline', 'notes.json', '--update-baseline']);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/notes\.json: is not a figcheck baseline; refusing to replace it/);
    expect(readFileSync(join(dir, 'notes.json'), 'utf8')).toBe('{"mine": true}\n');
    expect(readFileSync(join(dir, 'docs', 'report.txt'), 'utf8')).toBe(REPORT);
  });

  it('a baseline kept in the checked folder is not read as a document, and is replaced whole', () => {
    const project = join(dir, 'with-baseline');
    mkdirSync(project);
    writeFileSync(join(project, 'yearbook.txt'), YEARBOOK);
    writeFileSync(join(project, 'report.txt'), REPORT);
    // A baseline named like a document: the walk must not read it.
    const args = ['check', 'with-baseline', '--baseline', 'with-baseline/known.txt'];
    expect(figcheck([...args, '--update-baseline']).code).toBe(0);
    const parsed = JSON.parse(readFileSync(join(project, 'known.txt'), 'utf8')) as { findings: unknown[] };
    expect(parsed.findings.length).toBeGreaterThan(0);
    const json = JSON.parse(figcheck([...args, '--format', 'json', '--fail-on', 'warning']).stdout) as { documents: { path: string }[] };
    expect(json.documents.map((d) => d.path)).toEqual(['with-baseline/report.txt', 'with-baseline/yearbook.txt']);
    expect(figcheck([...args, '--update-baseline']).code).toBe(0);
    expect(allNames(project)).toEqual(['known.txt', 'report.txt', 'yearbook.txt']);
  });
});

describe('the writers (src/output/write.ts)', () => {
  it('a report folder whose swap is refused at the last moment stays as it was, with no temporary beside it', () => {
    const parent = join(dir, 'writers');
    const folder = join(parent, 'reports');
    mkdirSync(folder, { recursive: true });
    replaceFolder(folder, 'reports', { 'report.md': 'first\n', 'index.html': 'first\n' });
    expect(() =>
      replaceFolder(folder, 'reports', { 'report.md': 'second\n', 'index.html': 'second\n' }, () => {
        throw new OutputRefused('reports: refused');
      }),
    ).toThrow('reports: refused');
    expect(readFileSync(join(folder, 'report.md'), 'utf8')).toBe('first\n');
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toBe('first\n');
    expect(readdirSync(parent)).toEqual(['reports']);
  });

  it('an abandoned output file leaves the destination as it was and no temporary', () => {
    const parent = join(dir, 'writers-file');
    mkdirSync(parent);
    writeFileSync(join(parent, 'out.json'), 'old\n');
    const sink = openOutputFile(join(parent, 'out.json'), 'out.json');
    sink.write('new, half');
    expect(readdirSync(parent).length).toBe(2);
    sink.abandon();
    expect(readdirSync(parent)).toEqual(['out.json']);
    expect(readFileSync(join(parent, 'out.json'), 'utf8')).toBe('old\n');
  });
});
