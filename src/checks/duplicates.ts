/**
 * `duplicate-section`: a passage repeated within a document (a doubled body: warning) or shared
 * with another document (a yearbook quoting a report: info), compared on normalized text so a
 * Traditional copy or the .docx of a .txt matches. One finding per repeated block, both copies as
 * locations, the similarity in the message. Detection: src/damage/duplicates.ts.
 */
import { findDuplicateBlocks } from '../damage/duplicates.js';
import { duplicateSettings } from '../damage/settings.js';
import { t } from '../i18n.js';
import type { Document, Finding, Location, Locale } from '../model.js';
import type { CheckRule } from '../rules/types.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';

export const DUPLICATE_SECTION = 'duplicate-section';

/** `lines 17–31`, `paragraph 4` (a .docx line is a paragraph), `第17–31行`. */
export function lineRange(location: Location, document: Document, locale: Locale): string {
  const paragraphs = document.format === 'docx';
  const single = location.line === location.endLine;
  const span = single ? `${location.line}` : `${location.line}–${location.endLine}`;
  if (locale === 'zh-CN') return `第${span}${paragraphs ? '段' : '行'}`;
  return `${paragraphs ? 'paragraph' : 'line'}${single ? '' : 's'} ${span}`;
}

/** Similarity as a whole percentage that never rounds a near copy up to 100%. */
function percent(similarity: number): number {
  return similarity >= 1 ? 100 : Math.min(99, Math.floor(similarity * 100));
}

/** `12,345`: toLocaleString's English grouping without its start-up (ICU number formats: ~50 ms). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export const duplicatesCheck: CheckModule = {
  type: 'duplicates',
  ruleIds: [DUPLICATE_SECTION],
  defaultSeverity: 'warning',
  description: 'A passage repeated within a document or shared with another document.',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const settings = duplicateSettings(context.rules, rule);
    const documents = context.documents.filter((d) => !rule.documents || rule.documents.includes(d.id));
    const findings: Finding[] = [];
    for (const block of findDuplicateBlocks(documents, settings)) {
      const original = documents[block.original.document]!;
      const repeat = documents[block.repeat.document]!;
      const within = original === repeat;
      const repeatAt = repeat.locate(block.repeat.start, block.repeat.end);
      const originalAt = original.locate(block.original.start, block.original.end);
      const pct = percent(block.similarity);
      const n = thousands(block.length);
      const here = lineRange(repeatAt, repeat, context.locale);
      const there = lineRange(originalAt, original, context.locale);
      const verb = repeatAt.line === repeatAt.endLine ? 'repeats' : 'repeat';
      findings.push({
        fingerprint: fingerprint(DUPLICATE_SECTION, null, [
          { document: repeat.id, text: block.text },
          { document: original.id, text: within ? 'within' : 'across' },
        ]),
        rule: DUPLICATE_SECTION,
        severity: rule.severity ?? (within ? 'warning' : 'info'),
        message: within
          ? t(context.locale, {
              en: `${here} ${verb} ${there} (${pct}% similar, ${n} characters)`,
              zh: `${here}重复${there}（相似度${pct}%，${block.length}字）`,
            })
          : t(context.locale, {
              en: `${here} ${verb} ${there} of ${original.path} (${pct}% similar, ${n} characters)`,
              zh: `${here}与 ${original.path} ${there}重复（相似度${pct}%，${block.length}字）`,
            }),
        metric: null,
        locations: [repeatAt, originalAt],
      });
    }
    return findings;
  },
};
