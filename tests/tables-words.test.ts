/**
 * The words a table header or caption is read by come from rules/core/tables.yaml (changeHeaders, changeBases,
 * changeTails, noteBrackets, headerPeriod, countEnds, tableNumber): a rule set that retunes them reads headers and captions by its own words.
 */
import { describe, expect, it } from 'vitest';
import { coreRules } from '../src/rules/load.js';
import { readHeader, tableWords } from '../src/tables/headers.js';
import { captionSubject } from '../src/meaning/captions.js';
import type { RuleSet } from '../src/rules/types.js';

const core = coreRules();
const retuned = (tables: NonNullable<RuleSet['tables']>): RuleSet => ({ ...core, tables: { ...core.tables, ...tables } });

describe('table header change words (tables.changeHeaders, changeBases, changeTails)', () => {
  it('reads a change word of the rules, its comparison base no part of the label', () => {
    const w = tableWords(core);
    expect(readHeader('比上年末增减（%）', w)).toMatchObject({ name: '', unit: '%', change: '增减' });
    expect(readHeader('较去年同期增速', w)).toMatchObject({ name: '', change: '增速' });
    expect(readHeader('出口额同比', w)).toMatchObject({ name: '出口额', change: '同比' });
    expect(readHeader('增长率', w)).toMatchObject({ name: '', change: '增长' });
    // (a change word inside a noun is none)
    expect(readHeader('变化趋势', w).change).toBeNull();
  });

  it('reads by the words a rule set gives, not by words of its own', () => {
    const none = tableWords(retuned({ changeHeaders: [] }));
    expect(readHeader('增减（%）', none).change).toBeNull();
    const bases = tableWords(retuned({ changeBases: ['上年', '基期'] }));
    expect(readHeader('比基期增长', bases)).toMatchObject({ name: '', change: '增长' });
    expect(readHeader('比基期增长', tableWords(core)).name).toBe('比基期');
    const tails = tableWords(retuned({ changeTails: ['率'] }));
    expect(readHeader('增减量', tails).change).toBeNull();
    expect(readHeader('增减量', tableWords(core)).change).toBe('增减');
  });
});

describe('table captions (tables.tableNumber)', () => {
  it('reads a caption by its number', () => {
    expect(captionSubject('表1 2025年年末全市常住人口数及其构成', core)).toBe('常住人口');
    expect(captionSubject('附表3：2025年分行业固定资产投资完成情况', core)).toBe('固定资产投资');
    expect(captionSubject('2025年分行业固定资产投资完成情况', core)).toBeNull();
  });

  it('reads the numbers a rule set gives', () => {
    const rules = retuned({ tableNumber: '表格\\s*\\d+' });
    expect(captionSubject('表格2 2025年分行业固定资产投资完成情况', rules)).toBe('固定资产投资');
    expect(captionSubject('表2 2025年分行业固定资产投资完成情况', rules)).toBeNull();
  });
});

describe('notes in brackets (tables.noteBrackets)', () => {
  it('reads a unit in brackets and drops any other note, by the brackets of the rules', () => {
    const w = tableWords(core);
    expect(readHeader('出口额（亿元）', w)).toMatchObject({ name: '出口额', unit: '亿元' });
    expect(readHeader('比上年增长(%)(括号内为实际增速)', w)).toMatchObject({ name: '', unit: '%', change: '增长' });
    expect(readHeader('出口额【亿元】', w).unit).toBeNull();
    const square = tableWords(retuned({ noteBrackets: ['()', '（）', '【】'] }));
    expect(readHeader('出口额【亿元】', square)).toMatchObject({ name: '出口额', unit: '亿元' });
    expect(readHeader('出口额（亿元）', tableWords(retuned({ noteBrackets: [] }))).unit).toBeNull();
    expect(captionSubject('表2 2025年全市固定资产投资（不含农户）完成情况', core)).toBe('固定资产投资');
  });
});

describe('periods in headers (tables.headerPeriod)', () => {
  it('reads the periods the rules write', () => {
    expect(readHeader('2025年1—11月', tableWords(core)).period).toBe('2025年1—11月');
    expect(readHeader('上半年出口额', tableWords(core))).toMatchObject({ name: '出口额', period: '上半年' });
    const yearsOnly = tableWords(retuned({ headerPeriod: '(?:19|20)\\d{2}\\s*年' }));
    expect(readHeader('上半年出口额', yearsOnly)).toMatchObject({ name: '上半年出口额', period: null });
  });
});

describe('counts named in headers (tables.countEnds)', () => {
  it('counts a header ending in a count word in the measure word before it', () => {
    expect(readHeader('企业个数', tableWords(core))).toMatchObject({ name: '企业个数', unit: '个' });
    expect(readHeader('企业个数', tableWords(retuned({ countEnds: [] }))).unit).toBeNull();
  });
});
