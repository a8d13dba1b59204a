import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Document, Figure } from '../src/model.js';
import { InputError } from '../src/model.js';
import { consistent, overlaps, targetOutcome } from '../src/checks/compare.js';
import { runChecks as runAllChecks } from '../src/checks/engine.js';
import { loadRuleFile, mergeRuleFiles, parseRuleFile, RULES_DIR } from '../src/rules/load.js';
import type { RuleFile, RuleSet } from '../src/rules/types.js';
import { atLeast, closed, figureIn, open, textDocument } from './checks-fixtures.js';

/** The engine, with only the cross-check findings (damage checks registered by others run too). */
const CROSS_RULES = new Set(['figure-mismatch', 'target-missed', 'arithmetic-mismatch', 'figure-missing']);
function runChecks(...args: Parameters<typeof runAllChecks>): ReturnType<typeof runAllChecks> {
  const results = runAllChecks(...args);
  return { ...results, findings: results.findings.filter((f) => CROSS_RULES.has(f.rule)) };
}

const checksYaml = loadRuleFile(join(RULES_DIR, 'core', 'checks.yaml'));
function ruleSet(file: RuleFile): RuleSet {
  return mergeRuleFiles([checksYaml, file]);
}

const funds: RuleFile = {
  metrics: [{ id: 'funds-attracted', name: '引进到位资金', aliases: ['引进到位资金', '引进区外资金'], unit: '元', kind: 'level' }],
  checks: [{ type: 'consistency', metrics: '*', severity: 'error' }],
};

function fundsFigures(reportRaw: string, value: number, interval: ReturnType<typeof closed>, qualifier: string | null) {
  const yearbook = textDocument('yearbook-gov', '2022年,全区引进到位资金3409亿元、比2021年增长59.7%。', { period: '2022', status: 'final' });
  const report = textDocument('report-2023', `全区引进到位资金${reportRaw}。`, { period: '2022', status: 'preliminary' });
  const figures: Figure[] = [
    figureIn(yearbook, { raw: '3409亿元', value: 3409e8, interval: closed(3408.5e8, 3409.5e8), unit: '元', label: '引进到位资金' }),
    figureIn(report, { raw: reportRaw, value, interval, unit: '元', qualifier, label: '引进到位资金' }),
  ];
  return { documents: [yearbook, report], figures };
}

describe('interval comparison', () => {
  const pct = (raw: string, value: number, interval: ReturnType<typeof closed>, qualifier: string | null = null): Figure =>
    figureIn(textDocument('d', raw, { period: '2022' }), { raw, value, interval, unit: '%', qualifier, label: '地区生产总值', kind: 'change', change: 'increase' });

  it('agrees when intervals overlap, and 4.2% against 4%以上 is consistent', () => {
    expect(consistent(pct('4.2%', 4.2, closed(4.15, 4.25)), pct('4%以上', 4, atLeast(4), '以上'))).toBe(true);
    expect(consistent(pct('4.2%', 4.2, closed(4.15, 4.25)), pct('4.20%', 4.2, closed(4.195, 4.205)))).toBe(true);
  });

  it('disagrees for equal precision and different digits, although 4.2% and 4.3% touch', () => {
    const a = pct('4.2%', 4.2, closed(4.15, 4.25));
    const b = pct('4.3%', 4.3, closed(4.25, 4.35));
    expect(overlaps(a.interval!, b.interval!)).toBe(true);
    expect(consistent(a, b)).toBe(false);
    expect(consistent(a, b, { equalPrecisionStrict: false })).toBe(true);
  });

  it('respects open ends: 超过60% against 59% and against 60% (touching an open end is no overlap)', () => {
    const over60 = pct('超过60%', 60, open(60, null), '超过');
    expect(consistent(over60, pct('59%', 59, closed(58.5, 59.5)))).toBe(false);
    expect(consistent(over60, pct('60.4%', 60.4, closed(60.35, 60.45)))).toBe(true);
    expect(overlaps(open(60, null), closed(59.5, 60))).toBe(false);
  });

  it('judges targets by direction', () => {
    const around6 = closed(5.5, 6.5);
    expect(targetOutcome(around6, closed(4.15, 4.25), 'higher-is-better')).toBe('missed');
    expect(targetOutcome(around6, closed(6.95, 7.05), 'higher-is-better')).toBe('met');
    expect(targetOutcome(around6, closed(6.95, 7.05), undefined)).toBe('missed');
    expect(targetOutcome(closed(2.5, 3.5), closed(1.95, 2.05), 'lower-is-better')).toBe('met');
    expect(targetOutcome(atLeast(200000), closed(204850, 204950), 'higher-is-better')).toBe('met');
    expect(targetOutcome(around6, atLeast(4), 'higher-is-better')).toBe('indeterminate');
  });
});

