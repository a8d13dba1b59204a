/**
 * A report delivered after a five-year plan's last year reviews the plan's years and that year under one heading
 * (src/meaning/review-parts.ts): made-up reports of each shape, in auto mode. The year's part (opening on the year,
 * `这一年`, `过去一年`) dates its figures to the year, the plan's part to the span; in the plan's part a level passed or
 * reached is of the last year, a total or an average over the years is the span's.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText as figures, reading } from './helpers/figures.js';

const OPENING = '某省2026年政府工作报告\n各位代表:\n现在,我代表省人民政府向大会报告工作,请予审议。\n';
const PLAN = '二、2026年工作安排\n今年全省地区生产总值增长5%左右。\n';

describe('a review of the plan and of its last year under one heading', () => {
  it('the plan first, then the year: the year part and its subheadings are of the year', () => {
    const text = `${OPENING}一、"十四五"时期和2025年工作回顾\n这五年,全省地区生产总值年均增长5.4%,累计新增城镇就业230万人。\n刚刚过去的2025年是具有里程碑意义的一年。全省地区生产总值增长5.5%。\n（一）加快构建现代化产业体系。粮食产量486.5亿斤,造林309万亩。\n（二）大力增进民生福祉。城镇新增就业48.8万人。\n各位代表!过去五年特别是2025年取得的成绩实属不易。\n${PLAN}`;
    const found = figures(text);
    expect(reading(found, '5.4%')).toEqual(['2021/2025', 'actual']);
    expect(reading(found, '230万人')).toEqual(['2021/2025', 'actual']);
    expect(reading(found, '5.5%')).toEqual(['2025', 'actual']);
    expect(reading(found, '486.5亿斤')).toEqual(['2025', 'actual']);
    expect(reading(found, '309万亩')).toEqual(['2025', 'actual']);
    expect(reading(found, '48.8万人')).toEqual(['2025', 'actual']);
    expect(reading(found, '5%左右')).toEqual(['2026', 'target']);
  });

  it('the year first (`这一年,`), then the plan after an address that turns to it in its second sentence', () => {
    const text = `${OPENING}一、2025年和"十四五"时期工作回顾\n刚刚过去的2025年,是"十四五"收官之年。\n这一年,我们迎难而上,全省新增城镇就业12.3万人。\n各位代表!回望"十四五",我们走过了不平凡的历程。五年来,全省新增城镇就业60万人,居民人均可支配收入年均增长6.1%。\n${PLAN}`;
    const found = figures(text);
    expect(reading(found, '12.3万人')).toEqual(['2025', 'actual']);
    expect(reading(found, '60万人')).toEqual(['2021/2025', 'actual']);
    expect(reading(found, '6.1%')).toEqual(['2021/2025', 'actual']);
  });

  it('a year opening as an introduction (`2025年是"十四五"收官之年。五年来,…`) opens the plan part', () => {
    const text = `${OPENING}一、2025年及"十四五"时期工作回顾\n2025年是很不平凡的一年。全省地区生产总值增长5.5%。\n各位代表!2025年是"十四五"收官之年。五年来,全省一般公共预算收入累计完成3.7万亿元,5年增长18.7%。\n${PLAN}`;
    const found = figures(text);
    expect(reading(found, '5.5%')).toEqual(['2025', 'actual']);
    expect(reading(found, '3.7万亿元')).toEqual(['2021/2025', 'actual']);
  });

  it('the paragraphs after the one opening the plan part are of the plan’s years, under a heading naming the year first', () => {
    const text = `${OPENING}一、2025年及"十四五"时期工作回顾\n2025年是很不平凡的一年。全省地区生产总值增长5.5%。\n各位代表!2025年是"十四五"收官之年。五年来,我们牢记嘱托。\n——经济综合实力实现新跃升。一般公共预算收入5年增长18.7%,粮食总产稳定在1100亿斤以上,地区生产总值突破10万亿元。\n${PLAN}`;
    const found = figures(text);
    expect(reading(found, '5.5%')).toEqual(['2025', 'actual']);
    expect(reading(found, '18.7%')).toEqual(['2021/2025', 'actual']);
    expect(reading(found, '1100亿斤以上')).toEqual(['2021/2025', 'actual']);
    expect(reading(found, '突破10万亿元')).toEqual(['2025', 'actual']);
  });

  it('a heading naming the plan alone: a paragraph opening on its last year still reviews that year', () => {
    const text = `${OPENING}一、"十四五"时期工作回顾\n"十四五"时期是我省发展历程中极不平凡的五年。五年来,全省新增城镇就业200万人。\n刚刚过去的2025年,全省新增城镇就业41万人。\n发挥比较优势,推动产业升级。规模以上工业增加值增长6.2%。\n各位代表!过去五年成绩的取得,来之不易。\n${PLAN}`;
    const found = figures(text);
    expect(reading(found, '200万人')).toEqual(['2021/2025', 'actual']);
    expect(reading(found, '41万人')).toEqual(['2025', 'actual']);
    expect(reading(found, '6.2%')).toEqual(['2025', 'actual']);
  });

  it('a year named in passing (`2025年1月,…`) or as a date inside the plan part opens no part', () => {
    const text = `${OPENING}一、"十四五"时期和2025年工作回顾\n五年来,全省新增城镇就业200万人。\n2025年四大主导产业占地区生产总值比重达到67%。全省建成5G基站10万个。\n${PLAN}`;
    const found = figures(text);
    expect(reading(found, '200万人')).toEqual(['2021/2025', 'actual']);
    expect(reading(found, '10万个')[0]).not.toBe('2025');
  });
});

describe('levels and totals in the review of the plan’s years', () => {
  const review = (sentence: string) => figures(`${OPENING}一、"十四五"时期工作回顾\n五年来,${sentence}\n${PLAN}`);

  it('a level passed (突破, 超过, 迈上…台阶) is the level at the plan’s end, of its last year', () => {
    expect(reading(review('地区生产总值突破3万亿元,人均地区生产总值超过10万元。'), '突破3万亿元')).toEqual(['2025', 'actual']);
    expect(reading(review('地区生产总值突破3万亿元,人均地区生产总值超过10万元。'), '超过10万元')).toEqual(['2025', 'actual']);
    expect(reading(review('地区生产总值迈上6万亿元台阶。'), '6万亿元')).toEqual(['2025', 'actual']);
    expect(reading(review('粮食年度产量首次突破2000万吨。'), '突破2000万吨')).toEqual(['2025', 'actual']);
  });

  it('a count reached (达到400座) is a stock at the end; a count of what is new, added up or bounded stays the span’s', () => {
    expect(reading(review('智能化煤矿达到400座。'), '400座')).toEqual(['2025', 'actual']);
    expect(reading(review('新增高新技术企业达到500家。'), '500家')).toEqual(['2021/2025', 'actual']);
    expect(reading(review('共建成大中型项目达到120个。'), '120个')).toEqual(['2021/2025', 'actual']);
    expect(reading(review('改造棚户区超过20万套。'), '超过20万套')).toEqual(['2021/2025', 'actual']);
  });

  it('a cumulative total and an average over the years stay the span’s', () => {
    expect(reading(review('一般公共预算收入累计完成3.7万亿元。'), '3.7万亿元')).toEqual(['2021/2025', 'actual']);
    expect(reading(review('地区生产总值年均增长5.4%。'), '5.4%')).toEqual(['2021/2025', 'actual']);
  });
});

describe('parts headed by a title line with no number', () => {
  it('the subheadings under `2026年重点工作` plan the year, those under `"十四五"时期工作回顾` review the plan', () => {
    const text = `某省2026年政府工作报告\n——二〇二六年一月二十七日在某省第十四届人民代表大会第五次会议上\n各位代表:\n"十四五"时期工作回顾\n五年来,全省新增城镇就业150万人。\n2026年重点工作\n今年是"十五五"开局之年。重点抓好八个方面工作:\n（一）放大促消费扩投资政策效应\n实施重大项目500个。\n（二）加大保障和改善民生力度\n持续办好为民实事。一是城镇新增就业30万人。二是完成困难重度残疾人家庭无障碍改造5000户。\n`;
    const found = figures(text);
    expect(reading(found, '150万人')).toEqual(['2021/2025', 'actual']);
    expect(reading(found, '500个')).toEqual(['2026', 'target']);
    expect(reading(found, '30万人')).toEqual(['2026', 'target']);
    expect(reading(found, '5000户')).toEqual(['2026', 'target']);
  });
});
