/**
 * Reading documents on a worker pool and from the cache (src/parallel/, src/cache/) changes nothing a
 * user sees: `check` and `figures` give byte-identical output with and without the pool, cold and warm
 * cache; a re-run after editing one file extracts only that file; a broken cache never breaks a run.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeOutcome, encodeOutcome, openOutcome, packOffsets, packSegments, runDocumentTask, unpackOffsets, unpackSegments } from '../src/parallel/document-task.js';
import { documentFromText } from '../src/document.js';
import { coreRules } from '../src/rules/load.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { makeDocx } from './helpers/docx.js';
import { ROOT } from './helpers/paths.js';

const EXAMPLES = resolve(ROOT, 'examples', 'nmg');
/** The repository's copies of real documents (tests/fixtures/), a few of each folder, when present. */
function fixtureDocuments(): string[] {
  const root = resolve(ROOT, 'tests', 'fixtures');
  let folders: string[];
  try {
    folders = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory()).sort();
  } catch {
    return [];
  }
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((name) => /\.(txt|md|html|docx)$/.test(name))
      .sort()
      .slice(0, 3)
      .map((name) => join(root, folder, name)),
  );
}

let dir: string;
let corpus: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'figcheck-parallel-'));
  corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.txt'))) copyFileSync(join(EXAMPLES, name), join(corpus, name));
  for (const file of fixtureDocuments()) copyFileSync(file, join(corpus, `fixture-${basename(file)}`));
  // The other formats and a skipped file, so every kind of outcome crosses the worker boundary.
  writeFileSync(join(corpus, 'memo.docx'), await makeDocx(['全年地区生产总值增长5.2%。', '一般公共预算收入3409亿元，增长7.6%。']));
  writeFileSync(join(corpus, 'page.html'), '<html><body><p>粮食产量达到786.6亿斤，增长2.1%。</p><p>城镇新增就业27.3万人。</p></body></html>');
  writeFileSync(join(corpus, 'empty.txt'), '');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function figcheck(args: string[], cwd = dir): CliResult {
  const result = runCli(args, { cwd });
  expect(result.stderr).not.toMatch(/internal error|^\s+at\s/m);
  return result;
}

/** stderr without the cache's own report line. */
const withoutCacheLine = (stderr: string) => stderr.replace(/^figcheck: cache .*\n/m, '');

