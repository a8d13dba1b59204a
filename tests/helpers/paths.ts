import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The real documents the tests read, copied into the repository (each folder's README.md gives their
 * sources): tests never read outside it, so a fresh clone alone passes (scripts/fresh-clone-test.sh).
 */
export const FIXTURES = resolve(ROOT, 'tests', 'fixtures');
/** The State Council reports, the 20th congress report, the NBS communiqué and Inner Mongolia 2025 (.txt). */
export const NATIONAL = resolve(FIXTURES, 'national');
/** The 31 provincial government work reports of 2025 (.docx). */
export const PROVINCES = resolve(FIXTURES, 'gwr-2025-provinces');
/** The five seed documents of the example corpus (Inner Mongolia, 2022). */
export const EXAMPLES = resolve(ROOT, 'examples', 'nmg');
