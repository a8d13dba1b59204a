/**
 * Reading the documents of a run: file reads a few at a time (never one by one, never all at once),
 * the cache consulted (src/cache/), and decode + extract either in this thread or, for runs with many
 * documents, on a pool of worker threads (tinypool). Whatever the path, documents come out in the
 * planned order with byte-identical results: the workers run the same function (./document-task.ts)
 * and their Documents are rebuilt here over the same offset table.
 *
 * Cost and memory: the pool starts its workers once per run (each loads figcheck and receives the rule
 * set, ~0.2–0.4 s of one core), so it is only used for runs with many documents (`jobs: 'auto'`) or when
 * asked for (`jobs: N`). At most `window` documents are in flight: READ_AHEAD files' bytes in this
 * thread, or TASKS_PER_THREAD files' bytes or encoded results per worker; only the document being
 * handed to the caller is decoded into objects, a live Document. A caller that does not keep documents (the `figures` command) thus runs
 * in the memory of one document plus a fixed number of files' bytes and encoded results.
 */
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Tinypool from 'tinypool';
import { DEFAULT_CACHE_LOCATION, DocumentCache, type CacheStats, type CacheStrategy } from '../cache/index.js';
import { readInputFile } from '../read/decode.js';
import { fileSystemPath } from '../read/file-names.js';
import { formatOf } from '../read/formats.js';
import { readStdin } from '../read/inputs.js';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../read/unreadable.js';
import type { RuleSet } from '../rules/types.js';
import { decodeOutcome, encodeOutcome, errorOutcome, releaseParts, runDocumentTask, type DocumentOutcome, type DocumentTask } from './document-task.js';

export { openOutcome, type DocumentOutcome, type DocumentTask } from './document-task.js';

export interface ReadOptions {
  /**
   * Threads that decode and extract: `'auto'` (the default) uses a pool of one worker per core on a
   * machine of POOL_MIN_CORES cores or more when a run has more than POOL_MIN_BYTES of files to
   * extract; 1 never uses a pool; N ≥ 2 always does.
   */
  jobs?: number | 'auto';
  /** Reuse the extracted documents of earlier runs: `true` for `.figcheckcache` in cwd, or a folder. */
  cache?: boolean | string;
  /** How the cache knows a file is unchanged: `metadata` (default; size and times, else its bytes) or `content` (its bytes). */
  cacheStrategy?: CacheStrategy;
  /** Called once all documents were read: how many were extracted, by how many threads, cache hits. */
  onReadStats?: (stats: ReadStats) => void;
}

export interface ReadStats {
  documents: number;
  /** Documents decoded and extracted in this run (the others came from the cache or were unreadable). */
  extracted: number;
  /** Of those, extracted by the pool's workers. */
  pooled: number;
  /** Worker threads started (0: none). */
  threads: number;
  cache?: CacheStats;
}

/** Files whose bytes are read ahead of the document being extracted in this thread. */
const READ_AHEAD = 4;
/** Documents queued per worker: enough to keep it busy while the main thread hands results on. */
const TASKS_PER_THREAD = 4;
/**
 * With `jobs: 'auto'`, documents are extracted in this thread until those that needed extracting
 * reach POOL_MIN_BYTES of files; only then does the pool start, and only on POOL_MIN_CORES cores or
 * more. Measured (bench/parallel.ts, 1,000 documents of plain text): a worker costs ~0.7 s of one core
 * before it runs at full speed (loading figcheck, compiling the rules' patterns, warming the JIT), and
 * a document extracted on the pool costs ~1.7 times the CPU of one extracted here (encoding it in the
 * worker, decoding and rebuilding it here). Two cores cannot win that back; four can. A small run, or
 * a cached run after an edit, never starts the pool; `jobs: N` starts it regardless.
 */
export const POOL_MIN_BYTES = 4 * 1024 * 1024;
export const POOL_MIN_CORES = 4;
/** Cache entries being written at once, at most. */
const MAX_PENDING_WRITES = 16;

