/**
 * A figure's status as budget reports state it (rules/core/budgets.yaml): right after `年初预算`, `调整预算`, `预算数`
 * a figure is the year's budget (a target); after `预计完成`, `预计执行数` the expected outcome of a year not over (an
 * estimate); after `决算数`, `执行数`, `实际完成` the final accounts or the execution (an actual). Intent (intent.ts)
 * reads the sentence; this reads the noun that names what the figure is, and it decides where one stands.
 */
import type { Document, Modality } from '../model.js';
import { alternation, charClass, knowledgeOf } from '../extract/knowledge.js';
import { planReportYears } from './plan-periods.js';
import { budgetedEstimate } from './intent.js';
import type { PeriodContext } from './time.js';
import type { RuleSet } from '../rules/types.js';
import type { SegmentationRules } from '../segment/index.js';

interface BudgetSettings {
  status?: Partial<Record<Modality, string[]>>;
  bases?: string[];
  reachEnds?: string[];
  reach?: number;
  /** A kind of budget as headings name it → the name its items take (一般公共预算 → 一般公共预算, 政府性基金预算 → 政府性基金). */
  kinds?: Record<string, string>;
  items?: string[];
  headingLength?: number;
  levels?: string[];
  wholes?: string[];
  itemQualifiers?: string[];
  reports?: string[];
  against?: { verbs?: string[]; budgets?: string[] };
  plainBudgets?: string[];
  copulas?: string[];
  clauseEnds?: string;
  passed?: string[];
  carriedIn?: string[];
  passedEach?: string[];
}

interface BudgetWords {
  /** Any status word, longest first (global: the last one in a clause decides). */
  words: RegExp;
  /** A label ending in a status word not opening with an item, or in 预算 alone (`调整预算`, `预算`). */
  ends: RegExp;
  /** Words naming a budget report in its title or opening (budgets.reports). */
  reports: string[];
  statusOf: Map<string, Modality>;
  bases: string[];
  reachEnds: string[];
  reach: number;
  /** Clause punctuation and line ends (budgets.clauseEnds): a status word reaches no figure past them. */
  clauseEnd: RegExp;
  /** Sentence ends and line ends (segmentation.sentenceEnds): an item named before a figure is read in its sentence only. */
  sentenceEnd: RegExp;
  /** A figure judged against a budget, at the end of what precedes it (budgets.against): group 1 how, without 的; null when none. */
  againstBudget: RegExp | null;
  /** A copula ending a status word (budgets.copulas: `预算调整为`), not part of what a label names. */
  copulaEnd: RegExp | null;
  /** Words naming the budget as passed, written before the item (budgets.passed): what the figure is of follows them. */
  passed: Set<string>;
  /** A year's opening balance brought from the year before (budgets.carriedIn): an actual of that year. */
  carriedIn: Set<string>;
  /** Words saying the budgets of the levels below were passed one by one (budgets.passedEach). */
  passedEach: string[];
}

const cache = new WeakMap<RuleSet, BudgetWords | null>();

function budgetWordsOf(rules: RuleSet): BudgetWords | null {
  let words = cache.get(rules);
  if (words !== undefined) return words;
  const b = (rules.budgets ?? {}) as BudgetSettings;
  const statusOf = new Map<string, Modality>();
  for (const status of ['target', 'estimate', 'actual'] as const) for (const w of b.status?.[status] ?? []) statusOf.set(w, status);
  for (const w of b.passed ?? []) statusOf.set(w, 'target');
  for (const w of b.carriedIn ?? []) statusOf.set(w, 'actual');
  const sentenceEnds = ((rules.segmentation ?? {}) as SegmentationRules).sentenceEnds ?? '';
  words = statusOf.size
    ? {
        words: new RegExp(alternation([...statusOf.keys()]), 'gu'),
        ends: new RegExp(`(?:${alternation([...[...statusOf.keys()].filter((w) => !(b.items ?? []).some((i) => w.startsWith(i))), ...(b.plainBudgets ?? [])])})$`, 'u'),
        statusOf,
        reports: b.reports ?? [], bases: b.bases ?? [], reachEnds: b.reachEnds ?? [], reach: b.reach ?? 20,
        clauseEnd: new RegExp(`[${charClass(b.clauseEnds ?? '')}\\n]`, 'u'),
        sentenceEnd: new RegExp(`[${charClass(sentenceEnds)}\\n]`, 'u'),
        againstBudget: b.against?.verbs?.length && b.against.budgets?.length ? new RegExp(`((?:${alternation(b.against.verbs)})(?:${alternation(b.against.budgets)}))的?\\s*$`, 'u') : null,
        copulaEnd: b.copulas?.length ? new RegExp(`(?:${alternation(b.copulas)})$`, 'u') : null,
        passed: new Set(b.passed ?? []), carriedIn: new Set(b.carriedIn ?? []), passedEach: b.passedEach ?? [] }
    : null;
  cache.set(rules, words);
  return words;
}

