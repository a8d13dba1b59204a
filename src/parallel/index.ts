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
import { PendingWrites } from './pending-writes.js';
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
  const run = new ReadRun(tasks.length, context);
  const window = run.threads ? run.threads * TASKS_PER_THREAD : READ_AHEAD;
  const ahead: Promise<Prepared>[] = [];
  let started = 0;
  try {
    for (let index = 0; index < tasks.length; index++) {
      while (started < tasks.length && started < index + window) ahead.push(run.prepare(tasks[started++]!));
      const task = tasks[index]!;
      const prepared = await ahead.shift()!;
      const outcome = prepared.encoded ? run.decodeExtracted(prepared, prepared.encoded) : (prepared.outcome ?? (await run.extractHere(task, prepared)));
      // Cache writes run beside the reading; a slow disk holds the run back (./pending-writes.ts).
      while (run.writes.size > MAX_PENDING_WRITES) await run.writes.race();
      yield { task, index, outcome };
    }
  } finally {
    // A run that stops early (an error, a caller that breaks off) leaves work in flight: let it settle.
    await Promise.allSettled(ahead);
    await run.writes.settle();
    await run.stopPool();
  }
  context.onReadStats?.(run.readStats());
}

/**
 * One run's reading: the cache, the pool (started once, whichever read-ahead asks first) and the counts
 * reported at the end. prepare() runs ahead of a document's turn; decodeExtracted and extractHere at its turn.
 */
class ReadRun {
  readonly threads: number;
  readonly writes = new PendingWrites();
  private readonly rules: RuleSet;
  private readonly cache: DocumentCache | null;
  private readonly cacheStats: CacheStats;
  private readonly stats: ReadStats;
  /** The pool, once a document needs it. */
  private starting: Promise<Tinypool | null> | undefined;
  private bytesToExtract = 0;

  constructor(
    documents: number,
    private readonly context: ReadContext,
  ) {
    const { rules, warn } = context;
    this.rules = rules;
    const cacheLocation = context.cache === true ? DEFAULT_CACHE_LOCATION : context.cache || '';
    this.cache = cacheLocation
      ? DocumentCache.open(resolve(context.cwd, cacheLocation), context.cacheStrategy ?? 'metadata', rules, figcheckVersion(), warn)
      : null;
    this.cacheStats = { location: cacheLocation, hits: 0, misses: 0, read: 0 };
    this.threads = poolThreads(context.jobs);
    this.stats = { documents, extracted: 0, pooled: 0, threads: 0 };
  }

  /** Read, hash and look up ahead of the document's turn; with a pool, extracted ahead too. */
  async prepare(task: DocumentTask): Promise<Prepared> {
    const cache = this.cache;
    const byFile = cache && task.file !== '-' ? await this.lookUpFile(cache, task) : NOT_LOOKED_UP;
    if (byFile.outcome) return { outcome: byFile.outcome };
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(task);
    } catch (error) {
      return { outcome: errorOutcome(error) };
    }
    this.cacheStats.read++;
    const key = cache?.key(task, bytes);
    if (cache && key !== undefined) {
      const cached = key === byFile.tried ? undefined : await cache.get(key);
      if (cached) {
        this.cacheStats.hits++;
        if (byFile.fileKey) this.writes.add(cache.link(byFile.fileKey, key));
        return { outcome: cached };
      }
      this.cacheStats.misses++;
    }
    return this.extractAhead(task, bytes, key, byFile.fileKey);
  }

  /** Known unchanged by its metadata: the cached outcome, the file not even read; else the file key to record and the content key already tried. */
  private async lookUpFile(cache: DocumentCache, task: DocumentTask): Promise<FileLookup> {
    const stats = await stat(fileSystemPath(task.file), { bigint: true }).catch(() => undefined);
    let fileKey = stats && cache.fileKey(task, stats);
    const known = fileKey && (await cache.lookup(fileKey));
    /** A content key already looked up (and not found, or broken): not looked up twice. */
    const tried = known || undefined;
    const cached = known ? await cache.get(known) : undefined;
    if (cached) {
      this.cacheStats.hits++;
      return { outcome: cached };
    }
    if (fileKey && !DocumentCache.settled(stats as BigIntStats)) fileKey = undefined;
    return { fileKey, tried };
  }

  /** Bytes to extract: on the pool once it is wanted (extracted now, encoded), else in this thread at their turn. */
  private async extractAhead(task: DocumentTask, bytes: Uint8Array, key: string | undefined, fileKey: string | undefined): Promise<Prepared> {
    this.bytesToExtract += bytes.byteLength;
    const auto = this.context.jobs === 'auto' || this.context.jobs === undefined;
    if (this.threads === 0 || (auto && this.bytesToExtract <= POOL_MIN_BYTES)) return { bytes, key, fileKey };
    this.starting ??= startPool(this.threads, this.rules, this.stats);
    const running = await this.starting;
    if (!running) return { bytes, key, fileKey };
    this.stats.extracted++;
    this.stats.pooled++;
    try {
      const encoded = (await running.run({ task, bytes }, { transferList: [bytes.buffer as ArrayBuffer] })) as Uint8Array;
      return { encoded, key, fileKey };
    } catch (error) {
      const outcome = errorOutcome(error);
      if (outcome.kind === 'error') outcome.message = `${task.shown}: ${outcome.message}`;
      return { outcome };
    }
  }

  /** A worker's outcome, decoded at the document's turn and stored as the worker encoded it. */
  decodeExtracted(prepared: Prepared, encoded: Uint8Array): DocumentOutcome {
    const outcome = decodeOutcome(encoded);
    this.store(prepared, outcome.kind === 'error' ? outcome : encoded);
    return outcome;
  }

  /** Decode and extract in this thread, at the document's turn. */
  async extractHere(task: DocumentTask, prepared: Prepared): Promise<DocumentOutcome> {
    this.stats.extracted++;
    const outcome = await runDocumentTask(task, prepared.bytes!, this.rules);
    this.store(prepared, outcome);
    releaseParts(outcome);
    return outcome;
  }

  /** Into the cache, when there is one and the document had a key. */
  private store(prepared: Prepared, outcome: DocumentOutcome | Uint8Array): void {
    const { key, fileKey } = prepared;
    const cache = this.cache;
    if (!cache || key === undefined) return;
    if (!(outcome instanceof Uint8Array)) {
      // Unreadable documents and internal errors are not stored: the next run tries again.
      if (outcome.kind !== 'document' && outcome.kind !== 'skip') return;
      outcome = encodeOutcome(outcome);
    }
    this.writes.add(cache.set(key, outcome).then(() => (fileKey ? cache.link(fileKey, key) : undefined)));
  }

  async stopPool(): Promise<void> {
    await (this.starting && (await this.starting))?.destroy();
  }

  /** The counts of the run, the cache's when there is one. */
  readStats(): ReadStats {
    if (this.cache) this.stats.cache = this.cacheStats;
    return this.stats;
  }
}

/** What the file's metadata told of the cache (lookUpFile). */
interface FileLookup {
  outcome?: DocumentOutcome;
  fileKey?: string;
  tried?: string;
}
const NOT_LOOKED_UP: FileLookup = {};

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
