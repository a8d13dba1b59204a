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
import { excerpt, type Excerpt } from './context.js';

export interface DocumentRow {
  id: string;
  path: string;
  status: string;
  period: string;
  encoding: string;
  script: string;
  figures: number;
}

export interface StatementRow extends Excerpt {
  document: string;
  status: string;
  period: string;
  /** `path:line:column`. */
  where: string;
  raw: string;
  interval: string;
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
  summary: Summary;
  documents: DocumentRow[];
  /** Rule ids the (active) findings use, with their descriptions. */
  rules: RuleInfo[];
  findings: FindingRow[];
  comparisons: ComparisonView[];
  targets: TargetView[];
  sections: Record<SectionKey, FindingRow[]>;
  coverage: CoverageRow[];
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

/**
 * A metric id as readers see it: a rule's id (`funds-attracted`) is theirs; an automatic alignment's
 * key (`auto:label|unit|kind|change`) is internal, and its display name says the same in words.
 */
export function shownMetric(metric: string): string | null {
  return metric.startsWith('auto:') ? null : metric;
}

export function buildView(run: CheckRun, options: FormatOptions): ReportView {
  const { byPath, byId } = documentIndex(run);
  const counts = figureCounts(run);
  const where = (location: Location) => positionText(location, options.cwd);

  const statement = (figure: Figure): StatementRow => {
    const document = byId.get(figure.document);
    return {
      document: figure.document,
      status: statusText(document, options.locale),
      period: figure.period ?? document?.period ?? DASH,
      where: where(figure.location),
      raw: figure.raw,
      interval: figure.interval ? formatInterval(figure.interval, figure.unit) : DASH,
      ...excerpt(document, figure.location),
    };
  };

  // Most severe first, then by place: the report is read top-down.
  const active = sortedFindings(activeFindings(run.findings)).sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
  const findings: FindingRow[] = active.map((finding: Finding) => {
    const places = finding.locations.map((location) => {
      const document = byPath.get(location.path);
      return {
        document: document?.id ?? displayPath(location.path, options.cwd),
        where: where(location),
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
  });

  // The first (most severe) finding per rule and metric, indexed once: a run of 10,000 documents has
  // tens of thousands of comparisons and findings.
  const firstFinding = new Map<string, Finding>();
  for (const finding of active) {
    const key = `${finding.rule}\u0000${finding.metric}`;
    if (!firstFinding.has(key)) firstFinding.set(key, finding);
  }
  const findingFor = (rule: string, metric: string) => {
    const hit = firstFinding.get(`${rule}\u0000${metric}`);
    return hit ? { severity: hit.severity, rule: hit.rule } : undefined;
  };
  // Coverage lists metrics by id; readers see their names (an automatic key is internal).
  const names = new Map<string, string>();
  for (const comparison of run.comparisons) if (!names.has(comparison.metric)) names.set(comparison.metric, comparison.name);
  const metricName = (metric: string) => names.get(metric) ?? shownMetric(metric) ?? metric.slice('auto:'.length).split('|')[0]!;

  const verdictOrder = { mismatch: 0, consistent: 1, single: 2 } as const;
  const comparisons: ComparisonView[] = [...run.comparisons]
    .sort((a, b) => verdictOrder[a.verdict] - verdictOrder[b.verdict] || a.name.localeCompare(b.name, 'zh-CN') || a.metric.localeCompare(b.metric))
    .map((comparison) => ({
      metric: comparison.metric,
      name: comparison.name,
      metricShown: shownMetric(comparison.metric),
      auto: comparison.auto,
      period: comparison.period ?? DASH,
      verdict: comparison.verdict,
      ...(comparison.verdict === 'mismatch' ? { finding: findingFor('figure-mismatch', comparison.metric) } : {}),
      statements: comparison.statements.map(statement),
    }));

  const outcomeOrder = { missed: 0, indeterminate: 1, met: 2 } as const;
  const targets: TargetView[] = [...run.targets]
    .sort((a, b) => outcomeOrder[a.outcome] - outcomeOrder[b.outcome] || a.name.localeCompare(b.name, 'zh-CN'))
    .map((target) => ({
      metric: target.metric,
      name: target.name,
      metricShown: shownMetric(target.metric),
      outcome: target.outcome,
      ...(target.outcome === 'missed' ? { finding: findingFor('target-missed', target.metric) } : {}),
      target: statement(target.target),
      actual: statement(target.actual),
    }));

  const sections = Object.fromEntries(
    FINDING_SECTIONS.map((section) => [section.key, findings.filter((f) => (section.rules as readonly string[]).includes(f.rule))]),
  ) as Record<SectionKey, FindingRow[]>;

  return {
    locale: options.locale,
    version: options.version,
    summary: summarize(run.findings),
    documents: run.documents.map((document) => ({
      id: document.id,
      path: displayPath(document.path, options.cwd),
      status: statusText(document, options.locale),
      period: document.period ?? DASH,
      encoding: document.encoding,
      script: document.script,
      figures: counts.get(document.id) ?? 0,
    })),
    rules: ruleInfos(active).filter((rule) => active.some((f) => f.rule === rule.id)),
    findings,
    comparisons,
    targets,
    sections,
    coverage: run.coverage.map((coverage: Coverage) => ({
      period: coverage.period,
      first: coverage.documents[0],
      second: coverage.documents[1],
      both: coverage.both.map(metricName),
      onlyFirst: coverage.onlyFirst.map(metricName),
      onlySecond: coverage.onlySecond.map(metricName),
    })),
    warnings: run.warnings,
  };
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
  message: { en: 'Message', zh: '说明' },
  where: { en: 'Where', zh: '位置' },
  statement: { en: 'Statement', zh: '原文' },
  interval: { en: 'Interval', zh: '区间' },
  verdict: { en: 'Verdict', zh: '结论' },
  metric: { en: 'Metric', zh: '指标' },
  target: { en: 'Target', zh: '目标' },
  actual: { en: 'Actual', zh: '实际' },
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
  const docs = view.locale === 'zh-CN' ? `${view.documents.length} 份文档` : plural(view.documents.length, 'document');
  return `${docs}; ${parts.join(view.locale === 'zh-CN' ? '，' : ', ')}`;
}
