/**
 * The library's pipeline: read → normalize → segment → extract → checks. The CLI is a thin layer
 * over `readDocument`, `extract` and `check`.
 */
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import { runChecks } from './checks/engine.js';
import { finishFindings } from './suppress/index.js';
import { dropClauses } from './segment/index.js';
import { packDocumentSegments } from './segment/packed.js';
import { CONFIG_NAMES, expandDocumentGroups, findConfig, idsOfMatches, loadConfig, similarConfigNames, type Config } from './config.js';
import { buildDocument } from './document.js';
import { detectLocale } from './i18n.js';
import { InputError, type CheckRun, type Document, type DocumentStatus, type Figure, type InputFailure, type Locale, type Severity } from './model.js';
import { openOutcome, readDocuments, type ReadOptions } from './parallel/index.js';
import { decodeBuffer, decodeFile, type ReadLimits } from './read/decode.js';
import { byteNameFileSystem, displayFileName } from './read/file-names.js';
import { findInputs } from './read/inputs.js';
import { DEFAULT_MAX_DOCUMENT_SIZE, inputFailureOf } from './read/unreadable.js';
import { outputExclusion } from './output/exclude.js';
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
export async function readDocument(source: string | Uint8Array, options: DocumentMeta & ReadLimits & { rules?: RuleSet } = {}): Promise<Document> {
  const decoded =
    typeof source === 'string' ? await decodeFile(source, options) : await decodeBuffer(source, options.path ?? 'stdin.txt', undefined, options);
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
  /**
   * Files and folders never read from a walked folder or a config glob (the run's own outputs: report
   * folder, baseline); files named explicitly are still read.
   */
  exclude?: string[];
  /**
   * Called with the run's documents (absolute paths, '-' for stdin) and the other files it reads (config,
   * rule files) before the first document is read: outputs are checked against them here.
   */
  onPlan?: (files: string[], sources: string[]) => void;
  /** Most bytes of decoded content per document (default: the config's maxDocumentSize, else 16 MB). */
  maxDocumentSize?: number;
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
  const configured = new Map<string, Config['documents'][number] & { walked: boolean }>();
  const groups = new Map<string, string[]>();
  const excluded = outputExclusion(options.exclude ?? [], paths, cwd);
  if (config) {
    // Loaded only for a config's globs (~12 ms of start-up): a run on named files never needs it.
    const { glob, isDynamicPattern } = await import('tinyglobby');
    for (const entry of config.documents) {
      const matches = (await glob(entry.path, { cwd: config.dir, absolute: true, onlyFiles: true, ignore, fs: byteNameFileSystem as never })).sort();
      if (!matches.length) throw new InputError(`${config.path}: document "${entry.id}": no file matches ${entry.path}`);
      const ids = idsOfMatches(entry.id, matches);
      if (matches.length > 1) groups.set(entry.id, ids);
      const walked = isDynamicPattern(entry.path);
      matches.forEach((file, i) => configured.set(resolve(file), { ...entry, id: ids[i]!, walked }));
    }
  }
  if (paths.length) {
    const fileArgs = paths.filter((p) => p !== '-');
    if (fileArgs.length) {
      const found = await findInputs(fileArgs, { ignore, cwd });
      warnings.push(...found.warnings);
      const named = new Set(fileArgs.map((p) => resolve(cwd, p)));
      for (const file of found.files) {
        const absolute = resolve(cwd, file);
        // Outputs of the run (the report folder, the baseline) are never read back from a walked folder.
        if (!named.has(absolute) && excluded(absolute)) continue;
        const entry = configured.get(absolute);
        planned.push({ file: absolute, id: entry?.id, period: entry?.period, status: entry?.status });
      }
    }
    if (paths.includes('-')) planned.push({ file: '-' });
  } else if (config) {
    for (const [file, entry] of configured) {
      if (entry.walked && excluded(file)) continue;
      planned.push({ file, id: entry.id, period: entry.period, status: entry.status });
    }
  } else {
    const similar = similarConfigNames(cwd);
    const hint = similar.length ? ` (found ${similar.join(', ')}: the config is read from ${CONFIG_NAMES.join(', ')})` : '';
    throw new InputError(`no input: give files or directories to check, or a figcheck.yaml listing documents${hint}`);
  }
  options.onPlan?.(
    planned.map((p) => p.file),
    [...(config ? [config.path, ...config.rules] : []), ...(options.rules ?? []).map((r) => resolve(cwd, r))],
  );
  return { planned, warnings, groups };
}

