/**
 * Hand-built CheckRuns for the report tests: Documents over the real offset map and Figures whose
 * spans and locations come from the documents themselves, findings as the checks would make them.
 * The documents are built here rather than by the pipeline so that these tests exercise the
 * report alone: normalized text is the original (no conversion), sentences end at 。！？； or a
 * line break. The whole pipeline is exercised by the example-corpus tests.
 */
import { fingerprint } from '../src/checks/fingerprint.js';
import type { CheckRun, Document, DocumentStatus, Figure, Finding, Format, Interval, Segment, Severity } from '../src/model.js';
import { identityDocument } from '../src/document.js';

/** Paragraph per line, sentence per 。！？；-terminated run. */
function segmentsOf(text: string): Segment {
  const paragraphs: Segment[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const start = lineStart;
    lineStart += line.length + 1;
    if (!line.trim()) continue;
    const sentences: Segment[] = [];
    let from = start;
    for (let i = start; i < start + line.length; i++) {
      if ('。！？；'.includes(text[i]!) || i === start + line.length - 1) {
        sentences.push({ kind: 'sentence', start: from, end: i + 1, level: 0, children: [] });
        from = i + 1;
      }
    }
    paragraphs.push({ kind: 'paragraph', start, end: start + line.length, level: 0, children: sentences });
  }
  return { kind: 'document', start: 0, end: text.length, level: 0, children: paragraphs };
}

export function textDocument(
  text: string,
  meta: { id: string; path: string; period?: string; status?: DocumentStatus; format?: Format; script?: Document['script'] },
): Document {
  return identityDocument(text, { ...meta, segments: segmentsOf(text) });
}

/** A figure found by its text in a document (the n-th occurrence, 0-based). */
export function figureIn(
  document: Document,
  normalizedText: string,
  fields: Partial<Figure> & { value: number | null; unit: string | null; interval: Interval | null },
  occurrence = 0,
): Figure {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = document.normalized.indexOf(normalizedText, start + 1);
  if (start < 0) throw new Error(`fixture: "${normalizedText}" not in ${document.id}: ${document.normalized}`);
  const end = start + normalizedText.length;
  const location = document.locate(start, end);
  return {
    document: document.id,
    raw: location.text ?? normalizedText,
    exact: fields.value === null ? null : String(fields.value),
    qualifier: null,
    kind: 'level',
    change: null,
    label: '',
    period: document.period ?? null,
    modality: 'actual',
    placeholder: false,
    span: { start, end },
    location,
    ...fields,
  };
}

export function closed(lo: number, hi: number): Interval {
  return { lo, hi, loClosed: true, hiClosed: true };
}

export function finding(rule: string, severity: Severity, message: string, metric: string | null, figures: Figure[]): Finding {
  return {
    fingerprint: fingerprint(rule, metric, figures.map((f) => ({ document: f.document, text: f.raw }))),
    rule,
    severity,
    message,
    metric,
    locations: figures.map((f) => f.location),
  };
}

export const YEARBOOK_TEXT = [
  '【经济发展】',
  '全区引进到位资金3409亿元，比上年增长12%。',
  '全区地区生产总值增长4.2%。',
  '城镇化率达到68.6%。',
  '',
].join('\n');

/** Traditional script, as the republished work report is. */
export const REPORT_TEXT = ['過去一年，引進到位資金3300多億元。', '地區生產總值增長4.2%左右。', '城鎮化率達到×%。', ''].join('\n');

export interface SampleRun {
  run: CheckRun;
  yearbook: Document;
  report: Document;
  figures: Record<string, Figure>;
}

/**
 * Two documents of the same year: a funds mismatch (error, two places), an arithmetic warning,
 * a placeholder (info) and a baselined encoding-damage warning.
 */
export function sampleRun(options: { yearbookText?: string; reportText?: string; dir?: string } = {}): SampleRun {
  const dir = options.dir ?? 'docs-in';
  const yearbook = textDocument(options.yearbookText ?? YEARBOOK_TEXT, {
    id: 'yearbook-gov',
    path: `${dir}/yearbook-2023.txt`,
    period: '2022',
    status: 'final',
  });
  const report = textDocument(options.reportText ?? REPORT_TEXT, {
    script: 'traditional',
    id: 'report-2023',
    path: `${dir}/work-report-2023.txt`,
    period: '2022',
    status: 'preliminary',
  });
  const figures = {
    fundsYearbook: figureIn(yearbook, '3409亿元', { value: 340900000000, unit: '元', interval: closed(340850000000, 340950000000), label: '引进到位资金' }),
    fundsReport: figureIn(report, '3300多億元', {
      value: 330000000000,
      unit: '元',
      interval: { lo: 330000000000, hi: 340000000000, loClosed: false, hiClosed: false },
      qualifier: '多',
      label: '引进到位资金',
    }),
    growthYearbook: figureIn(yearbook, '12%', { value: 12, unit: '%', interval: closed(11.5, 12.5), kind: 'change', change: 'increase' }),
    gdpYearbook: figureIn(yearbook, '4.2%', { value: 4.2, unit: '%', interval: closed(4.15, 4.25), kind: 'change', change: 'increase', label: '地区生产总值' }),
    gdpReport: figureIn(report, '4.2%左右', { value: 4.2, unit: '%', interval: closed(3.7, 4.7), kind: 'change', change: 'increase', label: '地区生产总值' }),
    urbanYearbook: figureIn(yearbook, '68.6%', { value: 68.6, unit: '%', interval: closed(68.55, 68.65), kind: 'share', label: '城镇化率' }),
    urbanReport: figureIn(report, '×%', { value: null, unit: '%', interval: null, placeholder: true, kind: 'share', label: '城镇化率' }),
  };
  const findings: Finding[] = [
    finding(
      'figure-mismatch',
      'error',
      '引进到位资金: 3409亿元 (yearbook-gov, final) vs 3300多亿元 = (3300亿, 3400亿) (report-2023, preliminary)',
      'funds-attracted',
      [figures.fundsYearbook, figures.fundsReport],
    ),
    finding('arithmetic-mismatch', 'warning', 'growth 12% does not follow from the stated levels', 'funds-attracted', [figures.growthYearbook]),
    finding('placeholder', 'info', 'placeholder ×% instead of a number', null, [figures.urbanReport]),
    { ...finding('encoding-damage', 'warning', 'damaged text near 城镇化率', null, [figures.urbanYearbook]), suppressed: true },
  ];
  const run: CheckRun = {
    documents: [yearbook, report],
    figures: Object.values(figures),
    findings,
    comparisons: [
      {
        metric: 'funds-attracted',
        name: '引进到位资金',
        auto: false,
        period: '2022',
        statements: [figures.fundsYearbook, figures.fundsReport],
        verdict: 'mismatch',
      },
      { metric: 'gdp-growth', name: '地区生产总值增长', auto: false, period: '2022', statements: [figures.gdpYearbook, figures.gdpReport], verdict: 'consistent' },
      { metric: 'urbanization', name: '城镇化率', auto: true, period: '2022', statements: [figures.urbanYearbook], verdict: 'single' },
    ],
    targets: [{ metric: 'gdp-growth', name: '地区生产总值增长', target: figures.gdpReport, actual: figures.gdpYearbook, outcome: 'met' }],
    coverage: [
      { period: '2022', documents: ['yearbook-gov', 'report-2023'], both: ['funds-attracted', 'gdp-growth'], onlyFirst: ['urbanization'], onlySecond: [] },
    ],
    warnings: ['docs-in/picture.png: skipped (binary file)'],
  };
  return { run, yearbook, report, figures };
}
