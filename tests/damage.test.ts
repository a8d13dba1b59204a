/**
 * Damaged text, placeholders and boilerplate: the damage helpers and the checks encoding-damage,
 * placeholder and boilerplate, on small hand-made documents (hits and near misses) and the seeds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boilerplateCheck } from '../src/checks/boilerplate.js';
import { encodingDamageCheck } from '../src/checks/encoding-damage.js';
import { placeholderCheck } from '../src/checks/placeholder.js';
import { CHECKS } from '../src/checks/registry.js';
import { createCheckContext } from '../src/checks/context.js';
import type { CheckContext, CheckModule } from '../src/checks/types.js';
import { damagedSpans, markDamagedFigures, placeholderSpans } from '../src/damage/index.js';
import { documentFromText } from '../src/document.js';
import { extractFigures } from './helpers/figures.js';
import type { Document, Figure, Locale } from '../src/model.js';
import { coreRules, parseRuleFile } from '../src/rules/load.js';

const EXAMPLES = join(import.meta.dirname, '..', 'examples', 'nmg');

function context(documents: Document[], figures: Figure[] = [], locale: Locale = 'en'): CheckContext {
  return createCheckContext(documents, figures, coreRules(), locale, new Map());
}

function run(module: CheckModule, documents: Document[], figures: Figure[] = [], locale: Locale = 'en') {
  return module.run(context(documents, figures, locale), { type: module.type });
}

/** A figure as the extractor would give it, for the text `raw` at its first occurrence. */
function figureAt(doc: Document, raw: string): Figure {
  const start = doc.normalized.indexOf(raw);
  if (start < 0) throw new Error(`no ${raw} in the text`);
  const end = start + raw.length;
  return {
    document: doc.id,
    raw,
    exact: null,
    value: null,
    unit: null,
    interval: null,
    qualifier: null,
    kind: 'level',
    change: null,
    label: '',
    period: null,
    modality: 'actual',
    placeholder: false,
    span: { start, end },
    location: doc.locate(start, end),
  };
}

function seed(name: string, id: string): Document {
  return documentFromText(readFileSync(join(EXAMPLES, name), 'utf8'), { id, path: `examples/nmg/${name}` });
}

describe('damagedSpans', () => {
  it('finds a ? that replaced a digit and marks the figure touching it unreliable', () => {
    const doc = documentFromText('改造燃气、供水、排水、供热等老化管?500公里。新建体育公园36个。', { id: 'a' });
    const spans = damagedSpans(doc);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ kind: 'question-mark', text: '?' });
    const damaged = figureAt(doc, '500公里');
    const intact = figureAt(doc, '36个');
    markDamagedFigures([damaged, intact], [doc]);
    expect(damaged.unreliable).toMatch(/damaged text "\?"/);
    expect(intact.unreliable).toBeUndefined();
  });

  it('finds a replacement character inside a number', () => {
    const doc = documentFromText('地区生产总值增长4.\uFFFD%,居全国前列。', { id: 'b' });
    const spans = damagedSpans(doc);
    expect(spans.map((s) => s.kind)).toEqual(['replacement-char']);
    const figure = figureAt(doc, '4.');
    markDamagedFigures([figure], [doc]);
    expect(figure.unreliable).toBeDefined();
  });

  it('reads double-encoded pinyin as one mojibake run, in a Traditional document with pinyin', () => {
    const doc = documentFromText('政府工作的首要職責(zé)就是把這些目標(biāo)任務(wù)落到實處、變?yōu)楝F(xiàn)實,重中之重。', { id: 'c' });
    const spans = damagedSpans(doc);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.kind).toBe('mojibake');
    expect(spans[0]!.text).toContain('?yōu)楝F');
    // The ordinary pinyin annotations are not damage.
    expect(spans[0]!.text).not.toContain('職責');
  });

  it('finds control characters and UTF-8 read as Latin-1', () => {
    const doc = documentFromText('全年\u0007粮食产量增长ã€‚3.2%,å¢žé•¿明显。', { id: 'd' });
    expect(damagedSpans(doc).map((s) => s.kind)).toEqual(['control', 'mojibake', 'mojibake']);
  });

  it('leaves real question marks, policy names and pinyin alone', () => {
    const texts = [
      '怎么办？我们必须加快发展。', // full-width question mark
      '发展为了什么?我们的回答是为了人民。', // an ASCII question mark ending a real question
      '实施“数据要素×”行动,扩大数据开放。', // × in a policy name, before a closing quote
      '當(dāng)前經(jīng)濟運行總體平穩(wěn)。', // well-formed pinyin annotations
      '详见 www.example.com/a?b=1 网页', // ASCII ? outside Chinese prose
    ];
    for (const text of texts) expect(damagedSpans(documentFromText(text, { id: text })), text).toEqual([]);
  });

  it('finds no damage in the four clean seeds', () => {
    for (const [name, id] of [
      ['yearbook-2023-government.txt', 'yearbook-gov'],
      ['yearbook-2023-party.txt', 'yearbook-party'],
      ['work-report-2022.txt', 'report-2022'],
      ['rectification-2021.txt', 'rectification-2021'],
    ] as const) {
      expect(damagedSpans(seed(name, id)), name).toEqual([]);
    }
  });
});

