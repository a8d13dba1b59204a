import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding, Severity } from '../src/model.js';
import { exitCode } from '../src/report/gate.js';
import { createProgress } from '../src/report/progress.js';

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
  it('holds no timer that would keep the process alive when a run ends without stop()', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const terminal = fakeTerminal();
    const progress = createProgress(3, { enabled: true, stream: terminal.stream, delayMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    progress.tick('a.txt');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(terminal.written()).toMatch(/0\/3/); // the bar is up, its redraw timer armed
    expect(timers()).toBe(before);
    progress.stop();
  });
});
