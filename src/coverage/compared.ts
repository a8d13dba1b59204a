/**
 * Which figures a check actually compared with another statement, recorded by the checks where they
 * compare (consistency, target) into the check context's `compared` map, so that coverage counts what
 * was done rather than what might have been. The value says whether a partner lay in another document.
 */
import { measureOf } from '../meaning/metric.js';
import type { Figure } from '../model.js';

/** figure → true when compared with a statement of another document, false when only within its own. */
export type ComparedFigures = Map<Figure, boolean>;

/** The part of a consistency reading this module reads (one document's statement, its figures). */
interface ComparedReading {
  document: string;
  figures: Figure[];
}

function mark(compared: ComparedFigures, figures: readonly Figure[], across: boolean): void {
  for (const figure of figures) if (across || !compared.has(figure)) compared.set(figure, across || compared.get(figure) === true);
}

/** Two statements compared with each other (a target and the actual it was judged by). */
export function recordPair(compared: ComparedFigures, a: readonly Figure[], b: readonly Figure[]): void {
  const across = a.some((x) => b.some((y) => x.document !== y.document));
  mark(compared, a, across);
  mark(compared, b, across);
}

/**
 * Figures compared only through a pairing by wording (src/checks/wording.ts), kept beside the map rather than
 * in it: coverage counts them apart (`N compared by wording`), since such a comparison is a guess a metric rule
 * confirms. A side table keyed by the map, so the map's type (and every reader of it) stays as it is.
 */
const byWording = new WeakMap<ComparedFigures, Set<Figure>>();

/** Two statements paired by wording and compared (a target and its outcome, one fact stated twice). */
export function recordWordingPair(compared: ComparedFigures, a: readonly Figure[], b: readonly Figure[]): void {
  let set = byWording.get(compared);
  if (!set) byWording.set(compared, (set = new Set()));
  for (const figure of [...a, ...b]) set.add(figure);
}

/** The figures compared by wording, whether or not a check also compared them by identity. */
export function comparedByWording(compared: ComparedFigures): ReadonlySet<Figure> {
  return byWording.get(compared) ?? new Set();
}

/**
 * The readings of one metric and period that the consistency check weighed against each other: readings
 * of one unit with an interval (placeholders have none) are compared with every other such reading but
 * the pairs `excluded` (same document, one sentence). O(n) plus, for a reading alone in its document's
 * group among no other document, a scan of that document's readings.
 */
export function recordReadings<R extends ComparedReading>(
  compared: ComparedFigures,
  readings: readonly R[],
  excluded: (a: R, b: R) => boolean,
): void {
  const byUnit = new Map<string, R[]>();
  for (const reading of readings) {
    const figure = reading.figures[0];
    if (!figure?.interval || figure.placeholder) continue;
    // (by the measure alignment reads, as consistency.ts disagreeing does)
    const key = measureOf(figure).unit ?? '';
    const list = byUnit.get(key) ?? [];
    list.push(reading);
    byUnit.set(key, list);
  }
  for (const list of byUnit.values()) {
    if (list.length < 2) continue;
    const documents = new Set(list.map((r) => r.document));
    for (const reading of list) {
      if (documents.size > 1) mark(compared, reading.figures, true);
      else if (list.some((other) => other !== reading && !excluded(reading, other))) mark(compared, reading.figures, false);
    }
  }
}
