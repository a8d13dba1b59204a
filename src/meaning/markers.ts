/**
 * The time markers of a sentence, read over one MarkerScan (markersIn in time.ts runs them in order and
 * adds the span, from-now and plan markers): years named (`2022年1—8月`, `1978、1979两年`), years
 * relative to the document's (`今年`, `去年前三季度`), months (`1—8月`, `截至6月底`), decades (`九十年代`),
 * `N年来` and a congress since, points of a century (`到本世纪末`), streaks (`连续五年`) and parts of a
 * year (`上半年`, `前三季度`). Each reading appends Markers; what one reading found the next may use.
 */
import { allMatches } from '../matches.js';
import { alternation, type Knowledge } from '../extract/knowledge.js';
import { YEAR_RANGE_START, yearNumber, chineseDigits, YEAR_SPAN_START, LISTED_YEARS, MONTH_NUMBER, monthNumber } from './year-numerals.js';
import { decadeWordsOf, periodWordsOf, partialWordsOf } from './period-words.js';
import { timeWordsOf } from './time-words.js';
import type { PeriodContext } from './time.js';
import { periodPattern } from './period-patterns.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A marker found in text: what period it sets. */
export interface Marker {
  at: number;
  period: string;
  /** The year the marker's partial period or year is in (for relative months). */
  year: number | null;
  target?: boolean;
  /** What set it: an explicit year, a relative word (今年), a part of a year, a span (五年来). */
  source?: 'year' | 'relative' | 'partial' | 'span';
  /** A bare span (`五年`) of this many years: in a plan it looks forward (`五年城镇新增就业5000万人`). */
  bare?: number;
  /** A part of a year with no year before it in its sentence (`上半年`, `年初`): dated by the section's year,
   *  or by the year a paragraph carries when one does (timeOf). */
  inForce?: boolean;
  /** Dates the figures of its own clause only (a streak, `连续三年保持两位数增长,达到4万亿美元`). */
  clause?: boolean;
  /** A duration (`在三年内`, `用二十年的时间`): in a review of a longer span, its first years (durations.ts). */
  within?: boolean;
  /** A season running into the next year (`雪季`): one stretch, no span of years with an end to reach. */
  season?: boolean;
}

const firstMonthsPartCache = new WeakMap<Knowledge, RegExp | null>();
/** periods.firstMonths as the whole of a year's part (`前五个月` of `2022年前五个月`). */
function firstMonthsPartOf(k: Knowledge): RegExp | null {
  let re = firstMonthsPartCache.get(k);
  if (re === undefined) {
    re = k.periods.firstMonths ? new RegExp(`^(?:${k.periods.firstMonths})$`, 'u') : null;
    firstMonthsPartCache.set(k, re);
  }
  return re;
}

/** The period a year and what follows it (yearPart's group) name: `2022`, `2022-01/2022-08`, `2022-01/2022-06`. */
function narrowed(year: number, part: string | undefined, k: Knowledge): string {
  if (!part) return String(year);
  const partial = k.periods.partialYears[part];
  if (partial) return `${year}-${pad(partial[0])}/${year}-${pad(partial[1])}`;
  const months = part.match(MONTH_RANGE_PART);
  if (months) return `${year}-${pad(monthNumber(months[1]!, k))}/${year}-${pad(monthNumber(months[2]!, k))}`;
  // 前五个月: January to the month counted
  const counted = firstMonthsPartOf(k)?.exec(part);
  const n = counted ? chineseDigits(counted[1]!, k) : null;
  if (n !== null && n >= 1 && n <= 11) return `${year}-01/${year}-${pad(n)}`;
  // 6月底: up to the end of June; a lone month (2022年6月) keeps the year, as before
  const until = part.match(MONTH_END_PART);
  if (until) return `${year}-01/${year}-${pad(monthNumber(until[1]!, k))}`;
  return String(year);
}

/** Whether `at` is inside an unclosed 《 of `text` (a title: 《…发展规划(2021—2027年)》). */
export function insideTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open;
}

