/**
 * figcheck's findings in the Language Server Protocol's terms. A Location is 1-based line and UTF-16
 * column (from the one offset map); an LSP Position is 0-based line and UTF-16 character (the protocol's
 * default encoding), so the conversion is a shift by one and nothing is recounted here.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { Finding, Location, Severity } from '../model.js';

export const SOURCE = 'figcheck';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries for the code action (the suppression names the rule). */
export interface DiagnosticData {
  rule: string;
  fingerprint: string;
}

export function rangeOf(location: Location): Range {
  return {
    start: { line: location.line - 1, character: location.column - 1 },
    end: { line: location.endLine - 1, character: location.endColumn - 1 },
  };
}

/**
 * One diagnostic for a finding, at its first location in the open document (`path`, as locations name
 * it); every other location (the other side of a cross-document finding) as related information.
 * `base` is the folder shown paths are relative to; `uri` the open document's own URI.
 */
export function diagnosticOf(finding: Finding, path: string, uri: string, base: string): Diagnostic | null {
  const here = finding.locations.find((location) => location.path === path);
  if (!here) return null;
  const others = finding.locations.filter((location) => location !== here);
  const data: DiagnosticData = { rule: finding.rule, fingerprint: finding.fingerprint };
  return {
    range: rangeOf(here),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    source: SOURCE,
    message: finding.message,
    ...(others.length
      ? {
          relatedInformation: others.map((location) => ({
            location: { uri: location.path === path ? uri : uriOf(location.path, base), range: rangeOf(location) },
            message: location.text ? `${location.path}: ${location.text}` : location.path,
          })),
        }
      : {}),
    data,
  };
}

/** The file URI of a path as locations show it (relative to `base`, or absolute). */
export function uriOf(path: string, base: string): string {
  return pathToFileURL(resolve(base, path)).href;
}
