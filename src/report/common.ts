/**
 * Helpers every output format shares: paths relative to the working directory, the summary
 * counts, rule descriptions (taken from the check registry, never repeated here) and help links.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../checks/registry.js';
import { RUN_RULES } from '../suppress/rules.js';
import { t } from '../i18n.js';
import type { CheckRun, Document, Finding, Locale, Location, Severity } from '../model.js';
import { SEVERITY_ORDER } from '../model.js';

/**
 * A path as the user should see it, as the `figures` command shows it: a relative path as given
 * (the pipeline makes paths relative to the working directory), an absolute one relative to `cwd`
 * when it lies inside it, forward slashes throughout. Pseudo paths (`<text>`) come back unchanged.
 */
export function displayPath(path: string, cwd: string): string {
  // Only the platform's separator becomes `/`: on POSIX a backslash is part of a name (and of the `\xD6`
  // escapes that show a name's bytes that are not UTF-8).
  if (!isAbsolute(path)) return path.split(sep).join('/');
  const inside = relative(cwd, path);
  const shown = inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
  return shown.split(sep).join('/');
}

export { oneLinePath } from './one-line.js';

export interface Summary {
  error: number;
  warning: number;
  info: number;
  /** Findings silenced by a baseline; not counted under their severity. */
  suppressed: number;
}

/** Counts active findings per severity, and suppressed ones apart. */
export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0, suppressed: 0 };
  for (const finding of findings) {
    if (finding.suppressed) summary.suppressed++;
    else summary[finding.severity]++;
  }
  return summary;
}

/** Findings a reader should see (baseline-suppressed ones are only counted). */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.suppressed);
}

/** Code-unit order; for rule ids and fingerprints (`[a-z0-9-]`) the same order as localeCompare. */
function compareCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Deterministic order: primary path, line, column, rule, then fingerprint. Paths are compared by
 * locale only when they differ: the collator costs ~60 ms to set up, which a one-file run never needs.
 */
export function compareFindings(a: Finding, b: Finding): number {
  const la = a.locations[0];
  const lb = b.locations[0];
  const pa = la?.path ?? '';
  const pb = lb?.path ?? '';
  return (
    (pa === pb ? 0 : pa.localeCompare(pb)) ||
    (la?.line ?? 0) - (lb?.line ?? 0) ||
    (la?.column ?? 0) - (lb?.column ?? 0) ||
    compareCode(a.rule, b.rule) ||
    compareCode(a.fingerprint, b.fingerprint)
  );
}

export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Severities from most to least severe. */
export const SEVERITIES: Severity[] = (Object.keys(SEVERITY_ORDER) as Severity[]).sort(
  (a, b) => SEVERITY_ORDER[b] - SEVERITY_ORDER[a],
);

export function severityLabel(severity: Severity, locale: Locale): string {
  switch (severity) {
    case 'error':
      return t(locale, { en: 'error', zh: '错误' });
    case 'warning':
      return t(locale, { en: 'warning', zh: '警告' });
    default:
      return t(locale, { en: 'info', zh: '提示' });
  }
}

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
}

/**
 * Every rule id a report must describe: those registered by check modules plus any a finding
 * uses (a module's description covers each of its rule ids), sorted by id.
 */
export function ruleInfos(findings: readonly Finding[]): RuleInfo[] {
  const rules = new Map<string, RuleInfo>();
  for (const check of CHECKS) {
    for (const id of check.ruleIds) rules.set(id, { id, description: check.description, defaultSeverity: check.defaultSeverity });
  }
  for (const rule of RUN_RULES) rules.set(rule.id, { ...rule });
  for (const finding of findings) {
    if (!rules.has(finding.rule)) rules.set(finding.rule, { id: finding.rule, description: finding.rule, defaultSeverity: finding.severity });
  }
  return [...rules.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Rule ids the findings use, sorted. */
export function usedRuleIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.rule))].sort();
}

let homepage: string | undefined;
/**
 * Where the README lives: package.json `homepage` when set, else the package's npm page (which
 * shows the README). Read from package.json so the link is configured in one place.
 */
export function readmeUrl(): string {
  if (homepage === undefined) {
    try {
      // Same depth from src/report/ and dist/report/ to the package root.
      const file = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; homepage?: string };
      homepage = pkg.homepage ?? `https://www.npmjs.com/package/${pkg.name ?? 'figcheck'}`;
    } catch {
      homepage = 'https://www.npmjs.com/package/figcheck';
    }
  }
  return homepage.replace(/#.*$/, '');
}

/** The README section describing a rule (a heading per rule id). */
export function ruleHelpUri(ruleId: string): string {
  return `${readmeUrl()}#${encodeURIComponent(ruleId)}`;
}

/** The Document a location points into (matched by path as the pipeline stored it). */
export function documentIndex(run: CheckRun): { byPath: Map<string, Document>; byId: Map<string, Document> } {
  const byPath = new Map<string, Document>();
  const byId = new Map<string, Document>();
  for (const document of run.documents) {
    byPath.set(document.path, document);
    byId.set(document.id, document);
  }
  return { byPath, byId };
}

/** `path:line:column` of a location, path relative to cwd; a PDF's `path#page=3:line:column` (the page's line). */
export function positionText(location: Location, cwd: string): string {
  return `${displayPath(location.path, cwd)}${pageText(location)}:${location.line}:${location.column}`;
}

/** `#page=3` for a location in a PDF (the fragment PDF viewers open at, RFC 8118), else nothing. */
export function pageText(location: Location): string {
  return location.page !== undefined ? `#page=${location.page}` : '';
}

/** Counts of the figures each document contributed. */
export function figureCounts(run: CheckRun): Map<string, number> {
  const counts = new Map<string, number>();
  for (const figure of run.figures) counts.set(figure.document, (counts.get(figure.document) ?? 0) + 1);
  return counts;
}

/** A location's text for one line of output: line breaks folded, long spans (a duplicated section) cut. */
export function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
