/**
 * Budget reports (关于…年预算执行情况与…年预算草案的报告), made up: the year reviewed and the year planned from the
 * title, a budget's status words (年初预算, 调整预算 targets; 预计完成, 预计执行数 estimates; 决算数, 执行数 actuals),
 * ratios to a budget and labels without the status words (src/meaning/budget.ts, budget-time.ts).
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { coreRules } from '../src/rules/load.js';
import type { RuleSet } from '../src/rules/types.js';
import { extractFigures, figureWritten as one, figuresOfText, reading } from './helpers/figures.js';

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

describe("a budget's words come from the rules (rules/core/budgets.yaml), which a rule file may retune", () => {
  const core = coreRules();
  const budgets = core.budgets as { against: { verbs: string[]; budgets: string[] }; copulas: string[]; clauseEnds: string };
  const retuned = (settings: object): RuleSet => ({ ...core, budgets: { ...budgets, ...settings } });
  const labelIn = (rules: RuleSet, raw: string) => one(extractFigures(documentFromText(DECEMBER), rules), raw).label;

  it('a ratio to a budget is named by the verbs and budgets of budgets.against', () => {
    expect(labelIn(core, '100.5%')).toBe('一般公共预算收入为预算');
    expect(labelIn(retuned({ against: { verbs: budgets.against.verbs.filter((v) => v !== '为'), budgets: budgets.against.budgets } }), '100.5%')).not.toBe('一般公共预算收入为预算');
  });

  it('a status word reaches no figure past the clause ends of budgets.clauseEnds', () => {
    const text = '关于某市2030年预算执行情况与2031年预算草案的报告\n——2031年1月20日在某市第十届人民代表大会第五次会议上\n' +
      '一、2030年预算执行情况\n全市一般公共预算收入年初预算80亿元，税收收入60亿元。\n';
    expect(reading(extractFigures(documentFromText(text), core), '60亿元')).toEqual(['2030', 'actual']);
    // (a rule file for which a comma ends no clause: 年初预算 reaches the tax revenue too)
    const found = extractFigures(documentFromText(text), retuned({ clauseEnds: budgets.clauseEnds.replace(',', '') }));
    expect(reading(found, '60亿元')).toEqual(['2030', 'target']);
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

describe('an item named in its own clause keeps its name', () => {
  it('a part with a status word of its own is not the item before it (税收收入预计完成…)', () => {
    const found = figuresOfText(
      '关于某市2030年预算执行情况与2031年预算草案的报告\n——2030年12月20日在某市第十届人民代表大会第五次会议上\n一、2030年预算执行情况\n' +
        '全市一般公共预算收入预计完成120.5亿元，税收收入预计完成90.3亿元，非税收入预计完成30.2亿元。\n',
    );
    expect(one(found, '90.3亿元').label).toBe('税收收入');
    expect(one(found, '30.2亿元').label).toBe('非税收入');
    expect(reading(found, '90.3亿元')).toEqual(['2030', 'estimate']);
  });

  it('a bare item is of the budget its heading names, and of the level its paragraph opens on', () => {
    const found = figuresOfText(
      '关于某市2030年预算执行情况和2031年预算草案的报告\n——2031年1月20日在某市第十届人民代表大会第六次会议上\n一、2030年预算执行情况\n' +
        '1.一般公共预算\n（1）全市收支情况。全市一般公共预算收入年初预算100亿元，执行中按法定程序调整为102亿元，实际完成103亿元，为调整预算的101%。支出预算200亿元，支出完成190亿元。\n' +
        '（2）市级收支情况。市级一般公共预算收入年初预算30亿元；收入完成31亿元。\n' +
        '2.政府性基金预算\n全市政府性基金预算收入年初预算50亿元，收入完成45亿元（含高新区5亿元）。\n',
    );
    expect(['100亿元', '102亿元', '103亿元'].map((raw) => [one(found, raw).label, one(found, raw).modality])).toEqual([
      ['一般公共预算收入', 'target'],
      ['一般公共预算收入', 'target'],
      ['一般公共预算收入', 'actual'],
    ]);
    expect(one(found, '101%').label).toBe('一般公共预算收入为调整预算');
    expect(one(found, '190亿元').label).toBe('一般公共预算支出');
    expect(one(found, '200亿元').label).toBe('一般公共预算支出');
    expect(one(found, '31亿元').label).toBe('市级一般公共预算收入');
    expect(one(found, '45亿元').label).toBe('政府性基金收入');
    // (a part in brackets keeps its own name)
    expect(one(found, '5亿元').label).not.toBe('政府性基金收入');
  });
});

describe('a communiqué as printed copies set it', () => {
  it('reads a title broken over two lines, and no period from a chart caption into the prose after it', () => {
    const found = figuresOfText(
      '2030 年某市国民经济和社会发展\n统计公报\n一、综合\n初步核算，全年全市地区生产总值 2479.6 亿元，同比增长6.5%。\n' +
        '图1 2026-2030年某市三次产业增加值占地区生产总值比重\n年末全市常住人口 346.7 万人，常住人口城镇化率为 66.90%。\n',
    );
    expect(reading(found, '2479.6 亿元')).toEqual(['2030', 'actual']);
    expect(reading(found, '346.7 万人')).toEqual(['2030', 'actual']);
    expect(reading(found, '66.90%')).toEqual(['2030', 'actual']);
  });
});

describe('a budget report delivered in December states its own year as expected', () => {
  it('a whole-year figure of the year not over is an estimate, a budget still a target', () => {
    const found = figuresOfText(
      '关于某市 2030 年预算执行情况与\n2031 年预算草案的报告\n——2030 年 12 月 27 日在某市第九届人民代表大会第六次会议上\n' +
        '受市人民政府委托，现将某市2030年预算执行情况与2031年预算草案提请审议。\n一、2030年预算执行情况\n' +
        '某开发区一般公共预算地方收入 9.7 亿元，下降 4.3%。全市一般公共预算收入年初预算 100 亿元。\n二、2031年预算草案\n全市一般公共预算收入安排 105 亿元。\n',
    );
    expect(reading(found, '9.7 亿元')).toEqual(['2030', 'estimate']);
    expect(reading(found, '4.3%')).toEqual(['2030', 'estimate']);
    expect(reading(found, '100 亿元')).toEqual(['2030', 'target']);
    expect(reading(found, '105 亿元')).toEqual(['2031', 'target']);
  });
});
