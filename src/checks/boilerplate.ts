/**
 * `boilerplate` (info): web chrome lines (breadcrumbs, copyright and ICP lines, `来源`/`发布时间`
 * headers) that normalize recognised (Document.boilerplate) and every other check leaves out.
 */
import { t } from '../i18n.js';
import type { Finding } from '../model.js';
import type { CheckRule } from '../rules/types.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';

export const BOILERPLATE = 'boilerplate';

export const boilerplateCheck: CheckModule = {
  type: 'boilerplate',
  ruleIds: [BOILERPLATE],
  defaultSeverity: 'info',
  description: 'Web page chrome (breadcrumbs, copyright, ICP numbers, source headers), left out of every check.',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const findings: Finding[] = [];
    for (const document of context.documents) {
      if (rule.documents && !rule.documents.includes(document.id)) continue;
      for (const line of document.boilerplate) {
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
    }
    return findings;
  },
};
