/**
 * `figcheck lsp`: a language server over stdio, a thin program over the library (as ESLint's and Vale's
 * servers are; the core knows nothing of editors). For each open .md/.txt/.html document it publishes
 * diagnostics as the text changes (debounced): the document's own checks at once, and the cross-document
 * checks against the documents of the nearest figcheck.yaml, which are read once and kept (references.ts)
 * and read again when the config, a rule file or a listed document changes on disk. Hover on a figure
 * shows what figcheck understood of it; a code action writes a suppression comment above a finding.
 *
 * Nothing here writes to stdout but the protocol: messages to the user go through the connection.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_NAMES, findConfig } from '../config.js';
import { detectLocale, t } from '../i18n.js';
import { InputError, type Figure, type Format, type Locale } from '../model.js';
import { formatOf } from '../read/formats.js';
import { coreRules } from '../rules/load.js';
import { extractText, findingsOf, placement, type Placement } from './analysis.js';
import { diagnosticOf, SOURCE } from './convert.js';
import { figureAt, hoverOf } from './hover.js';
import { ReferenceSet, type Extracted } from './references.js';
import { suppressionEdit } from './suppress.js';

type TextFormat = Exclude<Format, 'docx'>;

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

/** A config's reference set as the server holds it. */
interface SetEntry {
  set: ReferenceSet;
  ready: Promise<void>;
  loaded: boolean;
  watchers: FSWatcher[];
}

/** The last complete check of an open document (for hover). */
interface Checked {
  version: number;
  figures: readonly Figure[];
}

