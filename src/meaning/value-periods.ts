/**
 * The period a figure's own phrase gives it, beside the markers in force: a start value (`由50.2%提高到
 * 52.4%`, `从1997年的7.4万亿元增加到…`) and where its start phrase stands, an average over years (`年均增长`),
 * a change since a base year (`比1995年增长69%`), an end value reached at a span's end (`"十二五"时期…提高到
 * 51.5%`) and the years of a programme whose total the figure is (`两年投资计划`).
 */
import { allMatches } from '../matches.js';
import { alternation, type Knowledge } from '../extract/knowledge.js';
import { levelAtEnd } from './review-parts.js';
import { YEAR_NAMED, yearNumber, chineseDigits } from './year-numerals.js';
import { clauseBefore } from './clauses.js';
import { planWordsOf, periodWordsOf } from './period-words.js';
import { type TimeWords, timeWordsOf } from './time-words.js';
import type { Marker } from './markers.js';
import { planFirstYear } from './plan-periods.js';
import type { PeriodContext, FigureShape } from './time.js';

/** Whether a span of years (`1981/1985`) ends after the document's own year (a plan's years still ahead). */
function periodEndsAfterDocument(period: string, ctx: PeriodContext): boolean {
  const own = ctx.deliveryYear ?? (ctx.reviewYear !== null ? ctx.reviewYear + 1 : null);
  return own !== null && Number(period.slice(-4)) > own;
}

/**
 * What stands between a start word and a start value (`从1997年的`, `由`), when the figure at pos..end is
 * one: a start word shortly before it and a change to a level after it (`提高到`, `降至`). Null otherwise.
 */
export function startValue(text: string, start: number, pos: number, end: number, tw: TimeWords): string | null {
  // (a comparison base's own value, `比一九八○年的七千一百五十九亿元增加…`, is a level things started from too)
  const base = tw.baseValue?.exec(text.slice(Math.max(start, pos - 16), pos));
  if (base) return base[0];
  if (!tw.startAfter || !tw.startAfter.test(text.slice(end, end + 40))) return null;
  const before = text.slice(Math.max(start, pos - 40), pos);
  const m = before.match(tw.startBefore!);
  return m ? m[1]! : null;
}

/**
 * Where the start word of a change from a start value to the figure at `pos` stands (`从` of `从去年的2.1%提高到2.3%`),
 * when the figure is such an end value with no year of its own after the change word; null otherwise.
 */
export function startPhraseAt(text: string, start: number, pos: number, k: Knowledge): number | null {
  const clause = clauseBefore(text, start, pos);
  const lead = clause.replace(/[\s的]+$/u, '');
  if (!lead || !periodWordsOf(k).changeToEnd.test(lead)) return null;
  const at = Math.max(-1, ...k.periods.startBefore.map((w) => clause.lastIndexOf(w)));
  // (a start value between the start word and the change: digits after it)
  return at >= 0 && /\d|[一二三四五六七八九十]/u.test(clause.slice(at)) ? pos - clause.length + at : null;
}

/** The last comparison base year set in text[start, to) for the changes after it (`同1978年相比`, `比1978年`): group 1. */
function sentenceBase(text: string, start: number, to: number, tw: TimeWords): RegExpExecArray | undefined {
  if (to <= start) return undefined;
  const slice = text.slice(start, to);
  const set = tw.setBase ? allMatches(slice, tw.setBase).pop() : undefined;
  const inClause = allMatches(slice, tw.changeBase!).pop();
  return !set ? inClause : !inClause ? set : set.index > inClause.index ? set : inClause;
}

/**
 * Where the start word stands (`由` of `由今年预计的44%提高到45%`) when the marker at `at` opens a start phrase that a
 * change to a level (`提高到`) closes before `pos`; null otherwise.
 */
export function startPhraseOpening(text: string, start: number, at: number, pos: number, k: Knowledge): number | null {
  const before = text.slice(Math.max(start, at - 3), at).trimEnd();
  const word = k.periods.startBefore.find((w) => before.endsWith(w));
  if (!word || !periodWordsOf(k).changeTo.test(text.slice(at, pos))) return null;
  return Math.max(start, at - 3) + before.length - word.length;
}

