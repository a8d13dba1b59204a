/**
 * The discrepancy report (`--report-dir DIR`): report.md and a self-contained index.html with
 * a summary, every metric's statements side by side, targets, arithmetic, duplicates, missing
 * numbers, damaged text and coverage.
 */
import { resolve } from 'node:path';
import type { CheckRun } from '../../model.js';
import { checkReportDir, InputSet, type GuardContext } from '../../output/guard.js';
import { replaceFolder } from '../../output/write.js';
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

/**
 * Writes report.md and index.html as the folder `dir`, replaced as a whole (both files from this run or,
 * on failure, the folder as it was), and returns their contents. The folder must be new, empty or an
 * earlier report, and hold no input of the run (src/output/guard.ts; `guard` defaults to the run's documents).
 */
export function writeReportDir(run: CheckRun, dir: string, options: FormatOptions, guard?: GuardContext): { markdown: string; html: string } {
  const context = guard ?? { inputs: new InputSet(run.documents.map((d) => resolve(options.cwd, d.path))), locale: options.locale, cwd: options.cwd };
  const path = checkReportDir(dir, dir, context);
  const report = renderReport(run, options);
  replaceFolder(path, dir, { 'report.md': report.markdown, 'index.html': report.html }, () => checkReportDir(dir, dir, context));
  return report;
}
