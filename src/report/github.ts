/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`, which the runner turns
 * into annotations on the files. Escaping follows the runner's rules (data: % CR LF; properties
 * also : and ,).
 */
import type { Severity } from '../model.js';
import { activeFindings, displayPath, sortedFindings } from './common.js';
import type { Formatter } from './registry.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const githubFormatter: Formatter = {
  name: 'github',
  description: 'GitHub Actions workflow commands (annotations)',
  format(run, options) {
    const lines: string[] = [];
    for (const finding of sortedFindings(activeFindings(run.findings))) {
      const [at, ...others] = finding.locations;
      const properties: string[] = [];
      if (at) {
        properties.push(
          `file=${escapeProperty(displayPath(at.path, options.cwd))}`,
          `line=${at.line}`,
          `col=${at.column}`,
          `endLine=${at.endLine}`,
          `endColumn=${at.endColumn}`,
        );
      }
      properties.push(`title=${escapeProperty(`figcheck ${finding.rule}`)}`);
      // Annotations show one place; the others of a mismatch go into the message.
      const also = others.map((o) => `${displayPath(o.path, options.cwd)}:${o.line}:${o.column}`);
      const message = also.length ? `${finding.message}\n(${also.join('; ')})` : finding.message;
      lines.push(`::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(message)}`);
    }
    return lines.length ? `${lines.join('\n')}\n` : '';
  },
};