const budgetReports = new WeakMap<Document, boolean>();
/**
 * Whether a document is a budget report or final accounts (budgets.reports in its title or opening: `预算执行情况`,
 * `预算草案`, `决算`): only there do its status words name what a figure is (elsewhere `预算安排科技专项资金15.2亿元` tells
 * what was done).
 */
function isBudgetReport(doc: Document, bw: BudgetWords): boolean {
  let is = budgetReports.get(doc);
  if (is === undefined) {
    const head = doc.normalized.slice(0, OPENING);
    is = bw.reports.some((w) => head.includes(w));
    budgetReports.set(doc, is);
  }
  return is;
}
/** How far into a document its title and opening are read for what kind of report it is. */
const OPENING = 800;

/** Where the clause holding the figure at `pos` starts, read back no further than a status word reaches. */
function statusClauseStart(text: string, pos: number, bw: BudgetWords): number {
  let from = pos;
  const floor = Math.max(0, pos - bw.reach);
  while (from > floor && !bw.clauseEnd.test(text[from - 1]!)) from--;
  return from;
}

/**
 * The status a budget word right before the figure at `pos` names (the last one in its clause, within `reach`, not a
 * comparison base, not past a word stating the outcome), else `modality` as intent read it.
 */
export function budgetStatus(doc: Document, pos: number, modality: Modality, rules: RuleSet, period: string | null = null, ctx?: PeriodContext): Modality {
  const bw = budgetWordsOf(rules);
  if (!bw || !isBudgetReport(doc, bw)) return modality;
  const text = doc.normalized;
  const from = statusClauseStart(text, pos, bw);
  const status = statusIn(text, from, text.slice(from, pos), bw);
  if (status) return status === 'estimate' && ctx && budgetedEstimate(text, pos, period, ctx, knowledgeOf(rules)) ? 'target' : status;
  if (modality === 'actual' && passedEachBefore(text, from, pos, bw)) return 'target';
  if (modality === 'estimate' && ctx && period !== null && period === ctx.ownYearIsPlan && budgetedSentence(text, pos, bw, knowledgeOf(rules))) return 'target';
  // a report presenting next year's budget or plan, delivered before its own year is over (in December): what it states
  // of that year as a whole is what the year is expected to come to, an estimate
  if (modality === 'actual' && ctx && period !== null && period === String(ctx.deliveryYear) && deliveredLate(doc, ctx, rules)) return 'estimate';
  return modality;
}

const lateCache = new WeakMap<Document, boolean>();
/**
 * Whether a document presents the plan or budget of the year after its delivery year (periods.yearPlans, in its opening)
 * and was delivered late in its year (after periods.reviewsPreviousYearUntilMonth): its own year is not over.
 */
function deliveredLate(doc: Document, ctx: PeriodContext, rules: RuleSet): boolean {
  let late = lateCache.get(doc);
  if (late === undefined) {
    const k = knowledgeOf(rules);
    late = ctx.deliveryYear !== null && ctx.deliveryMonth !== null && ctx.deliveryMonth > k.periods.reviewsPreviousYearUntilMonth && planReportYears(doc.normalized, k).includes(ctx.deliveryYear + 1);
    lateCache.set(doc, late);
  }
  return late;
}

/**
 * Whether the figure at `pos` (its clause from `from`) sums the budgets the levels below passed (budgets.passedEach in its
 * sentence or the one before, `各县人民代表大会相继批准了本级预算。经汇总，全市一般公共预算收入为335.79亿元`), with no word of the
 * outcome in its clause.
 */
function passedEachBefore(text: string, from: number, pos: number, bw: BudgetWords): boolean {
  if (!bw.passedEach.length || bw.reachEnds.some((w) => text.slice(from, pos).includes(w))) return false;
  let start = pos;
  let ends = 0;
  // (back over this sentence and the one before it)
  while (start > 0 && start > pos - 300) {
    if (bw.sentenceEnd.test(text[start - 1]!) && ++ends === 2) break;
    start--;
  }
  const before = text.slice(start, pos);
  return bw.passedEach.some((w) => before.includes(w));
}

