/**
 * The interval chart's geometry (src/report/discrepancy/chart.ts): what a reader of the discrepancy
 * report sees about whether statements can be one fact, before any drawing.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../src/model.js';
import { check } from '../src/pipeline.js';
import { BAND, CHART_SCALE, chartOf, type ChartStatement } from '../src/report/discrepancy/chart.js';
import { renderMarkdown } from '../src/report/discrepancy/markdown.js';
import { buildView } from '../src/report/discrepancy/view.js';
import { documentTexts, FIGURE_STATES } from '../src/report/discrepancy/marks.js';

const closed = (lo: number, hi: number): Interval => ({ lo, hi, loClosed: true, hiClosed: true });
const open = (lo: number | null, hi: number | null): Interval => ({ lo, hi, loClosed: false, hiClosed: false });
const statement = (interval: Interval | null, more: Partial<ChartStatement> = {}): ChartStatement => ({ interval, unit: '元', target: false, mismatch: false, ...more });

describe('interval chart', () => {
  it('puts 3409亿元, 3300多亿元 and 超过3400亿元 on one axis, in order, the open end to the edge', () => {
    const chart = chartOf([
      statement(closed(340850000000, 340950000000), { mismatch: true }),
      statement(open(330000000000, 340000000000), { mismatch: true }),
      statement(open(340000000000, null)),
    ])!;
    expect(chart.bands).toHaveLength(3);
    const [precise, more, over] = chart.bands;
    // 3300多 lies wholly left of 3409; 超过3400 starts where 3300多 ends and runs off the right edge.
    expect(more![2]).toBeLessThanOrEqual(precise![1]);
    expect(over![1]).toBe(more![2]);
    expect(over![2]).toBe(CHART_SCALE);
    expect(over![3] & BAND.openRight).toBeTruthy();
    expect(over![3] & BAND.closedLo).toBe(0);
    expect(precise![3] & (BAND.closedLo | BAND.closedHi)).toBe(BAND.closedLo | BAND.closedHi);
    expect(precise![3] & BAND.mismatch).toBeTruthy();
    expect(more![3] & BAND.closedLo).toBe(0);
    // Overlap: only 3409 inside (3400, ∞); 3300多 overlaps nothing.
    expect(chart.overlaps).toEqual([[precise![1], precise![2]]]);
    // Every band inside the plot, ticks in order with prose labels in the unit.
    for (const [, x0, x1] of chart.bands) {
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(CHART_SCALE);
      expect(x0).toBeLessThanOrEqual(x1);
    }
    const positions = chart.ticks.map(([x]) => x);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(chart.ticks.length).toBeGreaterThanOrEqual(2);
    expect(chart.ticks.every(([, label]) => /亿元$/.test(label))).toBe(true);
  });

  it('marks targets and draws a point value where it lies, with percent labels', () => {
    const chart = chartOf([
      { interval: closed(5.5, 6.5), unit: '%', target: true, mismatch: false },
      { interval: closed(4.2, 4.2), unit: '%', target: false, mismatch: true },
    ])!;
    const [target, actual] = chart.bands;
    expect(target![3] & BAND.target).toBeTruthy();
    expect(actual![3] & BAND.target).toBe(0);
    expect(actual![1]).toBe(actual![2]);
    expect(actual![1]).toBeLessThan(target![1]);
    expect(chart.overlaps).toEqual([]);
    expect(chart.ticks.map(([, label]) => label)).toContain('5%');
  });

  it('draws nothing for statements in different units or without intervals, and skips placeholders', () => {
    expect(chartOf([statement(closed(1, 2)), { ...statement(closed(1, 2)), unit: '%' }])).toBeNull();
    expect(chartOf([statement(null), statement(null)])).toBeNull();
    const chart = chartOf([statement(null), statement(closed(10, 20)), statement(closed(15, 30))])!;
    // Band statement indexes point into the group's statements, the placeholder left out.
    expect(chart.bands.map(([index]) => index)).toEqual([1, 2]);
    expect(chart.overlaps).toHaveLength(1);
  });

  it('gives a band with no lower bound an arrow at the left edge', () => {
    const chart = chartOf([statement(open(null, 300)), statement(closed(250, 260))])!;
    expect(chart.bands[0]![1]).toBe(0);
    expect(chart.bands[0]![3] & BAND.openLeft).toBeTruthy();
  });
});

describe('report.md: the same comparison as text', () => {
  it('writes each statement\'s interval with ✓ or ✗, and each target\'s outcome', async () => {
    const cwd = resolve(import.meta.dirname, '..');
    const run = await check([], { config: join(cwd, 'examples/nmg/figcheck.yaml'), cwd, locale: 'en' });
    const markdown = renderMarkdown(buildView(run, { cwd, color: false, locale: 'en', version: '0.0.0-test' }));
    const rows = markdown.split('\n');
    const section = (title: string) => {
      const start = rows.findIndex((row) => row.startsWith('### ') && row.includes(title) && row.endsWith('mismatch'));
      const end = rows.findIndex((row, i) => i > start && row.startsWith('#'));
      return rows.slice(start, end).filter((row) => /^\| [✓✗] \|/.test(row));
    };
    const funds = section('引进到位资金');
    expect(funds.length).toBeGreaterThanOrEqual(2);
    // Every statement of the 3409 vs 3300多 mismatch is in it; each row shows its interval.
    expect(funds.every((row) => row.startsWith('| ✗ |'))).toBe(true);
    expect(funds.some((row) => row.includes('(3300亿, 3400亿)'))).toBe(true);
    // A consistent metric's statements all agree.
    const consistent = rows.findIndex((row) => row.startsWith('### ') && row.endsWith(': consistent'));
    expect(rows[consistent + 4]).toMatch(/^\| ✓ \|/);
    expect(markdown).toMatch(/\| ✗ missed \|/);
    expect(markdown).toMatch(/\| ✓ met \|/);
  });
});

describe('the document view: every figure marked by what became of it', () => {
  it('marks each figure of the example corpus once, and the counts add up to the run\'s coverage', async () => {
    const cwd = resolve(import.meta.dirname, '..');
    const run = await check([], { config: join(cwd, 'examples/nmg/figcheck.yaml'), cwd, locale: 'en' });
    const texts = documentTexts(run);
    expect(texts.map((t) => t.document)).toEqual(run.documents.map((d) => d.id));
    const coverage = run.figureCoverage!;
    for (const text of texts) {
      const row = coverage.perDocument.find((r) => r.document === text.document)!;
      const counts = text.counts;
      expect(FIGURE_STATES.reduce((sum, state) => sum + counts[state], 0)).toBe(row.figures);
      expect(text.marks).toHaveLength(row.figures);
      // Compared = agreed + compared figures that a finding cites (a placeholder or damaged figure is never compared).
      const comparedInFinding = text.marks.filter((m) => m.state === 'finding' && m.compared).length;
      expect(counts.agreed + comparedInFinding).toBe(row.compared);
      expect(text.lines).not.toBeNull();
      // Each mark is the figure's own text on its line.
      const document = run.documents.find((d) => d.id === text.document)!;
      for (const mark of text.marks.filter((m) => m.line === m.endLine).slice(0, 50)) {
        const figure = run.figures.find((f) => f.document === document.id && f.location.line === mark.line && f.location.column === mark.column)!;
        expect(text.lines![mark.line - 1]!.slice(mark.column - 1, mark.endColumn - 1)).toBe(figure.location.text ?? document.lineText(mark.line)!.slice(mark.column - 1, mark.endColumn - 1));
      }
    }
    const all = (state: (typeof FIGURE_STATES)[number]) => texts.reduce((sum, t) => sum + t.counts[state], 0);
    // The corpus's mismatches and missed target are in findings; most figures are stated once.
    expect(all('finding')).toBeGreaterThanOrEqual(5);
    expect(all('agreed')).toBeGreaterThan(0);
    expect(all('uncompared')).toBeGreaterThan(all('agreed'));
  });

  it('keeps texts within the budget and every document\'s marks and counts', async () => {
    const cwd = resolve(import.meta.dirname, '..');
    const run = await check([], { config: join(cwd, 'examples/nmg/figcheck.yaml'), cwd, locale: 'en' });
    const smallest = Math.min(...run.documents.map((d) => d.original.length));
    const texts = documentTexts(run, smallest);
    expect(texts.filter((t) => t.lines !== null)).toHaveLength(1);
    for (const text of texts) expect(text.marks.length).toBe(run.figures.filter((f) => f.document === text.document).length);
  });

  it('places a PDF\'s figures on the file\'s own lines (its locations count lines within a page)', async () => {
    const cwd = resolve(import.meta.dirname, '..');
    const run = await check([join(cwd, 'tests/fixtures/pdf/two-columns.pdf')], { config: false, cwd });
    const [text] = documentTexts(run);
    const figures = run.figures.filter((f) => f.location.line === f.location.endLine);
    expect(figures.some((f) => (f.location.page ?? 1) > 1)).toBe(true);
    for (const figure of figures) {
      const mark = text!.marks[run.figures.indexOf(figure)]!;
      expect(text!.lines![mark.line - 1]!.slice(mark.column - 1, mark.endColumn - 1)).toBe(figure.location.text);
    }
  });
});

