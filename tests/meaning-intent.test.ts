/**
 * The meaning stage's intent (src/meaning/intent.ts, its word lists in rules/core/periods.yaml and
 * words.yaml): whether a figure states an actual, an estimate or a target, on short made-up reports of the
 * shapes Chinese work reports, budgets and communiqués state intent in (issue 9 §2), in auto mode.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../src/index.js';
import type { CheckRun } from '../src/model.js';
import { figuresOfText as figures, reading } from './helpers/figures.js';

const OPENING = '各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n';
/** A work report delivered in March 2014: it reviews 2013 and plans 2014. */
const HEAD = `——2014年3月5日在第十二届全国人民代表大会第二次会议上\n${OPENING}`;
const REVIEW = `${HEAD}一、2013年工作回顾\n`;
const review = (body: string) => `${REVIEW}${body}\n二、2014年工作总体部署\n今年经济社会发展的主要预期目标是:国内生产总值增长7.5%左右。\n`;
const plan = (body: string) => `${REVIEW}国内生产总值增长7.7%。\n二、2014年工作总体部署\n${body}\n`;

describe('a target quoted inside a review stays a target of its own period; the actual beside it is an actual', () => {
  it('高于年初确定的…预期目标', () => {
    const found = figures(review('国内生产总值增长7.7%,高于年初确定的7.5%的预期目标。'));
    expect(reading(found, '7.7%')).toEqual(['2013', 'actual']);
    expect(reading(found, '7.5%')).toEqual(['2013', 'target']);
  });

  it('低于…的预期目标, and 控制在…目标以内', () => {
    const found = figures(review('居民消费价格上涨2.6%,低于3.5%左右的预期目标。城镇登记失业率4.05%,控制在4.6%的目标以内。'));
    expect(reading(found, '2.6%')).toEqual(['2013', 'actual']);
    expect(reading(found, '低于3.5%左右')).toEqual(['2013', 'target']);
    expect(reading(found, '4.05%')).toEqual(['2013', 'actual']);
    expect(reading(found, '4.6%')).toEqual(['2013', 'target']);
  });

  it('没有完成年初确定的…目标: a target not met is still a target', () => {
    const found = figures(review('居民消费价格上涨5.4%,没有完成年初确定的4%左右的调控目标。单位国内生产总值能耗下降2.0%,未实现下降3.5%的目标。'));
    expect(reading(found, '5.4%')).toEqual(['2013', 'actual']);
    expect(reading(found, '4%左右')).toEqual(['2013', 'target']);
    expect(reading(found, '2.0%')).toEqual(['2013', 'actual']);
    expect(reading(found, '3.5%')).toEqual(['2013', 'target']);
  });

  it('年初确定的目标 before the figure: the figure is the target set', () => {
    const found = figures(review('年初确定的城镇新增就业900万人的目标超额完成,全年城镇新增就业1310万人。'));
    expect(reading(found, '900万人')).toEqual(['2013', 'target']);
    expect(reading(found, '1310万人')).toEqual(['2013', 'actual']);
  });

  it('原定… and 计划… in a review, up to what came of it', () => {
    const found = figures(review('原定全年改造棚户区400万套,实际改造470万套。全年计划新建农村公路20万公里,实际建成21.5万公里。'));
    expect(reading(found, '400万套')).toEqual(['2013', 'target']);
    expect(reading(found, '470万套')).toEqual(['2013', 'actual']);
    expect(reading(found, '20万公里')).toEqual(['2013', 'target']);
    expect(reading(found, '21.5万公里')).toEqual(['2013', 'actual']);
  });

  it('超额完成年初确定的…目标: the target named as set is the target, the outcome beside it the actual', () => {
    const found = figures(review('粮食产量6亿吨,超额完成年初确定的5.4亿吨以上的目标。'));
    expect(reading(found, '6亿吨')).toEqual(['2013', 'actual']);
    expect(reading(found, '5.4亿吨以上')).toEqual(['2013', 'target']);
    // near miss: a task set and completed, its size not quoted as a target, states what was done
    const done = figures(review('超额完成国家下达的淘汰落后炼钢产能任务2700万吨。'));
    expect(reading(done, '2700万吨')).toEqual(['2013', 'actual']);
  });

  it('a plan against what is already done (年初计划…,已开工…; 原定…,已建成…)', () => {
    const found = figures(review('年初计划改造棚户区600万套,已开工620万套。原定新建农村公路20万公里,已建成21万公里。'));
    expect(reading(found, '600万套')).toEqual(['2013', 'target']);
    expect(reading(found, '620万套')).toEqual(['2013', 'actual']);
    expect(reading(found, '20万公里')).toEqual(['2013', 'target']);
    expect(reading(found, '21万公里')).toEqual(['2013', 'actual']);
  });

  it('near miss: 实现了…的目标 and 全面完成年初确定的主要目标 state outcomes', () => {
    const found = figures(review('全面完成年初确定的主要目标,国内生产总值增长7.7%,城镇新增就业1310万人。全年实现了粮食产量1.2万亿斤以上的目标。'));
    expect(reading(found, '7.7%')).toEqual(['2013', 'actual']);
    expect(reading(found, '1310万人')).toEqual(['2013', 'actual']);
    expect(reading(found, '1.2万亿斤以上')).toEqual(['2013', 'actual']);
  });
});

