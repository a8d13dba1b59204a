/**
 * `--cache`: the extracted documents of earlier runs, so a re-run after editing one file of many
 * decodes and extracts only that file (ESLint's `--cache --cache-strategy content`, per document).
 *
 * A folder (default `.figcheckcache` in the working directory) of one file per document outcome,
 * named by its key: the SHA-256 of the file's bytes, of what else decides the outcome (the path shown
 * in locations, the id, period and status from the config) and of the run's key (the merged rule set,
 * figcheck's version and this format). A changed rule file or upgrade therefore misses everything;
 * nothing is ever looked up by path or modification time. Unchanged files are still read and hashed
 * (SHA-256 runs at hundreds of MB/s); decoding and extraction are what a hit saves.
 *
 * Entries are deflated, written to a temporary name and renamed, so a reader never sees half an entry; an entry
 * that is not one (truncated, corrupt, foreign) is ignored with a warning and replaced. Entries are
 * named `<hex>.bin`, an extension figcheck never reads as a document, so the cache can never be taken
 * for, or written over, an input. Old entries are not pruned: delete the folder to reclaim the space.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import { decodeOutcome, type DocumentOutcome, type DocumentTask } from '../parallel/document-task.js';
import type { RuleSet } from '../rules/types.js';

export const DEFAULT_CACHE_LOCATION = '.figcheckcache';
/** Bumped when an entry's layout or the outcome's shape changes. */
const FORMAT = 'figcheck-cache-1';
const MAGIC = Buffer.from(`${FORMAT}\n`, 'latin1');
const KEY_LENGTH = 64;
// zlib's fastest level: an entry is a quarter of its size (a document's text, figures and segments
// compress well), and the work runs on libuv's threads, beside the main thread's.
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);
const DEFLATE = { level: 1 };

export interface CacheStats {
  location: string;
  /** Documents whose outcome came from the cache. */
  hits: number;
  /** Documents decoded and extracted (and stored). */
  misses: number;
}

export class DocumentCache {
  readonly stats: CacheStats;
  private writable = true;

  private constructor(
    readonly location: string,
    private readonly runKey: string,
    private readonly warn: (message: string) => void,
  ) {
    this.stats = { location, hits: 0, misses: 0 };
  }

  /**
   * The cache at `location` for a run with these rules; null (after a warning) when the location
   * exists and is not a folder, which is never replaced.
   */
  static open(location: string, rules: RuleSet, version: string, warn: (message: string) => void): DocumentCache | null {
    try {
      if (!statSync(location).isDirectory()) {
        warn(`${location}: not a cache folder, running without --cache (delete it or choose --cache-location)`);
        return null;
      }
    } catch {
      // Missing: created at the first write.
    }
    const runKey = createHash('sha256').update(FORMAT).update('\0').update(version).update('\0').update(JSON.stringify(rules)).digest('hex');
    return new DocumentCache(location, runKey, warn);
  }

  /** The key of a document's outcome: its bytes and everything else that decides it. */
  key(task: DocumentTask, bytes: Uint8Array): string {
    const meta = JSON.stringify([task.shown, task.id, task.period ?? null, task.status ?? null]);
    return createHash('sha256').update(this.runKey).update('\0').update(meta).update('\0').update(bytes).digest('hex');
  }

  /** The stored outcome of a key, or undefined (counted as a miss). */
  async get(key: string): Promise<DocumentOutcome | undefined> {
    const path = this.entryPath(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      this.stats.misses++;
      return undefined;
    }
    try {
      const header = MAGIC.length + KEY_LENGTH;
      if (bytes.length < header || !bytes.subarray(0, MAGIC.length).equals(MAGIC) || bytes.toString('latin1', MAGIC.length, header) !== key) {
        throw new Error('not a figcheck cache entry');
      }
      const outcome = decodeOutcome(await inflate(bytes.subarray(header)));
      this.stats.hits++;
      return outcome;
    } catch (error) {
      this.warn(`${path}: cache entry ignored (${error instanceof Error ? error.message : String(error)})`);
      this.stats.misses++;
      return undefined;
    }
  }

  /** Stores an encoded outcome under its key, atomically; a cache that cannot be written is warned about once. */
  async set(key: string, encoded: Uint8Array): Promise<void> {
    if (!this.writable) return;
    const path = this.entryPath(key);
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(this.location, { recursive: true });
      await writeFile(temporary, [MAGIC, Buffer.from(key, 'latin1'), await deflate(encoded, DEFLATE)]);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      this.writable = false;
      this.warn(`${this.location}: cannot write the cache (${(error as NodeJS.ErrnoException).code ?? String(error)}); results are not cached`);
    }
  }

  private entryPath(key: string): string {
    return join(this.location, `${key}.bin`);
  }
}
