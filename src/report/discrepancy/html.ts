/**
 * index.html: the discrepancy report as one self-contained page (inline CSS, a small inline
 * script for the filters, no external assets, no network). Every string from a document goes
 * through escapeHtml; filter data sits in data-* attributes, never inside the script. A
 * Content-Security-Policy allows only this page's own style and script (by hash), so even a
 * missed escape could not load or run anything.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../../model.js';
import { SEVERITIES, severityLabel } from '../common.js';
import { escapeHtml as h } from '../escape.js';
import { label, summaryText, type ComparisonView, type FindingRow, type ReportView, type StatementRow } from './view.js';

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
#filters fieldset { display: inline-block; border: 1px solid var(--line); margin: 2px 8px 2px 0; padding: 2px 8px; }
#filters legend { font-size: 12px; color: #475467; }
#filters label { margin-right: 10px; white-space: nowrap; }
.muted { color: #475467; }
details > summary { cursor: pointer; margin: 12px 0 6px; font-weight: 600; }
[hidden] { display: none !important; }
`;

/** Filters: an element with data-filter is shown when each of its attributes passes. */
const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  function checked(name) {
    var set = {};
    var inputs = form.querySelectorAll('input[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) if (inputs[i].checked) set[inputs[i].value] = true;
    return set;
  }
  function apply() {
    var severity = checked('severity'), rule = checked('rule'), doc = checked('document');
    var elements = document.querySelectorAll('[data-filter]');
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i], show = true;
      if (el.dataset.severity && !severity[el.dataset.severity]) show = false;
      if (el.dataset.rule && !rule[el.dataset.rule]) show = false;
      if (el.dataset.documents) {
        var ids = JSON.parse(el.dataset.documents), any = false;
        for (var j = 0; j < ids.length; j++) if (doc[ids[j]]) any = true;
        if (!any) show = false;
      }
      el.hidden = !show;
    }
    var groups = document.querySelectorAll('[data-group]');
    for (var k = 0; k < groups.length; k++) {
      if (!groups[k].querySelector('tbody tr[data-filter]:not([hidden])')) groups[k].hidden = true;
    }
    var rows = document.querySelectorAll('#findings tbody tr[data-filter]');
    var shown = 0;
    for (var m = 0; m < rows.length; m++) if (!rows[m].hidden) shown++;
    document.getElementById('shown-count').textContent = String(shown);
  }
  form.addEventListener('change', apply);
  apply();
})();
`;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

function attributes(filter: { severity?: Severity; rule?: string; documents?: string[] }): string {
  const parts = ['data-filter'];
  if (filter.severity) parts.push(`data-severity="${h(filter.severity)}"`);
  if (filter.rule) parts.push(`data-rule="${h(filter.rule)}"`);
  if (filter.documents) parts.push(`data-documents="${h(JSON.stringify(filter.documents))}"`);
  return parts.join(' ');
}

function sentence(row: { before: string; match: string; after: string }): string {
  return `${h(row.before)}${row.match ? `<mark>${h(row.match)}</mark>` : ''}${h(row.after)}`;
}

function badge(kind: string, text: string): string {
  return `<span class="badge ${h(kind)}">${h(text)}</span>`;
}

function table(head: string[], rows: string[]): string {
  return `<table><thead><tr>${head.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function findingRows(view: ReportView, findings: FindingRow[]): string[] {
  return findings.map(
    (f) =>
      `<tr ${attributes({ severity: f.severity, rule: f.rule, documents: f.documents })}>` +
      `<td>${badge(f.severity, severityLabel(f.severity, view.locale))}</td>` +
      `<td><code>${h(f.rule)}</code></td>` +
      `<td>${h(f.message)}</td>` +
      `<td>${f.places.map((p) => `<div>${h(p.document)}: ${sentence(p)} <span class="where">${h(p.where)}</span></div>`).join('')}</td></tr>`,
  );
}

function findingSection(view: ReportView, id: string, title: string, findings: FindingRow[], counter = false): string {
  const heading = counter
    ? `<h2>${h(title)} <span class="muted">(<span id="shown-count">${findings.length}</span> ${h(label(view, 'shown'))} / ${findings.length})</span></h2>`
    : `<h2>${h(title)}</h2>`;
  if (!findings.length) return `<section id="${id}">${heading}<p class="muted">${h(label(view, 'none'))}</p></section>`;
  return `<section id="${id}">${heading}${table(
    [label(view, 'severity'), label(view, 'rule'), label(view, 'message'), label(view, 'statement')],
    findingRows(view, findings),
  )}</section>`;
}

function statementRow(row: StatementRow): string {
  return (
    `<tr ${attributes({ documents: [row.document] })}>` +
    `<td>${h(row.document)}</td><td>${h(row.status)}</td><td>${h(row.period)}</td>` +
    `<td>${sentence(row)} <span class="where">${h(row.where)}</span></td><td class="interval">${h(row.interval)}</td></tr>`
  );
}

function comparison(view: ReportView, c: ComparisonView): string {
  const filter = c.finding ? ` ${attributes({ severity: c.finding.severity, rule: c.finding.rule })}` : '';
  const auto = c.auto ? ` · ${h(label(view, 'auto'))}` : '';
  return (
    `<section class="metric" data-group data-metric="${h(c.metric)}"${filter}>` +
    `<h3>${h(c.name)} ${badge(c.verdict, label(view, c.verdict))} <span class="muted">${h(c.metric)} · ${h(c.period)}${auto}</span></h3>` +
    table(
      [label(view, 'document'), label(view, 'status'), label(view, 'period'), label(view, 'statement'), label(view, 'interval')],
      c.statements.map(statementRow),
    ) +
    `</section>`
  );
}

function filters(view: ReportView): string {
  const box = (name: string, value: string, text: string) =>
    `<label><input type="checkbox" name="${name}" value="${h(value)}" checked> ${h(text)}</label>`;
  return (
    `<form id="filters"><strong>${h(label(view, 'filters'))}</strong> ` +
    `<fieldset><legend>${h(label(view, 'severity'))}</legend>${SEVERITIES.map((s) => box('severity', s, severityLabel(s, view.locale))).join('')}</fieldset>` +
    `<fieldset><legend>${h(label(view, 'rule'))}</legend>${view.rules.map((r) => box('rule', r.id, r.id)).join('')}</fieldset>` +
    `<fieldset><legend>${h(label(view, 'document'))}</legend>${view.documents.map((d) => box('document', d.id, d.id)).join('')}</fieldset>` +
    `</form>`
  );
}

/** Metrics stated only once: one compact table (there can be hundreds), folded by default. */
function singles(view: ReportView, comparisons: ComparisonView[]): string {
  comparisons = comparisons.filter((c) => c.statements.length);
  if (!comparisons.length) return '';
  const rows = comparisons.map((c) => {
    const row = c.statements[0]!;
    return (
      `<tr ${attributes({ documents: c.statements.map((s) => s.document) })}><td>${h(c.name)} <span class="muted">${h(c.metric)}</span></td>` +
      `<td>${h(row.document)}</td><td>${h(row.period)}</td><td>${sentence(row)} <span class="where">${h(row.where)}</span></td><td>${h(row.interval)}</td></tr>`
    );
  });
  return (
    `<details id="single-statements" data-group><summary>${h(label(view, 'single'))} (${comparisons.length})</summary>` +
    table([label(view, 'metric'), label(view, 'document'), label(view, 'period'), label(view, 'statement'), label(view, 'interval')], rows) +
    `</details>`
  );
}

export function renderHtml(view: ReportView): string {
  const documents = table(
    [label(view, 'id'), label(view, 'path'), label(view, 'status'), label(view, 'period'), label(view, 'encoding'), label(view, 'script'), label(view, 'figureCount')],
    view.documents.map(
      (d) =>
        `<tr ${attributes({ documents: [d.id] })}><td>${h(d.id)}</td><td>${h(d.path)}</td><td>${h(d.status)}</td><td>${h(d.period)}</td>` +
        `<td>${h(d.encoding)}</td><td>${h(d.script)}</td><td>${d.figures}</td></tr>`,
    ),
  );
  const targets = view.targets.length
    ? table(
        [label(view, 'metric'), label(view, 'target'), label(view, 'actual'), label(view, 'outcome')],
        view.targets.map((target) => {
          const filter = attributes({
            documents: [target.target.document, target.actual.document],
            ...(target.finding ? { severity: target.finding.severity, rule: target.finding.rule } : {}),
          });
          const side = (row: StatementRow) =>
            `${h(row.document)}: ${sentence(row)} = ${h(row.interval)} <span class="where">${h(row.where)}</span>`;
          return (
            `<tr ${filter}><td>${h(target.name)} <span class="muted">${h(target.metric)}</span></td>` +
            `<td>${side(target.target)}</td><td>${side(target.actual)}</td><td>${badge(target.outcome, label(view, target.outcome))}</td></tr>`
          );
        }),
      )
    : `<p class="muted">${h(label(view, 'none'))}</p>`;
  const coverage = view.coverage.length
    ? table(
        [label(view, 'period'), label(view, 'document'), label(view, 'both'), label(view, 'onlyIn'), label(view, 'onlyIn')],
        view.coverage.map(
          (c) =>
            `<tr ${attributes({ documents: [c.first, c.second] })}><td>${h(c.period)}</td><td>${h(c.first)} / ${h(c.second)}</td>` +
            `<td>${c.both.length}</td><td>${h(c.first)}: ${h(c.onlyFirst.join('、') || '—')}</td><td>${h(c.second)}: ${h(c.onlySecond.join('、') || '—')}</td></tr>`,
        ),
      )
    : `<p class="muted">${h(label(view, 'none'))}</p>`;

  const policy = `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(SCRIPT)}'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
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
<p id="summary">${h(summaryText(view))}</p>
${filters(view)}
</header>
<main>
<section id="documents"><h2>${h(label(view, 'documents'))}</h2>${documents}</section>
${findingSection(view, 'findings', label(view, 'findings'), view.findings, true)}
<section id="comparisons"><h2>${h(label(view, 'comparisons'))}</h2>${
    view.comparisons.length
      ? view.comparisons
          .filter((c) => c.verdict !== 'single')
          .map((c) => comparison(view, c))
          .join('\n') + singles(view, view.comparisons.filter((c) => c.verdict === 'single'))
      : `<p class="muted">${h(label(view, 'none'))}</p>`
  }</section>
<section id="targets"><h2>${h(label(view, 'targets'))}</h2>${targets}</section>
${findingSection(view, 'arithmetic', label(view, 'arithmetic'), view.sections.arithmetic)}
${findingSection(view, 'duplicates', label(view, 'duplicates'), view.sections.duplicates)}
${findingSection(view, 'missing', label(view, 'missing'), view.sections.missing)}
${findingSection(view, 'damage', label(view, 'damage'), view.sections.damage)}
<section id="coverage"><h2>${h(label(view, 'coverage'))}</h2>${coverage}</section>
${view.warnings.length ? `<section id="warnings"><h2>${h(label(view, 'warnings'))}</h2><ul>${view.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul></section>` : ''}
<p class="muted">${h(label(view, 'generated'))} ${h(view.version)}</p>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