describe('a budget\'s planned amount is a target, not an estimate', () => {
  it('今年中央财政安排, 拟安排, 预算 and 支出规模 in a plan part', () => {
    const found = figures(
      plan(
        '今年中央财政安排保障性安居工程补助资金1200亿元。拟安排财政赤字1.35万亿元,赤字率2.1%。中央预算内投资安排4576亿元。预计全国一般公共预算收入增长8%左右,一般公共预算支出规模15.3万亿元,中央财政赤字9500亿元。',
      ),
    );
    expect(reading(found, '1200亿元')).toEqual(['2014', 'target']);
    expect(reading(found, '1.35万亿元')).toEqual(['2014', 'target']);
    expect(reading(found, '2.1%')).toEqual(['2014', 'target']);
    expect(reading(found, '4576亿元')).toEqual(['2014', 'target']);
    // the revenue is forecast; the spending is what the budget sets
    expect(reading(found, '8%左右')).toEqual(['2014', 'estimate']);
    expect(reading(found, '15.3万亿元')).toEqual(['2014', 'target']);
    expect(reading(found, '9500亿元')).toEqual(['2014', 'target']);
  });

  it('near miss: what the central budget spent last year, in a review, is an actual', () => {
    const found = figures(review('中央财政安排就业专项资金426亿元,比上年增长59%。'));
    expect(reading(found, '426亿元')).toEqual(['2013', 'actual']);
    expect(reading(found, '59%')).toEqual(['2013', 'actual']);
  });

  it('比上年预计执行数: an estimate word naming the comparison base makes no estimate', () => {
    const found = figures(plan('中央财政拟投入社会保障资金3200亿元,比上年预计执行数增加439亿元,增长15.9%。'));
    expect(reading(found, '439亿元')).toEqual(['2014', 'target']);
    expect(reading(found, '15.9%')).toEqual(['2014', 'target']);
  });

  it('what a plan part says is so now holds for its own figure only (比现有的86个减少27个)', () => {
    const found = figures(plan('国务院组成部门设置29个,比现有的86个减少57个。'));
    expect(reading(found, '86个')[1]).toBe('actual');
    expect(reading(found, '57个')).toEqual(['2014', 'target']);
  });

  it('现有 after a verb taking it as its object (利用现有…建设) names what exists: the plan\'s figure stays a target', () => {
    expect(reading(figures(plan('利用现有闲置资源改造建设20个日间照料中心。')), '20个')).toEqual(['2014', 'target']);
    expect(reading(figures(plan('依托现有园区新建30个孵化基地。')), '30个')).toEqual(['2014', 'target']);
    // near miss: 现有 stating what is so now keeps the figure an actual
    expect(reading(figures(plan('全国现有国家级开发区230个,今年再新建10个。')), '230个')[1]).toBe('actual');
  });

  it('the change of a planned amount is planned too (比上年增加…)', () => {
    const found = figures(plan('中央财政拟安排补贴资金1335亿元,比上年增加60亿元。'));
    expect(reading(found, '1335亿元')).toEqual(['2014', 'target']);
    expect(reading(found, '60亿元')).toEqual(['2014', 'target']);
  });
});

