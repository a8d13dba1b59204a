/**
 * What the discrepancy report shows, computed once from a CheckRun; report.md and index.html
 * are two renderings of this view. Strings here are raw (unescaped): each renderer escapes.
 */
import { formatInterval } from '../../checks/compare.js';
import { t } from '../../i18n.js';
import { SEVERITY_ORDER, type CheckRun, type Coverage, type Document, type Figure, type Finding, type Locale, type Location, type Severity } from '../../model.js';
import {
  activeFindings,
  displayPath,
  documentIndex,
  figureCounts,
  positionText,
  ruleInfos,
  sortedFindings,
  summarize,
  type RuleInfo,
  type Summary,
} from '../common.js';
import type { FormatOptions } from '../registry.js';
import { chartOf, chartStatement, type Chart } from './chart.js';
import { excerpt, type Excerpt } from './context.js';
import { documentTexts, type DocumentText } from './marks.js';
import { coverageById, coverageSentence, runSummary, suppressedInTextText } from '../coverage.js';

export interface DocumentRow {
  id: string;
  path: string;
  status: string;
  period: string;
  encoding: string;
  script: string;
  figures: number;
  /** Coverage (src/coverage/): figures with a metric, compared with another statement (of another document), findings; null for a run without coverage. */
  withMetric: number | null;
  compared: number | null;
  comparedAcross: number | null;
  findingCount: number | null;
}

export interface StatementRow extends Excerpt {
  document: string;
  status: string;
  period: string;
  /** `path:line:column`. */
  where: string;
  raw: string;
  interval: string;
  /** False when a finding reports this statement as disagreeing (a mismatch, a missed target). */
  agrees: boolean;
  /** An estimate (预计), marked in `status` too. */
  estimate?: boolean;
}

export interface PlaceRow extends Excerpt {
  document: string;
  where: string;
}

export interface FindingRow {
  severity: Severity;
  rule: string;
  message: string;
  metric: string | null;
  fingerprint: string;
  /** Ids of the documents involved. */
  documents: string[];
  places: PlaceRow[];
}

export interface ComparisonView {
  metric: string;
  name: string;
  /** The metric id a reader may see (a rule's metric id), or null for an automatic alignment's internal key. */
  metricShown: string | null;
  auto: boolean;
  period: string;
  verdict: 'consistent' | 'mismatch' | 'single';
  /** The finding reporting this comparison's mismatch, when there is one. */
  finding?: { severity: Severity; rule: string };
  statements: StatementRow[];
  /** The statements' intervals on one axis (null when none has an interval or their units differ). */
  chart: Chart | null;
}

export interface TargetView {
  metric: string;
  name: string;
  /** As ComparisonView.metricShown. */
  metricShown: string | null;
  outcome: 'met' | 'missed' | 'indeterminate';
  finding?: { severity: Severity; rule: string };
  target: StatementRow;
  actual: StatementRow;
  /** Target and actual on one axis, the target first. */
  chart: Chart | null;
}

export interface CoverageRow {
  period: string;
  first: string;
  second: string;
  both: string[];
  onlyFirst: string[];
  onlySecond: string[];
}

/** Sections of findings by rule id (the rule ids are the output contract of the checks). */
export const FINDING_SECTIONS = [
  { key: 'arithmetic', rules: ['arithmetic-mismatch'] },
  { key: 'duplicates', rules: ['duplicate-section'] },
  { key: 'missing', rules: ['placeholder', 'figure-missing'] },
  { key: 'damage', rules: ['encoding-damage', 'boilerplate'] },
] as const;
export type SectionKey = (typeof FINDING_SECTIONS)[number]['key'];

export interface ReportView {
  locale: Locale;
  version: string;
  summary: Summary & { suppressedInText?: number };
  /** The coverage sentence (stylish's last line); null for a run without coverage. */
  coverageText: string | null;
  documents: DocumentRow[];
  /** Rule ids the (active) findings use, with their descriptions. */
  rules: RuleInfo[];
  findings: FindingRow[];
  comparisons: ComparisonView[];
  targets: TargetView[];
  sections: Record<SectionKey, FindingRow[]>;
  coverage: CoverageRow[];
  /** Each document's text with its figures marked by what became of them (paged in index.html). */
  texts: DocumentText[];
  warnings: string[];
}

