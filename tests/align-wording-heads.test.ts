/**
 * Pairing by wording (src/checks/wording.ts) keeps two kinds of one head noun apart: a plan naming `服务业集聚区` and
 * `海洋特色产业集聚区` side by side says they are two things, so the review's marine clusters are no outcome of the
 * service clusters' target, however alike the rest of the words (省级, 现代, 新). Verbs before one object still differ
 * freely (`配备校车`, `新配校车`: tests/align-wording.test.ts). The first item of a list worded in full is a statement of
 * its own (`新增基础教育公办学位4万个、普通高中学位5000个`); a later one shares the words before the list. Made-up plan of
 * 2014 and review delivered in 2015.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import type { CheckRun } from '../src/model.js';
import { documentFromText } from '../src/document.js';
import { clauseAround } from '../src/checks/wording-clauses.js';
import { extractFigures } from './helpers/figures.js';

const dir = mkdtempSync(join(tmpdir(), 'figcheck-wording-heads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Unrelated statements (what makes the weights of words). */
const PLAN = [
  '今年经济社会发展的主要预期目标是：地区生产总值增长7.5%左右，居民消费价格涨幅控制在3.5%左右，城镇新增就业100万人以上。',
  '今年要新建改建农村公路2万公里，改造农村危房26万户。',
  '今年要完成造林面积60万公顷，新增高效节水灌溉面积150万亩。',
];
const REVIEW = [
  '过去一年，地区生产总值增长7.4%，居民消费价格上涨2%，城镇新增就业132万人。',
  '新建改建农村公路2.3万公里，改造农村危房26.6万户。',
  '完成造林面积55万公顷，新增高效节水灌溉面积200万亩。',
];

async function run(plan: string[], review: string[]): Promise<CheckRun> {
  const sub = mkdtempSync(join(dir, 'run-'));
  const write = (name: string, title: string, date: string, lines: string[]) =>
    writeFileSync(join(sub, name), [title, `——${date}在省人民代表大会上`, ...lines].join('\n') + '\n');
  write('plan-2014.txt', '2014年政府工作报告', '2014年1月15日', ['一、2014年工作总体部署', ...PLAN, ...plan]);
  write('review-2015.txt', '2015年政府工作报告', '2015年1月15日', ['一、2014年工作回顾', ...REVIEW, ...review]);
  return check(['plan-2014.txt', 'review-2015.txt'].map((f) => join(sub, f)), { cwd: sub, config: false, locale: 'en', jobs: 1 });
}

const byWording = (r: CheckRun) => r.targets.filter((t) => t.metric.startsWith('wording:')).map((t) => `${t.target.raw} → ${t.actual.raw}`);

describe("two kinds of one head noun", () => {
  it('are never a target and its outcome when the plan names both kinds', async () => {
    const r = await run(
      ['大力发展现代服务业，新增省级现代服务业集聚区20个左右。', '做优做强现代海洋产业，培育10个左右海洋特色产业集聚区，加快发展海洋生物医药产业。'],
      ['实施现代海洋经济发展行动，新培育省级现代海洋特色产业集聚区7个。'],
    );
    expect(byWording(r)).not.toContain('20个左右 → 7个');
    expect(r.findings.filter((f) => f.rule === 'target-missed' && f.message.includes('服务业集聚区'))).toEqual([]);
  });
});

describe('the items of a list', () => {
  it('the first, worded in full, is a statement of its own when the next item names its own thing; a later item is not', () => {
    const listedOf = (text: string) => {
      const doc = documentFromText(text, { id: 'd' });
      const found = extractFigures(doc);
      return Object.fromEntries(found.map((f) => [f.raw, clauseAround(doc, f, found).listed]));
    };
    expect(listedOf('推进教育强省建设，新增基础教育公办学位4万个、普通高中学位5000个。')).toEqual({ '4万个': false, '5000个': true });
    // (items sharing the words before them: both siblings)
    expect(listedOf('人均公用经费分别提高到300元和500元。')).toEqual({ '300元': true, '500元': true });
  });

  it('a later item shares the words before the list (新增 here) and is not paired by its own words alone', async () => {
    const r = await run(['强化企业创新主体地位，新增高新技术企业200家，科技型中小企业突破1000家。'], ['科技创新能力持续提升，新增高新技术企业300家、科技型中小企业760家。']);
    expect(byWording(r)).not.toContain('突破1000家 → 760家');
  });
});
