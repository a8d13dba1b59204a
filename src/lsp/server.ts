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
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeActionParams,
  type Connection,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { detectLocale } from '../i18n.js';
import { checkDocument } from './check.js';
import { figureAt, hoverOf } from './hover.js';
import { ReferenceSets } from './sets.js';
import { formatOfDocument, type ServerState } from './state.js';
import { suppressionActions } from './suppress.js';

export { CHECKED_NOTIFICATION, type CheckedParams } from './check.js';

/** Default wait after the last keystroke before a document is checked again (initializationOptions.debounce). */
export const DEFAULT_DEBOUNCE_MS = 200;

export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const state: ServerState = {
    connection,
    documents,
    checked: new Map(),
    timers: new Map(),
    openedAt: new Map(),
    locale: detectLocale(),
    workspace: process.cwd(),
    debounce: DEFAULT_DEBOUNCE_MS,
    clientWatches: false,
    sets: new ReferenceSets(
      {
        error: (message) => void connection.window.showErrorMessage(`figcheck: ${message}`),
        warning: (message) => void connection.window.showWarningMessage(`figcheck: ${message}`),
        changed: () => documents.all().forEach((document) => schedule(state, document.uri, 0)),
        log: (message) => connection.console.error(`figcheck: ${message}`),
      },
      { locale: () => state.locale, serverWatches: () => !state.clientWatches },
    ),
  };

  connection.onInitialize((params) => initialize(state, params));
  connection.onInitialized(() => watchThroughClient(state));
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      if (change.uri.startsWith('file:')) state.sets.diskChanged(fileURLToPath(change.uri), change.type);
    }
  });
  followDocuments(state);
  connection.onHover((params) => hover(state, params));
  connection.onCodeAction((params) => codeActions(state, params));
  connection.onShutdown(() => {
    for (const timer of state.timers.values()) clearTimeout(timer);
    state.sets.close();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** The initialize request: takes the client's options, locale, workspace and watching, and says what we serve. */
function initialize(state: ServerState, params: InitializeParams): InitializeResult {
  const options = (params.initializationOptions ?? {}) as { debounce?: unknown; locale?: unknown };
  if (typeof options.debounce === 'number' && options.debounce >= 0) state.debounce = options.debounce;
  const wanted = typeof options.locale === 'string' ? options.locale : (params.locale ?? undefined);
  state.locale = detectLocale(wanted);
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  if (folder?.startsWith('file:')) state.workspace = fileURLToPath(folder);
  else if (params.rootPath) state.workspace = params.rootPath;
  state.clientWatches = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'figcheck' },
  };
}

/** After initialize: a client that can watch files is asked to tell us of changes on disk. */
function watchThroughClient(state: ServerState): void {
  if (!state.clientWatches) return;
  // Configs anywhere, and every file a config may list or name as rules: the server sorts out which matter.
  void state.connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [{ globPattern: '**/*.{yaml,yml,txt,text,md,markdown,html,htm,docx}' }],
  });
}

/** Open, edit and close of documents: an open is checked at once, an edit after the debounce, a close forgotten. */
function followDocuments(state: ServerState): void {
  const { documents, openedAt } = state;
  documents.onDidOpen(({ document }) => {
    openedAt.set(document.uri, document.version);
    schedule(state, document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (openedAt.get(document.uri) !== document.version) schedule(state, document.uri, state.debounce);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(state.timers.get(document.uri));
    state.timers.delete(document.uri);
    state.checked.delete(document.uri);
    openedAt.delete(document.uri);
    void state.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
}

/** Hover: what figcheck understood of the figure under the cursor. */
function hover(state: ServerState, { textDocument, position }: HoverParams) {
  const document = state.documents.get(textDocument.uri);
  const last = state.checked.get(textDocument.uri);
  // Figures of an older version would point at the wrong text: no hover until the edit is checked.
  if (!document || !last || last.version !== document.version) return null;
  const figure = figureAt(last.figures, position);
  return figure ? hoverOf(figure, state.locale) : null;
}

/** Code actions: a suppression comment above each finding asked about. */
function codeActions(state: ServerState, { textDocument, context }: CodeActionParams) {
  const document = state.documents.get(textDocument.uri);
  const format = document && formatOfDocument(document);
  return document && format ? suppressionActions(document, format, context.diagnostics, state.locale) : [];
}

/** Checks a document after `delay` ms, replacing a check already waiting for it (the debounce). */
function schedule(state: ServerState, uri: string, delay: number): void {
  clearTimeout(state.timers.get(uri));
  state.timers.set(
    uri,
    setTimeout(() => {
      state.timers.delete(uri);
      checkDocument(state, uri).catch((error: unknown) => state.connection.console.error(`figcheck: ${(error as Error)?.stack ?? String(error)}`));
    }, delay),
  );
}
