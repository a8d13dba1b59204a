/**
 * Precision: a report cannot state how a period turned out before the period is over. On the 2025
 * provincial work reports, plans for 2025 the extractor read as actuals (`城镇新增就业50万人` in the
 * tasks for the year, `城镇调查失业率控制在5.5%左右`) were compared with other statements of 2025: every
 * one a false alarm. Documents here go through the real normalize and segment stages, so the dated
 * delivery line is recognized as it is in real reports.
 */
import { describe, expect, it } from 'vitest';
import type { Document, Figure } from '../src/model.js';
import { documentFromText } from '../src/document.js';
import { runChecks } from '../src/checks/engine.js';
import { documentDate, periodEnd, periodOverBy } from '../src/checks/document-date.js';
import { coreRules } from '../src/rules/load.js';
import { atLeast, closed, figureIn } from './checks-fixtures.js';

const rules = coreRules();
const dateSettings = rules.alignment!.documentDate!;

const report = (id: string, dated: string, body: string): Document =>
  documentFromText(`政府工作报告\n\n${dated}\n\n各位代表:\n\n${body}\n`, { id, path: `${id}.txt` });

const jobs = (document: Document, raw: string, value: number, modality: Figure['modality'], period: string): Figure =>
  figureIn(document, {
    raw,
    value,
    interval: raw.endsWith('以上') ? atLeast(value) : closed(value - 5000, value + 5000),
    unit: '人',
    qualifier: raw.endsWith('以上') ? '以上' : null,
    kind: 'count',
    label: '城镇新增就业',
    period,
    modality,
  });

const crossFindings = (documents: Document[], figures: Figure[]) =>
  runChecks(documents, figures, rules, { locale: 'en' }).findings.filter((f) => f.rule === 'figure-mismatch' || f.rule === 'target-missed');

describe('reading when a document was delivered', () => {
  it('takes the year and month of the dated delivery line', () => {
    const doc = report('r', '——2025年1月14日在第十四届人民代表大会第三次会议上', '过去一年,城镇新增就业53.1万人。');
    expect(documentDate(doc, dateSettings)).toEqual({ year: 2025, month: 1 });
    // Near miss: a date inside the body is not a delivery line.
    const undated = documentFromText('各位代表:\n\n2025年1月起实施新的办法。\n', { id: 'u' });
    expect(documentDate(undated, dateSettings)).toBeNull();
  });

  it('knows when a period ends, and whether it was over by a date', () => {
    expect(periodEnd('2021-01/2021-08')).toEqual({ year: 2021, month: 8 });
    expect(periodEnd('2018/2022')).toEqual({ year: 2022, month: 12 });
    expect(periodOverBy('2024', { year: 2025, month: 1 })).toBe(true);
    expect(periodOverBy('2025', { year: 2025, month: 1 })).toBe(false);
    expect(periodOverBy('2025-01/2025-06', { year: 2025, month: 7 })).toBe(true);
    expect(periodOverBy('2025-01/2025-06', { year: 2025, month: 6 })).toBe(false);
    expect(periodOverBy('2025', null)).toBe(true);
  });
});

describe('a plan read as an actual is not compared', () => {
  it('hit: a January 2025 report’s 2025 figure is not an outcome that misses another report’s 2025 target', () => {
    const plan = report('plan', '——2024年12月20日在全省经济工作会议上', '2025年预期目标:城镇新增就业68万人以上。');
    const tasks = report('tasks', '——2025年1月13日在第十四届人民代表大会第三次会议上', '2025年重点工作:实施就业支持计划,城镇新增就业50万人。');
    const figures = [jobs(plan, '68万人以上', 680000, 'target', '2025'), jobs(tasks, '50万人', 500000, 'actual', '2025')];
    expect(crossFindings([plan, tasks], figures)).toEqual([]);
  });

  it('near miss: the outcome stated once the year is over is compared with the target', () => {
    const plan = report('plan', '——2024年12月20日在全省经济工作会议上', '2025年预期目标:城镇新增就业68万人以上。');
    const review = report('review', '——2026年1月13日在第十四届人民代表大会第四次会议上', '过去一年,城镇新增就业50万人。');
    const figures = [jobs(plan, '68万人以上', 680000, 'target', '2025'), jobs(review, '50万人', 500000, 'actual', '2025')];
    expect(crossFindings([plan, review], figures).map((f) => f.rule)).toEqual(['target-missed']);
  });

  it('hit: two reports’ plans for the running year are not a mismatch; near miss: their reviews of the past year are', () => {
    const a = report('a', '——2025年1月13日在第十四届人民代表大会第三次会议上', '过去一年,城镇新增就业53.1万人。今年,城镇新增就业50万人。');
    const b = report('b', '——2025年1月20日在省政协会议上', '2024年城镇新增就业53.8万人。2025年城镇新增就业60万人。');
    const figures = [
      jobs(a, '53.1万人', 531000, 'actual', '2024'),
      jobs(a, '50万人', 500000, 'actual', '2025'),
      jobs(b, '53.8万人', 538000, 'actual', '2024'),
      jobs(b, '60万人', 600000, 'actual', '2025'),
    ];
    const findings = crossFindings([a, b], figures);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('53.1万人 (a) vs 53.8万人 (b)');
  });
});
