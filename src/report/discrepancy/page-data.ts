/**
 * The discrepancy report's content as index.html's page script reads it (see page-script.ts for the field
 * order): every repeated string written once and referred to by index, every statement (a figure in its
 * sentence) stored once and referred to by index from findings, metric groups and targets, so a run of
 * 10,000 documents gives data of a few MB.
 */
import { SEVERITIES, severityLabel } from '../common.js';
import type { Chart } from './chart.js';
import { FIGURE_STATES } from './marks.js';
import { FINDING_SECTIONS, LABELS, label, type FindingRow, type ReportView, type StatementRow } from './view.js';

/** Rows (or metric groups) per page of each list. */
const PAGE_SIZE = 50;
/** Characters kept on each side of a figure as the page shrinks (80 is the full excerpt). */
export const CONTEXT_STEPS = [80, 48, 32, 20, 12, 6, 0];

/**
 * One statement, as short as it can be written (a report of 10,000 documents holds ~50,000):
 * [document index (or path), "line:column", match, interval, before?, after?, period?, estimate?]; the optional
 * fields are left off when empty, the period when it is the document's; estimate is 1 for an estimate (预计).
 */
type StatementRecord = (number | string)[];

export interface Statement {
  document: number | string;
  where: string;
  match: string;
  interval: string;
  period: string;
  /** The full excerpt sides, shortened from these. */
  before: string;
  after: string;
  /** Cited by a finding: keeps its sentence longest. */
  cited: boolean;
  /** Characters kept on each side. */
  keep: number;
  /** An estimate (预计): the preliminary side of a comparison. */
  estimate?: boolean;
}

function shorten(before: string, after: string, keep: number): [string, string] {
  const b = [...before];
  const a = [...after];
  return [
    b.length > keep ? (keep ? `…${b.slice(b.length - keep).join('')}` : '') : before,
    a.length > keep ? (keep ? `${a.slice(0, keep).join('')}…` : '') : after,
  ];
}

function statementRecord(s: Statement, documentPeriod: string | undefined): StatementRecord {
  const [before, after] = shorten(s.before, s.after, s.keep);
  const record: StatementRecord = [s.document, s.where, s.match, s.interval, before, after, s.period === documentPeriod ? '' : s.period, s.estimate ? 1 : ''];
  while (record.length > 4 && record[record.length - 1] === '') record.pop();
  return record;
}

const VERDICTS = ['mismatch', 'consistent', 'single', 'met', 'missed', 'indeterminate'];

/** Repeated strings (names, metric ids, periods, statuses…) are written once, then referred to by index. */
class StringTable {
  readonly strings: string[] = [];
  private readonly indexes = new Map<string, number>();

  index(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(value);
      this.indexes.set(value, index);
    }
    return index;
  }
}

type Place = { document: string; where: string; before: string; match: string; after: string };

/** Each statement once, by place and figure, whichever findings, groups and targets cite it. */
class StatementTable {
  readonly statements: Statement[] = [];
  private readonly indexes = new Map<string, number>();

  constructor(
    private readonly view: ReportView,
    private readonly documentIndex: Map<string, number>,
  ) {}

  /** The index of the statement at `row`'s place; `more` (a group's or target's row) gives its interval and period. */
  of(row: Place, more?: StatementRow): number {
    const key = `${row.where}\u0000${row.match}`;
    let index = this.indexes.get(key);
    if (index === undefined) {
      const document = this.documentIndex.get(row.document);
      const path = document === undefined ? row.document : this.view.documents[document]!.path;
      // "line:column" (or a PDF's "#page=N:line:column") after the document's path; anything else whole, marked.
      const where = row.where.startsWith(`${path}:`)
        ? row.where.slice(path.length + 1)
        : row.where.startsWith(`${path}#page=`)
          ? row.where.slice(path.length)
          : `\u0000${row.where}`;
      index = this.statements.length;
      this.statements.push({ document: document ?? row.document, where, match: row.match, interval: '—', period: '—', before: row.before, after: row.after, cited: false, keep: CONTEXT_STEPS[0]! });
      this.indexes.set(key, index);
    }
    if (more) {
      this.statements[index]!.interval = more.interval;
      this.statements[index]!.period = more.period;
      if (more.estimate) this.statements[index]!.estimate = true;
    }
    return index;
  }

  /** As `of`, for a place a finding cites (its sentence is kept longest). */
  cited(row: Place): number {
    const index = this.of(row);
    this.statements[index]!.cited = true;
    return index;
  }
}

/** Finds the finding that reports a metric group or a target: one of its rule and metric citing its statements. */
type FindingOf = (finding: { rule: string } | undefined, metric: string, list: number[]) => number;

function citingFinding(findings: FindingRow[], findingStatements: number[][]): FindingOf {
  const citing = new Map<number, number[]>();
  findingStatements.forEach((list, f) => {
    for (const s of list) citing.set(s, [...(citing.get(s) ?? []), f]);
  });
  return (finding, metric, list) => {
    if (!finding) return -1;
    for (const s of list) {
      for (const f of citing.get(s) ?? []) if (findings[f]!.rule === finding.rule && findings[f]!.metric === metric) return f;
    }
    return -1;
  };
}

// A chart as the page script draws it: [ticks [position, label]…, bands [statement, x0, x1, flags]…,
// overlaps [x0, x1]…], the labels as string indexes; 0 when there is no chart.
function chartRecord(c: Chart | null, strings: StringTable) {
  return c ? [c.ticks.map(([x, text]) => [x, strings.index(text)]), c.bands, c.overlaps] : 0;
}

