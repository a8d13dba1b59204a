/**
 * Issue 9 §3: words around a label that change nothing of the fact, and those that do (made-up sentences). A plan and
 * its review word one fact apart: `新增高速公路通车里程` and `高速公路新增里程`, `新能源并网装机` and `新能源总装机`,
 * `新增成果转化企业` and `科技成果转化企业新增`, `建设4万亩高标准农田` and `建成高标准农田4.2万亩`: one identity each.
 * Scope words that make another count stay (precision first): 国家 and 省级 name a level of recognition or of
 * listing (a region's all are more than its national ones), 新增装机 is the year's addition, not the stock, and 建成 of
 * anything but a programme the lexicon names so stays another stage than 建设.
 */
import { describe, expect, it } from 'vitest';
import { figureOfText } from './helpers/figures.js';
import { planAndReviewChecker, targetOutcomes } from './helpers/project.js';
import { autoIdentity } from '../src/checks/align.js';
import { coreRules } from '../src/rules/load.js';

const checkPlanAndReview = planAndReviewChecker('modifiers');

const identity = (text: string, raw: string) => autoIdentity(figureOfText(text, raw, { path: 'statement.txt' }), coreRules())?.id;

describe('wordings of one fact, one identity', () => {
  it.each([
    ['a road length open to traffic (通车里程 = 里程)', '新增高速公路通车里程300公里。', '300公里', '全年高速公路新增里程320公里。', '320公里'],
    ['capacity connected to the grid, and a total (并网装机, 总装机 = 装机)', '新能源并网装机达到5000万千瓦。', '5000万千瓦', '新能源总装机达到5200万千瓦。', '5200万千瓦'],
    ['a railway\'s length in operation (营业里程 = 里程), 高铁 the short form of 高速铁路', '新增高速铁路营业里程2000公里。', '2000公里', '全年高铁新增里程2100公里。', '2100公里'],
    ['成果转化, the short form of 科技成果转化', '新增成果转化企业800家。', '800家', '新增科技成果转化企业820家。', '820家'],
    ['新增 written after what it adds', '新增众创空间40家。', '40家', '众创空间新增45家。', '45家'],
    ['a plan builds high-standard farmland, its review reports it built', '落实耕地保护责任制，建设5万亩高标准农田。', '5万亩', '建成高标准农田6.2万亩。', '6.2万亩'],
  ])('%s', (_what, a, rawA, b, rawB) => {
    const ia = identity(a, rawA);
    expect(ia).toBeTruthy();
    expect(identity(b, rawB)).toBe(ia);
  });

  it.each([
    ['建设筹措7万套（间）保障性租赁住房。', '7万套'],
    ['建设筹集7万套保障性租赁住房。', '7万套'],
    ['筹集保障性租赁住房7.4万套。', '7.4万套'],
  ])('affordable rental housing raised, the measure\'s other name in brackets skipped: %s', (text, raw) => {
    expect(figureOfText(text, raw, { path: 'statement.txt' }).metric).toBe('rental-housing');
  });

  it('rental housing raised against the plan, not the stock', async () => {
    const run = await checkPlanAndReview('坚持租购并举，建设筹措7万套（间）保障性租赁住房。', '建设筹措保障性租赁住房7.4万套（间）、累计达到61万套（间）。');
    expect(targetOutcomes(run)).toMatchObject({ '7万套 → 7.4万套': 'met' });
    expect(Object.keys(targetOutcomes(run))).not.toContain('7万套 → 61万套');
  });

  it('a target met by its outcome worded the other way', async () => {
    const run = await checkPlanAndReview('新增高速公路通车里程300公里以上，新增成果转化企业800家。', '全年高速公路新增里程320公里，科技成果转化企业新增820家。');
    expect(targetOutcomes(run)).toMatchObject({ '300公里以上 → 320公里': 'met', '800家 → 820家': 'met' });
  });

  it('farmland built against the farmland a plan set out to build', async () => {
    const run = await checkPlanAndReview('落实耕地保护责任制，建设5万亩高标准农田。', '乡村振兴扎实推进，建成高标准农田6.2万亩、累计达到100万亩。');
    expect(targetOutcomes(run)).toMatchObject({ '5万亩 → 6.2万亩': 'met' });
    // (the cumulative stock is another fact)
    expect(Object.keys(targetOutcomes(run))).not.toContain('5万亩 → 100万亩');
  });
});

