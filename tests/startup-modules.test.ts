/**
 * Start-up: a check of a UTF-8 text file loads no reader it does not use. htmlparser2 (HTML and .docx
 * comments), iconv-lite and chardet (legacy encodings) cost ~45 ms of a ~250 ms one-file check together;
 * they load when an HTML, .docx or non-UTF-8 file asks for them. A plain .docx is read by the bundle alone
 * (jszip and htmlparser2 are bundled, scripts/bundle.mjs), without mammoth (~30 ms to load). Watched through
 * the real bin/figcheck.js with a preloaded module that lists every package file the process loads (ESM hooks
 * and require).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROVINCES, ROOT } from './helpers/paths.js';

let dir: string;

/** Every file a run of figcheck with these arguments loads, and the packages (node_modules/<name>) among them. */
function loadedBy(args: string[]): { files: string[]; packages: Set<string> } {
  const log = join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'watch.mjs')).href, resolve(ROOT, 'bin', 'figcheck.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FIGCHECK_LOAD_LOG: log },
  });
  expect(result.status, result.stderr).toBeLessThan(2);
  const files = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const names = files.flatMap((line) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line);
    return match ? [match[1]!] : [];
  });
  return { files, packages: new Set(names) };
}

beforeAll(() => {
  expect(inject('buildError')).toBe('');
  dir = mkdtempSync(join(tmpdir(), 'figcheck-startup-'));
  // Every module the ESM loader loads (a hook on its own thread) and every file require() loads.
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.FIGCHECK_LOAD_LOG, url + '\\n');
  return next(url, context);
}
`,
  );
  writeFileSync(
    join(dir, 'watch.mjs'),
    `import { appendFileSync, writeFileSync } from 'node:fs';
import Module, { register } from 'node:module';
writeFileSync(process.env.FIGCHECK_LOAD_LOG, '');
register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  try { appendFileSync(process.env.FIGCHECK_LOAD_LOG, Module._resolveFilename(request, parent) + '\\n'); } catch {}
  return loaded;
};
`,
  );
  writeFileSync(join(dir, 'utf8.txt'), '2024年全区地区生产总值增长5.8%，城镇新增就业25万人。\n');
  writeFileSync(join(dir, 'gbk.txt'), iconv.encode('2024年全区地区生产总值增长5.8%，城镇新增就业25万人，规模以上工业增加值增长7.1%。\n', 'gbk'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('start-up loads what the run uses', () => {
  it('checks a UTF-8 text file without loading the HTML parser or the legacy-encoding codecs', () => {
    const { files, packages: loaded } = loadedBy(['check', '--no-config', '--format', 'unix', 'utf8.txt']);
    // The watch itself sees what a run does load: the loader of the command line's bundle (the packages every
    // check uses, the command line's parser among them, are in the bundle: scripts/bundle.mjs).
    expect(files.some((file) => file.endsWith(join('bin', 'code-cache.cjs')))).toBe(true);
    for (const name of ['htmlparser2', 'iconv-lite', 'chardet']) expect(loaded.has(name), name).toBe(false);
  });

  it('walks a folder of UTF-8 text without loading any package (the glob and its crawler are bundled)', () => {
    mkdirSync(join(dir, 'folder'), { recursive: true });
    writeFileSync(join(dir, 'folder', 'a.txt'), '2024年全区地区生产总值增长5.8%。\n');
    expect([...loadedBy(['check', '--no-config', '--format', 'unix', 'folder']).packages]).toEqual([]);
  });

  it('checks a plain .docx without loading mammoth or any package the bundle holds', () => {
    const { packages: loaded } = loadedBy(['check', '--no-config', '--format', 'unix', resolve(PROVINCES, 'gwr-2025-hebei.docx')]);
    for (const name of ['mammoth', 'jszip', 'htmlparser2', 'commander']) expect(loaded.has(name), name).toBe(false);
  });

  it('loads the codecs when a file is not UTF-8', () => {
    const { packages: loaded } = loadedBy(['figures', '--no-config', '--format', 'csv', 'gbk.txt']);
    expect(loaded.has('chardet')).toBe(true);
    expect(loaded.has('iconv-lite')).toBe(true);
  });
});