/** Metric groups: [name, metric shown or -1, verdict, period, auto, finding or -1, statements, chart]. */
function groupRecords(view: ReportView, strings: StringTable, groupStatements: number[][], findingOf: FindingOf) {
  return view.comparisons.map((c, i) => [
    strings.index(c.name),
    c.metricShown === null ? -1 : strings.index(c.metricShown),
    VERDICTS.indexOf(c.verdict),
    strings.index(c.period),
    c.auto ? 1 : 0,
    findingOf(c.finding, c.metric, groupStatements[i]!),
    groupStatements[i]!,
    c.verdict === 'single' ? 0 : chartRecord(c.chart, strings),
  ]);
}

/** Targets: [name, metric shown or -1, outcome, finding or -1, target statement, actual statement, chart]. */
function targetRecords(view: ReportView, strings: StringTable, targetStatements: number[][], findingOf: FindingOf) {
  return view.targets.map((t, i) => [
    strings.index(t.name),
    t.metricShown === null ? -1 : strings.index(t.metricShown),
    VERDICTS.indexOf(t.outcome),
    findingOf(t.finding, t.metric, targetStatements[i]!),
    ...targetStatements[i]!,
    chartRecord(t.chart, strings),
  ]);
}

/** Findings: [severity, rule, message, statements], severity and rule as indexes. */
function findingRecords(view: ReportView, rules: string[], findingStatements: number[][]) {
  const ruleIndex = new Map(rules.map((id, i) => [id, i]));
  const severityIndex = new Map(SEVERITIES.map((s, i) => [s, i]));
  return view.findings.map((f, i) => [severityIndex.get(f.severity) ?? 0, ruleIndex.get(f.rule)!, f.message, findingStatements[i]!]);
}

/** Coverage of pairs of documents the report lists: [period, first, second, both, only first, only second]. */
function coverageRecords(view: ReportView, strings: StringTable, documentIndex: Map<string, number>) {
  return view.coverage
    .filter((c) => documentIndex.has(c.first) && documentIndex.has(c.second))
    .map((c) => [strings.index(c.period), documentIndex.get(c.first)!, documentIndex.get(c.second)!, c.both.length, strings.index(c.onlyFirst.join('、')), strings.index(c.onlySecond.join('、'))]);
}

// Each document's text: [lines or 0 (over budget), marks [line, column, endLine, endColumn, state, PDF place?]…,
// counts by state].
function textRecords(view: ReportView) {
  return view.texts.map((text) => [
    text.lines ?? 0,
    text.marks.map((m) => {
      const mark: Array<number | string> = [m.line, m.column, m.endLine, m.endColumn, FIGURE_STATES.indexOf(m.state)];
      if (m.cited) mark.push(m.cited);
      return mark;
    }),
    FIGURE_STATES.map((state) => text.counts[state]),
  ]);
}

// Coverage counts after the figures; -1 where the run did not count them (shown as a dash).
function documentRecords(view: ReportView, strings: StringTable) {
  return view.documents.map((d) => [d.id, d.path, strings.index(d.status), strings.index(d.period), strings.index(d.encoding), strings.index(d.script), d.figures, d.withMetric ?? -1, d.compared ?? -1, d.comparedAcross ?? -1, d.findingCount ?? -1]);
}

/**
 * The report's content as the page script reads it. `statements` are kept so the page can shorten their
 * sentences (keep) and ask for the data again until it fits its budget.
 */
export function pageData(view: ReportView) {
  const strings = new StringTable();
  const documentIndex = new Map(view.documents.map((d, i) => [d.id, i]));
  const table = new StatementTable(view, documentIndex);
  const rules = view.rules.map((r) => r.id);
  for (const finding of view.findings) if (!rules.includes(finding.rule)) rules.push(finding.rule);

  // (Statements and strings are numbered in the order they are first met: groups, targets, findings …)
  const groupStatements = view.comparisons.map((c) => c.statements.map((s) => table.of(s, s)));
  const targetStatements = view.targets.map((t) => [table.of(t.target, t.target), table.of(t.actual, t.actual)]);
  const findingStatements = view.findings.map((f) => f.places.map((p) => table.cited(p)));
  const findingOf = citingFinding(view.findings, findingStatements);
  const groups = groupRecords(view, strings, groupStatements, findingOf);
  const targets = targetRecords(view, strings, targetStatements, findingOf);
  const findings = findingRecords(view, rules, findingStatements);
  const coverage = coverageRecords(view, strings, documentIndex);
  const texts = textRecords(view);
  const docs = documentRecords(view, strings);

  const labels = Object.fromEntries(Object.keys(LABELS).map((key) => [key, label(view, key as keyof typeof LABELS)]));
  const data = (records: StatementRecord[]) => ({
    locale: view.locale === 'zh-CN' ? 'zh-CN' : 'en',
    page: PAGE_SIZE,
    labels,
    verdicts: VERDICTS,
    sev: SEVERITIES.map((s) => [s, severityLabel(s, view.locale)]),
    rules,
    sections: Object.fromEntries(FINDING_SECTIONS.map((s) => [s.key, s.rules])),
    s: strings.strings,
    docs,
    st: records,
    f: findings,
    g: groups,
    t: targets,
    c: coverage,
    states: FIGURE_STATES,
    x: texts,
  });
  const { statements } = table;
  const records = () => statements.map((s) => statementRecord(s, typeof s.document === 'number' ? view.documents[s.document]!.period : undefined));
  return { statements, data: () => data(records()) };
}
