/**
 * Lists of figures: the next item of a list (`分别增长8.9%、7.7%`), figures sharing one label that lists several
 * subjects (`原煤、原油产量`), and the subject a figure listed after another takes from it (the other part of
 * a parallel statement, `农村居民增长7%`; a shared modifier). Steps of resolveFigureMetrics. Split out of
 * metric.ts unchanged.
 */
import type { Figure } from '../model.js';
import { sharedModifier } from './subject-reference.js';
import { normalizeSubject } from './subject-normalize.js';
import type { Lexicon } from './lexicon.js';
import { parseWith, heldSubject, indicatorNamed } from './subject.js';
import { LIST_GAP, SENTENCE_END } from './clause-marks.js';

/** Whether a figure is the next item of a list after `previous` (`分别增长8.9%、7.7%`): a list gap between them. */
export function listItemAfter(previous: Figure, figure: Figure, text: string): boolean {
  return previous.span.end <= figure.span.start && figure.span.start - previous.span.end < 8 && LIST_GAP.test(text.slice(previous.span.end, figure.span.start));
}

/**
 * Figures of a list (side by side, `、`, `和`) sharing one label that lists several subjects (`原煤、原油产量`), or that
 * a word of `respectively` before the list says are of several (`银行存贷款增速分别达7.9%、8%`: 存款 and 贷款).
 */
export function listLabelled(figures: Figure[], text: string, lex?: Lexicon): Set<Figure> {
  const listed = new Set<Figure>();
  const respectively = lex?.knowledge.words.respectively ?? [];
  for (let i = 1; i < figures.length; i++) {
    const a = figures[i - 1]!;
    const b = figures[i]!;
    if (!a.label || a.label !== b.label || a.span.end > b.span.start || b.span.start - a.span.end >= 8) continue;
    if (!a.label.includes('、') && !respectively.some((w) => text.slice(Math.max(0, a.span.start - 8), a.span.start).includes(w))) continue;
    if (!LIST_GAP.test(text.slice(a.span.end, b.span.start))) continue;
    listed.add(a);
    listed.add(b);
  }
  return listed;
}

/**
 * `城镇居民人均可支配收入增长5%，农村居民增长7%`: a subject that names only the other part (`农村居民`) of the
 * previous statement of its sentence takes that statement's measure, when the two make an indicator name.
 */
export function parallelName(core: string, previous: Figure, figure: Figure, text: string, lex: Lexicon): string | null {
  if (previous.span.end > figure.span.start || previous.unit !== figure.unit || previous.kind !== figure.kind) return null;
  if (SENTENCE_END.test(text.slice(previous.span.end, figure.span.start))) return null;
  const before = heldSubject(previous);
  if (!before?.indicator) return null;
  const name = normalizeSubject(previous.label ?? '');
  for (let k = 1; k < name.length - 1; k++) {
    if (name.startsWith(core)) break;
    const candidate = core + name.slice(k);
    if (lex.byName.has(candidate) && lex.byName.get(candidate) !== before.indicator) return candidate;
  }
  return null;
}

/** sharedModifier (subject-reference.ts) for a figure listed right after `previous` in its sentence. */
export function listedAfter(core: string, previous: Figure, figure: Figure, text: string, lex: Lexicon): string | null {
  if (previous.span.end > figure.span.start || !previous.label) return null;
  const indicator = heldSubject(previous)?.indicator ?? null;
  return sharedModifier(core, normalizeSubject(previous.label), indicator, text.slice(previous.span.end, figure.span.start), (subject) => indicatorNamed(subject, lex));
}
