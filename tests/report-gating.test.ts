import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding, Severity } from '../src/model.js';
import { exitCode } from '../src/report/gate.js';
import { createProgress } from '../src/report/progress.js';
import { ensureBuilt, ROOT } from './helpers/cli.js';

function findingOf(severity: Severity, suppressed = false): Finding {
  return { fingerprint: `${severity}-${suppressed}`, rule: 'figure-mismatch', severity, message: 'm', metric: null, locations: [], ...(suppressed ? { suppressed } : {}) };
}

describe('exitCode (--fail-on, --max-warnings)', () => {
  it('fails on findings at or above --fail-on', () => {
    const warning = [findingOf('warning')];
    expect(exitCode(warning, { failOn: 'error' })).toBe(0);
    expect(exitCode(warning, { failOn: 'warning' })).toBe(1);
    expect(exitCode(warning, { failOn: 'info' })).toBe(1);
    expect(exitCode([findingOf('error')], { failOn: 'error' })).toBe(1);
    expect(exitCode([findingOf('info')], { failOn: 'warning' })).toBe(0);
    expect(exitCode([findingOf('error')], { failOn: 'never' })).toBe(0);
    expect(exitCode([], { failOn: 'info' })).toBe(0);
  });

  it('fails when warnings exceed --max-warnings, even with --fail-on never', () => {
    const warnings = [findingOf('warning'), findingOf('warning')];
    expect(exitCode(warnings, { failOn: 'never', maxWarnings: 2 })).toBe(0);
    expect(exitCode(warnings, { failOn: 'never', maxWarnings: 1 })).toBe(1);
    expect(exitCode(warnings, { failOn: 'error', maxWarnings: 0 })).toBe(1);
  });

  it('does not count baseline-suppressed findings', () => {
    const findings = [findingOf('error', true), findingOf('warning', true)];
    expect(exitCode(findings, { failOn: 'info', maxWarnings: 0 })).toBe(0);
    expect(exitCode([...findings, findingOf('error')], { failOn: 'error' })).toBe(1);
  });
});

/** A stream that looks like a terminal to cli-progress and records what is drawn. */
function fakeTerminal() {
  const stream = new PassThrough() as PassThrough & { isTTY: boolean; columns: number; cursorTo: () => boolean; clearLine: () => boolean; moveCursor: () => boolean };
  stream.isTTY = true;
  stream.columns = 100;
  stream.cursorTo = () => true;
  stream.clearLine = () => true;
  stream.moveCursor = () => true;
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { stream, written: () => written };
}

describe('createProgress', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stays silent when the run ends within a second', () => {
    vi.useFakeTimers();
    const terminal = fakeTerminal();
    const progress = createProgress(3, { enabled: true, stream: terminal.stream });
    progress.tick('a.txt');
    vi.advanceTimersByTime(500);
    progress.tick('b.txt');
    progress.tick('c.txt');
    progress.stop();
    vi.advanceTimersByTime(5000);
    expect(terminal.written()).toBe('');
  });

  it('draws the bar once the run has taken more than a second, with the current file', () => {
    vi.useFakeTimers();
    const terminal = fakeTerminal();
    const progress = createProgress(4, { enabled: true, stream: terminal.stream });
    progress.tick('a.txt');
    expect(terminal.written()).toBe('');
    vi.advanceTimersByTime(1100);
    progress.tick('yearbook.txt');
    vi.advanceTimersByTime(200);
    expect(terminal.written()).toMatch(/2\/4 yearbook\.txt/);
    progress.stop();
  });

  it('draws nothing when disabled (not a TTY, or --quiet)', () => {
    vi.useFakeTimers();
    const terminal = fakeTerminal();
    const progress = createProgress(4, { enabled: false, stream: terminal.stream });
    vi.advanceTimersByTime(3000);
    progress.tick('a.txt');
    progress.stop();
    expect(terminal.written()).toBe('');
  });
});

describe('createProgress and process exit', () => {
  // A run that ends without stop() (an input error half-way) must still let the process exit: the bar's
  // redraw timer may not hold the event loop. Checked in a fresh Node process, where no test runner's
  // own timers come and go, so the count of timers holding the process is exact: the child draws the
  // bar, never stops it, reports the timers still holding it, and must then exit by itself.
  it('holds no timer that would keep the process alive when a run ends without stop()', () => {
    ensureBuilt();
    const child = `
      import { Writable } from 'node:stream';
      import { createProgress } from ${JSON.stringify(pathToFileURL(resolve(ROOT, 'dist/report/progress.js')).href)};
      let drawn = '';
      const stream = Object.assign(new Writable({ write(chunk, _encoding, done) { drawn += chunk; done(); } }), {
        isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true,
      });
      const progress = createProgress(3, { enabled: true, stream, delayMs: 0 });
      const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      await pause(30);
      progress.tick('a.txt');
      await pause(150); // several redraws: cli-progress re-arms its timer after each one
      const holding = process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
      process.stdout.write(JSON.stringify({ drawn: drawn.includes('1/3 a.txt'), holding }));
      // no progress.stop(): the process must end on its own from here
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ drawn: true, holding: 0 });
    expect({ status: result.status, signal: result.signal }).toEqual({ status: 0, signal: null });
  });
});
