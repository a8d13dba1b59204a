/**
 * How a target is judged by its outcome (src/checks/target.ts, compare.ts targetOutcome): made-up provincial
 * reports of one region, the plan of 2025 and its review delivered in 2026. A rate target said about with a
 * trailing zero (`增长10%左右` in a list of `6%左右`, `8%左右`) is set in whole percents: 7.2% misses it, as a reader
 * sees at once (the trailing zero read as tens would make it [5, 15], met).
 */
import { describe, expect, it } from 'vitest';
import { planAndReviewChecker, targetOutcomes } from './helpers/project.js';

const run = planAndReviewChecker('judgement');


describe('judging a target by its outcome', () => {
  it('reads a round rate target said about in whole percents: 10%左右 is missed by 7.2% and met by 10.5%', async () => {
    const r = await run(
      '今年全省经济社会发展主要预期目标是：地区生产总值增长6%左右；固定资产投资增长10%左右；一般公共预算收入增长10%左右。',
      '全年地区生产总值增长6.1%，固定资产投资增长7.2%，一般公共预算收入增长10.5%。',
    );
    expect(targetOutcomes(r)).toMatchObject({ '6%左右 → 6.1%': 'met', '10%左右 → 7.2%': 'missed', '10%左右 → 10.5%': 'met' });
    expect(r.findings.filter((f) => f.rule === 'target-missed').map((f) => f.message)).toEqual([expect.stringContaining('固定资产投资')]);
    // the message says what the target was judged by, not only the reading's own [5%, 15%] that 7.2% lies in
    expect(r.findings.find((f) => f.rule === 'target-missed')?.message).toContain('judged at [9.5%, 10.5%]');
  });

  it('keeps the width of a rate said about at its own last digit (7.5%左右, 3%左右)', async () => {
    const r = await run('今年全省发展主要预期目标是：地区生产总值增长7.5%左右，居民消费价格涨幅3%左右。', '全年地区生产总值增长7.46%，居民消费价格上涨3.4%。');
    expect(targetOutcomes(r)).toMatchObject({ '7.5%左右 → 7.46%': 'met', '3%左右 → 3.4%': 'met' });
  });
});
