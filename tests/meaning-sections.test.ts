/**
 * Review and plan parts of a work report marked in other ways than `一、2024年工作回顾` / `二、2025年工作安排`
 * (issue 9 §1, §2). Made-up provincial reports of the shapes seen: a review part whose heading names no time
 * (`一、牢记嘱托，…取得新成效`) but whose text opens on the year reviewed (`2024年是…`, `一年来，…`); a review in
 * two numbered parts, the second with a heading of no time; parts headed by unnumbered title lines naming
 * this year (`今年工作安排`). Every figure of a review is the reviewed year's actual, every figure of the plan
 * part the delivery year's target.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText as figures, reading } from './helpers/figures.js';

const HEAD = '2025年某省政府工作报告\n2025年1月14日在某省第十四届人民代表大会第三次会议上\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n';
const PLAN = '今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右。\n（一）坚持自立自强，跑出科技创新加速度\n推进教育科技人才一体发展。新增高新技术企业1000家。\n';

describe('a review part whose heading names no time', () => {
  const review = (opening: string) =>
    `${HEAD}一、牢记嘱托，在接续奋斗中某省建设取得新成效\n${opening}\n（一）筑牢实体根基，产业体系进一步提升\n产业升级步伐加快。新增规上工业企业1200家。\n` +
    `二、牢记历史使命，在现代化建设中奋勇争先\n某省是重要实践地。\n${PLAN}三、牢记人民至上，建设服务型政府\n（一）以为民之心造福百姓。办好民生实事30件。\n`;

  it('opening on the reviewed year (2024年是…, then 一年来): the parts after it plan', () => {
    const found = figures(review('2024年是新中国成立75周年，也是某省发展中具有重要意义的一年。\n一年来，我们坚持稳中求进。全省地区生产总值增长5.5%。'));
    expect(reading(found, '5.5%')).toEqual(['2024', 'actual']);
    expect(reading(found, '1200家')).toEqual(['2024', 'actual']);
    expect(reading(found, '5%左右')).toEqual(['2025', 'target']);
    // (a subheading of the plan part, its figures with no time word of their own)
    expect(reading(found, '1000家')).toEqual(['2025', 'target']);
    expect(reading(found, '30件')).toEqual(['2025', 'target']);
  });

  it('opening on a span back after an address (各位代表！过去一年，…) tells it too', () => {
    const found = figures(review('各位代表！过去一年，我们坚持稳中求进，全省地区生产总值增长5.5%。'));
    expect(reading(found, '5.5%')).toEqual(['2024', 'actual']);
    expect(reading(found, '1000家')).toEqual(['2025', 'target']);
  });

  it('a part opening on this year (今年是…) after a review is no review: it plans', () => {
    const found = figures(`${HEAD}一、2024年工作回顾\n过去一年，全省地区生产总值增长5.5%。\n二、牢记历史使命，在现代化建设中奋勇争先\n今年是“十四五”规划收官之年，新增高新技术企业1000家。\n`);
    expect(reading(found, '5.5%')).toEqual(['2024', 'actual']);
    expect(reading(found, '1000家')).toEqual(['2025', 'target']);
  });
});

describe('a review in two numbered parts', () => {
  const report = (second: string) =>
    `${HEAD}一、2024年工作回顾\n过去一年，全省地区生产总值增长5.5%。\n二、坚持改革创新，发展动能持续增强\n${second}\n三、2025年工作安排\n${PLAN}`;

  it('a second part with a heading of no time that opens on the year past reviews still', () => {
    const found = figures(report('各位代表！一年来，我们坚持改革创新，新增规上工业企业1200家，研发投入增长10%。'));
    expect(reading(found, '1200家')).toEqual(['2024', 'actual']);
    expect(reading(found, '10%')).toEqual(['2024', 'actual']);
    expect(reading(found, '5%左右')).toEqual(['2025', 'target']);
    expect(reading(found, '1000家')).toEqual(['2025', 'target']);
  });

  it('a part after the review that opens on no past period is the plan part, as before', () => {
    const found = figures(`${HEAD}一、2024年工作回顾\n过去一年，全省地区生产总值增长5.5%。\n二、奋力谱写现代化建设新篇章\n新增高新技术企业1000家。\n`);
    expect(reading(found, '5.5%')).toEqual(['2024', 'actual']);
    expect(reading(found, '1000家')).toEqual(['2025', 'target']);
  });
});

describe('once the plan part has begun', () => {
  it('a part opening on the year past (一年来，…) is of the plan still: a government-building part reviews, then plans', () => {
    const found = figures(`${HEAD}一、2024年工作回顾\n过去一年，全省地区生产总值增长5.5%。\n二、2025年工作安排\n${PLAN}三、加强政府自身建设\n一年来，各级政府作风持续改进。\n精简会议文件，培训干部1万人次。\n`);
    expect(reading(found, '1000家')).toEqual(['2025', 'target']);
    expect(reading(found, '1万人次')).toEqual(['2025', 'target']);
  });
});

describe('unnumbered title lines naming this year', () => {
  it('今年工作安排 dates the plan under it, as 2025年工作安排 does', () => {
    for (const title of ['今年工作安排', '2025年工作安排']) {
      const found = figures(`${HEAD}过去一年，全省地区生产总值增长5.5%，新增规上工业企业1200家。\n${title}\n今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右。\n新增高新技术企业1000家。\n`);
      expect(reading(found, '1200家'), title).toEqual(['2024', 'actual']);
      expect(reading(found, '1000家'), title).toEqual(['2025', 'target']);
    }
  });

  it('a sentence opening on 今年 is no title (今年1月，…): it dates its own sentence only', () => {
    const found = figures(`${HEAD}一、2024年工作回顾\n全省地区生产总值增长5.5%。\n今年1月，某高铁开通运营。\n新增规上工业企业1200家。\n二、2025年工作安排\n新增高新技术企业1000家。\n`);
    expect(reading(found, '1200家')).toEqual(['2024', 'actual']);
  });
});
