// figcheck for VS Code: starts `figcheck lsp` (stdio) for Markdown, plain text and HTML documents.
// The server does the work (diagnostics, hover, suppression quick fix); this file only finds and starts it.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/**
 * How to start the server: the `figcheck.path` setting, else the workspace's own figcheck
 * (node_modules/figcheck/bin/figcheck.js, run by VS Code's Node), else `figcheck` on the PATH.
 */
function serverOptions() {
  const configured = vscode.workspace.getConfiguration('figcheck').get('path', '');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const local = folder ? join(folder, 'node_modules', 'figcheck', 'bin', 'figcheck.js') : '';
  const script = configured && configured.endsWith('.js') ? configured : !configured && local && existsSync(local) ? local : '';
  if (script) return { module: script, args: ['lsp'], transport: TransportKind.stdio };
  // `figcheck` on Windows is figcheck.cmd, which only a shell runs.
  return { command: configured || 'figcheck', args: ['lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
}

function activate() {
  const languages = ['markdown', 'plaintext', 'html'];
  client = new LanguageClient('figcheck', 'figcheck', serverOptions(), {
    documentSelector: languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: { debounce: vscode.workspace.getConfiguration('figcheck').get('debounce', 200) },
  });
  // Stopped in deactivate (as vscode-languageclient's own sample does), not also through context.subscriptions.
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
