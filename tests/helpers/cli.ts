import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import { ROOT } from './paths.js';

export { ROOT };
const BIN = resolve(ROOT, 'bin', 'figcheck.js');

/** dist/ is compiled once per run by tests/global-setup.ts; a CLI test fails with tsc's output if that failed. */
export function ensureBuilt(): void {
  const error = inject('buildError');
  if (error) throw new Error(error);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs figcheck as a user would, without a TTY; env additions override, LANG defaults to English. */
export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): CliResult {
  ensureBuilt();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...process.env, LANG: 'C', LC_ALL: '', NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
