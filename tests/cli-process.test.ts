/**
 * Clean process behaviour (issue 10 §6 and its rough edges), through the real command line: temporaries
 * removed on SIGINT and SIGTERM, a closed pipe (`| head`) ending quietly with the findings' exit code,
 * help and errors in the --locale language, figcheck.yml, one id per file a config glob matches, and file
 * names holding a newline in the one-finding-a-line formats.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandDocumentGroups, idsOfMatches } from '../src/config.js';
import { ensureBuilt, runCli, type CliResult } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

const STACK_LINE = /^\s+at\s/m;
const BIN = resolve(ROOT, 'bin', 'figcheck.js');
let dir: string;

function figcheck(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = runCli(args, { cwd: options.cwd ?? dir, env: options.env });
  expect(result.stderr, `stack trace from figcheck ${args.join(' ')}`).not.toMatch(STACK_LINE);
  expect(result.stderr).not.toMatch(/internal error/);
  return result;
}

/** figcheck as a child process whose pipes the test holds. */
function start(args: string[]): { child: ChildProcess; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  ensureBuilt();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, LANG: 'C', LC_ALL: '', NO_COLOR: '', FORCE_COLOR: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) =>
    child.on('close', (code, signal) => done({ code, signal, stderr })),
  );
  return { child, exit };
}

/** Resolves once `check()` holds, looking every 20 ms (an event, not a time limit: the test's timeout bounds it). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((done) => setTimeout(done, 20));
}

const temporaries = () => readdirSync(dir).filter((name) => name.includes('.partial') || name.includes('figcheck-'));

/** Many figures: a `figures` listing far larger than a pipe's buffer (64 KB). */
const MANY = Array.from({ length: 2000 }, (_, i) => `2022年，第${i + 1}项工程投资${i + 11}亿元，比上年增长${(i % 9) + 1}.5%。`).join('\n');
/** A draft with numbers not filled in: thousands of placeholder warnings, a `check` output far over 64 KB. */
const DRAFT = Array.from({ length: 2000 }, (_, i) => `第${i + 1}项工程投资比上年增长×%，完成XX亿元。`).join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'figcheck-process-'));
  writeFileSync(join(dir, 'yearbook.txt'), '2022年，全区粮食产量达到800万吨。\n');
  writeFileSync(join(dir, 'many.txt'), `${MANY}\n`);
  writeFileSync(join(dir, 'draft.txt'), `${DRAFT}\n`);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('temporary files', () => {
  // The run holds its output's temporary open while it waits for standard input (the document `-`),
  // so the signal always arrives mid-write: no timing involved.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`are removed when figures -o is stopped by ${signal}`, async () => {
      const { child, exit } = start(['figures', 'yearbook.txt', '-', '--format', 'json', '-o', 'figures.json']);
      await until(() => temporaries().length > 0);
      child.kill(signal);
      const { code, signal: ended, stderr } = await exit;
      // Ended by the signal, as a shell expects (130/143 when a handler exits in its place).
      expect(ended === signal || code === (signal === 'SIGINT' ? 130 : 143), `code ${code}, signal ${ended}, ${stderr}`).toBe(true);
      expect(temporaries(), stderr).toEqual([]);
      expect(existsSync(join(dir, 'figures.json'))).toBe(false);
    });
  }
});

