/**
 * What the language server keeps between requests, in one place so each handler (server.ts) and the check of
 * a document (check.ts) can be a function of its own instead of a closure inside startServer.
 */
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Figure, Format, Locale } from '../model.js';
import { formatOf } from '../read/formats.js';
import type { ReferenceSets } from './sets.js';

export type TextFormat = Extract<Format, 'txt' | 'md' | 'html'>;

/** Editors' language ids for the formats the server checks (a buffer without a known extension). */
const FORMAT_OF_LANGUAGE: Record<string, TextFormat> = { markdown: 'md', plaintext: 'txt', text: 'txt', html: 'html' };

/** The last complete check of an open document (for hover). */
export interface Checked {
  version: number;
  figures: readonly Figure[];
}

/** One server's state: the connection, the open documents and what the client told us at initialize. */
export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  checked: Map<string, Checked>;
  timers: Map<string, NodeJS.Timeout>;
  /** The version each document was opened with: TextDocuments reports an open as a change too. */
  openedAt: Map<string, number>;
  locale: Locale;
  workspace: string;
  debounce: number;
  /** The client tells us about files changed on disk; otherwise the server watches folders itself. */
  clientWatches: boolean;
  sets: ReferenceSets;
}

/** The format figcheck reads an open document as, or null for one it does not check. */
export function formatOfDocument(document: TextDocument): TextFormat | null {
  const path = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : document.uri;
  const byExtension = extname(path) ? formatOf(path) : null;
  // Word and PDF files are binary: an editor does not hold them as text.
  if (byExtension === 'docx' || byExtension === 'pdf') return null;
  return byExtension ?? FORMAT_OF_LANGUAGE[document.languageId] ?? null;
}

/** The file a document stands for: its path, or (untitled buffers) a name in the workspace. */
export function fileOf(uri: string, workspace: string): string {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  const name = basename(decodeURIComponent(uri.replace(/^[a-z][\w+.-]*:/i, ''))) || 'untitled';
  return resolve(workspace, name);
}
