/**
 * Precision of auto-alignment across documents about different places. Found on real documents the
 * checker was not built on: with the 31 provincial work reports of 2025, every figure-mismatch (200)
 * and target-missed (39) compared one province's figure with another's (`地区生产总值增长5.8%` in Anhui
 * against `5.5%` in Fujian), and the State Council's `技术合同成交额增长11.2%` was compared with Inner
 * Mongolia's `33.6%`. Hand-made texts here; each fix has a hit and a near miss.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Document, Figure } from '../src/model.js';
import { runChecks as runAllChecks } from '../src/checks/engine.js';
import { detectJurisdiction, jurisdictionKey } from '../src/checks/jurisdiction.js';
import { loadRuleFile, mergeRuleFiles, RULES_DIR } from '../src/rules/load.js';
import type { RuleFile, RuleSet } from '../src/rules/types.js';
import { atLeast, closed, figureIn, textDocument } from './checks-fixtures.js';

const checksYaml = loadRuleFile(join(RULES_DIR, 'core', 'checks.yaml'));
const rules = (file: RuleFile = {}): RuleSet => mergeRuleFiles([checksYaml, file]);
const settings = rules().alignment!.jurisdiction!;

const CROSS_RULES = new Set(['figure-mismatch', 'target-missed']);
function crossFindings(documents: Document[], figures: Figure[], ruleSet: RuleSet = rules()) {
  return runAllChecks(documents, figures, ruleSet, { locale: 'en' }).findings.filter((f) => CROSS_RULES.has(f.rule));
}

/** A province's report: names itself and its capital, says 全省/我省, mentions another place once. */
const provinceText = (province: string, capital: string, body: string) =>
  `${province}省政府工作报告。过去一年,全省上下团结奋斗,我省经济稳中有进。${body}。${capital}都市圈加快建设,${province}制造走向全国,` +
  `全省开放水平提升,与上海合作深化。${capital}、${province}各地民生改善。`;

const gdpGrowth = (document: Document, raw: string, value: number) =>
  figureIn(document, { raw, value, interval: closed(value - 0.05, value + 0.05), unit: '%', kind: 'change', change: 'increase', label: '地区生产总值' });

describe('reading a document’s jurisdiction', () => {
  it('reads a province from its self-reference words and the place it names most (its capital counts for it)', () => {
    expect(detectJurisdiction(provinceText('安徽', '合肥', '地区生产总值增长5.8%'), settings)).toEqual({ level: 'province', place: '安徽' });
    // The capital outnumbering the province's own name still reads as the province (郑州 27, 河南 21 in a real report).
    const capitalHeavy = '全省经济向好,我省稳步推进,全省民生改善。郑州、郑州、郑州、郑州、郑州,河南、河南,北京。';
    expect(detectJurisdiction(capitalHeavy, settings)).toEqual({ level: 'province', place: '河南' });
  });

  it('reads the nation from 我国, with no place even when a city is named more than others', () => {
    const text = '我国经济总量突破120万亿元。我国粮食产量稳定。我国就业稳定。北京冬奥会、北京冬残奥会成功举办,北京、北京,海南自贸港建设推进。';
    expect(detectJurisdiction(text, settings)).toEqual({ level: 'national', place: null });
  });

  it('tells two cities of one province apart, and leaves an unclear text unknown', () => {
    const shenzhen = '全市经济增长,我市创新活跃,全市民生改善。深圳、深圳、深圳、深圳,广州一次。';
    const guangzhou = '全市经济增长,我市商贸繁荣,全市民生改善。广州、广州、广州、广州,深圳一次。';
    expect(detectJurisdiction(shenzhen, settings).place).toBe('广东/深圳');
    expect(detectJurisdiction(guangzhou, settings).place).toBe('广东/广州');
    // Near miss: two places named about equally, and too few self-references to know the level.
    expect(detectJurisdiction('全省、北京、北京、北京、上海、上海、上海', settings)).toEqual({ level: null, place: null });
    expect(jurisdictionKey(textDocument('x', '城镇化率68.2%'), settings)).toBe('');
  });
});

