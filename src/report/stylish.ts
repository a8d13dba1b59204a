/**
 * ESLint-style report for a terminal: findings grouped by file, `line:column  severity  message
 * rule`, the other statements of a finding indented below it, then a summary line.
 */
import { Chalk } from 'chalk';
import { t } from '../i18n.js';
import type { Finding, Severity } from '../model.js';
import { activeFindings, displayPath, oneLinePath, pageText, severityLabel, shorten, sortedFindings, type Summary } from './common.js';
import { coverageSentence, runSummary, suppressedInTextText } from './coverage.js';
import type { FormatOptions, Formatter } from './registry.js';

function summaryLine(summary: Summary & { suppressedInText?: number }, options: FormatOptions): string {
  const total = summary.error + summary.warning + summary.info;
  const parts =
    options.locale === 'zh-CN'
      ? [`${summary.error} 个错误`, `${summary.warning} 个警告`, `${summary.info} 个提示`]
      : [
          `${summary.error} error${summary.error === 1 ? '' : 's'}`,
          `${summary.warning} warning${summary.warning === 1 ? '' : 's'}`,
          `${summary.info} info`,
        ];
  if (summary.suppressed) parts.push(t(options.locale, { en: `${summary.suppressed} suppressed by the baseline`, zh: `${summary.suppressed} 个已由基线抑制` }));
  if (summary.suppressedInText) parts.push(suppressedInTextText(summary.suppressedInText, options.locale));
  const head = t(options.locale, {
    en: `${total} problem${total === 1 ? '' : 's'}`,
    zh: `共 ${total} 个问题`,
  });
  return options.locale === 'zh-CN' ? `${head}（${parts.join('，')}）` : `${head} (${parts.join(', ')})`;
}

export const stylishFormatter: Formatter = {
  name: 'stylish',
  description: 'grouped by file, for a terminal (default on a TTY)',
  format(run, options) {
    const chalk = new Chalk({ level: options.color ? 1 : 0 });
    const paint: Record<Severity, (s: string) => string> = { error: chalk.red, warning: chalk.yellow, info: chalk.blue };
    const summary = runSummary(run);
    const findings = sortedFindings(activeFindings(run.findings));
    // A clean run says what it read and compared, so that silence is never taken for agreement.
    const coverage = run.figureCoverage ? coverageSentence(run.figureCoverage, summary, options.locale) : null;
    if (!findings.length && !summary.suppressed && !summary.suppressedInText) return coverage ? `${chalk.bold(`✔ ${coverage}`)}\n` : '';

    const byFile = new Map<string, Finding[]>();
    for (const finding of findings) {
      const path = finding.locations[0] ? oneLinePath(displayPath(finding.locations[0].path, options.cwd)) : '-';
      byFile.set(path, [...(byFile.get(path) ?? []), finding]);
    }
    const out: string[] = [];
    for (const [path, fileFindings] of byFile) {
      out.push('', chalk.underline(path));
      const positions = fileFindings.map((f) => (f.locations[0] ? `${pageText(f.locations[0])}${f.locations[0].line}:${f.locations[0].column}` : ''));
      const positionWidth = Math.max(...positions.map((p) => p.length));
      const labels = fileFindings.map((f) => severityLabel(f.severity, options.locale));
      const labelWidth = Math.max(...labels.map((l) => l.length));
      fileFindings.forEach((finding, i) => {
        const message = finding.message.replace(/\s*[\r\n]+\s*/g, ' ');
        out.push(
          `  ${chalk.dim(positions[i]!.padEnd(positionWidth))}  ${paint[finding.severity](labels[i]!.padEnd(labelWidth))}  ${message}  ${chalk.dim(finding.rule)}`,
        );
        for (const other of finding.locations.slice(1)) {
          const text = other.text ? `  ${shorten(other.text)}` : '';
          out.push(chalk.dim(`  ${' '.repeat(positionWidth)}  ↳ ${oneLinePath(displayPath(other.path, options.cwd))}:${other.line}:${other.column}${text}`));
        }
      });
    }
    const worst: Severity | null = summary.error ? 'error' : summary.warning ? 'warning' : summary.info ? 'info' : null;
    const line = summaryLine(summary, options);
    out.push('', worst ? chalk.bold(paint[worst](`✖ ${line}`)) : chalk.bold(`✔ ${line}`));
    if (coverage) out.push(coverage);
    out.push('');
    return out.join('\n');
  },
};
