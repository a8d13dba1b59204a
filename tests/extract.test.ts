/**
 * The extract stage, form by form: numerals, units, intervals, qualifiers, not-figures,
 * placeholders, kinds and changes, labels, periods and modality, locations.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures } from './helpers/figures.js';
import { knowledgeOf } from '../src/extract/knowledge.js';
import { readArabic, readChinese } from '../src/extract/numerals.js';
import type { Figure } from '../src/model.js';

const k = knowledgeOf();

function figures(text: string, meta: { period?: string } = {}): Figure[] {
  return extractFigures(documentFromText(text, meta));
}

/** The one figure of a text (fails when there is not exactly one). */
function one(text: string, meta: { period?: string } = {}): Figure {
  const found = figures(text, meta);
  expect(found.map((f) => f.raw), text).toHaveLength(1);
  return found[0]!;
}

const interval = (f: Figure) => (f.interval ? [f.interval.lo, f.interval.hi, f.interval.loClosed, f.interval.hiClosed] : null);

describe('numerals', () => {
  it('reads Arabic numbers exactly, with thousands separators and decimals', () => {
    expect(readArabic('1,234.5亿', 0, k)!.value.toFixed()).toBe('123450000000');
    expect(readArabic('20.49万', 0, k)!.value.toFixed()).toBe('204900');
    expect(readArabic('2.3万亿', 0, k)!.value.toFixed()).toBe('2300000000000');
    expect(readArabic('1.05万', 0, k)!.q.toFixed()).toBe('100');
  });

  it('reads Chinese numerals with places, magnitudes, decimals and 〇', () => {
    const cases: [string, string][] = [
      ['一百二十三万', '1230000'],
      ['一百一十四万亿', '114000000000000'],
      ['十亿四千万', '1040000000'],
      ['八万一千', '81000'],
      ['十八点五', '18.5'],
      ['一百零五', '105'],
      ['两万', '20000'],
      ['三万五', '35000'],
    ];
    for (const [text, value] of cases) expect(readChinese(text, 0, k)!.value.toFixed(), text).toBe(value);
    expect(readChinese('二〇二〇', 0, k)!.positional).toBe(true);
  });

  it('gives the place values intervals are built from', () => {
    const r = readChinese('一百二十三万', 0, k)!;
    expect([r.q.toFixed(), r.g.toFixed()]).toEqual(['10000', '10000']);
    const a = readArabic('3300', 0, k)!;
    expect([a.q.toFixed(), a.g.toFixed()]).toEqual(['1', '100']);
  });
});

