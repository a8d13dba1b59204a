/**
 * Years spaced from the words around them (`较 2020 年增长33.3%`, `2020 年 以来`), as the text layers of PDFs set them, made
 * up: a comparison base or a start of years since reads as it does unspaced, so a five-year review's changes and totals stay
 * the plan's years.
 */
import { describe, expect, it } from 'vitest';
import { figuresOfText, reading } from './helpers/figures.js';

const report = (body: string) =>
  '关于某市2025年预算执行情况和2026年预算草案的报告\n——2026年1月10日在某市第十六届人民代表大会第五次会议上\n一、2025年预算执行情况\n' + body + '\n';

describe('a year spaced from its comparison word', () => {
  it('is a base in a five-year review, spaced or not', () => {
    for (const [gap, values] of [
      [' ', ['33.3%', '6.7%', '2000亿元']],
      ['', ['44.4%', '7.7%', '近3000亿元']],
    ] as const) {
      const found = figuresOfText(
        report(`“十四五”期间,全市一般公共预算收入较${gap}2020${gap}年增长${values[0]},年均增速达到${gap}${values[1]},一般公共预算支出累计达到${gap ? '近 ' : ''}${values[2]}。`),
      );
      for (const raw of values) expect(reading(found, raw), raw).toEqual(['2021/2025', 'actual']);
    }
  });

  it('opens the years since it, spaced or not', () => {
    const found = figuresOfText(report('2021 年 以来,全市累计新增城镇就业12.5万人。'));
    expect(reading(found, '12.5万人')).toEqual(['2022/2025', 'actual']);
  });
});