describe('figure-mismatch (consistency)', () => {
  it('reports 3409亿元 against 3300多亿元 and says which side is preliminary', () => {
    const { documents, figures } = fundsFigures('3300多亿元', 3300e8, open(3300e8, 3400e8), '多');
    const { findings, comparisons } = runChecks(documents, figures, ruleSet(funds), { locale: 'en' });
    const mismatches = findings.filter((f) => f.rule === 'figure-mismatch');
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]!.message).toBe(
      '引进到位资金: 3409亿元 (yearbook-gov, final) vs 3300多亿元 = (3300亿, 3400亿) (report-2023, preliminary)',
    );
    expect(mismatches[0]!.severity).toBe('error');
    expect(mismatches[0]!.metric).toBe('funds-attracted');
    expect(mismatches[0]!.locations.map((l) => `${l.path}:${l.line}:${l.column}:${l.text}`)).toEqual([
      'yearbook-gov.txt:1:15:3409亿元',
      'report-2023.txt:1:9:3300多亿元',
    ]);
    expect(mismatches[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(comparisons.find((c) => c.metric === 'funds-attracted')?.verdict).toBe('mismatch');
  });

  it('says it in Chinese with --locale zh-CN', () => {
    const { documents, figures } = fundsFigures('3300多亿元', 3300e8, open(3300e8, 3400e8), '多');
    const [finding] = runChecks(documents, figures, ruleSet(funds), { locale: 'zh-CN' }).findings;
    expect(finding!.message).toContain('终稿');
    expect(finding!.message).toContain('初步');
    expect(finding!.message).toContain('不一致');
  });

  it('near miss: 3400多亿元 covers 3409亿元', () => {
    const { documents, figures } = fundsFigures('3400多亿元', 3400e8, open(3400e8, 3500e8), '多');
    const run = runChecks(documents, figures, ruleSet(funds), { locale: 'en' });
    expect(run.findings).toEqual([]);
    expect(run.comparisons.find((c) => c.metric === 'funds-attracted')?.verdict).toBe('consistent');
  });

  it('never compares different periods, unreliable figures, or % with 个百分点', () => {
    const a = textDocument('a', '城镇化率68.2%。城镇化率68.9%。城镇化率提高1.1个百分点', { period: '2022' });
    const b = textDocument('b', '城镇化率67.5%。城镇化率?0.9%', { period: '2021' });
    const figures = [
      figureIn(a, { raw: '68.2%', value: 68.2, interval: closed(68.15, 68.25), unit: '%', kind: 'share', label: '城镇化率' }),
      figureIn(b, { raw: '67.5%', value: 67.5, interval: closed(67.45, 67.55), unit: '%', kind: 'share', label: '城镇化率' }),
      figureIn(b, { raw: '0.9%', value: 0.9, interval: closed(0.85, 0.95), unit: '%', kind: 'share', label: '城镇化率', period: '2022', unreliable: 'mojibake' }),
    ];
    expect(runChecks([a, b], figures, ruleSet({}), { locale: 'en' }).findings).toEqual([]);
    // Inside one document: two readings of a metric rule are a mismatch; auto-aligned ones are not compared.
    figures.push(figureIn(a, { raw: '68.9%', value: 68.9, interval: closed(68.85, 68.95), unit: '%', kind: 'share', label: '城镇化率' }));
    expect(runChecks([a, b], figures, ruleSet({}), { locale: 'en' }).findings).toEqual([]);
    const urbanization: RuleFile = { metrics: [{ id: 'urbanization', name: '城镇化率', unit: '%', kind: 'share' }] };
    const [finding] = runChecks([a, b], figures, ruleSet(urbanization), { locale: 'en' }).findings;
    expect(finding!.rule).toBe('figure-mismatch');
    expect(finding!.message).toBe('城镇化率: 68.2% (a) vs 68.9% (a)');
    expect(finding!.severity).toBe('error');
    expect(finding!.locations).toHaveLength(2);
  });

  it('aligns figures no rule covers across documents, says so, and defaults to warning', () => {
    const a = textDocument('a', '城镇化率68.2%', { period: '2022' });
    const b = textDocument('b', '城镇化率68.9%', { period: '2022' });
    const figures = [
      figureIn(a, { raw: '68.2%', value: 68.2, interval: closed(68.15, 68.25), unit: '%', kind: 'share', label: '城镇化率' }),
      figureIn(b, { raw: '68.9%', value: 68.9, interval: closed(68.85, 68.95), unit: '%', kind: 'share', label: '全区城镇化率' }),
    ];
    const [finding] = runChecks([a, b], figures, ruleSet({}), { locale: 'en' }).findings;
    expect(finding!.message).toContain('aligned automatically');
    expect(finding!.severity).toBe('warning');
    expect(finding!.metric).toBe('auto:城镇化率|%|share|');
  });

  it('auto-alignment skips generic labels and different labels', () => {
    const a = textDocument('a', '投资增长35.3%,新能源发电1350亿千瓦时', { period: '2022' });
    const b = textDocument('b', '投资增长12%,发电1300多亿千瓦时,发电量6465亿千瓦时', { period: '2022' });
    const figures = [
      figureIn(a, { raw: '35.3%', value: 35.3, interval: closed(35.25, 35.35), unit: '%', kind: 'change', change: 'increase', label: '投资' }),
      figureIn(b, { raw: '12%', value: 12, interval: closed(11.5, 12.5), unit: '%', kind: 'change', change: 'increase', label: '投资' }),
      figureIn(a, { raw: '1350亿千瓦时', value: 1350e8, interval: closed(1349.5e8, 1350.5e8), unit: '千瓦时', label: '新能源发电' }),
      figureIn(b, { raw: '1300多亿千瓦时', value: 1300e8, interval: open(1300e8, 1400e8), unit: '千瓦时', qualifier: '多', label: '发电' }),
      figureIn(b, { raw: '6465亿千瓦时', value: 6465e8, interval: closed(6464.5e8, 6465.5e8), unit: '千瓦时', label: '发电量' }),
    ];
    expect(runChecks([a, b], figures, ruleSet({}), { locale: 'en' }).findings).toEqual([]);
  });
});

