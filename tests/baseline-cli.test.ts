/** The baseline workflow through the real command line (src/cli/main.ts), as CI runs it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { writeProject } from './helpers/project.js';

let parent: string;
let root: string;
beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'figcheck-baseline-cli-'));
  root = writeProject(parent, '2022年，全区引进到位资金3409亿元。全区粮食产量780万吨。\n', '过去一年，全区引进到位资金3409亿元。全区粮食产量700万吨。\n');
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

async function figcheck(...args: string[]): Promise<number> {
  // The CLI writes notices to stderr; keep the test output clean.
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await main(['node', 'figcheck', 'check', '--config', join(root, 'figcheck.yaml'), '--quiet', ...args]);
  } finally {
    stderr.mockRestore();
  }
}

function json(file: string) {
  return JSON.parse(readFileSync(file, 'utf8')) as {
    findings: { rule: string; metric: string | null; suppressed?: boolean; message: string }[];
    summary: { error: number; suppressed: number };
  };
}

describe('figcheck check --baseline', () => {
  it('--update-baseline records the findings and exits 0; the baseline then silences them; a new discrepancy fails', async () => {
    const baseline = join(root, 'baseline.json');
    const out = join(root, 'out.json');
    expect(await figcheck('--format', 'json', '--output', out)).toBe(1);
    expect(json(out).summary.error).toBe(1);

    expect(await figcheck('--baseline', baseline, '--update-baseline', '--format', 'json', '--output', out)).toBe(0);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).findings.map((f: { metric: string }) => f.metric)).toContain('grain-output');

    expect(await figcheck('--baseline', baseline, '--format', 'json', '--output', out)).toBe(0);
    expect(json(out).summary).toMatchObject({ error: 0, suppressed: 1 });
    expect(json(out).findings.find((f) => f.rule === 'figure-mismatch')?.suppressed).toBe(true);

    writeFileSync(join(root, 'report.txt'), '过去一年，全区引进到位资金3000亿元。全区粮食产量700万吨。\n');
    expect(await figcheck('--baseline', baseline, '--format', 'json', '--output', out)).toBe(1);
    const active = json(out).findings.filter((f) => !f.suppressed);
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ rule: 'figure-mismatch', metric: 'funds-attracted' });
    // --fail-on never lets it pass; --max-warnings does not count errors.
    expect(await figcheck('--baseline', baseline, '--fail-on', 'never', '--max-warnings', '0', '--format', 'json', '--output', out)).toBe(0);
  });

  it('a malformed baseline is an input error (exit 2) naming the file', async () => {
    const broken = join(root, 'broken.json');
    writeFileSync(broken, 'not json');
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    try {
      expect(await main(['node', 'figcheck', 'check', '--config', join(root, 'figcheck.yaml'), '--quiet', '--baseline', broken, '--format', 'json', '--output', join(root, 'o.json')])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(stderr.join('')).toContain(broken);
    expect(stderr.join('')).not.toMatch(/\n\s+at /);
  });
});
