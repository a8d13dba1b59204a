/**
 * `arithmetic-mismatch`: relations the text itself states, checked with interval arithmetic so that
 * rounding never raises an alarm (2302 of 2339 → [98.40%, 98.44%] overlaps `98.42%`):
 * - a share or rate right after an amount, with the total stated just before that amount
 *   (`项目2339个,已办理…2302个,首次登记率98.42%`; `32.77亿元,其中脱贫地区7.54亿元,占23%`);
 * - a completion rate (`完成全年目标任务的100.8%`) against the target of the same metric and period;
 * - a part after `其中` that exceeds its stated total (these three: arithmetic/adjacent.ts);
 * - growth between two stated levels (`从A增加到B,年均增长x%`; arithmetic/growth.ts);
 * - listed parts against a stated total, where the text makes them the whole (arithmetic/parts.ts).
 * Word lists and gaps live in rules/core/checks.yaml (`arithmetic`).
 */
import type { Figure, Finding, Severity } from '../model.js';
import type { ArithmeticSettings, CheckRule } from '../rules/types.js';
import { adjacentFindings, adjacentRules, targetsByMetric } from './arithmetic/adjacent.js';
import { ARITHMETIC_MISMATCH } from './arithmetic/common.js';
import { growthFindings, growthPatterns } from './arithmetic/growth.js';
import { partsFindings, partsRules } from './arithmetic/parts.js';
import { tableTotalFindings } from './arithmetic/table-totals.js';
import type { CheckContext, CheckModule } from './types.js';

export { ARITHMETIC_MISMATCH } from './arithmetic/common.js';
export { ratioPercent } from './arithmetic/adjacent.js';

export const arithmeticCheck: CheckModule = {
  type: 'arithmetic',
  ruleIds: [ARITHMETIC_MISMATCH],
  defaultSeverity: 'warning',
  description: 'Shares, completion rates, growth between two levels and parts of a total that do not add up with their stated figures.',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const settings: ArithmeticSettings = context.rules.arithmetic ?? {};
    const severity: Severity = rule.severity ?? arithmeticCheck.defaultSeverity;
    const documents = context.documentById;
    const findings: Finding[] = [];
    const growth = growthPatterns(settings.growth ?? {}, new Map(Object.entries(context.rules.numerals?.digits ?? {})));
    const parts = partsRules(settings.parts ?? {});
    const adjacent = adjacentRules(settings, parts.nonAdditiveWords, parts.subsetMarkers);
    const targets = targetsByMetric(context);
    for (const [id, all] of figuresByDocument(context, rule)) {
      const document = documents.get(id);
      if (!document) continue;
      const figures = [...all].sort((a, b) => a.span.start - b.span.start);
      if (growth) findings.push(...growthFindings(context, document, figures, growth, documents, severity));
      findings.push(...partsFindings(context, document, figures, parts, documents, severity));
      if (document.tables) findings.push(...tableTotalFindings(context, document, figures, parts, documents, severity));
      findings.push(...adjacentFindings(context, document, figures, adjacent, targets, severity));
    }
    return findings;
  },
};

/** The figures of each document the rule applies to (all documents when it names none). */
function figuresByDocument(context: CheckContext, rule: CheckRule): Map<string, Figure[]> {
  const byDocument = new Map<string, Figure[]>();
  for (const figure of context.figures) {
    if (rule.documents && !rule.documents.includes(figure.document)) continue;
    const list = byDocument.get(figure.document) ?? [];
    list.push(figure);
    byDocument.set(figure.document, list);
  }
  return byDocument;
}