const programmeCache = new WeakMap<Knowledge, { after: RegExp; before: RegExp } | null>();
/**
 * The years of a programme whose own total the figure at pos..end is (`总额4万亿元的两年投资计划`, `两年新增4万亿元的
 * 投资计划`): a number of years right after the figure's `的` or right before its verb, and a programme word
 * (periods.nameAfter) closing the phrase. Null otherwise.
 */
export function programmeYears(text: string, start: number, pos: number, end: number, k: Knowledge): number | null {
  // (the figure is followed by its 的 at once, or after 左右/多)
  if (!text.slice(end, end + 3).includes('的')) return null;
  let re = programmeCache.get(k);
  if (re === undefined) {
    const names = alternation(k.periods.nameAfter);
    const years = '([两二三四五六七八九十])年';
    re = names
      ? {
          after: new RegExp(`^(?:左右|多)?的(?:${years}[^,，;；:：。\\d]{0,4}?|[^,，;；:：。\\d]{0,4}?)(?:${names})`, 'u'),
          before: new RegExp(`(?<![一二两三四五六七八九十今过去来未近连续])${years}[^,，;；:：。\\d年]{1,3}$`, 'u'),
        }
      : null;
    programmeCache.set(k, re);
  }
  if (!re) return null;
  const after = re.after.exec(text.slice(end, end + 14));
  if (!after) return null;
  const n = after[1] ?? re.before.exec(text.slice(Math.max(start, pos - 6), pos))?.[1];
  return n ? chineseDigits(n, k) : null;
}

/**
 * The period of a start value (`由50.2%提高到52.4%`, `从1997年的7.4万亿元增加到…`) whose start phrase is `started`: the
 * year written in it, a relative year, the sentence's start year, else the year before the period in force.
 */
export function startValuePeriod(
  started: string,
  inForce: string | null,
  at: { text: string; start: number; pos: number; baseYear: number | null; namedYear: number | null; last: Marker | undefined; carry: PeriodContext['carries'][number] | undefined; sectionSpan: string | null },
  ctx: PeriodContext,
  k: Knowledge,
): string | null {
  const { text, start, pos, baseYear, namedYear, last, carry, sectionSpan } = at;
  const tw = timeWordsOf(k);
  let period = inForce;
  const own = started.match(YEAR_NAMED);
  const relative = own ? null : Object.keys(k.periods.relativeYears).find((w) => started.includes(w));
  // (`1979年人口自然增长率由上年的1.2%下降到1.17%`: 上年 is the year before the one named in the sentence, else before
  // the section's)
  const inForceWord = !!relative && (k.periods.startInForceWords?.includes(relative) ?? false);
  const base = inForceWord ? (namedYear ?? baseYear) : (ctx.deliveryYear ?? baseYear);
  const plan = own ? undefined : planWordsOf(k) && allMatches(started, planWordsOf(k)!.re)[0];
  const planFirst = plan ? planFirstYear(chineseDigits(plan[1] ?? plan[2]!, k) ?? 0, k) : null;
  if (own) period = String(yearNumber(own[1]!, k));
  // (a numbered plan's years: `比第五个五年计划期间的五百七十七亿元增加…`)
  // (`由"七五"末的8500万减少到…`: a plan's last year, periods.planEnd, is that year alone)
  else if (planFirst !== null) {
    const years = k.periods.planPeriods!.years;
    period = (k.periods.planEnd ?? []).some((w) => plan![0].endsWith(w)) ? String(planFirst + years - 1) : `${planFirst}/${planFirst + years - 1}`;
  }
  else if (relative && base !== null) period = String(base + k.periods.relativeYears[relative]!);
  else {
    // (`从1997年的…增加到…;外汇储备从1399亿美元增加到…`: the sentence's start year holds for its next start values)
    const from = allMatches(text.slice(start, pos), tw.fromYear!).pop();
    // (`2007年…从世界第六位上升到第三位` in a review of five years: the year named is where things got to, the
    // span in force ending in it is where they started from)
    const over = period !== null && /^\d{4}$/u.test(period) && last?.source === 'year' ? [carry?.period, sectionSpan].find((sp) => sp?.includes('/') && sp.endsWith(`/${period}`)) : undefined;
    const first = (over ?? period)?.match(/^(\d{4})(?:\/\d{4})?$/u);
    if (from) period = String(yearNumber((from[1] ?? from[2])!, k));
    else if (first) period = String(Number(first[1]) - 1);
  }
  return period;
}

