/**
 * A target whose interval only touches its outcome's (src/checks/target.ts judgeOutcome, setting
 * consistency.roundHalfAwayFromZero): reports round half away from zero (四舍五入), so `4%` stands for [3.5, 4.5) and
 * `5%左右` for [4.5, 5.5): they share no value and the target is missed, as a reader says (made-up provincial plan of
 * 2025 and its review of 2026). Ends set by a word (`以上`, `以内`) stay closed, so touching them is not a miss.
 */
import { describe, expect, it } from 'vitest';
import { planAndReviewChecker, targetOutcomes } from './helpers/project.js';
import { targetOutcome } from '../src/checks/compare.js';

const run = planAndReviewChecker('rounding');


describe('a target touching its outcome at a rounding end', () => {
  it('is missed: 4% against 5%左右 (a floor), 4% against 3%左右 (a ceiling), 7.4% against 7.5%左右', async () => {
    const r = await run(
      '今年全省经济社会发展主要预期目标是：地区生产总值增长5%左右；居民消费价格涨幅3%左右；规模以上工业增加值增长7.5%左右。',
      '全年地区生产总值增长4%，居民消费价格上涨4%，规模以上工业增加值增长7.4%。',
    );
    expect(targetOutcomes(r)).toMatchObject({ '5%左右 → 4%': 'missed', '3%左右 → 4%': 'missed', '7.5%左右 → 7.4%': 'missed' });
    expect(r.findings.filter((f) => f.rule === 'target-missed')).toHaveLength(3);
  });

  it('is judged as before where the intervals overlap, or an end is set by a word', async () => {
    const r = await run(
      '今年全省经济社会发展主要预期目标是：地区生产总值增长5%左右；城镇调查失业率控制在3.5%以内。',
      '全年地区生产总值增长4.5%，城镇调查失业率为4%。',
    );
    // 4.5% ([4.45, 4.55)) overlaps [4.5, 5.5); 4% ([3.5, 4.5)) may be 3.5 itself, which 3.5%以内 includes
    expect(targetOutcomes(r)).toMatchObject({ '5%左右 → 4.5%': 'indeterminate', '3.5%以内 → 4%': 'indeterminate' });
  });

  it('leaves the interval comparison itself closed (a target of one point and its equal stay met)', () => {
    const point = { lo: 5, loClosed: true, hi: 5, hiClosed: true };
    expect(targetOutcome(point, point, 'higher-is-better')).toBe('met');
  });
});