const DASH = '—';

function statusText(document: Document | undefined, locale: Locale): string {
  switch (document?.status) {
    case 'final':
      return t(locale, { en: 'final', zh: '终稿' });
    case 'preliminary':
      return t(locale, { en: 'preliminary', zh: '初步' });
    case 'draft':
      return t(locale, { en: 'draft', zh: '草稿' });
    default:
      return DASH;
  }
}

/** The findings that report a comparison's statements as disagreeing: a mismatch, an estimate revised. */
const COMPARISON_RULES = ['figure-mismatch', 'estimate-revised'];

/** A statement's document status, and `estimate` for an estimate (预计): which side of a comparison is preliminary. */
function statementStatus(status: string, figure: Figure, locale: Locale): string {
  if (figure.modality !== 'estimate') return status;
  const estimate = t(locale, LABELS.estimate);
  return status === DASH ? estimate : `${status}, ${estimate}`;
}

/**
 * A metric id as readers see it: a rule's id (`funds-attracted`) is theirs; an automatic alignment's
 * key (`auto:label|unit|kind|change`) is internal, and its display name says the same in words.
 */
export function shownMetric(metric: string): string | null {
  return metric.startsWith('auto:') ? null : metric;
}

export function buildView(run: CheckRun, options: FormatOptions): ReportView {
  const rows = new RowMaker(run, options);
  // Most severe first, then by place: the report is read top-down.
  const active = sortedFindings(activeFindings(run.findings)).sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
  const findings: FindingRow[] = active.map((finding) => rows.finding(finding));
  const findingFor = firstFindingOf(active);
  return {
    locale: options.locale,
    version: options.version,
    summary: runSummary(run),
    coverageText: run.figureCoverage ? coverageSentence(run.figureCoverage, runSummary(run), options.locale) : null,
    documents: documentRows(run, options),
    rules: ruleInfos(active).filter((rule) => active.some((f) => f.rule === rule.id)),
    findings,
    comparisons: comparisonViews(run, rows, findingFor),
    targets: targetViews(run, rows, findingFor),
    sections: findingSections(findings),
    texts: documentTexts(run),
    coverage: coverageRows(run),
    warnings: run.warnings,
  };
}

/** The rule and severity of a finding that reports a comparison or a target, if any. */
type FindingFor = (rule: string, metric: string) => { severity: Severity; rule: string } | undefined;

/** Rows for statements and findings: a figure or a finding's place, with its document and excerpt. */
class RowMaker {
  private readonly byPath: Map<string, Document>;
  private readonly byId: Map<string, Document>;
  private readonly disagreeing = new Set<string>();

  constructor(
    run: CheckRun,
    private readonly options: FormatOptions,
  ) {
    ({ byPath: this.byPath, byId: this.byId } = documentIndex(run));
    // Where a mismatch finding (or a revised estimate's) places a statement of its metric: that statement disagrees.
    for (const finding of run.findings) {
      if (!COMPARISON_RULES.includes(finding.rule) || finding.suppressed) continue;
      for (const location of finding.locations) this.disagreeing.add(`${finding.metric}\u0000${location.path}\u0000${location.line}:${location.column}`);
    }
  }

  private where(location: Location): string {
    return positionText(location, this.options.cwd);
  }

  /** Whether a mismatch finding of `metric` places this statement. */
  disagrees(metric: string, figure: Figure): boolean {
    return this.disagreeing.has(`${metric}\u0000${figure.location.path}\u0000${figure.location.line}:${figure.location.column}`);
  }

  statement(figure: Figure, agrees = true): StatementRow {
    const document = this.byId.get(figure.document);
    return {
      agrees,
      document: figure.document,
      status: statementStatus(statusText(document, this.options.locale), figure, this.options.locale),
      ...(figure.modality === 'estimate' ? { estimate: true } : {}),
      period: figure.period ?? document?.period ?? DASH,
      where: this.where(figure.location),
      raw: figure.raw,
      interval: figure.interval ? formatInterval(figure.interval, figure.unit) : DASH,
      ...excerpt(document, figure.location),
    };
  }

