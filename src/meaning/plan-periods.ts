/**
 * Numbered five-year plans and what a plan's years date (periods.planPeriods, planNames, planReports):
 * the first year of plan number n, a plan named in a sentence as markers (`"十三五"时期`, `"十四五"末`,
 * `"十二五"节能减排目标`) or before a figure (`"八五"计划`), the plan a report presents and how such a report
 * is read (its text after the opening is of the plan's span, a paragraph on a year before the plan keeps
 * its own year), and the first year of what a document plans (planStart).
 */
import { allMatches } from '../matches.js';
import { alternation, charClass, type Knowledge } from '../extract/knowledge.js';
import { YEAR_DIGITS, chineseDigits, yearNumber } from './year-numerals.js';
import { planWordsOf } from './period-words.js';
import { type Marker, insideTitle } from './markers.js';
import type { SectionInfo } from './sections.js';
import type { PeriodContext } from './time.js';

/**
 * A report presenting a numbered plan (ctx.planSpan) is about the plan's years from its opening on: one section
 * around the whole text after its opening paragraph dates its undated figures with the plan's span (the sections
 * inside it, a review among them, still say what they are about).
 */
export function presentPlan(ctx: PeriodContext): void {
  const opening = ctx.text.search(/\n\s*\n/u);
  const start = opening < 0 ? 0 : opening;
  const whole: SectionInfo = { start, end: ctx.text.length, heading: '', facts: { year: null, target: false, review: false, span: ctx.planSpan, yearFirst: false } };
  const at = ctx.sections.findIndex((s) => s.start >= start);
  ctx.sections.splice(at < 0 ? ctx.sections.length : at, 0, whole);
}

/**
 * In a report presenting a plan, a paragraph opening on a year before the plan (`一九八○年,也就是第五个五年计划的最后
 * 一年,国务院曾拟订出…`) tells where the plan comes from: its year is its own paragraph's, and the paragraphs after it
 * are of the plan again.
 */
export function backgroundYearsKept(carries: PeriodContext['carries'], text: string, planSpan: string): PeriodContext['carries'] {
  const first = Number(planSpan.slice(0, 4));
  const out: PeriodContext['carries'] = [];
  carries.forEach((c, i) => {
    out.push(c);
    if (!/^\d{4}$/u.test(c.period) || Number(c.period) >= first) return;
    const end = text.indexOf('\n', c.start + 1);
    if (end >= 0 && (carries[i + 1]?.start ?? Infinity) > end + 1) out.push({ start: end + 1, period: '', target: false });
  });
  return out;
}

/**
 * Numbered five-year plans in `slice` as markers, pushed to `markers`: `"十三五"时期` its years, `"十四五"末` its last year,
 * `"十二五"节能减排目标` the plan's own goals (periods.planPeriods, planGoals).
 */
