import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import type { Document, Segment } from '../src/model.js';
import { clauses, enclosing, paragraphs, sections, sectionsAt, segmentsAt, sentences } from '../src/segment/index.js';

const SEEDS = join(import.meta.dirname, '..', 'examples', 'nmg');
const load = (name: string): Document => documentFromText(readFileSync(join(SEEDS, name), 'utf8'), { path: name });
const text = (doc: Document, s: Segment): string => doc.normalized.slice(s.start, s.end);

describe('segment on the seed documents', () => {
  it('finds the 【】 entries of the yearbooks, each body twice', () => {
    const government = load('yearbook-2023-government.txt');
    const party = load('yearbook-2023-party.txt');
    const headings = (doc: Document) => doc.segments.children.filter((s) => s.kind === 'section').map((s) => s.heading!);
    // 14 entries per copy in the government yearbook (the seed README says 15: its second entry
    // 【“五大任务”落实】 runs over two lines, the second without a heading), 10 in the party one.
    const g = headings(government);
    expect(g).toHaveLength(28);
    expect(g.slice(0, 14)).toEqual(g.slice(14));
    expect(g[0]).toBe('【各项事业全面发展】');
    const p = headings(party);
    expect(p).toHaveLength(20);
    expect(p.slice(0, 10)).toEqual(p.slice(10));
    for (const section of government.segments.children.filter((s) => s.kind === 'section')) {
      expect(section.headingKind).toBe('bracket');
      expect(section.level).toBe(1);
      // The heading and its text share a line: the paragraph starts after the heading.
      const first = section.children[0]!;
      expect(first.kind).toBe('paragraph');
      expect(text(government, first)).toMatch(/^2022年/);
    }
    // The continuation line belongs to the entry before it.
    const second = government.segments.children.filter((s) => s.kind === 'section')[1]!;
    expect(second.children.filter((s) => s.kind === 'paragraph')).toHaveLength(2);
  });

  it('finds the report headings, nested by kind', () => {
    const report2022 = load('work-report-2022.txt');
    const top = [...sections(report2022.segments)].filter((s) => s.level === 1);
    expect(top.map((s) => s.heading)).toEqual([
      '——2022年1月21日在内蒙古自治区第十三届人民代表大会第六次会议上',
      '一、“十四五”开局起步之年的工作回顾',
      '二、2022年经济社会发展的目标要求',
      '三、今年政府工作的主要任务',
      '四、全面提升政府治理能力和水平',
    ]);
    const third = top[3]!;
    const subsections = third.children.filter((s) => s.kind === 'section');
    expect(subsections).toHaveLength(7);
    expect(subsections.every((s) => s.headingKind === 'parenthesized' && s.level === 2)).toBe(true);
    expect(subsections[0]!.heading).toMatch(/^\(一\)着力扩投资促消费防风险/);

    const report2023 = load('work-report-2023.txt');
    const headings2023 = [...sections(report2023.segments)].filter((s) => s.headingKind === 'chinese-numeral').map((s) => s.heading);
    expect(headings2023.slice(0, 3)).toEqual(['一、过去五年工作回顾', '二、关于今后五年发展', '三、2023年重点工作任务']);
    const dated = [...sections(report2023.segments)].filter((s) => s.headingKind === 'dated-line');
    expect(dated.map((s) => s.heading)).toEqual(['——2023年1月12日在内蒙古自治区第十四届人民代表大会第一次会议上']);
  });

  it('finds the rectification items 1.–23. inside their subsection', () => {
    const doc = load('rectification-2021.txt');
    const items = [...sections(doc.segments)].filter((s) => s.headingKind === 'arabic-item');
    expect(items.map((s) => Number(/^\d+/.exec(s.heading!)![0]))).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(items[0]!.heading).toBe('1.全面加强和改进民族工作');
    expect(items.every((s) => s.level === 2)).toBe(true);
    // The item's paragraph leaves out the `1.` marker.
    const paragraph = items[0]!.children[0]!;
    expect(text(doc, paragraph)).toMatch(/^全面加强和改进民族工作。一是全面落实主体责任。/);
    // The chain of sections around a figure in item 5.
    const at = doc.normalized.indexOf('严控单位地区生产总值能耗') + 3;
    expect(sectionsAt(doc.segments, at).map((s) => s.heading)).toEqual([
      '(一)坚持党的全面领导,坚决贯彻落实党的路线方针政策和党中央重大决策部署',
      '5.严控单位地区生产总值能耗,降低二氧化碳排放',
    ]);
  });

  it('keeps boilerplate lines out of the tree', () => {
    const doc = load('work-report-2023.txt');
    for (const chrome of doc.boilerplate) {
      expect(segmentsAt(doc.segments, chrome.start).map((s) => s.kind)).toEqual(['document']);
    }
    const rectification = load('rectification-2021.txt');
    const last = [...paragraphs(rectification.segments)].pop()!;
    expect(text(rectification, last)).not.toMatch(/Copyright/);
  });

  it('spans nest and follow text order', () => {
    for (const name of ['work-report-2022.txt', 'work-report-2023.txt', 'rectification-2021.txt', 'yearbook-2023-party.txt']) {
      const doc = load(name);
      const check = (parent: Segment): void => {
        let previous = parent.start;
        for (const child of parent.children) {
          expect(child.start).toBeGreaterThanOrEqual(previous);
          expect(child.end).toBeLessThanOrEqual(parent.end);
          expect(child.end).toBeGreaterThan(child.start);
          previous = child.end;
          check(child);
        }
      };
      check(doc.segments);
      // No sentence or clause starts or ends with a space.
      for (const s of [...sentences(doc.segments), ...clauses(doc.segments)]) {
        expect(text(doc, s)).toBe(text(doc, s).trim());
      }
    }
  });
});

