/**
 * The statements a figure can be compared with (compare.ts `comparable`), found by key instead of by asking
 * every statement of its group: a metric rule without a unit groups a metric's levels (亿元) with its growth
 * rates (%), and a target check asking each target about every actual of such a group cost targets × actuals
 * (4,000 documents of one jurisdiction: 2.0 s for the target check alone, 180 times the time of 400;
 * tests/target-linear.test.ts). Speed only: the same readings, in the same order, as filtering the list
 * with `comparable`. Where every actual is comparable, each pair is judged and listed in the run's
 * target outcomes (the report shows them all): the cost is then that of the output.
 */
import type { Figure } from '../model.js';
import { measureOf } from '../meaning/metric.js';

/** What `comparable` reads of a statement: its first figure. */
interface Statement {
  figures: Figure[];
}

/** Of `statements`, those whose first figure is comparable with a figure, in the order given: O(their number). */
export type ComparableLookup<S> = (figure: Figure) => S[];

/**
 * Statements indexed by unit and by measured unit (a count's noun, `个`, for a figure without a unit): two
 * figures with intervals, neither a placeholder, are comparable exactly when they share one or the other.
 */
export function comparableIndex<S extends Statement>(statements: readonly S[]): ComparableLookup<S> {
  const byUnit = new Map<string | null, number[]>();
  const byMeasure = new Map<string | null, number[]>();
  const add = (map: Map<string | null, number[]>, key: string | null, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  statements.forEach((statement, i) => {
    const figure = statement.figures[0]!;
    if (figure.interval === null || figure.placeholder) return;
    add(byUnit, figure.unit, i);
    add(byMeasure, measureOf(figure).unit, i);
  });
  return (figure) => {
    if (figure.interval === null || figure.placeholder) return [];
    const a = byUnit.get(figure.unit) ?? [];
    const b = byMeasure.get(measureOf(figure).unit) ?? [];
    // (both ascending: merged in the statements' order, each once)
    const out: S[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
      if (i < a.length && a[i] === next) i++;
      if (j < b.length && b[j] === next) j++;
      out.push(statements[next]!);
    }
    return out;
  };
}
