/**
 * Issue 9 §3, precision: names that look alike but measure different things are different facts in the lexicon
 * (rules/core/indicators.yaml), so two documents wording them apart are never compared. Made-up sentences of the
 * shapes the reports use: foreign capital used (loans and direct investment) and its part, direct investment; the
 * rural net income of the years to 2013 and the disposable income since; the headline 物价 (the retail price index
 * once, the consumer price index now) and either index; one programme of treasury bonds and all of them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import { figureOfText } from './helpers/figures.js';

const dir = mkdtempSync(join(tmpdir(), 'figcheck-measures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const metricOf = (text: string, raw: string) => figureOfText(text, raw, { path: 'statement.txt' }).metric;

describe('names of two measures resolve to two indicators', () => {
  it.each([
    // a whole and its part stated in one sentence
    ['实际利用外资500亿美元，其中外商直接投资400亿美元。', '500亿美元', 'foreign-capital-used'],
    ['实际利用外资500亿美元，其中外商直接投资400亿美元。', '400亿美元', 'fdi'],
    ['全年实际使用外商直接投资金额1200亿美元。', '1200亿美元', 'fdi'],
    // net income (to 2013) and disposable income (since 2014)
    ['农民人均纯收入达到2500元。', '2500元', 'rural-net-income-per-capita'],
    ['农村居民人均纯收入实际增长6%。', '6%', 'rural-net-income-per-capita@real'],
    ['农村居民人均可支配收入达到21000元。', '21000元', 'rural-disposable-income-per-capita'],
    // 物价 is neither index by name
    ['物价涨幅控制在6%以内。', '6%以内', 'price-level'],
    ['全国商品零售价格上涨5.2%。', '5.2%', 'retail-price-index'],
    ['居民消费价格上涨2%。', '2%', 'cpi'],
    // one programme's bonds are a part of all treasury bonds
    ['今年长期建设国债1500亿元。', '1500亿元', 'construction-treasury-bonds'],
    ['全年国债6000亿元。', '6000亿元', 'treasury-bonds'],
  ])('%s → %s is %s', (text, raw, metric) => {
    expect(metricOf(text, raw)).toBe(metric);
  });
});

describe('two measures stated for one year in two documents are not compared', () => {
  it('foreign capital used vs direct investment, net vs disposable income, 物价 vs the retail price index', async () => {
    const sub = mkdtempSync(join(dir, 'run-'));
    const write = (name: string, lines: string[]) => writeFileSync(join(sub, name), lines.join('\n') + '\n');
    write('review-a.txt', ['1996年政府工作报告', '——1996年3月5日在全国人民代表大会上', '一、1995年工作回顾', '1995年实际利用外资481亿美元。', '1995年农民人均纯收入1578元。', '1995年物价涨幅回落到14.8%。', '1995年长期建设国债1000亿元。']);
    write('review-b.txt', ['1996年国民经济和社会发展统计公报', '1995年外商直接投资375亿美元。', '1995年农村居民人均可支配收入1600元。', '1995年商品零售价格上涨14.8%，居民消费价格上涨17.1%。', '1995年国债1510亿元。']);
    const run = await check([join(sub, 'review-a.txt'), join(sub, 'review-b.txt')], { cwd: sub, config: false, locale: 'en', jobs: 1 });
    const compared = run.comparisons.filter((c) => c.verdict !== 'single');
    expect(compared.map((c) => c.name)).toEqual([]);
    expect(run.findings.filter((f) => f.rule === 'figure-mismatch')).toEqual([]);
  });
});
