/**
 * The real documents the bench measures on: the 43 copied into the repository (examples/nmg/ and
 * tests/fixtures/national/ and gwr-2025-provinces/, each folder's README.md gives their sources), so
 * the bench, like the tests, never reads outside the repository.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file (source or compiled) holding package.json. */
export function repositoryRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('bench: no package.json above bench/');
  }
}

/** The folders of real documents, relative to the repository root. */
export const REAL_DOCUMENT_FOLDERS = ['examples/nmg', 'tests/fixtures/national', 'tests/fixtures/gwr-2025-provinces'];

/** Absolute paths of the real .txt and .docx documents, sorted by their path in the repository. */
export function realDocuments(): string[] {
  const root = repositoryRoot();
  const files = REAL_DOCUMENT_FOLDERS.flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((name) => /\.(txt|docx)$/.test(name))
      .map((name) => join(root, folder, name)),
  );
  if (!files.length) throw new Error(`bench: no documents under ${REAL_DOCUMENT_FOLDERS.join(', ')}`);
  return files.sort((a, b) => relative(root, a).localeCompare(relative(root, b)));
}
