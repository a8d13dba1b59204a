/**
 * The repository is self-contained: no test, helper, gold file or bench names a path outside it (the
 * shared development corpus, `../..` above the root, this machine's /work/…). A cheap static check;
 * scripts/fresh-clone-test.sh proves the same by running the suite in a clone alone and logging reads.
 * Documents the tests need are copied under tests/fixtures/ (each folder's README.md gives sources).
 * A line that names such a path on purpose without reading it carries `repository-paths: not read`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const SCANNED = /\.(ts|mts|cts|js|mjs|cjs|ya?ml|json)$/;
const ALLOW = 'repository-paths: not read';

/** This file, which names such paths as examples. */
const SELF = join(ROOT, 'tests', 'repository-paths.test.ts');

/** Files under tests/ and bench/ that name paths; tests/fixtures/ holds documents, not readers. */
function scannedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (relative(ROOT, path) !== join('tests', 'fixtures')) walk(path);
      } else if (SCANNED.test(entry.name) && path !== SELF) out.push(path);
    }
  };
  walk(join(ROOT, 'tests'));
  walk(join(ROOT, 'bench'));
  return out.sort();
}

/**
 * The paths leaving the repository that one file names, as "line: reason". `file` is relative to the
 * repository root with `/`; its folder depth bounds how many `..` a path relative to it may climb.
 */
export function pathsOutside(file: string, text: string): string[] {
  const depth = file.split('/').length - 1;
  const yaml = /\.ya?ml$/.test(file);
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.includes(ALLOW)) return;
    const at = `${file}:${index + 1}`;
    if (/\.\.\/shared\b|\bshared\/(corpus|seeds|hooks)\b|['"]shared['"]\s*[,)]/.test(line)) {
      problems.push(`${at}: names the shared development corpus`);
    }
    if (/(^|[\s'"`(:=])\/work\//.test(line)) problems.push(`${at}: names an absolute path of the development machine (/work/…)`);
    // A relative path climbing above the root: '../../x' from a file one folder deep.
    for (const match of line.matchAll(/['"`]((?:\.\.\/)+)/g)) {
      const climbs = match[1]!.length / 3;
      if (climbs > depth) problems.push(`${at}: ${match[0]}… climbs ${climbs} folders from ${depth} deep`);
    }
    // path.join/resolve arguments: ROOT, '..' leaves the root; import.meta.dirname, '..', '..' may too.
    if (/\b(ROOT|REPO)\s*,\s*['"]\.\.['"]/.test(line)) problems.push(`${at}: a '..' above the repository root`);
    for (const match of line.matchAll(/(?:import\.meta\.dirname|__dirname|dirname\(fileURLToPath\(import\.meta\.url\)\))((?:\s*,\s*['"]\.\.['"])+)/g)) {
      const climbs = (match[1]!.match(/\.\./g) ?? []).length;
      if (climbs > depth) problems.push(`${at}: climbs ${climbs} folders from ${depth} deep`);
    }
    // Paths in labelled data (gold files, pairs) are relative to the repository root.
    if (yaml) {
      for (const match of line.matchAll(/\bpath:\s*['"]?((?:\.\.\/|\/)[^'",}\s]*)/g)) problems.push(`${at}: path ${match[1]} is outside the repository`);
    }
  });
  return problems;
}

describe('the repository is self-contained', () => {
  it('no test, gold file or bench names a path outside the repository', () => {
    const files = scannedFiles();
    expect(files.length).toBeGreaterThan(20);
    const problems = files.flatMap((path) => pathsOutside(relative(ROOT, path).split(sep).join('/'), readFileSync(path, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('recognises the ways a path leaves the repository (and leaves ordinary imports alone)', () => {
    const bad = [
      "const SHARED = resolve(import.meta.dirname, '..', '..', 'shared');",
      "const DIR = '/work/shared/corpus/gwr-2025-provinces';",
      "const P = resolve(ROOT, '..', 'shared', 'corpus');",
      "const P = resolve(ROOT, '..', 'elsewhere');",
      "readFileSync('../../outside/corpus.txt')",
      '  - { path: ../shared/corpus/national/a.txt, id: a }',
      '  - { path: /data/corpus/a.txt, id: a }',
    ];
    for (const line of bad) {
      expect(pathsOutside(line.includes('path:') ? 'tests/gold/figures.yaml' : 'tests/x.test.ts', line), line).not.toEqual([]);
    }
    const good = [
      "import { check } from '../src/index.js';",
      "import { ROOT } from '../../src/model.js';",
      "export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');",
      "const EXAMPLES = join(import.meta.dirname, '..', 'examples', 'nmg');",
      '  - { path: tests/fixtures/national/a.txt, id: a }',
      "const CWD = '/srv/project';",
      "runCli(['check', '../../etc/passwd']); // repository-paths: not read",
    ];
    for (const line of good) {
      const file = line.includes('../../src') || line.includes("'..', '..'") ? 'tests/helpers/x.ts' : line.includes('path:') ? 'tests/gold/figures.yaml' : 'tests/x.test.ts';
      expect(pathsOutside(file, line), line).toEqual([]);
    }
  });
});
