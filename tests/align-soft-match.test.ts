/**
 * The soft match (src/checks/align-soft.ts, knowledge in rules/core/checks.yaml alignment.restatement): a plan's target
 * and its review's outcome that name one thing in other words (a verb of doing, a tier, a category noun, a list
 * abbreviated) are paired when nothing else in the run says the same thing; two acts, two stages, two tiers, a stock
 * and an addition, a part and its whole stay apart. Made-up provincial plans of 2025 and reviews of 2026.
 */
import { describe, expect, it } from 'vitest';
import { planAndReviewChecker, targetOutcomes } from './helpers/project.js';
import { coreRules } from '../src/rules/load.js';
import { restatedLabel, restatementKnowledge, sameAct, sameCore } from '../src/checks/align-soft-labels.js';

const checkPlanAndReview = planAndReviewChecker('soft-match');

const rules = coreRules();
const knowledge = restatementKnowledge(rules.alignment ?? {}, (rules.indicatorWords as { scopes: Record<string, string[]> }).scopes)!;

describe('a label read as a restatement', () => {
  it('sets its verb of doing, its tier and a category noun apart from what it counts', () => {
    expect(restatedLabel('改建康复护理床位', knowledge)).toEqual({ verb: '改建', family: 'renovate', tier: '', core: '康复护理床位' });
    expect(restatedLabel('新增国家制造业单项冠军企业', knowledge)).toEqual({ verb: '新增', family: 'general', tier: 'national-tier', core: '制造业单项冠军' });
    expect(restatedLabel('省级重点工业项目', knowledge)).toMatchObject({ verb: '', tier: 'provincial-tier', core: '重点工业项目' });
    // (a category noun stays when less than three characters would be left: `龙头企业` is not `龙头`)
    expect(restatedLabel('龙头企业', knowledge).core).toBe('龙头企业');
  });

  it('lets a general verb go with any act, and keeps two acts, two stages and a stock apart', () => {
    const act = (a: string, b: string) => sameAct(restatedLabel(a, knowledge), restatedLabel(b, knowledge), knowledge);
    expect(act('改建康复护理床位', '新增康复护理床位')).toBe(true);
    expect(act('实施黑土地保护工程', '开展黑土地保护工程')).toBe(true);
    expect(act('新开工安置住房', '建成安置住房')).toBe(false);
    expect(act('新建农村公路', '改造农村公路')).toBe(false);
    expect(act('新增充电桩', '充电桩')).toBe(false);
  });

  it('leaves out fillers before its verb and a word naming only what its unit measures', () => {
    expect(restatedLabel('今年再新增康复护理床位', knowledge)).toMatchObject({ verb: '新增', core: '康复护理床位' });
    // (a filler of one character only before a verb: 再生资源 keeps its 再)
    expect(restatedLabel('再生资源回收网点', knowledge).core).toBe('再生资源回收网点');
    expect(restatedLabel('治理水土流失面积', knowledge).core).toBe('治理水土流失');
    // (a label with no verb of its own takes the one written before its figure; a verb of carrying out goes with any label)
    const before = restatedLabel('重点工业项目', knowledge, '实施');
    expect(before).toMatchObject({ verb: '实施', family: 'carry-out' });
    expect(sameAct(before, restatedLabel('重点工业项目', knowledge), knowledge)).toBe(true);
    expect(sameAct(restatedLabel('充电桩', knowledge, '新增'), restatedLabel('充电桩', knowledge), knowledge)).toBe(false);
  });

  it('reads a list abbreviated as the list written out, each character in its own item', () => {
    expect(sameCore('供水和供热和燃气管网', '水热气等管网', knowledge)).toBe(true);
    expect(sameCore('排水和供水和供热和燃气管网', '水热气等管网', knowledge)).toBe(true);
    // (a character no item holds, or more characters than items: another list)
    expect(sameCore('供水和燃气管网', '水热气等管网', knowledge)).toBe(false);
    expect(sameCore('供水和供热和燃气管网', '水电等管网', knowledge)).toBe(false);
    // (another head noun: another thing)
    expect(sameCore('供水和供热和燃气管道', '水热气等管网', knowledge)).toBe(false);
  });
});