describe('figures: values, units, intervals', () => {
  it('folds magnitudes exactly: 20.49万人 is 204900', () => {
    const f = one('城镇新增就业20.49万人。');
    expect([f.exact, f.value, f.unit, f.kind]).toEqual(['204900', 204900, '人', 'count']);
    expect(interval(f)).toEqual([204850, 204950, true, true]);
  });

  it('gives a plain figure the interval of everything that rounds to it', () => {
    const f = one('地区生产总值增长4.2%。');
    expect(interval(f)).toEqual([4.15, 4.25, true, true]);
    expect([f.kind, f.change, f.label]).toEqual(['change', 'increase', '地区生产总值']);
  });

  it('reads full-width digits and ％ through normalization, locating the original', () => {
    const text = '工业投资增长２１.１％。';
    const f = one(text);
    expect([f.value, f.unit]).toEqual([21.1, '%']);
    expect(f.raw).toBe('２１.１％');
    expect(f.location.column).toBe(text.indexOf('２') + 1);
  });

  it('folds unit aliases and converts 斤, 度, GW', () => {
    expect([one('粮食产量780亿斤。').value, one('粮食产量780亿斤。').unit]).toEqual([39000000, '吨']);
    const kwh = one('发电量6465亿度。');
    expect([kwh.value, kwh.unit]).toEqual([646500000000, '千瓦时']);
    const kwh2 = one('发电量6465亿千瓦·时。');
    expect([kwh2.value, kwh2.unit]).toEqual([646500000000, '千瓦时']);
    const gw = one('新能源并网装机25GW。');
    expect([gw.value, gw.unit]).toEqual([25000000, '千瓦']);
    expect(one('建成农村公路6261千米。').unit).toBe('公里');
    expect(one('招聘教师1171名。').unit).toBe('人');
  });

  it('applies qualifiers per SEMANTICS.md', () => {
    expect(interval(one('地区生产总值增长4%以上。'))).toEqual([4, null, true, false]);
    expect(interval(one('精简幅度超过60%。'))).toEqual([60, null, false, false]);
    expect(interval(one('引进到位资金3300多亿元。'))).toEqual([330000000000, 340000000000, false, false]);
    expect(interval(one('增长6%左右。'))).toEqual([5.5, 6.5, true, true]);
    expect(interval(one('帮助基层化债近300亿元。'))).toEqual([25000000000, 30000000000, true, false]);
    expect(interval(one('改造户厕10万多个。'))).toEqual([100000, 110000, false, false]);
    expect(interval(one('建成项目140余个。'))).toEqual([140, 150, false, false]);
    expect(interval(one('占比不到3%。'))).toEqual([0, 3, true, false]);
    const near = one('落地链主企业近百家。');
    expect([near.raw, near.value, near.qualifier]).toEqual(['近百家', 100, '近']);
    expect(interval(near)).toEqual([50, 100, true, false]);
  });

  it('reads Chinese numerals with 多, 百分之, 点 and 成', () => {
    const party = one('全国九千六百多万名党员。');
    expect([party.value, party.unit]).toEqual([96000000, '人']);
    expect(interval(party)).toEqual([96000000, 97000000, false, false]);
    const pct = one('城镇化率达到百分之六十四点七。');
    expect([pct.raw, pct.value, pct.unit, pct.kind]).toEqual(['百分之六十四点七', 64.7, '%', 'share']);
    const pp = one('城镇化率提高十一点六个百分点。');
    expect([pp.value, pp.unit, pp.kind, pp.change]).toEqual([11.6, '个百分点', 'change', 'increase']);
    const cheng = one('列席人员减少近5成。');
    expect([cheng.value, cheng.unit]).toEqual([50, '%']);
    expect(interval(cheng)).toEqual([45, 50, true, false]);
    expect(one('三千多亿元').value).toBe(300000000000);
  });

  it('reads ranges, the first end taking the second one’s magnitude and unit', () => {
    const f = one('新增装机3—5万千瓦。');
    expect(interval(f)).toEqual([25000, 55000, true, true]);
    expect(f.unit).toBe('千瓦');
    expect(one('增长5%—5.5%。').raw).toBe('5%—5.5%');
  });

  it('tells 增长1.2倍 (a change) from 是…的1.6倍 (a ratio)', () => {
    const change = one('进出口总额增长1.2倍。');
    expect([change.kind, change.change, change.unit]).toEqual(['change', 'increase', '倍']);
    const ratio = one('单位GDP水耗是全国平均水平的1.6倍。');
    expect([ratio.kind, ratio.change]).toEqual(['ratio', null]);
  });

  it('reads ranks: 居全国第三位, 排在全国第21位', () => {
    const found = figures('规上工业增加值增长8.1%、居全国第三位。地区生产总值排在全国第21位。');
    const ranks = found.filter((f) => f.kind === 'rank');
    expect(ranks.map((f) => [f.raw, f.value, f.unit, f.label])).toEqual([
      ['第三位', 3, '名次', '规上工业增加值'],
      ['第21位', 21, '名次', '地区生产总值'],
    ]);
  });

  it('keeps a decrease positive', () => {
    const f = one('不良贷款率下降0.86个百分点。');
    expect([f.value, f.change, f.kind, f.label]).toEqual([0.86, 'decrease', 'change', '不良贷款率']);
  });

  it('marks placeholders with no value', () => {
    const f = one('地区生产总值增长×%。');
    expect([f.placeholder, f.value, f.interval, f.unit, f.kind]).toEqual([true, null, null, '%', 'change']);
    expect(one('完成投资XX亿元。').placeholder).toBe(true);
    expect(one('新增就业□□万人。').placeholder).toBe(true);
  });
});

