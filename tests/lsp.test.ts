/**
 * `figcheck lsp` over real stdio, driven by the protocol library's own client-side connection (vscode-
 * languageserver's StreamMessageReader/Writer, no hand-rolled JSON-RPC): initialize, didOpen, didChange,
 * publishDiagnostics, hover, codeAction, a reference document changed on disk, shutdown and exit. The
 * workspace is a temp folder with a figcheck.yaml, a rule file and two real documents copied from
 * tests/fixtures/national; the draft under edit holds CJK and astral characters before its figures, so
 * every range is checked in UTF-16 code units.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  FileChangeType,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { suppressionEdit } from '../src/lsp/suppress.js';
import { ensureBuilt } from './helpers/cli.js';
import { NATIONAL, ROOT } from './helpers/paths.js';

const BIN = resolve(ROOT, 'bin', 'figcheck.js');

/** The draft: a heading, the grain output misstated (the communiqué says 70650万吨), a line of emoji and a rare CJK character before a placeholder. */
const DRAFT = [
  '# 2024年统计摘要',
  '',
  '2024年，全年粮食产量70150万吨，比上年增加1109万吨。全年国内生产总值1349084亿元，比上年增长5.0%。',
  '',
  '项目投资 😀 𠀋 达到XX亿元。',
  '',
].join('\n');

interface Checked {
  uri: string;
  version: number;
  documents: number;
  figures: number;
  diagnostics: number;
}

/** A running server and what it has said, with waits on events (the test's timeout bounds them, never a timer). */
class Session {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publication, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly checked: Checked[] = [];
  readonly registrations: unknown[] = [];
  readonly messages: { type: number; message: string }[] = [];
  private waiters: (() => void)[] = [];
  readonly connection: ProtocolConnection;
  readonly exited: Promise<number | null>;
  stderr = '';

  constructor(readonly child: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.published.push(params);
      this.wake();
    });
    this.connection.onNotification('figcheck/checked', (params: Checked) => {
      this.checked.push(params);
      this.wake();
    });
    // The library's window.showErrorMessage is a request (the user may pick an action).
    this.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.messages.push(params);
      this.wake();
      return null;
    });
    this.connection.onRequest('client/registerCapability', (params: unknown) => {
      this.registrations.push(params);
      this.wake();
      return null;
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((done) => child.on('exit', (code) => done(code)));
    this.connection.listen();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  async until<T>(probe: () => T | undefined | false): Promise<T> {
    for (;;) {
      const value = probe();
      if (value) return value;
      await new Promise<void>((done) => this.waiters.push(done));
    }
  }

  /** The diagnostics of the complete check of `version` (the figcheck/checked notification follows them). */
  async checkedDiagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    await this.until(() => this.checked.find((c) => c.uri === uri && c.version === version));
    const published = this.diagnostics.get(uri)!;
    expect(published.version).toBe(version);
    return published.diagnostics;
  }
}

function startServer(cwd: string): Session {
  ensureBuilt();
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], {
    cwd,
    env: { ...process.env, LANG: 'C', LC_ALL: '', NO_COLOR: '', FORCE_COLOR: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Session(child);
}

let dir: string;
let session: Session;
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
const draftUri = () => uriOf('draft.md');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'figcheck-lsp-'));
  copyFileSync(join(NATIONAL, 'cn_national_2024_stats_communique_nbs_excerpt.txt'), join(dir, 'communique.txt'));
  copyFileSync(join(NATIONAL, 'cn_national_2025_gwr_state_council.txt'), join(dir, 'report.txt'));
  writeFileSync(
    join(dir, 'figcheck.yaml'),
    [
      'documents:',
      '  - { id: communique, path: communique.txt, period: "2024", status: final }',
      '  - { id: report, path: report.txt, status: preliminary }',
      'rules:',
      '  - rules.yaml',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'rules.yaml'),
    [
      'version: 1',
      'metrics:',
      '  - { id: grain-output, name: 粮食产量, aliases: [粮食产量], unit: 吨, kind: level }',
      'checks:',
      '  - { type: consistency, metrics: "*", severity: error }',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'draft.md'), DRAFT);
});

