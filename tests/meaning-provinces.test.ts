/**
 * Provincial work reports (issue 9 §1, §2): another genre than the State Council's reports. Made-up
 * sentences of the shapes these reports state things in: a review of the year before under `2024年工作回顾`,
 * a 2025 plan under `2025年重点工作` with its `主要预期目标` list and an annex of livelihood projects, `预计` on
 * one item, raised standards (`从A、B提高到C、D`), tasks set from above, what is so when the report is
 * written; and the lists of subjects (`A、B和C分别达到…`) that must give each figure its own subject, so that
 * two items of one list are never taken for one metric.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures as readFigures } from '../src/extract/index.js';
import { interpret } from '../src/meaning/index.js';
import { runChecks } from '../src/checks/engine.js';
import { coreRules } from '../src/rules/load.js';
import type { Figure } from '../src/model.js';
import { figureWritten, figuresOfText as figures, reading } from './helpers/figures.js';

const HEAD = '2025年某省政府工作报告\n——2025年1月14日在某省第十四届人民代表大会第三次会议上\n各位代表：\n';
/** A provincial report: its review of 2024, then its plan part for 2025 holding `plan`. */
const report = (review: string, plan = '地区生产总值增长5%左右。') => `${HEAD}一、2024年工作回顾\n${review}\n二、2025年重点工作\n${plan}\n`;

const labelOf = (found: Figure[], raw: string) => figureWritten(found, raw).label;

describe('a list of subjects gives each figure its own', () => {
  it('splits at list joiners, never inside a word holding one (普及率)', () => {
    const found = figures(report('农村卫生厕所普及率、生活垃圾和污水治理率分别达到87.8%、100%、75%。'));
    expect(labelOf(found, '87.8%')).toBe('农村卫生厕所普及率');
    expect(labelOf(found, '75%')).toBe('污水治理率');
    expect(new Set(['87.8%', '100%', '75%'].map((raw) => labelOf(found, raw))).size).toBe(3);
  });

  it('gives the head noun of the last subject to the others, across units, and to a 分别 list after them', () => {
    const found = figures(report('原煤、原油、天然气产量达到6640.8万吨、1253.6万吨、9.1亿立方米，分别增长9.3%、7.3%、21.2%。'));
    expect(['6640.8万吨', '1253.6万吨', '9.1亿立方米'].map((raw) => labelOf(found, raw))).toEqual(['原煤产量', '原油产量', '天然气产量']);
    // 分别 opening its clause refers to the statements just before it, in order
    expect(['9.3%', '7.3%', '21.2%'].map((raw) => labelOf(found, raw))).toEqual(['原煤产量', '原油产量', '天然气产量']);
    expect(found.find((f) => f.raw === '9.3%')!.kind).toBe('change');
  });

  it('keeps a short two-character subject list with a long shared tail (城镇、农村居民…)', () => {
    const found = figures(report('城镇、农村居民人均可支配收入分别增长4.3%、7.1%。'));
    expect(labelOf(found, '4.3%')).toBe('城镇居民人均可支配收入');
    expect(labelOf(found, '7.1%')).toBe('农村居民人均可支配收入');
  });

  it('pairs a 分别 list with the separate statements before it in its sentence', () => {
    const found = figures(report('全年接待游客突破3亿人次，游客花费3595.42亿元，分别增长14%和21%。'));
    expect(labelOf(found, '14%')).toBe(labelOf(found, '突破3亿人次'));
    expect(labelOf(found, '21%')).toBe('游客花费');
  });

  it('reads quoted names side by side, a list with a note in brackets and a 、-list without 分别 as lists', () => {
    const quoted = figures(report('“保交楼”“保交房”交付率分别达100%和88.2%。'));
    expect(labelOf(quoted, '100%')).not.toBe(labelOf(quoted, '88.2%'));
    expect(labelOf(quoted, '100%')).toContain('保交楼');
    const note = figures(report('农村生活污水治理率、自来水普及率、生活垃圾分类屋（亭）行政村覆盖率分别达90%、96%、100%。'));
    const labels = ['90%', '96%', '100%'].map((raw) => labelOf(note, raw));
    expect(labels.slice(0, 2)).toEqual(['农村生活污水治理率', '自来水普及率']);
    expect(labels[2]).toMatch(/^生活垃圾分类屋.*行政村覆盖率$/u);
    const implicit = figures(report('基本养老、基本医疗保险参保率稳定在98%和95%以上。'));
    expect(labelOf(implicit, '95%以上')).toBe('基本医疗保险参保率');
    expect(labelOf(implicit, '98%')).not.toBe(labelOf(implicit, '95%以上'));
  });

  it('takes the subject before a note in brackets for a clause with none of its own', () => {
    const found = figures(report('全年工作扎实。', '集中供养孤儿基本生活保障标准从每人每月2295元提高到2375元，散居孤儿（含艾滋病病毒感染儿童）从每人每月1484元提高到1536元。'));
    expect(labelOf(found, '1536元')).toContain('散居孤儿');
    expect(labelOf(found, '1536元')).not.toBe(labelOf(found, '2375元'));
  });
});

