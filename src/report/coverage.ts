/**
 * Coverage as every output format says it (src/coverage/ computes it): the one-line sentence that ends
 * stylish output and heads the discrepancy report, and the per-document counts the tables show.
 */
import { t } from '../i18n.js';
import type { CheckRun, DocumentCoverage, Locale, RunCoverage } from '../model.js';
import { summarize, type Summary } from './common.js';

/** The summary counts of a run, with the findings suppression comments removed when the run knows them. */
export function runSummary(run: CheckRun): Summary & { suppressedInText?: number } {
  const summary = summarize(run.findings);
  return run.suppressedInText === undefined ? summary : { ...summary, suppressedInText: run.suppressedInText };
}

/** Each document's coverage row by document id (empty for a run without coverage). */
export function coverageById(run: CheckRun): Map<string, DocumentCoverage> {
  return new Map((run.figureCoverage?.perDocument ?? []).map((row) => [row.document, row]));
}

function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/**
 * `412 figures in 5 documents, 398 with a metric, 137 compared across documents, 3 errors, 1 warning`
 * (zh-CN: `5 份文档共 412 个数字，…`): what was read, what could be checked, what was found.
 */
export function coverageSentence(coverage: RunCoverage, summary: Summary & { suppressedInText?: number }, locale: Locale): string {
  const suppressed = (summary.suppressedInText ?? 0) + summary.suppressed;
  if (locale === 'zh-CN') {
    const parts = [
      `${coverage.documents} 份文档共 ${coverage.figures} 个数字`,
      `${coverage.withMetric} 个有指标`,
      `${coverage.comparedAcross} 个经跨文档比对`,
      ...(coverage.compared > coverage.comparedAcross ? [`${coverage.compared - coverage.comparedAcross} 个仅在文档内比对`] : []),
      ...(coverage.byWording ? [`${coverage.byWording} 个按措辞配对比对`] : []),
      `${summary.error} 个错误`,
      `${summary.warning} 个警告`,
      ...(summary.info ? [`${summary.info} 个提示`] : []),
      ...(suppressed ? [`${suppressed} 个已抑制`] : []),
    ];
    return parts.join('，');
  }
  const parts = [
    `${plural(coverage.figures, 'figure')} in ${plural(coverage.documents, 'document')}`,
    `${coverage.withMetric} with a metric`,
    `${coverage.comparedAcross} compared across documents`,
    ...(coverage.compared > coverage.comparedAcross ? [`${coverage.compared - coverage.comparedAcross} only within their document`] : []),
    // (figures compared only through a pairing by wording, src/checks/wording.ts: a guess, counted apart)
    ...(coverage.byWording ? [`${coverage.byWording} compared by wording`] : []),
    plural(summary.error, 'error'),
    plural(summary.warning, 'warning'),
    ...(summary.info ? [`${summary.info} info`] : []),
    ...(suppressed ? [`${suppressed} suppressed`] : []),
  ];
  return parts.join(', ');
}

/** The words of a suppressed-by-comments count in a summary line. */
export function suppressedInTextText(count: number, locale: Locale): string {
  return t(locale, { en: `${count} suppressed by comments`, zh: `${count} 个已由注释抑制` });
}
