/**
 * Baselines: a JSON file of findings to accept for now. Findings whose fingerprint is in it are
 * suppressed (counted, marked, but not failing the run). Fingerprints depend on the rule, metric,
 * documents and the figures' text, never on line numbers, so editing elsewhere in a document does
 * not bring a baselined finding back; a new discrepancy has a new fingerprint and fails the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { InputError, type Finding } from './model.js';
import { OutputRefused } from './output/guard.js';
import { writeOutputFile } from './output/write.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  metric: string | null;
  message: string;
}

export interface BaselineFile {
  version: number;
  findings: BaselineEntry[];
}

const BASELINE_SCHEMA = {
  type: 'object',
  required: ['version', 'findings'],
  properties: {
    version: { const: BASELINE_VERSION },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['fingerprint'],
        properties: {
          fingerprint: { type: 'string', minLength: 1 },
          rule: { type: 'string' },
          metric: { type: ['string', 'null'] },
          message: { type: 'string' },
        },
      },
    },
  },
};

let validate: ReturnType<Ajv['compile']> | undefined;

/** The fingerprints recorded in a baseline file; a missing file is an empty baseline. */
export function readBaseline(path: string): Set<string> {
  if (!existsSync(path)) return new Set();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read the baseline (${code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? String(error))})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${path}: not a figcheck baseline: ${reason}`);
  }
  validate ??= new Ajv({ allErrors: false }).compile(BASELINE_SCHEMA);
  if (!validate(parsed)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath ? ` at ${first.instancePath}` : '';
    throw new InputError(`${path}: not a figcheck baseline${where}: ${first?.message ?? 'invalid'} (expected {"version": ${BASELINE_VERSION}, "findings": [...]})`);
  }
  return new Set((parsed as BaselineFile).findings.map((entry) => entry.fingerprint));
}

/** Marks the findings recorded in the baseline as suppressed; returns the same array. */
export function applyBaseline(findings: Finding[], fingerprints: ReadonlySet<string>): Finding[] {
  for (const finding of findings) {
    if (fingerprints.has(finding.fingerprint)) finding.suppressed = true;
  }
  return findings;
}

/** The baseline file's content for these findings: one entry per fingerprint, sorted for readable diffs. */
export function baselineOf(findings: readonly Finding[]): BaselineFile {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    if (!entries.has(finding.fingerprint)) {
      entries.set(finding.fingerprint, {
        fingerprint: finding.fingerprint,
        rule: finding.rule,
        metric: finding.metric,
        message: finding.message,
      });
    }
  }
  const sorted = [...entries.values()].sort(
    (a, b) =>
      a.rule.localeCompare(b.rule) ||
      (a.metric ?? '').localeCompare(b.metric ?? '') ||
      a.message.localeCompare(b.message) ||
      a.fingerprint.localeCompare(b.fingerprint),
  );
  return { version: BASELINE_VERSION, findings: sorted };
}

/**
 * Writes every current finding into the baseline file (creating its folder), through a temporary file
 * renamed into place. A file there that is not a figcheck baseline (a document, say) is never replaced.
 * Callers check the destination with src/output/guard.ts first (links, devices, inputs of the run).
 */
export function writeBaseline(path: string, findings: readonly Finding[]): void {
  const refuseForeign = () => {
    if (!existsSync(path)) return;
    try {
      readBaseline(path);
    } catch {
      throw new OutputRefused(`${path}: is not a figcheck baseline; refusing to replace it (give a new file name, e.g. figcheck-baseline.json)`);
    }
  };
  refuseForeign();
  writeOutputFile(resolve(path), path, `${JSON.stringify(baselineOf(findings), null, 2)}\n`, refuseForeign);
}
