/**
 * A five-year review in a report delivered after the plan's last year: a level, stock or count standing at the end
 * of the plan's years is of its last year (达到, 突破, 提高到 B, a stock named, 拥有, 现有, 在册, 通达), while a total,
 * an average or an increment over them (累计, 年均, 新增, 共, 增加) is of the span (periods.levelReached,
 * periods.reviewParts: endLevels, bounds, totals, stocks, holdings).
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText as figures } from './helpers/figures.js';

const head =
  '某省2026年政府工作报告\n——2026年1月27日在某省第十四届人民代表大会第四次会议上\n各位代表:\n现在,我代表省人民政府,向大会报告工作,请予审议。\n' +
  '一、"十四五"时期和2025年工作回顾\n';
const tail = '\n二、2026年主要目标\n地区生产总值增长5%左右。\n';

/** [period, modality] of the one figure whose raw ends with `value` in a five-year review holding `sentence`. */
function inReview(sentence: string, value: string): [string | null, string] {
  const found = figures(`${head}${sentence}${tail}`).filter((f) => f.raw.endsWith(value));
  expect(found.map((f) => f.raw), value).toHaveLength(1);
  return [found[0]!.period, found[0]!.modality];
}

describe("a five-year review: the level at the plan's end vs what was done over its years", () => {
  const atEnd: Array<[string, string]> = [
    ['这五年,全省地区生产总值突破10万亿元,年均增长6%。', '10万亿元'],
    ['这五年,常住人口城镇化率提高到65%。', '65%'],
    ['这五年,全省高新技术企业总数达到1.2万家。', '1.2万家'],
    ['这五年,全省森林覆盖率达到58%。', '58%'],
    ['这五年,全省国家级高新区增加到15个。', '15个'],
    // a stock named before a bound: the bound tells the stock passed, not a total bounded
    ['这五年,全省5G基站总数超过10万个。', '10万个'],
    ['这五年,民营经济主体总量超过500万户。', '500万户'],
    ['这五年,全省汽车保有量突破900万辆。', '900万辆'],
    // what the place has, a register's count, a network's reach
    ['这五年,全省拥有国家级专精特新小巨人企业120家。', '120家'],
    ['这五年,全省现有博物馆300座。', '300座'],
    ['这五年,全省登记在册国际船舶82艘。', '82艘'],
    ['这五年,物流通道通达全球60个国家和地区的300个港口。', '300个'],
  ];
  for (const [sentence, value] of atEnd) {
    it(`${sentence} ${value}: the plan's last year`, () => {
      expect(inReview(sentence, value)).toEqual(['2025', 'actual']);
    });
  }

  const overSpan: Array<[string, string]> = [
    ['这五年,全省地区生产总值突破10万亿元,年均增长6%。', '6%'],
    ['这五年,全省累计新增城镇就业300万人。', '300万人'],
    ['这五年,新增国家级创新平台达到50个。', '50个'],
    ['这五年,全省五年共建成学校达到120个。', '120个'],
    // (建成 counts what was built over the years as often as what stands: what follows it stays the span's)
    ['这五年,全省建成高标准农田2000万亩。', '2000万亩'],
    ['这五年,全省建成5G基站8万个。', '8万个'],
    ['这五年,全省改造老旧小区超过2000个。', '2000个'],
    ['这五年,外贸进出口累计1.2万亿元。', '1.2万亿元'],
    ['这五年,全省增加高速公路1000公里。', '1000公里'],
    // a holding word does not turn a cumulative or new count into a stock
    ['这五年,全省拥有的企业累计新增研发机构500家。', '500家'],
    // nor 现有 naming what was used
    ['这五年,利用现有闲置资源改造建设养老服务中心200个。', '200个'],
  ];
  for (const [sentence, value] of overSpan) {
    it(`${sentence} ${value}: the plan's years`, () => {
      expect(inReview(sentence, value)).toEqual(['2021/2025', 'actual']);
    });
  }
});

describe('the same words in the review of the year and in the plan', () => {
  it('a stock held in the review of the year is of the year, and a plan figure stays a target', () => {
    const text = `${head}过去一年,全省拥有国家级实验室12家。${tail}三、2026年重点工作\n力争高新技术企业总数超过1.5万家。\n`;
    const found = figures(text);
    expect(found.filter((f) => f.raw.endsWith('12家')).map((f) => [f.period, f.modality])).toEqual([['2025', 'actual']]);
    expect(found.filter((f) => f.raw.endsWith('1.5万家')).map((f) => [f.period, f.modality])).toEqual([['2026', 'target']]);
  });
});

describe('years running into the year the document is delivered in', () => {
  it('what is held at a date inside the last year is not dated to a finished year', () => {
    const text = '高举旗帜 团结奋斗\n——在某党第二十次全国代表大会上的报告\n（2022年10月16日）\n同志们:\n十年来,全国拥有各类学校五十万所,参加基本养老保险人数超过十亿人。\n';
    const found = figures(text).filter((f) => f.raw.endsWith('五十万所'));
    expect(found.map((f) => f.period)).toEqual(['2013/2022']);
  });
});

describe('an average over the years since a year it is compared with', () => {
  const opening = '各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n一、过去五年的回顾\n';
  const path = 'r/cn_national_1983_gwr_state_council.txt';
  for (const [sentence, value] of [
    ['一九八二年同一九七八年相比,全国农业总产值每年平均递增百分之七点五。', '百分之七点五'],
    ['一九八二年与一九七八年相比,全国工业总产值年均增长百分之七。', '百分之七'],
    ['一九八二年比一九七八年,全国财政收入年均增长百分之三。', '百分之三'],
  ]) {
    it(`${sentence}: the years after the base`, () => {
      const found = figures(`${opening}${sentence}\n`, { path }).filter((f) => f.raw === value);
      expect(found.map((f) => f.period)).toEqual(['1979/1982']);
    });
  }
});
