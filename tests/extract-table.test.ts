/**
 * The `figures` table as an editor reads it: fixes for the worst rows found on the five seeds
 * (labels that were a verb, a place or a filler phrase; 位 read as people; dropped 场次; quoted names;
 * list markers; plan titles and year spans as periods; an appendix of the delivery year's plans).
 * Each fix has a hand-made sentence that must change and a near miss that must not.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures } from './helpers/figures.js';
import type { Figure } from '../src/model.js';

function figures(text: string, meta: { period?: string } = {}): Figure[] {
  return extractFigures(documentFromText(text, meta));
}

/** The figure written `raw` in `text` (fails when there is none). */
function figure(text: string, raw: string, meta: { period?: string } = {}): Figure {
  const found = figures(text, meta).find((f) => f.raw === raw);
  expect(found, `${raw} in ${text}`).toBeDefined();
  return found!;
}

const label = (text: string, raw: string) => figure(text, raw).label;

describe('the counted thing named after the figure', () => {
  it('replaces a label that is only an action verb with the noun after the measure word', () => {
    expect(label('坚持保大局、保民生,先后拿出50条措施增产保供,圆满完成任务。', '50条')).toBe('措施');
    expect(label('实施研发投入攻坚行动,制定12项财政配套支持措施。', '12项')).toBe('财政配套支持措施');
    expect(label('全面推进乡村振兴,消除4.7万名监测对象返贫致贫风险。', '4.7万名')).toBe('监测对象');
    expect(label('我们这个拥有九千六百多万名党员的马克思主义执政党。', '九千六百多万名')).toBe('党员');
    // a scope word before the verb stays: the noun is a new one
    expect(label('力争今年新增5个校企共建学院,建设实训基地。', '5个')).toBe('新增校企共建学院');
  });

  it('keeps a label that names the thing before the figure', () => {
    expect(label('着力扩大有效投资,实施重大项目3074个、完成投资4658亿元。', '3074个')).toBe('实施重大项目');
    expect(label('强化就业增收举措,城镇新增就业22.4万人。', '22.4万人')).toBe('城镇新增就业');
    // people: no noun after 人 (2400多万人民 is not a thing called 民)
    expect(label('努力为全区2400多万人民争取更多利益。', '2400多万人')).not.toContain('民');
  });

  it('takes the noun after 的 and after 等 (what stands before 等 are examples of it)', () => {
    expect(label('圆满完成国家交付的18个省份煤炭保供任务。', '18个')).toMatch(/^省份/u);
    expect(label('加快产业改旧育新步伐,引进远景等15家头部企业,制造业增长11.3%。', '15家')).toBe('头部企业');
    expect(label('违规占用草原的14家煤矿企业已全部完成整改。', '14家')).toBe('煤矿企业');
    expect(label('大力培育现代装备制造、有色金属、生物医药等5个先进制造业集群。', '5个')).toBe('先进制造业集群');
  });

  it('gives a count with nothing before it its own noun, even in a list (585件人大代表建议和583件政协提案)', () => {
    const text = '提请审议法规议案36件,制定修改废止政府规章29件,585件人大代表建议和583件政协提案全部办结。';
    expect(label(text, '29件')).toBe('制定修改废止政府规章');
    expect(label(text, '585件')).toBe('人大代表建议');
    expect(label(text, '583件')).toBe('政协提案');
    expect(label('银行业不良贷款率降至最低水平;4家企业成功上市,打造平台。', '4家')).toBe('企业');
  });

  it('still pairs a 分别 list of bare counts with its subjects', () => {
    const text = '全区高新技术企业和科技型中小企业分别达到1220家、828家。组织科技重大专项47项。';
    expect([label(text, '1220家'), label(text, '828家')]).toEqual(['高新技术企业', '科技型中小企业']);
  });

  it('names a bare 万 figure by the short noun after it, and no long phrase', () => {
    const text = '特别是历经艰险成功组织逾万游客跨省护送、逾万密接分地隔离。';
    expect(figures(text).map((f) => f.label)).toEqual(['游客', '密接']);
    expect(label('在自治区党委带领下,全区2400多万各族人民一定会焕发出强大力量。', '2400多万')).not.toContain('一定');
  });

  it('names a share of the things after 的', () => {
    expect(label('持续推进数字乡村建设,全区60%以上的嘎查村实现光纤通达。', '60%以上')).toBe('嘎查村');
    // no noun that runs on into its predicate
    expect(label('企业开办“一日办结”,67.8%的政务服务事项支持全程网办。', '67.8%')).not.toContain('网办');
    expect(label('城镇新增就业17.6万人,完成年度计划的88%。', '88%')).not.toBe('');
  });

  it('takes no joiner’s clause as a noun (11条和工业、服务业…)', () => {
    const text = '推出奶业振兴9条、公路投资6条、高标准农田建设11条和工业、服务业政策包。';
    expect(label(text, '11条')).toBe('高标准农田建设');
  });
});