/**
 * Whether the last estimate word before `pos` in its sentence follows a budget's name (periods.budgetNames) in an earlier
 * clause (`一般公共预算收入预计3.78亿元,比上年增长2%`): the sentence states the budget of the year planned, and so does what
 * follows in it (its growth), a target.
 */
function budgetedSentence(text: string, pos: number, bw: BudgetWords, k: ReturnType<typeof knowledgeOf>): boolean {
  const names = k.periods.budgetNames ?? [];
  if (!names.length) return false;
  let start = pos;
  while (start > 0 && start > pos - 200 && !bw.sentenceEnd.test(text[start - 1]!)) start--;
  const lead = text.slice(start, pos);
  let at = -1;
  let word = '';
  for (const w of k.words.estimate) {
    const i = lead.lastIndexOf(w);
    if (i > at) [at, word] = [i, w];
  }
  if (at < 0 || !bw.clauseEnd.test(lead.slice(at + word.length))) return false;
  const before = lead.slice(Math.max(0, at - 10), at).trimEnd();
  return names.some((n) => before.endsWith(n));
}

function statusIn(text: string, from: number, clause: string, bw: BudgetWords): Modality | null {
  const last = lastStatusMatch(clause, bw);
  if (!last) return null;
  // (`比上年预计执行数`, `为调整预算的`: a base; the status word may open the clause, its base in the clause before it)
  const before = text.slice(Math.max(0, from + last.index - 4), from + last.index);
  if (bw.bases.some((w) => before.includes(w))) return null;
  const after = clause.slice(last.index + last[0].length);
  if (bw.reachEnds.some((w) => after.includes(w))) return null;
  // (an opening balance is of its own figure only: `上年结转4.9亿元、债务转贷收入4.2亿元`)
  if (bw.carriedIn.has(last[0]) && /\d/u.test(after)) return null;
  return bw.statusOf.get(last[0]) ?? null;
}

/** Where each kind of budget is in force in a document (its headings), and the level each line opens on. */
interface BudgetLayout {
  /** Heading line starts and the kind each names ('' for a heading naming none: the kind in force ends). */
  headings: { start: number; kind: string; level: string | null; depth: number }[];
}
const layouts = new WeakMap<Document, BudgetLayout>();

function layoutOf(doc: Document, b: BudgetSettings): BudgetLayout {
  let layout = layouts.get(doc);
  if (layout) return layout;
  layout = { headings: [] };
  const kinds = Object.keys(b.kinds ?? {});
  const text = doc.normalized;
  if (kinds.length && kinds.some((kind) => text.includes(kind))) {
    const longest = b.headingLength ?? 30;
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end).trim();
      // (a heading: short, no sentence inside it; `(1)全市收支情况。…` opens a paragraph, no heading. Normalized text:
      // full-width ，；（） are folded to ASCII before)
      if (line && line.length <= longest && !/[。,;]/u.test(line.replace(/[。]$/u, ''))) layout.headings.push({ start, kind: kinds.find((kind) => line.includes(kind)) ?? '', level: headingLevel(line, b), depth: headingDepth(line) });
      start = end + 1;
    }
  }
  layouts.set(doc, layout);
  return layout;
}

/** How deep a numbered heading stands (`一、` 1, `（一）` 2, `1.` 3, `（1）` 4); 0 for a line not numbered (a title, a caption). */
const DEPTHS = [/^[一二三四五六七八九十]+\s*[、.．]/u, /^[（(][一二三四五六七八九十]+[)）]/u, /^\d+\s*[、.．]/u, /^[（(]\d+[)）]/u];
function headingDepth(line: string): number {
  return DEPTHS.findIndex((d) => d.test(line)) + 1;
}

/** The level a heading names (budgets.levels), '' when it names the whole place (`全市和市本级预算执行情况`), else null. */
function headingLevel(line: string, b: BudgetSettings): string | null {
  if ((b.wholes ?? []).some((w) => line.includes(w))) return '';
  return (b.levels ?? []).find((l) => line.includes(l)) ?? null;
}

