/**
 * A part named after the whole it is of (`一般公共预算收入中税收`, indicatorWords.partOf) is the part's indicator
 * (subject.ts); its share in the whole, stated after it (`一般公共预算收入中税收增长4.5%，占比达到69.4%`), is the share
 * the lexicon names `part占whole比重` (`税收收入占一般公共预算收入比重`), as a communiqué writes it out. A step of
 * resolveFigureMetrics.
 */
import type { Figure } from '../model.js';
import type { Lexicon } from './lexicon.js';
import { CLAUSE_BREAK } from './clause-marks.js';
import { normalizeSubject } from './subject-normalize.js';
import { parseWith, type Subject } from './subject.js';

/** The share of a part in its whole when the figure is a percentage stated as a share (占比, 比重) of `whole中part`, else `subject`. */
export function partShare(figure: Figure, subject: Subject, text: string, lex: Lexicon, scopes: readonly string[]): Subject {
  if (!subject.indicator || subject.indicator.unit === '%' || figure.kind !== 'share' || figure.unit !== '%' || !lex.partOf.length) return subject;
  const label = normalizeSubject(figure.label ?? '');
  const word = lex.partOf.find((w) => label.includes(w));
  if (!word || !sharedInClause(figure, text, lex)) return subject;
  const at = label.lastIndexOf(word);
  const share = parseWith(`${label.slice(at + word.length)}占${label.slice(0, at)}比重`, lex, scopes);
  return share.indicator?.unit === '%' ? share : subject;
}

/** Whether the figure's clause names a share before it (words.yaml relationalNouns: 比重, 占比, 比例). */
function sharedInClause(figure: Figure, text: string, lex: Lexicon): boolean {
  let from = figure.span.start;
  while (from > 0 && figure.span.start - from < 20 && !CLAUSE_BREAK[text.charCodeAt(from - 1)]) from--;
  const clause = text.slice(from, figure.span.start);
  return lex.knowledge.words.relationalNouns.some((w) => w !== '幅度' && clause.includes(w));
}