describe('not figures', () => {
  const none = (text: string) => expect(figures(text).map((f) => f.raw), text).toEqual([]);
  it('skips years, dates and spans of years', () => {
    none('2022年,全区经济平稳运行。');
    none('——2022年1月21日在内蒙古自治区第十三届人民代表大会第六次会议上');
    none('《规划(2021—2023年)》印发。');
    none('到二〇三五年基本实现现代化。');
  });
  it('skips plan and congress numbers, sessions and list markers', () => {
    none('“十四五”开局起步之年。');
    none('深入学习贯彻党的二十大精神。');
    none('十三届全国人大五次会议。');
    none('一是健全制度机制。');
    none('(三)加强生态保护。\n1.全面加强组织领导。');
  });
  it('skips footnotes, hotlines, registration numbers, slogans and names', () => {
    none('国内生产总值[2]持续增长。');
    none('畅通12345政务服务便民热线。');
    none('蒙ICP备05003421号-1');
    none('坚持“三多三少”原则,开展“五个大起底”行动。');
    none('建设5G基站,举办G20峰会,PM2.5浓度下降。');
    none('制定优化营商环境3.0方案。');
  });
  it('still reads a figure next to them', () => {
    expect(figures('2022年,全区地区生产总值增长4.2%。').map((f) => f.raw)).toEqual(['4.2%']);
    expect(figures('开通12345热线,受理诉求12345件。').map((f) => f.raw)).toEqual(['12345件']);
  });
});

describe('labels', () => {
  it('cleans filler: 全区引进到位资金3409亿元 → 引进到位资金', () => {
    const f = one('全区引进到位资金3409亿元。');
    expect([f.label, f.value, f.kind]).toEqual(['引进到位资金', 340900000000, 'level']);
  });

  it('lets a figure without a subject inherit the one before it', () => {
    const [level, growth] = figures('进出口总额1523.6亿元、增长23.2%。');
    expect([level!.label, growth!.label, growth!.kind, growth!.change]).toEqual(['进出口总额', '进出口总额', 'change', 'increase']);
    const [trains, trainGrowth] = figures('过境中欧班列7337列、增长19%。');
    expect([trains!.unit, trains!.label, trainGrowth!.label]).toEqual(['列', '过境中欧班列', '过境中欧班列']);
  });

  it('pairs 分别 lists with their subjects', () => {
    const found = figures('城乡居民收入分别增长4.3%、7.1%。');
    expect(found.map((f) => [f.label, f.change, f.value])).toEqual([
      ['城镇居民收入', 'increase', 4.3],
      ['农村居民收入', 'increase', 7.1],
    ]);
    const pair = figures('教育、卫生支出分别增长8.2%和18.8%。');
    // the shared tail goes to each short subject
    expect(pair.map((f) => f.label)).toEqual(['教育支出', '卫生支出']);
  });

  it('reads a change word that leads the metric phrase', () => {
    const f = one('降低企业用电成本59亿元。');
    expect([f.kind, f.change, f.label]).toEqual(['change', 'decrease', '企业用电成本']);
  });
});

describe('period and modality', () => {
  const report =
    '——2022年1月21日在自治区第十三届人民代表大会第六次会议上\n\n一、2021年工作回顾\n\n地区生产总值增长6.3%。1—8月原煤产量6.49亿吨;发电量3974亿千瓦时。预计全年粮食产量增长2%。\n\n二、2022年经济社会发展的目标要求\n\n地区生产总值增长6%左右。去年一季度增长5.8%。\n';

  it('reads the reviewed year, partial years, estimates and the target section', () => {
    const found = figures(report);
    const at = (raw: string) => found.find((f) => f.raw === raw)!;
    expect([at('6.3%').period, at('6.3%').modality]).toEqual(['2021', 'actual']);
    expect(at('6.49亿吨').period).toBe('2021-01/2021-08');
    expect(at('3974亿千瓦时').period).toBe('2021-01/2021-08');
    expect(at('2%').modality).toBe('estimate');
    expect([at('6%左右').period, at('6%左右').modality]).toEqual(['2022', 'target']);
    expect([at('5.8%').period, at('5.8%').modality]).toEqual(['2021-01/2021-03', 'actual']);
  });

  it('uses the document period, 上半年, 五年来 and target words', () => {
    expect(one('地区生产总值增长4.2%。', { period: '2022' }).period).toBe('2022');
    expect(one('上半年地区生产总值增长5%。', { period: '2022' }).period).toBe('2022-01/2022-06');
    expect(one('五年来,累计新增就业100万人。', { period: '2022' }).period).toBe('2018/2022');
    expect(one('力争粮食产量达到800亿斤。', { period: '2022' }).modality).toBe('target');
    expect(one('比上年增长5%。', { period: '2024' }).period).toBe('2024');
  });
});