describe('the soft match of a target and its outcome', () => {
  it('pairs a target and its outcome worded with two verbs of doing', async () => {
    const r = await checkPlanAndReview('提升养老服务品质。新增2000张养老床位，改建1500张康复护理床位。', '民生实事全面完成。新增养老床位2400张、康复护理床位1620张。');
    expect(targetOutcomes(r)).toMatchObject({ '1500张 → 1620张': 'met' });
  });

  it('pairs a plan leaving out the tier its review writes, and a title with its category noun', async () => {
    const r = await checkPlanAndReview(
      '大力推进产业项目建设。实施800个重点工业项目。培育优质企业，新增国家制造业单项冠军20家。',
      '产业项目建设成效明显，800个省级重点工业项目完成投资1200亿元。企业竞争力提升，新增制造业单项冠军企业26家。',
    );
    expect(targetOutcomes(r)).toMatchObject({ '800个 → 800个': 'met', '20家 → 26家': 'met' });
  });

  it('pairs a list written out with its abbreviation, and says how a missed target was paired', async () => {
    const r = await checkPlanAndReview('推进城市更新，改造供水、供热、燃气管网1500公里以上。', '城市更新有序推进，改造水热气等管网1200公里。');
    expect(targetOutcomes(r)).toMatchObject({ '1500公里以上 → 1200公里': 'missed' });
    const missed = r.findings.filter((f) => f.rule === 'target-missed');
    expect(missed).toHaveLength(1);
    expect(missed[0]!.severity).not.toBe('error');
    expect(missed[0]!.message).toContain('paired as a restatement');
  });

  it('keeps two tiers, two acts, two stages and a stock apart from an addition', async () => {
    const r = await checkPlanAndReview(
      '新增国家级专精特新企业50家。新建农村公路3000公里。新开工安置住房2万套。新增充电桩2万个。',
      '新增省级专精特新企业60家。改造农村公路3500公里。建成安置住房1.5万套。充电桩达到5万个。',
    );
    expect(Object.keys(targetOutcomes(r))).toEqual([]);
  });

  it('keeps a tier apart where the run contrasts it: two tiers of the thing, or one document naming it with a tier and without for one period', async () => {
    const plan = '大力推进产业项目建设。实施800个重点工业项目。';
    const review = '产业项目建设成效明显，820个省级重点工业项目完成投资1200亿元。';
    expect(targetOutcomes(await checkPlanAndReview(plan, review))).toMatchObject({ '800个 → 820个': 'met' });
    const twoTiers = await checkPlanAndReview(plan, `${review}\n二、2026年工作安排\n今年再实施市级重点工业项目1000个。`);
    expect(Object.keys(targetOutcomes(twoTiers))).not.toContain('800个 → 820个');
    // (one document naming it with the tier and without for one period: a part and its whole)
    const withAndWithout = await checkPlanAndReview('大力推进产业项目建设。实施800个重点工业项目，其中省级重点工业项目300项。', review);
    expect(Object.keys(targetOutcomes(withAndWithout))).not.toContain('800个 → 820个');
    // (a review naming it with the tier for its year and its plan without for the next restates one thing)
    const nextYear = await checkPlanAndReview(plan, `${review}\n二、2026年工作安排\n今年再实施重点工业项目1000个。`);
    expect(targetOutcomes(nextYear)).toMatchObject({ '800个 → 820个': 'met' });
  });

  it('pairs a review\'s modifier the run never makes count, and a verb written after what it acts on', async () => {
    const r = await checkPlanAndReview(
      '加快科技成果转化，转化重大科技成果600项以上。新开工重大水利工程20项。',
      '科技成果产业化成效明显，省内转化重大科技成果640项。重大水利工程开工22项。',
    );
    expect(targetOutcomes(r)).toMatchObject({ '600项以上 → 640项': 'met', '20项 → 22项': 'met' });
  });

  it('pairs a modifier written inside the name, and a verb written before the figure', async () => {
    const r = await checkPlanAndReview('攻克关键技术100项以上。新建50个口袋公园。', '科技攻关成效明显，攻克关键核心技术120余项。新建口袋公园52个。');
    expect(targetOutcomes(r)).toMatchObject({ '100项以上 → 120余项': 'met', '50个 → 52个': 'met' });
    // (a verb of adding before the figure is no stock: `新增50个口袋公园` is not `口袋公园达到300个`)
    const stock = await checkPlanAndReview('新增50个口袋公园。', '城市更新有序推进，口袋公园达到120个。');
    expect(Object.keys(targetOutcomes(stock))).toEqual([]);
  });

  it('reads no modifier away from a growth rate: a review states the growth of many parts beside the whole', async () => {
    const r = await checkPlanAndReview('扩大有效投资，工业投资增长8%以上。', '有效投资持续扩大，产业园区工业投资增长11.7%。');
    expect(Object.keys(targetOutcomes(r))).toEqual([]);
  });

  it('keeps a modifier apart where the run makes it count, and a list before the thing', async () => {
    const plan = '加快科技成果转化，转化重大科技成果600项以上。';
    // (one document naming the thing with the modifier and without for one period)
    const both = await checkPlanAndReview('加快科技成果转化，转化重大科技成果600项以上，其中省内转化重大科技成果400个。', '省内转化重大科技成果640项。');
    expect(Object.keys(targetOutcomes(both))).not.toContain('600项以上 → 640项');
    // (the thing named with another modifier)
    const another = await checkPlanAndReview(plan, '省内转化重大科技成果640项。\n二、2026年工作安排\n今年力争省外转化重大科技成果100项。');
    expect(Object.keys(targetOutcomes(another))).not.toContain('600项以上 → 640项');
    // (a list before it: other things beside it)
    const listed = await checkPlanAndReview('推进防城港30万吨级进港航道、北海港10万吨级航道建设。', '北海港10万吨级散货泊位建成运营。');
    expect(Object.keys(targetOutcomes(listed))).toEqual([]);
  });

  it('pairs nothing when two outcomes say the same thing with two values, or one names a part of it', async () => {
    const twice = await checkPlanAndReview('改建1500张康复护理床位。', '养老服务扩容，新增康复护理床位900张。\n民生实事全面完成，新增康复护理床位1620张。');
    expect(Object.keys(targetOutcomes(twice))).toEqual([]);
    const part = await checkPlanAndReview('改建3000张养老床位。', '新增养老床位3400张。新增护理型养老床位2100张。');
    expect(Object.keys(targetOutcomes(part))).toEqual([]);
  });
});