describe('plans named by their size, parts of a whole, budgets set against budgets', () => {
  it('a plan named by its size (…4万亿元的投资计划) is a target, in a review too; its part (其中…) as well', () => {
    const found = figures(review('实施两年新增4万亿元的投资计划,其中,新增中央投资1.18万亿元。'));
    expect(reading(found, '4万亿元')[1]).toBe('target');
    expect(reading(found, '1.18万亿元')[1]).toBe('target');
  });

  it('near miss: a part of an outcome is an outcome; a plan completed is an outcome', () => {
    const found = figures(review('全年财政收入12.9万亿元,其中,中央财政收入6万亿元。超额完成3000亿元的投资计划。'));
    expect(reading(found, '6万亿元')[1]).toBe('actual');
    expect(reading(found, '3000亿元')[1]).toBe('actual');
  });

  it('拟安排财政赤字…,赤字率从去年的2.1%提高到2.3%: last year\'s budgeted ratio is a target of last year', () => {
    const found = figures(plan('今年拟安排财政赤字1.62万亿元,比去年增加2700亿元,赤字率从去年的2.1%提高到2.3%。其中,中央财政赤字1.12万亿元。'));
    expect(reading(found, '2.1%')).toEqual(['2013', 'target']);
    expect(reading(found, '1.12万亿元')).toEqual(['2014', 'target']);
  });

  it('预计 reaches the figures of its own item, not a 、-item with its own subject after a figure', () => {
    const found = figures(review('新增企业超过3000家、营业收入预计达到900亿元、从业人员达到12.5万人。'));
    expect(reading(found, '900亿元')[1]).toBe('estimate');
    expect(reading(found, '12.5万人')).toEqual(['2013', 'actual']);
    // (a list of figures after 预计 is all estimated)
    expect(reading(figures(review('粮食、棉花产量预计分别增长3%、5%。')), '5%')[1]).toBe('estimate');
  });

  it('a task set from above and exceeded (`超额完成国家下达的N年度任务`) is a target of its year, of the statement before it', () => {
    const found = figures(review('城镇新增就业超过60万人、超额完成国家下达的50万人年度任务。'));
    expect(reading(found, '50万人')).toEqual(['2013', 'target']);
    expect(reading(found, '超过60万人')).toEqual(['2013', 'actual']);
    expect(found.find((f) => f.raw === '50万人')!.metric).toBe('new-urban-jobs');
  });

  it('a 、-list of start values (`分别从每人每月A、B提高到C、D`) is what is so now, each of them; the end values are the plan', () => {
    const found = figures(plan('城乡居民基础养老金、失业保险金标准分别从每人每月150元、1800元提高到160元、1900元。'));
    expect(reading(found, '150元')).toEqual(['2013', 'actual']);
    expect(reading(found, '1800元')).toEqual(['2013', 'actual']);
    expect(reading(found, '160元')).toEqual(['2014', 'target']);
    expect(reading(found, '1900元')).toEqual(['2014', 'target']);
  });

  it('near miss: a start value in a plan sentence setting no budget is what is so now', () => {
    const found = figures(plan('城乡居民基础养老金标准由55元提高到70元。'));
    expect(reading(found, '55元')[1]).toBe('actual');
    expect(reading(found, '70元')).toEqual(['2014', 'target']);
  });
});

