/**
 * Issue 9 §3: metric identity in reports of another era (the 1978–1988 work reports' shapes, made-up sentences):
 * the plan-era indicators (工农业总产值, 国民收入, output of named products) each their own fact, parts kept apart
 * from their whole; years written in Chinese digits are time, not label; `递增` is a change; a comparison with a
 * named year framing a sentence is the base of its changes; a label made only of scope words names nothing of its
 * own; a target of one period set by two plans in two documents is a plan revised, not a mismatch.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/pipeline.js';
import { autoIdentity } from '../src/checks/align.js';
import { measureOf } from '../src/meaning/metric.js';
import { consistent } from '../src/checks/compare.js';
import { coreRules } from '../src/rules/load.js';
import { figureOfText, figuresOfText } from './helpers/figures.js';
import type { Figure } from '../src/model.js';

const dir = mkdtempSync(join(tmpdir(), 'figcheck-era-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The figures of a made-up text, and the one written `raw`, as the pipeline reads them (extract, then meaning). */
const figuresOf = (text: string) => figuresOfText(text, { path: 'statement.txt' });
const figure = (text: string, raw: string) => figureOfText(text, raw, { path: 'statement.txt' });

const identity = (f: Figure) => autoIdentity(f, coreRules())?.id ?? null;

describe('indicators of the plan era resolve, each its own fact', () => {
  it.each([
    ['一九七九年工农业总产值比上年增长百分之八点五。', '百分之八点五', 'gross-agri-industrial-output'],
    ['农业总产值增长百分之四。', '百分之四', 'gross-agricultural-output'],
    ['工业总产值增长百分之六。', '百分之六', 'gross-industrial-output'],
    ['轻工业总产值比上年增长9.6％。', '9.6％', 'light-industry-output'],
    ['重工业产值增长百分之三。', '百分之三', 'heavy-industry-output'],
    ['国民收入比上年增长7％。', '7％', 'national-income'],
    ['国民生产总值增长百分之六。', '百分之六', 'gnp'],
    ['社会总产值增长百分之三十三点六。', '百分之三十三点六', 'gross-social-product'],
    ['基本建设投资总额控制在500亿元。', '500亿元', 'capital-construction-investment'],
    ['全民所有制单位固定资产投资总额为三千六百亿元。', '三千六百亿元', 'state-sector-fixed-asset-investment'],
    ['全国职工的工资总额为七百七十三亿元。', '七百七十三亿元', 'wage-bill'],
    ['职工的年平均工资达到705元。', '705元', 'average-wage'],
    ['全国高等学校招生数为二十八万人。', '二十八万人', 'college-enrolment'],
    ['人口自然增长率降到千分之十左右。', '千分之十左右', 'natural-growth-rate'],
  ])('%s → %s', async (text, raw, metric) => {
    expect((await figure(text, raw)).metric).toBe(metric);
  });

  it('a part is not its whole: GNP is not GDP, 国民收入 is not 国民总收入, light industry is not industry', async () => {
    const ids = await Promise.all([
      figure('国民生产总值增长百分之六。', '百分之六'),
      figure('国内生产总值增长百分之六。', '百分之六'),
      figure('国民收入增长百分之六。', '百分之六'),
      figure('国民总收入增长百分之六。', '百分之六'),
      figure('工业总产值增长百分之六。', '百分之六'),
      figure('轻工业总产值增长百分之六。', '百分之六'),
      figure('工农业总产值增长百分之六。', '百分之六'),
    ]).then((figures) => figures.map(identity));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('products named bare in a list of outputs are their output; cotton yarn is a part of yarn', async () => {
    const figures = await figuresOf('到一九八五年，棉花三百六十万吨，增长百分之三十三；纱三百五十九万吨；棉纱二百万吨；原煤七亿吨；钢三千九百万吨；发电量三千六百二十亿度。');
    const metric = (raw: string) => figures.find((f) => f.raw === raw)?.metric;
    expect(metric('三百六十万吨')).toBe('cotton-output');
    expect(metric('百分之三十三')).toBe('cotton-output');
    expect(metric('三百五十九万吨')).toBe('yarn-output');
    expect(metric('二百万吨')).toBe('cotton-yarn-output');
    expect(metric('七亿吨')).toBe('raw-coal-output');
    expect(metric('三千九百万吨')).toBe('steel-output');
    expect(metric('三千六百二十亿度')).toBe('power-generation');
  });

  it('grain in 斤 and in 吨 is one quantity, compared in one unit', async () => {
    const jin = await figure('到一九八五年，粮食产量达到八千亿斤。', '八千亿斤');
    const dun = await figure('到一九八五年，全国粮食产量计划达到三亿六千万吨。', '三亿六千万吨');
    expect(jin.unit).toBe('吨');
    expect(identity(jin)).toBe(identity(dun));
    // 8000亿斤 is 4亿吨: two values
    expect(consistent(jin, dun, coreRules().consistency)).toBe(false);
  });

  it('cotton in 担 (100 斤) is cotton in 吨: one unit, one fact', async () => {
    const dan = await figure('棉花产量达到四千三百万担。', '四千三百万担');
    const dun = await figure('棉花产量二百一十五万吨。', '二百一十五万吨');
    expect([dan.unit, dan.value]).toEqual(['吨', 2_150_000]);
    expect(identity(dan)).toBe(identity(dun));
    expect(consistent(dan, dun, coreRules().consistency)).toBe(true);
  });

  it('a unit outside the lexicon\'s family is never compared with it', async () => {
    const bales = await figure('棉花产量达到四千三百万包。', '四千三百万');
    const dun = await figure('棉花产量二百一十五万吨。', '二百一十五万吨');
    expect(identity(bales)).not.toBe(identity(dun));
  });
});

describe('years in Chinese digits are time, not label', () => {
  it('a comparison of two years written in Chinese digits leaves the name (工业总产值一九七七年比一九七六年增长…)', async () => {
    const f = await figure('工业总产值一九七七年比一九七六年增长百分之十四点三。', '百分之十四点三');
    expect(f.label).toBe('工业总产值');
    // (a year's change against the year before is the year's own change: no base year of another fact)
    expect(f.metric).toBe('gross-industrial-output');
  });

  it('a year ending in 五 is no span of five years: nothing of it is left as a label', async () => {
    const f = await figure('今后要继续努力使它逐年下降，一九八五年要降到千分之五左右。', '千分之五左右');
    expect(f.label ?? '').not.toMatch(/[一九八]/u);
    expect(identity(f)).toBeNull();
  });

  it('a base year in Chinese digits and in Arabic ones is one base', async () => {
    const a = await figure('粮食产量比一九八○年增长百分之十二点三。', '百分之十二点三');
    const b = await figure('粮食产量比1980年增长12.3%。', '12.3%');
    expect(a.metric).toBe('grain-output@since-1980');
    expect(b.metric).toBe('grain-output@since-1980');
  });
});

describe('changes and their scope', () => {
  it('递增 states a change (`平均每年递增百分之四`)', async () => {
    const f = await figure('农业总产值平均每年递增百分之四。', '百分之四');
    expect([f.kind, f.change, f.metric]).toEqual(['change', 'increase', 'gross-agricultural-output@per-year']);
  });

  it('a label made only of scope words is the indicator just stated, with the scope: not the total growth', async () => {
    const figures = await figuresOf('在这个期间，我国工农业总产值计划增长百分之二十一点七，平均每年递增百分之四。');
    const total = figures.find((f) => f.raw === '百分之二十一点七')!;
    const yearly = figures.find((f) => f.raw === '百分之四')!;
    expect(total.metric).toBe('gross-agri-industrial-output');
    expect(yearly.metric).toBe('gross-agri-industrial-output@per-year');
    expect(identity(yearly)).not.toBe(identity(total));
  });

  it('a label made only of scope words with nothing stated before names nothing: never aligned by label', async () => {
    const f = await figure('大庆在十七年间平均每年增长百分之二十八。', '百分之二十八');
    expect(identity(f)).toBeNull();
  });

  it('a comparison with a named year framing a sentence is the base of each change after it', async () => {
    const figures = await figuresOf('一九八二年预计同一九八○年比较，原煤增长百分之零点二，原油下降百分之四点五。一九八二年同一九七八年相比，原煤增长百分之二十八。一九八一年比一九八○年，原煤增长百分之三。');
    const metric = (raw: string) => figures.find((f) => f.raw === raw)?.metric;
    // (dated as the span since the base year, 1981/1982 and 1979/1982, the change is the span's own: the base year
    // says nothing more)
    const dated = (raw: string) => { const f = figures.find((g) => g.raw === raw)!; return `${f.metric}|${f.period}`; };
    expect(dated('百分之零点二')).toBe('raw-coal-output|1981/1982');
    expect(dated('百分之四点五')).toBe('crude-oil-output|1981/1982');
    expect(dated('百分之二十八')).toBe('raw-coal-output|1979/1982');
    // (against the year before: the year's own change)
    expect(metric('百分之三')).toBe('raw-coal-output');
  });

  it('a clause naming its own base is not framed by the sentence (比上年)', async () => {
    const f = await figure('一九八二年同一九七八年相比，原煤比上年增长百分之零点二。', '百分之零点二');
    expect(f.metric).toBe('raw-coal-output');
  });

  it('a figure with no subject in the sentence of a statement refers to it: the plan and the outcome are one indicator', async () => {
    const figures = await figuresOf('工农业总产值的增长速度，一九八一年计划为百分之三点七，实际达到百分之四点六；一九八二年计划为百分之四，预计可以达到百分之六点四。');
    const of = (raw: string) => figures.find((f) => f.raw === raw)!;
    for (const raw of ['百分之三点七', '百分之四点六', '百分之四', '百分之六点四']) {
      expect([raw, of(raw).metric, of(raw).kind]).toEqual([raw, 'gross-agri-industrial-output', 'change']);
    }
  });

  it('the outcome set against a plan in one sentence is of the plan\'s subject; the target check pairs them', async () => {
    const figures = await figuresOf('一九七九年计划建成投产大中型项目118个，实际建成128个。');
    expect(figures.map((f) => f.label)).toEqual(['建成投产大中型项目', '建成投产大中型项目']);
    expect(figures.map((f) => identity(f))).toEqual([identity(figures[0]!), identity(figures[0]!)]);
  });

  it('a start value after a year in Chinese digits takes the subject before its start word', async () => {
    const f = await figure('到一九八二年，积累率由一九七八年的百分之三十六点五调整到百分之二十九。', '百分之三十六点五');
    expect(f.metric).toBe('accumulation-rate');
  });

  it('an adverb opening a start value\'s clause names nothing: the sentence\'s subject before it does', async () => {
    const f = await figure('积累所占的比重，相应地由36.5％降到30％左右。', '36.5％');
    expect(f.metric).toBe('accumulation-rate');
  });
});

describe('a target of one period set by two plans', () => {
  async function run(name: string, first: string, second: string) {
    writeFileSync(join(dir, `${name}-a.txt`), first);
    writeFileSync(join(dir, `${name}-b.txt`), second);
    writeFileSync(join(dir, `${name}.yaml`), `documents:\n  - { id: a, path: ${name}-a.txt, period: "1978" }\n  - { id: b, path: ${name}-b.txt, period: "1982" }\n`);
    return check([], { config: join(dir, `${name}.yaml`), cwd: dir });
  }

  it('two plans setting the year\'s output differently are a plan and its revision: no mismatch, not compared', async () => {
    const result = await run('revised', '政府工作报告\n按照十年规划，到一九八五年，粮食产量达到八千亿斤。\n', '政府工作报告\n到一九八五年，全国粮食产量计划达到三亿六千万吨。\n');
    expect(result.findings.filter((f) => f.rule === 'figure-mismatch')).toEqual([]);
    expect(result.comparisons.filter((c) => c.statements.length > 1)).toEqual([]);
  });

  it('a target quoted as set before, with another value, is still a mismatch', async () => {
    const result = await run('quoted', '政府工作报告\n到一九八五年，粮食产量达到八千亿斤。\n', '政府工作报告\n原定到一九八五年粮食产量的目标为三亿六千万吨。\n');
    expect(result.findings.filter((f) => f.rule === 'figure-mismatch')).toHaveLength(1);
  });
});

describe('a count of people written before the people it counts', () => {
  it('a bare number before 农民 counts people, as its indicator does: one fact with a count in 人', async () => {
    const outcome = await figure('农村饮水安全工程使6069万农民受益。', '6069万');
    const target = await figure('再解决6000万人安全饮水问题。', '6000万人');
    expect([outcome.metric, measureOf(outcome).unit, measureOf(outcome).kind]).toEqual(['rural-drinking-water', '人', 'count']);
    // (the figure's own unit stays what its text says)
    expect(outcome.unit).toBeNull();
    expect(identity(outcome)).toBe(identity(target));
  });

  it('an amount before a people noun whose indicator is no count of people keeps its reading', async () => {
    const f = await figure('粮食产量达到6069万农民的口粮。', '6069万');
    expect(measureOf(f).unit).not.toBe('人');
  });
});

describe('start and end values in the wording of the 1980s', () => {
  it('an end value after a year in Chinese digits is the level reached, not a change', async () => {
    const f = await figure('全国高等学校由一九八○年的六百七十五所增加到一九八二年的七百二十九所。', '七百二十九所');
    expect([f.kind, f.change]).toEqual(['count', null]);
  });

  it('a start value whose subject stands before a year and 从 is of that subject', async () => {
    const f = await figure('到一九八五年全日制高等学校招生数将从一九八○年的二十八万人增加到四十万人。', '二十八万人');
    expect(f.metric).toBe('college-enrolment');
  });

  it('要求 before a subject is who set it: the subject resolves', async () => {
    const f = await figure('一九八二年的计划，要求工农业总产值的增长速度达到４％。', '４％');
    expect([f.metric, f.kind]).toEqual(['gross-agri-industrial-output', 'change']);
  });
});

describe('a start value and its end value', () => {
  it('are never two statements of one fact, whatever period the start value was given', async () => {
    const [start, end] = await figuresOf('1979年人口自然增长率由上年的1.2％下降到1.17％。');
    expect([start!.metric, end!.metric]).toEqual(['natural-growth-rate', 'natural-growth-rate']);
    if (start!.period === end!.period) expect(identity(start!)).toBeNull();
    expect(identity(end!)).not.toBeNull();
  });
});

describe('scopes of a start value\'s clause', () => {
  it('an end value is in the clause of its start value: 年末 applies to both, not the year\'s average', async () => {
    const figures = await figuresOf('城镇新增就业42.3万人，年末城镇调查失业率从上半年5.5%降到5.3%。');
    const end = figures.find((f) => f.raw === '5.3%')!;
    expect(end.metric).toBe('surveyed-unemployment-rate@year-end');
    const average = await figure('城镇调查失业率5.5%左右。', '5.5%左右');
    expect(identity(end)).not.toBe(identity(average));
  });
});

describe('a part left out of a sentence\'s figures', () => {
  it('扣除…后 makes another scope of the figures after it; 扣除价格因素 is growth at comparable prices', async () => {
    const excluding = await figure('扣除房地产开发投资后，固定资产投资增长2.7%。', '2.7%');
    const target = await figure('固定资产投资增长5%左右。', '5%左右');
    expect(excluding.metric).toBe('fixed-asset-investment@excluding');
    expect(identity(excluding)).not.toBe(identity(target));
    const real = await figure('扣除价格因素，农村居民人均可支配收入增长6.6%。', '6.6%');
    expect(real.metric).not.toContain('excluding');
    // (a series named with what it leaves out, in brackets, frames nothing after it)
    const figures = await figuresOf('全国固定资产投资（不含农户）503036亿元，比上年增长3.0%，其中民间投资增长0.4%。');
    expect(figures.map((f) => f.metric ?? '').join(' ')).not.toContain('excluding');
  });
});
