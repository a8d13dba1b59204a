/**
 * Folds of labels: the wordings that make two ways of stating one fact one subject (indicatorWords `wholes`,
 * `allocation`, `coverage`, `actionSynonyms`): `X占国内生产总值比重` → `X比重`, `中央财政拟安排三农投入` →
 * `中央财政三农支出`, and the names an indicator also has through the wordings of its action. Compiled into
 * the lexicon (lexiconOf) and applied to every subject read. Split out of metric.ts unchanged.
 */
import { normalizeSubject } from './subject-normalize.js';
import type { Indicator, IndicatorWords } from './lexicon.js';

/** The folds that make two wordings of one fact one subject (indicatorWords `wholes`, `allocation`). */
export interface Folds {
  /** `占国内生产总值` before 比重/比例, global; null when none. */
  wholes: RegExp | null;
  /** The same words ending a subject (`…占国内生产总值的4%`): the figure is the share. */
  wholeAtEnd: RegExp | null;
  /** Words opening a central or local budget (中央财政, 中央), longest first. */
  budgets: string[];
  /** Verbs of allocating, longest first. */
  verbs: string[];
  /** Nouns folded at the end (投入 → 支出), longest first. */
  nouns: [string, string][];
  /** Coverage words (longest first) and the one they fold to (indicatorWords `coverage`). */
  coverage: string[];
  coverageWord: string;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

export function foldsOf(words: IndicatorWords): Folds {
  const longest = (list: string[]) => [...new Set(list.map(normalizeSubject).filter(Boolean))].sort((a, b) => b.length - a.length);
  const wholes = longest(words.wholes ?? []);
  const scopes = new Set(words.allocation?.scopes ?? []);
  return {
    wholes: wholes.length ? new RegExp(`(?:${wholes.map(escape).join('|')})(?=比重|比例|比率)`, 'gu') : null,
    wholeAtEnd: wholes.length ? new RegExp(`(?:${wholes.map(escape).join('|')})$`, 'u') : null,
    budgets: longest(Object.entries(words.scopes ?? {}).flatMap(([scope, list]) => (scopes.has(scope) ? list : []))),
    verbs: longest(words.allocation?.verbs ?? []),
    nouns: Object.entries(words.allocation?.nouns ?? {}).map(([from, to]): [string, string] => [normalizeSubject(from), normalizeSubject(to)]).sort((a, b) => b[0].length - a[0].length),
    coverage: longest(words.coverage ?? []),
    coverageWord: normalizeSubject(words.coverage?.[0] ?? ''),
  };
}

/**
 * Names an indicator also has through the wordings of its action (indicatorWords `actionSynonyms`): an
 * indicator named action + another indicator's name (新开工 + 保障性安居工程) is also named by every wording of
 * the action with every name of that indicator, either order (开工建设保障性住房, 保障性住房新开工).
 */
export function actionNames(byName: Map<string, Indicator>, namesOf: Map<Indicator, string[]>, words: IndicatorWords, folds: Folds): [string, Indicator][] {
  const out: [string, Indicator][] = [];
  for (const [action, synonyms] of Object.entries(words.actionSynonyms ?? {})) {
    const wordings = [...new Set([action, ...synonyms].map(normalizeSubject).filter(Boolean))];
    const a = normalizeSubject(action);
    for (const [indicator, names] of namesOf) {
      for (const name of names) {
        const rest = name.startsWith(a) ? name.slice(a.length) : name.endsWith(a) ? name.slice(0, name.length - a.length) : '';
        const object = rest ? byName.get(rest) : undefined;
        if (!object || object === indicator) continue;
        for (const other of namesOf.get(object) ?? []) {
          for (const w of wordings) out.push([foldSubject(w + other, folds), indicator], [foldSubject(other + w, folds), indicator]);
        }
      }
    }
  }
  return out;
}

/**
 * One wording for one fact (a normalized subject in, the same out when nothing folds): `X占国内生产总值比重` →
 * `X比重`; `中央财政用于三农支出`, `中央财政拟安排三农投入` → `中央财政三农支出`.
 */
export function foldSubject(s: string, folds: Folds): string {
  // (`A、B` lists the parts of one subject as `A和B` does: 保障性住房、棚户区改造住房)
  if (s.includes('、')) s = s.replace(/、/gu, '和');
  // `X试点范围`, `X覆盖面`, `X试点覆盖`: one coverage of X
  // (a bare coverage word, `试点范围`, is the coverage word itself)
  const cover = folds.coverage.find((w) => s.endsWith(w) && (s.length === w.length || s.length > w.length + 1));
  if (cover && cover !== folds.coverageWord) s = s.slice(0, s.length - cover.length) + folds.coverageWord;
  if (folds.wholes && s.includes('占')) s = s.replace(folds.wholes, '');
  // `X占国内生产总值的4%`: the share of X (a subject that is only the whole names no part: left as it is)
  if (folds.wholeAtEnd && s.includes('占')) {
    const whole = folds.wholeAtEnd.exec(s);
    if (whole && whole.index > 0) s = s.slice(0, whole.index) + '比重';
  }
  const budget = folds.budgets.find((w) => s.startsWith(w) && s.length > w.length);
  if (budget) {
    const verb = folds.verbs.find((v) => s.startsWith(v, budget.length));
    let rest = verb ? s.slice(budget.length + verb.length) : s.slice(budget.length);
    const noun = folds.nouns.find(([from]) => rest.endsWith(from) && rest.length > from.length);
    if (noun) rest = rest.slice(0, rest.length - noun[0].length) + noun[1];
    if (rest) s = budget + rest;
  }
  return s;
}
