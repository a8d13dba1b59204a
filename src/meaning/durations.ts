/**
 * Durations: a number of years a statement gives itself (`用二十年的时间`, `在三年内`, `十年之内`), with any number. Where
 * such a span starts depends on what the statement does: looking forward (in a plan part, or after a target word,
 * `力争用二十年的时间使…翻两番`) it starts at the plan year, and a long-range goal (ten years or more) counts whole
 * five-year plans, from the first year of the plan in force (`用二十年的时间` in 1981, in the sixth plan, is 1981/2000); in
 * a review of a longer span, a task done `三年内` is of the span's first years (a task set when the span began:
 * `三年内裁减军队员额50万` in a review of 1998–2002 is 1998/2000); elsewhere back from the year the text is in.
 */
import { allMatches } from '../matches.js';
import type { Knowledge } from '../extract/knowledge.js';
import { chineseDigits } from './year-numerals.js';
import { planFirstYear } from './plan-periods.js';
import type { Marker } from './markers.js';
import { periodPattern } from './period-patterns.js';

/** periods.durations as a search: group 1 the number of years. */
function durationsOf(k: Knowledge): RegExp | null {
  return periodPattern(k, 'durations', 'gu');
}

/**
 * The durations of `slice` (at `from` in the text): bare spans of their years, read back from `end` (the year the text is
 * in; a plan part or a target word turns them forward: spanInForce), as markers pushed to `markers`. `planSpan`: the years
 * of a numbered plan the report presents at a place, outside a part reviewing (a duration of as many years is that plan's). Returns
 * what they cover (no span word in there).
 */
export function durationMarkers(slice: string, from: number, end: number | null, planSpan: (at: number) => string | null, markers: Marker[], k: Knowledge): [number, number][] {
  const re = durationsOf(k);
  const covered: [number, number][] = [];
  if (!re || !slice.includes('年')) return covered;
  for (const m of allMatches(slice, re)) {
    const n = chineseDigits(m[1]!, k);
    const stop = m.index + m[0].length;
    if (n === null || n < 1 || n > 60) continue;
    covered.push([m.index, stop]);
    // (`从一九八一年到本世纪末的二十年内`: a duration after 的 restates the span named before it)
    if (slice[m.index - 1] === '的' && markers.some((mk) => mk.at < from + m.index && mk.period.includes('/'))) continue;
    // (`五年内新建铁路2000公里` in a report presenting a five-year plan: that plan's years)
    const plan = planSpan(from + m.index);
    if (plan && Number(plan.slice(5)) - Number(plan.slice(0, 4)) + 1 === n) {
      markers.push({ at: from + m.index, period: plan, year: null, target: true, source: 'span' });
      continue;
    }
    if (end === null) continue;
    markers.push({ at: from + m.index, period: n === 1 ? String(end) : `${end - n + 1}/${end}`, year: null, source: 'span', bare: n, within: true });
  }
  return covered;
}

/**
 * The first year of a span of `years` looking forward from `first` (the plan year): a long-range goal (periods.longSpanYears
 * or more) counts from the first year of the five-year plan `first` is in (periods.planPeriods), as Chinese long-range goals
 * are set (`从一九八一年到本世纪末的二十年`); a shorter one from `first` itself.
 */
export function forwardSpanStart(first: number, years: number, k: Knowledge): number {
  const long = k.periods.longSpanYears;
  const plan = k.periods.planPeriods;
  if (!long || years < long || !plan) return first;
  return planYearStart(first, k) ?? first;
}

/** The first year of the numbered five-year plan `year` is in (1981 for 1983: the sixth plan, 1981–1985), or null (1963–1965). */
export function planYearStart(year: number, k: Knowledge): number | null {
  const plan = k.periods.planPeriods;
  if (!plan) return null;
  for (let n = plan.first?.number ?? plan.number; n < plan.number + 40; n++) {
    const start = planFirstYear(n, k);
    if (start === null) continue;
    if (start > year) return null;
    if (year < start + plan.years) return start;
  }
  return null;
}

/**
 * A duration done in a review of a longer span (`span`, carried or the section's: 1998/2002): of the span's first `years`
 * years (a task set when the span began). Null when `span` is no longer span of whole years.
 */
export function withinReviewedSpan(span: string | null | undefined, years: number): string | null {
  const m = span?.match(/^(\d{4})\/(\d{4})$/u);
  if (!m) return null;
  const first = Number(m[1]);
  const last = Number(m[2]);
  if (last - first + 1 <= years) return null;
  return years === 1 ? String(first) : `${first}/${first + years - 1}`;
}

/**
 * A change set for a target date within the five-year plan in force, with no base of its own (`到2025年单位国内生产总值能耗
 * 降低13.5%` in 2023): measured from the level the plan started from, so over the years from the plan's first year to the
 * date (2021/2025), in each report of the plan alike. `target`: the target date in force (a year after 到), `planYear`: the
 * year the document plans from. Null when the date is not after the plan year or lies past the plan: a long-range goal
 * restated in a later plan (`到本世纪末…翻两番`, set in 1982 from 1980) keeps the base it was set from, which the
 * statement does not name.
 */
export function plannedChangePeriod(target: number, planYear: number, k: Knowledge): string | null {
  const first = planYearStart(planYear, k);
  const years = k.periods.planPeriods?.years;
  if (target <= planYear || first === null || !years || target > first + years - 1) return null;
  return `${first}/${target}`;
}

/**
 * A national goal of a change over fixed years (periods.strategicGoals: `翻两番` by the end of the century, 1981/2000), restated
 * without its base (`到本世纪末实现工农业年总产值翻两番`): the goal's years, when the figure (`raw`) is its change word, the
 * document's year `own` lies in the goal's time (from two years before its first year to its last), and the statement names
 * its end (`period` ends in it) or its base (`base`, the year before its first). Null otherwise.
 */
export function strategicGoalPeriod(raw: string, period: string | null, base: number | null, own: number | null, k: Knowledge, years: number | null = null): string | null {
  if (own === null) return null;
  for (const goal of k.periods.strategicGoals ?? []) {
    if (own < goal.from - 2 || own > goal.until || !goal.words.some((w) => raw.includes(w))) continue;
    if (base !== null && base !== goal.from - 1) continue;
    // (or its length: `二十年实现工农业年总产值翻两番` is the goal of the twenty years 1981–2000, whatever span is in force)
    if (base === goal.from - 1 || period?.endsWith(String(goal.until)) || years === goal.until - goal.from + 1) return `${goal.from}/${goal.until}`;
  }
  return null;
}

/** A number of years named (`二十年`, `20年`, not a year `2000年` nor `二十年代`): the first in `clause`, or null. */
const YEARS_NAMED = /(?<![\d〇零○一二两三四五六七八九十百千])([一二两三四五六七八九十]{1,3}|\d{1,2})\s*年(?![代底末初度])/u;
export function yearsNamedIn(clause: string, k: Knowledge): number | null {
  const m = YEARS_NAMED.exec(clause);
  return m ? chineseDigits(m[1]!, k) : null;
}
