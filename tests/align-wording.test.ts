/**
 * Pairing by wording (src/checks/wording.ts): statements the identity key leaves alone, paired by how alike
 * their own clauses are worded when the pairing is unambiguous. Made-up reports of two years: a plan of 2014
 * and the review of it delivered in 2015, each with unrelated statements around (the weights of words come
 * from the run's own clauses, so a run needs some). A pair worded alike is paired and judged; look-alikes
 * (year-end vs average, central vs national, two counts of one paragraph) and ties are not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import type { CheckRun, Figure } from '../src/model.js';
import { coverageSentence, runSummary } from '../src/report/coverage.js';

const dir = mkdtempSync(join(tmpdir(), 'figcheck-wording-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Unrelated statements of a plan (2014) and of its review (2015): what makes the weights of words. */
const PLAN_FILLER = [
  '今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右，居民消费价格涨幅控制在3.5%左右，城镇新增就业1000万人以上。',
  '今年拟安排财政赤字1.35万亿元，其中中央财政赤字9500亿元。',
  '今年要新建改建农村公路20万公里，改造农村危房260万户。',
  '今年要完成造林面积600万公顷，新增高效节水灌溉面积1500万亩。',
  '今年要淘汰钢铁产能2700万吨，水泥产能4200万吨。',
  '今年要在全国新增城市公交车辆3万辆，改造城市燃气管网2000公里。',
];
const REVIEW_FILLER = [
  '过去一年，国内生产总值增长7.4%，居民消费价格上涨2%，城镇新增就业1322万人。',
  '全年财政赤字1.35万亿元，粮食产量达到6.07亿吨。',
  '新建改建农村公路23万公里，改造农村危房266万户。',
  '完成造林面积555万公顷，新增高效节水灌溉面积2000万亩。',
  '淘汰钢铁产能3110万吨，水泥产能8100万吨。',
  '全国新增城市公交车辆3.2万辆，改造城市燃气管网2400公里。',
];

/** A plan delivered in March 2014 and its review delivered in March 2015, each with `lines` added. */
async function run(plan: string[], review: string[], extra: Record<string, string[]> = {}): Promise<CheckRun> {
  const sub = mkdtempSync(join(dir, 'run-'));
  const write = (name: string, title: string, date: string, lines: string[]) =>
    writeFileSync(join(sub, name), [title, `——${date}在全国人民代表大会上`, ...lines].join('\n') + '\n');
  write('plan-2014.txt', '2014年政府工作报告', '2014年3月5日', ['一、2014年工作总体部署', ...PLAN_FILLER, ...plan]);
  write('review-2015.txt', '2015年政府工作报告', '2015年3月5日', ['一、2014年工作回顾', ...REVIEW_FILLER, ...review]);
  for (const [name, lines] of Object.entries(extra)) write(name, '2015年政府工作报告（另一稿）', '2015年3月5日', ['一、2014年工作回顾', ...REVIEW_FILLER, ...lines]);
  return check(['plan-2014.txt', 'review-2015.txt', ...Object.keys(extra)].map((f) => join(sub, f)), { cwd: sub, config: false, locale: 'en', jobs: 1 });
}

const byWording = (r: CheckRun) => r.targets.filter((t) => t.metric.startsWith('wording:'));
const sameFacts = (r: CheckRun) => r.comparisons.filter((c) => c.metric.startsWith('wording:'));
const named = (f: Figure) => f.raw;