describe('target-missed (target)', () => {
  const report = textDocument('report-2022', '主要预期目标是:地区生产总值增长6%左右;城镇新增就业20万人以上。', { period: '2021', status: 'final' });
  const gdpTarget = () =>
    figureIn(report, { raw: '6%左右', value: 6, interval: closed(5.5, 6.5), unit: '%', qualifier: '左右', kind: 'change', change: 'increase', label: '地区生产总值', period: '2022', modality: 'target' });
  const jobsTarget = () =>
    figureIn(report, { raw: '20万人以上', value: 200000, interval: atLeast(200000), unit: '人', qualifier: '以上', kind: 'count', label: '城镇新增就业', period: '2022', modality: 'target' });

  it('reports 4.2% against the 6%左右 target as missed, and 20.49万人 against 20万人以上 as met', () => {
    const yearbook = textDocument('yearbook', '地区生产总值增长4.2%,城镇新增就业20.49万人。', { period: '2022', status: 'final' });
    const figures = [
      gdpTarget(),
      jobsTarget(),
      figureIn(yearbook, { raw: '4.2%', value: 4.2, interval: closed(4.15, 4.25), unit: '%', kind: 'change', change: 'increase', label: '地区生产总值' }),
      figureIn(yearbook, { raw: '20.49万人', value: 204900, interval: closed(204850, 204950), unit: '人', kind: 'count', label: '城镇新增就业' }),
    ];
    const run = runChecks([report, yearbook], figures, ruleSet({}), { locale: 'en' });
    const missed = run.findings.filter((f) => f.rule === 'target-missed');
    expect(missed).toHaveLength(1);
    expect(missed[0]!.message).toContain('6%左右 = [5.5%, 6.5%] (report-2022, final)');
    expect(missed[0]!.message).toContain('actual 4.2% (yearbook, final)');
    expect(missed[0]!.locations.map((l) => l.text)).toEqual(['6%左右', '4.2%']);
    expect(run.findings.filter((f) => f.rule === 'figure-mismatch')).toEqual([]);
    expect(run.targets.map((o) => o.outcome).sort()).toEqual(['met', 'missed']);
  });

  it('near miss: 6.8% beats a 6%左右 growth target (a floor), CPI 2% meets a 3%左右 ceiling', () => {
    const text = '地区生产总值增长6.8%,居民消费价格涨幅2%。';
    const yearbook = textDocument('yearbook', text, { period: '2022', status: 'final' });
    const cpiReport = textDocument('plan', '居民消费价格涨幅3%左右', { period: '2021' });
    const figures = [
      gdpTarget(),
      figureIn(cpiReport, { raw: '3%左右', value: 3, interval: closed(2.5, 3.5), unit: '%', qualifier: '左右', kind: 'share', label: '居民消费价格涨幅', period: '2022', modality: 'target' }),
      figureIn(yearbook, { raw: '6.8%', value: 6.8, interval: closed(6.75, 6.85), unit: '%', kind: 'change', change: 'increase', label: '地区生产总值' }),
      figureIn(yearbook, { raw: '2%', value: 2, interval: closed(1.5, 2.5), unit: '%', kind: 'share', label: '居民消费价格涨幅' }),
    ];
    const run = runChecks([report, cpiReport, yearbook], figures, ruleSet({}), { locale: 'en' });
    expect(run.findings).toEqual([]);
    expect(run.targets.map((o) => o.outcome)).toEqual(['met', 'met']);
  });
  it('a decrease target of a lower-is-better metric is a floor on the decrease: 3.8% lower beats 2.5%左右 lower', () => {
    const plan = textDocument('plan', '单位国内生产总值能耗降低2.5%左右', { period: '2023' });
    const outcome = textDocument('outcome', '单位国内生产总值能耗降低3.8%,单位国内生产总值能耗降低1.2%', { period: '2024', status: 'final' });
    const target = figureIn(plan, { raw: '2.5%左右', value: 2.5, interval: closed(2.45, 2.55), unit: '%', qualifier: '左右', kind: 'change', change: 'decrease', label: '单位国内生产总值能耗', period: '2024', modality: 'target' });
    const actual = (raw: string, value: number, other: Document) =>
      figureIn(other, { raw, value, interval: closed(value - 0.05, value + 0.05), unit: '%', kind: 'change', change: 'decrease', label: '单位国内生产总值能耗', period: '2024' });
    const beaten = runChecks([plan, outcome], [target, actual('3.8%', 3.8, outcome)], ruleSet({}), { locale: 'en' });
    expect(beaten.findings.filter((f) => f.rule === 'target-missed')).toEqual([]);
    expect(beaten.targets.map((o) => o.outcome)).toEqual(['met']);
    const short = textDocument('short', '单位国内生产总值能耗降低1.2%', { period: '2024', status: 'final' });
    const missed = runChecks([plan, short], [target, actual('1.2%', 1.2, short)], ruleSet({}), { locale: 'en' });
    expect(missed.targets.map((o) => o.outcome)).toEqual(['missed']);
  });
});

