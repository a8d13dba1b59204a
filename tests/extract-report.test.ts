/**
 * The `figures` command's formatters: the JSON contract, RFC 4180 CSV, and the table for people.
 */
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures } from '../src/extract/index.js';
import { displayWidth, formatFigures } from '../src/report/figures/index.js';

const text = '全区引进到位资金3409亿元、比上年增长59.7%。\n地区生产总值增长4%以上,城乡居民收入分别增长4.3%、7.1%。\n完成投资3300多亿元,增长×%。';
const doc = documentFromText(text, { path: '/srv/x/report.txt', id: 'report', period: '2022' });
const figures = extractFigures(doc);

describe('figures --format json', () => {
  const parsed = JSON.parse(formatFigures(figures, [doc], 'json', { color: false, cwd: '/srv/x' }));

  it('has exactly the contract’s keys, in base units, path relative to cwd', () => {
    const first = parsed.figures[0];
    expect(Object.keys(first)).toEqual(['path', 'line', 'column', 'endLine', 'endColumn', 'raw', 'value', 'unit', 'interval', 'qualifier', 'kind', 'change', 'label', 'period', 'modality', 'placeholder']);
    expect(first).toEqual({
      path: 'report.txt', line: 1, column: 9, endLine: 1, endColumn: 15, raw: '3409亿元', value: 340900000000, unit: '元',
      interval: [340850000000, 340950000000], qualifier: null, kind: 'level', change: null, label: '引进到位资金', period: '2022',
      modality: 'actual', placeholder: false,
    });
  });

  it('writes open ends as null and placeholders without a value', () => {
    const atLeast = parsed.figures.find((f: { raw: string }) => f.raw === '4%以上');
    expect(atLeast.interval).toEqual([4, null]);
    const placeholder = parsed.figures.find((f: { raw: string }) => f.raw === '×%');
    expect([placeholder.value, placeholder.interval, placeholder.placeholder]).toEqual([null, null, true]);
  });
});

describe('figures --format csv', () => {
  const csv = formatFigures(figures, [doc], 'csv', { color: false, cwd: '/srv/x' });
  it('writes a header and one CRLF row per figure, quoting per RFC 4180', () => {
    const rows = csv.split('\r\n').filter(Boolean);
    expect(rows[0]!.startsWith('path,line,column,endLine,endColumn,raw,value,unit,lo,hi,interval,')).toBe(true);
    expect(rows).toHaveLength(figures.length + 1);
    // interval notation holds a comma, so it is quoted
    expect(rows[1]).toContain('"[3408.5亿, 3409.5亿]"');
    expect(csv).toContain('"(3300亿, 3400亿)"');
  });
});

describe('figures --format table', () => {
  it('aligns columns by display width and shows readable values and intervals without colour', () => {
    const table = formatFigures(figures, [doc], 'table', { color: false, cwd: '/srv/x' });
    expect(table).not.toMatch(/\u001b\[/);
    const lines = table.split('\n').filter((l) => l.startsWith('report.txt:'));
    expect(lines).toHaveLength(figures.length);
    expect(table).toContain('3409亿元');
    expect(table).toContain('[4, ∞)');
    expect(table).toContain('(3300亿, 3400亿)');
    // the period column starts at the same display column on every row, CJK labels before it
    const periodStart = (line: string) => displayWidth(line.slice(0, line.search(/ 2022 /u)));
    expect(new Set(lines.map(periodStart)).size).toBe(1);
  });

  it('highlights the figure in its context when colour is on', () => {
    const table = formatFigures(figures, [doc], 'table', { color: true, cwd: '/srv/x' });
    expect(table).toMatch(/\u001b\[7m/);
  });

  it('counts CJK characters as two cells', () => {
    expect(displayWidth('引进到位资金')).toBe(12);
    expect(displayWidth('4.2%')).toBe(4);
    expect(displayWidth('４２％')).toBe(6);
  });
});