export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const sets = new Map<string, SetEntry>();
  /** Configs that failed to load, with why: not tried again until one changes on disk. */
  const failed = new Map<string, { message: string; watchers: FSWatcher[] }>();
  const checked = new Map<string, Checked>();
  const timers = new Map<string, NodeJS.Timeout>();
  const pendingDisk = new Map<string, FileChangeType>();
  let diskTimer: NodeJS.Timeout | undefined;
  let locale: Locale = detectLocale();
  let workspace = process.cwd();
  let debounce = DEFAULT_DEBOUNCE_MS;
  /** The client tells us about files changed on disk; otherwise the server watches folders itself. */
  let clientWatches = false;

  const say = (text: { en: string; zh: string }) => t(locale, text);

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
      if (change.uri.startsWith('file:')) diskChanged(fileURLToPath(change.uri), change.type);
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
    if (!document || !format) return [];
    const actions: CodeAction[] = [];
    const done = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
      const rule = diagnostic.code;
      const line = diagnostic.range.start.line;
      if (done.has(`${rule}\u0000${line}`)) continue;
      done.add(`${rule}\u0000${line}`);
      const edit = suppressionEdit(document.getText(), line, format, rule);
      if (!edit) continue;
      actions.push({
        title: say({ en: `Suppress ${rule} on this line (figcheck)`, zh: `在此行停用 ${rule}（figcheck）` }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [document.uri]: [edit] } },
      });
    }
    return actions;
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    clearTimeout(diskTimer);
    for (const entry of sets.values()) closeWatchers(entry.watchers);
    for (const entry of failed.values()) closeWatchers(entry.watchers);
  });

  function formatOfDocument(document: TextDocument): TextFormat | null {
    const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : document.uri;
    const byExtension = extname(path) ? formatOf(path) : null;
    if (byExtension === 'docx') return null;
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

  /** The reference set of the nearest config above `file`, opened (and its documents read) on first use. */
  function setFor(file: string): SetEntry | null {
    const configPath = findConfig(dirname(file));
    if (!configPath || failed.has(configPath)) return null;
    const known = sets.get(configPath);
    if (known) return known;
    try {
      const { set, ready } = ReferenceSet.open(configPath, locale);
      const entry: SetEntry = { set, ready: Promise.resolve(), loaded: false, watchers: [] };
      // Settles (never rejects) once the documents are in and, without the client's notifications, watched:
      // a change on disk after the first complete check is always seen.
      entry.ready = ready
        .catch((error: unknown) => void set.warnings.push(messageOf(error)))
        .then(async () => {
          if (!clientWatches) {
            const watchers = watchFolders(await set.folders());
            if (sets.get(configPath) === entry) entry.watchers = watchers;
            else closeWatchers(watchers);
          }
          entry.loaded = true;
          if (set.warnings.length) void connection.window.showWarningMessage(`figcheck: ${set.warnings.join('; ')}`);
        })
        .catch((error: unknown) => {
          entry.loaded = true;
          connection.console.error(`figcheck: ${messageOf(error)}`);
        });
      sets.set(configPath, entry);
      return entry;
    } catch (error) {
      // A bad config or rule file: said once, and the document is checked alone until the file changes.
      const message = messageOf(error);
      failed.set(configPath, { message, watchers: clientWatches ? [] : watchFolders([dirname(configPath)]) });
      void connection.window.showErrorMessage(`figcheck: ${message}`);
      return null;
    }
  }

  async function check(uri: string): Promise<void> {
    const document = documents.get(uri);
    const format = document && formatOfDocument(document);
    if (!document || !format) return;
    const version = document.version;
    const stale = () => documents.get(uri)?.version !== version;
    const started = performance.now();
    const file = fileOf(uri);
    const entry = setFor(file);
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
        publish(uri, version, place, extracted, [], entry.set);
        await entry.ready;
        if (stale() || sets.get(entry.set.config.path) !== entry) return;
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
  function publish(uri: string, version: number, place: Placement, draft: Extracted, references: Extracted[], set?: ReferenceSet): number {
    const rules = set?.rules ?? coreRules();
    const findings = findingsOf(draft, references, rules, { locale, severity: set?.config.severity });
    const diagnostics = findings.flatMap((finding) => diagnosticOf(finding, draft.document.path, uri, place.base) ?? []);
    checked.set(uri, { version, figures: draft.figures });
    void connection.sendDiagnostics({ uri, version, diagnostics });
    return diagnostics.length;
  }

  /** A file changed on disk (from the client, or the server's own watchers): collected, then handled together. */
  function diskChanged(file: string, type: FileChangeType): void {
    pendingDisk.set(file, type);
    clearTimeout(diskTimer);
    // Editors save in several steps (write, rename, touch): one handling for the burst.
    diskTimer = setTimeout(() => void handleDisk().catch((error: unknown) => connection.console.error(`figcheck: ${messageOf(error)}`)), 50);
  }

  async function handleDisk(): Promise<void> {
    const changes = [...pendingDisk];
    pendingDisk.clear();
    let affected = false;
    for (const [file] of changes) {
      if (CONFIG_NAMES.includes(basename(file))) {
        // A config changed, appeared or went away: which config governs which document may have changed too.
        for (const [path, entry] of failed) closeWatchers(entry.watchers), failed.delete(path);
        for (const path of [...sets.keys()]) drop(path);
        affected = true;
      }
    }
    for (const [path, entry] of [...sets]) {
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
        drop(path);
        affected = true;
        reread = [];
      }
      const known = entry.set.warnings.length;
      for (const file of reread) await entry.set.reread(file);
      if (reread.length) affected = true;
      const added = entry.set.warnings.slice(known);
      if (added.length) void connection.window.showWarningMessage(`figcheck: ${added.join('; ')}`);
    }
    if (affected) for (const document of documents.all()) schedule(document.uri, 0);
  }

  function drop(configPath: string): void {
    const entry = sets.get(configPath);
    if (!entry) return;
    closeWatchers(entry.watchers);
    sets.delete(configPath);
  }

  /** fs.watch on folders (not files: editors that save by renaming replace the file a watcher would hold). */
  function watchFolders(folders: string[]): FSWatcher[] {
    const watchers: FSWatcher[] = [];
    for (const folder of folders) {
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (!name) return;
          const file = resolve(folder, name.toString());
          const known = [...sets.values()].some((entry) => entry.set.documents.has(file));
          diskChanged(file, existsSync(file) ? (known ? FileChangeType.Changed : FileChangeType.Created) : FileChangeType.Deleted);
        });
        watcher.on('error', () => watcher.close());
        watchers.push(watcher);
      } catch {
        // A folder that cannot be watched: changes there are seen when the server restarts.
      }
    }
    return watchers;
  }

  documents.listen(connection);
  connection.listen();
  return connection;
}

function sameTask(a: Placement, b: Placement): boolean {
  return a.task.id === b.task.id && a.task.shown === b.task.shown && a.task.period === b.task.period && a.task.status === b.task.status;
}

function isInside(file: string, folder: string): boolean {
  const rel = relative(folder, file);
  return Boolean(rel) && !rel.startsWith('..') && !isAbsolute(rel);
}

function closeWatchers(watchers: FSWatcher[]): void {
  for (const watcher of watchers) watcher.close();
  watchers.length = 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