/**
 * The level the numbered headings before `pos` put it at ('' for none): a heading naming a level holds until a heading as
 * high or higher (`2．市本级…` ends at `3．经开区…` or `（二）政府性基金预算执行情况`), or one naming the whole place.
 */
function headingLevelAt(layout: BudgetLayout, pos: number): string {
  let level = '';
  let depth = 0;
  for (const h of layout.headings) {
    if (h.start > pos) break;
    if (!h.depth) continue;
    if (level && h.depth <= depth) level = '';
    if (h.level !== null) {
      level = h.level;
      depth = h.depth;
    }
  }
  return level;
}

/** The kind of budget in force at `pos` (the last heading before it naming one, up to a heading naming none). */
function kindAt(layout: BudgetLayout, pos: number): string {
  let kind = '';
  for (const h of layout.headings) {
    if (h.start > pos) break;
    kind = h.kind;
  }
  return kind;
}

/** The level of government the line holding `pos` opens on (`（2）市级收支情况。`), if any. */
function levelAt(text: string, pos: number, levels: string[]): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const lead = text.slice(lineStart, Math.min(pos, lineStart + 12));
  return levels.find((l) => lead.includes(l)) ?? '';
}

/**
 * Labels of a budget report's figures without the status words (`一般公共预算收入预算134.5亿元` is the revenue's budget:
 * 一般公共预算收入, a target), so the budget, the estimate and the final accounts of one item share its name. A figure
 * whose clause names no item of its own (`执行中按法定程序调整为134.9亿元`, `实际完成135.1亿元`, `为预算的100.5%,比上年增长
 * 5.2%`) is of the item named before it in its sentence (a part in brackets, `（含高新区10.1亿元）`, names none); a
 * bare item (`收入完成421.8亿元`, `批准的支出预算319.5亿元`) is of the budget its heading names (`1.一般公共预算`) and of the
 * level its paragraph opens on (`（2）市级收支情况。`); a ratio to a budget is named as a table's column names it
 * (`一般公共预算收入为预算`). Runs before the metrics are resolved (index.ts), on one document's figures in text order.
 */
export function budgetLabels(doc: Document, figures: { label: string; span: { start: number; end: number } }[], rules: RuleSet): void {
  const bw = budgetWordsOf(rules);
  if (!bw || !isBudgetReport(doc, bw)) return;
  const b = (rules.budgets ?? {}) as BudgetSettings;
  const items = b.items ?? [];
  const kinds = Object.values(b.kinds ?? {});
  const text = doc.normalized;
  const layout = layoutOf(doc, b);
  const named = (label: string) => items.some((i) => label.includes(i)) || kinds.some((k) => label.includes(k));
  let subject = '';
  let previousEnd = -1;
  for (const figure of figures) {
    const pos = figure.span.start;
    // (an item named before, in this sentence only)
    if (previousEnd < 0 || previousEnd > pos || bw.sentenceEnd.test(text.slice(previousEnd, pos))) subject = '';
    previousEnd = figure.span.end;
    // (a part in brackets, `（含高新区10.1亿元）` normalized to `(含高新区10.1亿元)`, keeps its own name and names nothing after it)
    const open = text.lastIndexOf('(', pos);
    if (open >= 0 && open > text.lastIndexOf(')', pos) && !bw.sentenceEnd.test(text.slice(open, pos))) continue;
    const against = bw.againstBudget?.exec(text.slice(Math.max(0, pos - 10), pos));
    if (against && subject) {
      figure.label = subject + against[1]!;
      continue;
    }
    let label = figure.label ?? '';
    // the status word of the figure's clause, and what the label holds before it (an item written before it stays)
    const clause = text.slice(statusClauseStart(text, pos, bw), pos);
    const status = lastStatusMatch(clause, bw)?.[0];
    if (status && bw.carriedIn.has(status)) {
      // (an opening balance keeps its own name, `上年结转收入`, and names nothing after it)
      continue;
    } else if (status && bw.passed.has(status)) {
      // (the budget as passed is of the item after the words: `会议审查批准市本级一般公共预算收入` → 市本级一般公共预算收入)
      const at = label.lastIndexOf(status);
      if (at >= 0) label = label.slice(at + status.length).replace(/^的/u, '');
    } else if (status) {
      const word = bw.copulaEnd ? status.replace(bw.copulaEnd, '') : status;
      const item = items.find((i) => word.startsWith(i)) ?? '';
      const at = label.lastIndexOf(word);
      if (at >= 0) label = label.slice(0, at + item.length);
      // (a label carried from a clause before, `支出预算调整` for `实际完成312.9亿元`: the sentence's item; a label the
      // clause writes is its own, `税收收入预计完成90亿元`)
      else if (!clause.replace(/\s+/gu, '').includes(label) && (subject || !named(label))) label = '';
      // (`支出预算调整为342.5亿元`: the item's budget adjusted, of the item 支出)
      const own = label.replace(bw.ends, '');
      if (own !== label && named(own)) label = own;
      if (!named(label)) label = '';
    } else {
      // (no status word: a label that is only the budget judged against, `预算`, is of the item before)
      const own = label.replace(bw.ends, '');
      if (own !== label) label = own;
    }
    if (!label && subject) label = subject;
    // a bare item is of its heading's budget and its paragraph's level
    const bare = items.find((i) => label === i || (b.itemQualifiers ?? []).some((q) => label === q + i));
    if (bare) {
      const kind = kindAt(layout, pos);
      if (kind) label = levelAt(text, pos, b.levels ?? []) + (b.kinds?.[kind] ?? kind) + bare;
    }
    // a budget's item under a heading naming a level is that level's (`（三）2026年市级财政预算草案`: 市级一般公共预算收入)
    if (label && kinds.some((k) => label.startsWith(k))) {
      const level = headingLevelAt(layout, pos);
      if (level && !(b.levels ?? []).some((l) => label.includes(l))) label = level + label;
    }
    if (label) {
      figure.label = label;
      subject = label;
    }
  }
}

