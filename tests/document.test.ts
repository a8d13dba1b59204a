import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument, documentFromText } from '../src/document.js';
import { InputError } from '../src/model.js';

const SEEDS = join(import.meta.dirname, '..', 'examples', 'nmg');

describe('documentFromText', () => {
  it('fills the Document fields', () => {
    const doc = documentFromText('經濟增長６％。', { id: 'a', period: '2022', status: 'final', path: 'a.txt' });
    expect(doc).toMatchObject({ id: 'a', path: 'a.txt', format: 'txt', encoding: 'UTF-8', script: 'traditional', period: '2022', status: 'final' });
    expect(doc.original).toBe('經濟增長６％。');
    expect(doc.normalized).toBe('经济增长6%。');
    expect(doc.segments.kind).toBe('document');
    expect(doc.segments.children[0]!.kind).toBe('paragraph');
  });

  it('defaults the id to the path and leaves period and status unset', () => {
    const doc = documentFromText('增长5%');
    expect(doc.id).toBe(doc.path);
    expect('period' in doc).toBe(false);
    expect('status' in doc).toBe(false);
  });

  it('locates a figure after removed pinyin on the original line and column', () => {
    const original = '各位代表:\r\n新建(jiàn)學(xué)校57個(gè),投資（zī）1.5億元。\r\n';
    const doc = documentFromText(original);
    expect(doc.normalized).toBe('各位代表:\n新建学校57个,投资1.5亿元。\n');
    const start = doc.normalized.indexOf('57个');
    const location = doc.locate(start, start + 3);
    // The annotation after 個 is not part of the figure's location.
    expect(location).toMatchObject({ line: 2, column: 16, endLine: 2, endColumn: 19, text: '57個' });
    const money = doc.normalized.indexOf('1.5亿元');
    expect(doc.locate(money, money + 5).text).toBe('1.5億元');
    expect(doc.toOriginal(money)).toEqual({ line: 2, column: original.split('\r\n')[1]!.indexOf('1.5') + 1 });
  });

  it('locates text in the work-report-2023 seed through pinyin and Traditional script', () => {
    const original = readFileSync(join(SEEDS, 'work-report-2023.txt'), 'utf8');
    const doc = documentFromText(original, { path: 'work-report-2023.txt' });
    const at = doc.normalized.indexOf('力争并网装机2500万千瓦以上');
    const location = doc.locate(at, at + '力争并网装机2500万千瓦以上'.length);
    expect(location.line).toBe(7);
    expect(location.text).toBe(original.slice(doc.originalOffset(at), doc.originalOffset(at) + location.text!.length));
    expect(location.text!.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '')).toBe('力爭并網裝機2500萬千瓦以上');
  });
});

describe('buildDocument', () => {
  it('maps locations into the HTML markup through the read stage offsets', () => {
    const original = '<p>增長<b>６</b>％</p>\n<p>第二段</p>';
    const text = '增長６％\n第二段';
    const textOffsets = Int32Array.from([3, 4, 8, 13, 18, 22, 23, 24, 25]);
    const doc = buildDocument({ path: 'a.html', format: 'html', encoding: 'UTF-8', original, text, textOffsets }, { id: 'html' });
    expect(doc.normalized).toBe('增长6%\n第二段');
    expect(doc.locate(2, 4)).toMatchObject({ line: 1, column: 9, endLine: 1, endColumn: 15, text: '６</b>％' });
    expect(doc.locate(5, 8)).toMatchObject({ line: 2, column: 4, text: '第二段' });
    expect(doc.segments.children.filter((s) => s.kind === 'paragraph')).toHaveLength(2);
  });

  it('throws an InputError naming the file for an inconsistent read-stage map', () => {
    const decoded = { path: 'broken.html', format: 'html' as const, encoding: 'UTF-8', original: '<p>ab</p>', text: 'ab', textOffsets: Int32Array.from([3, 4]) };
    expect(() => buildDocument(decoded)).toThrow(InputError);
    expect(() => buildDocument(decoded)).toThrow(/broken\.html/);
  });
});
