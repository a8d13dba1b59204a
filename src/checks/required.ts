/**
 * `figure-missing`: a document that must state a metric and does not (any statement counts: actual,
 * estimate or target, reliable or not, since the question is only whether the number is there).
 */
import { InputError, type Finding, type Location } from '../model.js';
import type { CheckRule } from '../rules/types.js';
import { t } from '../i18n.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';

export const FIGURE_MISSING = 'figure-missing';

export const requiredCheck: CheckModule = {
  type: 'required',
  ruleIds: [FIGURE_MISSING],
  defaultSeverity: 'warning',
  description: 'A document that must state a metric and does not.',
  onByDefault: false,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const metrics = context.rules.metrics ?? [];
    if (rule.metrics === undefined) throw new InputError('a "required" check needs a "metrics" list');
    // An id no rule file defines is reported by the engine as a warning; it requires nothing here.
    const wanted = rule.metrics === '*' ? metrics : metrics.filter((m) => (rule.metrics as string[]).includes(m.id));
    // A document the rule names but this run does not read (a partial run, e.g. a pre-commit hook on
    // the staged files) has nothing to report: only documents in the run are required to state a metric.
    const documents = context.documents.filter((d) => !rule.documents || rule.documents.includes(d.id));
    const stated = new Set<string>();
    for (const [figure, metric] of context.metricOf) stated.add(`${figure.document}\u0000${metric.id}`);
    const findings: Finding[] = [];
    for (const document of documents) {
      for (const metric of wanted) {
        if (stated.has(`${document.id}\u0000${metric.id}`)) continue;
        const firstLine = document.normalized.search(/\n|$/);
        // Nothing to point at: the finding points at the document's first line.
        const location: Location = document.locate(0, Math.max(0, firstLine));
        findings.push({
          fingerprint: fingerprint(FIGURE_MISSING, metric.id, [{ document: document.id, text: '' }]),
          rule: FIGURE_MISSING,
          severity: rule.severity ?? requiredCheck.defaultSeverity,
          message: t(context.locale, {
            en: `${document.id} does not state ${metric.name} (${metric.id})`,
            zh: `${document.id} 未给出 ${metric.name}（${metric.id}）`,
          }),
          metric: metric.id,
          locations: [location],
        });
      }
    }
    return findings;
  },
};
