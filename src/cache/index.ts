/**
 * `--cache`: the extracted documents of earlier runs, so a re-run after editing one file of many
 * reads, decodes and extracts only that file (ESLint's `--cache`, per document).
 *
 * A folder (default `.figcheckcache` in the working directory) of one entry per document outcome,
 * named by its content key: the SHA-256 of the file's bytes, of what else decides the outcome (the
 * path shown in locations, the id, period and status from the config, the document size limit) and of the run's key (the merged
 * rule set, figcheck's version and this format). A changed rule file or an upgrade misses everything.
 *
 * Strategy `metadata` (the default, as ESLint's) also records, per file, a reference from its file
 * metadata (path, size, inode, modification and change times in nanoseconds) to its content key, so an
 * unchanged file is not even read. A file's change time cannot be set back by tools that preserve
 * modification times (touch -r, rsync -t), and a reference is only recorded for a file whose times are
 * RACY_SECONDS old when it is read, so an edit made in the same clock tick as the recorded one (coarse
 * file-system clocks) is never taken for the recorded version. Strategy `content` reads and hashes
 * every file.
 *
 * Entries are deflated, written to a temporary name and renamed, so a reader never sees half an entry;
 * an entry that is not one (truncated, corrupt, foreign) is ignored with a warning and replaced. Entries
 * are named `<hex>.bin` / `<hex>.ref`, extensions figcheck never reads as documents, so the cache can
 * never be taken for, or written over, an input. Old entries are not pruned: delete the folder to
 * reclaim the space.
 */
import { createHash } from 'node:crypto';
import { statSync, type BigIntStats } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeOutcome, type DocumentOutcome, type DocumentTask } from '../parallel/document-task.js';
import type { RuleSet } from '../rules/types.js';

export const DEFAULT_CACHE_LOCATION = '.figcheckcache';
export type CacheStrategy = 'metadata' | 'content';
/** Bumped when an entry's layout or the outcome's shape changes. */
const FORMAT = 'figcheck-cache-3';
const MAGIC = Buffer.from(`${FORMAT}\n`, 'latin1');
const KEY = /^[0-9a-f]{64}$/;
/** A file changed less than this long before it is read gets no metadata reference (see above). */
const RACY_SECONDS = 2;
// zlib's fastest level: an entry shrinks to about a quarter (a document's UTF-16 text, figures and
// segments compress well; ~1.4 times the file's size remains), and the work runs on libuv's threads.
// (zlib loaded when the cache is first used: a run without --cache never needs it, ~3 ms of every start-up)
let zlib: Promise<{ deflate: (data: Uint8Array, options: { level: number }) => Promise<Buffer>; inflate: (data: Uint8Array) => Promise<Buffer> }> | undefined;
const codec = () =>
  (zlib ??= import('node:zlib').then(({ deflateRaw, inflateRaw }) => ({ deflate: promisify(deflateRaw), inflate: promisify(inflateRaw) })));
const deflate = async (data: Uint8Array, options: { level: number }) => (await codec()).deflate(data, options);
const inflate = async (data: Uint8Array) => (await codec()).inflate(data);
const DEFLATE = { level: 1 };

export interface CacheStats {
  location: string;
  /** Documents whose outcome came from the cache. */
  hits: number;
  /** Documents decoded and extracted (and stored). */
  misses: number;
  /** Files read (the others were known unchanged by their metadata). */
  read: number;
}

export class DocumentCache {
  private writable = true;

  private constructor(
    readonly location: string,
    readonly strategy: CacheStrategy,
    private readonly runKey: string,
    private readonly warn: (message: string) => void,
  ) {}

  /**
   * The cache at `location` for a run with these rules; null (after a warning) when the location
   * exists and is not a folder, which is never replaced.
   */
  static open(location: string, strategy: CacheStrategy, rules: RuleSet, version: string, warn: (message: string) => void): DocumentCache | null {
    try {
      if (!statSync(location).isDirectory()) {
        warn(`${location}: not a cache folder, running without --cache (delete it or choose --cache-location)`);
        return null;
      }
    } catch {
      // Missing: created at the first write.
    }
    const runKey = sha256([FORMAT, version, JSON.stringify(rules)]);
    return new DocumentCache(location, strategy, runKey, warn);
  }

  /** The content key of a document's outcome: its bytes and everything else that decides it. */
  key(task: DocumentTask, bytes: Uint8Array): string {
    return sha256([this.runKey, meta(task), bytes]);
  }

  /** The metadata key of a file (strategy `metadata`), or undefined when its metadata cannot vouch for it. */
  fileKey(task: DocumentTask, stats: BigIntStats): string | undefined {
    if (this.strategy !== 'metadata' || !stats.isFile()) return undefined;
    return sha256([this.runKey, meta(task), task.file, `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`]);
  }

  /** Whether a file's metadata may be recorded now (its last change is not within the racy window). */
  static settled(stats: BigIntStats): boolean {
    const latest = stats.mtimeMs > stats.ctimeMs ? stats.mtimeMs : stats.ctimeMs;
    return Date.now() - Number(latest) > RACY_SECONDS * 1000;
  }

  /** The content key a file's metadata key points to, if recorded. */
  async lookup(fileKey: string): Promise<string | undefined> {
    try {
      const key = (await readFile(this.path(fileKey, 'ref'), 'latin1')).trim();
      return KEY.test(key) ? key : undefined;
    } catch {
      return undefined;
    }
  }

  /** The stored outcome of a content key, or undefined. */
  async get(key: string): Promise<DocumentOutcome | undefined> {
    const path = this.path(key, 'bin');
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      return undefined;
    }
    try {
      const header = MAGIC.length + key.length;
      if (bytes.length < header || !bytes.subarray(0, MAGIC.length).equals(MAGIC) || bytes.toString('latin1', MAGIC.length, header) !== key) {
        throw new Error('not a figcheck cache entry');
      }
      return decodeOutcome(await inflate(bytes.subarray(header)));
    } catch (error) {
      this.warn(`${path}: cache entry ignored (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
  }

  /** Stores an encoded outcome under its content key. */
  async set(key: string, encoded: Uint8Array): Promise<void> {
    await this.write(this.path(key, 'bin'), async () => [MAGIC, Buffer.from(key, 'latin1'), await deflate(encoded, DEFLATE)]);
  }

  /** Records that a file with this metadata key has this content key. */
  async link(fileKey: string, key: string): Promise<void> {
    await this.write(this.path(fileKey, 'ref'), async () => [Buffer.from(key, 'latin1')]);
  }

  /** Writes atomically (temporary name, then rename); a cache that cannot be written is warned about once. */
  private async write(path: string, content: () => Promise<Uint8Array[]>): Promise<void> {
    if (!this.writable) return;
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(this.location, { recursive: true });
      await writeFile(temporary, await content());
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      if (!this.writable) return;
      this.writable = false;
      this.warn(`${this.location}: cannot write the cache (${(error as NodeJS.ErrnoException).code ?? String(error)}); results are not cached`);
    }
  }

  private path(key: string, extension: 'bin' | 'ref'): string {
    return join(this.location, `${key}.${extension}`);
  }
}

function meta(task: DocumentTask): string {
  // The size limit decides whether a document is read at all.
  return JSON.stringify([task.shown, task.id, task.period ?? null, task.status ?? null, task.maxDocumentSize ?? null]);
}

function sha256(parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}
