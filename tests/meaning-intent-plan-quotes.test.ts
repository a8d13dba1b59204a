/**
 * Intent of a plan's figures quoted where outcomes are told, and of what would have been, on short made-up texts: a
 * year's plan stated as such (`1982年计划为4%`, `修订计划时减少为300亿元`) is a target in a review too, a plan set against
 * what it is expected to come to (`计划为…,预计可以达到…`) as against what came of it, and a counterfactual (`如果不采取
 * 有力措施…还会有…`) an estimate.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures, reading } from './helpers/figures.js';

const figuresOf = (text: string, path: string) => extractFigures(documentFromText(text, { path }));
const LATE_REPORT = '——1982年11月30日在第五届全国人民代表大会第五次会议上\n各位代表:\n现在,我代表国务院向大会作政府工作报告,请予审议。\n一、两年来的经济形势\n';

describe("a plan's figure quoted in a review", () => {
  it('stated as such is a target, set against its outcome or against what it is expected to come to', () => {
    const text = `${LATE_REPORT}工农业总产值的增长速度,1981年计划为3.7%,实际达到4.6%;1982年计划为4%,预计可以达到6.4%。\n`;
    const found = figuresOf(text, 'cn_national_1982_gwr.txt');
    expect(reading(found, '3.7%')).toEqual(['1981', 'target']);
    expect(reading(found, '4.6%')).toEqual(['1981', 'actual']);
    expect(reading(found, '4%')).toEqual(['1982', 'target']);
    expect(reading(found, '6.4%')).toEqual(['1982', 'estimate']);
  });

  it('a plan revised to a figure is a target of its year', () => {
    const text = `${LATE_REPORT}基本建设投资总额,今年2月修订计划时减少为300亿元,后来又追加了80亿元。\n`;
    expect(reading(figuresOf(text, 'cn_national_1982_gwr.txt'), '300亿元')).toEqual(['1982', 'target']);
  });

  it('a plan word with no figure stated as the plan\'s leaves an outcome alone', () => {
    const text = `${LATE_REPORT}营养改善计划惠及3200万名学生。\n`;
    expect(reading(figuresOf(text, 'cn_national_1982_gwr.txt'), '3200万名')[1]).not.toBe('target');
  });
});

describe('what would have been', () => {
  it('a figure after a condition contrary to what was done is an estimate', () => {
    const text = `${LATE_REPORT}如果不采取有力措施加以解决,1981年还会有100多亿元的赤字。1981年财政赤字为25亿元。\n`;
    const found = figuresOf(text, 'cn_national_1982_gwr.txt');
    expect(reading(found, '100多亿元')).toEqual(['1981', 'estimate']);
    expect(reading(found, '25亿元')).toEqual(['1981', 'actual']);
  });
});

describe('an estimate word', () => {
  it('估计 is one as 预计 is', () => {
    const text = `${LATE_REPORT}今年农民的收入估计将增加130亿元左右。\n`;
    expect(reading(figuresOf(text, 'cn_national_1982_gwr.txt'), '130亿元左右')[1]).toBe('estimate');
  });
});
