/**
 * An estimate (预计) against the final figure of the same fact (SEMANTICS.md, src/checks/consistency-estimates.ts):
 * a budget report delivered in December estimates its year; the next spring's communiqué states the final figure.
 * They are one fact compared by the interval rules; a disagreement is an `estimate-revised` finding, one step below
 * a mismatch of two finals, naming the preliminary side. Estimates of another scope, another period or the next
 * year, and targets, are never compared as that fact. Made-up documents of a made-up city.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import type { CheckRun, Figure, Finding } from '../src/model.js';

const dir = mkdtempSync(join(tmpdir(), 'figcheck-estimates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A budget report on 2025 (delivered `dated`, December by default) and the communiqué of 2025 (April 2026). */
async function run(budget: string[], communique: string[], options: { dated?: string; locale?: 'en' | 'zh-CN'; rules?: string; extra?: string[] } = {}): Promise<CheckRun> {
  const sub = mkdtempSync(join(dir, 'run-'));
  const dated = options.dated ?? '2025年12月26日';
  writeFileSync(
    join(sub, 'budget-2025.txt'),
    ['关于江城市2025年预算执行情况与2026年预算草案的报告', `——${dated}在江城市第九届人民代表大会第六次会议上`, '各位代表：', '一、2025年预算执行情况', ...budget].join('\n') + '\n',
  );
  writeFileSync(join(sub, 'communique-2025.txt'), ['江城市2025年国民经济和社会发展统计公报', '江城市统计局', '2026年4月', ...communique].join('\n') + '\n');
  const rules: string[] = [];
  if (options.rules) {
    rules.push(join(sub, 'rules.yaml'));
    writeFileSync(rules[0]!, options.rules);
  }
  const files = ['budget-2025.txt', 'communique-2025.txt'];
  if (options.extra) {
    writeFileSync(join(sub, 'plan-2025.txt'), options.extra.join('\n') + '\n');
    files.unshift('plan-2025.txt');
  }
  return check(files.map((f) => join(sub, f)), { cwd: sub, config: false, rules, locale: options.locale ?? 'en', jobs: 1 });
}

/** The comparisons holding both figures (by their raw text), with their verdicts. */
function comparedAs(r: CheckRun, a: string, b: string): string[] {
  const has = (statements: Figure[], raw: string) => statements.some((f) => f.raw.replace(/\s/g, '') === raw);
  return r.comparisons.filter((c) => has(c.statements, a) && has(c.statements, b)).map((c) => c.verdict);
}

const ofRule = (r: CheckRun, rule: string): Finding[] => r.findings.filter((f) => f.rule === rule);

