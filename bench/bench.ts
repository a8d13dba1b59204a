/**
 * `npm run bench`: throughput and memory, measured here and never asserted in unit tests
 * (these machines are noisy). Prints MB/s of decoded text (UTF-8 bytes) and peak RSS.
 *
 *   1. read + normalize over everything in ../shared: .txt and .docx rows (decoding .docx is mammoth's
 *      work, ~3.5 MB/s), then the total
 *   2. read + extract over the same
 *   3. peak memory while extracting 50 MB of text, one document at a time
 *   4. the duplicate check on synthetic corpora of 1,000 … 10,000 documents
 *   5. the worker pool and the cache, whole command as a process (bench/parallel.ts)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { buildDocument } from '../src/document.js';
import { extractFigures } from '../src/extract/index.js';
import type { DecodedText } from '../src/model.js';
import { decodeBuffer } from '../src/read/decode.js';
import { coreRules } from '../src/rules/load.js';
import { benchDuplicates } from './duplicates.js';
import { benchParallel } from './parallel.js';

const SHARED = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..', '..', 'shared');
const MB = 1024 * 1024;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
sampler.unref();
function samplePeak(): number {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return peakRss / MB;
}
function resetPeak(): void {
  (globalThis as { gc?: () => void }).gc?.();
  peakRss = process.memoryUsage().rss;
}

/** Repeats `pass` until at least `minSeconds` have elapsed, so small corpora still give stable rates. */
function timed(pass: () => void, minSeconds = 3): { seconds: number; passes: number } {
  const start = process.hrtime.bigint();
  let passes = 0;
  let seconds = 0;
  do {
    pass();
    passes++;
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
  } while (seconds < minSeconds);
  return { seconds, passes };
}

/** timed() for a pass that awaits (decoding is async). */
async function timedAsync(pass: () => Promise<void>, minSeconds = 3): Promise<{ seconds: number; passes: number }> {
  const start = process.hrtime.bigint();
  let passes = 0;
  let seconds = 0;
  do {
    await pass();
    passes++;
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
  } while (seconds < minSeconds);
  return { seconds, passes };
}

function row(label: string, values: Record<string, string | number>): void {
  console.log(`${label.padEnd(34)} ${Object.entries(values).map(([k, v]) => `${k}=${v}`).join('  ')}`);
}

async function main(): Promise<void> {
  const files = (await glob(['**/*.txt', '**/*.docx'], { cwd: SHARED, absolute: true })).sort();
  if (!files.length) throw new Error(`no documents under ${SHARED}`);
  const rules = coreRules();

  // .txt decoding is native (TextDecoder, iconv-lite) and fast; .docx decoding is mammoth's unzip + XML
  // parsing (~3.5 MB/s, the bound of any run on Word files), so each gets its own rows and a total follows.
  const bytes = files.map((f) => readFileSync(f));
  resetPeak();
  const decoded: DecodedText[] = [];
  const readStart = process.hrtime.bigint();
  for (const [i, file] of files.entries()) decoded.push(await decodeBuffer(bytes[i]!, file));
  const readOnly = { seconds: Number(process.hrtime.bigint() - readStart) / 1e9 };
  const megabytes = (indices: number[]): number => indices.reduce((sum, i) => sum + Buffer.byteLength(decoded[i]!.text), 0) / MB;
  const all = files.map((_, i) => i);
  const textMB = megabytes(all);
  console.log(`figcheck bench: ${files.length} documents from ${SHARED}, ${textMB.toFixed(2)} MB of text\n`);
  row('read (decode) once, cold', { seconds: readOnly.seconds.toFixed(2), 'MB/s': (textMB / readOnly.seconds).toFixed(1) });

  const groups = [
    { name: '.txt', indices: all.filter((i) => files[i]!.endsWith('.txt')) },
    { name: '.docx', indices: all.filter((i) => files[i]!.endsWith('.docx')) },
  ].filter((group) => group.indices.length);
  /** Seconds per pass of decoding and of buildDocument, and MB of text, per group. */
  const perGroup: { name: string; MB: number; read: number; normalize: number }[] = [];
  for (const { name, indices } of groups) {
    const read = await timedAsync(async () => {
      for (const i of indices) await decodeBuffer(bytes[i]!, files[i]!);
    }, 2);
    resetPeak();
    const normalize = timed(() => {
      for (const i of indices) buildDocument(decoded[i]!, {}, rules);
    }, 2);
    const MBs = megabytes(indices);
    perGroup.push({ name, MB: MBs, read: read.seconds / read.passes, normalize: normalize.seconds / normalize.passes });
    row(`read (decode) ${name}`, { MB: MBs.toFixed(2), 'MB/s': (MBs / (read.seconds / read.passes)).toFixed(1), passes: read.passes });
    row(`normalize + segment ${name}`, {
      'MB/s': ((MBs * normalize.passes) / normalize.seconds).toFixed(1),
      passes: normalize.passes,
      'peak RSS MB': samplePeak().toFixed(0),
    });
  }
  for (const { name, MB: MBs, read, normalize } of perGroup) {
    row(`read + normalize ${name} (one core)`, { 'MB/s': (MBs / (read + normalize)).toFixed(1) });
  }
  const totalSeconds = perGroup.reduce((sum, group) => sum + group.read + group.normalize, 0);
  row('read + normalize, all (one core)', { 'MB/s': (textMB / totalSeconds).toFixed(1) });

  // read + normalize + segment + extract, per format, with the warm read time measured above.
  for (const { name, indices } of groups) {
    resetPeak();
    let figureCount = 0;
    const pass = timed(() => {
      figureCount = 0;
      for (const i of indices) figureCount += extractFigures(buildDocument(decoded[i]!, {}, rules), rules).length;
    }, 2);
    const group = perGroup.find((g) => g.name === name)!;
    row(`read + extract ${name} (one core)`, {
      'MB/s': (group.MB / (group.read + pass.seconds / pass.passes)).toFixed(1),
      'extract alone MB/s': ((group.MB * pass.passes) / pass.seconds).toFixed(1),
      figures: figureCount,
      'peak RSS MB': samplePeak().toFixed(0),
    });
  }

  // 50 MB of text, document by document as `figcheck figures` streams it, keeping every Figure (the
  // most a caller of extractFigures holds; the CLI itself writes each document's figures and drops them).
  resetPeak();
  const target = 50 * MB;
  let done = 0;
  const kept: unknown[] = [];
  const start50 = process.hrtime.bigint();
  while (done < target) {
    for (const d of decoded) {
      for (const figure of extractFigures(buildDocument(d, {}, rules), rules)) kept.push(figure);
      done += Buffer.byteLength(d.text);
      if (done >= target) break;
    }
  }
  const seconds50 = Number(process.hrtime.bigint() - start50) / 1e9;
  row('extract 50 MB, keeping all figures', {
    seconds: seconds50.toFixed(1),
    'MB/s': (done / MB / seconds50).toFixed(1),
    figures: kept.length,
    'peak RSS MB': samplePeak().toFixed(0),
  });
  kept.length = 0;

  console.log('\nduplicate-section check on synthetic corpora (shuffled sentences of the real documents):');
  for (const result of await benchDuplicates()) {
    row(`  ${result.documents} documents`, {
      MB: result.megabytes.toFixed(1),
      seconds: result.seconds.toFixed(1),
      'peak RSS MB': result.peakRssMB.toFixed(0),
    });
  }

  await benchParallel();
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
