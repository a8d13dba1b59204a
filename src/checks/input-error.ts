/**
 * `input-error`: a document the run could not read (unreadable, a corrupt .docx, over the size limit).
 * The run checks the other documents; this finding makes the missing one visible in every output
 * format (stylish, JSON, SARIF, JUnit …), so a CI gate does not pass on a document it never saw.
 * Its severity (error by default) and `--fail-on` decide the exit code, as for any other finding.
 */
import { t } from '../i18n.js';
import type { Finding } from '../model.js';
import type { CheckRule } from '../rules/types.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';

export const INPUT_ERROR = 'input-error';

export const inputErrorCheck: CheckModule = {
  type: 'input-error',
  ruleIds: [INPUT_ERROR],
  defaultSeverity: 'error',
  description: 'A document that could not be read (unreadable, corrupt, or over --max-document-size): none of its figures were checked.',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    return (context.inputFailures ?? []).map((failure) => ({
      fingerprint: fingerprint(INPUT_ERROR, null, [{ document: failure.path, text: failure.reason }]),
      rule: INPUT_ERROR,
      severity: rule.severity ?? inputErrorCheck.defaultSeverity,
      message: t(context.locale, {
        en: `not checked: ${failure.reason}`,
        zh: `未能检查：${failure.reason}`,
      }),
      metric: null,
      // The whole file, as far as a location can say it: its start.
      locations: [{ path: failure.path, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    }));
  },
};