afterAll(async () => {
  if (session && session.child.exitCode === null) session.child.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Line and UTF-16 character of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const document = TextDocument.create('file:///x', 'plaintext', 1, text);
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  return document.positionAt(at);
}

describe('figcheck lsp over stdio', () => {
    let draft: TextDocument;

  it('initializes, checks an opened draft alone and against the config’s documents, in UTF-16 ranges', async () => {
    session = startServer(dir);
    const result = (await session.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'drafts' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions: { debounce: 20 },
    })) as InitializeResult;
    expect(result.capabilities.hoverProvider).toBe(true);
    expect(result.capabilities.codeActionProvider).toBeTruthy();
    await session.connection.sendNotification('initialized', {});
    // The server asks to hear about files changed on disk (configs, rule files, listed documents).
    await session.until(() => session.registrations.length > 0);

    draft = TextDocument.create(draftUri(), 'markdown', 1, DRAFT);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri(), languageId: 'markdown', version: 1, text: DRAFT } });
    const diagnostics = await session.checkedDiagnostics(draftUri(), 1);
    const checked = session.checked.find((c) => c.uri === draftUri() && c.version === 1)!;
    expect(checked.documents).toBe(3);
    // At once, while the config's documents were still being read: the draft's own checks, no comparison yet.
    const first = session.published.find((p) => p.uri === draftUri())!;
    expect(first.diagnostics.map((d) => d.code)).toContain('placeholder');
    expect(first.diagnostics.map((d) => d.code)).not.toContain('figure-mismatch');
    expect(first.diagnostics.map((d) => d.code)).not.toContain('nothing-compared');

    // The placeholder after an emoji (two UTF-16 units) and 𠀋 (a supplementary-plane character, two units).
    const placeholder = diagnostics.find((d) => d.code === 'placeholder');
    expect(placeholder).toMatchObject({ source: 'figcheck', severity: 2 });
    expect(placeholder!.range).toEqual({ start: { line: 4, character: 13 }, end: { line: 4, character: 15 } });
    expect(draft.getText(placeholder!.range)).toBe('XX');

    // The cross-document finding: shown at the draft's figure, the communiqué's statement as related information.
    const mismatch = diagnostics.find((d) => d.code === 'figure-mismatch');
    expect(mismatch).toMatchObject({ source: 'figcheck', severity: 1 });
    expect(draft.getText(mismatch!.range)).toBe('70150万吨');
    const related = mismatch!.relatedInformation ?? [];
    expect(related.map((r) => r.location.uri)).toContain(uriOf('communique.txt'));
    const communique = TextDocument.create(uriOf('communique.txt'), 'plaintext', 1, readFileSync(join(dir, 'communique.txt'), 'utf8'));
    const other = related.find((r) => r.location.uri === uriOf('communique.txt'))!;
    // That line starts with full-width spaces and holds footnote marks: the range still lands on the figure.
    expect(communique.getText(other.location.range)).toBe('70650万吨');
    expect(session.stderr).toBe('');
  });

  it('hovers a figure with what figcheck understood of it', async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: draftUri() },
      position: positionOf(DRAFT, '70150万吨'),
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('70150万吨');
    expect(value).toContain('grain-output');
    expect(value).toMatch(/interval: `\[7\.01495亿, 7\.01505亿\]`/);
    expect(value).toMatch(/period: `2024`/);
    expect(value).toMatch(/modality: actual/);
    expect(value).toMatch(/label: `粮食产量`/);
    expect(draft.getText(hover.range!)).toBe('70150万吨');
    const nothing = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: draftUri() }, position: { line: 0, character: 0 } });
    expect(nothing).toBeNull();
  });

  it('offers a code action that writes the agreed suppression comment above the finding', async () => {
    const diagnostics = session.diagnostics.get(draftUri())!.diagnostics;
    const mismatch = diagnostics.find((d) => d.code === 'figure-mismatch')!;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: draftUri() },
      range: mismatch.range,
      context: { diagnostics: [mismatch] },
    })) as CodeAction[];
    expect(actions).toHaveLength(1);
    expect(actions[0]!.kind).toBe('quickfix');
    const edits = actions[0]!.edit!.changes![draftUri()]!;
    const edited = TextDocument.applyEdits(draft, edits).split('\n');
    expect(edited[2]).toBe('<!-- figcheck-disable-next-line figure-mismatch -->');
    expect(edited[3]).toContain('70150万吨');
  });

  it('applying the code action silences the finding (the comment is read by the pipeline)', async () => {
    const diagnostics = session.diagnostics.get(draftUri())!.diagnostics;
    const mismatch = diagnostics.find((d) => d.code === 'figure-mismatch')!;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: draftUri() },
      range: mismatch.range,
      context: { diagnostics: [mismatch] },
    })) as CodeAction[];
    const edits = actions[0]!.edit!.changes![draftUri()]!;
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri(), version: 2 }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
    const silenced = await session.checkedDiagnostics(draftUri(), 2);
    expect(silenced.map((d) => d.code)).not.toContain('figure-mismatch');
    expect(silenced.map((d) => d.code)).toContain('placeholder');
    // Undone: the finding is back.
    const inserted = edits[0]!;
    const lines = inserted.newText.split('\n').length - 1;
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: draftUri(), version: 3 },
      contentChanges: [{ range: { start: inserted.range.start, end: { line: inserted.range.start.line + lines, character: 0 } }, text: '' }],
    });
    expect((await session.checkedDiagnostics(draftUri(), 3)).map((d) => d.code)).toContain('figure-mismatch');
  });

  it('re-checks as the draft changes (incremental edits)', async () => {
    // Correct the grain figure: the mismatch goes, the placeholder stays.
    const start = positionOf(DRAFT, '70150');
    const change = { range: { start, end: { line: start.line, character: start.character + 5 } }, text: '70650' };
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri(), version: 4 }, contentChanges: [change] });
    const diagnostics = await session.checkedDiagnostics(draftUri(), 4);
    expect(diagnostics.map((d) => d.code)).not.toContain('figure-mismatch');
    expect(diagnostics.map((d) => d.code)).toContain('placeholder');
  });

  it('reads a listed document again when it changes on disk', async () => {
    const file = join(dir, 'communique.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('全年粮食产量70650万吨', '全年粮食产量70950万吨'));
    const before = session.checked.length;
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('communique.txt'), type: FileChangeType.Changed }] });
    await session.until(() => session.checked.slice(before).find((c) => c.uri === draftUri()));
    const diagnostics = session.diagnostics.get(draftUri())!.diagnostics;
    const mismatch = diagnostics.find((d) => d.code === 'figure-mismatch');
    expect(mismatch?.message).toContain('70950万吨');
  });

  it('shuts down and exits with 0', async () => {
    await session.connection.sendRequest('shutdown');
    await session.connection.sendNotification('exit');
    expect(await session.exited).toBe(0);
    session.connection.dispose();
  });
});

