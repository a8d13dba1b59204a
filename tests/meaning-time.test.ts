/**
 * The meaning stage's time and intent (src/meaning/time.ts, intent.ts) on short made-up reports of the
 * shapes Chinese reports state time in, all in auto mode (no configured period): a document's own time
 * from its title, date line or review heading; relative words; years inside a clause given to the figure
 * they govern; start and end values dated apart; years named in passing; programme names; five-year
 * targets; target lists, achieved and quoted targets, five-year reviews, estimates.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText as figures, reading } from './helpers/figures.js';

const OPENING = '各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n';

describe("a document's own time, with no configuration", () => {
  it('a statistical communiqué is about the year its title names', () => {
    const text = '中华人民共和国2024年国民经济和社会发展统计公报\n\n国家统计局\n\n2025年2月28日\n\n全年国内生产总值1349084亿元,比上年增长5.0%。年末全国人口140828万人。\n';
    const found = figures(text);
    expect(reading(found, '1349084亿元')).toEqual(['2024', 'actual']);
    expect(reading(found, '5.0%')).toEqual(['2024', 'actual']);
    expect(reading(found, '140828万人')).toEqual(['2024', 'actual']);
  });

  it('a work report titled with its year reviews the year before and plans its own', () => {
    const text = `某省2025年政府工作报告\n${OPENING}一、2024年工作回顾\n过去一年,全省地区生产总值增长5.2%。\n二、2025年目标任务\n全省地区生产总值增长5%左右。\n`;
    const found = figures(text);
    expect(reading(found, '5.2%')).toEqual(['2024', 'actual']);
    expect(reading(found, '5%左右')).toEqual(['2025', 'target']);
  });

  it('a congress report dated in October on a line of its own describes its own year and its decade', () => {
    const text = '高举旗帜\n——在中国共产党第二十次全国代表大会上的报告\n\n(2022年10月16日)\n\n十年来,国内生产总值从54万亿元增长到114万亿元。今年粮食产量保持在1.3万亿斤以上。\n';
    const found = figures(text);
    // the level a decade reached (增长到) is of its last finished year: 2022 was not over in October
    expect(reading(found, '114万亿元')).toEqual(['2021', 'actual']);
    // the start value of a decade is the year before it
    expect(reading(found, '54万亿元')).toEqual(['2012', 'actual']);
    expect(reading(found, '1.3万亿斤以上')[0]).toBe('2022');
  });

  it('a date written in Chinese digits dates the report', () => {
    const text = `${OPENING}二〇二二年三月五日\n一、过去一年工作回顾\n城镇新增就业1269万人。\n二、2022年工作总体部署\n城镇新增就业1100万人以上。\n`;
    const found = figures(text);
    expect(reading(found, '1269万人')).toEqual(['2021', 'actual']);
    expect(reading(found, '1100万人以上')).toEqual(['2022', 'target']);
  });

  it('a review heading dates a report with no date: its numbered parts after the review are the plan', () => {
    const text =
      `${OPENING}一、1996年国内工作的回顾\n国内生产总值达到67700多亿元,比上年增长9.7%。\n` +
      '二、保持国民经济发展的良好势头\n今年经济增长速度的调控目标定为8%。全社会固定资产投资控制在25300亿元。去年已经对其中近300户提供资金支持。\n';
    const found = figures(text);
    expect(reading(found, '67700多亿元')).toEqual(['1996', 'actual']);
    expect(reading(found, '8%')).toEqual(['1997', 'target']);
    expect(reading(found, '25300亿元')).toEqual(['1997', 'target']);
    expect(reading(found, '近300户')).toEqual(['1996', 'actual']);
  });

  it('a congress report with no date is dated by its congress number, reviewing up to the year before', () => {
    const text = '同志们:\n现在,我代表第十四届中央委员会向大会作报告。\n中国共产党第十五次全国代表大会是一次极为重要的大会。\n一、过去五年的工作\n五年来,从一九九二年到一九九六年,国内生产总值年均增长百分之十二点一。二00一年粮食产量达到五亿吨。\n';
    const found = figures(text);
    expect(reading(found, '百分之十二点一')).toEqual(['1992/1996', 'actual']);
    // years in Chinese digits, with Latin zeros too
    expect(reading(found, '五亿吨')[0]).toBe('2001');
  });

  it('a work report whose headings name no year is dated by the last year its review names twice', () => {
    const text = `${OPENING}一、过去五年政府工作的回顾\n2002年国内生产总值10.2万亿元。2002年财政收入18914亿元。为实现2010年远景目标打下基础,2010年远景目标如期推进。\n二、对今年政府工作的建议\n今年经济增长预期目标为7%左右。\n`;
    const found = figures(text);
    expect(reading(found, '10.2万亿元')).toEqual(['2002', 'actual']);
    expect(reading(found, '7%左右')).toEqual(['2003', 'target']);
  });

  it('near miss: a report with no year anywhere keeps figures undated rather than guessing', () => {
    expect(reading(figures('全省地区生产总值增长5.2%。\n'), '5.2%')[0]).toBeNull();
  });
});

describe('relative words resolved against the document time', () => {
  const head = '——2017年3月5日在第十二届全国人民代表大会第五次会议上\n';

  it('去年, 今年, 明年, 过去五年 and 五年来', () => {
    const text = `${head}一、2016年工作回顾\n去年国内生产总值增长6.7%。过去五年,城镇新增就业6500万人以上。五年来,贫困人口减少5564万人。\n二、2017年工作总体部署\n今年国内生产总值增长6.5%左右。明年财政赤字率拟按3%安排。\n`;
    const found = figures(text);
    expect(reading(found, '6.7%')).toEqual(['2016', 'actual']);
    expect(reading(found, '6500万人以上')).toEqual(['2012/2016', 'actual']);
    expect(reading(found, '5564万人')).toEqual(['2012/2016', 'actual']);
    expect(reading(found, '6.5%左右')).toEqual(['2017', 'target']);
    expect(reading(found, '3%')).toEqual(['2018', 'target']);
  });

  it('"十三五"时期 and "九五"期间 are their plans\' years, computed from the plan number', () => {
    const found = figures(`${head}"十三五"时期,国内生产总值年均增长6.5%以上。“九五”期间,粮食产量累计达到24.6亿吨。\n`);
    expect(reading(found, '6.5%以上')[0]).toBe('2016/2020');
    expect(reading(found, '24.6亿吨')[0]).toBe('1996/2000');
    // near misses: a plan period inside a title names the document; after 比 it is a comparison base
    expect(reading(figures(`${head}一、2016年工作回顾\n制定《“十三五”时期流域治理实施方案》,改造农田8.5万亩。\n`), '8.5万亩')[0]).toBe('2016');
    // near miss: a plan period after 比 is a comparison base, not the figure's period
    expect(reading(figures(`${head}一、2016年工作回顾\n进出口总额比“十二五”时期增长20%。\n`), '20%')[0]).toBe('2016');
  });

  it('本届政府 is the five years the report closes', () => {
    const found = figures(`——2018年3月5日在第十三届全国人民代表大会第一次会议上\n一、过去五年工作回顾\n本届政府任期内,城镇新增就业6600万人以上。\n`);
    expect(reading(found, '6600万人以上')).toEqual(['2013/2017', 'actual']);
  });

  it('当年 is the year last named in its sentence', () => {
    const found = figures(`${head}一、2016年工作回顾\n到2015年底,全国已有50%的县普及义务教育,当年减少文盲400万人。\n`);
    expect(reading(found, '400万人')[0]).toBe('2015');
  });
});

describe('explicit years and ranges inside a clause go to the figure they govern', () => {
  const head = '——2017年3月5日在第十二届全国人民代表大会第五次会议上\n一、2016年工作回顾\n';

  it('从2015年的3.1%降到去年的2.6%左右: each value its own year', () => {
    const found = figures(`${head}中央企业负债率从2015年的3.1%降到去年的2.6%左右。\n`);
    expect(reading(found, '3.1%')).toEqual(['2015', 'actual']);
    expect(reading(found, '2.6%左右')).toEqual(['2016', 'actual']);
  });

  it('由50.2%提高到52.4%: the start value is not of the end year', () => {
    const found = figures(`${head}去年常住人口城镇化率由50.2%提高到52.4%。\n`);
    expect(reading(found, '52.4%')).toEqual(['2016', 'actual']);
    expect(reading(found, '50.2%')).toEqual(['2015', 'actual']);
  });

  it('a start year written once holds for the start values of the same sentence', () => {
    const found = figures(`——2003年3月5日在第十届全国人民代表大会第一次会议上\n一、过去五年政府工作的回顾\n国内生产总值从1997年的7.4万亿元增加到2002年的10.2万亿元,平均每年增长7.7%;国家外汇储备从1399亿美元增加到2864亿美元。\n`);
    expect(reading(found, '7.4万亿元')).toEqual(['1997', 'actual']);
    // 增加到2002年的: a level's date, not a target date (到2010年)
    expect(reading(found, '10.2万亿元')).toEqual(['2002', 'actual']);
    // an average over the years from one to the other
    expect(reading(found, '7.7%')).toEqual(['1998/2002', 'actual']);
    expect(reading(found, '1399亿美元')[0]).toBe('1997');
  });

  it('an end value under a span in force is the level of its last year; a cumulative figure stays of the span', () => {
    const found = figures(`——2018年3月5日在第十三届全国人民代表大会第一次会议上\n一、过去五年工作回顾\n五年来,常住人口城镇化率提高到58.5%,农村居民人均纯收入由8900元增加到13400元;累计新增就业6600万人。\n`);
    expect(reading(found, '58.5%')).toEqual(['2017', 'actual']);
    expect(reading(found, '13400元')).toEqual(['2017', 'actual']);
    expect(reading(found, '8900元')).toEqual(['2012', 'actual']);
    expect(reading(found, '6600万人')).toEqual(['2013/2017', 'actual']);
  });

  it('a span named inside a sentence that opens with its year holds for its own item only', () => {
    const found = figures(`——2013年3月5日在第十二届全国人民代表大会第一次会议上\n一、过去五年工作回顾\n2012年,城镇居民人均可支配收入达到24565元,五年来年均实际增长8.8%;农村居民人均纯收入达到7917元,年均实际增长9.9%。\n`);
    expect(reading(found, '24565元')).toEqual(['2012', 'actual']);
    expect(reading(found, '7917元')).toEqual(['2012', 'actual']);
    expect(reading(found, '8.8%')).toEqual(['2008/2012', 'actual']);
  });

  it('an average since a base year runs from the year after it', () => {
    const found = figures(`——2003年3月5日在第十届全国人民代表大会第一次会议上\n一、过去五年政府工作的回顾\n2002年,国内生产总值比1989年增长近两倍,年均增长9.3%。\n`);
    expect(reading(found, '9.3%')).toEqual(['1990/2002', 'actual']);
  });

  it('a year named in passing is not carried past its paragraph', () => {
    const text =
      `${OPENING}一、2008年工作回顾\n2008年5月12日,四川汶川发生特大地震,我们组织了抗震救灾。\n城镇新增就业1113万人。\n` +
      '二、2009年工作总体部署\n城镇新增就业900万人以上。\n';
    const found = figures(`——2009年3月5日在第十一届全国人民代表大会第二次会议上\n${text}`);
    expect(reading(found, '1113万人')).toEqual(['2008', 'actual']);
    expect(reading(found, '900万人以上')).toEqual(['2009', 'target']);
  });

  it('a review paragraph opening with the new year (`2016年是…开局之年`) does not date the outcomes after it', () => {
    const text = '——2016年3月5日在第十二届全国人民代表大会第四次会议上\n一、2015年工作回顾\n过去一年,经济运行总体平稳。\n2016年是“十三五”开局之年。\n国内生产总值增长6.9%。\n二、2016年重点工作\n2016年是全面建成小康社会决胜阶段的开局之年。\n城镇新增就业1000万人以上。\n';
    const found = figures(text);
    expect(reading(found, '6.9%')).toEqual(['2015', 'actual']);
    expect(reading(found, '1000万人以上')).toEqual(['2016', 'target']);
  });

  it('near miss: a paragraph that opens with its year as its topic dates the paragraphs after it', () => {
    const found = figures('2022年,全区经济运行平稳。\n粮食产量780亿斤。\n');
    expect(reading(found, '780亿斤')[0]).toBe('2022');
  });

  it('a programme\'s name (五年行动计划) is no period of the figures near it', () => {
    const found = figures(`——2025年1月13日在某省第十四届人民代表大会第三次会议上\n二、2025年重点工作\n实施教育强省五年行动计划,新建中小学100所。\n`);
    expect(reading(found, '100所')).toEqual(['2025', 'target']);
  });

  it('a five-year target in a plan part is a five-year period', () => {
    const found = figures(`——2018年3月5日在第十三届全国人民代表大会第一次会议上\n${OPENING}一、过去五年工作回顾\n五年累计城镇新增就业6600万人。\n二、对今年政府工作的建议\n五年城镇新增就业5000万人以上。今年城镇新增就业1100万人以上。\n`);
    expect(reading(found, '6600万人')).toEqual(['2013/2017', 'actual']);
    expect(reading(found, '5000万人以上')).toEqual(['2018/2022', 'target']);
    expect(reading(found, '1100万人以上')).toEqual(['2018', 'target']);
  });
});

describe('modality', () => {
  const head = '——2016年3月5日在第十二届全国人民代表大会第四次会议上\n';

  it('every item of a target list is a target, to the list\'s end', () => {
    const text = `${head}一、2015年工作回顾\n国内生产总值增长6.9%。\n二、2016年重点工作\n综合考虑各方面因素,今年发展的主要预期目标是:国内生产总值增长6.5%—7%;城镇新增就业1000万人以上;居民消费价格涨幅3%左右;进出口回稳向好。\n`;
    const found = figures(text);
    for (const raw of ['6.5%—7%', '1000万人以上', '3%左右']) expect(reading(found, raw), raw).toEqual(['2016', 'target']);
    expect(reading(found, '6.9%')).toEqual(['2015', 'actual']);
  });

  it('a target list whose items stand one a line', () => {
    const text = `${head}一、2015年工作回顾\n国内生产总值增长6.9%。\n主要预期目标是:\n——国内生产总值增长6.5%左右;\n——城镇新增就业1000万人以上;\n——居民消费价格涨幅3%左右。\n我们取得的成绩来之不易,全年完成造林9000万亩。\n`;
    const found = figures(text);
    for (const raw of ['6.5%左右', '1000万人以上', '3%左右']) expect(reading(found, raw)[1], raw).toBe('target');
    // near miss: the list ended
    expect(reading(found, '9000万亩')[1]).toBe('actual');
  });

  it('achieved targets stated in a review are actuals; a target quoted in a review stays a target', () => {
    const text = `${head}一、2015年工作回顾\n全年实现了国内生产总值增长7%的目标。居民消费价格上涨1.4%,低于3%的预期目标。\n`;
    const found = figures(text);
    expect(reading(found, '7%')).toEqual(['2015', 'actual']);
    expect(reading(found, '1.4%')).toEqual(['2015', 'actual']);
    expect(reading(found, '低于3%')).toEqual(['2015', 'target']);
  });

  it('a five-year review is actuals whatever its heading says', () => {
    const text = `——2021年3月5日在第十三届全国人民代表大会第四次会议上\n一、"十三五"规划主要目标任务胜利完成\n国内生产总值从不到70万亿元增加到超过100万亿元。\n`;
    const found = figures(text);
    expect(reading(found, '超过100万亿元')[1]).toBe('actual');
    expect(reading(found, '不到70万亿元')[1]).toBe('actual');
  });

  it('a plan quoted in a review is a target up to what came of it; its start value is an actual', () => {
    const text = `——1997年3月1日在第八届全国人民代表大会第五次会议上\n一、1996年国内工作的回顾\n去年政府工作报告提出,物价涨幅要从14.8%降到10%左右,经过各方面的努力,实际回落到6.1%。\n`;
    const found = figures(text);
    expect(reading(found, '14.8%')).toEqual(['1995', 'actual']);
    expect(reading(found, '10%左右')).toEqual(['1996', 'target']);
    expect(reading(found, '6.1%')).toEqual(['1996', 'actual']);
  });

  it('预计 makes an estimate', () => {
    const found = figures(`${head}一、2015年工作回顾\n预计全年粮食产量6.2亿吨。\n`);
    expect(reading(found, '6.2亿吨')).toEqual(['2015', 'estimate']);
  });

  it('what a plan part says is already so is an actual', () => {
    const found = figures(`${OPENING}一、1996年国内工作的回顾\n国内生产总值增长9.7%。\n二、保持良好势头\n国家已经组织了57户企业集团试点,今年要扩大到120户。\n`);
    expect(reading(found, '57户')[1]).toBe('actual');
    expect(reading(found, '120户')).toEqual(['1997', 'target']);
  });
});

describe('time words of older reports (issue 9 §1)', () => {
  const head = '——2004年3月5日在第十届全国人民代表大会第二次会议上\n';

  it('全年 after a part of the year is the whole year again', () => {
    const found = figures(`${head}一、2003年工作回顾\n下半年出口增长明显加快,全年增长34.6%,进口增长39.9%。\n`);
    expect(reading(found, '34.6%')).toEqual(['2003', 'actual']);
    expect(reading(found, '39.9%')).toEqual(['2003', 'actual']);
  });

  it('年初 and 年末 set against each other are the first and last month; 年末 alone is the year', () => {
    const found = figures(`${head}一、2003年工作回顾\n参加养老保险的人数,由年初的900多万人增加到年末的1500多万人。年末城镇登记失业率4.3%。\n`);
    expect(reading(found, '900多万人')).toEqual(['2003-01', 'actual']);
    expect(reading(found, '1500多万人')).toEqual(['2003-12', 'actual']);
    expect(reading(found, '4.3%')).toEqual(['2003', 'actual']);
  });

  it('三年内 in a plan part is a window from the plan year; 五年内 in a five-year review the years reviewed', () => {
    const found = figures(`${head}一、过去五年工作回顾\n五年内,全国新建公路12万公里。\n二、2004年工作总体部署\n要在三年内完成改造农村危房300万户的任务。\n`);
    expect(reading(found, '12万公里')).toEqual(['1999/2003', 'actual']);
    expect(reading(found, '300万户')).toEqual(['2004/2006', 'target']);
  });

  it('a report delivered in autumn plans its 今后三年 from the next year', () => {
    const found = figures('同志们:\n中国共产党第十五次全国代表大会是一次重要的大会。\n一、过去五年的工作\n我国将在今后三年内再新建学校五千所。\n');
    expect(reading(found, '五千所')).toEqual(['1998/2000', 'target']);
  });

  it('an average in a sentence naming a numbered plan is over the plan\'s years, the start rate too', () => {
    const found = figures(`——1993年3月15日在第八届全国人民代表大会第一次会议上\n${OPENING}一、过去五年的回顾\n国民生产总值增长百分之十二点八。\n二、今后五年的任务\n按调整后的"八五"计划,工业增长速度由原定平均每年百分之五调高到百分之七至八。\n`);
    expect(reading(found, '百分之五')).toEqual(['1991/1995', 'target']);
    expect(reading(found, '百分之七至八')).toEqual(['1991/1995', 'target']);
  });

  it('a decade as plans count it (九十年代 is 1991/2000), and what a report says of years after its own is planned', () => {
    const found = figures('同志们:\n中国共产党第十四次全国代表大会是一次重要的大会。\n九十年代我国农业的发展速度,原定为平均每年增长百分之三。经过测算,增长百分之四是可能的。\n');
    expect(reading(found, '百分之三')).toEqual(['1991/2000', 'target']);
    expect(reading(found, '百分之四')).toEqual(['1991/2000', 'target']);
  });

  it('a share of a whole under a five-year span is of the span\'s last year; a total over it stays the span\'s', () => {
    const found = figures(`${head}一、过去五年工作回顾\n五年来,占全国人口85%的地区实现了村村通电话,全社会固定资产投资完成18万亿元。\n`);
    expect(reading(found, '85%')).toEqual(['2003', 'actual']);
    expect(reading(found, '18万亿元')).toEqual(['1999/2003', 'actual']);
  });

  it('a year as the topic after a short opening clause dates its paragraph', () => {
    const found = figures(`${head}一、过去五年工作回顾\n五年来,粮食产量稳定。\n应当看到,刚刚过去的2003年,是很不平凡的一年。国内生产总值比上年增长9.1%。\n`);
    expect(reading(found, '9.1%')).toEqual(['2003', 'actual']);
  });

  it('a start value with no year of its own, under a year that ends a reviewed span, is of the span\'s start', () => {
    const found = figures(`${head}一、过去五年工作回顾\n五年来,经济持续增长。\n——开放迈出新步伐。2003年进出口总额达到8512亿美元,从世界第九位上升到第四位。\n`);
    expect(reading(found, '8512亿美元')).toEqual(['2003', 'actual']);
    expect(reading(found, '第九位')).toEqual(['1998', 'actual']);
    expect(reading(found, '第四位')).toEqual(['2003', 'actual']);
  });
});

describe('changes from a base year, quoted names, undated work reports', () => {
  const head = '——2006年3月5日在第十届全国人民代表大会第四次会议上\n';

  it('a change from a base year is over the years since it; a ratio to it and a change on last year stay of the year', () => {
    const found = figures(`${head}一、过去五年工作回顾\n2005年进出口总额达到14221亿美元,比2000年增长2.0倍,比上年增长23.2%,为2000年的3倍。\n`);
    expect(reading(found, '2.0倍')[0]).toBe('2001/2005');
    expect(reading(found, '23.2%')[0]).toBe('2005');
    expect(reading(found, '3倍')[0]).toBe('2005');
  });

  it('a target word inside a quoted name (“两个确保”) makes no target', () => {
    const found = figures(`${head}一、2005年工作回顾\n中央财政用于“两个确保”的资金达到600亿元。\n`);
    expect(reading(found, '600亿元')).toEqual(['2005', 'actual']);
  });

  it('an undated work report is delivered early in its year: its own year as a whole is planned', () => {
    const found = figures(`各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n一、2005年工作回顾\n国内生产总值增长9.9%。今年中央财政用于这项改革的资金将达300亿元。\n`);
    expect(reading(found, '9.9%')).toEqual(['2005', 'actual']);
    expect(reading(found, '300亿元')).toEqual(['2006', 'target']);
  });
});

describe('parts of a year and the period a paragraph carries', () => {
  it('a part of a year named alone is of the year its paragraph carries, not of a title heading\'s year; 全年 alone changes nothing', () => {
    const text = '2025年某省政府工作报告\n2025年1月15日在某省第十四届人民代表大会第三次会议上\n各位代表:\n过去一年,全省经济稳中有进。上半年地区生产总值增长5.1%,全年获批建设用地30万亩。\n';
    const found = figures(text);
    expect(reading(found, '5.1%')).toEqual(['2024-01/2024-06', 'actual']);
    expect(reading(found, '30万亩')).toEqual(['2024', 'actual']);
  });

  it('争取 in a review states what was obtained; in a plan it sets a target', () => {
    const found = figures(`——2025年1月15日在某省第十四届人民代表大会第三次会议上\n${OPENING}一、2024年工作回顾\n争取中央预算内投资120亿元。\n二、2025年工作安排\n争取中央预算内投资130亿元。\n`);
    expect(reading(found, '120亿元')).toEqual(['2024', 'actual']);
    expect(reading(found, '130亿元')).toEqual(['2025', 'target']);
  });
});

describe('targets measured against, and a plan\'s end', () => {
  const head = '——2025年1月15日在某省第十四届人民代表大会第三次会议上\n';

  it('an outcome measured against a target (超年度计划目标, 优于国家考核目标) is an actual', () => {
    const found = figures(`${head}${OPENING}一、2024年工作回顾\n省重大项目完成投资6000亿元、超年度计划目标12.5%,优良天数比例优于国家考核目标3.2个百分点。\n`);
    expect(reading(found, '12.5%')).toEqual(['2024', 'actual']);
    expect(reading(found, '3.2个百分点')).toEqual(['2024', 'actual']);
  });

  it('"十四五"末 is the plan\'s last year, a point in time', () => {
    const found = figures(`${head}${OPENING}一、2024年工作回顾\n地区生产总值增长5%。\n二、2025年工作安排\n建设保障性租赁住房5万套,实现"十四五"末总量达到40万套。\n`);
    expect(reading(found, '40万套')).toEqual(['2025', 'target']);
  });
});

describe('spans that are no period: superlatives, quoted names; a plan since its start', () => {
  const head = '——2025年1月15日在某省第十四届人民代表大会第三次会议上\n';

  it('a span that a superlative reaches over (近十年最低, 十年新高) dates nothing', () => {
    const found = figures(`${head}${OPENING}一、2024年工作回顾\n刑案发案率降至近十年最低,电信诈骗发案数下降12.5%。粮食产量创十年新高,达到300万吨。\n`);
    expect(reading(found, '12.5%')).toEqual(['2024', 'actual']);
    expect(reading(found, '300万吨')).toEqual(['2024', 'actual']);
  });

  it('a span inside a quoted name (“五年倍增计划”) is a programme, not a period', () => {
    const found = figures(`${head}${OPENING}一、2024年工作回顾\n地区生产总值增长5%。\n二、2025年工作安排\n实施“外贸五年倍增计划”,新增外贸企业30家左右。\n`);
    expect(reading(found, '30家左右')).toEqual(['2025', 'target']);
  });

  it('"十四五"以来 runs up to the year reviewed', () => {
    const found = figures(`${head}${OPENING}一、2024年工作回顾\n“十四五”以来,地区生产总值连跨4个千亿台阶。\n`);
    expect(reading(found, '4个')[0]).toBe('2021/2024');
  });

  it('确保 in a review reports what was ensured; 目标完成率 is an outcome', () => {
    const found = figures(`${head}${OPENING}一、2024年工作回顾\n各地攻坚克难,确保12件民生实事全部完成,“十四五”建设目标完成率达到85%。\n`);
    expect(reading(found, '12件')).toEqual(['2024', 'actual']);
    expect(reading(found, '85%')[1]).toBe('actual');
  });
});

describe('lists, streaks, plans and deadlines (issue 9 §1)', () => {
  const head = `——2014年3月5日在第十二届全国人民代表大会第二次会议上\n${OPENING}`;

  it('a list of years before 分别 pairs in order with the figures after it', () => {
    const found = figures(`${head}一、2013年工作回顾\n国内生产总值2011年、2012年、2013年分别增长9.3%、7.7%、7.6%。2012年和2013年粮食产量分别增长3.2%和2.1%。\n`);
    expect(reading(found, '9.3%')).toEqual(['2011', 'actual']);
    expect(reading(found, '7.7%')).toEqual(['2012', 'actual']);
    expect(reading(found, '7.6%')).toEqual(['2013', 'actual']);
    expect(reading(found, '3.2%')).toEqual(['2012', 'actual']);
    expect(reading(found, '2.1%')).toEqual(['2013', 'actual']);
  });

  it('near misses: one year before 分别, or as many figures as no list of years, keep the year in force', () => {
    const found = figures(`${head}一、2013年工作回顾\n2013年城镇和农村居民收入分别增长7.0%和9.3%。2012年、2013年进口分别增长4.3%、7.3%、8.1%。\n`);
    expect(reading(found, '7.0%')[0]).toBe('2013');
    expect(reading(found, '9.3%')[0]).toBe('2013');
    // three figures for two years: no pairing
    expect(reading(found, '4.3%')[0]).toBe('2013');
  });

  it('连续N年 is the N years up to the year in force, for its own clause', () => {
    const found = figures(`${head}一、2013年工作回顾\n出口连续五年增长8%以上。进出口连续3年保持两位数增长,达到4.2万亿美元。2012年,全国粮食连续九年增产,产量达到5.9亿吨。2012年,农民收入连续九年增长6%以上。\n`);
    expect(reading(found, '8%以上')).toEqual(['2009/2013', 'actual']);
    // the next clause states a level of the year in force
    expect(reading(found, '4.2万亿美元')).toEqual(['2013', 'actual']);
    // counted back from the year its sentence names
    expect(reading(found, '5.9亿吨')[0]).toBe('2012');
    expect(reading(found, '6%以上')[0]).toBe('2004/2012');
  });

  it('an average over N years (两年平均) is the N years up to the year in force, for its own clause', () => {
    const found = figures(`——2022年3月5日在第十三届全国人民代表大会第五次会议上\n${OPENING}一、2021年工作回顾\n国内生产总值增长8.1%,两年平均增长5.1%,居民消费价格上涨0.9%。\n`);
    expect(reading(found, '8.1%')).toEqual(['2021', 'actual']);
    expect(reading(found, '5.1%')).toEqual(['2020/2021', 'actual']);
    expect(reading(found, '0.9%')).toEqual(['2021', 'actual']);
    // in a plan part, the N years from the plan year
    const plan = figures(`——1993年3月15日在第八届全国人民代表大会第一次会议上\n${OPENING}一、过去五年的回顾\n国民生产总值增长百分之十二点八。\n二、争取国民经济再上一个新台阶\n五年平均人口自然增长率控制在千分之十三左右。\n`);
    expect(reading(plan, '千分之十三左右')).toEqual(['1993/1997', 'target']);
  });

  it('a plan named by its ordinal or with its kind before the period word is its years', () => {
    const found = figures(`${head}一、过去五年工作回顾\n第十个五年计划期间,国内生产总值年均增长9.5%。“十五”计划期间,财政收入年均增长19.2%。“十一五”规划时期,城镇新增就业5700万人。\n`);
    expect(reading(found, '9.5%')).toEqual(['2001/2005', 'actual']);
    expect(reading(found, '19.2%')).toEqual(['2001/2005', 'actual']);
    expect(reading(found, '5700万人')).toEqual(['2006/2010', 'actual']);
  });

  it("a plan's own goal (\"十二五\"…目标) dates the figures after it in its sentence by the plan's years; a plan's name alone does not", () => {
    const found = figures(`${head}一、2013年工作回顾\n国内生产总值增长7.7%。\n二、2014年工作总体部署\n要提前一年完成“十二五”节能减排目标,单位国内生产总值能耗下降16%。落实“十二五”规划,新建保障房700万套。\n`);
    expect(reading(found, '16%')).toEqual(['2011/2015', 'target']);
    expect(reading(found, '700万套')).toEqual(['2014', 'target']);
  });

  it('a congress with no date line, meeting in autumn, reviews the five years up to its own', () => {
    const found = figures('同志们:\n现在,我代表第十六届中央委员会向大会作报告。\n中国共产党第十七次全国代表大会是一次重要的大会。\n一、过去五年的工作\n过去五年,国内生产总值年均增长10.6%,城镇新增就业5100万人。\n');
    expect(reading(found, '10.6%')).toEqual(['2003/2007', 'actual']);
    expect(reading(found, '5100万人')).toEqual(['2003/2007', 'actual']);
  });

  it('a target date opening a paragraph (`到2020年…`) dates its own sentence, not the paragraphs after it', () => {
    const found = figures(`${head}一、2013年工作回顾\n国内生产总值增长7.7%。\n二、2014年工作总体部署\n到2020年农村贫困人口减少3000万人以上。新增造林1亿亩。\n城镇新增就业1000万人以上。\n`);
    expect(reading(found, '3000万人以上')).toEqual(['2020', 'target']);
    expect(reading(found, '1亿亩')).toEqual(['2014', 'target']);
    expect(reading(found, '1000万人以上')).toEqual(['2014', 'target']);
  });

  it('a sentence continuing the target before it (这一目标…) keeps its period; the next one does not', () => {
    const found = figures(`${head}一、2013年工作回顾\n国内生产总值增长7.7%。\n二、2014年工作总体部署\n要加强生态建设,到2020年森林覆盖率达到23%。这一目标与“十三五”规划相衔接,林地面积增加2亿亩。新增造林9000万亩。\n`);
    expect(reading(found, '23%')).toEqual(['2020', 'target']);
    expect(reading(found, '2亿亩')).toEqual(['2020', 'target']);
    expect(reading(found, '9000万亩')).toEqual(['2014', 'target']);
  });

  it('a year-end stock keeps its year; a change from a base year is over the years since it; 今年…将安排 in a review is the plan', () => {
    const found = figures(`${head}一、2013年工作回顾\n2013年末外汇储备3.8万亿美元,年底贷款余额71.9万亿元。城乡居民收入比2010年增长48.6%。今年中央财政将安排扶贫资金433亿元。\n`);
    expect(reading(found, '3.8万亿美元')).toEqual(['2013', 'actual']);
    expect(reading(found, '71.9万亿元')).toEqual(['2013', 'actual']);
    expect(reading(found, '48.6%')).toEqual(['2011/2013', 'actual']);
    expect(reading(found, '433亿元')).toEqual(['2014', 'target']);
  });
});

describe('spans of any length, congresses since, headings naming a year and a plan', () => {
  it('N年来 with any N, and 十八大以来, run up to the year reviewed; 十年来最高 dates nothing', () => {
    const found = figures(`——2017年3月5日在第十二届全国人民代表大会第五次会议上\n${OPENING}一、2016年工作回顾\n粮食产量达到十年来最高,增长3.1%。\n四年来,城镇新增就业5200万人。党的十八大以来,农村贫困人口减少5564万人。十三年来,国内生产总值年均增长9.3%。\n`);
    expect(reading(found, '5200万人')).toEqual(['2013/2016', 'actual']);
    expect(reading(found, '5564万人')).toEqual(['2013/2016', 'actual']);
    expect(reading(found, '9.3%')).toEqual(['2004/2016', 'actual']);
    expect(reading(found, '3.1%')).toEqual(['2016', 'actual']);
  });

  it('今后两年 in a plan part is the plan year and the next', () => {
    const found = figures(`——2017年3月5日在第十二届全国人民代表大会第五次会议上\n${OPENING}一、2016年工作回顾\n国内生产总值增长6.7%。\n二、2017年工作总体部署\n今后两年,再压减煤炭产能5亿吨。\n`);
    expect(reading(found, '5亿吨')).toEqual(['2017/2018', 'target']);
  });

  it('a review heading naming its year before a plan period dates its figures by the year; those naming the plan by the plan', () => {
    const found = figures(`——2016年3月5日在第十二届全国人民代表大会第四次会议上\n${OPENING}一、2015年工作回顾和“十二五”时期发展成就\n国内生产总值增长6.9%。“十二五”时期,城镇新增就业6431万人。\n二、“十三五”时期主要目标任务和重大举措\n今后五年,城镇新增就业5000万人以上。\n三、2016年重点工作\n城镇新增就业1000万人以上。\n`);
    expect(reading(found, '6.9%')).toEqual(['2015', 'actual']);
    expect(reading(found, '6431万人')).toEqual(['2011/2015', 'actual']);
    expect(reading(found, '5000万人以上')).toEqual(['2016/2020', 'target']);
    expect(reading(found, '1000万人以上')).toEqual(['2016', 'target']);
    // near miss: a heading naming the plan alone dates its figures by the plan's years
    const plan = figures(`——2021年3月5日在第十三届全国人民代表大会第四次会议上\n${OPENING}一、2020年工作回顾\n国内生产总值增长2.3%。\n二、“十三五”时期取得决定性成就\n国内生产总值年均增长5.7%。\n`);
    expect(reading(plan, '5.7%')).toEqual(['2016/2020', 'actual']);
  });
});

describe('a plan part headed by a plan still ahead, and states reached over a span', () => {
  const head = `——2011年3月5日在第十一届全国人民代表大会第四次会议上\n${OPENING}`;

  it('a plan heading whose years are ahead (`二、"十二五"时期的主要目标和任务` in 2011) is a plan: flows over its span, levels at its end', () => {
    const text =
      `${head}一、“十一五”时期国民经济和社会发展的回顾\n这五年,国内生产总值达到39.8万亿元,年均增长11.2%,城镇新增就业5771万人。\n` +
      '二、“十二五”时期的主要目标和任务\n今后五年,经济增长预期目标是在提高质量和效益的基础上年均增长7%。城镇化率从47.5%提高到51.5%,保障性住房覆盖面达到20%左右,五年城镇新增就业4500万人。\n' +
      '三、2011年的工作\n城镇新增就业900万人以上。\n';
    const found = figures(text);
    // a level reached over a reviewed span is of its last year; a total stays the span's
    expect(reading(found, '39.8万亿元')).toEqual(['2010', 'actual']);
    expect(reading(found, '11.2%')).toEqual(['2006/2010', 'actual']);
    expect(reading(found, '5771万人')).toEqual(['2006/2010', 'actual']);
    // (`基础上年均`: no 上年 in it)
    expect(reading(found, '7%')).toEqual(['2011/2015', 'target']);
    expect(reading(found, '47.5%')).toEqual(['2010', 'actual']);
    expect(reading(found, '51.5%')).toEqual(['2015', 'target']);
    expect(reading(found, '20%左右')).toEqual(['2015', 'target']);
    expect(reading(found, '4500万人')).toEqual(['2011/2015', 'target']);
    expect(reading(found, '900万人以上')).toEqual(['2011', 'target']);
  });
});

describe('periods set inside a paragraph, and ended by a subheading', () => {
  const head = `——2011年3月5日在第十一届全国人民代表大会第四次会议上\n${OPENING}`;

  it('a sentence opening with 过去一年 inside a plan paragraph dates the rest of its paragraph only', () => {
    const found = figures(`${head}一、“十一五”时期的回顾\n这五年,城镇新增就业5771万人。\n三、2011年的工作\n2011年,是“十二五”开局之年,做好今年的工作至关重要。过去一年,我们的各项工作取得了很大成绩。国内生产总值增长10.3%,城镇新增就业1168万人。\n今年城镇新增就业900万人以上。新建廉租住房160万套。\n`);
    expect(reading(found, '10.3%')).toEqual(['2010', 'actual']);
    expect(reading(found, '1168万人')).toEqual(['2010', 'actual']);
    expect(reading(found, '900万人以上')).toEqual(['2011', 'target']);
    expect(reading(found, '160万套')).toEqual(['2011', 'target']);
  });

  it('a subheading ends the period a paragraph above it carried', () => {
    const found = figures(`${head}一、“十一五”时期的回顾\n（一）应对国际金融危机\n近两年,面对国际金融危机冲击,我们果断实行积极的财政政策,中央投资1.18万亿元。\n（二）推进经济结构调整\n服务业占国内生产总值比重提高2.5个百分点。\n`);
    expect(reading(found, '1.18万亿元')).toEqual(['2009/2010', 'actual']);
    expect(reading(found, '2.5个百分点')).toEqual(['2006/2010', 'actual']);
  });
});

describe('a year inside a start phrase dates the start value only', () => {
  it('赤字率从去年的2.1%提高到2.3% in a plan: the end value is of the plan year', () => {
    const found = figures(`——2015年3月5日在第十二届全国人民代表大会第三次会议上\n${OPENING}一、2014年工作回顾\n国内生产总值增长7.4%。\n二、2015年工作总体部署\n今年拟安排财政赤字1.62万亿元,赤字率从去年的2.1%提高到2.3%。\n`);
    // (its modality is intent's: last year's budgeted ratio)
    expect(reading(found, '2.1%')[0]).toBe('2014');
    expect(reading(found, '2.3%')).toEqual(['2015', 'target']);
    // near miss: an end value with a year of its own keeps it
    const own = figures(`——2017年3月5日在第十二届全国人民代表大会第五次会议上\n${OPENING}一、2016年工作回顾\n中央企业负债率从2015年的3.1%降到去年的2.6%左右。\n`);
    expect(reading(own, '2.6%左右')).toEqual(['2016', 'actual']);
  });
});

describe("a programme's own total", () => {
  it('is over the programme\'s years (总额4万亿元的两年投资计划); a one-year figure near a programme\'s name is not', () => {
    const plan = figures(`——2009年3月5日在第十一届全国人民代表大会第二次会议上\n${OPENING}一、2008年工作回顾\n国内生产总值增长9%。\n二、2009年工作总体部署\n实施总额4万亿元的两年投资计划,其中中央政府拟新增1.18万亿元。实施五年行动计划,今年新建中小学100所。\n`);
    expect(reading(plan, '4万亿元')[0]).toBe('2009/2010');
    expect(reading(plan, '100所')).toEqual(['2009', 'target']);
    const review = figures(`——2010年3月5日在第十一届全国人民代表大会第三次会议上\n${OPENING}一、2009年工作回顾\n实施两年新增4万亿元的投资计划。全年新建保障性住房200万套。\n`);
    expect(reading(review, '4万亿元')[0]).toBe('2009/2010');
    expect(reading(review, '200万套')).toEqual(['2009', 'actual']);
  });
});

describe('date lines in other common forms', () => {
  const opening = '各位代表:\n现在,我代表省人民政府向大会作政府工作报告,请予审议。\n';
  const body = '一、过去一年工作回顾\n全省地区生产总值增长5.2%。\n二、今年工作安排\n全省地区生产总值增长5%左右。\n';
  for (const [name, text] of [
    ['a delivery line in parentheses', `政府工作报告\n（2024年1月23日在某省第十四届人民代表大会第二次会议上）\n${opening}${body}`],
    ['an ISO date at the end', `政府工作报告\n${opening}${body}\n2024-01-23\n`],
    ['a date with dots at the start', `政府工作报告\n2024.1.23\n${opening}${body}`],
    ['a date with slashes at the start', `政府工作报告\n2024/1/23\n${opening}${body}`],
  ] as const) {
    it(`${name} dates the report`, () => {
      const found = figures(text);
      expect(reading(found, '5.2%')).toEqual(['2023', 'actual']);
      expect(reading(found, '5%左右')).toEqual(['2024', 'target']);
    });
  }

  it('near miss: mixed separators are no date line', () => {
    expect(reading(figures(`政府工作报告\n2024-1/23\n${opening}${body}`), '5.2%')[0]).toBeNull();
  });
});

describe("points of the document's century, and a plan's tasks", () => {
  it('本世纪末 in a report of the 1990s is 2000; 本世纪中叶 in one of the 2010s is 2050', () => {
    const old = figures(`——1997年3月1日在第八届全国人民代表大会第五次会议上\n${OPENING}一、1996年国内工作的回顾\n国内生产总值增长9.7%。\n二、今年的主要任务\n到本世纪末,基本解决农村贫困人口6500万人的温饱问题。\n`);
    expect(reading(old, '6500万人')).toEqual(['2000', 'target']);
    const late = figures(`——2018年3月5日在第十三届全国人民代表大会第一次会议上\n${OPENING}一、过去五年工作回顾\n国内生产总值增长6.9%。\n二、2018年工作总体部署\n到本世纪中叶,人均国内生产总值达到约4万美元。\n`);
    expect(reading(late, '约4万美元')).toEqual(['2050', 'target']);
  });

  it('a task of a plan completed (如期完成"十二五"规划确定的…任务) dates the figures after it by the plan\'s years', () => {
    const found = figures(`——2016年3月5日在第十二届全国人民代表大会第四次会议上\n${OPENING}一、2015年工作回顾\n如期完成“十二五”规划确定的淘汰落后产能任务,淘汰炼钢产能9000万吨。全年淘汰水泥产能5000万吨。\n`);
    expect(reading(found, '9000万吨')).toEqual(['2011/2015', 'actual']);
    expect(reading(found, '5000万吨')).toEqual(['2015', 'actual']);
  });
});

describe('a part of a figure (其中…)', () => {
  it('keeps the period of the figure before it in its sentence, unless it names its own', () => {
    const found = figures(`——2009年3月5日在第十一届全国人民代表大会第二次会议上\n${OPENING}一、2008年工作回顾\n国内生产总值增长9%。\n二、2009年工作总体部署\n实施总额4万亿元的两年投资计划,其中中央政府拟新增1.18万亿元。全国财政收入6.1万亿元,其中今年中央财政收入3.3万亿元。\n`);
    expect(reading(found, '1.18万亿元')[0]).toBe('2009/2010');
    expect(reading(found, '3.3万亿元')[0]).toBe('2009');
  });
});

describe('the literal a rule pattern needs (sentences without it are not searched)', () => {
  it('is the longest run of Chinese characters outside groups, classes and optional parts', async () => {
    const { requiredLiteral } = await import('../src/meaning/time-words.js');
    expect(requiredLiteral('(?<![\\d〇])([一二两三]{1,3}|\\d{1,2})\\s*年来')).toBe('年来');
    expect(requiredLiteral('连续\\s*([一二]{1,3})\\s*个?年')).toBe('连续');
    expect(requiredLiteral('(?<![一二])([一二三]{2,3})大以来')).toBe('大以来');
    // near misses: alternatives at the top level, or nothing required
    expect(requiredLiteral('甲年|乙年')).toBe('');
    expect(requiredLiteral('(?:年来)?\\d+')).toBe('');
  });
});