describe('the worker pool', () => {
  it('check and figures give byte-identical output with and without the pool, stderr included', () => {
    for (const args of [
      ['check', 'corpus', '--format', 'json', '--fail-on', 'never'],
      ['figures', 'corpus', '--format', 'json'],
    ]) {
      const single = figcheck([...args, '--jobs', '1']);
      const pooled = figcheck([...args, '--jobs', '2']);
      expect(single.code).toBe(0);
      expect(JSON.parse(single.stdout)).toBeTruthy();
      expect(single.stdout.length).toBeGreaterThan(1000);
      expect(pooled.stdout).toBe(single.stdout);
      expect(pooled.stderr).toBe(single.stderr);
      expect(pooled.code).toBe(single.code);
    }
  });

  it('runs on the pool when asked, and in this thread for --jobs 1 (what the identical outputs above compare)', () => {
    const args = ['figures', 'corpus', '--format', 'json'];
    const count = readdirSync(corpus).length;
    const debug = { FIGCHECK_DEBUG: '1' };
    expect(runCli([...args, '--jobs', '2'], { cwd: dir, env: debug }).stderr).toContain(`${count} of ${count} document(s) extracted, ${count} by 2 worker thread(s)`);
    expect(runCli([...args, '--jobs', '1'], { cwd: dir, env: debug }).stderr).toContain(`${count} of ${count} document(s) extracted, 0 by 0 worker thread(s)`);
  });

  it('gives the config-driven example run identical findings with the pool (ids, periods, status from figcheck.yaml)', () => {
    const args = ['check', '--config', 'figcheck.yaml', '--format', 'json', '--fail-on', 'never'];
    const single = figcheck([...args, '--jobs', '1'], EXAMPLES);
    const pooled = figcheck([...args, '--jobs', '2'], EXAMPLES);
    expect(JSON.parse(single.stdout).findings.length).toBeGreaterThan(0);
    expect(pooled.stdout).toBe(single.stdout);
  });

  it('rejects a --jobs that is not a count', () => {
    const result = figcheck(['check', 'corpus', '--jobs', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--jobs/);
  });
});

describe('unreadable documents across the worker boundary', () => {
  let limited: string;
  const inputErrors = (stdout: string) =>
    (JSON.parse(stdout) as { findings: { rule: string; message: string; locations: { path: string }[] }[] }).findings
      .filter((f) => f.rule === 'input-error')
      .map((f) => [f.locations[0]!.path, f.message]);

  beforeAll(async () => {
    limited = join(dir, 'limited');
    mkdirSync(limited);
    writeFileSync(join(limited, 'small.txt'), '全年地区生产总值增长5.2%。\n');
    writeFileSync(join(limited, 'large.txt'), `城镇新增就业27.3万人。\n${'全年粮食产量增长2.1%。\n'.repeat(400)}`);
    writeFileSync(join(limited, 'broken.docx'), 'not a zip at all');
    // Aged past the cache's racy window, so a re-run finds the files by their metadata without reading them.
    await new Promise((done) => setTimeout(done, 2100));
  });

  it('a document over --max-document-size and a corrupt .docx are input-error findings, with the pool as without', () => {
    const args = ['check', '.', '--format', 'json', '--fail-on', 'never', '--max-document-size', '4KB'];
    const single = figcheck([...args, '--jobs', '1'], limited);
    const pooled = figcheck([...args, '--jobs', '2'], limited);
    const found = inputErrors(single.stdout);
    expect(found.map(([path]) => path).sort()).toEqual(['broken.docx', 'large.txt']);
    expect(found.find(([path]) => path === 'large.txt')![1]).toMatch(/over the limit of 4 KB/);
    expect(pooled.stdout).toBe(single.stdout);
    expect(pooled.stderr).toBe(single.stderr);
  });

  it('the size limit is part of the cache key: a document cached under a larger limit is refused under a smaller one', () => {
    const args = ['check', '.', '--format', 'json', '--fail-on', 'never', '--cache', '--cache-location', join(dir, 'limited-cache')];
    expect(inputErrors(figcheck(args, limited).stdout).map(([path]) => path)).toEqual(['broken.docx']);
    expect(inputErrors(figcheck([...args, '--max-document-size', '4KB'], limited).stdout).map(([path]) => path).sort()).toEqual(['broken.docx', 'large.txt']);
  });
});

describe('--cache', () => {
  let work: string;
  const cacheLine = (stderr: string) => /cache (.*): (\d+) of (\d+) document\(s\) reused, (\d+) extracted, (\d+) file\(s\) read/.exec(stderr);

  beforeAll(async () => {
    work = join(dir, 'cached');
    mkdirSync(work);
    for (const name of readdirSync(corpus)) copyFileSync(join(corpus, name), join(work, name));
    // A file changed within the last two seconds is never vouched for by its metadata (a coarse clock
    // could hide a second edit): let the copies age past that, so the runs below can record them.
    await new Promise((done) => setTimeout(done, 2100));
  });

  it('a re-run reuses every document; after editing one file only that file is extracted; output as without the cache', () => {
    const args = ['check', '.', '--format', 'json', '--fail-on', 'never'];
    const total = readdirSync(work).length;
    // Cold, on the pool: the entries come from the workers' encoding.
    const cold = figcheck([...args, '--cache', '--jobs', '2'], work);
    expect(cacheLine(cold.stderr)?.slice(1)).toEqual(['.figcheckcache', '0', String(total), String(total), String(total)]);
    // The cache folder is inside the checked folder and is never read as a document.
    const plain = figcheck(args, work);
    expect(cold.stdout).toBe(plain.stdout);
    expect(plain.stdout).not.toContain('figcheckcache');

    // Warm, in this thread: every document reused (the empty file's skip too), no file read.
    const warm = figcheck([...args, '--cache', '--jobs', '1'], work);
    expect(cacheLine(warm.stderr)?.slice(2)).toEqual([String(total), String(total), '0', '0']);
    expect(warm.stdout).toBe(plain.stdout);
    expect(withoutCacheLine(warm.stderr)).toBe(plain.stderr);

    const edited = join(work, 'work-report-2023.txt');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n全年新增城镇就业27.3万人。\n`);
    const after = figcheck([...args, '--cache'], work);
    expect(cacheLine(after.stderr)?.slice(2)).toEqual([String(total - 1), String(total), '1', '1']);
    expect(after.stdout).not.toBe(plain.stdout);
    expect(after.stdout).toBe(figcheck(args, work).stdout);

    // By content: every file read and hashed, none extracted.
    const content = figcheck([...args, '--cache', '--cache-strategy', 'content'], work);
    expect(cacheLine(content.stderr)?.slice(2)).toEqual([String(total), String(total), '0', String(total)]);
    expect(content.stdout).toBe(after.stdout);
  });

  it('an edit that keeps the size and puts the modification time back is still seen (the change time moves)', () => {
    const args = ['figures', 'work-report-2022.txt', '--format', 'json', '--cache'];
    const file = join(work, 'work-report-2022.txt');
    const before = figcheck(args, work);
    expect(cacheLine(figcheck(args, work).stderr)?.slice(2)).toEqual(['1', '1', '0', '0']);
    const { atime, mtime, size } = statSync(file);
    const text = readFileSync(file, 'utf8');
    const index = text.search(/\d/);
    const digit = text[index] === '9' ? '8' : String(Number(text[index]) + 1);
    writeFileSync(file, text.slice(0, index) + digit + text.slice(index + 1));
    utimesSync(file, atime, mtime);
    expect(statSync(file).size).toBe(size);
    const after = figcheck(args, work);
    expect(cacheLine(after.stderr)?.slice(2)).toEqual(['0', '1', '1', '1']);
    expect(after.stdout).not.toBe(before.stdout);
  });

  it('a changed rule set misses: the rules are part of the key', () => {
    writeFileSync(join(dir, 'extra-rules.yaml'), 'version: 1\nmetrics:\n  - id: grain\n    name: 粮食产量\n');
    const args = ['figures', 'page.html', 'memo.docx', '--format', 'json', '--cache-location', join(dir, 'rules-cache')];
    expect(cacheLine(figcheck(args, work).stderr)?.slice(2, 4)).toEqual(['0', '2']);
    expect(cacheLine(figcheck(args, work).stderr)?.slice(2, 4)).toEqual(['2', '2']);
    expect(cacheLine(figcheck([...args, '--rules', join(dir, 'extra-rules.yaml')], work).stderr)?.slice(2, 4)).toEqual(['0', '2']);
  });

  it('corrupt or foreign entries are ignored with a warning and replaced; a cache location that is a file is left alone', () => {
    const location = join(dir, 'broken-cache');
    const args = ['figures', 'page.html', 'memo.docx', '--format', 'json', '--cache-location', location];
    const first = figcheck(args, work);
    const entries = readdirSync(location).filter((name) => name.endsWith('.bin'));
    expect(entries).toHaveLength(2);
    expect(readdirSync(location).every((name) => /^[0-9a-f]{64}\.(bin|ref)$/.test(name))).toBe(true);
    writeFileSync(join(location, entries[0]!), 'not a cache entry');
    const bytes = readFileSync(join(location, entries[1]!));
    writeFileSync(join(location, entries[1]!), bytes.subarray(0, bytes.length >> 1));
    const broken = figcheck(args, work);
    expect(broken.code).toBe(0);
    expect(broken.stdout).toBe(first.stdout);
    expect(broken.stderr.match(/cache entry ignored/g)).toHaveLength(2);
    expect(cacheLine(broken.stderr)?.slice(2, 4)).toEqual(['0', '2']);
    // Replaced by good entries.
    expect(cacheLine(figcheck(args, work).stderr)?.slice(2, 4)).toEqual(['2', '2']);

    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'precious');
    const refused = figcheck([...args.slice(0, -1), file], work);
    expect(refused.code).toBe(0);
    expect(refused.stdout).toBe(first.stdout);
    expect(refused.stderr).toMatch(/not-a-folder: not a cache folder/);
    expect(readFileSync(file, 'utf8')).toBe('precious');
  });
});

describe('documents as data', () => {
  it('offset tables survive packing, whatever their runs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 300 }), (steps) => {
        const offsets = new Int32Array(steps.length + 1);
        for (let i = 0; i < steps.length; i++) offsets[i + 1] = offsets[i]! + steps[i]!;
        expect(Array.from(unpackOffsets(packOffsets(offsets)))).toEqual(Array.from(offsets));
      }),
    );
  });

  it('a document rebuilt from its encoded outcome locates every figure and line as the original does', async () => {
    const rules = coreRules();
    for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.txt'))) {
      const bytes = readFileSync(join(EXAMPLES, name));
      const task = { file: join(EXAMPLES, name), shown: name, id: name, period: '2022' };
      const live = await runDocumentTask(task, bytes, rules);
      const { document, figures } = openOutcome(live);
      const rebuilt = openOutcome(decodeOutcome(encodeOutcome(live)));
      expect(rebuilt.figures).toEqual(figures);
      expect({ ...rebuilt.document }).toEqual(expect.objectContaining({ id: name, period: '2022', path: name }));
      expect(rebuilt.document.segments).toEqual(document.segments);
      expect(rebuilt.document.normalized).toBe(document.normalized);
      for (const figure of figures) {
        expect(rebuilt.document.locate(figure.span.start, figure.span.end)).toEqual(figure.location);
      }
      const lines = document.original.split('\n').length;
      for (let line = 1; line <= lines + 1; line += 7) expect(rebuilt.document.lineText(line)).toBe(document.lineText(line));
      for (let offset = 0; offset <= document.normalized.length; offset += 101) {
        expect(rebuilt.document.toOriginal(offset)).toEqual(document.toOriginal(offset));
      }
    }
  });

  it('segment trees with headings round-trip, key order included', () => {
    const document = documentFromText('【一、总体情况】\n全年增长5%。其中，工业增长6%；服务业增长4%。\n（一）农业\n粮食产量786亿斤。\n');
    const packed = packSegments(document.segments);
    expect(packed).not.toBeNull();
    const back = unpackSegments(packed!);
    expect(JSON.stringify(back)).toBe(JSON.stringify(document.segments));
  });

  it('unreadable bytes and skipped files travel as what they are', async () => {
    const rules = coreRules();
    const skipped = await runDocumentTask({ file: 'x', shown: 'blank.txt', id: 'blank' }, new Uint8Array(0), rules);
    expect(() => openOutcome(decodeOutcome(encodeOutcome(skipped)))).toThrow(/blank\.txt: skipped/);
    expect(() => decodeOutcome(new Uint8Array([1, 2, 3]))).toThrow();
  });
});