const MONTH_RANGE_PART = new RegExp(String.raw`^(${MONTH_NUMBER})\s*[—–\-~至到]\s*(${MONTH_NUMBER})\s*月`, 'u');
const MONTH_END_PART = new RegExp(String.raw`^(${MONTH_NUMBER})\s*月(?:底|末)$`, 'u');
// (`1—8月`, `一至九月`: not inside a number or a year, `2022年1—8月` being read with its year)
const MONTHS = new RegExp(String.raw`(?<![\d年〇零○一二三四五六七八九十百千万])(${MONTH_NUMBER})\s*[—–\-~至到]\s*(${MONTH_NUMBER})\s*月(?:份)?`, 'gu');
/** `截至6月底`: an until word (periods.untilWords) before a month and its edge (periods.monthEdges); group 1 the month. */
const untilMonthCache = new WeakMap<Knowledge, RegExp>();
function untilMonthOf(k: Knowledge): RegExp {
  let re = untilMonthCache.get(k);
  if (!re) untilMonthCache.set(k, (re = new RegExp(String.raw`(?:${alternation(k.periods.untilWords)})\s*(${MONTH_NUMBER})\s*月(?:${alternation(k.periods.monthEdges)})?`, 'gu')));
  return re;
}

/** One reading of a text for its markers: what each kind of marker needs, and the markers found so far. */
export interface MarkerScan {
  slice: string;
  /** Where `slice` starts in the text (markers' `at` are text offsets). */
  from: number;
  baseYear: number | null;
  markers: Marker[];
  /** What years and their parts cover in `slice` (a partial word in there is read already). */
  covered: [number, number][];
  ctx: PeriodContext;
  k: Knowledge;
}

/**
 * Explicit years (`2022年`, `2022年1—8月`, `一九八二年`), ranges (`2021—2023年`, `从1992年到1996年`), years listed and counted,
 * years since (`1989年以来`); not a comparison base (`比2021年`), a year inside a title, a target date's 到 after a change.
 */
export function yearMarkers(scan: MarkerScan): void {
  const { slice, from, baseYear, markers, covered, ctx, k } = scan;
  const p = k.periods;
  const words = periodWordsOf(k);
  const listed = listedYears(slice, from, markers, k);
  for (const m of allMatches(slice, words.explicitYear)) {
    // (covered even when it is no marker: 比2021年前三季度 is a comparison base, its 三季度 too)
    covered.push([m.index, m.index + m[0].length]);
    if (listed.some(([s, e]) => m.index >= s && m.index < e)) continue;
    // 《…规划(2021—2027年)》: a year inside a title names the document, not the figure's time
    if (insideTitle(slice, m.index)) continue;
    // 2021—2023年: a span of years, from its first year
    const spanStart = slice.slice(Math.max(0, m.index - 10), m.index).match(YEAR_SPAN_START);
    const at = spanStart ? m.index - spanStart[0].length : m.index;
    // (`较 2020 年`: text layers of PDFs space a year from the words around it)
    const before = slice.slice(Math.max(0, at - 8), at).trimEnd().slice(-2);
    // (`从1979至1981年`: a start word opens the range, no comparison base)
    if (p.comparisonBefore.some((w) => before.endsWith(w)) && !(spanStart && p.startBefore.some((w) => before.endsWith(w)))) continue;
    const after = slice.slice(m.index + m[0].length, m.index + m[0].length + 8).trimStart().slice(0, 3);
    const year = yearNumber(m[1]!, k);
    if (p.comparisonAfter.some((w) => after.startsWith(w))) {
      // `1989年以来`: the years since, up to the year the text is in (a span of the figures after it)
      const end = ctx.reviewYear ?? baseYear;
      // (`2023年以来` in a report on 2024: one year, no span of 2024/2024)
      if (!m[2] && p.sinceWords.some((w) => after.startsWith(w)) && end !== null && year < end) markers.push({ at: from + at, period: year + 1 === end ? String(end) : `${year + 1}/${end}`, year: null, source: 'span' });
      continue;
    }
    // 从1992年到1996年: a range of years, not a target date
    const range = slice.slice(Math.max(0, at - 12), at).match(YEAR_RANGE_START);
    if (range) {
      // (`是1950年到2002年53年的总和`: a range that is a comparison base is no period)
      const pre = slice.slice(Math.max(0, at - range[0].length - 3), at - range[0].length);
      if (!/^(?:从|由)/u.test(range[0]) && p.comparisonBefore.some((w) => pre.endsWith(w))) continue;
      const first = yearNumber(range[1]!, k);
      if (first < year) {
        markers.push({ at: from + at, period: `${first}/${year}`, year: null, source: 'span' });
        continue;
      }
    }
    // 到2025年 is a target date; 增加到2002年的 (a change to a level) is not
    // (`到2024年底,全省累计建成…` in a report delivered in 2025: a date already past is a cut-off, as 截至 is)
    const over = ctx.deliveryYear !== null && year < ctx.deliveryYear;
    const target = !over && p.targetBefore.some((w) => before.endsWith(w)) && !p.untilWords.some((w) => slice.endsWith(w, at)) && !words.changeToEnd.test(slice.slice(Math.max(0, at - 4), at));
    let period = narrowed(year, m[2], k);
    if (spanStart) {
      const first = yearNumber(spanStart[1]!, k);
      period = first < year ? `${first}/${year}` : String(year);
    }
    markers.push({ at: from + at, period, year, target, source: 'year' });
  }
}

