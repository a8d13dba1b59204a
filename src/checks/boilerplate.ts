/**
 * `boilerplate` (info): web chrome lines (breadcrumbs, copyright and ICP lines, `来源`/`发布时间`
 * headers) that normalize recognised (Document.boilerplate) and every other check leaves out; a PDF's running
 * headers, footers and page numbers (marked by the PDF reader) are reported once per document, not once a page.
 */
import { t } from '../i18n.js';
import type { Boilerplate, Finding } from '../model.js';
import type { CheckRule } from '../rules/types.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';

export const BOILERPLATE = 'boilerplate';

/** The PDF reader's patterns (src/read/pdf.ts): running headers, footers and page numbers. */
const PDF_RUNNING = 'pdf-';
const RUNNING_NAMES: Record<string, { en: string; zh: string }> = {
  'pdf-running-header': { en: 'running page header', zh: '页眉' },
  'pdf-running-footer': { en: 'running page footer', zh: '页脚' },
  'pdf-page-number': { en: 'page number', zh: '页码' },
};

export const boilerplateCheck: CheckModule = {
  type: 'boilerplate',
  ruleIds: [BOILERPLATE],
  defaultSeverity: 'info',
  description: 'Web page chrome (breadcrumbs, copyright, ICP numbers, source headers) and PDF running headers, footers and page numbers, left out of every check.',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const findings: Finding[] = [];
    for (const document of context.documents) {
      if (rule.documents && !rule.documents.includes(document.id)) continue;
      const running = new Map<string, { line: Boilerplate; pages: number }>();
      for (const line of document.boilerplate) {
        if (line.pattern.startsWith(PDF_RUNNING)) {
          // A PDF's running header, footer or page number repeats on every page: one finding for all of them.
          const key = `${line.pattern}\u0000${document.normalized.slice(line.start, line.end).replace(/\d+/g, '#')}`;
          const seen = running.get(key);
          if (seen) seen.pages++;
          else running.set(key, { line, pages: 1 });
          continue;
        }
        const location = document.locate(line.start, line.end);
        const text = document.normalized.slice(line.start, line.end).trim();
        findings.push({
          fingerprint: fingerprint(BOILERPLATE, null, [{ document: document.id, text: `${line.pattern}\u0000${text}` }]),
          rule: BOILERPLATE,
          severity: rule.severity ?? boilerplateCheck.defaultSeverity,
          message: t(context.locale, {
            en: `web page chrome (${line.pattern}) left out of every check: "${location.text ?? text}"`,
            zh: `网页附加内容（${line.pattern}），不参与任何核对：“${location.text ?? text}”`,
          }),
          metric: null,
          locations: [location],
        });
      }
      for (const { line, pages } of running.values()) {
        const location = document.locate(line.start, line.end);
        const text = document.normalized.slice(line.start, line.end).trim().replace(/\d+/g, '#');
        const what = RUNNING_NAMES[line.pattern] ?? { en: line.pattern, zh: line.pattern };
        findings.push({
          fingerprint: fingerprint(BOILERPLATE, null, [{ document: document.id, text: `${line.pattern}\u0000${text}` }]),
          rule: BOILERPLATE,
          severity: rule.severity ?? boilerplateCheck.defaultSeverity,
          message: t(context.locale, {
            en: `${what.en} on ${pages} page${pages === 1 ? '' : 's'} left out of every check: "${location.text ?? text}"`,
            zh: `${what.zh}（${pages}页），不参与任何核对：“${location.text ?? text}”`,
          }),
          metric: null,
          locations: [location],
        });
      }
    }
    return findings;
  },
};