describe('a December estimate and the final figure of its year', () => {
  it('are one fact: `207亿元左右` and `207.10亿元` agree, nothing is reported', async () => {
    const r = await run(['2025年，全市一般公共预算收入预计完成207亿元左右，同比增长3.2%左右。'], ['全年一般公共预算收入207.10亿元，比上年增长3.3%。']);
    expect(comparedAs(r, '207亿元左右', '207.10亿元')).toEqual(['consistent']);
    expect(comparedAs(r, '3.2%左右', '3.3%')).toEqual(['consistent']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('disagree at the width of the estimate\'s written digits: `113.5亿元` is not `113.89亿元`', async () => {
    const r = await run(['2025年，全市一般公共预算收入预计完成207亿元左右，其中税收收入预计完成113.5亿元。'], ['全年一般公共预算收入207.10亿元，其中税收收入113.89亿元。']);
    expect(comparedAs(r, '113.5亿元', '113.89亿元')).toEqual(['mismatch']);
    const [finding, ...more] = ofRule(r, 'estimate-revised');
    expect(more).toEqual([]);
    expect(ofRule(r, 'figure-mismatch')).toEqual([]);
    // the final figure first (the reference), the estimate marked, the preliminary side named
    expect(finding!.message).toMatch(/^税收收入: 113\.89亿元 \(communique-2025\) vs 113\.5亿元 \(budget-2025, estimate\): the estimate \(预计\) in budget-2025 differs from the final figure in communique-2025/);
    expect(finding!.locations.map((l) => l.text)).toEqual(['113.89亿元', '113.5亿元']);
  });

  it('is reported one step below two finals: info when aligned automatically, warning under a metric rule', async () => {
    const budget = ['2025年，全市一般公共预算支出预计完成664.2亿元，同比增长7%。'];
    const communique = ['全年一般公共预算支出693.40亿元，增长11.8%。'];
    const auto = await run(budget, communique);
    expect(ofRule(auto, 'estimate-revised').map((f) => f.severity)).toEqual(['info', 'info']);
    const ruled = await run(budget, communique, {
      rules: ['version: 1', 'metrics:', '  - { id: budget-expenditure, name: 一般公共预算支出, aliases: [一般公共预算支出], unit: 元, kind: level }'].join('\n') + '\n',
    });
    // (the growth, 7% against 11.8%, no rule names: aligned automatically still)
    expect(ofRule(ruled, 'estimate-revised').map((f) => [f.metric, f.severity])).toEqual([
      ['budget-expenditure', 'warning'],
      ['indicator:public-budget-expenditure|%|change|increase', 'info'],
    ]);
  });

  it('says which side is preliminary in Chinese too', async () => {
    const r = await run(['2025年，全市一般公共预算支出预计完成664.2亿元。'], ['全年一般公共预算支出693.40亿元。'], { locale: 'zh-CN' });
    const [finding] = ofRule(r, 'estimate-revised');
    expect(finding!.message).toContain('664.2亿元 (budget-2025, 预计)');
    expect(finding!.message).toContain('不一致：budget-2025 的预计数与 communique-2025 的最终数不符');
  });
});

describe('two statements of one kind', () => {
  it('two finals disagreeing stay a figure-mismatch at the alignment severity', async () => {
    const r = await run(['2025年，全市一般公共预算支出完成690.1亿元。'], ['全年一般公共预算支出693.40亿元。'], { dated: '2026年1月8日' });
    expect(ofRule(r, 'estimate-revised')).toEqual([]);
    expect(ofRule(r, 'figure-mismatch').map((f) => f.severity)).toEqual(['warning']);
    expect(ofRule(r, 'figure-mismatch')[0]!.message).toMatch(/^一般公共预算支出: 693\.40亿元 \(communique-2025\) vs 690\.1亿元 \(budget-2025\) \(aligned automatically/);
  });

  it('two estimates disagreeing are a figure-mismatch too: neither is the final figure', async () => {
    const report = ['江城市政府工作报告', '——2026年1月12日在江城市第九届人民代表大会第七次会议上', '一、2025年工作回顾', '2025年，预计全市一般公共预算支出完成680亿元。'];
    const r = await run(['2025年，全市一般公共预算支出预计完成664.2亿元。'], [], { extra: report });
    expect(comparedAs(r, '664.2亿元', '680亿元')).toEqual(['mismatch']);
    expect(ofRule(r, 'estimate-revised')).toEqual([]);
    expect(ofRule(r, 'figure-mismatch').map((f) => f.severity)).toEqual(['warning']);
  });

  it('an estimate of a year already over (a January report) is compared as before, as a revision when it disagrees', async () => {
    const r = await run(['2025年，全市一般公共预算支出预计完成664.2亿元。'], ['全年一般公共预算支出693.40亿元。'], { dated: '2026年1月8日' });
    expect(comparedAs(r, '664.2亿元', '693.40亿元')).toEqual(['mismatch']);
    expect(ofRule(r, 'estimate-revised')).toHaveLength(1);
    expect(ofRule(r, 'figure-mismatch')).toEqual([]);
  });
});

describe('what is never compared as the same fact', () => {
  it('an estimate of the next year (a budget) is a projection, not a preliminary figure', async () => {
    const r = await run(['二、2026年预算草案', '2026年全市一般公共预算收入预计完成226亿元。'], ['全年一般公共预算收入207.10亿元。']);
    expect(comparedAs(r, '226亿元', '207.10亿元')).toEqual([]);
    expect(r.findings.filter((f) => f.message.includes('226'))).toEqual([]);
  });

  it('an estimate delivered early in its year is a projection too', async () => {
    const r = await run(['2025年，全市一般公共预算收入预计完成226亿元。'], ['全年一般公共预算收入207.10亿元。'], { dated: '2025年6月20日' });
    expect(comparedAs(r, '226亿元', '207.10亿元')).toEqual([]);
  });

  it('a December estimate of the year and an actual of its first eleven months are two periods', async () => {
    const r = await run(['2025年，全市一般公共预算收入预计完成207亿元左右。'], ['1—11月，全市一般公共预算收入190.2亿元。']);
    expect(comparedAs(r, '207亿元左右', '190.2亿元')).toEqual([]);
  });

  it('a level\'s estimate whose label loses the level is not the whole city\'s, when the report states both', async () => {
    const r = await run(
      ['2025年，全市一般公共预算支出完成664.2亿元，其中市本级预计完成一般公共预算支出124.9亿元。'],
      ['全年一般公共预算支出693.40亿元。'],
    );
    expect(comparedAs(r, '124.9亿元', '693.40亿元')).toEqual([]);
  });

  it('a target and an estimate are not one fact stated twice', async () => {
    const r = await run(['2025年，全市一般公共预算收入预计完成207亿元左右。', '二、2026年预算草案', '2026年全市一般公共预算收入预期目标为215亿元。'], ['全年一般公共预算收入207.10亿元。']);
    expect(r.comparisons.filter((c) => c.statements.some((f) => f.modality === 'target') && c.statements.some((f) => f.modality === 'estimate'))).toEqual([]);
  });
});

describe('the target check', () => {
  it('judges a target by what the year came to, never by an estimate made before the year closed', async () => {
    // (the budget for 2025 set in January 2025, its December estimate: the target waits for the final figure)
    const plan = ['关于江城市2024年预算执行情况与2025年预算草案的报告', '——2025年1月10日在江城市第九届人民代表大会第五次会议上', '二、2025年预算草案', '2025年全市一般公共预算收入预期增长5%左右。'];
    const estimate = ['2025年，全市一般公共预算收入预计增长3.2%左右。'];
    const before = await run(estimate, [], { extra: plan });
    expect(before.targets.map((t) => [t.target.raw, t.actual.raw])).toEqual([]);
    // once the final figure is stated, it judges the target
    const after = await run(estimate, ['全年一般公共预算收入比上年增长3.3%。'], { extra: plan });
    expect(after.targets.map((t) => [t.target.raw, t.actual.raw, t.outcome])).toEqual([['5%左右', '3.3%', 'missed']]);
  });
});
