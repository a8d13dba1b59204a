/**
 * `npm run bench`: speed and memory, measured here and never asserted in unit tests (these machines are
 * noisy). What a user waits for is the whole command, so every main row runs a fresh process, cold
 * (bench/command.ts), and reports wall time, MB/s of decoded text (UTF-8 bytes) and the child's peak RSS:
 *
 *   1. start-up: `node -e 0`, `figcheck --version` and `figcheck check` of one small file;
 *   2. the 43 real documents in the repository (bench/corpus.ts): `check` and `figures` on the files as
 *      they are (31 .docx), and on their text (.txt copies), beside a bare read-and-scan of the same text
 *      (bench/bare-scan.mjs) and AutoCorrect's lint of it (bench/autocorrect-lint.mjs, one thread);
 *   3. synthetic corpora of 1,000 … 10,000 documents built from the real sentences (bench/duplicates.ts),
 *      the same four commands, with the targets of issue 10 (10,000 documents under 60 s and 1 GB);
 *   4. meaning (labelled pairs): tests/meaning/pairs.yaml scored on its three splits (dev, holdout,
 *      unseen) through `check()` in process (bench/meaning.ts).
 *   5. the worker pool and the cache, whole command as a process (bench/parallel.ts).
 *   6. PDF input: the 31 provincial reports as LibreOffice PDFs against their .docx, and PDF reading speed
 *      beside .docx (bench/pdf.ts).
 *   7. the language server's warm re-check of a 100 KB draft against ten documents, over stdio (bench/lsp.ts).
 *
 * Ratios are printed against the bare scan and AutoCorrect measured in the same run.
 * Options: `--sizes 1000,2500` (synthetic sizes), `--figcheck path/to/bin/figcheck.js` (another build,
 * for before/after tables), `--only startup,real,synthetic` (those sections of the seven alone: startup, real,
 * synthetic, pdf, parallel, meaning, lsp), `--stages` (adds in-process rows per stage: read,
 * normalize, extract, and the duplicate-section stage alone; a stage's figure never stands for the command).
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildDocument } from '../src/document.js';
import { extractFigures } from '../src/extract/index.js';
import { interpret } from '../src/meaning/index.js';
import type { DecodedText } from '../src/model.js';
import { decodeBuffer } from '../src/read/decode.js';
import { coreRules } from '../src/rules/load.js';
import { fastestOf, runProcess, type ProcessResult } from './command.js';
import { REAL_DOCUMENT_FOLDERS, realDocuments, repositoryRoot } from './corpus.js';
import { benchDuplicates, syntheticName, syntheticTexts } from './duplicates.js';
import { benchLsp } from './lsp.js';
import { benchMeaning } from './meaning.js';
import { benchParallel } from './parallel.js';
import { benchPdf } from './pdf.js';

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

async function stageRows(): Promise<void> {
  const files = realDocuments();
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
  console.log(`figcheck bench: ${files.length} documents from ${REAL_DOCUMENT_FOLDERS.join(', ')}, ${textMB.toFixed(2)} MB of text\n`);
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
      for (const i of indices) {
        const doc = buildDocument(decoded[i]!, {}, rules);
        figureCount += interpret(doc, extractFigures(doc, rules), rules).length;
      }
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
      const doc = buildDocument(d, {}, rules);
      for (const figure of interpret(doc, extractFigures(doc, rules), rules)) kept.push(figure);
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

  console.log('\nthe duplicate-section stage alone, in process (not the command: see the rows above):');
  for (const result of await benchDuplicates()) {
    row(`  ${result.documents} documents`, {
      MB: result.megabytes.toFixed(1),
      seconds: result.seconds.toFixed(1),
      'peak RSS MB': result.peakRssMB.toFixed(0),
    });
  }

}

const SECTIONS = ['startup', 'real', 'synthetic', 'pdf', 'parallel', 'meaning', 'lsp'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  sizes: number[];
  stages: boolean;
  /** The sections to run (all by default). */
  only: Set<Section>;
}

