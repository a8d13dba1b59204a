/**
 * The bench's meaning row: `check` over the labelled national-history set and, apart, over the unseen
 * national documents of 2022-2025, the work reports of 2009-2021 and the three folders of provincial reports
 * of 2025 and 2026, the work reports of 1978-1988 and those of 1954-1960, in auto mode, scored by the same scorer as tests/meaning-pairs.test.ts (tests/meaning/score.ts),
 * the splits side by side, with the commands' own time. Reads only files inside the repository.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../src/pipeline.js';
import { commonReasons, formatScore, loadAllPairs, scoreMeaning } from '../tests/meaning/score.js';

const texts = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.txt')).map((f) => resolve(folder, f));

export async function benchMeaning(root: string): Promise<string> {
  const history = texts(resolve(root, 'tests/fixtures/national-history'));
  const unseen = texts(resolve(root, 'tests/fixtures/national'));
  const series = texts(resolve(root, 'tests/fixtures/national-2009-2021'));
  const provinces = ['dev', 'fresh', 'dev2'].map((folder) => texts(resolve(root, 'tests/fixtures/provinces', folder)));
  const era = texts(resolve(root, 'tests/fixtures/national-1978-1988'));
  const early = texts(resolve(root, 'tests/fixtures/national-1954-1960'));
  const pairs = loadAllPairs(resolve(root, 'tests/meaning'));
  const start = process.hrtime.bigint();
  const runs = [
    await check(history, { config: false, cwd: root }),
    await check(unseen, { config: false, cwd: root }),
    await check(series, { config: false, cwd: root }),
    ...(await Promise.all(provinces.map((files) => check(files, { config: false, cwd: root })))),
    await check(era, { config: false, cwd: root }),
    await check(early, { config: false, cwd: root }),
  ];
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const score = scoreMeaning(runs, pairs);
  const reasons = commonReasons(score, 5).map((r) => `${r.reason} ${r.count}`).join(' · ');
  return `${formatScore(score, `meaning (labelled pairs), auto`)}\n  check of ${[history, unseen, series, ...provinces, era, early].map((f) => f.length).join(' + ')} documents: ${seconds.toFixed(1)} s; most common misses: ${reasons}`;
}
