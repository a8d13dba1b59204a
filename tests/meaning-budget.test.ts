/**
 * Budget reports (关于…年预算执行情况与…年预算草案的报告), made up: the year reviewed and the year planned from the
 * title, a budget's status words (年初预算, 调整预算 targets; 预计完成, 预计执行数 estimates; 决算数, 执行数 actuals),
 * ratios to a budget and labels without the status words (src/meaning/budget.ts, budget-time.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../src/model.js';
import { figuresOfText, reading } from './helpers/figures.js';

const one = (found: Figure[], raw: string) => {
  const matching = found.filter((f) => f.raw === raw);
  expect(matching, raw).toHaveLength(1);
  return matching[0]!;
};

const DECEMBER =
  '关于某市2030年预算执行情况与2031年预算草案的报告\n——2030年12月20日在某市第十届人民代表大会第五次会议上\n各位代表：\n' +
  '受市人民政府委托，现将某市2030年预算执行情况与2031年预算草案提请市十届人大五次会议审议。\n' +
  '一、2030年预算执行情况\n' +
  '全市一般公共预算收入预计完成120.5亿元，为预算的100.5%，比上年增长5.2%。\n' +
  '市本级一般公共预算收入年初预算80亿元，调整预算为82亿元，预计执行数81.5亿元。\n' +
  '2029年全市一般公共预算收入决算数114.5亿元。\n' +
  '二、2031年预算草案\n' +
  '全市一般公共预算收入安排123亿元，增长2%。市本级一般公共预算支出安排60亿元，比上年预计执行数增长3%。\n';

describe('a budget report delivered in December, before its year is over', () => {
  const found = figuresOfText(DECEMBER);

  it("reads the year's budget as its target and its expected outcome as an estimate", () => {
    expect(reading(found, '80亿元')).toEqual(['2030', 'target']);
    expect(reading(found, '82亿元')).toEqual(['2030', 'target']);
    expect(reading(found, '81.5亿元')).toEqual(['2030', 'estimate']);
    expect(reading(found, '120.5亿元')).toEqual(['2030', 'estimate']);
  });

  it('reads the final accounts of the year before as an actual and the budget year as targets', () => {
    expect(reading(found, '114.5亿元')).toEqual(['2029', 'actual']);
    expect(reading(found, '123亿元')).toEqual(['2031', 'target']);
    expect(reading(found, '2%')).toEqual(['2031', 'target']);
  });

  it('leaves a status word naming a comparison base to the figure it compares (比上年预计执行数, 为预算的)', () => {
    // the budget's growth over last year's expected outcome: the budget's, a target
    expect(reading(found, '3%')).toEqual(['2031', 'target']);
    expect(reading(found, '100.5%')).toEqual(['2030', 'estimate']);
  });

  it("names an item's budget, estimate and ratio by the item, not by the status word", () => {
    expect(one(found, '80亿元').label).toBe('市本级一般公共预算收入');
    expect(one(found, '82亿元').label).toBe('市本级一般公共预算收入');
    expect(one(found, '81.5亿元').label).toBe('市本级一般公共预算收入');
    expect(one(found, '100.5%').label).toBe('一般公共预算收入为预算');
    // the growth after the ratio is the revenue's, the metric a communiqué's sentence gets
    const growth = one(found, '5.2%');
    const communique = figuresOfText('某市2030年国民经济和社会发展统计公报\n全年一般公共预算收入120.5亿元，比上年增长5.2%。\n');
    expect(growth.metric).toBeTruthy();
    expect(growth.metric).toBe(one(communique, '5.2%').metric);
    expect(one(found, '120.5亿元').metric).toBe(one(communique, '120.5亿元').metric);
  });
});

describe('a budget report with no date line, its parts headed without years', () => {
  const text =
    '关于某市2030年预算执行情况与2031年预算草案的报告\n各位代表：\n受市人民政府委托，现将某市2030年预算执行情况与2031年预算草案提请审议。\n' +
    '一、预算执行情况\n全市一般公共预算收入完成120.5亿元，比上年增长5.2%。\n' +
    '二、预算草案\n全市一般公共预算收入安排123亿元，增长2%。\n';
  const found = figuresOfText(text);

  it("reviews the title's first year and plans its second", () => {
    expect(reading(found, '120.5亿元')).toEqual(['2030', 'actual']);
    expect(reading(found, '5.2%')).toEqual(['2030', 'actual']);
    expect(reading(found, '123亿元')).toEqual(['2031', 'target']);
    expect(reading(found, '2%')).toEqual(['2031', 'target']);
  });
});

describe('status words where they are not a budget', () => {
  it('a status word past an outcome verb or in another clause decides nothing', () => {
    const found = figuresOfText('某市2030年国民经济和社会发展统计公报\n根据调整预算，全年一般公共预算支出完成300亿元。\n');
    expect(reading(found, '300亿元')).toEqual(['2030', 'actual']);
  });

  it('a work report keeps its own reading of figures with no budget word', () => {
    const found = figuresOfText('2031年政府工作报告\n——2031年1月10日在某市第十届人民代表大会第六次会议上\n一、2030年工作回顾\n地区生产总值增长5%。\n二、2031年工作安排\n地区生产总值增长5%左右。\n');
    expect(reading(found, '5%')).toEqual(['2030', 'actual']);
    expect(reading(found, '5%左右')).toEqual(['2031', 'target']);
  });
});