describe('初步核算 and 初步统计 figures of a finished year are actuals', () => {
  it('in a work report\'s review', () => {
    const found = figures(review('经初步核算,全年国内生产总值56.9万亿元,比上年增长7.7%。据初步统计,全年城镇新增就业1310万人。'));
    expect(reading(found, '56.9万亿元')).toEqual(['2013', 'actual']);
    expect(reading(found, '7.7%')).toEqual(['2013', 'actual']);
    expect(reading(found, '1310万人')).toEqual(['2013', 'actual']);
  });

  it('in a preliminary communiqué', () => {
    const text = '中华人民共和国2024年国民经济和社会发展统计公报\n\n国家统计局\n\n2025年2月28日\n\n初步核算,全年国内生产总值1349084亿元,比上年增长5.0%。\n';
    const found = figures(text, { status: 'preliminary' } as never);
    expect(reading(found, '1349084亿元')).toEqual(['2024', 'actual']);
    expect(reading(found, '5.0%')).toEqual(['2024', 'actual']);
  });

  it('near miss: 预计 still makes an estimate', () => {
    const found = figures(review('预计全年粮食产量6亿吨。'));
    expect(reading(found, '6亿吨')).toEqual(['2013', 'estimate']);
  });
});

describe('deadlines and tasks', () => {
  it('a deadline task (在2016年前完成…, 三年内…, 年底前) is a target', () => {
    const found = figures(plan('在2016年前完成1000万户农村危房改造。三年内新建农村公路30万公里。年底前取消200项行政审批事项。'));
    expect(reading(found, '1000万户')[1]).toBe('target');
    expect(reading(found, '30万公里')[1]).toBe('target');
    expect(reading(found, '200项')[1]).toBe('target');
  });

  it('圆满完成…任务 and 如期完成 state an actual', () => {
    const found = figures(review('圆满完成裁减军队员额20万的任务。淘汰落后炼钢产能2700万吨的任务如期完成。'));
    expect(reading(found, '20万')[1]).toBe('actual');
    expect(reading(found, '2700万吨')[1]).toBe('actual');
  });
});

describe('continuations and forecast effects', () => {
  it('a plan item continuing the target list in the next sentence keeps target modality', () => {
    const text = `${REVIEW}国内生产总值增长7.7%。\n二、今年工作\n今年经济社会发展的主要预期目标是:国内生产总值增长7.5%左右,城镇新增就业1000万人以上。能耗强度下降3.9%以上,主要污染物排放继续减少。\n`;
    const found = figures(text);
    expect(reading(found, '7.5%左右')).toEqual(['2014', 'target']);
    expect(reading(found, '1000万人以上')).toEqual(['2014', 'target']);
    expect(reading(found, '3.9%以上')).toEqual(['2014', 'target']);
  });

  it('将使…/可使… (the effect of a policy, forecast) is no actual', () => {
    const found = figures(review('这项改革实施后,将使企业减轻负担900亿元。全面推开营改增可使全年减税1200亿元。'));
    expect(reading(found, '900亿元')[1]).not.toBe('actual');
    expect(reading(found, '1200亿元')[1]).not.toBe('actual');
  });

  it('near miss: 使… after an outcome states what it did', () => {
    const found = figures(review('营改增试点扩大到全国,使企业减轻负担1400亿元。'));
    expect(reading(found, '1400亿元')[1]).toBe('actual');
  });
});

