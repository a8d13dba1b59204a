/**
 * Issue 9 §3, budget reports: a budget report states each budget for the whole area (`全市`) and for the government's
 * own level (`市本级`, `市级`), its revenue and its total of sources (`收入总计`), and its four budgets' execution
 * against the budget passed (`年初预算…，收入完成…`). Each of these is its own fact, and the same fact named with or
 * without `预算` (`社会保险基金收入`) is one. Made-up sentences of the shapes budget reports use.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import { figuresOfText } from './helpers/figures.js';

const dir = mkdtempSync(join(tmpdir(), 'figcheck-budgets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A budget report's title: only in a budget report are `年初预算`, `调整为`, `实际完成` read as a budget's statuses. */
const TITLE = '关于2025年预算执行情况与2026年预算草案的报告\n';
const metrics = (text: string) => Object.fromEntries(figuresOfText(TITLE + text, { path: 'budget.txt' }).map((f) => [f.raw, f.metric]));

describe('whose budget, and which of its totals', () => {
  it('the whole area, the government own level and the total of sources are three facts', () => {
    const found = metrics('全市一般公共预算收入完成171.59亿元，加上级补助收入228.68亿元，全市一般公共预算收入总计518.56亿元。市本级一般公共预算收入完成101.12亿元。');
    expect(found['171.59亿元']).toBe('public-budget-revenue');
    expect(found['518.56亿元']).toBe('public-budget-revenue@budget-total');
    expect(found['101.12亿元']).toBe('public-budget-revenue@own-level');
  });

  it('spending has the same three', () => {
    const found = metrics('全市一般公共预算支出完成406.04亿元，全市一般公共预算支出总计518.56亿元。自治区本级一般公共预算支出完成170.02亿元。');
    expect(found['406.04亿元']).toBe('public-budget-expenditure');
    expect(found['518.56亿元']).toBe('public-budget-expenditure@budget-total');
    expect(found['170.02亿元']).toBe('public-budget-expenditure@own-level');
  });

  it('a tier written before the year is still the figure holder, and so for the figures that take its label', () => {
    const found = metrics('市人大批准的市级2025年社会保险基金预算收入预算90.1亿元（含高新区0.9亿元），执行中按法定程序调整为90.3亿元（含高新区1.3亿元），实际完成91亿元。');
    expect([found['90.1亿元'], found['90.3亿元'], found['91亿元']]).toEqual(Array(3).fill('social-insurance-fund-revenue@city-tier'));
  });

  it('the holder is not carried to a figure naming its own subject, nor past its sentence', () => {
    const found = metrics('市级社会保险基金预算收入90.1亿元，全市一般公共预算收入171.59亿元。社会保险基金预算收入108.1亿元。');
    expect(found['90.1亿元']).toBe('social-insurance-fund-revenue@city-tier');
    expect(found['171.59亿元']).toBe('public-budget-revenue');
    expect(found['108.1亿元']).toBe('social-insurance-fund-revenue');
  });

  it.each([
    ['社会保险基金收入212.4亿元', 'social-insurance-fund-revenue'],
    ['社会保险基金预算收入208.1亿元', 'social-insurance-fund-revenue'],
    ['社会保险基金支出190亿元', 'social-insurance-fund-expenditure'],
    ['国有资本经营收入9亿元', 'soe-capital-revenue'],
    ['国有资本经营预算收入17.9亿元', 'soe-capital-revenue'],
    ['国有资本经营预算支出22.2亿元', 'soe-capital-expenditure'],
    ['政府性基金收入120亿元', 'government-fund-revenue'],
    ['政府性基金预算支出130亿元', 'government-fund-expenditure'],
    // (the general budget under its names before the 2014 budget law)
    ['公共财政预算收入增长12%', 'public-budget-revenue'],
    ['财政一般预算收入30亿元', 'public-budget-revenue'],
    ['公共财政预算支出45亿元', 'public-budget-expenditure'],
  ])('a budget named with or without 预算 is one budget: %s', (text, metric) => {
    const [figure] = figuresOfText(`全市${text}。`, { path: 'budget.txt' });
    expect(figure?.metric).toBe(metric);
  });
});

