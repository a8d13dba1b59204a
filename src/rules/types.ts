/**
 * Typed view of rule files (rules/schema.json is the authority; keep the two in step).
 * A rule file may hold any of these sections; rules/core/*.yaml hold the knowledge sections,
 * user rule files mostly `metrics` and `checks`, and may retune any knowledge setting.
 */
import type { FigureKind, Severity } from '../model.js';

export interface MetricRule {
  id: string;
  name: string;
  /** Matched against normalized (Simplified) labels. */
  aliases?: string[];
  unit?: string;
  kind?: FigureKind;
  change?: 'increase' | 'decrease';
  direction?: 'higher-is-better' | 'lower-is-better';
}

export interface CheckRule {
  type: string;
  metrics?: '*' | string[];
  documents?: string[];
  severity?: Severity;
  [setting: string]: unknown;
}

/** A web-chrome line pattern (regular expression over one normalized line). */
export interface BoilerplatePattern {
  id: string;
  pattern: string;
}

export interface RuleFile {
  version?: number;
  metrics?: MetricRule[];
  checks?: CheckRule[];
  boilerplate?: BoilerplatePattern[];
  /** Knowledge sections added by the stages that read them (see rules/schema.json). */
  [section: string]: unknown;
}

/** Several rule files merged (see mergeRuleFiles). */
export type RuleSet = Omit<RuleFile, 'version'>;
