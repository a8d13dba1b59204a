/**
 * The contract between the engine and check modules (one module per check type, ESLint/Vale style).
 * A module declares its type and the rule ids it may emit, and turns facts into findings.
 */
import type { Coverage, Document, InputFailure, Figure, Finding, Locale, MetricComparison, Severity, TargetOutcome } from '../model.js';
import type { CheckRule, MetricRule, RuleSet } from '../rules/types.js';
import type { ComparedFigures } from '../coverage/compared.js';

export interface CheckContext {
  documents: Document[];
  /** Figures of all documents (unreliable ones included; checks decide whether to skip them). */
  figures: Figure[];
  rules: RuleSet;
  /** Metric assigned to each figure by the rule set's metrics (absent: no metric rule covers it). */
  metricOf: Map<Figure, MetricRule>;
  locale: Locale;
  /** Side outputs for the discrepancy report. */
  comparisons: MetricComparison[];
  targets: TargetOutcome[];
  coverage: Coverage[];
  /** Figures a check compared with another statement (src/coverage/compared.ts records them where checks compare). */
  compared: ComparedFigures;
  /** Figures of one document, in `figures` order (built once: see context.ts). */
  figuresOf(document: string): readonly Figure[];
  /** Documents by id, and each id's place in `documents`. */
  documentById: ReadonlyMap<string, Document>;
  documentOrder: ReadonlyMap<string, number>;
  /** Documents the run could not read: the `input-error` check reports them. */
  inputFailures?: InputFailure[];
}

export interface CheckModule {
  /** The `type` in a rule file's `checks` list. */
  type: string;
  /** Rule ids this module emits (part of the output contract). */
  ruleIds: string[];
  /** Severity when neither the check entry nor the config says. */
  defaultSeverity: Severity;
  /** One-line description (SARIF rule short description, README). */
  description: string;
  /** Runs without being listed in a rule file (e.g. arithmetic, duplicates). */
  onByDefault: boolean;
  run(context: CheckContext, rule: CheckRule): Finding[];
}
