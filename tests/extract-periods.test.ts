/**
 * Two period faults, rebuilt as small hand-made reports, each with a near miss: a relative year with
 * months (`今年1—2月`) read as the whole year, and a glossary (`名词解释`) at the end of a report read as
 * part of the plan section before it.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText as figures, reading } from './helpers/figures.js';

// Delivered in January: with periods.ownYearPlansUntilMonth, a figure for the whole of 2025 is a plan.
const DELIVERY = '——2025年1月20日在某省第十四届人民代表大会第四次会议上\n\n';

describe('a relative year with months or a part of the year is that partial period', () => {
  const report =
    DELIVERY +
    '一、2024年工作回顾\n\n' +
    '今年1—2月,全省规上工业增加值增长6.1%。去年1—8月原煤产量6.49亿吨。上年前三季度地区生产总值增长5.1%。' +
    '截至今年6月底,累计建成5G基站12万个。今年出口增长3%。2025年1—2月社会消费品零售总额增长4.2%。\n';

  it('reads 今年1—2月, 去年1—8月, 上年前三季度 and 今年6月底 as partial periods, actual in a January report', () => {
    const found = figures(report);
    expect(reading(found, '6.1%')).toEqual(['2025-01/2025-02', 'actual']);
    expect(reading(found, '6.49亿吨')).toEqual(['2024-01/2024-08', 'actual']);
    expect(reading(found, '5.1%')).toEqual(['2024-01/2024-09', 'actual']);
    expect(reading(found, '12万个')).toEqual(['2025-01/2025-06', 'actual']);
  });

  it('near misses: a lone 今年 stays the whole (planned) year; 2025年1—2月 was already partial', () => {
    const found = figures(report);
    expect(reading(found, '3%')).toEqual(['2025', 'target']);
    expect(reading(found, '4.2%')).toEqual(['2025-01/2025-02', 'actual']);
  });

  it('reads 2024年前三季度 as January–September, not the third quarter inside it', () => {
    expect(reading(figures('2024年前三季度地区生产总值增长5.1%。'), '5.1%')[0]).toBe('2024-01/2024-09');
    expect(reading(figures('2024年第一季度出口增长3%。'), '3%')[0]).toBe('2024-01/2024-03');
  });

  it('keeps a relative year with months that is a comparison base out of the period', () => {
    // 比去年1—8月: the base of the comparison; the figure is for the year in force (the document's)
    expect(reading(figures('原煤产量比去年1—8月增长5%。', { period: '2024' }), '5%')[0]).toBe('2024');
    expect(reading(figures('原煤产量较上年同期增长5%。', { period: '2024' }), '5%')[0]).toBe('2024');
  });
});

describe('a glossary at the end of a report is no part of the plan section before it', () => {
  // as in gwr-2025-sichuan.docx: an unnumbered title line opens the plans and reaches to the end of the file
  const report =
    DELIVERY +
    '2024年工作回顾\n\n全省地区生产总值增长5.7%。\n\n' +
    '2025年工作安排建议\n\n全省地区生产总值增长5.5%左右,城镇新增就业80万人。\n\n' +
    '名词解释\n' +
    '1.稳增长“18条”:2024年4月7日,省政府印发若干政策措施,提出6个方面18项措施。\n' +
    '2.六大优势产业:培育形成电子信息、装备制造等六大万亿级产业,现有5个国家先进制造业集群。\n' +
    '3.城乡生活污水治理“三年行动”:2025—2027年,对所在的7个城市开展治理。\n' +
    '4.“三级百圈”:力争用5年时间,分层级打造标志性商圈100个。\n';

  it('reads glossary figures as actual in the document’s own period, unless their sentence says otherwise', () => {
    const found = figures(report);
    expect(reading(found, '18项')).toEqual(['2024', 'actual']);
    expect(reading(found, '5个')).toEqual(['2024', 'actual']);
    // the sentence names years not over yet, or a target word: still plans
    expect(reading(found, '7个')).toEqual(['2025/2027', 'target']);
    // (`力争用5年时间`: a duration after a target word, the five years from the plan year)
    expect(reading(found, '100个')).toEqual(['2025/2029', 'target']);
  });

  it('near miss: the plan section before the glossary keeps its targets, the review its actuals', () => {
    const found = figures(report);
    expect(reading(found, '5.7%')).toEqual(['2024', 'actual']);
    expect(reading(found, '5.5%左右')).toEqual(['2025', 'target']);
    expect(reading(found, '80万人')).toEqual(['2025', 'target']);
  });

  it('near miss: without a year of the document’s own, a glossary keeps the year of the text before it', () => {
    // a statistical communiqué's 注释: no delivery line, no configured period; the title line names the year
    const communique =
      '中华人民共和国2024年国民经济和社会发展统计公报\n\n全年国内生产总值增长5%。\n\n注释:\n[1]规模以上工业统计范围为年主营业务收入2000万元及以上的工业法人企业。\n';
    expect(reading(figures(communique), '2000万元及以上')).toEqual(['2024', 'actual']);
  });

  it('ends a glossary in an appendix at the next appendix; a sentence ending in 解释 opens none', () => {
    const appendices =
      DELIVERY +
      '二、2025年工作安排\n\n城镇新增就业80万人。\n\n' +
      '附件1 2025年十件民生实事\n新建幼儿园30所。\n' +
      '附件2 名词解释\n1.“四新”产业:现有4类产业。\n' +
      '附件3 2025年重点项目\n新开工项目120个。\n';
    const found = figures(appendices);
    expect(reading(found, '30所')).toEqual(['2025', 'target']);
    expect(reading(found, '4类')).toEqual(['2024', 'actual']);
    expect(reading(found, '120个')).toEqual(['2025', 'target']);
    // a line of prose ending in 解释 (not a heading): the plan section goes on
    const prose = DELIVERY + '二、2025年工作安排\n\n各地要做好新出台政策的宣传和解释\n完成造林100万亩。\n';
    expect(reading(figures(prose), '100万亩')).toEqual(['2025', 'target']);
  });
});