describe('auto-alignment stays inside one jurisdiction', () => {
  it('hit: two provinces’ GDP growth for one year is not a mismatch; near miss: two documents of one province are', () => {
    const anhui = textDocument('anhui', provinceText('安徽', '合肥', '地区生产总值增长5.8%'), { period: '2024' });
    const fujian = textDocument('fujian', provinceText('福建', '福州', '地区生产总值增长5.5%'), { period: '2024' });
    const anhuiBulletin = textDocument('anhui-bulletin', provinceText('安徽', '合肥', '全年地区生产总值增长5.5%'), { period: '2024' });
    const figures = [gdpGrowth(anhui, '5.8%', 5.8), gdpGrowth(fujian, '5.5%', 5.5), gdpGrowth(anhuiBulletin, '5.5%', 5.5)];

    expect(crossFindings([anhui, fujian], [figures[0]!, figures[1]!])).toEqual([]);
    const sameProvince = crossFindings([anhui, anhuiBulletin], [figures[0]!, figures[2]!]);
    expect(sameProvince).toHaveLength(1);
    expect(sameProvince[0]!.message).toContain('5.8% (anhui) vs 5.5% (anhui-bulletin)');
    // All three together: only the Anhui pair, and Fujian's figure is not in it.
    const all = crossFindings([anhui, fujian, anhuiBulletin], figures);
    expect(all).toHaveLength(1);
    expect(all[0]!.message).not.toContain('fujian');
  });

  it('hit: a province’s target is not judged by another province’s actual; near miss: by its own later report', () => {
    const plan = textDocument('anhui-2025', provinceText('安徽', '合肥', '城镇新增就业68万人以上'), { period: '2024' });
    const fujian = textDocument('fujian-2026', provinceText('福建', '福州', '城镇新增就业50万人'), { period: '2025' });
    const anhuiLater = textDocument('anhui-2026', provinceText('安徽', '合肥', '城镇新增就业50万人'), { period: '2025' });
    const target = figureIn(plan, { raw: '68万人以上', value: 680000, interval: atLeast(680000), unit: '人', qualifier: '以上', kind: 'count', label: '城镇新增就业', period: '2025', modality: 'target' });
    const actual = (document: Document) =>
      figureIn(document, { raw: '50万人', value: 500000, interval: closed(495000, 505000), unit: '人', kind: 'count', label: '城镇新增就业' });

    expect(crossFindings([plan, fujian], [target, actual(fujian)])).toEqual([]);
    const own = crossFindings([plan, anhuiLater], [target, actual(anhuiLater)]);
    expect(own.map((f) => f.rule)).toEqual(['target-missed']);
  });

  it('hit: the nation’s figure is not compared with a region’s', () => {
    const nation = textDocument('nation', '我国创新能力提升,我国技术合同成交额增长11.2%。我国经济回升向好。', { period: '2024' });
    const region = textDocument('region', '全区上下奋力拼搏,我区技术合同成交额增长33.6%。内蒙古、内蒙古、内蒙古,呼和浩特。', { period: '2024' });
    const spec = (raw: string, value: number) => ({ raw, value, interval: closed(value - 0.05, value + 0.05), unit: '%', kind: 'change' as const, change: 'increase' as const, label: '技术合同成交额' });
    expect(crossFindings([nation, region], [figureIn(nation, spec('11.2%', 11.2)), figureIn(region, spec('33.6%', 33.6))])).toEqual([]);
  });

  it('keeps one comparison per jurisdiction in the run’s side outputs (the discrepancy report lists both)', () => {
    const anhui = textDocument('anhui', provinceText('安徽', '合肥', '地区生产总值增长5.8%'), { period: '2024' });
    const fujian = textDocument('fujian', provinceText('福建', '福州', '地区生产总值增长5.5%'), { period: '2024' });
    const run = runAllChecks([anhui, fujian], [gdpGrowth(anhui, '5.8%', 5.8), gdpGrowth(fujian, '5.5%', 5.5)], rules(), { locale: 'en' });
    const gdp = run.comparisons.filter((c) => c.name === '地区生产总值');
    expect(gdp.map((c) => [c.statements.map((s) => s.document), c.verdict])).toEqual([
      [['anhui'], 'single'],
      [['fujian'], 'single'],
    ]);
  });

  it('holds for metric rules too: a rule names what is measured, not that two regions are one', () => {
    // (suggest → --rules on twenty regions' reports in one folder once compared Chongqing's 地区生产总值 with Yunnan's)
    const anhui = textDocument('anhui', provinceText('安徽', '合肥', '地区生产总值增长5.8%'), { period: '2024' });
    const fujian = textDocument('fujian', provinceText('福建', '福州', '地区生产总值增长5.5%'), { period: '2024' });
    const withRule = rules({ metrics: [{ id: 'gdp-growth', name: '地区生产总值', unit: '%', kind: 'change' }] });
    expect(crossFindings([anhui, fujian], [gdpGrowth(anhui, '5.8%', 5.8), gdpGrowth(fujian, '5.5%', 5.5)], withRule)).toEqual([]);
    // near miss: two statements of one region under the rule still disagree
    const anhuiYearbook = textDocument('anhui-yearbook', provinceText('安徽', '合肥', '地区生产总值增长5.5%'), { period: '2024' });
    const findings = crossFindings([anhui, anhuiYearbook], [gdpGrowth(anhui, '5.8%', 5.8), gdpGrowth(anhuiYearbook, '5.5%', 5.5)], withRule);
    expect(findings.map((f) => f.metric)).toEqual(['gdp-growth']);
  });

  it('a rule\'s statement in a text naming no jurisdiction joins the one region the others name', () => {
    const anhui = textDocument('anhui', provinceText('安徽', '合肥', '地区生产总值增长5.8%'), { period: '2024' });
    const excerpt = textDocument('excerpt', '地区生产总值增长5.5%。', { period: '2024' });
    const withRule = rules({ metrics: [{ id: 'gdp-growth', name: '地区生产总值', unit: '%', kind: 'change' }] });
    expect(jurisdictionKey(excerpt, settings)).toBe('');
    const findings = crossFindings([anhui, excerpt], [gdpGrowth(anhui, '5.8%', 5.8), gdpGrowth(excerpt, '5.5%', 5.5)], withRule);
    expect(findings.map((f) => f.metric)).toEqual(['gdp-growth']);
    // near miss: with two regions named, the excerpt's region is unknown and it is compared with neither
    const fujian = textDocument('fujian', provinceText('福建', '福州', '地区生产总值增长5.5%'), { period: '2024' });
    const other = textDocument('excerpt', '地区生产总值增长6.5%。', { period: '2024' });
    const three = crossFindings([anhui, fujian, other], [gdpGrowth(anhui, '5.8%', 5.8), gdpGrowth(fujian, '5.5%', 5.5), gdpGrowth(other, '6.5%', 6.5)], withRule);
    expect(three).toEqual([]);
  });
});