/** Years relative to the document's (`今年`, `去年前三季度`), or to the year in force (`当年`); not a comparison base (`比上年`). */
export function relativeMarkers(scan: MarkerScan): void {
  const { slice, from, baseYear, markers, covered, ctx, k } = scan;
  const p = k.periods;
  const relativeBase = ctx.deliveryYear ?? baseYear;
  if (relativeBase === null) return;
  for (const m of allMatches(slice, periodWordsOf(k).relativeYear)) {
    const end = m.index + m[0].length;
    covered.push([m.index, end]);
    // (`基础上年均增长7%`: the 年 of an average word, 年均, is no 上年)
    if ((p.averageWords ?? []).some((w) => w.startsWith('年') && slice.startsWith(w, m.index + m[1]!.length - 1))) continue;
    // (`世界上年产石油…`: the 上 of a locative word, 世界上, is no 上年)
    if (m[1]!.startsWith('上') && (p.locativesBefore ?? []).some((w) => slice.endsWith(w, m.index))) continue;
    // 比上年, 较去年1—8月, 上年同期: a comparison base, not the figure's period
    if (p.relativeComparisonBefore.some((w) => slice.endsWith(w, m.index)) || p.relativeComparisonAfter.some((w) => slice.startsWith(w, end))) continue;
    // 上年, 当年: relative to the year in force (last named, else the section's), not to the delivery year
    const inForce = p.inForceWords?.includes(m[1]!) ? (yearBefore(markers, from + m.index) ?? baseYear) : null;
    const year = (inForce ?? relativeBase) + p.relativeYears[m[1]!]!;
    // (`上年结转153.4亿元,滚存结余185.7亿元`: the balance carried over from last year is of its own clause; the balances after
    // it are of the year in force)
    const carried = !m[2] && (p.carriedOver ?? []).some((w) => slice.startsWith(w, end));
    markers.push({ at: from + m.index, period: narrowed(year, m[2], k), year, source: 'relative', ...(carried ? { clause: true } : {}) });
  }
}

/** Months (`1—8月`, `截至6月底`) in the year named before them, else the base year. */
export function monthMarkers(scan: MarkerScan): void {
  const { slice, from, baseYear, markers, k } = scan;
  for (const m of allMatches(slice, MONTHS)) {
    const y = yearBefore(markers, from + m.index) ?? baseYear;
    if (y === null) continue;
    markers.push({ at: from + m.index, period: `${y}-${pad(monthNumber(m[1]!, k))}/${y}-${pad(monthNumber(m[2]!, k))}`, year: y });
  }
  for (const m of allMatches(slice, untilMonthOf(k))) {
    const y = yearBefore(markers, from + m.index) ?? baseYear;
    if (y === null) continue;
    markers.push({ at: from + m.index, period: `${y}-01/${y}-${pad(monthNumber(m[1]!, k))}`, year: y });
  }
}

/** `九十年代`: a decade as plans count it (1991/2000); `比八十年代` is a comparison base. */
export function decadeMarkers(scan: MarkerScan): void {
  const { slice, from, markers, k } = scan;
  const decades = decadeWordsOf(k);
  if (!decades) return;
  for (const m of allMatches(slice, decades.re)) {
    const tens = m[1] ? chineseDigits(m[1], k) : Number(m[2]);
    if (tens === null || k.periods.comparisonBefore.some((w) => slice.endsWith(w, m.index))) continue;
    const first = decades.century + tens * 10 + 1;
    markers.push({ at: from + m.index, period: `${first}/${first + 9}`, year: null, source: 'span' });
  }
}

