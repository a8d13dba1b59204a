/**
 * A national goal named by its length and the country's people named at a report's date (issue 9 §1), made up: `二十年实现
 * …翻两番` restates the goal of the twenty years 1981–2000 whatever span its paragraph is about (`今后五年`), and `你们代表着
 * 全国十亿人民` in a report delivered in June counts the people as they are then, in the report's own year.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText, reading } from './helpers/figures.js';

describe('a national goal restated by its length', () => {
  const found = figuresOfText(
    '政府工作报告\n（一九八三年六月六日在第六届全国人民代表大会第一次会议上）\n各位代表：\n现在，我代表国务院向大会作政府工作报告。\n' +
      '一、过去五年的工作\n五年来，工农业总产值平均每年增长百分之七点三。\n二、今后五年的任务\n' +
      '今后五年，首先要保证农业、轻工业和重工业生产协调发展。二十年实现工农业年总产值翻两番，是就全国来讲的。今后五年工业总产值要平均每年增长百分之四。\n',
  );

  it('is over the goal\'s years, not the paragraph\'s', () => {
    expect(reading(found, '翻两番')).toEqual(['1981/2000', 'target']);
  });

  it("leaves the paragraph's own averages to its span", () => {
    expect(reading(found, '百分之四')).toEqual(['1983/1987', 'target']);
  });
});

describe("the country's people named as an attribute", () => {
  const report = (date: string) =>
    '政府工作报告\n' + `——${date}在第七届全国人民代表大会第三次会议上\n` + '各位代表：\n现在，我代表国务院向大会作政府工作报告。\n' +
    '一、过去一年的工作\n去年国民生产总值增长百分之三点九。你们代表着全国十一亿多人民，你们的信任和支持是我们的力量。\n';

  it('are as many as there are at the date of a report delivered late in its year', () => {
    expect(reading(figuresOfText(report('1990年6月20日')), '十一亿多人')).toEqual(['1990', 'actual']);
  });

  it('are the state the year before ended with in a report delivered early in its year', () => {
    expect(reading(figuresOfText(report('1990年3月20日')), '十一亿多人')).toEqual(['1989', 'actual']);
  });
});
