/** report.md: the discrepancy report as GitHub-flavoured Markdown (tables; the figure in bold). */
import { escapeMarkdown as md } from '../escape.js';
import { FIGURE_STATES } from './marks.js';
import { label, summaryText, type FindingRow, type ReportView, type StatementRow } from './view.js';

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

/** A coverage count; a dash for a run that did not count it. */
function count(n: number | null): string {
  return n === null ? '—' : String(n);
}

/** A sentence with its figure in bold; every part escaped. */
function sentence(row: { before: string; match: string; after: string }): string {
  const match = row.match ? `**${md(row.match)}**` : '';
  return `${md(row.before)}${match}${md(row.after)}`;
}

/** ✓ for a statement that agrees with the others, ✗ for one a finding reports as disagreeing. */
function mark(agrees: boolean): string {
  return agrees ? '✓' : '✗';
}

function statementCells(row: StatementRow): string[] {
  return [mark(row.agrees), md(row.document), md(row.status), md(row.period), `${sentence(row)}<br>${md(row.where)}`, md(row.interval)];
}

function findingTable(view: ReportView, findings: FindingRow[]): string[] {
  if (!findings.length) return [label(view, 'none')];
  return table(
    [label(view, 'severity'), label(view, 'rule'), label(view, 'message'), label(view, 'statement')],
    findings.map((f) => [
      f.severity,
      md(f.rule),
      md(f.message),
      f.places.map((p) => `${md(p.document)}: ${sentence(p)} (${md(p.where)})`).join('<br>'),
    ]),
  );
}

export function renderMarkdown(view: ReportView): string {
  const out: string[] = [`# ${label(view, 'title')}`, '', `${summaryText(view)}.`, ''];
  if (view.coverageText) out.push(`${md(view.coverageText)}.`, '');
  out.push(`## ${label(view, 'documents')}`, '', ...documentTable(view), '');
  out.push(`## ${label(view, 'findings')}`, '', ...findingTable(view, view.findings), '');
  out.push(`## ${label(view, 'comparisons')}`, '');
  // One push per section: a run of 10,000 documents has more lines of comparisons than a call takes arguments.
  for (const lines of comparisonSections(view)) out.push(...lines);
  out.push(`## ${label(view, 'targets')}`, '', ...targetTable(view), '');
  for (const key of ['arithmetic', 'duplicates', 'missing', 'damage'] as const) {
    out.push(`## ${label(view, key)}`, '', ...findingTable(view, view.sections[key]), '');
  }
  out.push(`## ${label(view, 'coverage')}`, '', ...coverageTable(view), '');
  // What became of each document's figures (index.html shows them marked in the text).
  out.push(`## ${label(view, 'texts')}`, '', ...textTable(view), '');
  if (view.warnings.length) {
    out.push(`## ${label(view, 'warnings')}`, '', ...view.warnings.map((w) => `- ${md(w)}`), '');
  }
  out.push(`---`, '', `${label(view, 'generated')} ${md(view.version)}.`, '');
  return out.join('\n');
}

/** The documents section: one row per document with what the run read and compared of it. */
function documentTable(view: ReportView): string[] {
  return table(
    [label(view, 'id'), label(view, 'path'), label(view, 'status'), label(view, 'period'), label(view, 'encoding'), label(view, 'script'), label(view, 'figureCount'), label(view, 'withMetric'), label(view, 'compared'), label(view, 'comparedAcross'), label(view, 'findingCount')],
    view.documents.map((d) => [md(d.id), md(d.path), md(d.status), md(d.period), md(d.encoding), md(d.script), String(d.figures), count(d.withMetric), count(d.compared), count(d.comparedAcross), count(d.findingCount)]),
  );
}

/** The comparisons section, in parts: a table per metric stated more than once, then the metrics stated once. */
function comparisonSections(view: ReportView): string[][] {
  const sections: string[][] = [];
  if (!view.comparisons.length) sections.push([label(view, 'none'), '']);
  for (const comparison of view.comparisons.filter((c) => c.verdict !== 'single')) {
    const auto = comparison.auto ? `, ${label(view, 'auto')}` : '';
    sections.push([
      `### ${md(comparison.name)} (${comparison.metricShown ? `${md(comparison.metricShown)}, ` : ''}${md(comparison.period)}${auto}): ${label(view, comparison.verdict)}`,
      '',
      ...table(
        ['', label(view, 'document'), label(view, 'status'), label(view, 'period'), label(view, 'statement'), label(view, 'interval')],
        comparison.statements.map(statementCells),
      ),
      '',
    ]);
  }
  sections.push(singleStatementTable(view));
  return sections;
}

/** Metrics stated once: one table rather than hundreds of one-row sections (nothing when there are none). */
function singleStatementTable(view: ReportView): string[] {
  const once = view.comparisons.filter((c) => c.verdict === 'single' && c.statements.length);
  if (!once.length) return [];
  return [
    `### ${label(view, 'single')} (${once.length})`,
    '',
    ...table(
      [label(view, 'metric'), label(view, 'document'), label(view, 'period'), label(view, 'statement'), label(view, 'interval')],
      once.map((c) => [`${md(c.name)}${c.metricShown ? ` (${md(c.metricShown)})` : ''}`, md(c.statements[0]!.document), md(c.statements[0]!.period), `${sentence(c.statements[0]!)}<br>${md(c.statements[0]!.where)}`, md(c.statements[0]!.interval)]),
    ),
    '',
  ];
}

/** The targets section: each target with the actual figure it was held against and the outcome. */
function targetTable(view: ReportView): string[] {
  if (!view.targets.length) return [label(view, 'none')];
  return table(
    [label(view, 'metric'), label(view, 'target'), label(view, 'actual'), label(view, 'outcome')],
    view.targets.map((target) => [
      `${md(target.name)}${target.metricShown ? ` (${md(target.metricShown)})` : ''}`,
      `${md(target.target.document)}: ${sentence(target.target)} = ${md(target.target.interval)}`,
      `${md(target.actual.document)}: ${sentence(target.actual)} = ${md(target.actual.interval)}`,
      `${target.outcome === 'met' ? '✓' : target.outcome === 'missed' ? '✗' : '?'} ${label(view, target.outcome)}`,
    ]),
  );
}

/** The coverage section: per period and pair of documents, the metrics both state and those only one does. */
function coverageTable(view: ReportView): string[] {
  if (!view.coverage.length) return [label(view, 'none')];
  return table(
    [label(view, 'period'), label(view, 'document'), label(view, 'both'), label(view, 'onlyIn'), label(view, 'onlyIn')],
    view.coverage.map((c) => [
      md(c.period),
      `${md(c.first)} / ${md(c.second)}`,
      String(c.both.length),
      `${md(c.first)}: ${c.onlyFirst.map(md).join(', ') || '—'}`,
      `${md(c.second)}: ${c.onlySecond.map(md).join(', ') || '—'}`,
    ]),
  );
}

/** The texts section: how many of each document's figures ended in each state. */
function textTable(view: ReportView): string[] {
  if (!view.texts.length) return [label(view, 'none')];
  return table(
    [label(view, 'document'), label(view, 'figureCount'), ...FIGURE_STATES.map((state) => label(view, state))],
    view.texts.map((text) => [md(text.document), String(text.marks.length), ...FIGURE_STATES.map((state) => String(text.counts[state]))]),
  );
}