describe('units and kinds read from the words around them', () => {
  it('reads N位 after 排名 as a change of rank, not as people', () => {
    const rank = figure('实施进位促优倍增计划,呼和浩特高新区全国排名提升10位,高新技术企业增加。', '10位');
    expect([rank.unit, rank.kind, rank.change]).toEqual(['名次', 'change', 'increase']);
    const people = figure('引进院士5位,实现零的突破。', '5位');
    expect([people.unit, people.kind]).toEqual(['人', 'count']);
  });

  it('reads 场次 as one unit, so the qualifier after it is not lost', () => {
    const shows = figure('组织乌兰牧骑下基层演出1万场次以上。', '1万场次以上');
    expect([shows.unit, shows.qualifier, shows.interval?.lo, shows.interval?.hi]).toEqual(['场次', '以上', 10000, null]);
    expect(figure('开展民族团结政策宣讲38277场,现场接访55984次。', '38277场').unit).toBe('场');
  });

  it('reads no change in a compound like 改造提升', () => {
    const upgraded = figure('43. 改造提升11个边境旗县广播电视传输网络覆盖能力。', '11个');
    expect([upgraded.kind, upgraded.change]).toEqual(['count', null]);
    const raised = figure('居民收入提升11个百分点。', '11个百分点');
    expect([raised.kind, raised.change]).toEqual(['change', 'increase']);
  });

  it('treats 跃升 as a change word, so the rank after 跃升至 keeps the metric', () => {
    const text = '粮食总产量从全国第十位跃升至第六位,牛奶产量稳居全国第一。';
    expect(label(text, '第六位')).toBe('粮食总产量');
  });
});

describe('labels cleaned as an editor expects', () => {
  it('keeps a quoted name when nothing follows the closing quote', () => {
    expect(label('35. 新建城市“口袋公园”150个、城市绿道120公里。', '150个')).toBe('新建城市口袋公园');
    // words after the quote name the metric on their own
    expect(label('采取“四个一批”帮助基层化债近300亿元。', '近300亿元')).toBe('帮助基层化债');
  });

  it('drops a list marker opening the label', () => {
    expect(label('二、加强社会保障10件\n\n1. 新增基本养老保险参保50万人。', '10件')).toBe('加强社会保障');
  });

  it('drops 同口径 like any comparison base', () => {
    expect(label('财政科技支出同口径增长20.7%。', '20.7%')).toBe('财政科技支出');
  });

  it('gives a share opening its clause with 占 the subject of the statement before it', () => {
    const text = '全年规模以上工业中,装备制造业增加值比上年增长7.7%,占规模以上工业增加值比重为34.6%。';
    expect(label(text, '34.6%')).toBe('装备制造业增加值占规模以上工业增加值比重');
    expect(label('全区发电量增长7.7%,新能源发电量占19.2%。', '19.2%')).toBe('新能源发电量');
    // a bare 占 with nothing after it just inherits
    expect(label('下达专项资金32.77亿元,其中脱贫地区7.54亿元,占23%。', '23%')).toBe('脱贫地区');
  });
});

describe('periods and modality', () => {
  it('reads no period from a year inside a title 《…》', () => {
    const text = '编制《自治区民族团结进步创建发展规划(2021—2027年)》,组织56个全国示范单位开展自查。';
    expect(figure(text, '56个', { period: '2021' }).period).toBe('2021');
  });

  it('reads 2021—2023年 as a span of years, and 计划 before it as a plan', () => {
    const plan = figure('制定能耗预算管理办法,计划2021—2023年改造现役煤电机组1200万千瓦。', '1200万千瓦', { period: '2021' });
    expect([plan.period, plan.modality]).toEqual(['2021/2023', 'target']);
    const done = figure('2021年改造现役煤电机组300万千瓦。', '300万千瓦', { period: '2021' });
    expect([done.period, done.modality]).toEqual(['2021', 'actual']);
  });

  it('gives an appendix titled with the delivery year its year and target modality, under its own 一、 headings', () => {
    const report = [
      '政府工作报告',
      '——2023年1月12日在内蒙古自治区第十四届人民代表大会第一次会议上',
      '一、2022年工作回顾',
      '城镇新增就业20.49万人,完成全年目标任务。',
      '附件',
      '内蒙古自治区2023年43件民生实事项目及牵头责任单位',
      '一、促进群众就业增收7件',
      '1. 实施三支一扶计划,招募7500名项目人员。',
    ].join('\n\n');
    const actual = figure(report, '20.49万人', { period: '2022' });
    expect([actual.period, actual.modality]).toEqual(['2022', 'actual']);
    const plan = figure(report, '7500名', { period: '2022' });
    expect([plan.period, plan.modality, plan.label]).toEqual(['2023', 'target', '项目人员']);
  });

  it('lets no dated line act as a title (the delivery line sets no period for what follows)', () => {
    const report = ['政府工作报告', '——2023年1月12日在自治区人民代表大会上', '一、过去五年工作回顾', '五年来,57个贫困旗县全部摘帽。'].join('\n\n');
    const f = figure(report, '57个', { period: '2022' });
    expect([f.period, f.modality]).toEqual(['2018/2022', 'actual']);
  });
});
