/**
 * How a city's budget report states its year's budget beside the execution (issue 9 §1–§3), made up: the budget as the
 * congress passed it and as adjusted is a target of the budget year, named by its item; the balance a year opens with
 * (`上年结转收入`, `上年结余`, `上年滚存结余`) is the closing actual of the year before, in the execution and in the next budget.
 */
import { describe, expect, it } from 'vitest';
import { figureWritten, figuresOfText, reading } from './helpers/figures.js';

const found = figuresOfText(
  '关于某市2025年预算执行情况和2026年预算草案的报告\n——2026年1月8日在某市第五届人民代表大会第六次会议上\n各位代表：\n' +
    '一、2025年预算执行情况\n' +
    '全市预算经市五届人大五次会议审查批准后，各县（市、区）人民代表大会相继批准了本级预算。经汇总，2025年全市一般公共预算收入为120.5亿元，一般公共预算支出为260.4亿元。预算执行中，部分县区调整了收支预算，全市一般公共预算收入调整为110.2亿元。\n' +
    '2025年，市五届人大五次会议审查批准市本级一般公共预算收入40.6亿元。预算执行中，经市人大常委会批准，一般公共预算收入调整为36.3亿元，实际完成37.1亿元，为调整预算的102.2%。\n' +
    '全市国有资本经营预算收入完成1.25亿元，加上级补助收入0.12亿元、上年结余收入0.47亿元，收入总计1.84亿元。\n' +
    '二、2026年预算草案\n' +
    '全市国有资本经营预算收入预计1.31亿元，加上年结转收入0.52亿元、上级补助收入0.1亿元，收入总计1.93亿元。\n',
);

describe('the budget of the year reviewed', () => {
  it('passed by the congress is a target of that year, named by its item', () => {
    expect(reading(found, '40.6亿元')).toEqual(['2025', 'target']);
    expect(figureWritten(found, '40.6亿元').label).toBe('市本级一般公共预算收入');
  });

  it('summed from the budgets the levels below passed is a target too', () => {
    expect(reading(found, '120.5亿元')).toEqual(['2025', 'target']);
    expect(reading(found, '260.4亿元')).toEqual(['2025', 'target']);
  });

  it('as adjusted is a target of that year, of the item it adjusts', () => {
    expect(reading(found, '110.2亿元')).toEqual(['2025', 'target']);
    expect(reading(found, '36.3亿元')).toEqual(['2025', 'target']);
    expect(figureWritten(found, '36.3亿元').label).toBe('一般公共预算收入');
  });

  it('while its execution stays an actual', () => {
    expect(reading(found, '37.1亿元')).toEqual(['2025', 'actual']);
  });
});

describe('the balance a budget year opens with', () => {
  it('in the execution is the closing actual of the year before', () => {
    expect(reading(found, '0.47亿元')).toEqual(['2024', 'actual']);
    expect(reading(found, '1.25亿元')).toEqual(['2025', 'actual']);
  });

  it('in the next budget is the closing actual of the year reviewed', () => {
    expect(reading(found, '0.52亿元')).toEqual(['2025', 'actual']);
  });

  it('and the year it names is not the year of the figures after it', () => {
    expect(reading(found, '0.1亿元')).toEqual(['2026', 'target']);
    expect(reading(found, '1.93亿元')).toEqual(['2026', 'target']);
  });
});

describe('a budget under a numbered heading naming a level', () => {
  const planned = figuresOfText(
    '关于某市2025年预算执行情况和2026年预算草案的报告\n——2026年1月8日在某市第五届人民代表大会第六次会议上\n各位代表：\n' +
      '一、2025年全市和市本级预算执行情况\n全市一般公共预算收入完成118.4亿元。\n' +
      '二、2026年预算草案\n（一）2026年全市预算草案\n1．一般公共预算收入125亿元，增长5%。\n' +
      '（二）2026年市级预算草案\n1．一般公共预算\n一般公共预算收入41亿元，增长5%。\n' +
      '（三）2026年某经济技术开发区预算草案\n1．一般公共预算收入3亿元，增长5%。\n' +
      '三、2026年财政工作\n一般公共预算收入力争增长5%。\n',
  );
  const labels = planned.filter((f) => f.raw === '5%').map((f) => f.label);

  it('is that level’s, up to a heading as high or higher', () => {
    expect(labels).toEqual(['一般公共预算收入', '市级一般公共预算收入', '开发区一般公共预算收入', '一般公共预算收入']);
  });

  it('while a heading naming the whole place and a level puts it at neither', () => {
    expect(figureWritten(planned, '118.4亿元').label).toBe('一般公共预算收入');
  });
});

describe("the next year's budget stated with an estimate word", () => {
  const planned = figuresOfText(
    '关于某市2025年预算执行情况和2026年预算草案的报告\n——2026年1月8日在某市第五届人民代表大会第六次会议上\n各位代表：\n' +
      '一、2025年预算执行情况\n全市一般公共预算收入预计完成118.4亿元，增长3%。\n' +
      '二、2026年预算草案\n全市一般公共预算收入预计125.3亿元，较2025年完成数增长5.8%，加上级补助收入60亿元。\n' +
      '预计全市税收收入增长4%左右。\n',
  );

  it('states the budget in what follows the amount in its sentence: its growth is a target too', () => {
    expect(reading(planned, '125.3亿元')).toEqual(['2026', 'target']);
    expect(reading(planned, '5.8%')).toEqual(['2026', 'target']);
  });

  it('while the year reviewed stays estimated and a forecast before a name stays a forecast', () => {
    expect(reading(planned, '3%')).toEqual(['2025', 'estimate']);
    expect(reading(planned, '4%左右')).toEqual(['2026', 'estimate']);
  });
});
