/**
 * `placeholder`: unfinished figures in drafts, `增长×%`, `XX亿元`, `占比□□%`, and units with no
 * number, `增长%`, `达到亿元`. Found in the text (src/damage/placeholders.ts), plus any figure the
 * extractor flagged as a placeholder that the text patterns did not cover.
 */
import { placeholderSpans } from '../damage/placeholders.js';
import { t } from '../i18n.js';
import type { Document, Finding, Span } from '../model.js';
import type { CheckRule } from '../rules/types.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';

export const PLACEHOLDER = 'placeholder';

/** The placeholder with the few characters of its line before it (`增长%`), for the message. */
function withContext(document: Document, span: Span): string {
  const text = document.normalized;
  let from = span.start;
  while (from > 0 && span.start - from < 4 && /[\p{Script=Han}]/u.test(text[from - 1]!)) from--;
  return document.locate(from, span.end).text ?? text.slice(from, span.end);
}

export const placeholderCheck: CheckModule = {
  type: 'placeholder',
  ruleIds: [PLACEHOLDER],
  defaultSeverity: 'warning',
  description: 'A figure left unfinished in a draft (×%, XX亿元, a unit with no number).',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const findings: Finding[] = [];
    const seen = new Map<string, number>();
    const report = (document: Document, span: Span, missingNumber: boolean): void => {
      const shown = withContext(document, span);
      const key = `${document.id}\u0000${shown}`;
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      findings.push({
        fingerprint: fingerprint(PLACEHOLDER, null, [{ document: document.id, text: `${shown}#${nth}` }]),
        rule: PLACEHOLDER,
        severity: rule.severity ?? placeholderCheck.defaultSeverity,
        message: missingNumber
          ? t(context.locale, { en: `"${shown}": a unit with no number (unfinished draft?)`, zh: `“${shown}”：单位前缺少数字（未完成的草稿？）` })
          : t(context.locale, { en: `placeholder "${shown}": the number is not filled in`, zh: `占位符“${shown}”：数字尚未填写` }),
        metric: null,
        locations: [document.locate(span.start, span.end)],
      });
    };
    for (const document of context.documents) {
      if (rule.documents && !rule.documents.includes(document.id)) continue;
      const spans = placeholderSpans(document, context.rules);
      for (const span of spans) report(document, span, span.pattern !== 'token-before-unit');
      for (const figure of context.figuresOf(document.id)) {
        if (!figure.placeholder) continue;
        if (spans.some((s) => s.start < figure.span.end && figure.span.start < s.end)) continue;
        report(document, figure.span, false);
      }
    }
    return findings;
  },
};