describe('encoding-damage check', () => {
  const report = seed('work-report-2023.txt', 'report-2023');

  it('reports the lost digit of 老化管?500公里 and names the unreliable figure', () => {
    const figures = extractFigures(report);
    markDamagedFigures(figures, [report]);
    const findings = run(encodingDamageCheck, [report], figures);
    const lost = findings.find((f) => f.locations[0]!.line === 125 && f.locations[0]!.text === '?');
    expect(lost, 'a finding on the ? before 500公里').toBeDefined();
    expect(lost!.severity).toBe('warning');
    expect(lost!.message).toMatch(/lost/);
    expect(lost!.message).toMatch(/500公里.*unreliable/);
    const figure = figures.find((f) => f.raw.includes('500公里') && f.location.line === 125 && f.location.column > 20);
    expect(figure?.unreliable).toBeDefined();
  });

  it('reports the double-encoded pinyin 變?yōu)楝F as one garbled run', () => {
    const findings = run(encodingDamageCheck, [report]);
    const garbled = findings.filter((f) => f.locations[0]!.line === 69);
    expect(garbled).toHaveLength(1);
    expect(garbled[0]!.locations[0]!.text).toContain('?yōu)楝F');
    expect(garbled[0]!.message).toMatch(/^garbled text/);
    // Each damaged run once: far fewer findings than question marks in the file.
    const questionMarks = report.original.split('?').length - 1;
    expect(findings.length).toBeGreaterThan(10);
    expect(findings.length).toBeLessThan(questionMarks);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
  });

  it('speaks Chinese', () => {
    const doc = documentFromText('老化管?500公里。', { id: 'zh' });
    expect(run(encodingDamageCheck, [doc], [], 'zh-CN')[0]!.message).toMatch(/解码时丢失/);
  });
});

describe('placeholder check', () => {
  const hits: [string, string][] = [
    ['地区生产总值增长×%。', '×'],
    ['全年引进到位资金XX亿元。', 'XX'],
    ['服务业增加值占比□□%。', '□□'],
    ['城镇新增就业〇〇万人。', '〇〇'],
    ['居民收入增长X.X%。', 'X.X'],
    ['全年固定资产投资增长%。', '%'],
    ['全区社会消费品零售总额达到亿元。', '亿元'],
  ];
  for (const [text, found] of hits) {
    it(`finds ${text}`, () => {
      const doc = documentFromText(text, { id: text });
      const findings = run(placeholderCheck, [doc]);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.locations[0]!.text).toBe(found);
      expect(findings[0]!.severity).toBe('warning');
    });
  }

  it('says which part is missing', () => {
    const [token] = run(placeholderCheck, [documentFromText('增长×%', { id: 'x' })]);
    const [bare] = run(placeholderCheck, [documentFromText('增长%', { id: 'y' })]);
    expect(token!.message).toBe('placeholder "增长×": the number is not filled in');
    expect(bare!.message).toBe('"增长%": a unit with no number (unfinished draft?)');
  });

  const nearMisses = [
    '建成2×35万千瓦机组。', // a multiplication
    '配备X射线安检设备。', // X-ray
    '二〇〇八年以来,人口增长5%。', // a year in Chinese numerals
    '新开工亿元以上项目300个。', // 亿元以上 is a class of projects
    '年产值突破亿元大关。', // a round hundred million
    '主要指标比重(%)见下表。', // a table heading
    '物价涨幅提高几个百分点。', // a vague but stated number
    '一批农户成为万元户。', // a set phrase
    '增长5%、XX技术', // XX not before a unit
  ];
  for (const text of nearMisses) {
    it(`leaves ${text} alone`, () => {
      expect(placeholderSpans(documentFromText(text, { id: text }))).toEqual([]);
    });
  }

  it('reports a placeholder figure from the extractor that the text patterns do not cover', () => {
    const doc = documentFromText('全年完成投资若干亿元。', { id: 'p' });
    const figure = { ...figureAt(doc, '若干亿元'), placeholder: true };
    const findings = run(placeholderCheck, [doc], [figure]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.locations[0]!.text).toBe('若干亿元');
  });

  it('finds nothing in the seeds', () => {
    const docs = [
      seed('yearbook-2023-government.txt', 'yearbook-gov'),
      seed('work-report-2022.txt', 'report-2022'),
      seed('work-report-2023.txt', 'report-2023'),
      seed('rectification-2021.txt', 'rectification-2021'),
    ];
    expect(run(placeholderCheck, docs)).toEqual([]);
  });

  it('takes its patterns from the rule files', () => {
    const extra = parseRuleFile('extra.yaml', "version: 1\nplaceholders:\n  tokens: ['▲▲']\n");
    const rules = { ...coreRules(), placeholders: { ...(coreRules().placeholders as object), ...(extra.placeholders as object) } };
    const doc = documentFromText('增长▲▲%,增长×%', { id: 'r' });
    expect(placeholderSpans(doc, rules).map((s) => s.text)).toEqual(['▲▲']);
  });
});

describe('boilerplate check', () => {
  it('reports the web chrome of the 2023 report as info, each line once', () => {
    const report = seed('work-report-2023.txt', 'report-2023');
    expect(report.boilerplate.length).toBeGreaterThan(0);
    const findings = run(boilerplateCheck, [report]);
    expect(findings).toHaveLength(report.boilerplate.length);
    expect(findings.every((f) => f.severity === 'info')).toBe(true);
    expect(findings[0]!.locations[0]!.line).toBe(1);
    expect(findings[0]!.message).toMatch(/web page chrome .*首頁/);
  });
});

describe('registry', () => {
  it('registers the four checks, on by default', () => {
    for (const type of ['duplicates', 'placeholder', 'encoding-damage', 'boilerplate']) {
      const module = CHECKS.find((c) => c.type === type);
      expect(module?.onByDefault, type).toBe(true);
    }
  });
});
