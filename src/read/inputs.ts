/**
 * Which files a run reads: explicit files as given, directories walked for supported documents.
 *
 * Ignore patterns (the `ignore` option, i.e. `--ignore`, and the lines of `.figcheckignore`) follow
 * .gitignore's rules, so one habit serves both: a pattern without a slash matches at any depth (`drafts`,
 * `*.bak.txt`), a pattern with a slash is anchored where it was written (the cwd for `--ignore` and the cwd's
 * `.figcheckignore`, the walked directory for that directory's own `.figcheckignore`), a trailing slash means
 * directories only. Negation (`!pattern`) is not supported and is reported as a warning.
 */
import * as nodeFs from 'node:fs/promises';
import { buffer as readAll } from 'node:stream/consumers';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../model.js';
import { byteNameFileSystem, decodeFileName, fileSystemPath, recoverLossyPath } from './file-names.js';
import { formatOf, SUPPORTED_EXTENSIONS } from './formats.js';
import { DocumentTooLarge, formatSize } from './unreadable.js';

/** The file-system calls findInputs makes; replaceable so that tests can produce errors root cannot. */
export interface InputFileSystem {
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean }>;
  readdir(path: string): Promise<unknown[]>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  realpath(path: string): Promise<string>;
}

export interface FindInputsOptions {
  /** Ignore patterns, .gitignore style, anchored at `cwd`. */
  ignore?: string[];
  /** Where relative paths start; default process.cwd(). */
  cwd?: string;
  /** Default node:fs/promises, taking paths whose names are not UTF-8 in figcheck's form (file-names.ts). */
  fileSystem?: InputFileSystem;
}

/** node:fs/promises for paths in figcheck's form: names that are not UTF-8 keep their bytes. */
const byteNameFs: InputFileSystem = {
  stat: (path) => nodeFs.stat(fileSystemPath(path)),
  readdir: (path) => nodeFs.readdir(fileSystemPath(path)),
  readFile: (path, encoding) => nodeFs.readFile(fileSystemPath(path), encoding),
  realpath: async (path) => decodeFileName(await nodeFs.realpath(fileSystemPath(path), { encoding: 'buffer' })),
};

export interface FoundInputs {
  /** Sorted, without duplicates; relative to cwd when under it, absolute otherwise. */
  files: string[];
  /** `path: skipped, …` for inputs that are not read. */
  warnings: string[];
}

export const IGNORE_FILE = '.figcheckignore';
/** Never walked into: dependency folders. (Dot-folders are skipped by the glob's `dot: false`.) */
const ALWAYS_IGNORED = ['**/node_modules/**'];

/** Finds the documents named by `paths` (files and directories). */
export async function findInputs(paths: string[], options: FindInputsOptions = {}): Promise<FoundInputs> {
  const fs = options.fileSystem ?? byteNameFs;
  const cwd = resolve(options.cwd ?? process.cwd());
  const warnings: string[] = [];
  const found = new Set<string>();
  // Patterns written at the cwd (--ignore and the cwd's .figcheckignore), as globs relative to the cwd.
  const cwdPatterns = [
    ...(options.ignore ?? []).flatMap((line) => ignoreLineToGlobs(line, '--ignore', warnings)),
    ...(await readIgnoreFile(cwd, fs, warnings)),
  ];

  for (const given of paths) {
    const absolute = await recoverLossyPath(resolve(cwd, given));
    let stats: Awaited<ReturnType<InputFileSystem['stat']>>;
    try {
      stats = await fs.stat(absolute);
    } catch (error) {
      throw new InputError(`${given}: ${fsErrorReason(error, 'no such file or directory')}`);
    }
    if (stats.isDirectory()) {
      const documents = await walk(absolute, given, cwd, cwdPatterns, fs, warnings);
      if (documents.length === 0) warnings.push(`${given}: no documents found (${SUPPORTED_EXTENSIONS.join(' ')}), after ignore patterns`);
      for (const file of documents) found.add(file);
    } else if (formatOf(absolute) === null) {
      warnings.push(`${given}: skipped, unsupported file type`);
    } else {
      found.add(absolute);
    }
  }

  const files = [...new Set([...found].map((file) => displayPath(file, cwd)))];
  // Code-unit order, not locale order: the same on every machine.
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // One document reached by several paths (symbolic links) is read once: under its own path when that was
  // found too, else under the first link.
  const byRealPath = new Map<string, string>();
  for (const file of files) {
    const absolute = resolve(cwd, file);
    const real = await fs.realpath(absolute).catch(() => absolute);
    if (!byRealPath.has(real) || real === absolute) byRealPath.set(real, file);
  }
  const unique = new Set(byRealPath.values());
  // The cwd's .figcheckignore is read again when the cwd itself is walked: report its lines once.
  return { files: files.filter((file) => unique.has(file)), warnings: [...new Set(warnings)] };
}

