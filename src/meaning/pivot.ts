/**
 * A verb whose object is the people a figure counts and who then act (`支持不低于4万人创业`, `帮助10万人就业`): the
 * figure's label is only the first verb (words.yaml countedNounLeads), and the act after the count completes what is
 * counted (`支持创业`, as the review writes `扶持创业4.7万人`). A step of resolveFigureMetrics.
 */
import type { Figure } from '../model.js';
import type { Lexicon } from './lexicon.js';
import { normalizeSubject } from './subject-normalize.js';
import { CLAUSE_BREAK } from './clause-marks.js';

/** The most characters an act after the count may have (`创业`, `就业`, `返乡创业`). */
const ACT = 4;
const HAN = /\p{Script=Han}/u;

/** The label `verb + act` of a count of people between a leading verb and their act, or null. */
export function pivotLabel(figure: Figure, text: string, lex: Lexicon): string | null {
  const words = lex.knowledge.words;
  if (!figure.unit || !words.personMeasures.includes(figure.unit) || !figure.label) return null;
  const verb = normalizeSubject(figure.label);
  if (verb.length < 2 || !words.countedNounLeads.includes(verb)) return null;
  let end = figure.span.end;
  while (end < text.length && end - figure.span.end <= ACT && !CLAUSE_BREAK[text.charCodeAt(end)] && HAN.test(text[end]!)) end++;
  const act = text.slice(figure.span.end, end);
  // (the act must end the clause: `支持4万人创业。`, not `帮助4万人解决住房困难`)
  if (act.length < 2 || end - figure.span.end > ACT || (end < text.length && !CLAUSE_BREAK[text.charCodeAt(end)])) return null;
  return verb + act;
}