describe('pairing by wording', () => {
  it('pairs a target and its outcome stated in other words, judges it, and counts it apart in the coverage', async () => {
    // (programmes of no indicator in rules/core, worded apart: what a lexicon cannot know in advance)
    const r = await run(['今年要让6000万农村人口喝上干净的自来水。', '今年要为农村中小学配备校车6000辆。'], [
      '6600多万农村人口喝上了干净的自来水。',
      '全年为农村中小学新配校车6600多辆。',
    ]);
    const pairs = byWording(r).map((t) => [named(t.target), named(t.actual), t.outcome]);
    expect(pairs).toEqual(expect.arrayContaining([['6000万', '6600多万', 'met'], ['6000辆', '6600多辆', 'met']]));
    // the identity key does not align them (that is what this pass is for)
    expect(r.targets.filter((t) => !t.metric.startsWith('wording:')).some((t) => t.target.raw === '6000辆')).toBe(false);
    // a met target is no finding; the coverage line says how many figures were compared by wording
    expect(r.findings.filter((f) => f.message.includes('paired by wording'))).toEqual([]);
    expect(r.figureCoverage!.byWording).toBeGreaterThanOrEqual(4);
    expect(coverageSentence(r.figureCoverage!, runSummary(r), 'en')).toMatch(/\d+ compared by wording/);
  });

  it('reports a missed target paired by wording as such, never as an error', async () => {
    const r = await run(['今年要为农村中小学配备校车6000辆以上。'], ['全年为农村中小学新配校车4500辆。']);
    expect(byWording(r).map((t) => [named(t.target), named(t.actual), t.outcome])).toEqual([['6000辆以上', '4500辆', 'missed']]);
    const finding = r.findings.find((f) => f.rule === 'target-missed' && f.message.includes('paired by wording'));
    expect(finding).toBeDefined();
    expect(finding!.severity).not.toBe('error');
    expect(finding!.message).toContain('add a metric rule to confirm');
  });

  it('pairs one fact stated in other words in two documents, and reports a disagreement as a warning that says so', async () => {
    const r = await run([], ['农村饮水安全工程使6600多万人受益。'], {
      'other-2015.txt': ['农村饮水安全工程全年使6300万人受益。'],
    });
    const pair = sameFacts(r).find((c) => c.statements.some((f) => f.raw === '6600多万人'));
    expect(pair?.statements.map(named).sort()).toEqual(['6300万人', '6600多万人']);
    expect(pair?.verdict).toBe('mismatch');
    const finding = r.findings.find((f) => f.rule === 'figure-mismatch' && f.message.includes('paired by wording'));
    expect(finding?.severity).toBe('warning');
  });

  it('joins a restatement worded apart to the statements the identity key aligned', async () => {
    const r = await run([], ['全年为农村中小学新配校车6600辆。'], {
      'other-2015.txt': ['全年为农村中小学新配校车6600辆。'],
      'third-2015.txt': ['农村中小学全年新配备校车共6600辆，保障了学生安全。'],
    });
    const joined = sameFacts(r).find((c) => c.statements.some((f) => f.document === 'third-2015'));
    expect(joined?.statements.map((f) => f.document).sort()).toEqual(['other-2015', 'review-2015', 'third-2015']);
    expect(joined?.verdict).toBe('consistent');
  });

  it('does not pair year-end with average, central with national, nor two counts of one paragraph', async () => {
    // (each pair, without its guard, is worded alike enough to be paired: the scope words, the paragraph decide)
    const r = await run(['今年中央财政安排就业专项资金420亿元。'], [
      '全国财政安排就业专项资金426亿元。',
      '年末全国外出务工农民工总数达到1.68亿人的规模。',
      '全国农村饮水安全工程新增受益人口1500万人的规模。全国农村饮水安全工程新增受益学生1800万人的规模。',
    ], {
      'other-2015.txt': ['全国外出务工农民工平均总数达到1.66亿人的规模。'],
    });
    const raws = (figures: Figure[]) => figures.map(named).sort().join(' ');
    expect(byWording(r).map((t) => raws([t.target, t.actual]))).not.toContain('420亿元 426亿元');
    const compared = sameFacts(r).map((c) => raws(c.statements));
    expect(compared).not.toContain('1.66亿人 1.68亿人');
    expect(compared).not.toContain('1500万人 1800万人');
  });

  it('does not pair the items of a list, whose words are their siblings\' (`分别提高到300元和500元`)', async () => {
    const r = await run(['提高农村义务教育公用经费标准，把小学、初中学生人均公用经费分别提高到300元和500元。'], ['提前一年实现农村中小学生人均公用经费分别达到500元、300元。']);
    expect(byWording(r).filter((t) => ['300元', '500元'].includes(t.target.raw))).toEqual([]);
  });

  it('pairs nothing when two candidates are equally good and would be judged apart', async () => {
    const r = await run(['今年再解决6000万农村人口的饮水安全问题。'], ['6600多万农村人口饮水安全问题得到解决。'], {
      'other-2015.txt': ['5200多万农村人口饮水安全问题得到解决。'],
    });
    expect(byWording(r).filter((t) => t.target.raw === '6000万')).toEqual([]);
  });
});
