/**
 * `encoding-damage`: replacement characters, mojibake (text decoded with the wrong encoding,
 * double-encoded pinyin), control characters and `?` standing for a lost character; one finding
 * per damaged run (src/damage/spans.ts). A figure touching the run is named: it is unreliable
 * and the consistency checks skip it (`老化管?500公里`: the 500 may be 1500).
 */
import { damagedSpans, type DamagedSpan } from '../damage/spans.js';
import { t } from '../i18n.js';
import type { Figure, Finding, Locale, Span } from '../model.js';
import type { CheckRule } from '../rules/types.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';

export const ENCODING_DAMAGE = 'encoding-damage';

function describe(span: DamagedSpan, locale: Locale): string {
  const shown = span.text.replace(/[\u0000-\u001f\u007f]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  switch (span.kind) {
    case 'replacement-char':
      return t(locale, { en: `replacement character "${shown}": text was lost in decoding`, zh: `替换字符“${shown}”：解码时丢失了文字` });
    case 'control':
      return t(locale, { en: `control character ${shown} in the text`, zh: `正文中有控制字符 ${shown}` });
    case 'question-mark':
      return t(locale, { en: `"${shown}" stands for a character lost in decoding`, zh: `“${shown}”处的字符在解码时丢失` });
    default:
      return t(locale, { en: `garbled text "${shown}" (decoded with the wrong encoding)`, zh: `乱码“${shown}”（以错误的编码解码）` });
  }
}

/**
 * The figures whose span touches a given span (ends included), in text order: a binary search over
 * the figures sorted by start, so a damaged file with thousands of runs and figures stays n log n.
 */
function overlapIndex(figures: readonly Figure[]): (span: Span) => Figure[] {
  const sorted = [...figures].sort((a, b) => a.span.start - b.span.start);
  const longest = sorted.reduce((max, f) => Math.max(max, f.span.end - f.span.start), 0);
  return (span) => {
    // First figure starting after the span's end.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.span.start <= span.end) lo = mid + 1;
      else hi = mid;
    }
    const touching: Figure[] = [];
    for (let i = lo - 1; i >= 0 && sorted[i]!.span.start >= span.start - longest; i--) {
      if (span.start <= sorted[i]!.span.end) touching.push(sorted[i]!);
    }
    return touching.reverse();
  };
}

export const encodingDamageCheck: CheckModule = {
  type: 'encoding-damage',
  ruleIds: [ENCODING_DAMAGE],
  defaultSeverity: 'warning',
  description: 'Damaged text: replacement characters, mojibake, control characters, lost characters.',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const findings: Finding[] = [];
    for (const document of context.documents) {
      if (rule.documents && !rule.documents.includes(document.id)) continue;
      const touchingOf = overlapIndex(context.figuresOf(document.id));
      const seen = new Map<string, number>();
      for (const span of damagedSpans(document, context.rules)) {
        const touching = touchingOf(span);
        let message = describe(span, context.locale);
        if (touching.length) {
          const raw = touching.map((f) => f.raw).join('、');
          message += t(context.locale, {
            en: `; the figure ${raw} next to it is unreliable (a digit may be lost) and is not cross-checked`,
            zh: `；紧邻的数字${raw}不可靠（可能丢失了数位），不参与核对`,
          });
        }
        // Same garble twice in one document (a list restating the body): both are findings.
        const context4 = document.normalized.slice(Math.max(0, span.start - 4), span.end + 4);
        const nth = (seen.get(context4) ?? 0) + 1;
        seen.set(context4, nth);
        findings.push({
          fingerprint: fingerprint(ENCODING_DAMAGE, null, [{ document: document.id, text: `${context4}#${nth}` }]),
          rule: ENCODING_DAMAGE,
          severity: rule.severity ?? encodingDamageCheck.defaultSeverity,
          message,
          metric: null,
          locations: [document.locate(span.start, span.end)],
        });
      }
    }
    return findings;
  },
};
