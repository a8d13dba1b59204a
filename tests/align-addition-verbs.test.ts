/**
 * Auto-alignment of a count's label opening with a verb of adding (rules/core/checks.yaml alignment.additionVerbs):
 * a plan and its review word the same addition apart (`新认定高新技术企业5000家`, `新增高新技术企业超6000家`; `建设…180个`,
 * `新建…180个`), so those verbs are one; a label with none counts all there are (`智能化煤矿达到400座`), and verbs of
 * another stage (新开工 vs 建成) stay apart. Made-up provincial plan of 2025 and review of 2026.
 */
import { describe, expect, it } from 'vitest';
import { planAndReviewChecker, targetOutcomes } from './helpers/project.js';

const checkPlanAndReview = planAndReviewChecker('addition');

describe('verbs of adding in a count\'s label', () => {
  it('are one verb between a plan and its review', async () => {
    const r = await checkPlanAndReview('强化企业创新主体地位，新认定高新技术企业5000家。扎实推进乡村建设，建设和美乡村180个。', '发挥企业创新主体作用，新增高新技术企业超6000家。深化乡村建设行动，新建和美乡村180个。');
    expect(targetOutcomes(r)).toMatchObject({ '5000家 → 超6000家': 'met', '180个 → 180个': 'met' });
  });

  it('leave a count of all there are, and a verb of another stage, apart', async () => {
    const r = await checkPlanAndReview('推进能源基地建设，新建智能化煤矿130座。新开工保障性租赁住房5万套。', '能源保供成效明显，智能化煤矿达到400座。建成保障性租赁住房3万套。');
    expect(Object.keys(targetOutcomes(r))).not.toContain('130座 → 400座');
    expect(Object.keys(targetOutcomes(r))).not.toContain('5万套 → 3万套');
    expect(r.findings.filter((f) => f.rule === 'target-missed')).toEqual([]);
  });
});
