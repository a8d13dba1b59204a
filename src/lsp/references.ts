/**
 * A workspace's reference set: the documents its figcheck.yaml lists, read and extracted once and kept
 * with their figures, so that re-checking an open draft costs only the draft's own read → extract →
 * meaning and the checks. Memory: every listed document, its segment tree and figures, for as long as
 * the language server runs (a config of ten reports holds a few MB).
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { loadConfig, type Config } from '../config.js';
import type { Document, Figure, Locale } from '../model.js';
import { openOutcome, runDocumentTask, type DocumentTask } from '../parallel/document-task.js';
import { eachDocument } from '../pipeline.js';
import { readInputFile } from '../read/decode.js';
import { byteNameFileSystem } from '../read/file-names.js';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../read/unreadable.js';
import { loadRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';

/** A document with the figures the pipeline extracted from it. */
export interface Extracted {
  document: Document;
  figures: Figure[];
}

/** A listed document: the task that reads it again (same id, period, status, shown path) and what it gave. */
export interface ReferenceDocument {
  task: DocumentTask;
  extracted: Extracted;
}

export class ReferenceSet {
  /** Listed documents by absolute path, in the config's order. */
  readonly documents = new Map<string, ReferenceDocument>();
  /** Problems reading the set (a listed file that cannot be read): shown to the user, the rest goes on. */
  readonly warnings: string[] = [];

  private constructor(
    readonly config: Config,
    /** The config's rule files with document groups expanded (as `check` runs them). */
    public rules: RuleSet,
  ) {}

  /**
   * Reads the config and its rule files at once (they decide the draft's own checks) and its documents
   * through the pipeline's eachDocument (the same planning, ids, limits and readers as `figcheck check`).
   * `ready` settles once the documents are in. Throws InputError for a bad config or rule file.
   */
  static open(configPath: string, locale: Locale): { set: ReferenceSet; ready: Promise<void> } {
    const config = loadConfig(configPath);
    const set = new ReferenceSet(config, loadRuleSet(config.rules));
    const ready = set.readAll(locale);
    return { set, ready };
  }

  private async readAll(locale: Locale): Promise<void> {
    const limit = this.config.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
    // cwd is the config's folder: locations and messages name documents relative to it, as a run there does.
    const setup = await eachDocument([], { config: this.config.path, cwd: this.config.dir, locale, jobs: 1 }, (document, figures) => {
      const file = resolve(this.config.dir, document.path);
      const task: DocumentTask = {
        file,
        shown: document.path,
        id: document.id,
        period: document.period,
        status: document.status,
        maxDocumentSize: limit,
      };
      this.documents.set(file, { task, extracted: { document, figures } });
    });
    this.rules = setup.rules;
    this.warnings.push(...setup.warnings);
  }

  /** Reads one listed document again after it changed on disk; a document that can no longer be read leaves the set. */
  async reread(file: string): Promise<void> {
    const known = this.documents.get(file);
    if (!known) return;
    try {
      const bytes = await readInputFile(known.task.file, known.task.shown, { maxDocumentSize: known.task.maxDocumentSize });
      known.extracted = openOutcome(await runDocumentTask(known.task, bytes, this.rules));
    } catch (error) {
      this.documents.delete(file);
      this.warnings.push(`${known.task.shown}: ${(error as Error).message}`);
    }
  }

  /** The files whose change on disk changes this set: the config, its rule files, its documents. */
  files(): { config: string; rules: string[]; documents: string[] } {
    return { config: this.config.path, rules: this.config.rules, documents: [...this.documents.keys()] };
  }

  /** True when the config's globs now match other files than those read (a listed file created or removed). */
  async planChanged(): Promise<boolean> {
    const now = new Set<string>();
    for (const entry of this.config.documents) {
      const matches = await glob(entry.path, { cwd: this.config.dir, absolute: true, onlyFiles: true, ignore: this.config.ignore, fs: byteNameFileSystem as never });
      for (const match of matches) now.add(resolve(match));
    }
    const read = new Set(this.documents.keys());
    return now.size !== read.size || [...now].some((file) => !read.has(file));
  }

  /** The folders to watch on disk when the client does not send workspace/didChangeWatchedFiles. */
  async folders(): Promise<string[]> {
    const { config, rules, documents } = this.files();
    const folders = new Set([config, ...rules, ...documents].map((file) => resolve(file, '..')));
    const existing: string[] = [];
    for (const folder of folders) {
      if (await readdir(folder).then(() => true, () => false)) existing.push(folder);
    }
    return existing;
  }
}