describe('locations', () => {
  it('point at the digits in the original, through Traditional script and pinyin', () => {
    const text = '全區(qū)建成57個(gè)項目,投資3409億元。';
    const found = figures(text);
    expect(found.map((f) => [f.raw, f.value, f.unit])).toEqual([
      ['57個', 57, '个'],
      ['3409億元', 340900000000, '元'],
    ]);
    for (const f of found) {
      expect(f.location.line).toBe(1);
      expect(text.slice(f.location.column - 1, f.location.endColumn - 1)).toBe(f.raw);
    }
  });
});

describe('figures written in other ways (the provincial reports of 2025)', () => {
  const raws = (text: string) => figures(text).map((f) => f.raw);

  it('reads computing power in P after 万/亿, and in PF, EFLOPS, TFLOPS', () => {
    const p = one('数据中心集群算力规模达到5.1万P,增速最快。');
    expect([p.raw, p.value, p.unit, p.kind, p.label]).toEqual(['5.1万P', 51000, 'PFLOPS', 'level', '数据中心集群算力规模']);
    const floor = one('力争算力规模突破10万P。');
    expect([floor.raw, floor.qualifier]).toEqual(['突破10万P', '突破']);
    expect(interval(floor)).toEqual([100000, null, false, false]);
    expect([one('智能算力达到230EFLOPS。').value, one('总算力突破7000PF。').value, one('超算算力500TFlops。').value]).toEqual([230000, 7000, 0.5]);
  });

  it('reads no computing power in a resolution, a storage size or a name', () => {
    expect(raws('推广1080P高清视频,发展P2P网络。')).toEqual([]);
    // (a bare 万 with letters after it is no figure, as before)
    expect(raws('存储容量10万PB。')).toEqual([]);
    expect(raws('建设5P实验室。')).toEqual([]);
  });

  it('reads a year-like number before 万, 亿 or % as an amount, not a date', () => {
    const grain = one('粮食总产量1993.5万吨、创历史新高。');
    expect([grain.raw, grain.value, grain.unit]).toEqual(['1993.5万吨', 19935000, '吨']);
    expect(one('地方一般公共预算收入2024.3亿元。').value).toBe(202430000000);
    const range = one('每个项目投资1800—2000万元。');
    expect([range.raw, range.unit]).toEqual(['1800—2000万元', '元']);
    expect(interval(range)).toEqual([17995000, 20005000, true, true]);
    expect(one('初中招生1848.8万人。').value).toBe(18488000);
  });

  it('still skips dates and spans of years written with dots, dashes and slashes', () => {
    expect(raws('2024.1.23发布,2024.5至今有效,2019.10起实施。')).toEqual([]);
    expect(raws('《规划(2021-2025)》,2024-01-18印发,2024/1/23生效。')).toEqual([]);
    // (and the number after such a date is read)
    expect(raws('2024.5起新增就业5万人。')).toEqual(['5万人']);
  });

  it('reads a lone 十 before a measure word as ten, and one-character 一 两 三 still not', () => {
    const ten = one('办好十件民生实事。');
    expect([ten.raw, ten.value, ten.unit, ten.kind]).toEqual(['十件', 10, '件', 'count']);
    expect(raws('出台稳增长十项措施。')).toEqual(['十项']);
    expect(raws('高效办成一件事,坚持两个确立,深化三项制度改革,十分重要。')).toEqual([]);
    // (a quoted name stays a name)
    expect(raws('织密“十张网”。')).toEqual([]);
  });

  it('reads the figures inside a quoted name that holds digits, not its Chinese numerals', () => {
    expect(raws('超额完成林分优化提升、森林抚育提升“两个200万亩”任务。')).toEqual(['200万亩']);
    expect(raws('落实“两个70%”激励政策。')).toEqual(['70%']);
    expect(raws('坚持“两个毫不动摇”,开展“五个大起底”行动。')).toEqual([]);
  });
});