describe('arithmetic-mismatch (arithmetic)', () => {
  const sentence = (rate: string) => `全区累计梳理出办证难项目2339个,已办理大房本项目2302个,首次登记率${rate}。`;
  const shareFigures = (rate: string, value: number) => {
    const doc = textDocument('rect', sentence(rate), { period: '2021' });
    return {
      doc,
      figures: [
        figureIn(doc, { raw: '2339个', value: 2339, interval: closed(2338.5, 2339.5), unit: '个', kind: 'count', label: '办证难项目' }),
        figureIn(doc, { raw: '2302个', value: 2302, interval: closed(2301.5, 2302.5), unit: '个', kind: 'count', label: '大房本项目' }),
        figureIn(doc, { raw: rate, value, interval: closed(value - 0.005, value + 0.005), unit: '%', kind: 'share', label: '首次登记率' }),
      ],
    };
  };

  it('near miss: 2302 of 2339 is 98.42%', () => {
    const { doc, figures } = shareFigures('98.42%', 98.42);
    expect(runChecks([doc], figures, ruleSet({}), { locale: 'en' }).findings).toEqual([]);
  });

  it('hit: 2302 of 2339 is not 96.42%', () => {
    const { doc, figures } = shareFigures('96.42%', 96.42);
    const findings = runChecks([doc], figures, ruleSet({}), { locale: 'en' }).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]!.rule).toBe('arithmetic-mismatch');
    expect(findings[0]!.message).toContain('2302个 of 2339个');
    expect(findings[0]!.locations).toHaveLength(3);
  });

  it('checks 其中…占 shares with interval arithmetic: 7.54 of 32.77 is 23%, not 32%', () => {
    for (const [rate, expected] of [['23%', 0], ['32%', 1]] as const) {
      const doc = textDocument('r', `下达专项资金32.77亿元,其中脱贫地区7.54亿元,占${rate}。`, { period: '2021' });
      const value = Number(rate.slice(0, -1));
      const figures = [
        figureIn(doc, { raw: '32.77亿元', value: 32.77e8, interval: closed(32.765e8, 32.775e8), unit: '元', label: '专项资金' }),
        figureIn(doc, { raw: '7.54亿元', value: 7.54e8, interval: closed(7.535e8, 7.545e8), unit: '元', label: '脱贫地区' }),
        figureIn(doc, { raw: rate, value, interval: closed(value - 0.5, value + 0.5), unit: '%', kind: 'share', label: '' }),
      ];
      expect(runChecks([doc], figures, ruleSet({}), { locale: 'en' }).findings).toHaveLength(expected);
    }
  });

  it('checks a completion rate against the target of the same metric and period', () => {
    const plan = textDocument('plan', '城镇新增就业25万人以上', { period: '2021' });
    const target = (raw: string, value: number) =>
      figureIn(plan, { raw, value, interval: atLeast(value), unit: '人', qualifier: '以上', kind: 'count', label: '城镇新增就业', period: '2022', modality: 'target' });
    const doc = textDocument('yb', '城镇新增就业20.49万人,完成全年目标任务的100.8%。', { period: '2022' });
    const figures = [
      figureIn(doc, { raw: '20.49万人', value: 204900, interval: closed(204850, 204950), unit: '人', kind: 'count', label: '城镇新增就业' }),
      figureIn(doc, { raw: '100.8%', value: 100.8, interval: closed(100.75, 100.85), unit: '%', kind: 'share', label: '全年目标任务' }),
    ];
    const hit = runChecks([plan, doc], [target('25万人以上', 250000), ...figures], ruleSet({}), { locale: 'en' }).findings;
    expect(hit.filter((f) => f.rule === 'arithmetic-mismatch')).toHaveLength(1);
    const planOk = textDocument('plan', '城镇新增就业20万人以上', { period: '2021' });
    const okTarget = figureIn(planOk, { raw: '20万人以上', value: 200000, interval: atLeast(200000), unit: '人', qualifier: '以上', kind: 'count', label: '城镇新增就业', period: '2022', modality: 'target' });
    expect(runChecks([planOk, doc], [okTarget, ...figures], ruleSet({}), { locale: 'en' }).findings).toEqual([]);
  });

  it('reports a part after 其中 larger than its total, not a smaller one', () => {
    for (const [part, value, expected] of [['2640亿千瓦时', 2640e8, 0], ['7640亿千瓦时', 7640e8, 1]] as const) {
      const doc = textDocument('y', `发电量6465亿千瓦时,其中外送电量${part}。`, { period: '2022' });
      const figures = [
        figureIn(doc, { raw: '6465亿千瓦时', value: 6465e8, interval: closed(6464.5e8, 6465.5e8), unit: '千瓦时', label: '发电量' }),
        figureIn(doc, { raw: part, value, interval: closed(value - 0.5e8, value + 0.5e8), unit: '千瓦时', label: '外送电量' }),
      ];
      expect(runChecks([doc], figures, ruleSet({}), { locale: 'en' }).findings).toHaveLength(expected);
    }
  });
});