const WORKER = new URL('./pool-worker.js', import.meta.url);

export interface ReadContext extends ReadOptions {
  cwd: string;
  rules: RuleSet;
  warn: (message: string) => void;
}

/** The outcome of each task, in the tasks' order. */
export async function* readDocuments(tasks: DocumentTask[], context: ReadContext): AsyncGenerator<{ task: DocumentTask; index: number; outcome: DocumentOutcome }> {
  const { rules, warn } = context;
  const cacheLocation = context.cache === true ? DEFAULT_CACHE_LOCATION : context.cache || '';
  const cache = cacheLocation
    ? DocumentCache.open(resolve(context.cwd, cacheLocation), context.cacheStrategy ?? 'metadata', rules, figcheckVersion(), warn)
    : null;
  const cacheStats: CacheStats = { location: cacheLocation, hits: 0, misses: 0, read: 0 };
  const threads = poolThreads(context.jobs);
  const stats: ReadStats = { documents: tasks.length, extracted: 0, pooled: 0, threads: 0 };
  /** The pool, once a document needs it (started once, whichever read-ahead asks first). */
  let starting: Promise<Tinypool | null> | undefined;
  let bytesToExtract = 0;
  const writes = new Set<Promise<void>>();
  const later = (write: Promise<void>) => {
    const settled = write.finally(() => writes.delete(settled));
    writes.add(settled);
  };
  const store = (prepared: Prepared, outcome: DocumentOutcome | Uint8Array) => {
    const { key, fileKey } = prepared;
    if (!cache || key === undefined) return;
    if (!(outcome instanceof Uint8Array)) {
      // Unreadable documents and internal errors are not stored: the next run tries again.
      if (outcome.kind !== 'document' && outcome.kind !== 'skip') return;
      outcome = encodeOutcome(outcome);
    }
    later(cache.set(key, outcome).then(() => (fileKey ? cache.link(fileKey, key) : undefined)));
  };

  /** Read, hash and look up ahead of the document's turn; with a pool, extracted ahead too. */
  const prepare = async (task: DocumentTask): Promise<Prepared> => {
    // Known unchanged by its metadata: not even read.
    let fileKey: string | undefined;
    /** A content key already looked up (and not found, or broken): not looked up twice. */
    let tried: string | undefined;
    if (cache && task.file !== '-') {
      const stats = await stat(fileSystemPath(task.file), { bigint: true }).catch(() => undefined);
      fileKey = stats && cache.fileKey(task, stats);
      const known = fileKey && (await cache.lookup(fileKey));
      const cached = known ? await cache.get((tried = known)) : undefined;
      if (cached) {
        cacheStats.hits++;
        return { outcome: cached };
      }
      if (fileKey && !DocumentCache.settled(stats as BigIntStats)) fileKey = undefined;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(task);
    } catch (error) {
      return { outcome: errorOutcome(error) };
    }
    cacheStats.read++;
    const key = cache?.key(task, bytes);
    if (cache && key !== undefined) {
      const cached = key === tried ? undefined : await cache.get(key);
      if (cached) {
        cacheStats.hits++;
        if (fileKey) later(cache.link(fileKey, key));
        return { outcome: cached };
      }
      cacheStats.misses++;
    }
    bytesToExtract += bytes.byteLength;
    const auto = context.jobs === 'auto' || context.jobs === undefined;
    if (threads === 0 || (auto && bytesToExtract <= POOL_MIN_BYTES)) return { bytes, key, fileKey };
    starting ??= startPool(threads, rules, stats);
    const running = await starting;
    if (!running) return { bytes, key, fileKey };
    stats.extracted++;
    stats.pooled++;
    try {
      const encoded = (await running.run({ task, bytes }, { transferList: [bytes.buffer as ArrayBuffer] })) as Uint8Array;
      return { encoded, key, fileKey };
    } catch (error) {
      const outcome = errorOutcome(error);
      if (outcome.kind === 'error') outcome.message = `${task.shown}: ${outcome.message}`;
      return { outcome };
    }
  };

  const window = threads ? threads * TASKS_PER_THREAD : READ_AHEAD;
  const ahead: Promise<Prepared>[] = [];
  let started = 0;
  try {
    for (let index = 0; index < tasks.length; index++) {
      while (started < tasks.length && started < index + window) ahead.push(prepare(tasks[started++]!));
      const task = tasks[index]!;
      const prepared = await ahead.shift()!;
      let outcome = prepared.outcome;
      if (prepared.encoded) {
        outcome = decodeOutcome(prepared.encoded);
        store(prepared, outcome.kind === 'error' ? outcome : prepared.encoded);
      } else if (!outcome) {
        stats.extracted++;
        outcome = await runDocumentTask(task, prepared.bytes!, rules);
        store(prepared, outcome);
        releaseParts(outcome);
      }
      // Cache writes (deflate, write, rename) run beside the reading; a slow disk holds the run back
      // rather than letting encoded documents pile up in memory.
      while (writes.size > MAX_PENDING_WRITES) await Promise.race(writes);
      yield { task, index, outcome };
    }
  } finally {
    // A run that stops early (an error, a caller that breaks off) leaves work in flight: let it settle.
    await Promise.allSettled(ahead);
    await Promise.allSettled([...writes]);
    await (starting && (await starting))?.destroy();
  }
  if (cache) stats.cache = cacheStats;
  context.onReadStats?.(stats);
}

