/**
 * The bench's meaning row: `check` over the labelled national-history set in auto mode, scored by the
 * same scorer as tests/meaning-pairs.test.ts (tests/meaning/score.ts), both splits side by side, with
 * the command's own time. Reads only files inside the repository.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../src/pipeline.js';
import { commonReasons, formatScore, loadPairs, scoreMeaning } from '../tests/meaning/score.js';

export async function benchMeaning(root: string): Promise<string> {
  const folder = resolve(root, 'tests/fixtures/national-history');
  const documents = readdirSync(folder).filter((f) => f.endsWith('.txt')).map((f) => resolve(folder, f));
  const pairs = loadPairs(resolve(root, 'tests/meaning/pairs.yaml'));
  const start = process.hrtime.bigint();
  const run = await check(documents, { config: false, cwd: root });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const score = scoreMeaning(run, pairs);
  const reasons = commonReasons(score, 5).map((r) => `${r.reason} ${r.count}`).join(' · ');
  return `${formatScore(score, `meaning (labelled pairs), auto`)}\n  check of ${documents.length} documents: ${seconds.toFixed(1)} s; most common misses: ${reasons}`;
}
