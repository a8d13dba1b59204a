/**
 * reviewdog Diagnostic Format as JSON lines (`reviewdog -f=rdjsonl`). reviewdog counts columns
 * in UTF-8 bytes (1-based, end exclusive; see its proto/rdf/reviewdog.proto), not in UTF-16
 * units like our Locations, so each column is converted through the line's original text: 一 is
 * one UTF-16 unit but three UTF-8 bytes.
 */
import type { Document, Location, Severity } from '../model.js';
import { activeFindings, displayPath, documentIndex, ruleHelpUri, shorten, sortedFindings } from './common.js';
import type { Formatter } from './registry.js';

const SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/** 1-based UTF-8 byte column of a 1-based UTF-16 column on a line. */
export function utf8Column(line: string | null, utf16Column: number): number {
  if (line === null) return utf16Column;
  return Buffer.byteLength(line.slice(0, Math.max(0, utf16Column - 1)), 'utf8') + 1;
}

function range(location: Location, document: Document | undefined) {
  const startLine = document ? document.lineText(location.line, location.page) : null;
  const endLine = document ? (location.endLine === location.line ? startLine : document.lineText(location.endLine, location.page)) : null;
  return {
    start: { line: location.line, column: utf8Column(startLine, location.column) },
    end: { line: location.endLine, column: utf8Column(endLine, location.endColumn) },
  };
}

export const rdjsonlFormatter: Formatter = {
  name: 'rdjsonl',
  description: 'reviewdog diagnostics, one JSON object a line (UTF-8 byte columns)',
  format(run, options) {
    const { byPath } = documentIndex(run);
    const lines: string[] = [];
    for (const finding of sortedFindings(activeFindings(run.findings))) {
      const [at, ...others] = finding.locations;
      const diagnostic = {
        message: finding.message,
        ...(at ? { location: { path: displayPath(at.path, options.cwd), range: range(at, byPath.get(at.path)) } } : {}),
        severity: SEVERITY[finding.severity],
        source: { name: 'figcheck' },
        code: { value: finding.rule, url: ruleHelpUri(finding.rule) },
        ...(others.length
          ? {
              related_locations: others.map((o) => ({
                ...(o.text ? { message: shorten(o.text, 80) } : {}),
                location: { path: displayPath(o.path, options.cwd), range: range(o, byPath.get(o.path)) },
              })),
            }
          : {}),
      };
      lines.push(JSON.stringify(diagnostic));
    }
    return lines.length ? `${lines.join('\n')}\n` : '';
  },
};
