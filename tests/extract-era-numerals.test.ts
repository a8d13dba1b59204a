/**
 * Figures as the reports of the 1980s write them: Chinese numerals with the zero ○, full-width digits
 * and commas, units of the era (斤, 担, 万标准箱, 亿千瓦小时). Made-up sentences of the same shapes.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { runChecks } from '../src/checks/engine.js';
import { coreRules } from '../src/rules/load.js';
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

describe('thousands written with the full-width comma', () => {
  it('reads 33，212万吨 as one number when the document writes its thousands so (9，000万元)', () => {
    const found = figures('粮食产量33，212万吨，比上年增加2，737万吨。由上年亏损9，000万元转为盈利。');
    expect(found.map((f) => [f.raw, f.value])).toEqual([
      ['33，212万吨', 332120000],
      ['2，737万吨', 27370000],
      ['9，000万元', 90000000],
    ]);
  });

  it('keeps a full-width comma a clause break in a document that never shows it between thousands', () => {
    expect(figures('两年增加33，212个项目投产。').map((f) => f.raw)).toEqual(['212个']);
    expect(figures('增长12.5，100万人受益。').map((f) => f.raw)).toEqual(['100万人']);
  });
});

describe('a zero that joins two units', () => {
  it('reads no figure in 一年零三个月 (not 3个月) and 清零一批', () => {
    expect(figures('到这次会议召开，已经一年零三个月了。')).toEqual([]);
    expect(figures('采取清零一批、置换一批举措。')).toEqual([]);
    expect(one('增长零点五个百分点。').value).toBe(0.5);
  });
});

describe('units of the era', () => {
  it('converts 担 and 万担 to 吨 (1 担 = 100 斤 = 50 公斤)', () => {
    const cotton = one('棉花收购四千万担。');
    expect([cotton.value, cotton.unit]).toEqual([2000000, '吨']);
    expect(one('粮食产量一千二百八十亿斤。').value).toBe(64000000);
  });

  it('reads 万标准箱 as containers (标箱)', () => {
    const f = one('集装箱吞吐量达到3500万标准箱。');
    expect([f.value, f.unit, f.kind]).toEqual([35000000, '标箱', 'count']);
  });
});

describe('digits with a place character, and bare places', () => {
  it('reads 1.5千户 as 1500 户, rounded at the written digit like 1.5万户', () => {
    const f = one('新增1.5千户。');
    expect([f.value, f.unit, interval(f)]).toEqual([1500, '户', [1450, 1550]]);
    expect(one('修路1.5千米。').unit).toBe('公里');
  });

  it('reads 突破千亿 as above 1000亿 with or without a unit (SEMANTICS: 突破 excludes the number)', () => {
    for (const [text, unit] of [
      ['营业收入突破千亿。', null],
      ['营业收入突破千亿元。', '元'],
      ['市场主体突破5万关口。', null],
    ] as const) {
      const f = one(text);
      expect([f.unit, f.interval], text).toEqual([unit, { lo: f.value, hi: null, loClosed: false, hiClosed: false }]);
    }
  });

  it('reads no figure in 上百家, 上千亿元 (SEMANTICS gives 上 no interval) nor in 千亿元级', () => {
    expect(figures('培育上百家企业，投资上千亿元，打造千亿元级产业。')).toEqual([]);
  });
});

describe('horsepower', () => {
  it('reads 马力 as a unit of its own', () => {
    const f = one('内燃机2000万马力。');
    expect([f.value, f.unit]).toEqual([20000000, '马力']);
  });
});

describe('a year in Chinese digits in a label', () => {
  it('is a period word, as 1982年 is (not 一九八 left by reading 五年 as a duration)', () => {
    const label = (text: string) => figures(text).map((f) => f.label);
    expect(label('一九八二年粮食产量预计达到三亿三千五百多万吨。')).toEqual(label('1982年粮食产量预计达到3.35亿吨。'));
    expect(label('其中一九八五年为一千二百七十四亿元。')).toEqual(label('其中1985年为1274亿元。'));
    expect(label('一九八五年招收研究生二万人。')).toEqual(['招收研究生']);
  });
});

describe('growth between two levels dated in Chinese digits with ○', () => {
  it('compounds 年均 growth from 二○一七年 to 二○二二年 as from 2017年 to 2022年', () => {
    const arithmetic = (text: string) => {
      const document = documentFromText(text, { id: 'doc', path: 'doc.txt', period: '2022' });
      return runChecks([document], extractFigures(document), coreRules(), { locale: 'en' }).findings.filter((f) => f.rule === 'arithmetic-mismatch');
    };
    const income = (from: string, to: string, rate: string) => `一般公共预算收入从${from}年的1.6万亿元增加到${to}年的2.3万亿元,年均增长${rate}。`;
    expect(arithmetic(income('二○一七', '二○二二', '7.5%'))).toEqual([]);
    const [finding] = arithmetic(income('二○一七', '二○二二', '10%'));
    expect(finding!.message).toContain('(2.3万亿元 / 1.6万亿元)^(1/5) − 1 = 7.5%');
    expect(arithmetic(income('二○一七', '二○二二', '10%')).map((f) => f.message)).toEqual(arithmetic(income('2017', '2022', '10%')).map((f) => f.message));
  });
});

describe('递增 and 递减', () => {
  it('make a figure a change, as 增长 and 下降 do', () => {
    const up = one('出口总额平均每年递增百分之八点一。');
    expect([up.kind, up.change]).toEqual(['change', 'increase']);
    const down = one('单位产品能耗每年递减百分之二。');
    expect([down.kind, down.change]).toEqual(['change', 'decrease']);
  });
});

describe('a year in Chinese digits before a level reached', () => {
  it('reads 增加到一九八二年的七百二十九所 as 增加到1982年的729所 is read', () => {
    const read = (text: string) => figures(text).map((f) => [f.kind, f.change, f.label]);
    expect(read('全国高等学校由一九八○年的六百七十五所增加到一九八二年的七百二十九所。')).toEqual(read('全国高等学校由1980年的675所增加到1982年的729所。'));
    expect(read('外贸进出口总额增加到二○○二年的6208亿美元。')).toEqual(read('外贸进出口总额增加到2002年的6208亿美元。'));
    expect(read('外贸进出口总额增加到二○○二年的6208亿美元。')).toEqual([['level', null, '']]);
  });
});

describe('two consecutive digits: n or n + 1', () => {
  const read = (text: string) => figures(text).map((f) => [f.raw, f.unit, interval(f)]);

  it('reads 三四千万吨, 四五十个, 两三万人 as ranges over the place and magnitude after them', () => {
    expect(read('增产三四千万吨。')).toEqual([['三四千万吨', '吨', [29995000, 40005000]]]);
    expect(read('建设四五十个项目。')).toEqual([['四五十个', '个', [39.5, 50.5]]]);
    expect(read('吸收两三万人就业。')).toEqual([['两三万人', '人', [15000, 35000]]]);
  });

  it('reads 、 between them the same way (二、三百亿度, 百分之四、五, 两、三倍), not the second digit alone', () => {
    expect(read('一年多耗电二、三百亿度。')).toEqual([['二、三百亿度', '千瓦时', [19950000000, 30050000000]]]);
    expect(read('增长百分之四、五。')).toEqual([['百分之四、五', '%', [3.5, 5.5]]]);
    const times = one('商品粮增加两、三倍。');
    expect([times.raw, times.kind, times.change, interval(times)]).toEqual(['两、三倍', 'change', 'increase', [1.5, 3.5]]);
  });

  it('leaves words and lists alone: 一两个月, 三四线城市, 七八十年代, 一、二期, 百分之四、五点二', () => {
    expect(figures('一两个月，三四线城市，七八十年代，第一、二期工程。')).toEqual([]);
    expect(read('增长百分之四、五点二。').map(([raw]) => raw)).toEqual(['百分之四']);
  });
});

describe('kilocalories', () => {
  it('reads 大卡 and 千卡 as one unit', () => {
    expect([one('每公斤发热量7，000大卡的标准煤。').unit, one('热值5000千卡。').unit]).toEqual(['千卡', '千卡']);
  });
});

describe('多 right after a magnitude word in a Chinese numeral', () => {
  it('is one unit of that magnitude, as after digits: 十万多 (10万, 11万), while 十多万 is (10万, 20万)', () => {
    expect(interval(one('十万多人。'))).toEqual(interval(one('10万多人。')));
    expect(interval(one('十万多人。'))).toEqual([100000, 110000]);
    expect(interval(one('十多万人。'))).toEqual([100000, 200000]);
    expect(interval(one('十四亿多人。'))).toEqual([1400000000, 1500000000]);
  });
});
