/**
 * Meanings that decide whether two figures are compared at all: a rank after a growth figure ranks
 * the growth, and a scope word (新增, 新建 …) opening a 、-list qualifies every item of it. Both were
 * false alarms on the example corpus (第九 vs 第21位 as a mismatch; 760家 新增 enterprises taken for
 * the 2022 target of the stock 科技型中小企业突破1000家).
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures } from './helpers/figures.js';
import { check } from '../src/index.js';
import type { CheckRun, Figure } from '../src/model.js';

function figures(text: string): Figure[] {
  return extractFigures(documentFromText(text, { period: '2022' }));
}

function byRaw(text: string, raw: string): Figure {
  const found = figures(text).filter((f) => f.raw === raw);
  expect(found, `${raw} in ${text}`).toHaveLength(1);
  return found[0]!;
}

describe('a rank after a change figure', () => {
  it('ranks the change when it follows it in one 、-group and has no subject of its own', () => {
    const text = '全年全区地区生产总值增长4.2%、位居全国第九,规上工业增加值增长8.1%、位居全国第三。';
    const ninth = byRaw(text, '第九');
    expect([ninth.kind, ninth.change, ninth.label]).toEqual(['rank', 'increase', '地区生产总值']);
    const third = byRaw(text, '第三');
    expect([third.kind, third.change, third.label]).toEqual(['rank', 'increase', '规上工业增加值']);
    const fall = byRaw('工业增加值下降2.1%、居全国第二十位。', '第二十位');
    expect(fall.change).toBe('decrease');
  });

  it('ranks the level after a level figure', () => {
    const rank = byRaw('一是经济总量不大,地区生产总值刚刚超过2万亿元、排在全国第21位。', '第21位');
    expect([rank.kind, rank.change, rank.label]).toEqual(['rank', null, '地区生产总值']);
  });

  it('does not reach across a comma, nor past a change in places', () => {
    // the economy ranks second, not its share's growth
    const economy = byRaw('我国经济总量占世界经济的比重达18.5%,提高7.2个百分点,稳居世界第二位。', '第二位');
    expect(economy.change).toBeNull();
    // 上升3位 moves the rank; 第14位 is the level's rank
    const moved = byRaw('工业增加值跨过万亿元大关,全国排名有望上升3位、居第14位。', '第14位');
    expect(moved.change).toBeNull();
  });

  it('keeps a rank with a subject of its own as it is', () => {
    const rank = byRaw('外贸进出口额615.4亿元、增长25.2%,增速居全国第1位。', '第1位');
    expect([rank.change, rank.label]).toEqual([null, '增速']);
  });
});

describe('a scope word opening a 、-list', () => {
  it('qualifies every bare item of the list', () => {
    const text = '新增高新技术企业300家、科技型中小企业760家。';
    expect(byRaw(text, '300家').label).toBe('新增高新技术企业');
    expect(byRaw(text, '760家').label).toBe('新增科技型中小企业');
    const schools = figures('着力办好群众身边事。新建改扩建幼儿园204所、中小学676所、特殊教育学校13所,新增学位6.9万个。');
    expect(schools.map((f) => f.label)).toEqual(['新建改扩建幼儿园', '新建改扩建中小学', '新建改扩建特殊教育学校', '新增学位']);
  });

  it('stops at a comma: the next statement may be a stock', () => {
    const text = '新增高新技术企业200家,科技型中小企业突破1000家。';
    expect(byRaw(text, '突破1000家').label).toBe('科技型中小企业');
  });

  it('does not reach an item with its own verb, its own scope word or a total', () => {
    const crops = '全区新建高标准农田395万亩、种植优质饲草300万亩。';
    expect(byRaw(crops, '300万亩').label).toBe('种植优质饲草');
    const plants = '力争新开工装机1000万千瓦、新投产600万千瓦。';
    expect(byRaw(plants, '600万千瓦').label).toBe('新投产');
    const total = '新增国家级专精特新企业23家、总数达到98家。';
    expect(byRaw(total, '98家').label).toBe('总数');
  });
});

describe('the example corpus no longer shows the two false alarms', () => {
  let run: CheckRun;
  beforeAll(async () => {
    run = await check(['examples/nmg'], { config: false, cwd: resolve(import.meta.dirname, '..'), locale: 'en' });
  }, 120_000);

  it('does not compare the rank of GDP growth (第九) with the rank of the GDP level (第21位)', () => {
    const ranks = run.findings.filter((f) => f.message.includes('第九') && f.message.includes('第21位'));
    expect(ranks).toEqual([]);
    // the two ranks are still extracted, with different meanings
    const gdpRanks = run.figures.filter((f) => f.kind === 'rank' && f.label === '地区生产总值').map((f) => [f.raw, f.change]);
    expect(gdpRanks).toContainEqual(['第九', 'increase']);
    expect(gdpRanks).toContainEqual(['第21位', null]);
  });

  it('does not take 760家 new enterprises for the stock target 科技型中小企业突破1000家', () => {
    const missed = run.findings.filter((f) => f.rule === 'target-missed' && f.message.includes('科技型中小企业'));
    expect(missed).toEqual([]);
  });
});

describe('relational nouns', () => {
  it('a bare 幅度 measures the statement before it: 清理议事协调机构109个,幅度达59% → 议事协调机构清理幅度', () => {
    const doc = documentFromText('2022年,自治区人民政府全面清理议事协调机构109个,幅度达59%。');
    const share = extractFigures(doc).find((f) => f.raw === '59%')!;
    expect(share.label).toBe('议事协调机构清理幅度');
    expect(share.kind).toBe('share');
  });

  it('a 幅度 with a subject of its own keeps it, and a 幅度 opening a new sentence inherits nothing', () => {
    const own = extractFigures(documentFromText('2022年,议事协调机构精简幅度超过60%。')).find((f) => f.raw === '超过60%')!;
    expect(own.label).toBe('议事协调机构精简幅度');
    const apart = extractFigures(documentFromText('2022年,全面清理议事协调机构109个。幅度达59%。')).find((f) => f.raw === '59%')!;
    expect(apart.label).not.toContain('议事协调机构');
  });
});

describe('a yearbook entry opening with its year', () => {
  it('【…】 2022年,…: the year after the entry heading gives the period of the entry', () => {
    const doc = documentFromText('2023卷\n【各项事业全面发展】 2022年,自治区人民政府推动各项事业取得新成效。全年全区地区生产总值增长4.2%。\n');
    expect(extractFigures(doc).find((f) => f.raw === '4.2%')!.period).toBe('2022');
  });
});