  finding(finding: Finding): FindingRow {
    const places = finding.locations.map((location) => {
      const document = this.byPath.get(location.path);
      return {
        document: document?.id ?? displayPath(location.path, this.options.cwd),
        where: this.where(location),
        ...excerpt(document, location),
      };
    });
    return {
      severity: finding.severity,
      rule: finding.rule,
      message: finding.message,
      metric: finding.metric,
      fingerprint: finding.fingerprint,
      documents: [...new Set(places.map((p) => p.document))],
      places,
    };
  }
}

// The first (most severe) finding per rule and metric, indexed once: a run of 10,000 documents has
// tens of thousands of comparisons and findings.
function firstFindingOf(active: Finding[]): FindingFor {
  const firstFinding = new Map<string, Finding>();
  for (const finding of active) {
    const key = `${finding.rule}\u0000${finding.metric}`;
    if (!firstFinding.has(key)) firstFinding.set(key, finding);
  }
  return (rule, metric) => {
    const hit = firstFinding.get(`${rule}\u0000${metric}`);
    return hit ? { severity: hit.severity, rule: hit.rule } : undefined;
  };
}

/** Metric groups, mismatches first, each statement marked agreeing or not and drawn on a chart. */
function comparisonViews(run: CheckRun, rows: RowMaker, findingFor: FindingFor): ComparisonView[] {
  const verdictOrder = { mismatch: 0, consistent: 1, single: 2 } as const;
  return [...run.comparisons]
    .sort((a, b) => verdictOrder[a.verdict] - verdictOrder[b.verdict] || a.name.localeCompare(b.name, 'zh-CN') || a.metric.localeCompare(b.metric))
    .map((comparison) => ({
      metric: comparison.metric,
      name: comparison.name,
      metricShown: shownMetric(comparison.metric),
      auto: comparison.auto,
      period: comparison.period ?? DASH,
      verdict: comparison.verdict,
      ...(comparison.verdict === 'mismatch' ? { finding: findingFor('figure-mismatch', comparison.metric) ?? findingFor('estimate-revised', comparison.metric) } : {}),
      statements: comparison.statements.map((figure) => rows.statement(figure, !rows.disagrees(comparison.metric, figure))),
      chart: chartOf(comparison.statements.map((figure) => chartStatement(figure, rows.disagrees(comparison.metric, figure)))),
    }));
}

/** Targets, missed first, each with the actual figure it was held against. */
function targetViews(run: CheckRun, rows: RowMaker, findingFor: FindingFor): TargetView[] {
  const outcomeOrder = { missed: 0, indeterminate: 1, met: 2 } as const;
  return [...run.targets]
    .sort((a, b) => outcomeOrder[a.outcome] - outcomeOrder[b.outcome] || a.name.localeCompare(b.name, 'zh-CN'))
    .map((target) => ({
      metric: target.metric,
      name: target.name,
      metricShown: shownMetric(target.metric),
      outcome: target.outcome,
      ...(target.outcome === 'missed' ? { finding: findingFor('target-missed', target.metric) } : {}),
      target: rows.statement(target.target, target.outcome !== 'missed'),
      actual: rows.statement(target.actual, target.outcome !== 'missed'),
      chart: chartOf([chartStatement(target.target, false), chartStatement(target.actual, target.outcome === 'missed')]),
    }));
}

/** The findings of each section of its own (arithmetic, duplicates, missing, damage). */
function findingSections(findings: FindingRow[]): Record<SectionKey, FindingRow[]> {
  return Object.fromEntries(
    FINDING_SECTIONS.map((section) => [section.key, findings.filter((f) => (section.rules as readonly string[]).includes(f.rule))]),
  ) as Record<SectionKey, FindingRow[]>;
}

