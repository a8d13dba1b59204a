/**
 * What the language server does with an open document: the pipeline's per-document work (read →
 * normalize → segment → extract → meaning, src/parallel/document-task.ts) on the editor's text, then the
 * checker engine over it and the kept reference documents. Only the open document is read again on an
 * edit; the references' figures come from the ReferenceSet.
 */
import { basename, extname, isAbsolute, relative } from 'node:path';
import { runChecks } from '../checks/engine.js';
import type { Finding, Format, Locale, Severity } from '../model.js';
import { openOutcome, runDocumentTask, type DocumentTask } from '../parallel/document-task.js';
import { SkipFile } from '../read/skip-file.js';
import { finishFindings, NOTHING_COMPARED } from '../suppress/index.js';
import type { RuleSet } from '../rules/types.js';
import type { Extracted, ReferenceSet } from './references.js';

/** The extension that gives a document of this format its reader (the shown path decides it, as on disk). */
const EXTENSION: Record<Extract<Format, 'txt' | 'md' | 'html'>, string> = { txt: '.txt', md: '.md', html: '.html' };

/** Where an open document sits among the others: its task (id, period, status, shown path) and its references. */
export interface Placement {
  task: DocumentTask;
  /** The folder shown paths are relative to (the config's, else the workspace's). */
  base: string;
  references: Extracted[];
}

/**
 * The open document's place: a document the config lists keeps the config's id, period and status (and
 * its kept copy is left out of the references: the editor's text replaces it); any other gets an id
 * from its file name, unique among the listed ones.
 */
export function placement(file: string, format: Extract<Format, 'txt' | 'md' | 'html'>, set: ReferenceSet | null, workspace: string): Placement {
  const base = set?.config.dir ?? workspace;
  const listed = set?.documents.get(file);
  let shown = listed?.task.shown ?? displayPath(file, base);
  // A document the editor names by language only (an untitled buffer, an unusual extension) is read as that language.
  if (!listed && extname(shown).toLowerCase() !== EXTENSION[format]) shown += EXTENSION[format];
  const references = set ? [...set.documents].filter(([path]) => path !== file).map(([, reference]) => reference.extracted) : [];
  if (listed) return { task: { ...listed.task }, base, references };
  const taken = new Set(references.map((reference) => reference.document.id));
  const stem = basename(file, extname(file)) || 'untitled';
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  return { task: { file, shown, id, maxDocumentSize: set?.config.maxDocumentSize }, base, references };
}

/** Reads the editor's text as the pipeline reads a file; null for a document with nothing to read (empty). */
export async function extractText(text: string, task: DocumentTask, rules: RuleSet): Promise<Extracted | null> {
  // Through bytes, so that the one per-document function runs exactly as for a file on disk (HTML charset
  // declarations aside, UTF-8 text decodes to the same string: the offsets the editor knows hold).
  const outcome = await runDocumentTask(task, Buffer.from(text, 'utf8'), rules);
  try {
    return openOutcome(outcome);
  } catch (error) {
    if (error instanceof SkipFile) return null;
    throw error;
  }
}

export interface CheckOptions {
  locale: Locale;
  severity?: Record<string, Severity | 'off'>;
  /** The references are still being read: no `nothing-compared` yet (it would be said too early). */
  partial?: boolean;
}

/**
 * The findings that involve the open document: the checks over it and the references together,
 * keeping those with a location in it (a cross-document finding shows in the draft with its other side).
 * Cost: the checks over every figure of the set, each time (tens of ms for ten reports: bench/lsp.ts).
 */
export function findingsOf(draft: Extracted, references: Extracted[], rules: RuleSet, options: CheckOptions): Finding[] {
  const documents = [...references.map((reference) => reference.document), draft.document];
  const figures = [];
  for (const reference of references) for (const figure of reference.figures) figures.push(figure);
  for (const figure of draft.figures) figures.push(figure);
  const checked = runChecks(documents, figures, rules, { locale: options.locale, severity: options.severity });
  // Suppression comments, unused-suppression and nothing-compared, as `check` applies them before any output.
  const { findings } = finishFindings(documents, figures, checked.findings, checked.compared, { locale: options.locale, severity: options.severity });
  const path = draft.document.path;
  return findings.filter((finding) => finding.locations.some((location) => location.path === path) && !(options.partial && finding.rule === NOTHING_COMPARED));
}

function displayPath(file: string, base: string): string {
  const rel = relative(base, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