/** The last status word in `clause` (the one that decides), with where it stands. */
function lastStatusMatch(clause: string, bw: BudgetWords): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  bw.words.lastIndex = 0;
  for (let m = bw.words.exec(clause); m; m = bw.words.exec(clause)) last = m;
  return last;
}

/**
 * Whether the figure at `pos` is a budget year's opening balance brought from the year before (budgets.carriedIn right before
 * it in its clause: `加上上年结转收入2.7亿元`): the closing balance of the year before the one its sentence is about.
 */
export function carriedInBalance(doc: Document, pos: number, rules: RuleSet): boolean {
  const bw = budgetWordsOf(rules);
  if (!bw || !bw.carriedIn.size || !isBudgetReport(doc, bw)) return false;
  const text = doc.normalized;
  const from = statusClauseStart(text, pos, bw);
  const clause = text.slice(from, pos);
  const last = lastStatusMatch(clause, bw);
  return !!last && bw.carriedIn.has(last[0]) && statusIn(text, from, clause, bw) === 'actual';
}

/**
 * The period of a budget year's opening balance (carriedInBalance) at `pos`: the year before the year of the figure before it
 * in its sentence (`收入完成0.99亿元,加上级补助收入0.08亿元、上年结余收入0.66亿元`: 2024 in the execution of 2025), else null.
 */
export function carriedInPeriod(doc: Document, pos: number, previous: { period: string | null; span: { end: number } } | undefined, rules: RuleSet): string | null {
  if (!previous?.period || !/^\d{4}$/u.test(previous.period) || previous.span.end > pos) return null;
  const bw = budgetWordsOf(rules);
  if (!bw || bw.sentenceEnd.test(doc.normalized.slice(previous.span.end, pos))) return null;
  return carriedInBalance(doc, pos, rules) ? String(Number(previous.period) - 1) : null;
}

/** An opening balance read (carriedInPeriod): its period, the period of its sentence before it, and where it ends. */
export interface CarriedIn {
  period: string;
  before: string;
  end: number;
}

/**
 * The period of the figure at `pos` after an opening balance in its sentence (`加上年结转收入0.52亿元、上级补助收入0.1亿元`):
 * the year the balance was brought from (`上年`) is not this figure's, which keeps its sentence's year (`before`), unless a
 * year is written between. Null when `period` was not taken from the balance.
 */
export function afterCarriedIn(doc: Document, pos: number, carry: CarriedIn | null, period: string | null, rules: RuleSet): string | null {
  if (!carry || period !== carry.period || carry.end > pos) return null;
  const bw = budgetWordsOf(rules);
  const between = doc.normalized.slice(carry.end, pos);
  if (!bw || bw.sentenceEnd.test(between) || /\d{4}\s*年|[今本]年|当年/u.test(between)) return null;
  return carriedInBalance(doc, pos, rules) ? null : carry.before;
}