/** One row per document: what was read of it and how much of it was compared. */
function documentRows(run: CheckRun, options: FormatOptions): DocumentRow[] {
  const counts = figureCounts(run);
  const reach = coverageById(run);
  return run.documents.map((document) => ({
    id: document.id,
    path: displayPath(document.path, options.cwd),
    status: statusText(document, options.locale),
    period: document.period ?? DASH,
    encoding: document.encoding,
    script: document.script,
    figures: counts.get(document.id) ?? 0,
    withMetric: reach.get(document.id)?.withMetric ?? null,
    compared: reach.get(document.id)?.compared ?? null,
    comparedAcross: reach.get(document.id)?.comparedAcross ?? null,
    findingCount: reach.get(document.id)?.findings ?? null,
  }));
}

/** Per period and pair of documents, the metrics both state and those only one does, by name. */
function coverageRows(run: CheckRun): CoverageRow[] {
  // Coverage lists metrics by id; readers see their names (an automatic key is internal).
  const names = new Map<string, string>();
  for (const comparison of run.comparisons) if (!names.has(comparison.metric)) names.set(comparison.metric, comparison.name);
  const metricName = (metric: string) => names.get(metric) ?? shownMetric(metric) ?? metric.slice('auto:'.length).split('|')[0]!;
  return run.coverage.map((coverage: Coverage) => ({
    period: coverage.period,
    first: coverage.documents[0],
    second: coverage.documents[1],
    both: coverage.both.map(metricName),
    onlyFirst: coverage.onlyFirst.map(metricName),
    onlySecond: coverage.onlySecond.map(metricName),
  }));
}

