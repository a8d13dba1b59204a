/**
 * The check of one open document, as the language server runs it after an open or an edit: extract, check
 * (its own checks at once while its reference set is read, then the full check), publish the diagnostics.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { InputError } from '../model.js';
import { coreRules } from '../rules/load.js';
import { extractText, findingsOf, placement, type Placement } from './analysis.js';
import { diagnosticOf, SOURCE } from './convert.js';
import type { Extracted, ReferenceSet } from './references.js';
import { fileOf, formatOfDocument, type ServerState } from './state.js';

/** Sent after each complete check of a document (for status bars, and for tests and the bench to know it is done). */
export const CHECKED_NOTIFICATION = 'figcheck/checked';
export interface CheckedParams {
  uri: string;
  version: number;
  /** Documents the open one was checked with (itself included). */
  documents: number;
  figures: number;
  diagnostics: number;
  /** Time of the check in the server, from the start (after an open: with reading the reference set). */
  milliseconds: number;
  /** Of which the open document's read → normalize → extract → meaning, last done … */
  extract: number;
  /** … and the checks with the conversion to diagnostics. */
  checks: number;
}

/** Checks the open document at `uri` (if it is still open and of a format figcheck reads) and publishes. */
export async function checkDocument(state: ServerState, uri: string): Promise<void> {
  const { documents, connection } = state;
  const document = documents.get(uri);
  const format = document && formatOfDocument(document);
  if (!document || !format) return;
  const version = document.version;
  const stale = () => documents.get(uri)?.version !== version;
  const started = performance.now();
  const file = fileOf(uri, state.workspace);
  const entry = state.sets.for(file);
  const text = document.getText();
  let place = placement(file, format, entry?.loaded ? entry.set : null, state.workspace);
  let extractStart = performance.now();
  try {
    let extracted = await extractText(text, place.task, entry?.set.rules ?? coreRules());
    let extractTime = performance.now() - extractStart;
    if (stale()) return;
    if (extracted && entry && !entry.loaded) {
      // The document's own checks at once, while the references are read; then the full check.
      publish(state, uri, version, place, extracted, [], entry.set, true);
      await entry.ready;
      if (stale() || !state.sets.current(entry)) return;
      const full = placement(file, format, entry.set, state.workspace);
      if (!sameTask(full, place)) {
        extractStart = performance.now();
        extracted = await extractText(text, full.task, entry.set.rules);
        extractTime = performance.now() - extractStart;
      }
      if (stale()) return;
      place = full;
    }
    if (!extracted) {
      // Nothing to read (an empty document): nothing to say.
      state.checked.set(uri, { version, figures: [] });
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const checksStart = performance.now();
    const count = publish(state, uri, version, place, extracted, place.references, entry?.set);
    const end = performance.now();
    void connection.sendNotification(CHECKED_NOTIFICATION, {
      uri,
      version,
      documents: place.references.length + 1,
      figures: extracted.figures.length,
      diagnostics: count,
      milliseconds: tenths(end - started),
      extract: tenths(extractTime),
      checks: tenths(end - checksStart),
    } satisfies CheckedParams);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    void connection.sendDiagnostics({ uri, version, diagnostics: [inputErrorDiagnostic(error)] });
  }
}

/** Milliseconds to a tenth, as CheckedParams reports them. */
function tenths(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** A document figcheck cannot read (over the size limit …): said where the editor looks. */
function inputErrorDiagnostic(error: InputError): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: 'input-error',
    source: SOURCE,
    message: error.message,
  };
}

/** Checks and publishes; returns the number of diagnostics. */
function publish(
  state: ServerState,
  uri: string,
  version: number,
  place: Placement,
  draft: Extracted,
  references: Extracted[],
  set?: ReferenceSet,
  partial = false,
): number {
  const rules = set?.rules ?? coreRules();
  const findings = findingsOf(draft, references, rules, { locale: state.locale, severity: set?.config.severity, partial });
  const diagnostics = findings.flatMap((finding) => diagnosticOf(finding, draft.document.path, uri, place.base) ?? []);
  state.checked.set(uri, { version, figures: draft.figures });
  void state.connection.sendDiagnostics({ uri, version, diagnostics });
  return diagnostics.length;
}

/** Whether two placements read the document as the same task (else it is extracted again). */
function sameTask(a: Placement, b: Placement): boolean {
  return a.task.id === b.task.id && a.task.shown === b.task.shown && a.task.period === b.task.period && a.task.status === b.task.status;
}
