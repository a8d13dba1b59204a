/**
 * The language server's reference sets, one per figcheck.yaml in use: opened on first use by a document
 * below the config, kept, and dropped or partly re-read when the config, a rule file or a listed document
 * changes on disk — as the client reports it (workspace/didChangeWatchedFiles) or, for clients that do
 * not, as the server's own watchers on the folders involved see it.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { FileChangeType } from 'vscode-languageserver/node';
import { CONFIG_NAMES, findConfig } from '../config.js';
import type { Locale } from '../model.js';
import { ReferenceSet } from './references.js';

/** A config's reference set as the server holds it. */
export interface SetEntry {
  set: ReferenceSet;
  /** Settles (never rejects) once the documents are read and, when the server watches, watched. */
  ready: Promise<void>;
  loaded: boolean;
  watchers: FSWatcher[];
}

/** How the sets reach the user and the open documents. */
export interface SetEvents {
  error(message: string): void;
  warning(message: string): void;
  /** Something an open document was checked against changed: check them all again. */
  changed(): void;
  /** A problem of the server itself (logged, not shown). */
  log(message: string): void;
}

/** Editors save in several steps (write, rename, touch): one handling for the burst. */
const DISK_SETTLE_MS = 50;

export class ReferenceSets {
  private readonly sets = new Map<string, SetEntry>();
  /** Configs that failed to load: not tried again until one changes on disk. */
  private readonly failed = new Map<string, FSWatcher[]>();
  private readonly pending = new Map<string, FileChangeType>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly events: SetEvents,
    private readonly options: { locale: () => Locale; serverWatches: () => boolean },
  ) {}

  /** The set of the nearest config above `file`, opened (and its documents read) on first use; null without a usable config. */
  for(file: string): SetEntry | null {
    const configPath = findConfig(dirname(file));
    if (!configPath || this.failed.has(configPath)) return null;
    const known = this.sets.get(configPath);
    if (known) return known;
    try {
      const { set, ready } = ReferenceSet.open(configPath, this.options.locale());
      const entry: SetEntry = { set, ready: Promise.resolve(), loaded: false, watchers: [] };
      // Watched before it counts as loaded: a change on disk after the first complete check is always seen.
      entry.ready = ready
        .catch((error: unknown) => void set.warnings.push(messageOf(error)))
        .then(async () => {
          if (this.options.serverWatches()) {
            const watchers = this.watchFolders(await set.folders());
            if (this.sets.get(configPath) === entry) entry.watchers = watchers;
            else closeWatchers(watchers);
          }
          entry.loaded = true;
          if (set.warnings.length) this.events.warning(set.warnings.join('; '));
        })
        .catch((error: unknown) => {
          entry.loaded = true;
          this.events.log(messageOf(error));
        });
      this.sets.set(configPath, entry);
      return entry;
    } catch (error) {
      // A bad config or rule file: said once, and documents are checked alone until the file changes.
      this.failed.set(configPath, this.options.serverWatches() ? this.watchFolders([dirname(configPath)]) : []);
      this.events.error(messageOf(error));
      return null;
    }
  }

  /** Whether `entry` is still the set of its config (not dropped while a check waited for it). */
  current(entry: SetEntry): boolean {
    return this.sets.get(entry.set.config.path) === entry;
  }

  /** A file changed on disk: collected, then handled with the others of its burst. */
  diskChanged(file: string, type: FileChangeType): void {
    this.pending.set(file, type);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.handleDisk().catch((error: unknown) => this.events.log(messageOf(error))), DISK_SETTLE_MS);
  }

  close(): void {
    clearTimeout(this.timer);
    for (const entry of this.sets.values()) closeWatchers(entry.watchers);
    for (const watchers of this.failed.values()) closeWatchers(watchers);
  }

  private async handleDisk(): Promise<void> {
    const changes = [...this.pending];
    this.pending.clear();
    let affected = false;
    if (changes.some(([file]) => CONFIG_NAMES.includes(basename(file)))) {
      // A config changed, appeared or went away: which config governs which document may have changed too.
      for (const watchers of this.failed.values()) closeWatchers(watchers);
      this.failed.clear();
      for (const path of [...this.sets.keys()]) this.drop(path);
      affected = true;
    }
    for (const [path, entry] of [...this.sets]) {
      const { rules, documents: listed } = entry.set.files();
      let reread: string[] = [];
      let reload = false;
      for (const [file, type] of changes) {
        if (rules.includes(file)) reload = true;
        else if (listed.includes(file)) {
          // A listed file gone: the config's globs decide again what the set holds.
          if (type === FileChangeType.Deleted) reload = true;
          else reread.push(file);
        } else if (type !== FileChangeType.Changed && isInside(file, entry.set.config.dir)) reload ||= await entry.set.planChanged();
      }
      if (!entry.loaded) reload ||= reread.length > 0;
      if (reload) {
        this.drop(path);
        affected = true;
        reread = [];
      }
      const known = entry.set.warnings.length;
      for (const file of reread) await entry.set.reread(file);
      if (reread.length) affected = true;
      const added = entry.set.warnings.slice(known);
      if (added.length) this.events.warning(added.join('; '));
    }
    if (affected) this.events.changed();
  }

  private drop(configPath: string): void {
    const entry = this.sets.get(configPath);
    if (!entry) return;
    closeWatchers(entry.watchers);
    this.sets.delete(configPath);
  }

  /** fs.watch on folders (not files: editors that save by renaming replace the file a watcher would hold). */
  private watchFolders(folders: string[]): FSWatcher[] {
    const watchers: FSWatcher[] = [];
    for (const folder of folders) {
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (!name) return;
          const file = resolve(folder, name.toString());
          const known = [...this.sets.values()].some((entry) => entry.set.documents.has(file));
          this.diskChanged(file, existsSync(file) ? (known ? FileChangeType.Changed : FileChangeType.Created) : FileChangeType.Deleted);
        });
        watcher.on('error', () => watcher.close());
        watchers.push(watcher);
      } catch {
        // A folder that cannot be watched: changes there are seen when the server restarts.
      }
    }
    return watchers;
  }
}

function isInside(file: string, folder: string): boolean {
  const rel = relative(folder, file);
  return Boolean(rel) && !rel.startsWith('..') && !isAbsolute(rel);
}

function closeWatchers(watchers: FSWatcher[]): void {
  for (const watcher of watchers) watcher.close();
  watchers.length = 0;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