describe('figure-missing (required)', () => {
  const rules = ruleSet({
    metrics: [{ id: 'gdp-growth', name: '地区生产总值增长', aliases: ['地区生产总值'], unit: '%', kind: 'change' }],
    checks: [{ type: 'required', metrics: ['gdp-growth'], documents: ['report-2023', 'yearbook'], severity: 'warning' }],
  });
  const report = textDocument('report-2023', '全区经济运行总体平稳。', { period: '2022' });
  const yearbook = textDocument('yearbook', '地区生产总值增长4.2%。', { period: '2022' });
  const figures = [figureIn(yearbook, { raw: '4.2%', value: 4.2, interval: closed(4.15, 4.25), unit: '%', kind: 'change', change: 'increase', label: '地区生产总值' })];

  it('reports the document that does not state the metric, and only that one', () => {
    const findings = runChecks([report, yearbook], figures, rules, { locale: 'en' }).findings.filter((f) => f.rule === 'figure-missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('report-2023 does not state 地区生产总值增长 (gdp-growth)');
    expect(findings[0]!.locations[0]!.path).toBe('report-2023.txt');
  });

  it('warns about a metric id no rule file defines and goes on with the others', () => {
    const typo = ruleSet({ metrics: rules.metrics, checks: [{ type: 'required', metrics: ['no-such', 'gdp-growth'], documents: ['report-2023'] }] });
    const results = runChecks([report, yearbook], figures, typo, { locale: 'en' });
    expect(results.warnings).toEqual(['check "required" names metric "no-such", which no rule file defines: nothing is checked for it']);
    expect(results.findings.filter((f) => f.rule === 'figure-missing')).toHaveLength(1);
  });
});

describe('engine', () => {
  it('rejects an unknown check type with an InputError naming it', () => {
    expect(() => runChecks([], [], ruleSet({ checks: [{ type: 'spelling' }] }), { locale: 'en' })).toThrow(InputError);
    expect(() => runChecks([], [], ruleSet({ checks: [{ type: 'spelling' }] }), { locale: 'en' })).toThrow(/"spelling"/);
  });

  it('applies severity overrides from the config and drops rules set to off', () => {
    const { documents, figures } = fundsFigures('3300多亿元', 3300e8, open(3300e8, 3400e8), '多');
    const rules = ruleSet(funds);
    expect(runChecks(documents, figures, rules, { locale: 'en', severity: { 'figure-mismatch': 'info' } }).findings[0]!.severity).toBe('info');
    expect(runChecks(documents, figures, rules, { locale: 'en', severity: { 'figure-mismatch': 'off' } }).findings).toEqual([]);
  });

  it('returns findings sorted by path, line and column whatever the input order', () => {
    const { documents, figures } = fundsFigures('3300多亿元', 3300e8, open(3300e8, 3400e8), '多');
    const extra = textDocument('a-first', '城镇化率68.2%。城镇化率68.9%', { period: '2022' });
    const more = [
      figureIn(extra, { raw: '68.9%', value: 68.9, interval: closed(68.85, 68.95), unit: '%', kind: 'share', label: '城镇化率' }),
      figureIn(extra, { raw: '68.2%', value: 68.2, interval: closed(68.15, 68.25), unit: '%', kind: 'share', label: '城镇化率' }),
    ];
    const rules = ruleSet({ ...funds, metrics: [...funds.metrics!, { id: 'urbanization', name: '城镇化率', unit: '%', kind: 'share' }] });
    const one = runChecks([...documents, extra], [...figures, ...more], rules, { locale: 'en' }).findings;
    const two = runChecks([extra, ...documents].reverse(), [...more, ...figures].reverse(), rules, { locale: 'en' }).findings;
    expect(one.map((f) => f.fingerprint)).toEqual(two.map((f) => f.fingerprint));
    expect(one.map((f) => f.locations[0]!.path)).toEqual(['a-first.txt', 'yearbook-gov.txt']);
  });
});

describe('rule file errors', () => {
  it('reports a YAML syntax error with file, line and column', () => {
    const text = 'version: 1\nmetrics:\n  - id: gdp\n    name: [unclosed\n';
    expect(() => parseRuleFile('my-rules.yaml', text)).toThrow(/^my-rules\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('reports a schema error (an unknown key) at its line and column', () => {
    const text = 'version: 1\nmetrics:\n  - id: gdp\n    name: 地区生产总值\n    colour: red\n';
    expect(() => parseRuleFile('my-rules.yaml', text)).toThrow('my-rules.yaml:5:5: unknown key "colour" in metrics.0');
  });

  it('reports a bad enum value and an unknown key in a check entry', () => {
    const text = 'checks:\n  - { type: consistency, metrics: "*", severity: fatal }\n  - { type: target, metric: [gdp] }\n';
    let message = '';
    try {
      parseRuleFile('r.yaml', text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('r.yaml:2:');
    expect(message).toContain('must be one of "error", "warning", "info"');
    expect(message).toContain('r.yaml:3:');
    expect(message).toContain('unknown key "metric"');
  });

  it('accepts the core format of the issue exactly as written', () => {
    const text = [
      'version: 1',
      'metrics:',
      '  - id: funds-attracted',
      '    name: 引进到位资金',
      '    aliases: [引进到位资金, 引进区外资金]   # matched on normalized (Simplified) text',
      '    unit: 元',
      '    kind: level                              # level | change | share | rank | count | ratio',
      '    direction: higher-is-better              # for targets; lower-is-better for CPI, unemployment',
      'checks:',
      '  - { type: consistency, metrics: "*", severity: error }',
      '  - { type: target, metrics: [gdp-growth], severity: info }',
      '  - { type: required, metrics: [gdp-growth], documents: [report-2023], severity: warning }',
    ].join('\n');
    const file = parseRuleFile('core.yaml', text);
    expect(file.metrics?.[0]?.aliases).toEqual(['引进到位资金', '引进区外资金']);
    expect(file.checks).toHaveLength(3);
  });
});

describe('finding contract', () => {
  it('every finding carries exactly fingerprint, rule, severity, message, metric and located statements with text', () => {
    const { documents, figures } = fundsFigures('3300多亿元', 3300e8, open(3300e8, 3400e8), '多');
    const [finding] = runChecks(documents, figures, ruleSet(funds), { locale: 'en' }).findings;
    expect(Object.keys(finding!).sort()).toEqual(['fingerprint', 'locations', 'message', 'metric', 'rule', 'severity']);
    for (const location of finding!.locations) {
      expect(Object.keys(location).sort()).toEqual(['column', 'endColumn', 'endLine', 'line', 'path', 'text']);
    }
    // The fingerprint ignores positions: the same statements moved down a line keep it.
    const moved = fundsFigures('3300多亿元', 3300e8, open(3300e8, 3400e8), '多');
    for (const figure of moved.figures) figure.location = { ...figure.location, line: figure.location.line + 3 };
    expect(runChecks(moved.documents, moved.figures, ruleSet(funds), { locale: 'en' }).findings[0]!.fingerprint).toBe(finding!.fingerprint);
  });
});

describe('auto-alignment guards', () => {
  it('never compares two figures of one sentence (从1.5万亿元增长到2.3万亿元)', () => {
    const doc = textDocument('r', '地区生产总值从1.5万亿元增长到2.3万亿元。', { period: '2022' });
    const rules = ruleSet({ metrics: [{ id: 'gdp', name: '地区生产总值', unit: '元', kind: 'level' }] });
    const figures = [
      figureIn(doc, { raw: '1.5万亿元', value: 1.5e12, interval: closed(1.45e12, 1.55e12), unit: '元', label: '地区生产总值' }),
      figureIn(doc, { raw: '2.3万亿元', value: 2.3e12, interval: closed(2.25e12, 2.35e12), unit: '元', label: '地区生产总值' }),
    ];
    expect(runChecks([doc], figures, rules, { locale: 'en' }).findings).toEqual([]);
  });

  it('skips a label one document states with two different values (two scopes), but not a repeated one', () => {
    const a = textDocument('a', '外部事项压减办事时限49.4%。内部事项压减办事时限38.7%。', { period: '2022' });
    const b = textDocument('b', '压减办事时限40%。', { period: '2022' });
    const spec = (raw: string, value: number, q: number) => ({ raw, value, interval: closed(value - q / 2, value + q / 2), unit: '%', kind: 'change' as const, change: 'decrease' as const, label: '压减办事时限' });
    const figures = [figureIn(a, spec('49.4%', 49.4, 0.1)), figureIn(a, spec('38.7%', 38.7, 0.1)), figureIn(b, spec('40%', 40, 1))];
    expect(runChecks([a, b], figures, ruleSet({}), { locale: 'en' }).findings).toEqual([]);
    // The same label stated once per document is aligned: 49.4% against 40% is reported.
    expect(runChecks([a, b], [figures[0]!, figures[2]!], ruleSet({}), { locale: 'en' }).findings).toHaveLength(1);
  });
});
