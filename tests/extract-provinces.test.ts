/**
 * Three precision faults found on the 2025 provincial reports (corpus/gwr-2025-provinces), rebuilt
 * as small hand-made documents, each with a near miss: a programme name read as a placeholder
 * figure, plans read as outcomes, and outcomes read as targets.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFromText, type DocumentMeta } from '../src/document.js';
import { extractFigures } from './helpers/figures.js';
import { numberOf, plainString } from '../src/extract/intervals.js';
import type { Figure } from '../src/model.js';

function figures(text: string, meta: DocumentMeta = {}): Figure[] {
  return extractFigures(documentFromText(text, meta));
}

/** [raw, period, modality] of every figure, for whole-document expectations. */
function readings(text: string, meta: DocumentMeta = {}): [string, string | null, string][] {
  return figures(text, meta).map((f) => [f.raw, f.period, f.modality]);
}

describe('placeholders stand for digits only before a unit, a magnitude or %', () => {
  it('does not read a programme name ending in × as a figure', () => {
    expect(figures('深化数据资源开发利用,推进“数据要素×”行动,扩大数据流通。')).toEqual([]);
    expect(figures('实施“人工智能+”“数据要素×”行动,加快培育数据市场。')).toEqual([]);
    expect(figures('推动数据要素×行动落地。')).toEqual([]);
  });

  it('still reads × before %, a magnitude or a measure word as a placeholder', () => {
    for (const [text, raw] of [
      ['地区生产总值增长×%。', '×%'],
      ['完成投资XX亿元。', 'XX亿元'],
      ['新增就业□□万人。', '□□万人'],
      ['建成标准化厂房×个。', '×个'],
    ] as const) {
      const found = figures(text);
      expect(found.map((f) => [f.raw, f.placeholder, f.value]), text).toEqual([[raw, true, null]]);
    }
  });
});

describe('plans in a report delivered at the start of its year', () => {
  const delivery = '2025年1月13日在某省第十四届人民代表大会第三次会议上某省人民政府省长作政府工作报告\n';

  it('a heading naming the delivery year with both plan and review words opens a plan section', () => {
    const text = `2025年某省政府工作报告\n${delivery}一、2024年工作回顾\n全省地区生产总值增长5.4%。\n二、2025年目标任务和主要工作\n建设创新型省份。全社会研发经费投入增长8%左右。\n促进高质量充分就业。城镇新增就业86万人。\n`;
    expect(readings(text)).toEqual([
      ['5.4%', '2024', 'actual'],
      ['8%左右', '2025', 'target'],
      ['86万人', '2025', 'target'],
    ]);
  });

  it('the same words under a heading naming the reviewed year review it', () => {
    const text = `${delivery}一、2024年主要工作和目标完成情况\n城镇新增就业86万人。\n二、2025年工作安排\n城镇新增就业80万人。\n`;
    expect(readings(text)).toEqual([
      ['86万人', '2024', 'actual'],
      ['80万人', '2025', 'target'],
    ]);
  });

  // headings without years or plan words (福建: `二、牢记历史使命,在中国式现代化建设中奋勇争先`)
  const untitled = (line: string) =>
    `${line}\n一、牢记殷殷嘱托,在接续奋斗中取得新成效\n2024年全省地区生产总值增长5.5%。\n二、牢记历史使命,奋勇争先\n2025年是“十四五”规划收官之年。\n全力促进就业增收。城镇新增就业50万人、失业人员实现再就业10万人。\n`;

  it('a full-year figure for the delivery year of a report delivered in January is a plan', () => {
    expect(readings(untitled(delivery.trim()))).toEqual([
      ['5.5%', '2024', 'actual'],
      ['50万人', '2025', 'target'],
      ['10万人', '2025', 'target'],
    ]);
    // the delivery line with its dashes, as printed in the report itself
    expect(readings(untitled('——2025年1月13日在某省第十四届人民代表大会第三次会议上')).map((r) => r[2])).toEqual(['actual', 'target', 'target']);
  });

  it('not in a speech later in the year, nor after a dated news line that is no delivery line', () => {
    const july = readings(untitled('——2025年7月28日在某省委经济工作会议上'));
    expect(july.map((r) => r[2])).toEqual(['actual', 'actual', 'actual']);
    const news = readings(untitled('2025年1月13日,全省召开就业工作推进会。'));
    expect(news.map((r) => r[2])).toEqual(['actual', 'actual', 'actual']);
  });

  it('a partial period of the delivery year keeps its reading', () => {
    const text = `${delivery}一、2024年工作回顾\n2025年1—2月,全省规上工业增加值增长6.1%。\n`;
    expect(readings(text)).toEqual([['6.1%', '2025-01/2025-02', 'actual']]);
  });
});

