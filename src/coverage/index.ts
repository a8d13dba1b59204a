/**
 * Coverage: how much of each document a run actually checked — figures read, figures with a metric,
 * figures compared with another statement (as the checks recorded it: ./compared.ts), findings — and the
 * `nothing-compared` info finding for a document none of whose figures was compared, so that a clean
 * result is never mistaken for agreement. One O(figures + findings) pass; kept: one row per document.
 */
import { fingerprint } from '../checks/fingerprint.js';
import { t } from '../i18n.js';
import type { Document, DocumentCoverage, Figure, Finding, Locale, RunCoverage } from '../model.js';
import { comparedByWording, type ComparedFigures } from './compared.js';

export const NOTHING_COMPARED = 'nothing-compared';

/** What the rule reports (SARIF rule description, README). */
export const NOTHING_COMPARED_DESCRIPTION =
  'A document with figures none of which could be compared with another statement: no finding there is not agreement.';

const MESSAGES = {
  nothingCompared: (figures: number) => ({
    en: `none of the ${figures} figure${figures === 1 ? '' : 's'} of this document was compared with another statement (no other statement of the same metric and period): no finding here is not agreement`,
    zh: `本文档的 ${figures} 个数字均未与其他表述比对（没有同一指标、同一时期的其他表述）：没有问题不等于一致`,
  }),
};

/** One `nothing-compared` finding per document that has figures of which none was compared. */
export function nothingCompared(documents: readonly Document[], figures: readonly Figure[], compared: ComparedFigures, locale: Locale): Finding[] {
  const counts = new Map<string, { figures: number; compared: number }>();
  const byWording = comparedByWording(compared);
  for (const figure of figures) {
    const count = counts.get(figure.document) ?? { figures: 0, compared: 0 };
    count.figures++;
    if (compared.has(figure) || byWording.has(figure)) count.compared++;
    counts.set(figure.document, count);
  }
  const findings: Finding[] = [];
  for (const document of documents) {
    const count = counts.get(document.id);
    if (!count || count.compared > 0) continue;
    findings.push({
      fingerprint: fingerprint(NOTHING_COMPARED, null, [{ document: document.id, text: '' }]),
      rule: NOTHING_COMPARED,
      severity: 'info',
      message: t(locale, MESSAGES.nothingCompared(count.figures)),
      metric: null,
      // The document as a whole, as far as a location can say it: its start.
      locations: [{ path: document.path, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    });
  }
  return findings;
}

/** The run's coverage from its documents, figures, what the checks compared and the findings shown. */
export function runCoverage(documents: readonly Document[], figures: readonly Figure[], compared: ComparedFigures, findings: readonly Finding[]): RunCoverage {
  const rows = new Map<string, DocumentCoverage>();
  const byWording = comparedByWording(compared);
  const byPath = new Map<string, DocumentCoverage>();
  for (const document of documents) {
    if (rows.has(document.id)) continue;
    const row: DocumentCoverage = { document: document.id, figures: 0, withMetric: 0, compared: 0, comparedAcross: 0, byWording: 0, findings: 0 };
    rows.set(document.id, row);
    byPath.set(document.path, row);
  }
  for (const figure of figures) {
    const row = rows.get(figure.document);
    if (!row) continue;
    row.figures++;
    if (figure.metric) row.withMetric++;
    const across = compared.get(figure);
    if (across !== undefined) row.compared++;
    if (across) row.comparedAcross++;
    // (a figure compared by identity is counted there; by wording only, apart: a guess a metric rule confirms)
    else if (across === undefined && byWording.has(figure)) row.byWording++;
  }
  let active = 0;
  for (const finding of findings) {
    if (finding.suppressed) continue;
    active++;
    const path = finding.locations[0]?.path;
    const row = path === undefined ? undefined : byPath.get(path);
    if (row) row.findings++;
  }
  const perDocument = [...rows.values()];
  const total: RunCoverage = { documents: perDocument.length, figures: 0, withMetric: 0, compared: 0, comparedAcross: 0, byWording: 0, findings: 0, perDocument };
  for (const row of perDocument) {
    total.figures += row.figures;
    total.withMetric += row.withMetric;
    total.compared += row.compared;
    total.comparedAcross += row.comparedAcross;
    total.byWording += row.byWording;
  }
  // Findings about no document (a file that could not be read) count in all, not in a row.
  total.findings = active;
  return total;
}
