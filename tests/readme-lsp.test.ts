/**
 * The README's language server section works as written: its Neovim setups start `figcheck lsp` for the file
 * types and config names figcheck reads, and the VS Code extension in editors/vscode/ (loaded here with
 * stand-ins for `vscode` and `vscode-languageclient`, which only VS Code provides) asks for a server that
 * starts and answers `initialize` over stdio.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type InitializeResult } from 'vscode-languageserver/node';
import { CONFIG_NAMES } from '../src/config.js';
import { ensureBuilt } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

const BIN = resolve(ROOT, 'bin', 'figcheck.js');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('\n## Editors: language server\n'), readme.indexOf('\n## CI\n'));

function blocks(language: string): string[] {
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** Lua string lists as JavaScript arrays: `{ 'a', 'b' }` → ['a', 'b']. */
function luaList(block: string, key: string): string[] {
  const match = new RegExp(`${key}\\s*=\\s*\\{([^}]*)\\}`).exec(block);
  expect(match, `${key} in\n${block}`).not.toBeNull();
  return [...match![1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

/** Starts a server as `command args`, initializes it, shuts it down; returns its capabilities and exit code. */
async function initializeAndExit(command: string, args: string[]): Promise<{ result: InitializeResult; code: number | null }> {
  ensureBuilt();
  const child = spawn(command, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as InitializeResult;
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  const code = await exited;
  connection.dispose();
  return { result, code };
}

describe('README language server section', () => {
  it('Neovim: both setups run `figcheck lsp` on Markdown, text and HTML, rooted at any config name figcheck reads', async () => {
    const lua = blocks('lua');
    expect(lua).toHaveLength(2);
    const [config, autocmd] = lua as [string, string];
    for (const block of lua) expect(luaList(block, 'cmd')).toEqual(['figcheck', 'lsp']);
    expect(luaList(config, 'filetypes')).toEqual(['markdown', 'text', 'html']);
    expect(luaList(autocmd, 'pattern')).toEqual(['markdown', 'text', 'html']);
    expect(luaList(config, 'root_markers')).toEqual(expect.arrayContaining(CONFIG_NAMES));
    expect(autocmd).toContain(`{ ${CONFIG_NAMES.map((name) => `'${name}'`).join(', ')}, '.git' }`);
    // The command as the README gives it, with this checkout's bin standing for `figcheck`.
    const { result, code } = await initializeAndExit(process.execPath, [BIN, ...luaList(config, 'cmd').slice(1)]);
    expect(result.capabilities.hoverProvider).toBe(true);
    expect(code).toBe(0);
  });

  it('VS Code: the extension activates on Markdown, plain text and HTML and starts a working `figcheck lsp`', async () => {
    const manifest = JSON.parse(readFileSync(resolve(ROOT, 'editors/vscode/package.json'), 'utf8'));
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown', 'onLanguage:plaintext', 'onLanguage:html']);
    expect(manifest.main).toBe('./extension.js');
    for (const version of Object.values<string>(manifest.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(manifest.dependencies)).toEqual(['vscode-languageclient']);
    // The root package does not depend on it: the extension is not part of figcheck's install.
    const root = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
    expect({ ...root.dependencies, ...root.devDependencies }).not.toHaveProperty('vscode-languageclient');

    const settings: Record<string, unknown> = { path: BIN, debounce: 150 };
    const started: { serverOptions: Record<string, unknown>; clientOptions: Record<string, unknown> }[] = [];
    const stubs: Record<string, unknown> = {
      vscode: {
        workspace: {
          workspaceFolders: [{ uri: { fsPath: ROOT } }],
          getConfiguration: () => ({ get: (key: string, fallback: unknown) => settings[key] ?? fallback }),
        },
      },
      'vscode-languageclient/node': {
        TransportKind: { stdio: 0, ipc: 1 },
        LanguageClient: class {
          constructor(_id: string, _name: string, serverOptions: Record<string, unknown>, clientOptions: Record<string, unknown>) {
            started.push({ serverOptions, clientOptions });
          }
          start() {
            return Promise.resolve();
          }
          stop() {
            return Promise.resolve();
          }
          dispose() {}
        },
      },
    };
    const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const load = loader._load;
    loader._load = function (request: string, ...rest: unknown[]) {
      return request in stubs ? stubs[request] : load.call(this, request, ...rest);
    };
    try {
      const extension = createRequire(import.meta.url)(resolve(ROOT, 'editors/vscode/extension.js'));
      await extension.activate({ subscriptions: [] });
      settings.path = '';
      await extension.activate({ subscriptions: [] });
      await extension.deactivate();
    } finally {
      loader._load = load;
    }
    const [configured, fromPath] = started;
    expect(configured!.serverOptions).toMatchObject({ module: BIN, args: ['lsp'], transport: 0 });
    expect(configured!.clientOptions.initializationOptions).toEqual({ debounce: 150 });
    const languages = (configured!.clientOptions.documentSelector as { language: string }[]).map((s) => s.language);
    expect(new Set(languages)).toEqual(new Set(['markdown', 'plaintext', 'html']));
    // No setting and no node_modules/figcheck in the workspace (this checkout is figcheck itself): the PATH.
    expect(fromPath!.serverOptions).toMatchObject({ command: 'figcheck', args: ['lsp'] });

    // As vscode-languageclient runs a module over stdio: Node, the module, its args and --stdio.
    const { result, code } = await initializeAndExit(process.execPath, [configured!.serverOptions.module as string, ...(configured!.serverOptions.args as string[]), '--stdio']);
    expect(result.capabilities.codeActionProvider).toBeTruthy();
    expect(code).toBe(0);
  });
});
