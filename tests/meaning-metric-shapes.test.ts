/**
 * Issue 9 §3: shapes of statement whose subject the reports leave implicit or write around the figure, each resolved
 * as the general shape it is (made-up sentences): a growth target naming no subject is the economy's growth target; a
 * measure noun ending a subject (`游客人次`) is the unit of the bare number after it; a stretch value set after a target
 * change (`增长7%以上、力争达到8%`) is the same change, a second aim never compared with the first.
 */
import { describe, expect, it } from 'vitest';
import { figureOfText } from './helpers/figures.js';
import { planAndReviewChecker, targetOutcomes } from './helpers/project.js';
import { autoIdentity } from '../src/checks/align.js';
import { coreRules } from '../src/rules/load.js';

const checkPlanAndReview = planAndReviewChecker('shapes');

const figure = (text: string, raw: string) => figureOfText(text, raw, { path: 'statement.txt' });

describe('a growth target naming no subject (indicators.yaml bareGrowthOf)', () => {
  it.each([
    ['5.5%左右的预期增长目标与发展规划总体衔接。', '5.5%左右'],
    ['实现7%左右的增长目标并不容易。', '7%左右'],
    ['8%的增长目标是积极稳妥的。', '8%'],
  ])('%s → gdp, a rise', (text, raw) => {
    const f = figure(text, raw);
    expect([f.metric, f.kind, f.change]).toEqual(['gdp', 'change', 'increase']);
  });

  it('is the region\'s output in a provincial report', () => {
    const f = figure('全省地区生产总值增长5%。今年全省经济增长5.5%左右。5.5%左右的预期增长目标与发展规划总体衔接。', '5.5%左右');
    expect(f.metric).toBe('regional-gdp');
  });

  it.each([
    ['居民收入增长6%的目标基本实现。', '6%'],
    ['实现6%的发展目标。', '6%'],
    ['粮食产量增长2%的目标。', '2%'],
  ])('not when the phrase names a subject of its own: %s', (text, raw) => {
    expect(figure(text, raw).metric).not.toBe('gdp');
  });
});

describe('a measure noun ending a subject before a bare number (indicators.yaml measureNouns)', () => {
  it('is the unit the number counts in, and the rest of the subject what is counted', () => {
    const f = figure('全年医疗旅游人次86.5万、收入83.9亿元。', '86.5万');
    expect(f.label).toBe('医疗旅游');
    expect(autoIdentity(f, coreRules())?.id).toBe('auto:医疗旅游|人次|count|');
    // (a measure noun alone, or a number with its own unit, is left as it is)
    expect(figure('全年游客人次达到1.2亿人次。', '1.2亿人次').unit).toBe('人次');
  });

  it('meets a target counted in the same measure (接待…人次 as the counting verb of visitors)', async () => {
    const r = await checkPlanAndReview('推动医疗技术落地，接待医疗旅游50万人次。', '2025年医疗旅游人次86.5万、收入83.9亿元。');
    expect(targetOutcomes(r)).toMatchObject({ '50万人次 → 86.5万': 'met' });
  });
});

describe('a stretch value set after a target change (stretch.ts)', () => {
  it('is the same change of the same subject', () => {
    const text = '今年全省经济社会发展主要预期目标是：地区生产总值增长7%以上、力争达到8%，社会消费品零售总额增长8%以上、力争10%。';
    for (const [raw, metric] of [['8%', 'regional-gdp'], ['10%', 'retail-sales']] as const) {
      const f = figure(`全省地区生产总值增长6.3%。${text}`, raw);
      expect([f.metric, f.kind, f.change]).toEqual([metric, 'change', 'increase']);
    }
    // (a rate of another subject after a change is no stretch of it)
    expect(figure('居民消费价格涨幅3%左右，城镇调查失业率5.5%左右。', '5.5%左右').metric).toBe('surveyed-unemployment-rate');
  });

  it('is judged by the outcome as an aim of its own, and never compared with the floor it stands beside', async () => {
    const r = await checkPlanAndReview('今年全省经济社会发展主要预期目标是：地区生产总值增长7%以上、力争达到8%。', '全年地区生产总值增长7%。');
    expect(targetOutcomes(r)).toMatchObject({ '7%以上 → 7%': 'indeterminate', '8% → 7%': 'missed' });
    expect(r.comparisons.filter((c) => c.statements.some((f) => f.raw === '8%') && c.statements.some((f) => f.raw === '7%以上'))).toEqual([]);
  });
});

describe('measure words counting one kind of thing (indicators.yaml measureSynonyms: 项 = 件, 家 = 个)', () => {
  it('align a count of matters in 件 with one in 项, and judge it', async () => {
    const r = await checkPlanAndReview('把老百姓身边的大事小情解决好，办好20件民生实事。', '倾力保障和改善民生，20项民生实事全面完成。');
    expect(targetOutcomes(r)).toMatchObject({ '20件 → 20项': 'met' });
    const missed = await checkPlanAndReview('把老百姓身边的大事小情解决好，办好20件民生实事。', '倾力保障和改善民生，15项民生实事全面完成。');
    expect(targetOutcomes(missed)).toMatchObject({ '20件 → 15项': 'missed' });
    // (the figure's own unit is as written)
    expect(figure('20项民生实事全面完成。', '20项').unit).toBe('项');
  });

  it('align a count of bodies in 家 with one in 个', async () => {
    const r = await checkPlanAndReview('重塑科技创新平台体系，批复建设22个全省重点实验室。', '持续推进已批建的22家全省重点实验室建设。');
    expect(targetOutcomes(r)).toMatchObject({ '22个 → 22家': 'met' });
  });
});

describe('one label over a respectively-list (分别)', () => {
  it('names several things, none of them alone: never aligned', () => {
    for (const raw of ['7.9%', '8%']) expect(autoIdentity(figure('全年银行存贷款增速分别达7.9%、8%，接待游客增长14%。', raw), coreRules())).toBeNull();
  });
});

describe('a verb, the people it counts, and their act (pivot.ts)', () => {
  it('labels the count by the verb and the act, and meets the review worded with a synonym of the verb', async () => {
    expect(figure('对重点群体新发放创业担保贷款80亿元，支持不低于4万人创业。', '不低于4万人').label).toBe('支持创业');
    const r = await checkPlanAndReview('稳定和扩大就业，支持不低于4万人创业。', '开展补贴性职业技能培训59.9万人次，扶持创业4.7万人。');
    expect(targetOutcomes(r)).toMatchObject({ '不低于4万人 → 4.7万人': 'met' });
  });

  it('leaves a count whose clause goes on past the act as it was', () => {
    expect(figure('帮助10万人解决住房困难问题。', '10万人').label).not.toBe('帮助解决住房困难问题');
  });
});