describe('多 after a unit, and qualifier characters inside words', () => {
  const read = (text: string) => figures(text).map((f) => [f.raw, f.unit, interval(f)]);

  it('reads 多 inside a unit (个多百分点, 个多月) and after 倍 or % at a clause end, one unit of the last digit', () => {
    expect(read('比上年提高2个多百分点。')).toEqual([['2个多百分点', '个百分点', [2, 3, false, false]]]);
    expect(read('航运中断1个多月。')).toEqual([['1个多月', '个月', [1, 2, false, false]]]);
    expect(read('集成电路产量增长1倍多,合成材料增长10%多。')).toEqual([
      ['1倍多', '倍', [1, 2, false, false]],
      ['10%多', '%', [10, 11, false, false]],
    ]);
  });

  it('leaves 多 that opens a word after a count alone', () => {
    expect(read('建设3个多元化平台,培育5家多式联运企业。').map(([raw]) => raw)).toEqual(['3个', '5家']);
    expect(read('培训1000万人多次。').map(([raw]) => raw)).toEqual(['1000万人']);
  });

  it('reads no qualifier in a word that ends with its character (签约, 条约, 赶超, 最近)', () => {
    const signed = one('招商签约500亿元。');
    expect([signed.raw, signed.qualifier, signed.label]).toEqual(['500亿元', null, '招商签约']);
    expect(interval(signed)).toEqual([49950000000, 50050000000, true, true]);
    expect(figures('新签约亿元以上项目35个。').map((f) => f.raw)).toEqual(['35个']);
    expect(one('缔结或者参加国际条约187个。').label).toBe('缔结或者参加国际条约');
    expect([one('力争赶超30个。').qualifier, figures('最近3年。').length]).toEqual([null, 0]);
  });

  it('still reads the qualifier after other words ending in the same character', () => {
    expect(one('发放育儿补贴近亿元。').raw).toBe('近亿元');
    expect(one('一般公共预算支出超1000亿元。').raw).toBe('超1000亿元');
    expect(one('建设两条约50公里的线路。').raw).toBe('约50公里');
  });
});

describe('a bare 百, 千 or 万 with 余/多 after it', () => {
  it('reads 百余家, 千余名, 万余户 as a hundred-odd, a thousand-odd, ten thousand-odd', () => {
    expect(figures('新增高新技术企业百余家,引进千余名人才,惠及万余户。').map((f) => [f.raw, f.unit, interval(f)])).toEqual([
      ['百余家', '家', [100, 200, false, false]],
      ['千余名', '人', [1000, 2000, false, false]],
      ['万余户', '户', [10000, 20000, false, false]],
    ]);
  });

  it('reads no such figure without a unit, nor the place of a number written before it', () => {
    expect(figures('历经千余年,百多年来,坚持三多三少。').map((f) => f.raw)).toEqual([]);
    expect(figures('日均新设企业由5千多户增加到1万6千多户。').map((f) => f.raw)).not.toContain('千多户');
  });
});

describe('Arabic digits with a place character (5千多户, 1万6千多户)', () => {
  const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit, interval(f)]);

  it('reads 千 or 百 after digits as the place, and digits after a magnitude as the rest of the number', () => {
    expect(read('日均新设企业由5千多户增加到1万6千多户。')).toEqual([
      ['5千多户', 5000, '户', [5000, 6000, false, false]],
      ['1万6千多户', 16000, '户', [16000, 17000, false, false]],
    ]);
    expect(read('出境旅游人次增加到1亿3千多万。')).toEqual([['1亿3千多万', 130000000, null, [130000000, 140000000, false, false]]]);
    expect(read('高速铁路营业里程达到2万5千公里。')).toEqual([['2万5千公里', 25000, '公里', [24500, 25500, true, true]]]);
    expect(read('总投资3亿5000万元。')).toEqual([['3亿5000万元', 350000000, '元', [349995000, 350005000, true, true]]]);
  });

  it('leaves units starting with 千, magnitudes, names and digits with no place as they were', () => {
    expect(read('新增装机2000千瓦,修路5千米,投资2千万元。').map(([raw, value, unit]) => [raw, value, unit])).toEqual([
      ['2000千瓦', 2000, '千瓦'],
      ['5千米', 5, '公里'],
      ['2千万元', 20000000, '元'],
    ]);
    expect(read('进入世界5百强。')).toEqual([]);
    expect(read('建设10万5G基站。').map(([raw]) => raw)).toEqual(['10万']);
  });
});

