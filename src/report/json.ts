/**
 * The JSON contract (version 1): documents, findings with every location, and a summary.
 * Suppressed findings stay in the list, marked `"suppressed": true`, and are counted apart.
 */
import type { Location } from '../model.js';
import { displayPath, figureCounts, sortedFindings, summarize } from './common.js';
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

export const jsonFormatter: Formatter = {
  name: 'json',
  description: 'the JSON contract: documents, findings, summary (version 1)',
  format(run, options) {
    const counts = figureCounts(run);
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
      summary: summarize(run.findings),
    };
    return `${JSON.stringify(output, null, 2)}\n`;
  },
};
