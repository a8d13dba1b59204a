/**
 * The library's pipeline: read → normalize → segment → extract → checks. The CLI is a thin layer
 * over `readDocument`, `extract` and `check`.
 */
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { runChecks } from './checks/engine.js';
import { findConfig, loadConfig, type Config } from './config.js';
import { buildDocument } from './document.js';
import { detectLocale } from './i18n.js';
import { InputError, type CheckRun, type Document, type DocumentStatus, type Figure, type Locale, type Severity } from './model.js';
import { openOutcome, readDocuments, type ReadOptions } from './parallel/index.js';
import { decodeBuffer, decodeFile, SkipFile } from './read/decode.js';
import { findInputs } from './read/inputs.js';
import { loadRuleSet } from './rules/load.js';
import type { RuleSet } from './rules/types.js';

export interface DocumentMeta {
  id?: string;
  period?: string;
  status?: DocumentStatus;
  /** For a Buffer: the file name that decides the format (e.g. `draft.docx`). */
  path?: string;
}

/** Reads one document from a path or from bytes, decoded, normalized and segmented. */
export async function readDocument(source: string | Uint8Array, options: DocumentMeta & { rules?: RuleSet } = {}): Promise<Document> {
  const decoded =
    typeof source === 'string' ? await decodeFile(source) : await decodeBuffer(source, options.path ?? 'stdin.txt');
  return buildDocument(decoded, { id: options.id, period: options.period, status: options.status }, options.rules);
}

export interface CheckOptions extends ReadOptions {
  /** figcheck.yaml; found in cwd or its parents when omitted; `false` to ignore any config. */
  config?: string | false;
  /** Extra rule files (after the config's). */
  rules?: string[];
  /** Extra ignore globs (added to the config's). */
  ignore?: string[];
  locale?: Locale;
  cwd?: string;
  /** File name for `-` (stdin), deciding its format. */
  stdinFilename?: string;
  /** Called once the documents of the run are known, before the first is read (progress bars). */
  onStart?: (total: number) => void;
  /** Called after each document is read (progress bars). */
  onDocument?: (path: string, index: number, total: number) => void;
}

interface PlannedDocument {
  /** Absolute path, or '-' for stdin. */
  file: string;
  id?: string;
  period?: string;
  status?: DocumentStatus;
}

/** The documents a run reads: the given paths, or the config's documents when none are given. */
async function planDocuments(paths: string[], config: Config | null, cwd: string, options: CheckOptions) {
  const warnings: string[] = [];
  const planned: PlannedDocument[] = [];
  const ignore = [...(config?.ignore ?? []), ...(options.ignore ?? [])];
  const configured = new Map<string, Config['documents'][number]>();
  if (config) {
    for (const entry of config.documents) {
      const matches = await glob(entry.path, { cwd: config.dir, absolute: true, onlyFiles: true, ignore });
      if (!matches.length) throw new InputError(`${config.path}: document "${entry.id}": no file matches ${entry.path}`);
      for (const file of matches.sort()) configured.set(resolve(file), entry);
    }
  }
  if (paths.length) {
    const fileArgs = paths.filter((p) => p !== '-');
    if (fileArgs.length) {
      const found = await findInputs(fileArgs, { ignore, cwd });
      warnings.push(...found.warnings);
      for (const file of found.files) {
        const absolute = resolve(cwd, file);
        const entry = configured.get(absolute);
        planned.push({ file: absolute, id: entry?.id, period: entry?.period, status: entry?.status });
      }
    }
    if (paths.includes('-')) planned.push({ file: '-' });
  } else if (config) {
    for (const [file, entry] of configured) planned.push({ file, id: entry.id, period: entry.period, status: entry.status });
  } else {
    throw new InputError('no input: give files or directories to check, or a figcheck.yaml listing documents');
  }
  return { planned, warnings };
}

/** Short, unique document ids for documents the config does not name: the file name without extension. */
function assignIds(planned: PlannedDocument[], stdinFilename: string): void {
  const taken = new Set(planned.flatMap((p) => (p.id ? [p.id] : [])));
  for (const doc of planned) {
    if (doc.id) continue;
    const name = doc.file === '-' ? stdinFilename : doc.file;
    const stem = basename(name, extname(name));
    let id = stem;
    for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
    taken.add(id);
    doc.id = id;
  }
}

interface RunSetup {
  warnings: string[];
  rules: RuleSet;
  config: Config | null;
  locale: Locale;
}

/**
 * Reads the documents of a run one at a time and hands each, with its figures (damaged ones marked
 * unreliable), to `visit`; nothing is kept here, so a caller that does not keep documents runs in
 * the memory of one document.
 */
export async function eachDocument(
  paths: string[],
  options: CheckOptions,
  visit: (document: Document, figures: Figure[]) => void | Promise<void>,
): Promise<RunSetup> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const configPath =
    options.config === false ? null : options.config ? resolve(cwd, options.config) : findConfig(cwd);
  const config = configPath ? loadConfig(configPath) : null;
  const rules = loadRuleSet([...(config?.rules ?? []), ...(options.rules ?? []).map((r) => resolve(cwd, r))]);
  const locale = options.locale ?? detectLocale();
  const stdinFilename = options.stdinFilename ?? 'stdin.txt';

  const { planned, warnings } = await planDocuments(paths, config, cwd, options);
  assignIds(planned, stdinFilename);
  options.onStart?.(planned.length);

  // Reading, decoding and extracting happen in src/parallel/ (read-ahead, cache, worker pool); documents arrive in plan order.
  const tasks = planned.map((plan) => ({ ...plan, id: plan.id!, shown: plan.file === '-' ? stdinFilename : displayPath(plan.file, cwd) }));
  for await (const { task, index, outcome } of readDocuments(tasks, { ...options, cwd, rules, warn: (warning: string) => warnings.push(warning) })) {
    const shown = task.shown;
    try {
      const { document: doc, figures } = openOutcome(outcome);
      await visit(doc, figures);
    } catch (error) {
      if (error instanceof SkipFile) warnings.push(error.message);
      else throw error;
    }
    options.onDocument?.(shown, index, planned.length);
  }
  return { warnings, rules, config, locale };
}

interface Collected extends RunSetup {
  documents: Document[];
  figures: Figure[];
}

async function collect(paths: string[], options: CheckOptions): Promise<Collected> {
  const documents: Document[] = [];
  const figures: Figure[] = [];
  const setup = await eachDocument(paths, options, (doc, found) => {
    documents.push(doc);
    for (const figure of found) figures.push(figure);
  });
  return { documents, figures, ...setup };
}

/** Reads, extracts and cross-checks documents: everything a formatter or report needs. */
export async function check(paths: string[] = [], options: CheckOptions = {}): Promise<CheckRun> {
  const { documents, figures, warnings, rules, config, locale } = await collect(paths, options);
  const outcome = runChecks(documents, figures, rules, { locale, severity: config?.severity });
  return { ...outcome, documents, figures, warnings: [...warnings, ...outcome.warnings] };
}

/** Figures of the given paths, without cross-checking (the `figures` command). */
export async function extract(paths: string[] = [], options: CheckOptions = {}): Promise<{ documents: Document[]; figures: Figure[]; warnings: string[]; rules: RuleSet }> {
  const { documents, figures, warnings, rules } = await collect(paths, options);
  return { documents, figures, warnings, rules };
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

export type { Severity };