export function planMarkers(slice: string, from: number, baseYear: number | null, markers: Marker[], ctx: PeriodContext, k: Knowledge): void {
  const p = k.periods;
  const plans = planWordsOf(k);
  if (!plans) return;
  // `"十三五"时期`, `"九五"期间`: a numbered five-year plan's years (`"十四五"规划` is a name: no period)
  for (const m of allMatches(slice, plans.re)) {
    const n = chineseDigits(m[1] ?? m[2]!, k);
    const plan = p.planPeriods!;
    // (比“八五”时期增长79.6%: a comparison base; 《“十四五”时期…方案》: a title)
    const first = n === null ? null : planFirstYear(n, k);
    if (first === null || insideTitle(slice, m.index) || p.comparisonBefore.some((w) => slice.slice(Math.max(0, m.index - 3), m.index).replace(/["“]/gu, '').endsWith(w))) continue;
    // `"十四五"末`: the plan's last year, a point in time (`到"十四五"末` a target date)
    if ((p.planEnd ?? []).some((w) => m[0].endsWith(w))) {
      const year = first + plan.years - 1;
      const before = slice.slice(Math.max(0, m.index - 3), m.index).replace(/["“]/gu, '');
      markers.push({ at: from + m.index, period: String(year), year, target: p.targetBefore.some((w) => before.endsWith(w)), source: 'year' });
      continue;
    }
    // (`"十四五"以来` in a report on 2024 runs up to 2024)
    const since = p.sinceWords.some((w) => m[0].endsWith(w)) ? (ctx.reviewYear ?? baseYear) : null;
    const last = since !== null && since >= first ? Math.min(first + plan.years - 1, since) : first + plan.years - 1;
    markers.push({ at: from + m.index, period: last > first ? `${first}/${last}` : String(first), year: null, source: 'span' });
  }
  // `"十二五"节能减排目标`, `第十一个五年规划的主要任务`: the plan's own goals, of its years
  for (const m of plans.goal && (p.planGoals ?? []).some((w) => slice.includes(w)) ? allMatches(slice, plans.goal) : []) {
    const n = chineseDigits(m[1] ?? m[2]!, k);
    const plan = p.planPeriods!;
    const first = n === null ? null : planFirstYear(n, k);
    if (first === null || insideTitle(slice, m.index) || markers.some((mk) => mk.at === from + m.index)) continue;
    markers.push({ at: from + m.index, period: `${first}/${first + plan.years - 1}`, year: null, source: 'span' });
  }
}

const planStartCache = new WeakMap<Knowledge, { re: RegExp; firstChars: RegExp } | null>();
/**
 * The first years of a numbered plan in `slice` as markers, pushed to `markers` (periods.planFirstYears: `第九个五年计划的头两年`,
 * `"九五"计划前三年` are 1996/1997 and 1996/1998), and of the plan a report presents named bare (`五年计划的头两年`).
 */
export function planFirstYearsMarkers(slice: string, from: number, markers: Marker[], ctx: PeriodContext, k: Knowledge): void {
  const p = k.periods;
  let cached = planStartCache.get(k);
  if (cached === undefined) {
    const ordinal = p.planPeriods?.ordinal ? `|${p.planPeriods.ordinal}` : '';
    const kind = p.planNames?.length ? `(?:${alternation(p.planNames)})?` : '';
    cached = p.planFirstYears?.length && p.planPeriods
      ? {
          re: new RegExp(`(?:(?:([一二三四五六七八九十]{1,3})五["”’]?${ordinal})|(五年))\\s*${kind}\\s*的?\\s*(?:${alternation(p.planFirstYears)})([两二三四])年`, 'gu'),
          // (a slice holding none of planFirstYears' first characters holds no match)
          firstChars: new RegExp(`[${charClass(p.planFirstYears.map((w) => [...w][0]!))}]`, 'u'),
        }
      : null;
    planStartCache.set(k, cached);
  }
  if (!cached || !cached.firstChars.test(slice)) return;
  const { re } = cached;
  for (const m of allMatches(slice, re)) {
    const years = chineseDigits(m[4]!, k);
    const n = m[3] ? null : chineseDigits(m[1] ?? m[2]!, k);
    // (`五年计划的头两年` names the plan the report presents, if it presents one)
    const first = m[3] ? (ctx.planSpan ? Number(ctx.planSpan.slice(0, 4)) : null) : n === null ? null : planFirstYear(n, k);
    if (first === null || years === null || insideTitle(slice, m.index)) continue;
    markers.push({ at: from + m.index, period: years > 1 ? `${first}/${first + years - 1}` : String(first), year: null, source: 'span' });
  }
}

const namedPlanCache = new WeakMap<Knowledge, RegExp | null>();
/** The years of the last numbered plan named in text[start, pos) (`"八五"计划` → 1991/1995), or null. */
export function namedPlanBefore(text: string, start: number, pos: number, k: Knowledge): string | null {
  let re = namedPlanCache.get(k);
  if (re === undefined) {
    const names = k.periods.planNames ?? [];
    const ordinal = k.periods.planPeriods?.ordinal ? `|${k.periods.planPeriods.ordinal}` : '';
    re = names.length && k.periods.planPeriods ? new RegExp(`(?:([一二三四五六七八九十]{1,3})五["”’]?${ordinal})\\s*(?:${alternation(names)})`, 'gu') : null;
    namedPlanCache.set(k, re);
  }
  if (!re) return null;
  // (not a plan's first years, `第九个五年计划的头两年`: planFirstYearsMarkers dates those)
  const slice = text.slice(start, pos);
  const firstWords = k.periods.planFirstYears ?? [];
  const m = allMatches(slice, re)
    .filter((x) => !firstWords.some((w) => new RegExp(`^\\s*的?\\s*${w}[两二三四]年`, 'u').test(slice.slice(x.index + x[0].length))))
    .pop();
  const n = m ? chineseDigits(m[1] ?? m[2]!, k) : null;
  const plan = k.periods.planPeriods!;
  const first = n === null ? null : planFirstYear(n, k);
  return first === null ? null : `${first}/${first + plan.years - 1}`;
}

/** The first year of five-year plan number `n` (periods.planPeriods: the 3rd from 1966, the 1st and 2nd from 1953), or null. */
export function planFirstYear(n: number, k: Knowledge): number | null {
  const plan = k.periods.planPeriods;
  if (!plan || n < 1) return null;
  if (n >= plan.number) return plan.start + (n - plan.number) * plan.years;
  return plan.first && n >= plan.first.number ? plan.first.start + (n - plan.first.number) * plan.years : null;
}

const planReportCache = new WeakMap<Knowledge, RegExp | null>();
/**
 * The years of the numbered plan a report presents (periods.planReports: `作关于国民经济和社会发展第六个五年计划的报告`
 * in its opening paragraphs, 1981/1985), or null.
 */
export function planReportSpan(text: string, k: Knowledge): string | null {
  let re = planReportCache.get(k);
  if (re === undefined) {
    const p = k.periods;
    const ordinal = p.planPeriods?.ordinal ? `|${p.planPeriods.ordinal}` : '';
    const kind = p.planNames?.length ? `(?:${alternation(p.planNames)})` : '';
    re = p.planReports?.length && p.planPeriods ? new RegExp(`(?:([一二三四五六七八九十]{1,3})五["”’]?${ordinal})\\s*${kind}[^。\\n]{0,30}?(?:${alternation(p.planReports)})`, 'u') : null;
    planReportCache.set(k, re);
  }
  const m = re?.exec(text.slice(0, 600));
  const n = m ? chineseDigits(m[1] ?? m[2]!, k) : null;
  const first = n === null ? null : planFirstYear(n, k);
  return first === null ? null : `${first}/${first + k.periods.planPeriods!.years - 1}`;
}

/** How far into a document its opening may name the plan it presents. */
const OPENING_CHARS = 600;

/** A year, written with 年 or listed before another (`1980、1981年`). */
const PLAN_YEAR = new RegExp(String.raw`(?<![\d.〇零○一二三四五六七八九十])(${YEAR_DIGITS})\s*(?:年|(?=[、和与及]))`, 'gu');

const yearPlanCache = new WeakMap<Knowledge, RegExp | null>();
/**
 * The years whose plan or budget a report presents (periods.yearPlans): in the sentence of its opening that names the
 * report (`作关于1981年国民经济计划执行情况和1982年国民经济计划草案的报告`, up to planReports), each year followed by a
 * plan's name (计划, 预算) before the next year, and not by a word of review (执行, 决算: that year is reviewed). Years
 * listed before one (`1980、1981年国民经济计划安排`) share it. Empty when the opening names no such report.
 */
export function planReportYears(text: string, k: Knowledge): number[] {
  let re = yearPlanCache.get(k);
  if (re === undefined) {
    const p = k.periods;
    const ends = p.yearPlans?.openings ?? p.planReports ?? [];
    re = p.yearPlans?.names.length && ends.length ? new RegExp(`[^。\\n]*?(?:${alternation(ends)})`, 'gu') : null;
    yearPlanCache.set(k, re);
  }
  if (!re) return [];
  // (the first sentence of the opening that submits a report and names a year's plan: `现在,我代表国务院…` may come first)
  for (const m of allMatches(text.slice(0, OPENING_CHARS), re)) {
    const years = plannedYears(m[0], k);
    if (years.length) return years;
  }
  return [];
}

/** The years of an opening sentence followed by a plan's name before the next year (planReportYears). */
function plannedYears(opening: string, k: Knowledge): number[] {
  const { names, done = [] } = k.periods.yearPlans!;
  const years = [...allMatches(opening, PLAN_YEAR)];
  const out: number[] = [];
  let listed: number[] = [];
  years.forEach((m, i) => {
    const year = yearNumber(m[1]!, k);
    const part = opening.slice(m.index + m[0].length, years[i + 1]?.index ?? opening.length);
    // (`1980、1981年…`: a year listed before the next shares what follows that one)
    if (/^\s*(?:度\s*)?[、,，和与及]\s*$/u.test(part)) {
      listed.push(year);
      return;
    }
    if (names.some((w) => part.includes(w)) && !done.some((w) => part.includes(w))) out.push(...listed, year);
    listed = [];
  });
  return out;
}

/**
 * The first year of what a document plans (`今后三年`, a plan part's `五年`): its delivery year, or the year
 * after when it was delivered late in its year (a congress in autumn plans from the next January).
 */
export function planStart(ctx: PeriodContext, k: Knowledge): number | null {
  if (ctx.deliveryYear === null) return null;
  const late = ctx.deliveryMonth !== null && ctx.deliveryMonth > k.periods.reviewsPreviousYearUntilMonth;
  return late ? ctx.deliveryYear + 1 : ctx.deliveryYear;
}
