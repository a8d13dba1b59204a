/**
 * Typed, defaulted views of the `duplicates`, `placeholders` and `damage` sections of a rule set
 * (rules/core/damage.yaml; rules/schema.json validates them). A rule set without a section (a test
 * building its own) falls back to rules/core, so the knowledge stays in one YAML file.
 */
import { InputError } from '../model.js';
import { coreRules } from '../rules/load.js';
import type { CheckRule, RuleSet } from '../rules/types.js';

export interface DuplicateSettings {
  minLength: number;
  threshold: number;
  shingle: number;
  window: number;
  verifyShingle: number;
  maxGap: number;
  maxDrift: number;
  maxFanout: number;
  minLinks: number;
}

export interface PlaceholderSettings {
  tokens: string[];
  units: string[];
  magnitudes: string[];
  verbs: string[];
  numerals: string;
  patterns: { id: string; pattern: string }[];
}

export type DamageKind = 'replacement-char' | 'mojibake' | 'control' | 'question-mark';

export interface DamageSettings {
  patterns: { id: string; kind: DamageKind; pattern: string }[];
  questionMark: { before: string; after: string; question: string };
  extend: { maxChars: number; stray: string; commonHanzi: 'gb2312-level1' | 'none'; bridge: number };
  mergeGap: number;
}

/** A section merged over the same section of rules/core (a user file may retune one key). */
function section<T>(rules: RuleSet, name: string): T {
  const core = coreRules()[name] as object | undefined;
  const own = rules[name] as object | undefined;
  const merged = { ...(core ?? {}), ...(own ?? {}) } as Record<string, unknown>;
  if (!Object.keys(merged).length) throw new InputError(`rules: missing section "${name}" (rules/core/damage.yaml)`);
  return merged as T;
}

/** Duplicate settings; a `type: duplicates` check entry may override minLength and threshold. */
export function duplicateSettings(rules: RuleSet, check?: CheckRule): DuplicateSettings {
  const settings = { ...section<DuplicateSettings>(rules, 'duplicates') };
  if (typeof check?.minLength === 'number') settings.minLength = check.minLength;
  if (typeof check?.threshold === 'number') settings.threshold = check.threshold;
  return settings;
}

export function placeholderSettings(rules: RuleSet): PlaceholderSettings {
  return section<PlaceholderSettings>(rules, 'placeholders');
}

export function damageSettings(rules: RuleSet): DamageSettings {
  return section<DamageSettings>(rules, 'damage');
}

/** Compiles a rule pattern; a broken one is an InputError naming the rule section and id. */
export function compilePattern(where: string, source: string, flags = 'gu'): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new InputError(`rules: ${where}: not a valid regular expression (${(error as Error).message})`);
  }
}

/** Escapes a literal for an alternation in a `u` regular expression (which rejects needless escapes). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