describe('rates and concentrations: two units around a slash', () => {
  const read = (text: string) => figures(text).map((f) => [f.raw, f.value, f.unit]);

  it('reads PM2.5 and water concentrations in their own units', () => {
    expect(read('细颗粒物(PM2.5)平均浓度30微克/立方米。')).toEqual([['30微克/立方米', 30, '微克/立方米']]);
    expect(read('PM2.5浓度降到28.5μg/m³,控制在35微克每立方米以内。')).toEqual([
      ['28.5μg/m³', 28.5, '微克/立方米'],
      ['35微克每立方米以内', 35, '微克/立方米'],
    ]);
    expect(read('氨氮浓度0.5毫克/升。')).toEqual([['0.5毫克/升', 0.5, '毫克/升']]);
  });

  it('reads an amount per unit as the rate, converted by both units', () => {
    expect(read('设计时速350公里/小时。')).toEqual([['350公里/小时', 350, '公里/小时']]);
    expect(read('上网电价0.35元/千瓦时,人均16.8万元/人左右。')).toEqual([
      ['0.35元/千瓦时', 0.35, '元/千瓦时'],
      ['16.8万元/人左右', 168000, '元/人'],
    ]);
    expect(read('新增污水处理能力30万吨/日。')).toEqual([['30万吨/日', 300000, '吨/天']]);
    // 2 元 a 斤 is 4000 元 a 吨, and its rounding goes with it
    const jin = one('收购价2元/斤。');
    expect([jin.value, jin.unit, interval(jin)]).toEqual([4000, '元/吨', [3000, 5000, true, true]]);
    expect(read('时速300—350公里/小时。')).toEqual([['300—350公里/小时', 300, '公里/小时']]);
  });

  it('reads a rate whose second unit stands before the number after 每 (units.yaml perBefore)', () => {
    // PM2.5 written the spoken way is the same figure as 20微克/立方米; the span holds what makes it a rate
    expect(read('细颗粒物平均浓度为每立方米20微克,目标每立方米25微克以下。')).toEqual([
      ['每立方米20微克', 20, '微克/立方米'],
      ['每立方米25微克以下', 25, '微克/立方米'],
    ]);
    expect(read('收购价每吨2000元。')).toEqual([['每吨2000元', 2000, '元/吨']]);
    // a yearly amount is an amount (年 is no unit), and a unit away from the number is no rate
    expect(read('每年安排20亿元,每户补助发放500元。')).toEqual([
      ['20亿元', 2000000000, '元'],
      ['500元', 500, '元'],
    ]);
    // per person is an amount as 人均 is (每人1万元 and 人均1万元 are one kind of figure), and a count per thing no rate
    expect(read('给予每人1万元救助,每个村配备1名网格员。')).toEqual([
      ['1万元', 10000, '元'],
      ['1名', 1, '人'],
    ]);
  });

  it('reads counts of satellites (颗) as counts', () => {
    expect(read('117颗卫星在轨运行。')).toEqual([['117颗', 117, '颗']]);
  });

  it('reads a rate per a span of time that is no unit of its own (units.yaml ratePeriods)', () => {
    expect(read('建成400万吨/年煤制油项目,淘汰60万吨/年以下装置,最低工资2000元/月,流量600立方米/秒。')).toEqual([
      ['400万吨/年', 4000000, '吨/年'],
      ['60万吨/年以下', 600000, '吨/年'],
      ['2000元/月', 2000, '元/月'],
      ['600立方米/秒', 600, '立方米/秒'],
    ]);
  });

  it('reads no rate after a count, a share or a word that is no unit', () => {
    expect(read('交换电子文件52万件/次。')).toEqual([['52万件', 520000, '件']]);
    expect(read('年均增长5%/年。')).toEqual([['5%', 5, '%']]);
    expect(read('补贴2000元/项目。')).toEqual([['2000元', 2000, '元']]);
    expect(read('安置5000户/5万人。')).toEqual([
      ['5000户', 5000, '户'],
      ['5万人', 50000, '人'],
    ]);
  });
});