describe('target/outcome pairing (src/checks/target.ts), in auto mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'figcheck-intent-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const delivered = (year: number) => `——${year}年3月5日在全国人民代表大会上\n${OPENING}`;
  /** Two work reports: the plan of `year` and the next year's review of it, checked with no configuration. */
  const reports = async (name: string, plan: string, review: string, next = ''): Promise<CheckRun> => {
    const files = [join(dir, `${name}-2013.txt`), join(dir, `${name}-2014.txt`)];
    writeFileSync(files[0]!, `${delivered(2013)}一、2012年工作回顾\n国内生产总值增长7.8%。\n二、2013年工作总体部署\n${plan}\n`);
    writeFileSync(files[1]!, `${delivered(2014)}一、2013年工作回顾\n${review}\n二、2014年工作总体部署\n${next}\n`);
    return check(files, { config: false, cwd: dir });
  };
  const judged = (run: CheckRun, raw: string) =>
    run.targets.filter((t) => t.target.raw === raw && t.target.document.endsWith('2013')).map((t) => `${t.actual.document.slice(-4)}:${t.actual.raw}:${t.outcome}`);

  it('a target quoted in the review is judged against the outcome beside it, direction counted', async () => {
    const run = await reports(
      'quoted',
      '今年经济社会发展的主要预期目标是:国内生产总值增长7.5%左右;居民消费价格涨幅3.5%左右;单位国内生产总值能耗下降3.7%以上。',
      '国内生产总值增长7.7%,高于年初确定的7.5%左右的预期目标。居民消费价格上涨3.9%,没有完成3.5%左右的调控目标。单位国内生产总值能耗下降3.0%,未实现年初确定的下降3.7%以上的目标。',
    );
    const quoted = (raw: string) => run.targets.filter((t) => t.target.document.endsWith('2014') && t.target.raw.endsWith(raw)).map((t) => `${t.actual.raw}:${t.outcome}`);
    // growth is a floor: beating 7.5%左右 meets it
    expect(quoted('7.5%左右')).toEqual(['7.7%:met']);
    // CPI is a ceiling: 3.9% misses 3.5%左右
    expect(quoted('3.5%左右')).toEqual(['3.9%:missed']);
    // a fall of energy intensity is a floor on the fall: 3.0% misses 3.7%以上
    expect(quoted('3.7%以上')).toEqual(['3.0%:missed']);
    // and the targets as first set are judged alike against the next year's outcomes
    expect(judged(run, '3.5%左右')).toEqual(['2014:3.9%:missed']);
    expect(judged(run, '7.5%左右')).toEqual(['2014:7.7%:met']);
  });

  it('several outcomes of one indicator in the next report: the target is judged by the one the review states first', async () => {
    const run = await reports(
      'headline',
      '今年经济社会发展的主要预期目标是:国内生产总值增长7.5%左右。',
      '国内生产总值增长7.7%,城镇新增就业1310万人。经修订,国内生产总值增长7.3%。',
    );
    expect(judged(run, '7.5%左右')).toEqual(['2014:7.7%:met']);
  });

  it('near miss: a bare label stated with two values in the next report names two things, and judges nothing', async () => {
    const run = await reports(
      'bare',
      '中央财政拟安排专项资金300亿元,支持中小企业发展。',
      '中央财政安排专项资金320亿元,支持中小企业发展。中央财政安排专项资金150亿元,用于农村危房改造。',
    );
    expect(judged(run, '300亿元')).toEqual([]);
  });

  it('an outcome restated in other words is judged against the target in each place', async () => {
    const run = await reports(
      'restated',
      '今年经济社会发展的主要预期目标是:居民消费价格涨幅3.5%左右。',
      '国内生产总值增长7.7%,居民消费价格涨幅回落到2.6%,为今年经济发展创造了条件。',
      '保持物价总水平基本稳定是重要目标。去年居民消费价格涨幅回落到2.6%,这是控制通胀的重要成果。',
    );
    expect(judged(run, '3.5%左右')).toEqual(['2014:2.6%:met', '2014:2.6%:met']);
    // and the two statements of 2013's CPI are compared as one fact, not left single
    const cpi = run.comparisons.find((c) => c.metric.includes('cpi') && c.period === '2013' && c.statements.length === 2);
    expect(cpi?.verdict).toBe('consistent');
  });
});
