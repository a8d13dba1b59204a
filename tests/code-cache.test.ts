/**
 * The command line runs its bundle from V8's code cache (bin/code-cache.cjs, made by scripts/bundle.mjs).
 * V8 checks no more of a cache than the length of its source: a cache must never run code that is no
 * longer in the bundle, and the bundle's dynamic imports of packages must work from the cache as without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const LOADER = resolve(ROOT, 'bin', 'code-cache.cjs');
let dir: string;

/** Runs `bundle` through the loader: `runBundle` (from the cache when valid) or `writeCodeCache`. */
function through(how: 'runBundle' | 'writeCodeCache', bundle: string) {
  return spawnSync(process.execPath, ['-e', `require(${JSON.stringify(LOADER)}).${how}(${JSON.stringify(bundle)})`], { encoding: 'utf8' });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'figcheck-code-cache-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('code cache of the command line', () => {
  it('never runs the code of an earlier bundle of the same length', () => {
    const bundle = join(dir, 'same-length.cjs');
    writeFileSync(bundle, 'process.stdout.write("first");\n');
    expect(through('writeCodeCache', bundle).stdout).toBe('first');
    expect(existsSync(`${bundle}.cache`)).toBe(true);
    expect(through('runBundle', bundle).stdout).toBe('first');
    // Rebuilt with other code of the same length (V8 alone would take the old cache for it).
    writeFileSync(bundle, 'process.stdout.write("other");\n');
    utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    const run = through('runBundle', bundle);
    expect(run.stdout).toBe('other');
    expect(run.stderr).toBe('');
  });

  it('imports packages dynamically from the cache as without it, with nothing on stderr', () => {
    const bundle = join(dir, 'imports.cjs');
    writeFileSync(bundle, '__impt("node:path").then((path) => process.stdout.write(path.basename(__filename)));\n');
    const first = through('writeCodeCache', bundle);
    expect(first.stdout).toBe('imports.cjs');
    const cached = through('runBundle', bundle);
    expect(cached.stdout).toBe('imports.cjs');
    expect(cached.stderr).toBe('');
  });

  it('is built for the command line, and valid for it', () => {
    expect(inject('buildError')).toBe('');
    const bundle = resolve(ROOT, 'dist', 'bundle', 'figcheck.cjs');
    expect(existsSync(`${bundle}.cache`)).toBe(true);
    const [size, mtimeMs, node] = JSON.parse(readFileSync(`${bundle}.cache-key`, 'utf8')) as [number, number, string];
    expect(size).toBe(readFileSync(bundle).length);
    expect(typeof mtimeMs).toBe('number');
    expect(node).toBe(process.version);
  });
});