describe('a reader that closes standard output early (| head -1)', () => {
  /** Runs figcheck, reads its first chunk of output, then closes the pipe. */
  async function headOne(args: string[]) {
    const { child, exit } = start(args);
    child.stdin!.end();
    await new Promise<void>((done) => child.stdout!.once('data', () => done()));
    child.stdout!.destroy();
    return exit;
  }

  it('figures: ends quietly with exit 0', async () => {
    const { code, stderr } = await headOne(['figures', 'many.txt', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('check: ends quietly with the exit code the findings call for', async () => {
    // Placeholder warnings: exit 0 by default, 1 with --fail-on warning.
    const info = await headOne(['check', 'draft.txt', '--format', 'json']);
    expect(info.stderr).not.toMatch(/EPIPE|Error/);
    expect(info.code).toBe(0);
    const failing = await headOne(['check', 'draft.txt', '--format', 'unix', '--fail-on', 'warning']);
    expect(failing.stderr).not.toMatch(/EPIPE|Error/);
    expect(failing.code).toBe(1);
  });
});

describe('a reader that closes standard error early (2>&1 | head -1)', () => {
  it('ends quietly: the warnings that no one reads are dropped, the exit code stays', async () => {
    // 2,000 empty files: a warning each, far more than a pipe holds.
    mkdirSync(join(dir, 'empty'));
    for (let i = 0; i < 2000; i++) writeFileSync(join(dir, 'empty', `empty-document-${i}.txt`), '');
    const { child, exit } = start(['check', 'empty']);
    child.stdin!.end();
    child.stderr!.removeAllListeners('data');
    await new Promise<void>((done) => child.stderr!.once('data', () => done()));
    child.stderr!.destroy();
    const { code, signal } = await exit;
    expect(signal).toBe(null);
    expect(code).toBe(0);
  });
});

describe('--locale for help and errors', () => {
  it('help, usage errors and the CLI’s errors are in Chinese with --locale zh-CN, English otherwise', () => {
    const help = figcheck(['check', '--help', '--locale', 'zh-CN']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法：/);
    expect(help.stdout).toContain('选项：');
    expect(help.stdout).toContain('把输出写入文件而不是标准输出');
    expect(help.stdout).not.toMatch(/Usage:|Options:|display help|write the output/);
    const english = figcheck(['check', '--help']);
    expect(english.stdout).toMatch(/^Usage:/);
    expect(english.stdout).not.toMatch(/\p{Script=Han}/u);

    const usage = figcheck(['check', '--bogus', '--locale=zh-CN']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('错误：未知选项 “--bogus”');
    const missing = figcheck(['check', 'no-such.txt', '--locale', 'zh-CN']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('figcheck：no-such.txt：没有这个文件或文件夹\n');
    const fromLang = figcheck(['check', 'no-such.txt'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(fromLang.stderr).toBe(missing.stderr);
  });
});

describe('figcheck.yml and config globs', () => {
  it('figcheck.yml is found like figcheck.yaml; a similar name gets a hint', () => {
    const project = join(dir, 'yml');
    mkdirSync(join(project, 'docs'), { recursive: true });
    writeFileSync(join(project, 'docs', 'yearbook.txt'), '2022年，全区粮食产量达到800万吨。\n');
    writeFileSync(join(project, 'docs', 'report.txt'), '2022年，全区粮食产量达到760万吨。\n');
    writeFileSync(join(project, 'figcheck.yml'), 'documents:\n  - { id: books, path: "docs/*.txt", period: "2022" }\n');
    const found = figcheck(['check', '--format', 'unix'], { cwd: project });
    expect(found.code, found.stderr).toBe(0);
    // One glob, two files: each its own id, so the two are cross-checked and each message names its file.
    expect(found.stdout).toMatch(/^docs\/report\.txt:1:15: warning: 粮食产量: 760万吨 \(books\/report\) vs 800万吨 \(books\/yearbook\)/m);

    rmSync(join(project, 'figcheck.yml'));
    writeFileSync(join(project, 'figcheck.yaml.txt'), 'documents: []\n');
    const hinted = figcheck(['check'], { cwd: project });
    expect(hinted.code).toBe(2);
    expect(hinted.stderr).toMatch(/found figcheck\.yaml\.txt: the config is read from figcheck\.yaml, figcheck\.yml/);
  });

  it('ids: one file keeps the entry id; several get <id>/<name>, and a rule naming the entry names them all', () => {
    expect(idsOfMatches('report', ['/p/report-2023.txt'])).toEqual(['report']);
    expect(idsOfMatches('books', ['/p/a/x.txt', '/p/b/x.txt', '/p/y.md'])).toEqual(['books/x', 'books/x-2', 'books/y']);
    const rules = { checks: [{ type: 'required', metrics: ['gdp'], documents: ['books', 'other'] }, { type: 'consistency' }] };
    const expanded = expandDocumentGroups(rules, new Map([['books', ['books/x', 'books/y']]]));
    expect(expanded.checks?.[0]?.documents).toEqual(['books/x', 'books/y', 'other']);
    expect(rules.checks[0]!.documents).toEqual(['books', 'other']);
  });
});

describe('file names holding a newline', () => {
  it('keep one finding a line in unix, stylish, github and rdjsonl', () => {
    const folder = join(dir, 'newline');
    mkdirSync(folder);
    writeFileSync(join(folder, 'year\nbook.txt'), '2022年，全区粮食产量达到800万吨。\n');
    writeFileSync(join(folder, 'report.txt'), '2022年，全区粮食产量达到760万吨。\n');
    const unix = figcheck(['check', 'newline', '--format', 'unix']).stdout;
    expect(unix.trimEnd().split('\n')).toHaveLength(1);
    expect(unix).toContain('vs 800万吨');
    const stylish = figcheck(['check', 'newline', '--format', 'stylish']).stdout;
    expect(stylish).toContain('newline/year\\nbook.txt');
    for (const format of ['github', 'rdjsonl']) {
      const lines = figcheck(['check', 'newline', '--format', format]).stdout.trimEnd().split('\n');
      expect(lines, format).toHaveLength(1);
    }
    const rdjsonl = JSON.parse(figcheck(['check', 'newline', '--format', 'rdjsonl']).stdout) as { related_locations: { location: { path: string } }[] };
    expect(rdjsonl.related_locations[0]!.location.path).toBe('newline/year\nbook.txt');
  });
});