function options(argv: string[]): Options {
  const at = argv.indexOf('--sizes');
  const sizes = at >= 0 ? (argv[at + 1] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) : [1000, 2500, 5000, 10000];
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',') : [...SECTIONS];
  const unknown = only.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`bench: --only takes ${SECTIONS.join(', ')}; not ${unknown.join(', ')}`);
  return { sizes: sizes.sort((a, b) => a - b), stages: argv.includes('--stages'), only: new Set(only as Section[]) };
}

const ROOT = repositoryRoot();
// `--figcheck <bin/figcheck.js of another build>` times that build on the same corpora (before/after).
const FIGCHECK = process.argv.includes('--figcheck') ? process.argv[process.argv.indexOf('--figcheck') + 1]! : join(ROOT, 'bin', 'figcheck.js');
const COMMON = ['--no-config', '--quiet', '--no-color'];

const figcheck = (args: string[]) => runProcess(process.execPath, [FIGCHECK, ...args], { cwd: ROOT });
const checkCommand = (paths: string[]) => figcheck(['check', ...COMMON, '--format', 'unix', '--fail-on', 'never', ...paths]);
const figuresCommand = (paths: string[]) => figcheck(['figures', ...COMMON, '--format', 'csv', ...paths]);
const bareScan = (paths: string[]) => runProcess(process.execPath, [join(ROOT, 'bench', 'bare-scan.mjs'), ...paths], { cwd: ROOT });
const autocorrect = (paths: string[]) => runProcess(process.execPath, [join(ROOT, 'bench', 'autocorrect-lint.mjs'), ...paths], { cwd: ROOT });

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

const HEADER = ['command (cold process)', 'docs', 'MB', 'seconds', 'MB/s', 'cpu s', 'peak RSS MB', '× bare scan', '× AutoCorrect'];

function resultRow(label: string, docs: number, megabytes: number, result: ProcessResult, bare?: ProcessResult, lint?: ProcessResult): string[] {
  return [
    label,
    String(docs),
    megabytes.toFixed(1),
    result.seconds.toFixed(2),
    (megabytes / result.seconds).toFixed(1),
    result.cpuSeconds === null ? 'n/a' : result.cpuSeconds.toFixed(2),
    result.peakRssMB === null ? 'n/a' : result.peakRssMB.toFixed(0),
    bare ? (result.seconds / bare.seconds).toFixed(1) : '',
    lint ? (result.seconds / lint.seconds).toFixed(2) : '',
  ];
}

async function startupRows(): Promise<void> {
  const one = join(ROOT, 'examples', 'nmg', 'rectification-2021.txt');
  console.log(`start-up (fastest of 10 cold processes; one file: examples/nmg/${basename(one)}, ${(statSync(one).size / 1024).toFixed(0)} KB)`);
  const bare = await fastestOf(10, () => runProcess(process.execPath, ['-e', '0'], { cwd: ROOT }));
  const version = await fastestOf(10, () => figcheck(['--version']));
  const single = await fastestOf(10, () => checkCommand([one]));
  const startupRow = (label: string, result: ProcessResult, target: boolean) => [
    label,
    result.seconds.toFixed(3),
    result.cpuSeconds?.toFixed(2) ?? 'n/a',
    result.peakRssMB?.toFixed(0) ?? 'n/a',
    target ? (result.seconds < 0.2 ? 'met (< 0.2 s)' : 'MISSED (0.2 s)') : '',
  ];
  table(
    ['command', 'seconds', 'cpu s', 'peak RSS MB', 'target'],
    [startupRow('node -e 0 (Node itself)', bare, false), startupRow('figcheck --version', version, true), startupRow('figcheck check <one file>', single, true)],
  );
  // Wall time on a loaded machine includes waiting for a core: then Node's own start-up shows it.
  if (bare.seconds > 0.1) console.log(`(Node alone takes ${bare.seconds.toFixed(2)} s here: the machine is loaded; compare the cpu column)`);
}

