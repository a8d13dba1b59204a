/**
 * Where a document's glossary (`名词解释`, `附件2 名词解释`) stands: a glossary defines terms, so its figures
 * take the document's own period and are actuals unless their sentence says otherwise, whatever section
 * holds them (timeOf reads ctx.glossaries). Found by a line search, from periods.glossaryHeadings and
 * glossaryLeads.
 */
import { allMatches } from '../matches.js';
import { alternation, type Knowledge } from '../extract/knowledge.js';
import type { SectionInfo } from './sections.js';
import type { PeriodContext } from './time.js';

/**
 * Glossaries: from a heading line (`名词解释`, `附件2 名词解释`) to the next top-level heading (a numbered
 * `一、`, a `【…】` entry, a dated line), the next appendix line, or the end. Its numbered items
 * (`1.六大优势产业:…`) are inside it. The segment stage does not see the heading (no numbering), hence a
 * line search here.
 */
export function glossaries(text: string, sections: SectionInfo[], k: Knowledge): PeriodContext['glossaries'] {
  const patterns = glossaryPatternsOf(k);
  if (!patterns) return [];
  const { heading, appendix } = patterns;
  const out: PeriodContext['glossaries'] = [];
  for (const m of allMatches(text, heading)) {
    const start = m.index;
    const bodyStart = start + m[0].length;
    let end = text.length;
    for (const s of sections) {
      if (s.start >= bodyStart && s.kind !== 'arabic-item' && s.kind !== 'parenthesized') {
        end = s.start;
        break;
      }
    }
    appendix.lastIndex = bodyStart;
    const next = appendix.exec(text);
    if (next && next.index < end) end = next.index;
    if (out.length && out[out.length - 1]!.end > start) continue;
    out.push({ start, end });
  }
  return out;
}

const glossaryCache = new WeakMap<Knowledge, { heading: RegExp; appendix: RegExp } | null>();
/** A glossary's heading line and an appendix line, as searches (null without glossary words). */
function glossaryPatternsOf(k: Knowledge) {
  let patterns = glossaryCache.get(k);
  if (patterns === undefined) {
    const p = k.periods;
    if (!p.glossaryHeadings.length) patterns = null;
    else {
      const word = `(?:${alternation(p.glossaryHeadings)})`;
      const lead = `(?:${alternation(p.glossaryLeads)})`;
      // no clause punctuation in a heading line (a sentence that ends in 解释 is not one)
      const free = String.raw`[^\n,，。;；!！?？:：]`;
      const heading = String.raw`^[ \t]*(?:${lead}[ \t]*\d{0,2}[ \t]*[:：、.]?[ \t]*${free}{0,10}?|${free}{0,4}?)${word}[ \t]*[:：]?[ \t]*$`;
      patterns = {
        heading: new RegExp(heading, 'gmu'),
        // another appendix (`附件3 …`, `附:…`) after the glossary is no part of it (`附近…` is no appendix)
        appendix: new RegExp(String.raw`^[ \t]*${lead}[ \t]*(?:\d{1,2}|[:：]|$)`, 'gmu'),
      };
    }
    glossaryCache.set(k, patterns);
  }
  return patterns;
}
