/**
 * What happens to a run's findings after the checks and before any output: the coverage finding
 * (`nothing-compared`, src/coverage/), the suppression comments of the documents (./apply.ts), the
 * config's severities for the findings made here, then the coverage counts over what is left. The one
 * hook the pipeline calls; every output format reads its result, so a suppressed finding is gone from all.
 */
import { compareFindings } from '../checks/engine.js';
import type { ComparedFigures } from '../coverage/compared.js';
import { nothingCompared, runCoverage } from '../coverage/index.js';
import type { Document, Figure, Finding, Locale, RunCoverage, Severity } from '../model.js';
import { applySuppressions, UNUSED_SUPPRESSION } from './apply.js';
import { NOTHING_COMPARED } from '../coverage/index.js';

export interface FinishOptions {
  locale: Locale;
  /** figcheck.yaml `severity`: applies to the findings made here as to the checks' (`off` drops them). */
  severity?: Record<string, Severity | 'off'>;
}

export interface Finished {
  findings: Finding[];
  suppressedInText: number;
  figureCoverage: RunCoverage;
}

export function finishFindings(
  documents: readonly Document[],
  figures: readonly Figure[],
  checked: readonly Finding[],
  compared: ComparedFigures,
  options: FinishOptions,
): Finished {
  const configured = (finding: Finding): Finding[] => {
    const override = options.severity?.[finding.rule];
    if (override === 'off') return [];
    return [override ? { ...finding, severity: override } : finding];
  };
  const unseen = nothingCompared(documents, figures, compared, options.locale).flatMap(configured);
  const { findings, suppressed } = applySuppressions(documents, [...checked, ...unseen], options.locale);
  const shown = findings.flatMap((f) => (f.rule === UNUSED_SUPPRESSION ? configured(f) : [f])).sort(compareFindings);
  return { findings: shown, suppressedInText: suppressed, figureCoverage: runCoverage(documents, figures, compared, shown) };
}

export { NOTHING_COMPARED, UNUSED_SUPPRESSION };