/** The 43 real documents: as they are, and as text (.docx decoded once by figcheck's reader) for the text-only tools. */
async function realRows(work: string): Promise<void> {
  const files = realDocuments();
  const textDir = join(work, 'real-text');
  mkdirSync(textDir);
  let megabytes = 0;
  for (const file of files) {
    const { text } = await decodeBuffer(readFileSync(file), file);
    megabytes += Buffer.byteLength(text) / MB;
    writeFileSync(join(textDir, `${basename(file).replace(/\.(txt|docx)$/, '')}.txt`), text);
  }
  console.log(`\nthe ${files.length} real documents (${REAL_DOCUMENT_FOLDERS.join(', ')}), ${megabytes.toFixed(2)} MB of text; fastest of 3 runs`);
  const folders = REAL_DOCUMENT_FOLDERS.map((folder) => join(ROOT, folder));
  const bare = await fastestOf(3, () => bareScan([textDir]));
  const lint = await fastestOf(3, () => autocorrect([textDir]));
  const checkFiles = await fastestOf(3, () => checkCommand(folders));
  const checkText = await fastestOf(3, () => checkCommand([textDir]));
  const figuresFiles = await fastestOf(3, () => figuresCommand(folders));
  table(HEADER, [
    resultRow('bare read + digit scan (text)', files.length, megabytes, bare),
    resultRow('AutoCorrect lint (text, one thread)', files.length, megabytes, lint, bare),
    resultRow('figcheck check (the files: .txt and .docx)', files.length, megabytes, checkFiles, bare, lint),
    resultRow('figcheck check (text)', files.length, megabytes, checkText, bare, lint),
    resultRow('figcheck figures (the files)', files.length, megabytes, figuresFiles, bare, lint),
  ]);
  console.log(`target: check no slower than AutoCorrect's lint: ${checkText.seconds <= lint.seconds ? 'met' : 'MISSED'} (text ${(checkText.seconds / lint.seconds).toFixed(2)}×, files with .docx ${(checkFiles.seconds / lint.seconds).toFixed(2)}×)`);
}

/** Synthetic corpora as files: the largest written once, each smaller one a folder of hard links to its first n. */
async function syntheticRows(work: string, sizes: number[]): Promise<void> {
  if (!sizes.length) return;
  const largest = sizes[sizes.length - 1]!;
  const { texts } = await syntheticTexts(largest);
  const all = join(work, 'synthetic');
  mkdirSync(all);
  const bytes: number[] = [];
  for (const [i, text] of texts.entries()) {
    writeFileSync(join(all, syntheticName(i)), text);
    bytes.push(Buffer.byteLength(text));
  }
  texts.length = 0;
  console.log('\nsynthetic corpora (real sentences, clauses shuffled, digits redrawn; 2–30 KB each); one cold run each');
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const n of sizes) {
    const dir = join(work, `synthetic-${n}`);
    mkdirSync(dir);
    for (let i = 0; i < n; i++) linkSync(join(all, syntheticName(i)), join(dir, syntheticName(i)));
    const megabytes = bytes.slice(0, n).reduce((sum, b) => sum + b, 0) / MB;
    const bare = await bareScan([dir]);
    const lint = await autocorrect([dir]);
    const check = await checkCommand([dir]);
    const figures = await figuresCommand([dir]);
    rows.push(
      resultRow('bare read + digit scan', n, megabytes, bare),
      resultRow('AutoCorrect lint (one thread)', n, megabytes, lint, bare),
      resultRow('figcheck check', n, megabytes, check, bare, lint),
      resultRow('figcheck figures', n, megabytes, figures, bare, lint),
    );
    if (n === 10000) {
      const fast = check.seconds < 60;
      const small = check.peakRssMB !== null && check.peakRssMB < 1024;
      verdicts.push(`target: check on 10,000 documents under 60 s (${fast ? 'met' : 'MISSED'}) and 1 GB (${small ? 'met' : check.peakRssMB === null ? 'not measured' : 'MISSED'})`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  table(HEADER, rows);
  for (const verdict of verdicts) console.log(verdict);
}

async function main(): Promise<void> {
  const { sizes, stages, only } = options(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'figcheck-bench-'));
  try {
    if (only.has('startup')) await startupRows();
    if (only.has('real')) await realRows(work);
    if (only.has('synthetic')) await syntheticRows(work, sizes);
    if (only.has('pdf')) await benchPdf(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (only.has('parallel')) await benchParallel();
  if (only.has('meaning')) console.log(`\n${await benchMeaning(ROOT)}`);
  if (only.has('lsp')) console.log(`\n${await benchLsp(ROOT)}`);
  if (stages) {
    console.log('\nstages, in process (warm; each a part of the command, never the command):');
    await stageRows();
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