/**
 * An average over years (`平均每年增长7.7%`, `年均增长`) is of the span in force, not of its last year: `从1997年的…增加到
 * 2002年的…,平均每年增长` is 1998/2002 (a start or base year in `before`, the sentence up to the figure); in a five-year
 * review, its span (carried or the section's).
 */
export function averagePeriod(period: string | null, before: string, carry: PeriodContext['carries'][number] | undefined, sectionSpan: string | null, k: Knowledge): string | null {
  if (period === null || !/^\d{4}$/u.test(period)) return period;
  const tw = timeWordsOf(k);
  const from = tw.averageFrom ? allMatches(before, tw.averageFrom).pop() : undefined;
  const fromYear = from ? yearNumber(from[1]!, k) : null;
  const span = carry?.period.includes('/') ? carry.period : sectionSpan;
  if (fromYear !== null && fromYear < Number(period)) return `${fromYear + 1}/${period}`;
  return span?.endsWith(period) ? span : period;
}

/**
 * A change from a base year (`2000年…出口分别比1995年增长69%`, `比1995年底增加920亿美元`) is over the years since it, as an
 * average since it is: `比上年增长` is the one-year case. (Set once for the sentence, `一九八二年同一九七八年相比,我国粮食增长
 * 百分之十六,棉花增长百分之六十六`, the base holds for its changes whose clause names no base of their own: not `比上年增长`.)
 */
export function changeSincePeriod(period: string | null, text: string, start: number, clause: string, pos: number, k: Knowledge): string | null {
  const tw = timeWordsOf(k);
  if (!tw.changeBase || period === null || !/^\d{4}$/u.test(period)) return period;
  const own = clause.includes('年') ? allMatches(clause, tw.changeBase).pop() : undefined;
  const base = own ?? (k.periods.changeBase?.some((w) => clause.includes(w)) ? undefined : sentenceBase(text, start, pos - clause.length, tw));
  const from = base ? yearNumber(base[1]!, k) : null;
  return from !== null && from < Number(period) - 1 ? `${from + 1}/${period}` : period;
}

/**
 * An end value (`…增加到3251亿美元`, `城镇化率提高到65.2%`) under a span in force is the level reached at the span's end, of
 * its last year, in a plan as in a review (`"十二五"时期…城镇化率提高到51.5%` is about 2015); a year written after 到 is a
 * marker already, and a cumulative clause (累计) stays the span's. So is a share of a whole and a level or share reached;
 * what is new or a total is a flow over the span.
 */
const changedReachedCache = new WeakMap<Knowledge, RegExp>();
/** Whether `before` (the text right before a figure) ends in a change by an amount, then a word of reaching (`增加了95亿元,达到`). */
function changedThenReached(before: string, k: Knowledge): boolean {
  let re = changedReachedCache.get(k);
  if (!re) {
    const changes = alternation([...k.words.increase, ...k.words.decrease]);
    re = new RegExp(`(?:${changes})了?[^,，;；。:：]{1,14}[,，]\\s*(?:${alternation(k.periods.levelReached ?? [])})\\s*$`, 'u');
    changedReachedCache.set(k, re);
  }
  return re.test(before);
}

/**
 * Whether the figure at `pos` is reached in a clause naming no subject of its own (`高的达到`, `最高的达到`: a few characters
 * before the word of reaching) right after a clause stating an average (`平均每年的增长速度都在百分之四点三以上`): one of those
 * averages, not a level.
 */
function averagedInPart(text: string, start: number, pos: number, k: Knowledge): boolean {
  const before = text.slice(Math.max(start, pos - 80), pos);
  const clauses = before.split(/[,，;；]/u);
  if (clauses.length < 2 || clauses.at(-1)!.length > 6) return false;
  return timeWordsOf(k).average?.test(clauses.at(-2)!) ?? false;
}

