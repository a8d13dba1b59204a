/**
 * index.html: the discrepancy report as one self-contained page (inline CSS and script, no external
 * assets, no network). The content travels as JSON in a data block; the page script (page-script.ts)
 * shows it a page at a time with filters, so a run of 10,000 documents gives a page of a few MB that
 * answers at once. Each statement (a figure in its sentence) is stored once and referred to by index
 * from findings, metric groups and targets. Above 1 MB the data is gzip-compressed (base64; the browser
 * inflates it), and if the page would still exceed PAGE_BUDGET bytes the sentences around
 * the figures are shortened, those no finding cites first. A Content-Security-Policy allows only this
 * page's own style and script (by hash), so nothing else can load or run.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { SEVERITIES, severityLabel } from '../common.js';
import { escapeHtml as h } from '../escape.js';
import { CONTEXT_STEPS, pageData } from './page-data.js';
import { PAGE_SCRIPT } from './page-script.js';
import { FINDING_SECTIONS, LABELS, label, summaryText, type ReportView } from './view.js';

/** Bytes the page stays under when it can (a 10,000-document report must open quickly in a browser). */
export const PAGE_BUDGET = 4_500_000;
/** Above this many bytes the data is compressed: smaller to open, and only small reports are read as text. */
const COMPRESS_ABOVE = 1024 * 1024;

const STYLE = `
:root { color-scheme: light; --error: #b42318; --warning: #b54708; --info: #175cd3; --ok: #067647; --line: #d0d5dd; }
* { box-sizing: border-box; }
body { font: 14px/1.55 system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; color: #101828; background: #fff; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f2f4f7; font-weight: 600; }
mark { background: #fde272; padding: 0 1px; border-radius: 2px; }
.where { color: #475467; font-size: 12px; white-space: nowrap; }
.interval { white-space: nowrap; }
.badge { display: inline-block; white-space: nowrap; padding: 0 6px; border-radius: 8px; font-size: 12px; color: #fff; }
.badge.error, .badge.mismatch, .badge.missed { background: var(--error); }
.badge.warning, .badge.indeterminate { background: var(--warning); }
.badge.info, .badge.single { background: var(--info); }
.badge.consistent, .badge.met { background: var(--ok); }
#filters { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 8px 0; z-index: 1; }
#filters fieldset { display: inline-block; border: 1px solid var(--line); margin: 2px 8px 2px 0; padding: 2px 8px; vertical-align: top; }
#filters legend { font-size: 12px; color: #475467; }
#filters label { margin-right: 10px; white-space: nowrap; }
#document-search { width: 22em; max-width: 100%; }
#document-matches button { margin: 2px 4px 0 0; }
.pager { margin: 6px 0; }
.pager button { margin-right: 4px; }
.pager .range { margin: 0 8px; color: #475467; }
.place + .place { margin-top: 4px; }
a.back, a.to-statement, a.to-text { font-size: 12px; white-space: nowrap; margin-right: 6px; }
.focus { outline: 3px solid #fdb022; outline-offset: 1px; }
.muted { color: #475467; }
details > summary { cursor: pointer; margin: 12px 0 6px; font-weight: 600; }
figure.chart { margin: 6px 0 4px; }
figure.chart svg { display: block; width: 100%; max-width: 760px; height: auto; overflow: visible; }
figure.chart figcaption { font-size: 12px; color: #475467; }
.chart .axis { stroke: #98a2b3; stroke-width: 1; }
.chart .tick text, .chart .row-label { font-size: 12px; fill: #475467; }
.chart .tick line { stroke: #eaecf0; }
.chart .overlap { fill: #12b76a; fill-opacity: 0.14; }
.chart .band { fill: #2e90fa; fill-opacity: 0.75; stroke: #175cd3; stroke-width: 1.5; }
.chart .band.target { fill: #fff; fill-opacity: 1; stroke-dasharray: 6 3; stroke-width: 2; }
.chart .mismatch .band { fill: var(--error); stroke: var(--error); }
.chart .mismatch .band.target { fill: #fff; }
.chart .end { stroke: #175cd3; stroke-width: 1.5; fill: #175cd3; }
.chart .end.open { fill: #fff; }
.chart .mismatch .end { stroke: var(--error); fill: var(--error); }
.chart .mismatch .end.open { fill: #fff; }
.chart .arrow { fill: #175cd3; }
.chart .mismatch .arrow { fill: var(--error); }
.chart a:focus .band, .chart a:hover .band { stroke: #101828; stroke-width: 3; }
.chart a:focus { outline: none; }
.chart-legend { font-size: 12px; color: #475467; margin: 0 0 6px; }
tr.chart-row td { border-top: none; padding-top: 0; }
mark.fig, span.fig { border-radius: 2px; padding: 0 1px; }
.fig.agreed { background: #d1fadf; }
.fig.finding { background: #fecdca; outline: 1px solid var(--error); }
.fig.uncompared { background: #eaecf0; }
.fig.unreliable { background: #fef0c7; text-decoration: underline dotted var(--warning); }
.fig.placeholder { background: #ebe9fe; }
.state-count { white-space: nowrap; margin-right: 12px; }
.doc-text { font-size: 13px; line-height: 1.7; margin: 4px 0 10px; }
.doc-text .line { white-space: pre-wrap; word-break: break-all; padding-left: 4.5em; text-indent: -4.5em; }
.doc-text .ln { display: inline-block; width: 4em; margin-right: 0.5em; text-indent: 0; text-align: right; color: #98a2b3; user-select: none; }
details.document-text > summary { font-weight: normal; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  #filters, .pager, a.back, a.to-statement, a.to-text { display: none !important; }
  main > section, section.metric { content-visibility: visible; }
  figure.chart, section.metric { break-inside: avoid; }
}
[hidden] { display: none !important; }
/* Sections out of view are not laid out: a filter click re-renders every list's page at once. */
main > section, section.metric { content-visibility: auto; contain-intrinsic-size: auto 480px; }
`;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** JSON safe inside <script type="application/json">: no `</script>`, no `<!--`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function filters(view: ReportView): string {
  const box = (name: string, value: string, text: string) =>
    `<label><input type="checkbox" name="${name}" value="${h(value)}" checked> ${h(text)}</label>`;
  return (
    `<form id="filters"><strong>${h(label(view, 'filters'))}</strong> ` +
    `<fieldset><legend>${h(label(view, 'severity'))}</legend>${SEVERITIES.map((s) => box('severity', s, severityLabel(s, view.locale))).join('')}</fieldset>` +
    `<fieldset><legend>${h(label(view, 'rule'))}</legend>${view.rules.map((r) => box('rule', r.id, r.id)).join('')}</fieldset>` +
    `<fieldset><legend>${h(label(view, 'document'))}</legend>` +
    `<input type="search" id="document-search" autocomplete="off" placeholder="${h(label(view, 'search'))}" aria-label="${h(label(view, 'search'))}">` +
    `<div id="document-matches"></div></fieldset>` +
    `</form>`
  );
}

