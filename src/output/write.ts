/**
 * Writing outputs so that a reader never sees half of one: a file is written as a hidden temporary
 * beside its destination and renamed into place; a report folder is built as a hidden sibling and
 * swapped in as a whole, so its files always come from one run. Temporaries are removed however the
 * process ends (./temporary.ts). Callers check the destination with ./guard.ts first.
 */
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../model.js';
import { REPORT_MARKER } from './guard.js';
import { removeOnExit } from './temporary.js';

/** A write that failed for a reason of the file system (full disk, no permission), naming the file. */
export class OutputError extends InputError {
  constructor(name: string, error: unknown) {
    super(`${name}: cannot write (${reason(error)})`);
    this.name = 'OutputError';
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOTDIR') return 'a folder of its path is a file';
  if (code === 'EISDIR') return 'is a folder';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** A hidden name beside `path`, unique to this process and call. */
function siblingName(path: string, kind: string): string {
  return join(dirname(path), `.${basename(path)}.figcheck-${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

export interface FileSink {
  write(text: string | Uint8Array): void;
  /** Puts the file in place; `beforeRename` (a last guard check) may still refuse. */
  commit(beforeRename?: () => void): void;
  /** Removes the temporary; the destination is left as it was. */
  abandon(): void;
}

/** Opens an output file for writing through a temporary; `name` names it in messages. */
export function openOutputFile(path: string, name: string): FileSink {
  const temporary = `${siblingName(path, 'partial')}.partial`;
  // Registered before the file exists: a signal arriving just after it is created still removes it.
  const cleanup = removeOnExit(temporary);
  let fd: number;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(temporary, 'wx');
  } catch (error) {
    cleanup.release();
    throw new OutputError(name, error);
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(text) {
      try {
        if (typeof text === 'string') writeSync(fd, text);
        else for (let done = 0; done < text.length; ) done += writeSync(fd, text, done);
      } catch (error) {
        throw new OutputError(name, error);
      }
    },
    commit(beforeRename) {
      close();
      beforeRename?.();
      try {
        renameSync(temporary, path);
      } catch (error) {
        throw new OutputError(name, error);
      }
      cleanup.release();
    },
    abandon() {
      close();
      rmSync(temporary, { force: true });
      cleanup.release();
    },
  };
}

/** Writes a whole file at once through a temporary. */
export function writeOutputFile(path: string, name: string, text: string | Uint8Array, beforeRename?: () => void): void {
  const sink = openOutputFile(path, name);
  try {
    sink.write(text);
    sink.commit(beforeRename);
  } catch (error) {
    sink.abandon();
    throw error;
  }
}

/**
 * Replaces the folder `path` with one holding exactly `files` (and the hidden entries it held, such as
 * .gitkeep): built beside it, then swapped in. Two runs writing one folder at once leave the files of one
 * of them, never a mix. `beforeSwap` (a last guard check) may still refuse.
 */
export function replaceFolder(path: string, name: string, files: Record<string, string>, beforeSwap?: () => void): void {
  const fresh = siblingName(path, 'new');
  // Registered before the folder exists, so that a signal arriving just after still removes it.
  const cleanup = removeOnExit(fresh);
  try {
    mkdirSync(dirname(path), { recursive: true });
    mkdirSync(fresh);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(fresh, file), text);
    writeFileSync(join(fresh, REPORT_MARKER), 'This folder is a figcheck report; figcheck replaces it as a whole on every run.\n');
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    cleanup.release();
    throw new OutputError(name, error);
  }
  try {
    beforeSwap?.();
    swapIn(fresh, path);
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    cleanup.release();
    throw error instanceof InputError ? error : new OutputError(name, error);
  }
  cleanup.release();
}

/**
 * Renames `fresh` to `path`, moving a folder already there aside first (and removing it after). The hidden
 * entries of every folder moved aside (.gitkeep) are carried into `fresh`, so they survive however many
 * runs swap their folders in at once.
 */
function swapIn(fresh: string, path: string): void {
  const old: { path: string; cleanup: { release(): void } }[] = [];
  try {
    // A handful of attempts: each failure means another run swapped its folder in just now.
    for (let attempt = 0; ; attempt++) {
      try {
        renameSync(fresh, path);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 20) throw error;
      }
      const aside = siblingName(path, 'old');
      const cleanup = removeOnExit(aside);
      try {
        renameSync(path, aside);
        old.push({ path: aside, cleanup });
        carryHiddenEntries(aside, fresh);
      } catch (error) {
        cleanup.release();
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  } finally {
    for (const aside of old) {
      rmSync(aside.path, { recursive: true, force: true });
      aside.cleanup.release();
    }
  }
}

/** Copies the hidden entries of `from` (but figcheck's marker) into `to`, keeping those `to` has. */
function carryHiddenEntries(from: string, to: string): void {
  for (const entry of readdirSync(from)) {
    if (!entry.startsWith('.') || entry === REPORT_MARKER || existsSync(join(to, entry))) continue;
    cpSync(join(from, entry), join(to, entry), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  }
}
