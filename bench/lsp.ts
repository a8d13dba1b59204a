/**
 * The language server's warm re-check (issue 11 §2: a 100 KB draft against a ten-document reference set
 * answers within 100 ms once warm), measured as an editor sees it: `figcheck lsp` as a process, spoken to
 * over stdio through the protocol library, the time from sending didChange to receiving the draft's
 * publishDiagnostics (debounce 0, so the wait after typing is not counted). The server's own figure for the
 * check (figcheck/checked) is shown beside it. Reads only files inside the repository.
 *
 * Run alone: `npm run build && tsc -p tsconfig.bench.json && node .bench-dist/bench/lsp.js`.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { repositoryRoot } from './corpus.js';

const DRAFT_BYTES = 100 * 1024;
const WARM_UP = 5;
const EDITS = 30;

interface Checked {
  uri: string;
  version: number;
  documents: number;
  milliseconds: number;
  extract: number;
  checks: number;
}

/**
 * The draft: the 2025 State Council work report followed by Inner Mongolia's of the same year (about 105 KB,
 * trimmed at a line end to just over 100 KB): it states 2024's outcomes, which the references state too.
 */
function draftText(national: string): string {
  const lines = ['cn_national_2025_gwr_state_council.txt', 'imar_2025_gwr_inner_mongolia.txt'].flatMap((name) => readFileSync(join(national, name), 'utf8').split('\n'));
  let text = '';
  for (const line of lines) {
    if (Buffer.byteLength(text) >= DRAFT_BYTES) break;
    text += `${line}\n`;
  }
  return text;
}

/**
 * The reference set: ten documents, the other national ones of 2022–2024 (work reports, the NBS communiqué
 * of 2024, the 20th congress report) and the five most recent State Council reports of the history set.
 */
function referenceFiles(root: string): string[] {
  const national = join(root, 'tests/fixtures/national');
  const history = join(root, 'tests/fixtures/national-history');
  const recent = ['cn_national_2022_gwr_state_council.txt', 'cn_national_2023_gwr_state_council.txt', 'cn_national_2024_gwr_state_council.txt', 'cn_national_2024_stats_communique_nbs_excerpt.txt', 'cpc_20th_congress_report_2022.txt'];
  const older = readdirSync(history).filter((name) => name.endsWith('.txt')).sort().slice(-5);
  return [...recent.map((name) => join(national, name)), ...older.map((name) => join(history, name))];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export async function benchLsp(root = repositoryRoot()): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'figcheck-bench-lsp-'));
  const references = referenceFiles(root).map((file) => basename(file));
  for (const file of referenceFiles(root)) copyFileSync(file, join(work, basename(file)));
  const referenceBytes = references.reduce((sum, name) => sum + statSync(join(work, name)).size, 0);
  const config = ['documents:', ...references.map((name) => `  - { id: ${name.replace(/\.txt$/, '')}, path: ${name}, status: final }`), '  - { id: draft, path: draft.txt, status: draft }', ''];
  writeFileSync(join(work, 'figcheck.yaml'), config.join('\n'));
  let text = draftText(join(root, 'tests/fixtures/national'));
  writeFileSync(join(work, 'draft.txt'), text);
  const uri = pathToFileURL(join(work, 'draft.txt')).href;

  const child = spawn(process.execPath, [join(root, 'bin', 'figcheck.js'), 'lsp'], { cwd: work, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiting: ((params: PublishDiagnosticsParams) => void) | null = null;
  let onChecked: ((params: Checked) => void) | null = null;
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.uri === uri) waiting?.(params);
  });
  connection.onNotification('figcheck/checked', (params: Checked) => {
    if (params.uri !== uri) return;
    onChecked?.(params);
  });
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(work).href, capabilities: {}, initializationOptions: { debounce: 0 } });
    await connection.sendNotification('initialized', {});
    const coldStart = process.hrtime.bigint();
    const opened = new Promise<Checked>((done) => (onChecked = done));
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const first = await opened;
    const cold = Number(process.hrtime.bigint() - coldStart) / 1e6;

    // Each edit changes one figure of the draft (the last digit of its first count of people, as a typing
    // editor would) and waits for its diagnostics.
    const figureDigit = text.search(/\d(?=万人)/);
    const edit = async (version: number): Promise<{ wall: number; server: Checked; diagnostics: number }> => {
      const digit = String(version % 10);
      const at = figureDigit >= 0 ? figureDigit : text.search(/\d/);
      text = text.slice(0, at) + digit + text.slice(at + 1);
      const line = text.slice(0, at).split('\n').length - 1;
      const character = at - (text.lastIndexOf('\n', at - 1) + 1);
      const published = new Promise<PublishDiagnosticsParams>((done) => (waiting = (params) => params.version === version && done(params)));
      const done = new Promise<Checked>((resolveChecked) => (onChecked = (params) => params.version === version && resolveChecked(params)));
      const start = process.hrtime.bigint();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: digit }],
      });
      const params = await published;
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      const server = await done;
      return { wall, server, diagnostics: params.diagnostics.length };
    };
    let version = 1;
    for (let i = 0; i < WARM_UP; i++) await edit(++version);
    const walls: number[] = [];
    const servers: number[] = [];
    const extracts: number[] = [];
    const checks: number[] = [];
    let diagnostics = 0;
    for (let i = 0; i < EDITS; i++) {
      const result = await edit(++version);
      walls.push(result.wall);
      servers.push(result.server.milliseconds);
      extracts.push(result.server.extract);
      checks.push(result.server.checks);
      diagnostics = result.diagnostics;
    }
    walls.sort((a, b) => a - b);
    for (const list of [servers, extracts, checks]) list.sort((a, b) => a - b);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
    return [
      `language server (figcheck lsp over stdio): ${kb(Buffer.byteLength(text))} draft against ${references.length} reference documents (${kb(referenceBytes)}), ${first.documents} documents in each check, ${diagnostics} diagnostics`,
      `  open, cold (reads the reference set): ${cold.toFixed(0)} ms`,
      `  re-check after an edit, warm, didChange → publishDiagnostics (${EDITS} edits): median ${quantile(walls, 0.5).toFixed(1)} ms, p90 ${quantile(walls, 0.9).toFixed(1)} ms, min ${walls[0]!.toFixed(1)} ms, max ${walls[walls.length - 1]!.toFixed(1)} ms (target < 100 ms)`,
      `  of which the check in the server: median ${quantile(servers, 0.5).toFixed(1)} ms, p90 ${quantile(servers, 0.9).toFixed(1)} ms, min ${servers[0]!.toFixed(1)} ms` +
        ` (the draft's read → extract → meaning: median ${quantile(extracts, 0.5).toFixed(1)} ms; the checks: median ${quantile(checks, 0.5).toFixed(1)} ms)`,
      // Shared machines: the load says how far the times above are the program's own.
      `  machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end`,
    ].join('\n');
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

// Run alone (node .bench-dist/bench/lsp.js) or from bench.ts.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  console.log(await benchLsp());
}
