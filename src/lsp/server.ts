/**
 * `figcheck lsp`: a language server over stdio, a thin program over the library (as ESLint's and Vale's
 * servers are; the core knows nothing of editors). For each open .md/.txt/.html document it publishes
 * diagnostics as the text changes (debounced): the document's own checks at once, and the cross-document
 * checks against the documents of the nearest figcheck.yaml, which are read once and kept (references.ts,
 * sets.ts) and read again when the config, a rule file or a listed document changes on disk. Hover on a figure
 * shows what figcheck understood of it; a code action writes a suppression comment above a finding.
 *
 * Nothing here writes to stdout but the protocol: messages to the user go through the connection.
 */
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { detectLocale } from '../i18n.js';
import { InputError, type Figure, type Format, type Locale } from '../model.js';
import { formatOf } from '../read/formats.js';
import { coreRules } from '../rules/load.js';
import { extractText, findingsOf, placement, type Placement } from './analysis.js';
import { diagnosticOf, SOURCE } from './convert.js';
import { figureAt, hoverOf } from './hover.js';
import type { Extracted, ReferenceSet } from './references.js';
import { ReferenceSets } from './sets.js';
import { suppressionActions } from './suppress.js';

type TextFormat = Extract<Format, 'txt' | 'md' | 'html'>;

/** Editors' language ids for the formats the server checks (a buffer without a known extension). */
const FORMAT_OF_LANGUAGE: Record<string, TextFormat> = { markdown: 'md', plaintext: 'txt', text: 'txt', html: 'html' };

/** Default wait after the last keystroke before a document is checked again (initializationOptions.debounce). */
export const DEFAULT_DEBOUNCE_MS = 200;

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

/** The last complete check of an open document (for hover). */
interface Checked {
  version: number;
  figures: readonly Figure[];
}

export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const checked = new Map<string, Checked>();
  const timers = new Map<string, NodeJS.Timeout>();
  let locale: Locale = detectLocale();
  let workspace = process.cwd();
  let debounce = DEFAULT_DEBOUNCE_MS;
  /** The client tells us about files changed on disk; otherwise the server watches folders itself. */
  let clientWatches = false;

  const sets = new ReferenceSets(
    {
      error: (message) => void connection.window.showErrorMessage(`figcheck: ${message}`),
      warning: (message) => void connection.window.showWarningMessage(`figcheck: ${message}`),
      changed: () => documents.all().forEach((document) => schedule(document.uri, 0)),
      log: (message) => connection.console.error(`figcheck: ${message}`),
    },
    { locale: () => locale, serverWatches: () => !clientWatches },
  );

  connection.onInitialize((params: InitializeParams) => {
    const options = (params.initializationOptions ?? {}) as { debounce?: unknown; locale?: unknown };
    if (typeof options.debounce === 'number' && options.debounce >= 0) debounce = options.debounce;
    const wanted = typeof options.locale === 'string' ? options.locale : (params.locale ?? undefined);
    locale = detectLocale(wanted);
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) workspace = fileURLToPath(folder);
    else if (params.rootPath) workspace = params.rootPath;
    clientWatches = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'figcheck' },
    };
  });

  connection.onInitialized(() => {
    if (!clientWatches) return;
    // Configs anywhere, and every file a config may list or name as rules: the server sorts out which matter.
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{yaml,yml,txt,text,md,markdown,html,htm,docx}' }],
    });
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      if (change.uri.startsWith('file:')) sets.diskChanged(fileURLToPath(change.uri), change.type);
    }
  });

  /** The version each document was opened with: TextDocuments reports an open as a change too. */
  const openedAt = new Map<string, number>();
  documents.onDidOpen(({ document }) => {
    openedAt.set(document.uri, document.version);
    schedule(document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (openedAt.get(document.uri) !== document.version) schedule(document.uri, debounce);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    checked.delete(document.uri);
    openedAt.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const last = checked.get(textDocument.uri);
    // Figures of an older version would point at the wrong text: no hover until the edit is checked.
    if (!document || !last || last.version !== document.version) return null;
    const figure = figureAt(last.figures, position);
    return figure ? hoverOf(figure, locale) : null;
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    const format = document && formatOfDocument(document);
    return document && format ? suppressionActions(document, format, context.diagnostics, locale) : [];
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    sets.close();
  });

  function formatOfDocument(document: TextDocument): TextFormat | null {
    const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : document.uri;
    const byExtension = extname(path) ? formatOf(path) : null;
    // Word and PDF files are binary: an editor does not hold them as text.
    if (byExtension === 'docx' || byExtension === 'pdf') return null;
    return byExtension ?? FORMAT_OF_LANGUAGE[document.languageId] ?? null;
  }

  /** The file a document stands for: its path, or (untitled buffers) a name in the workspace. */
  function fileOf(uri: string): string {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    const name = basename(decodeURIComponent(uri.replace(/^[a-z][\w+.-]*:/i, ''))) || 'untitled';
    return resolve(workspace, name);
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        check(uri).catch((error: unknown) => connection.console.error(`figcheck: ${(error as Error)?.stack ?? String(error)}`));
      }, delay),
    );
  }

  async function check(uri: string): Promise<void> {
    const document = documents.get(uri);
    const format = document && formatOfDocument(document);
    if (!document || !format) return;
    const version = document.version;
    const stale = () => documents.get(uri)?.version !== version;
    const started = performance.now();
    const file = fileOf(uri);
    const entry = sets.for(file);
    const text = document.getText();
    let place = placement(file, format, entry?.loaded ? entry.set : null, workspace);
    const tenths = (ms: number) => Math.round(ms * 10) / 10;
    let extractStart = performance.now();
    try {
      let extracted = await extractText(text, place.task, entry?.set.rules ?? coreRules());
      let extractTime = performance.now() - extractStart;
      if (stale()) return;
      if (extracted && entry && !entry.loaded) {
        // The document's own checks at once, while the references are read; then the full check.
        publish(uri, version, place, extracted, [], entry.set, true);
        await entry.ready;
        if (stale() || !sets.current(entry)) return;
        const full = placement(file, format, entry.set, workspace);
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
        checked.set(uri, { version, figures: [] });
        void connection.sendDiagnostics({ uri, version, diagnostics: [] });
        return;
      }
      const checksStart = performance.now();
      const count = publish(uri, version, place, extracted, place.references, entry?.set);
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
      // A document figcheck cannot read (over the size limit …): said where the editor looks.
      const diagnostic: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        code: 'input-error',
        source: SOURCE,
        message: error.message,
      };
      void connection.sendDiagnostics({ uri, version, diagnostics: [diagnostic] });
    }
  }

  /** Checks and publishes; returns the number of diagnostics. */
  function publish(uri: string, version: number, place: Placement, draft: Extracted, references: Extracted[], set?: ReferenceSet, partial = false): number {
    const rules = set?.rules ?? coreRules();
    const findings = findingsOf(draft, references, rules, { locale, severity: set?.config.severity, partial });
    const diagnostics = findings.flatMap((finding) => diagnosticOf(finding, draft.document.path, uri, place.base) ?? []);
    checked.set(uri, { version, figures: draft.figures });
    void connection.sendDiagnostics({ uri, version, diagnostics });
    return diagnostics.length;
  }

  documents.listen(connection);
  connection.listen();
  return connection;
}

function sameTask(a: Placement, b: Placement): boolean {
  return a.task.id === b.task.id && a.task.shown === b.task.shown && a.task.period === b.task.period && a.task.status === b.task.status;
}