describe('a part named after its whole, and the shorthand of fiscal reports', () => {
  it('a part after the whole it is of (`A中B`) is the part, of the whole scopes', () => {
    const found = metrics('一般公共预算收入中税收同比增长4.5%。市本级一般公共预算收入中税收完成60亿元。');
    expect(found['4.5%']).toBe('tax-revenue');
    expect(found['60亿元']).toBe('tax-revenue@own-level');
  });

  it('the share of such a part is its share in the whole, as the communiqué writes it out', () => {
    const found = metrics('一般公共预算收入中税收同比增长4.5%，占比达到69.4%。税收收入占一般公共预算收入的比重为72.7%。一般公共预算收入中税收88亿元，增长12%。');
    expect(found['69.4%']).toBe('tax-share-of-revenue');
    expect(found['72.7%']).toBe('tax-share-of-revenue');
    // (a change of the part, or its amount, stays the part's)
    expect(found['12%']).toBe('tax-revenue');
    expect(found['88亿元']).toBe('tax-revenue');
  });

  it('a word holding 中 that names no whole is no part (`集中`, `其中`)', () => {
    const found = metrics('集中税收30亿元。其中税收收入94.6亿元。');
    expect(found['30亿元']).toBeNull();
    expect(found['94.6亿元']).toBe('tax-revenue');
  });

  it('税比 is the share of taxes in budget revenue, as the communiqué writes it out', () => {
    const found = metrics('其中，税收收入完成94.6亿元，同比增长2%，税比为70%，居全省第三。税收收入占一般公共预算收入的比重70.0%。');
    expect(found['70%']).toBe('tax-share-of-revenue');
    expect(found['70.0%']).toBe('tax-share-of-revenue');
  });

  it.each([
    ['各项贷款余额年末数4023.26亿元', 'rmb-loans'],
    ['人民币各项贷款余额4023.26亿元', 'rmb-loans'],
    ['人民币各项存款余额6179.82亿元', 'rmb-deposits'],
    ['出口金额161.0亿元', 'exports'],
    ['进口金额23.3亿元', 'imports'],
    ['货物进出口总值300亿元', 'trade-total'],
    ['万元生产总值能耗下降3%', 'energy-intensity'],
    ['年末全市常住人口346.7万人', 'population'],
    ['城镇常住人口比重60.5%', 'urbanisation-rate'],
  ])('a table column or a communiqué wording of one indicator: %s', (text, metric) => {
    expect(Object.values(metrics(`${text}。`))[0]).toBe(metric);
  });

  it('本外币 deposits are not the 人民币 ones, nor registered people the residents', () => {
    expect(Object.values(metrics('本外币各项存款余额6197.13亿元。'))[0]).toBeNull();
    expect(Object.values(metrics('年末户籍人口380万人。'))[0]).toBeNull();
  });
});

describe('end to end: a budget report judges each budget against the budget passed', () => {
  it('the whole area and the own level each meet their budget; no mismatch between them', async () => {
    const path = join(dir, 'budget-2025.txt');
    writeFileSync(
      path,
      [
        TITLE.trim(),
        '（1）全市收支情况。2025年社会保险基金预算收入年初预算105.4亿元，执行中按法定程序调整为108.1亿元，实际完成109亿元，为调整预算的100.8%。',
        '（2）市级收支情况。市人大批准的市级2025年社会保险基金预算收入预算90.1亿元（含高新区0.9亿元），执行中按法定程序调整为90.3亿元，实际完成91亿元。',
        '',
      ].join('\n'),
    );
    const run = await check([path], { config: false, cwd: dir });
    const judged = run.targets.filter((t) => t.metric.includes('social-insurance-fund-revenue')).map((t) => [t.target.raw, t.actual.raw, t.outcome]);
    expect(judged).toContainEqual(['108.1亿元', '109亿元', 'met']);
    expect(judged).toContainEqual(['90.3亿元', '91亿元', 'met']);
    // (the own level's 91亿元 is never the outcome of the whole area's budget)
    expect(judged.filter(([target, actual]) => target === '108.1亿元' && actual === '91亿元')).toEqual([]);
    expect(run.findings.filter((f) => f.rule === 'figure-mismatch')).toEqual([]);
  });
});
