/**
 * One indicator's change stated as a rise in one document and as a fall in another (src/checks/opposite-changes.ts):
 * a fall of x is a change of −x, so `居民消费价格上涨0.2%` and `居民消费价格下降0.3%` of one year disagree, and a rise and
 * a fall that both round to zero agree. Only indicators, only in percent, only what happened (targets are the target
 * check's). Made-up review and communiqué of 2014, delivered in 2015.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import type { CheckRun } from '../src/model.js';

const dir = mkdtempSync(join(tmpdir(), 'figcheck-opposite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(review: string[], communique: string[]): Promise<CheckRun> {
  const sub = mkdtempSync(join(dir, 'run-'));
  writeFileSync(join(sub, 'review-2015.txt'), ['2015年政府工作报告', '——2015年3月5日在全国人民代表大会上', '一、2014年工作回顾', ...review].join('\n') + '\n');
  writeFileSync(join(sub, 'communique-2014.txt'), ['中华人民共和国2014年国民经济和社会发展统计公报', ...communique].join('\n') + '\n');
  return check(['review-2015.txt', 'communique-2014.txt'].map((f) => join(sub, f)), { cwd: sub, config: false, locale: 'en', jobs: 1 });
}

const signedComparisons = (r: CheckRun) => r.comparisons.filter((c) => c.metric.endsWith('|signed'));
const mismatches = (r: CheckRun) => r.findings.filter((f) => f.rule === 'figure-mismatch');

describe('a rise and a fall of one indicator and year', () => {
  it('disagree when the signed changes do not overlap, reported as a warning naming the reading', async () => {
    const r = await run(['过去一年，国内生产总值增长7.4%，全年居民消费价格上涨0.2%。'], ['全年国内生产总值增长7.4%。全年居民消费价格比上年下降0.3%。']);
    expect(signedComparisons(r).map((c) => [c.name, c.verdict])).toEqual([['居民消费价格', 'mismatch']]);
    const finding = mismatches(r).find((f) => f.message.includes('rise and as a fall'));
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain('0.2%');
    expect(finding?.message).toContain('0.3%');
  });

  it('agree when both round to zero', async () => {
    const r = await run(['过去一年，全年居民消费价格上涨0%。'], ['全年居民消费价格比上年下降0%。']);
    expect(signedComparisons(r).map((c) => c.verdict)).toEqual(['consistent']);
    expect(mismatches(r)).toEqual([]);
  });

  it('are not compared in percentage points, by a label alone, or as targets', async () => {
    const r = await run(
      ['过去一年，城镇调查失业率下降0.2个百分点，农村电商交易额增长5%。', '今年居民消费价格涨幅3%左右。'],
      ['城镇调查失业率上升0.1个百分点。农村电商交易额下降2%。'],
    );
    expect(signedComparisons(r)).toEqual([]);
    expect(mismatches(r).filter((f) => f.message.includes('rise and as a fall'))).toEqual([]);
  });
});
