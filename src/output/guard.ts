/**
 * The one guard every output passes before anything is written (`--output`, `--report-dir`,
 * `--update-baseline`, and any later writer): an output never replaces an input document of the run,
 * a symbolic link, a device, a pipe or a folder, and a path that cannot be a file is refused with a
 * message naming it, before the run reads a single document.
 *
 * Inputs are compared by identity (device and inode), so a path through a symlinked folder, a hard
 * link or `./a/../a.txt` is recognised as the input it is; real paths serve for "inside a folder".
 */
import { lstatSync, readdirSync, readSync, openSync, closeSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { t } from '../i18n.js';
import { InputError, type Locale } from '../model.js';

/** Thrown when an output is refused; an InputError, so the CLI exits 2 with the message. */
export class OutputRefused extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputRefused';
  }
}

/** The input documents of a run, by identity. */
export class InputSet {
  private readonly identities = new Map<string, { path: string; source: boolean }>();
  private readonly realPaths: string[] = [];

  /**
   * `files`: the run's documents as absolute paths ('-' for standard input is left out); `sources`: the
   * other files it reads (config, rule files), which no output may replace either.
   */
  constructor(files: Iterable<string>, sources: Iterable<string> = []) {
    const add = (file: string, source: boolean) => {
      if (file === '-') return;
      try {
        this.identities.set(identity(statSync(file, { bigint: true })), { path: file, source });
        if (!source) this.realPaths.push(realpathSync(file));
      } catch {
        // A file that vanished cannot be overwritten either; reading it reports the problem.
      }
    };
    for (const file of sources) add(file, true);
    for (const file of files) add(file, false);
  }

  /** The input (as planned) that `stats` is, if any, and whether it is a config or rule file. */
  inputAt(stats: BigIntStats): { path: string; source: boolean } | undefined {
    return this.identities.get(identity(stats));
  }

  /** An input whose real path lies inside `realFolder`, if any. */
  inputInside(realFolder: string): string | undefined {
    return this.realPaths.find((path) => isInside(path, realFolder));
  }
}

export interface GuardContext {
  inputs: InputSet;
  locale: Locale;
  /** For messages: paths are shown relative to it when inside. */
  cwd: string;
}