describe('控制在 sets a target only for a period not over yet', () => {
  it('a plan: 城镇调查失业率控制在5.5%左右', () => {
    const [rate] = figures('2023年城镇调查失业率控制在5.5%左右。', { period: '2022' });
    expect([rate!.period, rate!.modality]).toEqual(['2023', 'target']);
  });

  it('an outcome for a past year or in a review section', () => {
    const [deficit] = figures('2022年财政赤字率控制在2.8%。', { period: '2022' });
    expect([deficit!.period, deficit!.modality]).toEqual(['2022', 'actual']);
    const review = `——2025年1月19日在某区第十二届人民代表大会第三次会议上\n一、2024年工作回顾\n城镇调查失业率控制在5.5%以内。\n`;
    expect(readings(review)).toEqual([['5.5%以内', '2024', 'actual']]);
  });
});

describe('outcomes under a review subheading that mentions targets', () => {
  const text =
    '——2025年1月19日在某自治区第十三届人民代表大会第三次会议上\n' +
    '一、2024年工作回顾\n' +
    '(一)锚定目标攻坚,经济发展实现逆势而上\n' +
    '主要目标质效齐升。全年实现地区生产总值5503亿元、增长5.4%。第一产业增加值增长6.2%、居全国第四。\n' +
    '二、2025年目标任务\n' +
    '(一)坚持以特色优势产业为支撑\n' +
    '地区生产总值增长5.5%左右。\n';

  it('reads the figures after `主要目标质效齐升` in a review section as outcomes', () => {
    expect(readings(text)).toEqual([
      ['5503亿元', '2024', 'actual'],
      ['5.4%', '2024', 'actual'],
      ['6.2%', '2024', 'actual'],
      ['第四', '2024', 'actual'],
      ['5.5%左右', '2025', 'target'],
    ]);
  });

  it('a target word still makes its own clause, or the sentence it opens with a colon, a target', () => {
    const [goal] = figures('2024年主要目标是:地区生产总值增长5%以上。', { period: '2023' });
    expect(goal!.modality).toBe('target');
    const [aim] = figures('主要目标质效齐升。全年实现地区生产总值5503亿元。', { period: '2024' });
    expect(aim!.modality).toBe('actual');
  });

  it('a subheading with a year of its own still opens a plan section under a review', () => {
    const nested =
      '——2025年1月19日在某自治区第十三届人民代表大会第三次会议上\n一、2024年工作回顾\n(一)2025年主要目标\n地区生产总值增长5.5%左右。\n';
    expect(readings(nested)).toEqual([['5.5%左右', '2025', 'target']]);
  });
});

describe('exact numbers without strings', () => {
  it('numberOf and plainString agree with decimal.js on every kind of value a figure can have', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: -25, max: 25 }), (coefficient, exponent) => {
        const d = new Decimal(`${coefficient}e${exponent}`);
        expect(plainString(d)).toBe(d.toFixed());
        expect(numberOf(d)).toBe(Number(d.toFixed()));
      }),
      { numRuns: 2000 },
    );
  });
});
