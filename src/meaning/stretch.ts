/**
 * A stretch value set after a target change (`地区生产总值增长7%以上、力争达到8%`, `增长5%左右，争取6%`): the second
 * value is the same change of the same subject, the higher aim beside the floor, not a level of its own. A step of
 * resolveFigureMetrics.
 */
import type { Figure } from '../model.js';
import type { Lexicon } from './lexicon.js';
import { SENTENCE_END } from './clause-marks.js';

/** Whether `figure` is the stretch value of the change `previous` just stated (only aim words between them). */
export function stretchOf(previous: Figure, figure: Figure, text: string, lex: Lexicon): boolean {
  if (previous.kind !== 'change' || !previous.change || figure.kind !== 'share' || figure.unit !== previous.unit || figure.unit !== '%') return false;
  if (previous.span.end > figure.span.start) return false;
  const between = text.slice(previous.span.end, figure.span.start);
  if (between.length > 12 || SENTENCE_END.test(between)) return false;
  const words = lex.knowledge.words;
  let rest = between.replace(/[、，,\s]/gu, '');
  // (an aim word must open it: `、力争`, `，争取`)
  const aim = [...words.target, ...words.targetUnlessPast].filter(Boolean).sort((a, b) => b.length - a.length).find((w) => rest.startsWith(w));
  if (!aim) return false;
  rest = rest.slice(aim.length);
  return !rest || words.changeTo.includes(rest) || words.filler.includes(rest);
}
