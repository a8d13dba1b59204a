/**
 * The checker engine: resolves figures to metrics, runs every on-by-default check module and every
 * `checks` entry of the rule set, applies severities, and returns findings in a deterministic order
 * with the side outputs (comparisons, target outcomes, coverage) the discrepancy report shows.
 */
import {
  InputError,
  SEVERITY_ORDER,
  type Coverage,
  type Document,
  type Figure,
  type Finding,
  type InputFailure,
  type Locale,
  type MetricComparison,
  type Severity,
  type TargetOutcome,
} from '../model.js';
import { unusedMetricWarnings } from '../rules/metrics.js';
import type { CheckRule, RuleSet } from '../rules/types.js';
import { CHECKS, checkModule } from './registry.js';
import { createCheckContext } from './context.js';
import type { ComparedFigures } from '../coverage/compared.js';

export interface RunChecksOptions {
  locale: Locale;
  /** Per rule id, from figcheck.yaml: a severity, or 'off' to drop the rule's findings. */
  severity?: Record<string, Severity | 'off'>;
  /** Documents that could not be read, reported by the `input-error` check. */
  inputFailures?: InputFailure[];
}

export interface CheckResults {
  findings: Finding[];
  /** Rule-set problems that do not stop the run (a check naming a metric no rule file defines). */
  warnings: string[];
  comparisons: MetricComparison[];
  targets: TargetOutcome[];
  coverage: Coverage[];
  /** Figures the checks compared with another statement (true: with one of another document). */
  compared: ComparedFigures;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Deterministic order: primary location's path, line, column, then rule and message. */
export function compareFindings(a: Finding, b: Finding): number {
  const la = a.locations[0];
  const lb = b.locations[0];
  return (
    compareText(la?.path ?? '', lb?.path ?? '') ||
    (la?.line ?? 0) - (lb?.line ?? 0) ||
    (la?.column ?? 0) - (lb?.column ?? 0) ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

/**
 * For each pair of documents describing the same period, which metrics each states (from the
 * comparisons the consistency check made: rule metrics and auto-aligned ones alike).
 */
export function coverageOf(documents: Document[], comparisons: MetricComparison[]): Coverage[] {
  const stated = new Map<string, Set<string>>();
  for (const comparison of comparisons) {
    for (const figure of comparison.statements) {
      if (figure.period !== comparison.period) continue;
      const set = stated.get(figure.document) ?? new Set<string>();
      set.add(comparison.metric);
      stated.set(figure.document, set);
    }
  }
  // Only documents of one period pair up: index them by period rather than trying every pair.
  const samePeriod = new Map<string, number[]>();
  documents.forEach((document, index) => {
    if (!document.period) return;
    const list = samePeriod.get(document.period) ?? [];
    list.push(index);
    samePeriod.set(document.period, list);
  });
  const coverage: Coverage[] = [];
  for (let i = 0; i < documents.length; i++) {
    const a = documents[i]!;
    if (!a.period) continue;
    const peers = samePeriod.get(a.period)!;
    for (let p = peers.indexOf(i) + 1; p < peers.length; p++) {
      const b = documents[peers[p]!]!;
      const sa = stated.get(a.id) ?? new Set<string>();
      const sb = stated.get(b.id) ?? new Set<string>();
      coverage.push({
        period: a.period,
        documents: [a.id, b.id],
        both: [...sa].filter((m) => sb.has(m)).sort(),
        onlyFirst: [...sa].filter((m) => !sb.has(m)).sort(),
        onlySecond: [...sb].filter((m) => !sa.has(m)).sort(),
      });
    }
  }
  return coverage;
}

export function runChecks(documents: Document[], figures: Figure[], rules: RuleSet, options: RunChecksOptions): CheckResults {
  const context = createCheckContext(documents, figures, rules, options.locale);
  context.inputFailures = options.inputFailures;
  const entries: CheckRule[] = rules.checks ?? [];
  for (const entry of entries) {
    if (!checkModule(entry.type)) {
      throw new InputError(
        `unknown check type "${entry.type}" in the rule files (known: ${CHECKS.map((c) => c.type).join(', ')})`,
      );
    }
  }
  // A metric id that no rule file defines is likely a typo or a rule file left out of the run: the
  // check goes on for the others (the issue's core example names gdp-growth without defining it).
  const warnings: string[] = [];
  const defined = new Set((rules.metrics ?? []).map((m) => m.id));
  warnings.push(...unusedMetricWarnings(rules, new Set([...context.metricOf.values()].map((m) => m.id))));
  for (const entry of entries) {
    if (!Array.isArray(entry.metrics)) continue;
    for (const id of entry.metrics.filter((m) => !defined.has(m))) {
      warnings.push(`check "${entry.type}" names metric "${id}", which no rule file defines: nothing is checked for it`);
    }
  }
  // An on-by-default module runs once with its defaults, unless the rule set lists it: then its entries replace that run.
  const runs: CheckRule[] = [
    ...CHECKS.filter((c) => c.onByDefault && !entries.some((e) => e.type === c.type)).map((c): CheckRule => ({ type: c.type })),
    ...entries,
  ];
  const raw: Finding[] = [];
  for (const run of runs) {
    const module = checkModule(run.type)!;
    for (const finding of module.run(context, run)) {
      raw.push({ ...finding, severity: finding.severity ?? run.severity ?? module.defaultSeverity });
    }
  }

  // Config overrides per rule id, then de-duplication (two entries may find the same thing: keep the most severe).
  const byFingerprint = new Map<string, Finding>();
  for (const finding of raw) {
    const override = options.severity?.[finding.rule];
    if (override === 'off') continue;
    const current = override ? { ...finding, severity: override } : finding;
    const key = `${current.rule}\u0000${current.fingerprint}`;
    const prior = byFingerprint.get(key);
    if (!prior || SEVERITY_ORDER[current.severity] > SEVERITY_ORDER[prior.severity]) byFingerprint.set(key, current);
  }
  const findings = [...byFingerprint.values()].sort(compareFindings);

  // Side outputs may repeat when several entries cover one metric: keep the first of each.
  // Keyed by the first statement too: one auto key and period in two jurisdictions are two comparisons.
  const comparisons = uniqueBy(context.comparisons, (c) => {
    const first = c.statements[0];
    return `${c.metric}\u0000${c.period}\u0000${first ? `${first.document}\u0000${first.span.start}` : ''}`;
  });
  // (a target judged by each statement of its outcome: one entry per target and actual)
  const targets = uniqueBy(context.targets, (o) => `${o.metric}\u0000${o.target.document}\u0000${o.target.span.start}\u0000${o.actual.document}\u0000${o.actual.span.start}`);
  const coverage = context.coverage.length ? context.coverage : coverageOf(documents, comparisons);
  return { findings, warnings, comparisons, targets, coverage, compared: context.compared };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
