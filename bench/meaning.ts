/**
 * The bench's meaning row: `check` over the labelled national-history set and, apart, over the unseen
 * national documents of 2022-2025, the work reports of 2009-2021, the three folders of provincial reports
 * of 2025 and 2026, the work reports of 1978-1988 and those of 1954-1960, a district's work reports and cities'
 * communiqués and budgets (LABELLED_FOLDERS, each its own run), in auto mode, scored by the same scorer as tests/meaning-pairs.test.ts (tests/meaning/score.ts),
 * the splits side by side, with the commands' own time. Reads only files inside the repository.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../src/pipeline.js';
import { commonReasons, formatScore, LABELLED_FOLDERS, loadAllPairs, scoreMeaning } from '../tests/meaning/score.js';

const texts = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.txt')).map((f) => resolve(folder, f));

export async function benchMeaning(root: string): Promise<string> {
  const collections = LABELLED_FOLDERS.map((folder) => texts(resolve(root, 'tests/fixtures', folder)));
  const pairs = loadAllPairs(resolve(root, 'tests/meaning'));
  const start = process.hrtime.bigint();
  const runs = [];
  for (const files of collections) runs.push(await check(files, { config: false, cwd: root }));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const score = scoreMeaning(runs, pairs);
  const reasons = commonReasons(score, 5).map((r) => `${r.reason} ${r.count}`).join(' · ');
  return `${formatScore(score, `meaning (labelled pairs), auto`)}\n  check of ${collections.map((f) => f.length).join(' + ')} documents: ${seconds.toFixed(1)} s; most common misses: ${reasons}`;
}