describe('items of one list are not one metric', () => {
  it('records a label stated with two values in one sentence as statements apart, not as one metric found consistent', () => {
    const rules = coreRules();
    // (a subject that cannot be split: one label for two different things)
    const doc = documentFromText(report('两项重点指标分别达到95%、90%。'), { id: 'p' });
    const found = interpret(doc, readFigures(doc, rules), rules);
    expect(labelOf(found, '95%')).toBe(labelOf(found, '90%'));
    const { comparisons, findings } = runChecks([doc], found, rules, { locale: 'en' });
    const together = comparisons.filter((c) => ['95%', '90%'].every((raw) => c.statements.some((s) => s.raw === raw)));
    expect(together).toEqual([]);
    // (recorded alone, or, one label over a 分别-list naming several things, never aligned at all)
    expect(comparisons.filter((c) => c.statements.some((s) => s.raw === '95%')).every((c) => c.verdict === 'single')).toBe(true);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('a rate set against the nation', () => {
  it('is the gap to the nation, never the rate\'s own change in points', () => {
    const found = figures(report('全年规上工业增加值增长7.2%，高于全国1.4个百分点。工业经济回升向好，规上工业增加值增速比上年提高1.4个百分点。'));
    const [gap, change] = found.filter((f) => f.raw === '1.4个百分点');
    expect(gap!.metric).toContain('vs-national');
    expect(gap!.metric).not.toBe(change!.metric);
  });
});

describe('time and intent in a provincial report', () => {
  it('reads the review as 2024 outcomes and the target list and work sections as 2025 targets', () => {
    const found = figures(
      report(
        '过去一年，全省地区生产总值增长5.3%，规上工业增加值增长7.2%，高于全国1.4个百分点。城镇新增就业45.2万人。',
        '今年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右；城镇新增就业40万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅2%左右。\n（一）扩大有效投资。新开工重大项目500个。',
      ),
    );
    for (const raw of ['5.3%', '7.2%', '1.4个百分点', '45.2万人']) expect(reading(found, raw), raw).toEqual(['2024', 'actual']);
    for (const raw of ['5%左右', '40万人以上', '5.5%左右', '2%左右', '500个']) expect(reading(found, raw), raw).toEqual(['2025', 'target']);
  });

  it('dates cumulative and multi-year figures over their years, and programmes to their last year', () => {
    const found = figures(
      report(
        '“十四五”以来，全省累计新增城镇就业180万人，单位地区生产总值能耗较2020年下降11.7%。粮食产量连续5年稳定在300亿斤以上。',
        '实施城市更新三年行动（2025—2027年），改造老旧小区1500个。',
      ),
    );
    expect(reading(found, '180万人')).toEqual(['2021/2024', 'actual']);
    expect(reading(found, '11.7%')).toEqual(['2021/2024', 'actual']);
    expect(reading(found, '300亿斤以上')).toEqual(['2020/2024', 'actual']);
    expect(reading(found, '1500个')).toEqual(['2025/2027', 'target']);
    // `用三年时间`: the plan's three years ahead in a plan part, the three years just past in a review
    const years = figures(report('我们用三年时间新建充电桩3万个。', '力争用三年时间新建5G基站3万个。'));
    expect(years.filter((f) => f.raw === '3万个').map((f) => [f.period, f.modality])).toEqual([
      ['2022/2024', 'actual'],
      ['2025/2027', 'target'],
    ]);
    // (the years since the year before the one reviewed are that one year, never a span of one year to itself)
    expect(reading(figures(report('2023年以来，累计减税降费300亿元。')), '300亿元')[0]).toBe('2024');
  });

  it('reads a span running into the plan year, in the plan part, as a target', () => {
    const found = figures(report('全年工作扎实。', '确保完成“十四五”规划目标，单位地区生产总值能耗下降3%。“十四五”期间，全省累计新增城镇就业将超过200万人。'));
    expect(reading(found, '3%')).toEqual(['2021/2025', 'target']);
    expect(reading(found, '超过200万人')).toEqual(['2021/2025', 'target']);
  });

  it('keeps a review paragraph opening on a date of the report year a review of the year before', () => {
    const found = figures(report('2025年1月，某某高铁开通运营。全年地区生产总值增长5.1%，城镇新增就业45万人。'));
    expect(reading(found, '5.1%')).toEqual(['2024', 'actual']);
    expect(reading(found, '45万人')).toEqual(['2024', 'actual']);
  });

  it('reads 到 before a year already over as a cut-off date, not a target date', () => {
    expect(reading(figures(report('到2024年底，全省累计建成5G基站10万个。')), '10万个')).toEqual(['2024', 'actual']);
    expect(reading(figures(report('全年工作扎实。', '到2027年，全省数字经济规模突破2万亿元。')), '突破2万亿元')).toEqual(['2027', 'target']);
  });

  it('reads an annex of livelihood projects for the report year as targets', () => {
    const found = figures(report('全年工作扎实。', '附件\n2025年省政府民生实事\n1.新建改建农村公路3000公里。\n2.为80万名适龄女性提供宫颈癌筛查。'));
    expect(reading(found, '3000公里')).toEqual(['2025', 'target']);
    expect(reading(found, '80万名')).toEqual(['2025', 'target']);
    // (the item's number is no part of what it is about)
    expect(labelOf(found, '3000公里')).toBe('新建改建农村公路');
  });

  it('gives 预计 opening a sentence to all its figures, and one after its own subject to its own item only', () => {
    const opening = figures(report('初步预计，全省地区生产总值增长5.3%左右，一般公共预算收入增长3.1%，城乡居民人均可支配收入分别增长4.5%、6.5%。'));
    for (const raw of ['5.3%左右', '3.1%', '4.5%', '6.5%']) expect(reading(opening, raw), raw).toEqual(['2024', 'estimate']);
    const item = figures(report('新增软件企业超过6400家、主营业务收入预计达到4200亿元、从业人员达到43.8万人。城乡居民收入预计分别增长4.1%、6%。'));
    expect(reading(item, '4200亿元')).toEqual(['2024', 'estimate']);
    expect(reading(item, '43.8万人')).toEqual(['2024', 'actual']);
    expect(reading(item, '超过6400家')).toEqual(['2024', 'actual']);
    // (a list of figures after it is still its own item)
    expect(reading(item, '4.1%')).toEqual(['2024', 'estimate']);
    expect(reading(item, '6%')).toEqual(['2024', 'estimate']);
  });

  it('dates listed start values of raised standards to the year before, the raised ones to the plan year', () => {
    const found = figures(report('全年工作扎实。', '困难残疾人生活补贴、重度残疾人护理补贴标准分别从每人每月202元、270元提高到209元、280元。'));
    expect(reading(found, '202元')).toEqual(['2024', 'actual']);
    expect(reading(found, '270元')).toEqual(['2024', 'actual']);
    expect(reading(found, '209元')).toEqual(['2025', 'target']);
    expect(reading(found, '280元')).toEqual(['2025', 'target']);
  });

  it('reads a task set from above, quoted beside its outcome, as the target it judges', () => {
    const rules = coreRules();
    const doc = documentFromText(report('城镇新增就业超143万人、超额完成国家下达的110万人年度任务。'), { id: 'p' });
    const found = interpret(doc, readFigures(doc, rules), rules);
    expect(reading(found, '110万人')).toEqual(['2024', 'target']);
    expect(reading(found, '超143万人')).toEqual(['2024', 'actual']);
    const { targets } = runChecks([doc], found, rules, { locale: 'en' });
    expect(targets.map((t) => [t.target.raw, t.actual.raw, t.outcome])).toEqual([['110万人', '超143万人', 'met']]);
    // (a bare count of tasks is no target: `部署5项任务` in a review states what was done)
    expect(reading(figures(report('全年部署改革5项任务。')), '5项')).toEqual(['2024', 'actual']);
  });

  it('dates what is so when the plan part is written to the end of the year before, as an actual', () => {
    const found = figures(report('全年工作扎实。', '目前全省已建成5G基站10万个，今年再新建1万个。全省现有高新技术企业1.2万家，今年力争突破1.3万家。'));
    expect(reading(found, '10万个')).toEqual(['2024', 'actual']);
    expect(reading(found, '1万个')).toEqual(['2025', 'target']);
    expect(reading(found, '1.2万家')).toEqual(['2024', 'actual']);
    expect(reading(found, '突破1.3万家')).toEqual(['2025', 'target']);
    const reached = figures(report('全年工作扎实。', '全省已建成充电桩8万个，今年再新建2万个。截至目前，全省国家级专精特新企业达到310家。'));
    expect(reading(reached, '8万个')).toEqual(['2024', 'actual']);
    expect(reading(reached, '2万个')).toEqual(['2025', 'target']);
    expect(reading(reached, '310家')).toEqual(['2024', 'actual']);
    // (a plan drawn up at a figure is no state reached: `已按…4%编制预算` sets the plan's figure)
    expect(reading(figures(report('全年工作扎实。', '省级财政已按地区生产总值的4%编制预算。')), '4%')).toEqual(['2025', 'target']);
  });
});
