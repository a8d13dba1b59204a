/**
 * A figure's status as budget reports state it (rules/core/budgets.yaml): right after `年初预算`, `调整预算`, `预算数`
 * a figure is the year's budget (a target); after `预计完成`, `预计执行数` the expected outcome of a year not over (an
 * estimate); after `决算数`, `执行数`, `实际完成` the final accounts or the execution (an actual). Intent (intent.ts)
 * reads the sentence; this reads the noun that names what the figure is, and it decides where one stands.
 */
import type { Document, Modality } from '../model.js';
import { alternation } from '../extract/knowledge.js';
import type { RuleSet } from '../rules/types.js';

interface BudgetSettings {
  status?: Partial<Record<Modality, string[]>>;
  bases?: string[];
  reachEnds?: string[];
  reach?: number;
}

interface BudgetWords {
  /** Any status word, longest first (global: the last one in a clause decides). */
  words: RegExp;
  statusOf: Map<string, Modality>;
  bases: string[];
  reachEnds: string[];
  reach: number;
}

const cache = new WeakMap<RuleSet, BudgetWords | null>();

function budgetWordsOf(rules: RuleSet): BudgetWords | null {
  let words = cache.get(rules);
  if (words !== undefined) return words;
  const b = (rules.budgets ?? {}) as BudgetSettings;
  const statusOf = new Map<string, Modality>();
  for (const status of ['target', 'estimate', 'actual'] as const) for (const w of b.status?.[status] ?? []) statusOf.set(w, status);
  words = statusOf.size
    ? { words: new RegExp(alternation([...statusOf.keys()]), 'gu'), statusOf, bases: b.bases ?? [], reachEnds: b.reachEnds ?? [], reach: b.reach ?? 20 }
    : null;
  cache.set(rules, words);
  return words;
}

/** Clause punctuation and line ends: a status word reaches no figure past them. */
const CLAUSE_END = /[,，;；。:：!！?？\n]/u;

/**
 * The status a budget word right before the figure at `pos` names (the last one in its clause, within `reach`, not a
 * comparison base, not past a word stating the outcome), else `modality` as intent read it.
 */
export function budgetStatus(doc: Document, pos: number, modality: Modality, rules: RuleSet): Modality {
  const bw = budgetWordsOf(rules);
  if (!bw) return modality;
  const text = doc.normalized;
  let from = pos;
  const floor = Math.max(0, pos - bw.reach);
  while (from > floor && !CLAUSE_END.test(text[from - 1]!)) from--;
  return statusIn(text, from, text.slice(from, pos), bw) ?? modality;
}

function statusIn(text: string, from: number, clause: string, bw: BudgetWords): Modality | null {
  let last: RegExpExecArray | null = null;
  bw.words.lastIndex = 0;
  for (let m = bw.words.exec(clause); m; m = bw.words.exec(clause)) last = m;
  if (!last) return null;
  // (`比上年预计执行数`, `为调整预算的`: a base; the status word may open the clause, its base in the clause before it)
  const before = text.slice(Math.max(0, from + last.index - 4), from + last.index);
  if (bw.bases.some((w) => before.includes(w))) return null;
  const after = clause.slice(last.index + last[0].length);
  if (bw.reachEnds.some((w) => after.includes(w))) return null;
  return bw.statusOf.get(last[0]) ?? null;
}

/** A figure judged against a budget (`为预算的100.5%`, `为调整预算的95.7%`, `完成年初预算的101%`): group 1 how, without 的. */
const AGAINST_BUDGET = /((?:为|占|完成|达到)(?:年初|调整|调整后)?预算(?:数)?)的?\s*$/u;
const SENTENCE_END = /[。;；!！?？\n]/u;

/**
 * Labels of a budget report's figures without the status words intent read (`市本级一般公共预算收入年初预算80亿元` is
 * the revenue's budget: 市本级一般公共预算收入, a target), so the budget, the estimate and the final accounts of one
 * item share its name. A figure whose label is only a status word (`调整预算为82亿元`, `预计执行数81.5亿元`) or the
 * budget it was judged against (`,为预算的100.5%,比上年增长5.2%`) is of the item named before it in its sentence; a
 * ratio to a budget is named as a table's column names it (`一般公共预算收入为预算`). Runs before the metrics are
 * resolved (index.ts), on one document's figures in text order.
 */
export function budgetLabels(doc: Document, figures: { label: string; span: { start: number; end: number } }[], rules: RuleSet): void {
  const bw = budgetWordsOf(rules);
  if (!bw) return;
  const text = doc.normalized;
  const ends = new RegExp(`(?:${alternation([...bw.statusOf.keys(), '预算'])})$`, 'u');
  let subject = '';
  let previousEnd = -1;
  for (const figure of figures) {
    // (an item named before, in this sentence only)
    if (previousEnd < 0 || previousEnd > figure.span.start || SENTENCE_END.test(text.slice(previousEnd, figure.span.start))) subject = '';
    previousEnd = figure.span.end;
    const label = figure.label ?? '';
    const against = AGAINST_BUDGET.exec(text.slice(Math.max(0, figure.span.start - 10), figure.span.start));
    if (against && subject) {
      figure.label = subject + against[1]!;
      continue;
    }
    const own = label.replace(ends, '');
    if (own !== label && !own && subject) figure.label = subject;
    else if (own !== label && own) figure.label = own;
    if (figure.label) subject = figure.label;
  }
}