/** Short, unique document ids for documents the config does not name: the file name without extension. */
function assignIds(planned: PlannedDocument[], stdinFilename: string): void {
  const taken = new Set(planned.flatMap((p) => (p.id ? [p.id] : [])));
  for (const doc of planned) {
    if (doc.id) continue;
    const name = doc.file === '-' ? stdinFilename : displayFileName(doc.file);
    const stem = basename(name, extname(name));
    let id = stem;
    for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
    taken.add(id);
    doc.id = id;
  }
}

interface RunSetup {
  warnings: string[];
  /** Documents that could not be read (also among the warnings): the `input-error` check reports them. */
  inputFailures: InputFailure[];
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
  const loaded = loadRuleSet([...(config?.rules ?? []), ...(options.rules ?? []).map((r) => resolve(cwd, r))]);
  const locale = options.locale ?? detectLocale();
  const stdinFilename = options.stdinFilename ?? 'stdin.txt';

  const { planned, warnings, groups } = await planDocuments(paths, config, cwd, options);
  const rules = expandDocumentGroups(loaded, groups);
  assignIds(planned, stdinFilename);
  options.onStart?.(planned.length);
  const limits: ReadLimits = { maxDocumentSize: options.maxDocumentSize ?? config?.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE };
  const inputFailures: InputFailure[] = [];

  // Reading, decoding, extracting and interpreting happen in src/parallel/ (read-ahead, cache, worker
  // pool), one function per document; documents arrive here in plan order, as outcomes.
  const tasks = planned.map((plan) => ({
    ...plan,
    id: plan.id!,
    shown: plan.file === '-' ? stdinFilename : displayFileName(displayPath(plan.file, cwd)),
    maxDocumentSize: limits.maxDocumentSize,
  }));
  for await (const { task, index, outcome } of readDocuments(tasks, { ...options, cwd, rules, warn: (warning: string) => warnings.push(warning) })) {
    const shown = task.shown;
    let read: { document: Document; figures: Figure[] } | undefined;
    try {
      read = openOutcome(outcome);
    } catch (error) {
      // One bad document never stops the run: it is named in a warning and an input-error finding.
      const failure = inputFailureOf(error, shown);
      if (failure) inputFailures.push(failure);
      warnings.push(failure ? `${failure.path}: ${failure.reason}` : (error as Error).message);
    }
    // Outside the try: an error from the caller (a closed stdout) stops the run rather than naming a document.
    if (read) await visit(read.document, read.figures);
    options.onDocument?.(shown, index, planned.length);
  }
  return { warnings, inputFailures, rules, config, locale };
}

interface Collected extends RunSetup {
  documents: Document[];
  figures: Figure[];
}

async function collect(paths: string[], options: CheckOptions): Promise<Collected> {
  const documents: Document[] = [];
  const figures: Figure[] = [];
  const setup = await eachDocument(paths, options, (doc, found) => {
    // Held until the run ends: the segment tree keeps sections and sentences, not the extractor's clauses, packed.
    dropClauses(doc.segments);
    packDocumentSegments(doc);
    documents.push(doc);
    for (const figure of found) figures.push(figure);
  });
  return { documents, figures, ...setup };
}

/** Reads, extracts and cross-checks documents: everything a formatter or report needs. */
export async function check(paths: string[] = [], options: CheckOptions = {}): Promise<CheckRun> {
  const { documents, figures, warnings, inputFailures, rules, config, locale } = await collect(paths, options);
  const { compared, ...outcome } = runChecks(documents, figures, rules, { locale, severity: config?.severity, inputFailures });
  // Coverage, suppression comments and unused-suppression findings, before any output sees the findings.
  const finished = finishFindings(documents, figures, outcome.findings, compared, { locale, severity: config?.severity });
  return { ...outcome, ...finished, documents, figures, compared, warnings: [...warnings, ...outcome.warnings] };
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