describe('figcheck lsp with a client that does not watch files', () => {
  it('watches the config’s folder itself, and reads .html markup in the editor’s coordinates', async () => {
    const watcher = startServer(dir);
    await watcher.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { debounce: 0 } });
    await watcher.connection.sendNotification('initialized', {});
    const html = '<!doctype html>\n<html><body>\n<p><b>项目</b>投资 😀 𠀋 达到XX亿元。</p>\n</body></html>\n';
    const htmlUri = uriOf('page.html');
    await watcher.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: htmlUri, languageId: 'html', version: 1, text: html } });
    const page = await watcher.checkedDiagnostics(htmlUri, 1);
    const placeholder = page.find((d) => d.code === 'placeholder')!;
    expect(TextDocument.create(htmlUri, 'html', 1, html).getText(placeholder.range)).toBe('XX');

    // An unsaved buffer: read as its language says, against the workspace's config.
    const untitled = 'untitled:Untitled-1';
    await watcher.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'markdown', version: 1, text: DRAFT } });
    const unsaved = await watcher.checkedDiagnostics(untitled, 1);
    expect(unsaved.map((d) => d.code)).toEqual(expect.arrayContaining(['placeholder', 'figure-mismatch']));
    expect(TextDocument.create(untitled, 'markdown', 1, DRAFT).getText(unsaved.find((d) => d.code === 'figure-mismatch')!.range)).toBe('70150万吨');

    await watcher.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri(), languageId: 'markdown', version: 1, text: DRAFT } });
    const before = await watcher.checkedDiagnostics(draftUri(), 1);
    expect(before.find((d) => d.code === 'figure-mismatch')?.severity).toBe(1);
    // The rule file changes on disk (no client notification): the server's own watcher reloads the set.
    const seen = watcher.checked.length;
    const rules = join(dir, 'rules.yaml');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('severity: error', 'severity: warning'));
    const after = await watcher.until(() => {
      const latest = watcher.checked.slice(seen).find((c) => c.uri === draftUri());
      return latest && watcher.diagnostics.get(draftUri())!.diagnostics;
    });
    expect(after.find((d) => d.code === 'figure-mismatch')?.severity).toBe(2);

    await watcher.connection.sendRequest('shutdown');
    await watcher.connection.sendNotification('exit');
    expect(await watcher.exited).toBe(0);
    watcher.connection.dispose();
  });
});