const listedEndCache = new WeakMap<Knowledge, RegExp>();
/**
 * Whether a figure's clause lists end values up to it after one change-to word (`分别提高到58794元和23184元`: the second is an
 * end value as the first is), as written before a figure listed after others.
 */
function listedEndValue(clause: string, k: Knowledge): boolean {
  let re = listedEndCache.get(k);
  if (!re) {
    re = new RegExp(`(?:${periodWordsOf(k).changeTo.source})(?:\\s*[0-9０-９][^,，;；。:：]{0,10}?[和与及、])+\\s*$`, 'u');
    listedEndCache.set(k, re);
  }
  return re.test(clause);
}

export function endValuePeriod(
  period: string | null,
  at: { text: string; start: number; pos: number; end: number; clause: string; shape: FigureShape | undefined; averaged: boolean },
  ctx: PeriodContext,
  k: Knowledge,
): string | null {
  const { text, start, pos, end, clause, shape, averaged } = at;
  // (a level reached after a change over months, `今年1到10月增加了95亿元,达到494亿元`, is the stock at their end)
  const months = period?.match(/^\d{4}-\d{2}\/(\d{4}-\d{2})$/u);
  if (months && (shape?.kind === 'level' || shape?.kind === 'count') && shape.change === null && changedThenReached(text.slice(Math.max(start, pos - 30), pos), k)) return months[1]!;
  if (period === null || !/^\d{4}\/\d{4}$/u.test(period) || k.periods.cumulative?.some((w) => clause.includes(w))) return period;
  const lead = text.slice(Math.max(start, pos - 8), pos).replace(/[\s的]+$/u, '');
  // (a span running into the year the document is delivered in, `十年来` in an October congress report, ends
  // with that year unfinished: the level reached is the last finished year's)
  const last = Number(period.slice(5));
  // (so is a share of a whole, `占全国人口65%的地区基本普及…`: a state, not a flow over the years; not an average)
  // (a share of a plan's total over its years still ahead, `第六个五年计划安排…经费占国家财政支出总额的百分之十五点九`, is over them)
  // (but a share a plan's years are to bring it to, `五年内使…占到…的百分之四十以上`, is the state at their end)
  const reaches = (k.periods.shareReached ?? []).some((w) => clause.includes(w));
  const shareOf = shape?.kind === 'share' && shape.change === null && !averaged && (reaches || !periodEndsAfterDocument(period, ctx)) && (k.periods.shareOf ?? []).some((w) => clause.includes(w));
  // (and a level or share reached, `达到39.8万亿元`, `积累7810亿元`, `覆盖24%的县`, `突破3万亿元` with its verb read into the
  // figure: a state, not a flow; a count stays a total over the span, `新增就业5771万人`)
  // (what is new, `新建房屋达九亿平方米`, or a total, `共达一千四百多亿元`, is a flow over the span, not a state)
  const totals = k.periods.reviewParts?.totals ?? [];
  // (and so is the scale of what is built over the span, `全国煤矿建设总规模将达二亿二千万吨`: periods.flowNouns)
  const flow =
    (k.words.listScopes ?? []).some((w) => clause.includes(w)) ||
    (k.periods.flowNouns ?? []).some((w) => clause.includes(w)) ||
    totals.some((t) => (k.periods.levelReached ?? []).some((w) => lead.endsWith(t + w)));
  // (nor is a rate reached among averages, `平均每年的增长速度都在百分之四点三以上,高的达到百分之五点五`: an average too)
  const state = (shape?.kind === 'level' || shape?.kind === 'share') && shape.change === null && !averaged && !flow && lead !== '' && (k.periods.levelReached ?? []).some((w) => lead.endsWith(w));
  // (a rank, `跃升到世界第二位`, is where things stand at the span's end, its year unfinished or not: the rank of now)
  if (shape?.kind === 'rank' && !averaged) return String(last);
  const reached = (lead && periodWordsOf(k).changeToEnd.test(lead)) || listedEndValue(clause, k) || shareOf || ((state || (!averaged && !flow && levelAtEnd(text, clause, pos, end, shape, k, ctx.deliveryYear !== last))) && !averagedInPart(text, start, pos, k));
  return reached ? String(ctx.deliveryYear === last ? last - 1 : last) : period;
}
