/**
 * arithmetic-mismatch on real extraction: hand-made sentences go through documentFromText,
 * extractFigures and runChecks with the core rules. Each relation has a hit and a near miss (a
 * stated value off the computed point but within rounding is not a finding), and the precision
 * guards (nominal vs real growth, parts not marked as the whole, averages) are tested as such.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/engine.js';
import { documentFromText } from '../src/document.js';
import { extractFigures } from './helpers/figures.js';
import type { Finding, Locale } from '../src/model.js';
import { coreRules } from '../src/rules/load.js';

const rules = coreRules();

function arithmetic(text: string, locale: Locale = 'en'): Finding[] {
  const document = documentFromText(text, { id: 'doc', path: 'doc.txt', period: '2022' });
  const figures = extractFigures(document, rules);
  return runChecks([document], figures, rules, { locale }).findings.filter((f) => f.rule === 'arithmetic-mismatch');
}

describe('growth between two stated levels', () => {
  const revenue = (change: string) => `一般公共预算收入由1703亿元提高到2824亿元,增长${change}。`;

  it('recomputes a stated growth rate from the two levels: 2824 / 1703 − 1 = 65.83%', () => {
    expect(arithmetic(revenue('65.8%'))).toEqual([]);
    const [finding, ...rest] = arithmetic(revenue('75.8%'));
    expect(rest).toEqual([]);
    expect(finding!.message).toContain('2824亿元 / 1703亿元 − 1 = 65.83%');
    expect(finding!.message).toContain('75.8%');
    expect(finding!.locations.map((l) => l.text)).toEqual(['75.8%', '1703亿元', '2824亿元']);
    expect(finding!.locations[0]!.column).toBe(revenue('75.8%').indexOf('75.8%') + 1);
  });

  it('near miss: 65.7% is off the point 65.83% but inside the rounding interval 65.74%–65.91%', () => {
    expect(arithmetic(revenue('65.7%'))).toEqual([]);
    expect(arithmetic(revenue('65.6%'))).toHaveLength(1);
  });

  it('compounds 年均 growth over the two stated years', () => {
    const income = (rate: string) => `一般公共预算收入从2017年的1.6万亿元增加到2022年的2.3万亿元,年均增长${rate}。`;
    expect(arithmetic(income('7.5%'))).toEqual([]);
    // (2.35 / 1.55)^(1/5) − 1 = 8.68%: a stated 9% ([8.5%, 9.5%]) may be the same figure rounded.
    expect(arithmetic(income('9%'))).toEqual([]);
    const [finding] = arithmetic(income('10%'));
    expect(finding!.message).toContain('(2.3万亿元 / 1.6万亿元)^(1/5) − 1 = 7.5%');
    expect(finding!.message).toContain('6.3%–8.7%');
  });

  it('reads years written in Chinese digits (numerals.yaml) as the digits they stand for', () => {
    const income = (rate: string) => `一般公共预算收入从二〇一七年的1.6万亿元增加到二〇二二年的2.3万亿元,年均增长${rate}。`;
    expect(arithmetic(income('7.5%'))).toEqual([]);
    expect(arithmetic(income('10%'))).toHaveLength(1);
  });

  it('does not guess the number of years of an average when the text does not state them', () => {
    expect(arithmetic('一般公共预算收入从1.6万亿元增加到2.3万亿元,年均增长10%。')).toEqual([]);
  });

  it('checks 个百分点 between two rates, with rounding of both rates', () => {
    const urbanization = (points: string) => `常住人口城镇化率由62%提高到68.2%,提高${points}个百分点。`;
    expect(arithmetic(urbanization('6.2'))).toEqual([]);
    // 68.2% − 62% lies in [5.65, 6.75]: 62% may be anything from 61.5% to 62.5%.
    expect(arithmetic(urbanization('6.7'))).toEqual([]);
    const [finding] = arithmetic(urbanization('7.2'));
    expect(finding!.message).toContain('68.2% − 62% = 6.2个百分点');
  });

  it('checks an absolute change in the levels’ unit, both ways', () => {
    expect(arithmetic('粮食产量从700亿斤增加到780亿斤,增加80亿斤。')).toEqual([]);
    expect(arithmetic('粮食产量从700亿斤增加到780亿斤,增加90亿斤。')).toHaveLength(1);
    expect(arithmetic('粮食产量从700亿斤减少到620亿斤,减少80亿斤。')).toEqual([]);
    expect(arithmetic('粮食产量从700亿斤减少到620亿斤,减少60亿斤。')).toHaveLength(1);
  });

  it('reports a verb of increase between a higher and a lower level', () => {
    const [finding] = arithmetic('义务教育巩固率由95.5%提高到93.8%。');
    expect(finding!.message).toContain('93.8%');
    expect(arithmetic('义务教育巩固率由95.5%降低到93.8%。')).toEqual([]);
    expect(arithmetic('义务教育巩固率由93.8%提高到95.5%。')).toEqual([]);
  });

  it('never compares a growth rate of GDP (comparable prices) or a real rate with nominal levels', () => {
    expect(arithmetic('全区生产总值从2017年的1.6万亿元增加到2022年的2.3万亿元,年均增长10%。')).toEqual([]);
    expect(arithmetic('按可比价计算,工业产值由1703亿元提高到2824亿元,增长75.8%。')).toEqual([]);
    // The absolute change of GDP is nominal like its levels: still checked.
    expect(arithmetic('全区生产总值从1.6万亿元增加到2.3万亿元,增加0.9万亿元。')).toHaveLength(1);
  });

  it('reads only a change of the whole span: 比上年 has another base', () => {
    expect(arithmetic('一般公共预算收入由1703亿元提高到2824亿元,比上年增长5%。')).toEqual([]);
  });

  it('gives the message in Chinese', () => {
    const [finding] = arithmetic('一般公共预算收入由1703亿元提高到2824亿元,增长75.8%。', 'zh-CN');
    expect(finding!.message).toContain('而文中为 75.8%');
  });
});

describe('listed parts against a stated total', () => {
  it('adds up parts after 分别为 when the categories are a partition (城镇/农村)', () => {
    const employment = (rural: string) => `全年新增就业20万人,城镇、农村分别为12万人、${rural}。`;
    expect(arithmetic(employment('8万人'))).toEqual([]);
    // 12万 + 9万 lies in [20万, 22万], which touches 20万 = [19.5万, 20.5万]: rounding, not an error.
    expect(arithmetic(employment('9万人'))).toEqual([]);
    const [finding, ...rest] = arithmetic(employment('5万人'));
    expect(rest).toEqual([]);
    expect(finding!.message).toContain('12万人 + 5万人 = 17万人');
    expect(finding!.locations.map((l) => l.text)).toEqual(['20万人', '12万人', '5万人']);
  });

  it('splits categories and values at the joiners of the rules (arithmetic.parts.joiners), which a rule file may retune', () => {
    const text = '全年新增就业20万人,城镇和农村分别为12万人和5万人。';
    expect(arithmetic(text)).toHaveLength(1);
    const parts = rules.arithmetic!.parts!;
    const retuned = { ...rules, arithmetic: { ...rules.arithmetic, parts: { ...parts, joiners: parts.joiners!.filter((w) => w !== '和') } } };
    const document = documentFromText(text, { id: 'doc', path: 'doc.txt', period: '2022' });
    expect(runChecks([document], extractFigures(document, retuned), retuned, { locale: 'en' }).findings.filter((f) => f.rule === 'arithmetic-mismatch')).toEqual([]);
  });

  it('adds up a 其中 list across `;` and the parts’ own growth rates when it exhausts the total (出口/进口)', () => {
    const trade = (imports: string) =>
      `全年货物进出口总额438468亿元,比上年增长5.0%。其中,出口254545亿元,增长7.1%;进口${imports}亿元,增长2.3%。`;
    expect(arithmetic(trade('183923'))).toEqual([]);
    const [finding] = arithmetic(trade('193923'));
    expect(finding!.message).toContain('254545亿元 + 193923亿元');
    expect(finding!.message).toContain('438468亿元');
  });

  it('matches parallel labels that differ only in the category (第一/第二/第三产业增加值)', () => {
    const gdp = (tertiary: string) =>
      `全年地区生产总值23159亿元。其中,第一产业增加值2655亿元,第二产业增加值11127亿元,第三产业增加值${tertiary}亿元。`;
    expect(arithmetic(gdp('9377'))).toEqual([]);
    expect(arithmetic(gdp('8377'))).toHaveLength(1);
  });

  it('takes a last part named 其余 as the rest of the total', () => {
    expect(arithmetic('共建设项目120个,其中工业项目50个、农业项目40个、其余项目30个。')).toEqual([]);
    expect(arithmetic('共建设项目120个,其中工业项目50个、农业项目40个、其余项目20个。')).toHaveLength(1);
  });

  it('does not add up a 其中 list the text does not mark as the whole', () => {
    expect(arithmetic('共建设项目120个,其中工业项目50个、农业项目40个、服务业项目20个。')).toEqual([]);
    expect(arithmetic('全区共有A级景区400家,5A级、4A级分别为6家、150家。')).toEqual([]);
  });

  it('does not add up averages: 城镇、农村居民人均收入 are no parts of 全体居民人均收入', () => {
    expect(arithmetic('全区居民人均可支配收入35921元,城镇、农村居民分别为46295元、19641元。')).toEqual([]);
  });

  it('gives the message in Chinese', () => {
    const [finding] = arithmetic('全年新增就业20万人,城镇、农村分别为12万人、5万人。', 'zh-CN');
    expect(finding!.message).toContain('分项之和与总数不符');
  });
});

describe('shares and parts on real extraction: what is not a share of the stated total', () => {
  const registration = (rate: string) =>
    `全區累計梳理出房地產遺留“辦證難”項目2339個,已辦理大房本項目2302個,首次登記率${rate},涉及房屋117.81萬套。`;

  it('still checks a rate known by its label when the amount is a kind of the total (項目…項目)', () => {
    expect(arithmetic(registration('98.42%'))).toEqual([]);
    expect(arithmetic(registration('96.42%'))).toHaveLength(1);
  });

  it('reads 占全国 as a share of an unstated national total', () => {
    expect(arithmetic('預計產煤12.9億噸,完成保供任務8.3億噸、占全国34.5%。')).toEqual([]);
    expect(arithmetic('預計產煤12.9億噸,完成保供任務8.3億噸、占34.5%。')).toHaveLength(1);
  });

  it('does not read a rate after two items of one list as the share of one in the other', () => {
    expect(arithmetic('新增治理水土流失面积1800平方公里、石漠化面积183平方公里,森林覆盖率稳定在55%以上。')).toEqual([]);
  });

  it('does not take a per-capita figure for the total of a 其中 part', () => {
    expect(arithmetic('食品抽检量超每千人6.5批次,其中开展“你点我检”食品抽检超4万批次。')).toEqual([]);
    expect(arithmetic('发电量6465亿千瓦时,其中外送电量7640亿千瓦时。')).toHaveLength(1);
  });
});
