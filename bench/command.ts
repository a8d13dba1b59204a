/**
 * The whole command as a process, cold: every row of `npm run bench` that stands for what a user
 * waits for spawns a fresh `node bin/figcheck.js …` (or the bare scan, or AutoCorrect's lint) and
 * measures its wall time, CPU time and peak RSS (the kernel's figures for the child, through
 * /usr/bin/time where the machine has it). Start-up, module loading, reading and writing all count.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessResult {
  seconds: number;
  /** Peak resident set of the child in MB; null where /usr/bin/time is missing. */
  peakRssMB: number | null;
  /** CPU seconds of the child (user + system): what a loaded machine does not inflate; null without /usr/bin/time. */
  cpuSeconds: number | null;
  exitCode: number;
  stdout: string;
}

const TIME = '/usr/bin/time';

/** Runs one process to its end, stdout kept (or discarded), and measures it. */
export async function runProcess(command: string, args: string[], options: { cwd: string; keepStdout?: boolean }): Promise<ProcessResult> {
  const rssFile = join(tmpdir(), `figcheck-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const timed = existsSync(TIME);
  const [file, argv] = timed ? [TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd: options.cwd, stdio: ['ignore', options.keepStdout ? 'pipe' : 'ignore', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let peakRssMB: number | null = null;
  let cpuSeconds: number | null = null;
  if (timed) {
    const [kb, user, system] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(/\s+/).map(Number);
    rmSync(rssFile, { force: true });
    if (Number.isFinite(kb)) peakRssMB = kb! / 1024;
    if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user! + system!;
  }
  // figcheck exits 1 when it has findings; 2 or a signal is a failed run, which must not pass for a time.
  if (exitCode > 1) throw new Error(`bench: ${command} ${args.join(' ')} exited ${exitCode}\n${stderr}`);
  return { seconds, peakRssMB, cpuSeconds, exitCode, stdout };
}

/** The fastest of `times` runs (start-up rows: the noise of a shared machine only ever adds time). */
export async function fastestOf(times: number, run: () => Promise<ProcessResult>): Promise<ProcessResult> {
  let best: ProcessResult | undefined;
  for (let i = 0; i < times; i++) {
    const result = await run();
    if (!best || result.seconds < best.seconds) best = result;
  }
  return best!;
}
