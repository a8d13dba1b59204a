/**
 * The JSON contract (version 1): documents, findings with every location, a summary, and (for a run of
 * `check`) the coverage: the run's totals in `coverage`, each document's counts on its `documents` entry.
 * Baseline-suppressed findings stay in the list, marked `"suppressed": true`, and are counted apart;
 * findings removed by suppression comments are only counted (`summary.suppressedInText`).
 */
import type { DocumentCoverage, Location, RunCoverage } from '../model.js';
import { displayPath, figureCounts, sortedFindings } from './common.js';
import { coverageById, runSummary } from './coverage.js';
import type { Formatter } from './registry.js';

export const JSON_VERSION = 1;

export interface JsonLocation {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** PDF only: the page; line and endLine count within it. */
  page?: number;
  text: string | null;
}

export function jsonLocation(location: Location, cwd: string): JsonLocation {
  return {
    path: displayPath(location.path, cwd),
    line: location.line,
    column: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn,
    ...(location.page !== undefined ? { page: location.page } : {}),
    text: location.text ?? null,
  };
}

/** A document's coverage counts, as its `documents` entry carries them (nothing for a run without coverage). */
function documentCoverage(row: DocumentCoverage | undefined) {
  return row ? { withMetric: row.withMetric, compared: row.compared, comparedAcross: row.comparedAcross, findings: row.findings } : {};
}

function totals(coverage: RunCoverage) {
  const { perDocument: _rows, ...sums } = coverage;
  return sums;
}

export const jsonFormatter: Formatter = {
  name: 'json',
  description: 'the JSON contract: documents, findings, summary (version 1)',
  format(run, options) {
    const counts = figureCounts(run);
    const coverage = coverageById(run);
    const output = {
      version: JSON_VERSION,
      documents: run.documents.map((document) => ({
        id: document.id,
        path: displayPath(document.path, options.cwd),
        period: document.period ?? null,
        status: document.status ?? null,
        encoding: document.encoding,
        script: document.script,
        figures: counts.get(document.id) ?? 0,
        ...documentCoverage(coverage.get(document.id)),
      })),
      findings: sortedFindings(run.findings).map((finding) => ({
        fingerprint: finding.fingerprint,
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        metric: finding.metric,
        locations: finding.locations.map((location) => jsonLocation(location, options.cwd)),
        ...(finding.suppressed ? { suppressed: true } : {}),
      })),
      summary: runSummary(run),
      ...(run.figureCoverage ? { coverage: totals(run.figureCoverage) } : {}),
    };
    return `${JSON.stringify(output, null, 2)}\n`;
  },
};