function section(view: ReportView, id: string, title: keyof typeof LABELS, extra = '', intro = ''): string {
  return `<section id="${id}"><h2>${h(label(view, title))}${extra}</h2>${intro}<div class="list"></div></section>`;
}

/** How to read the interval charts, once above each list that has them. */
function legend(view: ReportView): string {
  return `<p class="chart-legend">${h(label(view, 'chartLegend'))}</p>`;
}

export function renderHtml(view: ReportView): string {
  const { statements, data } = pageData(view);
  const policy = `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(PAGE_SCRIPT)}'; base-uri 'none'; form-action 'none'`;
  const page = (json: string, shortened: boolean, compressed = false) => `<!DOCTYPE html>
<html lang="${view.locale === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="figcheck ${h(view.version)}">
<title>${h(label(view, 'title'))}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${h(label(view, 'title'))}</h1>
<p id="summary">${h(summaryText(view))}</p>${view.coverageText ? `\n<p id="coverage-summary">${h(view.coverageText)}</p>` : ''}
<noscript><p><strong>${h(label(view, 'needsScript'))}</strong></p></noscript>
${filters(view)}
</header>
<main>
${section(view, 'documents', 'documents')}
${section(view, 'findings', 'findings', ` <span class="muted">(<span id="shown-count">${view.findings.length}</span> ${h(label(view, 'shown'))} / ${view.findings.length})</span>`)}
<section id="comparisons"><h2>${h(label(view, 'comparisons'))}</h2>${legend(view)}<div class="list"></div>
<details id="single-statements"><summary>${h(label(view, 'single'))} (<span class="count"></span>)</summary><div class="list"></div></details></section>
${section(view, 'targets', 'targets', '', legend(view))}
${FINDING_SECTIONS.map((s) => section(view, s.key, s.key)).join('\n')}
${section(view, 'coverage', 'coverage')}
<section id="texts"><h2>${h(label(view, 'texts'))}</h2><p class="chart-legend" id="texts-legend"></p><div class="list"></div></section>
${view.warnings.length ? `<section id="warnings"><h2>${h(label(view, 'warnings'))}</h2><ul>${view.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul></section>` : ''}
<p class="muted">${h(label(view, 'generated'))} ${h(view.version)}${shortened ? ` · <span id="shortened">${h(label(view, 'shortened'))}</span>` : ''}</p>
</main>
<script type="${compressed ? 'application/gzip+base64' : 'application/json'}" id="report-data">${json}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
  const plain = page(scriptJson(data()), false);
  if (Buffer.byteLength(plain) <= COMPRESS_ABOVE) return plain;
  // Large: the data compressed (JSON of many similar rows shrinks about tenfold) …
  const packed = () => gzipSync(JSON.stringify(data())).toString('base64');
  const compressed = page(packed(), false, true);
  if (Buffer.byteLength(compressed) <= PAGE_BUDGET) return compressed;
  // … and when even that is too big, the sentences around the figures shortened, those no finding
  // cites first, until the page fits (at the shortest, each figure alone).
  for (let step = 1; step < 2 * CONTEXT_STEPS.length - 1; step++) {
    const other = Math.min(step, CONTEXT_STEPS.length - 1);
    const cited = Math.max(0, step - (CONTEXT_STEPS.length - 1));
    for (const s of statements) s.keep = CONTEXT_STEPS[s.cited ? cited : other]!;
    const shortened = page(packed(), true, true);
    if (Buffer.byteLength(shortened) <= PAGE_BUDGET || step === 2 * CONTEXT_STEPS.length - 2) return shortened;
  }
  return compressed;
}
