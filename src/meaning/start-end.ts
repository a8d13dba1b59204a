/**
 * Start and end values and plan outcomes: a figure that starts a change (`由`, `从上半年5.5%降到…`), the end value
 * of a start value, a start value dated as its end (two moments of one series, never two statements of one
 * fact), a plan's outcome set against its statement (`实际建成` after `计划建成…`) and a subject that is only a
 * change and `到` (`增加到`). Steps of resolveFigureMetrics. Split out of metric.ts unchanged.
 */
import type { Figure } from '../model.js';
import { normalizeSubject } from './subject-normalize.js';
import type { Lexicon } from './lexicon.js';
import { heldSubject } from './subject.js';
import { SENTENCE_END } from './clause-marks.js';

/** Whether a figure is a start value in its clause, its own period written or not (`从上半年5.5%降到…`). */
export function startedIn(figure: Figure, text: string, lex: Lexicon): boolean {
  const before = text.slice(Math.max(0, figure.span.start - 12), figure.span.start);
  return lex.startWords.some((w) => {
    const at = before.lastIndexOf(w);
    return at >= 0 && !/[,，;；。:：\d]/u.test(before.slice(at + w.length));
  });
}

/** Whether a figure is a start value: a start word (`由`, `从`) before it, with at most a year and `的` between. */
export function startsValue(figure: Figure, text: string, lex: Lexicon): boolean {
  const before = text.slice(Math.max(0, figure.span.start - 12), figure.span.start);
  return lex.startWords.some((w) => {
    const at = before.lastIndexOf(w);
    return at >= 0 && lex.startTail.test(before.slice(at + w.length));
  });
}

/**
 * Whether a figure is the outcome set against the statement before it in its sentence: its subject an outcome word and
 * the start of that statement's subject (`实际建成` after `计划建成投产大中型项目`), in the same unit.
 */
export function planOutcome(previous: Figure, figure: Figure, text: string, lex: Lexicon): boolean {
  if (!lex.outcomeMarkers.length || previous.span.end > figure.span.start || previous.unit !== figure.unit || !previous.label) return false;
  if (SENTENCE_END.test(text.slice(previous.span.end, figure.span.start))) return false;
  const own = normalizeSubject(figure.label ?? '');
  const marker = lex.outcomeMarkers.find((w) => own.startsWith(w) && own.length > w.length);
  if (!marker) return false;
  const before = normalizeSubject(previous.label);
  return before.length > own.length - marker.length && before.startsWith(own.slice(marker.length));
}

/** Whether a subject is only a verb of change and a `到` word (`增加到`, `提高到`, `降至`: words.yaml increase, decrease, changeTo). */
export function changeToPhrase(subject: string, lex: Lexicon): boolean {
  const to = lex.knowledge.words.changeTo.find((w) => subject.length > w.length && subject.endsWith(w));
  if (!to) return false;
  const verb = subject.slice(0, subject.length - to.length);
  return lex.changeWords.some(([w]) => w === verb);
}

/** Whether `end` is the end value of the start value `start` (`由A下降到B`, `从上半年A降到B`), in one unit. */
export function endOf(start: Figure, end: Figure, text: string, lex: Lexicon): boolean {
  if (!lex.toEnd || start.span.end > end.span.start || start.unit !== end.unit) return false;
  return lex.toEnd.test(text.slice(start.span.end, end.span.start)) && startsValue(start, text, lex);
}

/**
 * Whether `start` is the start value of `end` with the same metric and period and another value: the two are two
 * moments of one series, never two statements of one fact.
 */
export function startDatedAsEnd(start: Figure, end: Figure, text: string, lex: Lexicon): boolean {
  if (!start.metric || start.metric !== end.metric || start.period !== end.period) return false;
  if (start.value === end.value || !heldSubject(start)) return false;
  return endOf(start, end, text, lex);
}

/** Whether a figure is a start value the meaning stage found dated as its end value (startDatedAsEnd). */
export function isStartOfEnd(figure: Figure): boolean {
  return heldSubject(figure)?.startOfEnd === true;
}