/**
 * `四年来`, `十三年来` (any number of years up to the year the text is in: spans name the common ones) and `党的十八大以来`
 * (the years since a congress named by its number). Returns what `N年来` covers, dating or not (the 十年 of 十年来最高).
 */
export function sinceMarkers(scan: MarkerScan): [number, number][] {
  const { slice, from, baseYear, markers, ctx, k } = scan;
  const p = k.periods;
  const tw = timeWordsOf(k);
  const spanEnd = ctx.reviewYear ?? baseYear;
  const generic: [number, number][] = [];
  if (spanEnd === null) return generic;
  if (tw.yearsSince && slice.includes(tw.yearsSince.literal)) {
    for (const m of allMatches(slice, tw.yearsSince.re)) {
      const n = chineseDigits(m[1]!, k);
      const end = m.index + m[0].length;
      generic.push([m.index, end]);
      if (n === null || n < 2 || n > 60 || p.spanComparisonAfter.some((w) => slice.startsWith(w, end))) continue;
      markers.push({ at: from + m.index, period: `${spanEnd - n + 1}/${spanEnd}`, year: null, source: 'span' });
    }
  }
  for (const c of tw.congresses) {
    if (!c.since || !slice.includes(c.since.literal)) continue;
    for (const m of allMatches(slice, c.since.re)) {
      const n = chineseDigits(m[1]!, k);
      const year = n === null ? null : c.year + (n - c.number) * c.every;
      if (year === null || n! < c.number || year >= spanEnd) continue;
      markers.push({ at: from + m.index, period: `${year + 1}/${spanEnd}`, year: null, source: 'span' });
    }
  }
  return generic;
}

/** `到本世纪末` (2000 in 1997), `下世纪中叶`: a point of the document's century; `从一九八一年到本世纪末`: a range to it. */
export function centuryMarkers(scan: MarkerScan): void {
  const { slice, from, markers, ctx, k } = scan;
  const p = k.periods;
  const tw = timeWordsOf(k);
  const own = ctx.deliveryYear ?? ctx.reviewYear;
  if (own === null || !tw.centuryPoints.length) return;
  const century = Math.floor((own - 1) / 100) * 100;
  const taken: [number, number][] = [];
  for (const [word, offset] of tw.centuryPoints) {
    for (let at = slice.indexOf(word); at >= 0; at = slice.indexOf(word, at + word.length)) {
      if (taken.some(([s, e]) => at < e && at + word.length > s)) continue;
      taken.push([at, at + word.length]);
      const before = slice.slice(Math.max(0, at - 2), at);
      if (p.comparisonBefore.some((w) => before.endsWith(w))) continue;
      const year = century + offset;
      // (`从一九八一年到本世纪末的二十年内`: a range of years ending at the point)
      const range = slice.slice(Math.max(0, at - 12), at).match(YEAR_RANGE_START);
      const first = range ? yearNumber(range[1]!, k) : null;
      if (range && first !== null && first < year) markers.push({ at: from + at - range[0].length, period: `${first}/${year}`, year: null, target: true, source: 'span' });
      else markers.push({ at: from + at, period: String(year), year, target: p.targetBefore.some((w) => before.endsWith(w)), source: 'year' });
    }
  }
}

/**
 * `连续五年增长8%以上`, `两年平均增长5.1%`: the N years up to the year in force, never past the year reviewed; they date their
 * own clause only. Returns what they cover (no span word in there).
 */
export function streakMarkers(scan: MarkerScan): [number, number][] {
  const { slice, from, baseYear, markers, ctx, k } = scan;
  const streaks: [number, number][] = [];
  const reviewed = ctx.reviewYear !== null && baseYear !== null ? Math.min(ctx.reviewYear, baseYear) : (ctx.reviewYear ?? baseYear);
  for (const streak of timeWordsOf(k).streaks) {
    if (!slice.includes(streak.literal)) continue;
    for (const m of allMatches(slice, streak.re)) {
      const n = chineseDigits(m[1]!, k);
      const end = yearBefore(markers, from + m.index) ?? reviewed;
      if (n === null || n < 2 || end === null) continue;
      streaks.push([m.index, m.index + m[0].length]);
      markers.push({ at: from + m.index, period: `${end - n + 1}/${end}`, year: null, source: 'span', clause: true, ...(streak.bare ? { bare: n } : {}) });
    }
  }
  return streaks;
}