function identity(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}`;
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function lstatOrNull(path: string): BigIntStats | null {
  try {
    return lstatSync(path, { bigint: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** Why a non-regular file cannot be an output, or null for a regular file. */
function notRegular(stats: BigIntStats, name: string, locale: Locale): string | null {
  if (stats.isSymbolicLink())
    return t(locale, {
      en: `${name}: is a symbolic link; figcheck does not write over links (give the real path of the file)`,
      zh: `${name}：是符号链接；figcheck 不会覆盖链接（请给出文件的实际路径）`,
    });
  if (stats.isDirectory())
    return t(locale, { en: `${name}: is a folder; give a file name`, zh: `${name}：是文件夹；请给出文件名` });
  if (!stats.isFile())
    return t(locale, {
      en: `${name}: is not a regular file (a device, pipe or socket); figcheck writes only regular files`,
      zh: `${name}：不是普通文件（设备、管道或套接字）；figcheck 只写普通文件`,
    });
  return null;
}

/** The folders above `path` that are missing must be creatable: the nearest existing one is a folder. */
function checkParents(path: string, name: string, context: GuardContext): void {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    let stats;
    try {
      stats = statSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && dirname(dir) !== dir) continue;
      if (code === 'ENOTDIR') continue;
      throw new OutputRefused(`${name}: ${t(context.locale, { en: 'cannot be created', zh: '无法创建' })} (${code ?? String(error)})`);
    }
    if (stats.isDirectory()) return;
    throw new OutputRefused(
      t(context.locale, {
        en: `${name}: cannot be created: ${shown(dir, context.cwd)} is a file, not a folder`,
        zh: `${name}：无法创建：${shown(dir, context.cwd)} 是文件，不是文件夹`,
      }),
    );
  }
}

/**
 * Checks an output file before it is written; returns its absolute path. `name` is the path as the user
 * gave it (or the flag and path), shown in messages.
 */
export function checkOutputFile(target: string, name: string, context: GuardContext): string {
  const path = resolve(context.cwd, target);
  const stats = lstatOrNull(path);
  if (stats) {
    const why = notRegular(stats, name, context.locale);
    if (why) throw new OutputRefused(why);
    const input = context.inputs.inputAt(stats);
    if (input !== undefined) throw new OutputRefused(inputMessage(name, input, context));
  }
  checkParents(path, name, context);
  return path;
}

function inputMessage(name: string, input: { path: string; source: boolean }, context: GuardContext): string {
  const also = shown(input.path, context.cwd) === name ? '' : ` (${shown(input.path, context.cwd)})`;
  return input.source
    ? t(context.locale, {
        en: `${name}: is a config or rule file of this run${also}; figcheck never writes over its inputs`,
        zh: `${name}：是本次运行的配置或规则文件${also}；figcheck 从不覆盖输入文件`,
      })
    : t(context.locale, {
        en: `${name}: is an input document of this run${also}; figcheck never writes over its inputs`,
        zh: `${name}：是本次检查的输入文档${also}；figcheck 从不覆盖输入文件`,
      });
}

/** The files a report folder holds; the folder is replaced as a whole, so it holds nothing else. */
export const REPORT_FILES = ['index.html', 'report.md'] as const;
/** Written into every report folder: proof that the folder is figcheck's to replace. */
export const REPORT_MARKER = '.figcheck-report';

/** Does a report file carry figcheck's signature (the title line of report.md, the generator of index.html)? */
function isFigcheckReport(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(2048);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
    return path.endsWith('.md') ? /^# figcheck /.test(text) : text.includes('<meta name="generator" content="figcheck');
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Checks a report folder before it is replaced by a new one: it is new, empty, or holds only an earlier
 * report (and hidden files, which are carried over), none of it an input of the run, and it is neither a
 * link nor the working folder. Returns its absolute path.
 */
export function checkReportDir(target: string, name: string, context: GuardContext): string {
  // Another run may swap the folder while it is looked at (a file vanishes between listing and reading):
  // look again; what matters is the folder as it is now.
  for (let attempt = 0; ; attempt++) {
    try {
      return checkReportDirOnce(target, name, context);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 10) throw error;
    }
  }
}

function checkReportDirOnce(target: string, name: string, context: GuardContext): string {
  const path = resolve(context.cwd, target);
  const { locale } = context;
  const stats = lstatOrNull(path);
  if (!stats) {
    checkParents(path, name, context);
    return path;
  }
  if (stats.isSymbolicLink())
    throw new OutputRefused(
      t(locale, {
        en: `${name}: is a symbolic link; give the real path of the report folder`,
        zh: `${name}：是符号链接；请给出报告文件夹的实际路径`,
      }),
    );
  if (!stats.isDirectory())
    throw new OutputRefused(t(locale, { en: `${name}: is a file, not a folder`, zh: `${name}：是文件，不是文件夹` }));
  const real = realpathSync(path);
  if (isInside(realpathSync(context.cwd), real))
    throw new OutputRefused(
      t(locale, {
        en: `${name}: is the working folder or holds it; give a folder of its own for the report (e.g. reports)`,
        zh: `${name}：是当前工作文件夹或包含它；请为报告指定单独的文件夹（如 reports）`,
      }),
    );
  const input = context.inputs.inputInside(real);
  if (input !== undefined)
    throw new OutputRefused(
      t(locale, {
        en: `${name}: holds an input document of this run (${shown(input, context.cwd)}); the report folder is replaced as a whole, so give a folder of its own (e.g. reports)`,
        zh: `${name}：包含本次检查的输入文档（${shown(input, context.cwd)}）；报告文件夹会被整体替换，请指定单独的文件夹（如 reports）`,
      }),
    );
  const owned = lstatOrNull(join(path, REPORT_MARKER)) !== null;
  const others: string[] = [];
  for (const entry of readdirSync(path)) {
    if (entry.startsWith('.')) continue;
    if (!(REPORT_FILES as readonly string[]).includes(entry)) {
      others.push(entry);
      continue;
    }
    const file = join(path, entry);
    const why = notRegular(lstatSync(file, { bigint: true }), join(name, entry), locale);
    if (why) throw new OutputRefused(why);
    if (!owned && !isFigcheckReport(file))
      throw new OutputRefused(
        t(locale, {
          en: `${join(name, entry)}: is not a figcheck report; refusing to replace it (give a new or empty folder)`,
          zh: `${join(name, entry)}：不是 figcheck 报告，不会替换它（请指定新的或空的文件夹）`,
        }),
      );
  }
  if (others.length) {
    const list = others.sort().slice(0, 3).join(', ') + (others.length > 3 ? ', …' : '');
    throw new OutputRefused(
      t(locale, {
        en: `${name}: the folder holds other files (${list}); the report folder is replaced as a whole, so it must be new, empty or hold an earlier figcheck report`,
        zh: `${name}：该文件夹中有其他文件（${list}）；报告文件夹会被整体替换，必须是新的、空的或只含以前的 figcheck 报告`,
      }),
    );
  }
  return path;
}

/** Two outputs of one run must not be one file, nor one inside the report folder. */
export function checkDistinctOutputs(
  outputs: { name: string; path: string; folder?: boolean }[],
  locale: Locale,
): void {
  for (const [i, a] of outputs.entries()) {
    for (const b of outputs.slice(i + 1)) {
      const clash = a.path === b.path || (a.folder && isInside(b.path, a.path)) || (b.folder && isInside(a.path, b.path));
      if (clash)
        throw new OutputRefused(
          t(locale, {
            en: `${a.name} and ${b.name}: two outputs of one run at the same place`,
            zh: `${a.name} 与 ${b.name}：同一次运行的两个输出位于同一位置`,
          }),
        );
    }
  }
}


/**
 * Checks the folder of annotated copies (`--annotate DIR`) before the run reads a document: a folder or a
 * path where one can be made, not a link, a file or an input. Each copy is checked again as a file when it
 * is written (checkOutputFile), so no copy ever replaces an input.
 */
export function checkAnnotateDir(target: string, context: GuardContext): string {
  const path = resolve(context.cwd, target);
  const name = `--annotate ${target}`;
  const stats = lstatOrNull(path);
  if (!stats) {
    checkParents(join(path, 'x'), name, context);
    return path;
  }
  if (stats.isSymbolicLink())
    throw new OutputRefused(t(context.locale, { en: `${name}: is a symbolic link; give the real path of the folder`, zh: `${name}：是符号链接；请给出文件夹的实际路径` }));
  if (!stats.isDirectory())
    throw new OutputRefused(t(context.locale, { en: `${name}: is a file, not a folder`, zh: `${name}：是文件，不是文件夹` }));
  return path;
}
