/** `file:line:column: severity: message [rule]`, one finding a line (grep, editors' quickfix lists). */
import { activeFindings, displayPath, oneLinePath, pageText, sortedFindings } from './common.js';
import type { Formatter } from './registry.js';

export const unixFormatter: Formatter = {
  name: 'unix',
  description: 'file:line:column: severity: message [rule], one finding a line',
  format(run, options) {
    const lines: string[] = [];
    for (const finding of sortedFindings(activeFindings(run.findings))) {
      const at = finding.locations[0];
      const where = at ? `${oneLinePath(displayPath(at.path, options.cwd))}${pageText(at)}:${at.line}:${at.column}` : '-';
      // One finding must stay one line, whatever the message holds.
      const message = finding.message.replace(/\s*[\r\n]+\s*/g, ' ');
      lines.push(`${where}: ${finding.severity}: ${message} [${finding.rule}]`);
    }
    return lines.length ? `${lines.join('\n')}\n` : '';
  },
};
