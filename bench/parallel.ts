/**
 * The worker pool and the cache, timed as a user meets them: the whole command as a process, cold,
 * on many documents of real text (windows of the example corpus's lines, each with its own title
 * line, written to a temporary folder). Rows: `figures` and `check` in one thread (`--jobs 1`) and
 * on a pool of one worker per core (`--jobs N`), then `check --cache` cold, warm, and after editing
 * one file.
 * Every pair of outputs is compared: a pool or cache that changed a byte would fail the bench.
 *
 *   BENCH_PARALLEL_DOCS=2000 npm run bench   (default 1000 documents)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
const BIN = join(ROOT, 'bin', 'figcheck.js');
const EXAMPLES = join(ROOT, 'examples', 'nmg');

/** N documents of 12–40 lines each, cut from the example corpus at varying places. */
function writeCorpus(dir: string, count: number): number {
  const texts = readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(EXAMPLES, name), 'utf8').split('\n').filter((line) => line.trim()));
  let bytes = 0;
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let k = 0; k < count; k++) {
    const lines = texts[k % texts.length]!;
    const length = 12 + (next() % 29);
    const start = next() % Math.max(1, lines.length - length);
    const text = `第${k + 1}号材料\n${lines.slice(start, start + length).join('\n')}\n`;
    writeFileSync(join(dir, `doc-${String(k).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

function run(args: string[], cwd: string): { seconds: number; stdout: string; stderr: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, FIGCHECK_DEBUG: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`figcheck ${args.join(' ')} failed: ${result.stderr}`);
  return { seconds, stdout: result.stdout, stderr: result.stderr };
}

function row(label: string, values: Record<string, string | number>): void {
  console.log(`${label.padEnd(34)} ${Object.entries(values).map(([k, v]) => `${k}=${v}`).join('  ')}`);
}

export async function benchParallel(count = Number(process.env.BENCH_PARALLEL_DOCS ?? 1000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'figcheck-bench-parallel-'));
  try {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    const MB = writeCorpus(corpus, count) / 1024 / 1024;
    console.log(`\nworker pool and cache: ${count} documents, ${MB.toFixed(1)} MB, whole command as a process, ${availableParallelism()} cores:`);
    // The pool forced on, one worker per core (at least two): `--jobs auto` leaves it off on 2 cores.
    const workers = Math.max(2, availableParallelism());
    for (const command of ['figures', 'check']) {
      const args = command === 'figures' ? ['figures', 'corpus', '-f', 'json'] : ['check', 'corpus', '-f', 'json', '--fail-on', 'never'];
      const single = run([...args, '--jobs', '1'], dir);
      const pooled = run([...args, '--jobs', String(workers)], dir);
      if (pooled.stdout !== single.stdout) throw new Error(`${command}: the pool changed the output`);
      const threads = /by (\d+) worker thread/.exec(pooled.stderr)?.[1] ?? '?';
      row(`  ${command} --jobs 1`, { seconds: single.seconds.toFixed(2), 'MB/s': (MB / single.seconds).toFixed(2) });
      row(`  ${command} --jobs ${workers}`, {
        seconds: pooled.seconds.toFixed(2),
        'MB/s': (MB / pooled.seconds).toFixed(2),
        threads,
        'speed-up': (single.seconds / pooled.seconds).toFixed(2),
      });
    }
    const args = ['check', 'corpus', '-f', 'json', '--fail-on', 'never', '--cache'];
    const plain = run(['check', 'corpus', '-f', 'json', '--fail-on', 'never'], dir);
    // Files changed in the last two seconds are not vouched for by their metadata: let the corpus age.
    await new Promise((done) => setTimeout(done, 2100));
    const cold = run(args, dir);
    const warm = run(args, dir);
    appendFileSync(join(corpus, 'doc-00000.txt'), '全年新增城镇就业27.3万人。\n');
    const edited = run(args, dir);
    const fresh = run(['check', 'corpus', '-f', 'json', '--fail-on', 'never'], dir);
    if (cold.stdout !== plain.stdout || warm.stdout !== plain.stdout || edited.stdout !== fresh.stdout) throw new Error('the cache changed the output');
    const counts = (stderr: string) => {
      const match = /(\d+) extracted, (\d+) file\(s\) read/.exec(stderr);
      return { extracted: match?.[1] ?? '?', read: match?.[2] ?? '?' };
    };
    row('  check --cache, cold', { seconds: cold.seconds.toFixed(2), ...counts(cold.stderr) });
    row('  check --cache, warm', { seconds: warm.seconds.toFixed(2), ...counts(warm.stderr), 'vs no cache': (plain.seconds / warm.seconds).toFixed(2) });
    row('  check --cache, one file edited', { seconds: edited.seconds.toFixed(2), ...counts(edited.stderr), 'vs no cache': (fresh.seconds / edited.seconds).toFixed(2) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) await benchParallel();