/**
 * Parts of a year alone (`上半年`, in the year named before them, else in the year in force), the whole year again (`全年`
 * after `下半年…`), and a year's start set against its end (`由年初的…扩大到年末的…`).
 */
export function partialMarkers(scan: MarkerScan): void {
  const { slice, from, baseYear, markers, covered, k } = scan;
  const p = k.periods;
  for (const { word, months: [a, b] } of partialWordsOf(k)) {
    let at = slice.indexOf(word);
    while (at >= 0) {
      const end = at + word.length;
      // 2022年上半年, 去年前三季度 are already one marker (and 前三季度 holds 三季度); a lone 上半年 is in the year in force
      if (!covered.some(([s, e]) => at < e && end > s)) {
        covered.push([at, end]);
        const named = yearBefore(markers, from + at);
        const y = named ?? baseYear;
        if (y !== null) markers.push({ at: from + at, period: `${y}-${pad(a)}/${y}-${pad(b)}`, year: y, source: 'partial', ...(named === null ? { inForce: true } : {}) });
      }
      at = slice.indexOf(word, end);
    }
  }
  // 全年 after 下半年…: the year of the part named before it, as a whole again (alone it changes nothing: the
  // period in force, carried or the section's, holds)
  for (const word of p.wholeYear ?? []) {
    for (let at = slice.indexOf(word); at >= 0; at = slice.indexOf(word, at + word.length)) {
      if (covered.some(([s, e]) => at < e && at + word.length > s)) continue;
      let prior: Marker | undefined;
      for (const m of markers) if (m.at < from + at && m.year !== null) prior = m;
      if (prior) markers.push({ at: from + at, period: String(prior.year), year: prior.year, source: 'partial', ...(prior.inForce ? { inForce: true } : {}) });
    }
  }
  // 由年初的…扩大到年末的…: two points of one year, set against each other
  // (a start that is a change's base, `年末…存款余额6197亿元,比年初增加581亿元`, is no point of its own: the year-end
  // stock stays the year's figure, as communiqués date it)
  const base = p.relativeComparisonBefore ?? [];
  const yearStarts = edgesIn(slice, p.yearStartWords ?? [], covered).filter((at) => !base.some((w) => slice.slice(0, at).trimEnd().endsWith(w)));
  const yearEnds = yearStarts.length ? edgesIn(slice, p.yearEndWords ?? [], covered) : [];
  if (!yearEnds.length) return;
  for (const [at, month] of [...yearStarts.map((at) => [at, 1] as const), ...yearEnds.map((at) => [at, 12] as const)]) {
    const named = yearBefore(markers, from + at);
    const y = named ?? baseYear;
    if (y !== null) markers.push({ at: from + at, period: `${y}-${pad(month)}`, year: y, source: 'partial', ...(named === null ? { inForce: true } : {}) });
  }
}

