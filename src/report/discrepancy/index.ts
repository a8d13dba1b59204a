/**
 * The discrepancy report (`--report-dir DIR`): report.md and a self-contained index.html with
 * a summary, every metric's statements side by side, targets, arithmetic, duplicates, missing
 * numbers, damaged text and coverage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckRun } from '../../model.js';
import type { FormatOptions } from '../registry.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { buildView } from './view.js';

export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { buildView, type ReportView } from './view.js';

/** The report's two files' contents (nothing written). */
export function renderReport(run: CheckRun, options: FormatOptions): { markdown: string; html: string } {
  const view = buildView(run, options);
  return { markdown: renderMarkdown(view), html: renderHtml(view) };
}

/** Writes report.md and index.html into `dir` (created if needed) and returns their contents. */
export function writeReportDir(run: CheckRun, dir: string, options: FormatOptions): { markdown: string; html: string } {
  const report = renderReport(run, options);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.md'), report.markdown);
  writeFileSync(join(dir, 'index.html'), report.html);
  return report;
}