/** The report's fixed words, in both languages. */
export const LABELS = {
  title: { en: 'figcheck discrepancy report', zh: 'figcheck 数据差异报告' },
  summary: { en: 'Summary', zh: '概览' },
  documents: { en: 'Documents', zh: '文档' },
  findings: { en: 'Findings', zh: '问题' },
  comparisons: { en: 'Statements by metric', zh: '各指标的表述对照' },
  targets: { en: 'Targets', zh: '目标完成情况' },
  arithmetic: { en: 'Arithmetic', zh: '计算关系' },
  duplicates: { en: 'Duplicated sections', zh: '重复段落' },
  missing: { en: 'Missing numbers', zh: '缺失的数字' },
  damage: { en: 'Damaged text', zh: '受损文本' },
  coverage: { en: 'Coverage', zh: '指标覆盖' },
  texts: { en: 'Documents with their figures marked', zh: '文档原文与数字标注' },
  agreed: { en: 'agreed with another statement', zh: '与其他表述一致' },
  finding: { en: 'in a finding', zh: '有问题' },
  uncompared: { en: 'compared with nothing', zh: '未比对' },
  unreliable: { en: 'unreliable (damaged or vague text)', zh: '不可靠（文本受损或表述模糊）' },
  placeholder: { en: 'placeholder', zh: '占位符' },
  figuresTotal: { en: 'figures', zh: '个数字' },
  textOmitted: {
    en: 'The text is left out to keep this page small; the counts are complete.',
    zh: '为控制页面大小未附原文；计数完整。',
  },
  toText: { en: 'text', zh: '原文' },
  linesShown: { en: 'lines', zh: '行' },
  warnings: { en: 'Skipped inputs', zh: '跳过的输入' },
  filters: { en: 'Filter', zh: '筛选' },
  severity: { en: 'Severity', zh: '级别' },
  rule: { en: 'Rule', zh: '规则' },
  document: { en: 'Document', zh: '文档' },
  id: { en: 'Id', zh: '标识' },
  path: { en: 'Path', zh: '路径' },
  status: { en: 'Status', zh: '状态' },
  period: { en: 'Period', zh: '期间' },
  encoding: { en: 'Encoding', zh: '编码' },
  script: { en: 'Script', zh: '字形' },
  figureCount: { en: 'Figures', zh: '数字' },
  withMetric: { en: 'With a metric', zh: '有指标' },
  compared: { en: 'Compared', zh: '已比对' },
  comparedAcross: { en: 'Across documents', zh: '跨文档比对' },
  findingCount: { en: 'Findings', zh: '问题' },
  message: { en: 'Message', zh: '说明' },
  where: { en: 'Where', zh: '位置' },
  statement: { en: 'Statement', zh: '原文' },
  interval: { en: 'Interval', zh: '区间' },
  verdict: { en: 'Verdict', zh: '结论' },
  metric: { en: 'Metric', zh: '指标' },
  target: { en: 'Target', zh: '目标' },
  actual: { en: 'Actual', zh: '实际' },
  estimate: { en: 'estimate', zh: '预计' },
  outcome: { en: 'Outcome', zh: '结果' },
  both: { en: 'Stated in both', zh: '两者都有' },
  onlyIn: { en: 'Only in', zh: '仅见于' },
  none: { en: 'None.', zh: '无。' },
  auto: { en: 'aligned automatically', zh: '自动对齐' },
  shown: { en: 'shown', zh: '条显示中' },
  generated: { en: 'Generated by figcheck', zh: '由 figcheck 生成' },
  mismatch: { en: 'mismatch', zh: '不一致' },
  consistent: { en: 'consistent', zh: '一致' },
  single: { en: 'single statement', zh: '仅一处表述' },
  met: { en: 'met', zh: '已完成' },
  missed: { en: 'missed', zh: '未完成' },
  indeterminate: { en: 'indeterminate', zh: '无法判断' },
  search: { en: 'Search documents by id or path', zh: '按标识或路径搜索文档' },
  matching: { en: 'Matching documents', zh: '匹配的文档' },
  only: { en: 'Only', zh: '仅显示' },
  clear: { en: 'Clear', zh: '清除' },
  previous: { en: 'Previous', zh: '上一页' },
  next: { en: 'Next', zh: '下一页' },
  cited: { en: 'Other statements cited by findings', zh: '问题引用的其他表述' },
  chart: { en: 'The statements\' intervals on one axis (select a band to go to its statement)', zh: '各表述的区间（共用一条数轴；点击色带跳到该表述）' },
  chartLegend: {
    en: 'Each band is one statement\'s interval on a shared axis: solid = actual, dashed outline = target, red = in a mismatch or a missed target, green shading = overlap; ● end included, ○ end excluded, arrow = no bound. Select a band to go to its statement.',
    zh: '每条色带是一处表述的区间（共用一条数轴）：实心为实际数，虚线框为目标，红色为不一致或未完成的目标，绿色阴影为重叠部分；● 含端点，○ 不含端点，箭头表示无上（下）限。点击色带可跳到该表述。',
  },
  toStatements: { en: 'statement', zh: '表述' },
  toFinding: { en: 'finding', zh: '问题' },
  needsScript: {
    en: 'This page shows the findings with JavaScript, which is turned off; report.md beside it has the same content.',
    zh: '本页需要 JavaScript 才能显示问题；同目录下的 report.md 内容相同。',
  },
  shortened: {
    en: 'The sentences around the figures are shortened to keep this page small',
    zh: '为控制页面大小，数字所在句子已缩短',
  },
} satisfies Record<string, { en: string; zh: string }>;

export function label(view: ReportView, key: keyof typeof LABELS): string {
  return t(view.locale, LABELS[key]);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function summaryText(view: ReportView): string {
  const s = view.summary;
  const parts =
    view.locale === 'zh-CN'
      ? [`${s.error} 个错误`, `${s.warning} 个警告`, `${s.info} 个提示`, ...(s.suppressed ? [`${s.suppressed} 个已由基线抑制`] : [])]
      : [plural(s.error, 'error'), plural(s.warning, 'warning'), `${s.info} info`, ...(s.suppressed ? [`${s.suppressed} suppressed by the baseline`] : [])];
  if (s.suppressedInText) parts.push(suppressedInTextText(s.suppressedInText, view.locale));
  const docs = view.locale === 'zh-CN' ? `${view.documents.length} 份文档` : plural(view.documents.length, 'document');
  return `${docs}; ${parts.join(view.locale === 'zh-CN' ? '，' : ', ')}`;
}
