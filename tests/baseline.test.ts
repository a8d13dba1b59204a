import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBaseline, readBaseline, writeBaseline } from '../src/baseline.js';
import { InputError, type CheckRun, type Finding } from '../src/model.js';
import { check } from '../src/pipeline.js';
import { exitCode } from '../src/report/gate.js';
import { sarifFormatter } from '../src/report/sarif.js';
import { writeProject } from './helpers/project.js';
import { sampleRun } from './report-fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'figcheck-baseline-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('baseline files', () => {
  it('a missing file is an empty baseline', () => {
    expect(readBaseline(join(dir, 'none.json')).size).toBe(0);
  });

  it('rejects malformed files with an InputError naming the file', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"version": 1, "findings": [');
    expect(() => readBaseline(broken)).toThrow(InputError);
    expect(() => readBaseline(broken)).toThrow(broken);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ version: 1, findings: [{ rule: 'x' }] }));
    expect(() => readBaseline(wrong)).toThrow(new RegExp(`^${wrong.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not a figcheck baseline`));
    writeFileSync(wrong, JSON.stringify(['abc']));
    expect(() => readBaseline(wrong)).toThrow(InputError);
  });

  it('writes a readable, sorted list and reads back its fingerprints', () => {
    const { run } = sampleRun();
    const file = join(dir, 'nested', 'baseline.json');
    writeBaseline(file, [...run.findings].reverse());
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.version).toBe(1);
    expect(written.findings.map((e: { rule: string }) => e.rule)).toEqual(['arithmetic-mismatch', 'encoding-damage', 'figure-mismatch', 'placeholder']);
    expect(Object.keys(written.findings[0])).toEqual(['fingerprint', 'rule', 'metric', 'message']);
    expect(readBaseline(file)).toEqual(new Set(run.findings.map((f) => f.fingerprint)));
  });

  it('applyBaseline marks exactly the recorded findings as suppressed', () => {
    const { run } = sampleRun();
    const findings = run.findings.map((f) => ({ ...f, suppressed: undefined }));
    applyBaseline(findings, new Set([findings[0]!.fingerprint]));
    expect(findings.map((f) => Boolean(f.suppressed))).toEqual([true, false, false, false]);
  });
});

/** Two small documents, a two-metric rule file and a config, written into a fresh folder. */
function project(yearbook: string, report: string): string {
  return writeProject(dir, yearbook, report);
}

const YEARBOOK = '2022年，全区引进到位资金3409亿元。全区粮食产量780万吨。\n';
const REPORT = '过去一年，全区引进到位资金3409亿元。全区粮食产量700万吨。\n';

async function run(root: string): Promise<CheckRun> {
  return check([], { config: join(root, 'figcheck.yaml'), cwd: root, locale: 'en' });
}

function mismatches(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.rule === 'figure-mismatch');
}

describe('baselines on a real run', () => {
  it('silence the recorded findings; a new discrepancy fails the run with exactly that finding', async () => {
    const root = project(YEARBOOK, REPORT);
    const first = await run(root);
    // The starting point: grain output disagrees, funds agree.
    expect(mismatches(first.findings).map((f) => f.metric)).toEqual(['grain-output']);
    expect(exitCode(first.findings, { failOn: 'error' })).toBe(1);
    const baseline = join(root, 'figcheck-baseline.json');
    writeBaseline(baseline, first.findings);

    // Editing elsewhere (lines inserted above) does not bring the finding back.
    writeFileSync(join(root, 'report.txt'), `政府工作报告\n\n各位代表：\n${REPORT}`);
    const edited = await run(root);
    applyBaseline(edited.findings, readBaseline(baseline));
    expect(mismatches(edited.findings)).toHaveLength(1);
    expect(mismatches(edited.findings)[0]!.locations.some((l) => l.line === 4)).toBe(true);
    expect(edited.findings.filter((f) => !f.suppressed)).toEqual([]);
    expect(exitCode(edited.findings, { failOn: 'info' })).toBe(0);

    // A new discrepancy: the report now states other funds.
    writeFileSync(join(root, 'report.txt'), `政府工作报告\n\n各位代表：\n${REPORT.replace('3409亿元', '3000亿元')}`);
    const changed = await run(root);
    applyBaseline(changed.findings, readBaseline(baseline));
    const active = changed.findings.filter((f) => !f.suppressed);
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ rule: 'figure-mismatch', metric: 'funds-attracted', severity: 'error' });
    expect(active[0]!.message).toContain('3000亿元');
    expect(exitCode(changed.findings, { failOn: 'error' })).toBe(1);
  });

  it('SARIF partialFingerprints stay the same when unrelated lines are inserted above', async () => {
    const root = project(YEARBOOK, REPORT);
    const sarif = (r: CheckRun) =>
      JSON.parse(sarifFormatter.format(r, { cwd: root, color: false, locale: 'en', version: '0' })).runs[0].results as {
        ruleId: string;
        partialFingerprints: Record<string, string>;
        locations: { physicalLocation: { region: { startLine: number } } }[];
      }[];
    const before = sarif(await run(root));
    writeFileSync(join(root, 'yearbook.txt'), `内蒙古年鉴\n\n综述\n\n${YEARBOOK}`);
    writeFileSync(join(root, 'report.txt'), `政府工作报告\n${REPORT}`);
    const after = sarif(await run(root));
    const mismatchBefore = before.filter((r) => r.ruleId === 'figure-mismatch');
    const mismatchAfter = after.filter((r) => r.ruleId === 'figure-mismatch');
    expect(mismatchBefore).toHaveLength(1);
    expect(mismatchAfter.map((r) => r.partialFingerprints)).toEqual(mismatchBefore.map((r) => r.partialFingerprints));
    expect(mismatchAfter[0]!.locations[0]!.physicalLocation.region.startLine).not.toBe(
      mismatchBefore[0]!.locations[0]!.physicalLocation.region.startLine,
    );
  });
});
