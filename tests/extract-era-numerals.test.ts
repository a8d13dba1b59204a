/**
 * Figures as the reports of the 1980s write them: Chinese numerals with the zero ○, full-width digits
 * and commas, units of the era (斤, 担, 万标准箱, 亿千瓦小时). Made-up sentences of the same shapes.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { placeholderSpans } from '../src/damage/placeholders.js';
import type { Figure } from '../src/model.js';
import { extractFigures } from './helpers/figures.js';

function figures(text: string): Figure[] {
  return extractFigures(documentFromText(text, {}));
}

/** The one figure of a text (fails when there is not exactly one). */
function one(text: string): Figure {
  const found = figures(text);
  expect(found.map((f) => f.raw), text).toHaveLength(1);
  return found[0]!;
}

const interval = (f: Figure) => (f.interval ? [f.interval.lo, f.interval.hi] : null);
const placeholders = (text: string) => placeholderSpans(documentFromText(text, {})).map((s) => s.text);

describe('the zero ○ inside a Chinese numeral', () => {
  it('reads ○ as the zero of a year, never as a placeholder', () => {
    for (const text of ['从一九九一年到二○○○年，争取进入新的振兴时期。', '一九○五年建成。', '二○二五年基本实现。']) {
      expect(figures(text), text).toEqual([]);
      expect(placeholders(text), text).toEqual([]);
    }
  });

  it('reads ○ as the zero of an amount', () => {
    const f = one('新建项目一百○五个。');
    expect([f.value, f.unit, f.placeholder]).toEqual([105, '个', false]);
    expect(figures('产量由一九八○年的七千二百万吨增加到一亿二千万吨。').map((g) => g.raw)).toEqual(['七千二百万吨', '一亿二千万吨']);
  });

  it('still finds zeros standing alone as digits not filled in', () => {
    for (const [text, shown] of [
      ['全年增长○○%。', '○○'],
      ['新增就业〇〇万人。', '〇〇'],
      ['财政收入××亿元。', '××'],
    ] as const) {
      expect(placeholders(text), text).toEqual([shown]);
      const f = one(text);
      expect([f.placeholder, f.value], text).toEqual([true, null]);
    }
  });
});

describe('Chinese numerals are as precise as the same number in digits', () => {
  it('reads 一千亿元 as 1000亿元 and 十倍 as 10倍, not ±50%', () => {
    expect(interval(one('损失一千亿元。'))).toEqual(interval(one('损失1000亿元。')));
    expect(interval(one('损失一千亿元。'))).toEqual([99950000000, 100050000000]);
    expect(interval(one('提高十倍。'))).toEqual([9.5, 10.5]);
    expect(interval(one('占百分之九十。'))).toEqual([89.5, 90.5]);
    expect(interval(one('建设四百个项目。'))).toEqual([399.5, 400.5]);
    expect(interval(one('居全国第十位。'))).toEqual([9.5, 10.5]);
  });

  it('keeps the last written digit below the largest magnitude word (三亿六千万 = 3.6亿)', () => {
    expect(interval(one('粮食达到三亿六千万吨。'))).toEqual([355000000, 365000000]);
    expect(interval(one('十四万六千吨。'))).toEqual([145500, 146500]);
    expect(interval(one('投资二万八千亿元。'))).toEqual([2750000000000, 2850000000000]);
    expect(interval(one('覆盖十亿四千万人。'))).toEqual([1035000000, 1045000000]);
  });

  it('leaves 左右, 近 and 多 at the roundness of the number, as for digits', () => {
    expect(interval(one('增加一百三十亿元左右。'))).toEqual(interval(one('增加130亿元左右。')));
    expect(interval(one('近一千亿元。'))).toEqual(interval(one('近1000亿元。')));
    expect(interval(one('三千多亿元。'))).toEqual([300000000000, 400000000000]);
  });
});

describe('a place after a magnitude word starts the unit', () => {
  it('reads 十七万千瓦 as 17万 千瓦 and 一千二百亿千瓦小时 as 1200亿 千瓦时', () => {
    const kw = one('第一台十七万千瓦机组投产。');
    expect([kw.raw, kw.value, kw.unit]).toEqual(['十七万千瓦', 170000, '千瓦']);
    const kwh = one('发电量一千二百亿千瓦小时。');
    expect([kwh.value, kwh.unit]).toEqual([120000000000, '千瓦时']);
    expect(one('八万一千人。').value).toBe(81000);
  });
});
