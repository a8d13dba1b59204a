import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { check } from '../../src/index.js';
import type { CheckRun } from '../../src/model.js';

/**
 * A small figcheck project in a fresh folder under `parent`: a yearbook (final) and a report
 * (preliminary) for 2022, a rule file with two metrics checked for consistency at error level, and a
 * figcheck.yaml tying them together. Returns the folder.
 */
export function writeProject(parent: string, yearbook: string, report: string): string {
  const root = mkdtempSync(join(parent, 'project-'));
  writeFileSync(join(root, 'yearbook.txt'), yearbook);
  writeFileSync(join(root, 'report.txt'), report);
  writeFileSync(
    join(root, 'rules.yaml'),
    [
      'version: 1',
      'metrics:',
      '  - { id: funds-attracted, name: 引进到位资金, aliases: [引进到位资金], unit: 元, kind: level }',
      '  - { id: grain-output, name: 粮食产量, aliases: [粮食产量], unit: 吨, kind: level }',
      'checks:',
      '  - { type: consistency, metrics: "*", severity: error }',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(root, 'figcheck.yaml'),
    [
      'documents:',
      '  - { id: yearbook, path: yearbook.txt, period: "2022", status: final }',
      '  - { id: report, path: report.txt, period: "2022", status: preliminary }',
      'rules: [rules.yaml]',
      '',
    ].join('\n'),
  );
  return root;
}

/**
 * A made-up region's work report of 2025 (its plan) and of 2026 (its review of 2025), written into a fresh folder
 * under `parent` and checked together with no configuration: how a 2025 target meets its outcome.
 */
export async function checkPlanAndReview(parent: string, plan: string, review: string): Promise<CheckRun> {
  const sub = mkdtempSync(join(parent, 'run-'));
  writeFileSync(join(sub, 'plan-2025.txt'), ['2025年政府工作报告', '——2025年1月15日在省第十四届人民代表大会第三次会议上', '一、2025年工作总体部署', plan, '全省上下要坚定信心。'].join('\n') + '\n');
  writeFileSync(join(sub, 'review-2026.txt'), ['2026年政府工作报告', '——2026年1月20日在省第十四届人民代表大会第四次会议上', '一、2025年工作回顾', review, '全省上下要坚定信心。'].join('\n') + '\n');
  return check(['plan-2025.txt', 'review-2026.txt'].map((f) => join(sub, f)), { cwd: sub, config: false, locale: 'en', jobs: 1 });
}

/**
 * checkPlanAndReview in a temporary folder of this test file's own (`figcheck-<name>-…`), removed after its tests:
 * what a test file of made-up plans and reviews sets up.
 */
export function planAndReviewChecker(name: string): (plan: string, review: string) => Promise<CheckRun> {
  const dir = mkdtempSync(join(tmpdir(), `figcheck-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (plan, review) => checkPlanAndReview(dir, plan, review);
}

/** Each judged target of a run by `target raw → actual raw`. */
export const targetOutcomes = (run: CheckRun): Record<string, string> => Object.fromEntries(run.targets.map((t) => [`${t.target.raw} → ${t.actual.raw}`, t.outcome]));