describe('figcheck lsp with a broken config', () => {
  it('says what is wrong, checks the document alone, and picks the config up once it is fixed on disk', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'figcheck-lsp-broken-'));
    try {
      copyFileSync(join(NATIONAL, 'cn_national_2024_stats_communique_nbs_excerpt.txt'), join(broken, 'communique.txt'));
      writeFileSync(join(broken, 'draft.md'), DRAFT);
      writeFileSync(join(broken, 'figcheck.yaml'), 'documents:\n  - { id: communique, paht: communique.txt }\n');
      const server = startServer(broken);
      await server.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(broken).href,
        capabilities: {},
        initializationOptions: { debounce: 0, locale: 'zh-CN' },
      });
      await server.connection.sendNotification('initialized', {});
      const uri = pathToFileURL(join(broken, 'draft.md')).href;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
      const alone = await server.checkedDiagnostics(uri, 1);
      expect(server.checked.at(-1)!.documents).toBe(1);
      expect(alone.map((d) => d.code)).toContain('placeholder');
      expect(alone.map((d) => d.code)).not.toContain('figure-mismatch');
      // In the client's language (initializationOptions.locale).
      expect(alone.find((d) => d.code === 'placeholder')!.message).toContain('占位符');
      const error = await server.until(() => server.messages.find((m) => m.type === 1));
      expect(error.message).toContain('figcheck.yaml');

      const seen = server.checked.length;
      writeFileSync(join(broken, 'figcheck.yaml'), 'documents:\n  - { id: communique, path: communique.txt, period: "2024", status: final }\n');
      const fixed = await server.until(() => server.checked.slice(seen).find((c) => c.uri === uri));
      expect(fixed.documents).toBe(2);
      await server.connection.sendRequest('shutdown');
      await server.connection.sendNotification('exit');
      expect(await server.exited).toBe(0);
      server.connection.dispose();
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe('the suppression edit', () => {
  it('writes the .txt line comment at the start of the line', () => {
    const edit = suppressionEdit('　　第一行\r\n　　粮食产量70150万吨。\r\n', 1, 'txt', 'figure-mismatch')!;
    const document = TextDocument.create('file:///a.txt', 'plaintext', 1, '　　第一行\r\n　　粮食产量70150万吨。\r\n');
    expect(TextDocument.applyEdits(document, [edit])).toBe('　　第一行\r\n//figcheck-disable-next-line figure-mismatch\r\n　　粮食产量70150万吨。\r\n');
  });

  it('adds a rule to a comment already above the line, and offers nothing when it is already there', () => {
    const text = '  <!-- figcheck-disable-next-line placeholder -->\n  - 投资XX亿元\n';
    const document = TextDocument.create('file:///a.md', 'markdown', 1, text);
    const edit = suppressionEdit(text, 1, 'md', 'figure-mismatch')!;
    expect(TextDocument.applyEdits(document, [edit])).toBe('  <!-- figcheck-disable-next-line placeholder figure-mismatch -->\n  - 投资XX亿元\n');
    expect(suppressionEdit(text, 1, 'md', 'placeholder')).toBeNull();
  });
});