/**
 * Reads a whole stream of standard input; with `maxBytes`, stops reading past it and throws
 * DocumentTooLarge naming `name`, so an endless or huge stream is refused in bounded memory.
 */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin, limit?: { maxBytes: number; name: string }): Promise<Buffer> {
  if (!limit) return readAll(stream);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > limit.maxBytes) throw new DocumentTooLarge(limit.name, `standard input (over ${formatSize(limit.maxBytes)} so far)`, limit.maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** The supported documents under a directory, as absolute paths. */
async function walk(
  directory: string,
  given: string,
  cwd: string,
  cwdPatterns: string[],
  fs: InputFileSystem,
  warnings: string[],
): Promise<string[]> {
  try {
    // tinyglobby skips directories it cannot read without a word; the one the user named must not be.
    await fs.readdir(directory);
  } catch (error) {
    throw new InputError(`${given}: cannot read directory (${fsErrorReason(error, 'no such directory')})`);
  }
  // Loaded when a directory is walked (~12 ms of start-up): a run on named files never needs it.
  const { escapePath, glob } = await import('tinyglobby');
  const ownPatterns = await readIgnoreFile(directory, fs, warnings);
  const inside = isInside(directory, cwd);
  // Walk from the cwd when the directory is under it, so cwd-anchored patterns apply as written;
  // outside it, only the unanchored ones (`**/…`) can mean anything.
  const globCwd = inside ? cwd : directory;
  const prefix = inside && directory !== cwd ? `${escapePath(toPosix(relative(cwd, directory)))}/` : '';
  const ignore = [
    ...ALWAYS_IGNORED,
    ...(inside ? cwdPatterns : cwdPatterns.filter((pattern) => pattern.startsWith('**/'))),
    ...ownPatterns.map((pattern) => prefix + pattern),
  ];
  const files = await glob(`${prefix}**/*`, {
    cwd: globCwd,
    ignore,
    dot: false,
    onlyFiles: true,
    absolute: true,
    expandDirectories: false,
    fs: byteNameFileSystem as never,
  });
  return files.filter((file) => formatOf(file) !== null).map((file) => resolve(file));
}

/** The globs (relative to the file's directory) of a .figcheckignore; none when there is no such file. */
async function readIgnoreFile(directory: string, fs: InputFileSystem, warnings: string[]): Promise<string[]> {
  const path = join(directory, IGNORE_FILE);
  let content: string;
  try {
    content = await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new InputError(`${path}: ${fsErrorReason(error, 'no such file')}`);
  }
  return content.split(/\r?\n/).flatMap((line, index) => ignoreLineToGlobs(line, `${path}:${index + 1}`, warnings));
}

/**
 * One .gitignore-style line → globs relative to where it was written: the path itself and everything under
 * it (a pattern naming a directory ignores its contents).
 */
export function ignoreLineToGlobs(line: string, source: string, warnings: string[]): string[] {
  let pattern = line.replace(/(?<!\\)\s+$/, '');
  if (pattern === '' || pattern.startsWith('#')) return [];
  if (pattern.startsWith('!')) {
    warnings.push(`${source}: negated ignore patterns (!) are not supported, line ignored`);
    return [];
  }
  if (pattern.startsWith('\\#') || pattern.startsWith('\\!')) pattern = pattern.slice(1);
  const directoryOnly = pattern.endsWith('/');
  if (directoryOnly) pattern = pattern.replace(/\/+$/, '');
  const anchored = pattern.includes('/');
  pattern = pattern.replace(/^\/+/, '');
  if (pattern === '') return [];
  const body = anchored ? pattern : `**/${pattern}`;
  return directoryOnly ? [`${body}/**`] : [body, `${body}/**`];
}

function isInside(path: string, directory: string): boolean {
  const rel = relative(directory, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function displayPath(absolute: string, cwd: string): string {
  return isInside(absolute, cwd) ? relative(cwd, absolute) : absolute;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function fsErrorReason(error: unknown, missing: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return missing;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error instanceof Error ? error.message : String(error));
}