interface Prepared {
  outcome?: DocumentOutcome;
  /** A worker's encoded outcome, decoded at the document's turn (bytes weigh less than objects). */
  encoded?: Uint8Array;
  /** Without either: the bytes to extract in this thread, at the document's turn. */
  bytes?: Uint8Array;
  key?: string;
  /** The file's metadata key, when it may be recorded (strategy `metadata`, file not changed just now). */
  fileKey?: string;
}

/** Worker threads for `jobs`: 0 for none. */
function poolThreads(jobs: ReadOptions['jobs']): number {
  if (jobs === undefined || jobs === 'auto') {
    const cores = availableParallelism();
    return cores >= POOL_MIN_CORES ? cores : 0;
  }
  return jobs >= 2 ? jobs : 0;
}

/**
 * The pool (loaded when first needed), or null when figcheck runs from its TypeScript sources (tests), which a worker cannot
 * load: the documents are then extracted in this thread, with the same results.
 */
async function startPool(threads: number, rules: RuleSet, stats: ReadStats): Promise<Tinypool | null> {
  if (!existsSync(fileURLToPath(WORKER))) return null;
  stats.threads = threads;
  // Loaded here: a run without the pool (most runs, and every start-up) never loads it.
  const { default: Tinypool } = await import('tinypool');
  return new Tinypool({ filename: WORKER.href, minThreads: threads, maxThreads: threads, workerData: { rules } });
}

/**
 * A file's bytes, in an ArrayBuffer of their own so they can be transferred to a worker. Files are
 * opened through readInputFile (escaped byte names, the size limit, pipes and folders refused);
 * standard input holds at most the limit (a .docx's limit applies to its XML, checked when decoded).
 */
async function readBytes(task: DocumentTask): Promise<Uint8Array> {
  const limits = { maxDocumentSize: task.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE };
  const bytes =
    task.file === '-'
      ? await readStdin(process.stdin, formatOf(task.shown) === 'docx' ? undefined : { maxBytes: limits.maxDocumentSize, name: task.shown })
      : await readInputFile(task.file, task.shown, limits);
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

let version: string | undefined;
/** figcheck's version, from the package.json above this module (src/, dist/ or a bench build). */
function figcheckVersion(): string {
  if (version !== undefined) return version;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (existsSync(path)) {
      const json = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
      if (json.name === 'figcheck') return (version = json.version ?? '0');
    }
    if (dirname(dir) === dir) return (version = '0');
  }
}