describe('scope words that change the fact stay apart', () => {
  it.each([
    ['国家 (national recognition) vs all', '新增国家专精特新小巨人企业30家。', '30家', '新增专精特新小巨人企业45家。', '45家'],
    ['省级 (provincial listing) vs all', '实施省级重点产业项目500个。', '500个', '实施重点产业项目800个。', '800个'],
    ['the year\'s added capacity vs the capacity', '新增新能源装机500万千瓦。', '500万千瓦', '新能源装机达到5200万千瓦。', '5200万千瓦'],
    ['建成 vs 建设 of what the lexicon does not name', '建设5G基站2000个。', '2000个', '建成5G基站1800个。', '1800个'],
    ['another addition verb after a noun names a programme (建设投资 is no 新增投资)', '交通建设投资300亿元。', '300亿元', '新增交通投资300亿元。', '300亿元'],
  ])('%s', (_what, a, rawA, b, rawB) => {
    expect(identity(a, rawA)).not.toBe(identity(b, rawB));
  });

  // (a distinction counts where the documents make it: the soft match, src/checks/align-soft.ts, pairs a plan's
  // `国家X` with its review's `X` when the run never names X both ways; tests/align-soft-match.test.ts)
  it('a national count and a region\'s count are never paired where the run tells them apart', async () => {
    const alone = await checkPlanAndReview('新增国家专精特新小巨人企业30家。', '新增专精特新小巨人企业45家。');
    expect(targetOutcomes(alone)).toMatchObject({ '30家 → 45家': 'met' });
    const apart = await checkPlanAndReview('新增国家专精特新小巨人企业30家。', '新增专精特新小巨人企业45家。其中国家专精特新小巨人企业12家。');
    expect(Object.keys(targetOutcomes(apart))).not.toContain('30家 → 45家');
  });
});

describe('a restatement in another measure (indicatorWords restatements)', () => {
  it.each([
    ['实际使用外资120亿美元左右、约合850亿元人民币。', '850亿元人民币'],
    ['实际使用外资120亿美元，折合人民币850亿元。', '850亿元'],
  ])('is of the figure before\'s subject, in its own currency: %s', (text, raw) => {
    const f = figureOfText(text, raw, { path: 'statement.txt' });
    expect([f.label, f.metric, f.unit]).toEqual(['实际使用外资', 'foreign-capital-used', '元']);
  });

  it('is never compared with the amount it restates (no rate of exchange is known)', () => {
    const text = '实际使用外资120亿美元左右、约合850亿元人民币。';
    expect(identity(text, '850亿元人民币')).not.toBe(identity(text, '120亿美元左右'));
  });

  it('in another measure of one unit is the same amount', () => {
    const text = '粮食产量1300万吨、合260亿斤。';
    expect(figureOfText(text, '260亿斤', { path: 'statement.txt' }).metric).toBe('grain-output');
    expect(identity(text, '260亿斤')).toBe(identity(text, '1300万吨'));
  });

  it('not a figure of its own after a longer clause (`其中出口折合…`)', () => {
    expect(figureOfText('外贸进出口总额达到3万亿元，其中出口折合4200亿美元。', '4200亿美元', { path: 'statement.txt' }).metric).not.toBe('trade-total');
  });
});

describe('names listed right before a count of as many (extract countedNounOf)', () => {
  it('are the things it counts: the noun after the count is the label', () => {
    expect(figureOfText('启动建设新材料、生物制造、智能装备3个省实验室，批复建设20个重点实验室。', '3个', { path: 'statement.txt' }).label).toBe('省实验室');
    // (aligned with a later count of them in another measure word)
    const a = identity('启动建设新材料、生物制造、智能装备3个省实验室，批复建设20个重点实验室。', '3个');
    expect(a).toBe(identity('持续推进已批建的3家省实验室建设。', '3家'));
  });

  it.each([
    ['教育、卫生4个领域。', '4个', '教育、卫生'],
    ['东湖、西岭、南山3个省实验室挂牌运行。', '3个', '东湖、西岭、南山'],
    ['东湖、西岭、南山约3个省实验室。', '约3个', '东湖、西岭、南山'],
  ])('not when the count differs, the noun runs into its predicate or the count is not exact: %s', (text, raw, label) => {
    expect(figureOfText(text, raw, { path: 'statement.txt' }).label).toBe(label);
  });
});