describe('segment: sentences and clauses', () => {
  const doc = documentFromText(
    '全区生产总值达到1,234亿元,增长4.2%;发布时间11:29。\n4.2亿元用于民生,“两率先”、“两超过”目标。“好!”他说。\n\n《关于加快发展,推进改革的意见》印发。',
  );
  const sentenceTexts = [...sentences(doc.segments)].map((s) => text(doc, s));
  const clauseTexts = (sentence: number) => [...sentences(doc.segments)][sentence]!.children.map((c) => text(doc, c));

  it('ends sentences at 。!?; and line ends, keeping the mark and closing quotes', () => {
    expect(sentenceTexts).toEqual([
      '全区生产总值达到1,234亿元,增长4.2%;',
      '发布时间11:29。',
      '4.2亿元用于民生,“两率先”、“两超过”目标。',
      '“好!”',
      '他说。',
      '《关于加快发展,推进改革的意见》印发。',
    ]);
  });

  it('splits clauses at , 、 : but not inside numbers or book titles', () => {
    expect(clauseTexts(0)).toEqual(['全区生产总值达到1,234亿元', '增长4.2%']);
    expect(clauseTexts(1)).toEqual(['发布时间11:29']);
    expect(clauseTexts(2)).toEqual(['4.2亿元用于民生', '“两率先”', '“两超过”目标']);
    expect(clauseTexts(5)).toEqual(['《关于加快发展,推进改革的意见》印发']);
  });

  it('does not read 4.2 at a line start as an item, and a line is a paragraph', () => {
    expect([...sections(doc.segments)]).toEqual([]);
    expect([...paragraphs(doc.segments)]).toHaveLength(3);
  });

  it('finds the innermost enclosing segment of a kind', () => {
    const at = doc.normalized.indexOf('234');
    expect(text(doc, enclosing(doc.segments, at, 'clause')!)).toBe('全区生产总值达到1,234亿元');
    expect(text(doc, enclosing(doc.segments, at, 'paragraph')!)).toBe('全区生产总值达到1,234亿元,增长4.2%;发布时间11:29。');
    expect(enclosing(doc.segments, at, 'section')).toBeUndefined();
  });

  it('nests 一、 > (一) > 1. and closes sections at a heading of the same rank', () => {
    const d = documentFromText('一、总体\n(一)产业\n1.工业\n增长5%\n2.农业\n(二)民生\n二、附则\n【条目】 正文');
    const outline = [...sections(d.segments)].map((s) => `${s.level}:${s.heading}`);
    expect(outline).toEqual(['1:一、总体', '2:(一)产业', '3:1.工业', '3:2.农业', '2:(二)民生', '1:二、附则', '1:【条目】']);
    const at = d.normalized.indexOf('5%');
    expect(sectionsAt(d.segments, at).map((s) => s.heading)).toEqual(['一、总体', '(一)产业', '1.工业']);
  });
});