/** A year's first months (periods.firstMonths: `今年头四个月`, `前五个月`): January to the month counted, in the year named before them, else in force. */
export function firstMonthsMarkers(scan: MarkerScan): void {
  const { slice, from, baseYear, markers, covered, k } = scan;
  const re = periodPattern(k, 'firstMonths', 'gu');
  if (!re) return;
  for (const m of allMatches(slice, re)) {
    const n = chineseDigits(m[1]!, k);
    if (n === null || n < 1 || n > 11 || covered.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
    covered.push([m.index, m.index + m[0].length]);
    const named = yearBefore(markers, from + m.index);
    const y = named ?? baseYear;
    if (y !== null) markers.push({ at: from + m.index, period: `${y}-01/${y}-${pad(n)}`, year: y, source: 'partial', ...(named === null ? { inForce: true } : {}) });
  }
}

/**
 * A census's date (periods.censusDates: `今年七月一日的普查`, `一九八二年七月一日零时`): what it counted is of that month, a point
 * in time, in the year named before it (else the section's).
 */
export function censusMarkers(scan: MarkerScan): void {
  const { slice, from, baseYear, markers, k } = scan;
  const re = periodPattern(k, 'censusDates', 'gu');
  if (!re) return;
  for (const m of allMatches(slice, re)) {
    const y = yearBefore(markers, from + m.index + 1) ?? baseYear;
    const month = monthNumber(m[1]!, k);
    if (y !== null && month >= 1 && month <= 12) markers.push({ at: from + m.index, period: `${y}-${pad(month)}`, year: y, source: 'partial' });
  }
}

/**
 * Seasons running from late in one year into the next (periods.seasons: `雪季`, `采暖季`): the year in force (the year named
 * before, else the section's: a plan's `新雪季` of 2025 is 2025/2026) and the year after.
 */
export function seasonMarkers(scan: MarkerScan): void {
  const { slice, from, baseYear, markers, covered, k } = scan;
  for (const word of k.periods.seasons ?? []) {
    for (let at = slice.indexOf(word); at >= 0; at = slice.indexOf(word, at + word.length)) {
      if (covered.some(([s, e]) => at < e && at + word.length > s)) continue;
      covered.push([at, at + word.length]);
      const y = yearBefore(markers, from + at) ?? baseYear;
      if (y !== null) markers.push({ at: from + at, period: `${y}/${y + 1}`, year: null, source: 'span', season: true });
    }
  }
}

/**
 * Years listed and counted (`1978、1979两年共增产粮食4900多万吨`): one span from the first to the last, when the count
 * says as many years, pushed to `markers`; the ranges of `slice` they cover (no year marker of their own).
 */
function listedYears(slice: string, from: number, markers: Marker[], k: Knowledge): [number, number][] {
  const out: [number, number][] = [];
  if (!/[、和与及]/u.test(slice)) return out;
  for (const m of allMatches(slice, LISTED_YEARS)) {
    const first = yearNumber(m[1]!, k);
    const last = yearNumber(m[2]!, k);
    if (last <= first || chineseDigits(m[3]!, k) !== last - first + 1) continue;
    out.push([m.index, m.index + m[0].length]);
    markers.push({ at: from + m.index, period: `${first}/${last}`, year: null, source: 'span' });
  }
  return out;
}

/** Where the words stand in `slice`, outside what a year marker covers already (`今年初` is one marker). */
function edgesIn(slice: string, words: string[], covered: [number, number][]): number[] {
  const out: number[] = [];
  for (const word of words) {
    for (let at = slice.indexOf(word); at >= 0; at = slice.indexOf(word, at + word.length)) {
      if (!covered.some(([s, e]) => at < e && at + word.length > s)) out.push(at);
    }
  }
  return out;
}

/** The years since an epoch named (periods.epochsSince: `全国解放以来`, `改革开放以来`), up to the year the text is in. */
export function epochMarkers(scan: MarkerScan): void {
  const { slice, from, baseYear, markers, ctx, k } = scan;
  const spanEnd = ctx.reviewYear ?? baseYear;
  if (spanEnd === null || !slice.includes('以来')) return;
  // (`超过了建国以来的最高水平`: the reach of a superlative or a level, as for spans, no period of the figures after it)
  const reach = k.periods.spanComparisonAfter;
  for (const epoch of epochsOf(k)) {
    for (const m of allMatches(slice, epoch.re)) {
      const after = slice.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if (epoch.year >= spanEnd || reach.some((w) => after.startsWith(w) || after.startsWith(`的${w}`))) continue;
      markers.push({ at: from + m.index, period: `${epoch.year + 1}/${spanEnd}`, year: null, source: 'span' });
    }
  }
}

const epochsCache = new WeakMap<Knowledge, { re: RegExp; year: number }[]>();
/** periods.epochsSince compiled once per rule set. */
function epochsOf(k: Knowledge): { re: RegExp; year: number }[] {
  let epochs = epochsCache.get(k);
  if (!epochs) epochsCache.set(k, (epochs = (k.periods.epochsSince ?? []).map((e) => ({ re: new RegExp(e.pattern, 'gu'), year: e.year }))));
  return epochs;
}

export function yearBefore(markers: Marker[], at: number): number | null {
  let year: number | null = null;
  for (const m of markers) if (m.at < at && m.year !== null) year = m.year;
  return year;
}
