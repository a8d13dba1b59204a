/**
 * Paragraph carries: a period a paragraph opens with as its topic (`过去五年,…`, `2022年,…`) or a title line
 * names (`今年工作安排`) holds for the paragraphs after it, until the next such paragraph or top-level heading;
 * a sentence opening on a period of the past sets it for the rest of its paragraph; a subheading falls back
 * to what its top-level part carries. Worked out once per document (periodContext); timeOf looks them up
 * (carryAt). (It reads a paragraph's lead with markersIn of time.ts, which imports it back, and the sections'
 * facts of sections.ts: functions only, called once the modules are loaded.)
 */
import { allMatches } from '../matches.js';
import { alternation, type Knowledge } from '../extract/knowledge.js';
import { isTitleLine } from './review-parts.js';
import { isCaption } from './captions.js';
import { YEAR_DIGITS, YEAR_NAMED, RANGE_OPENING, yearNumber } from './year-numerals.js';
import { periodWordsOf } from './period-words.js';
import type { Marker } from './markers.js';
import { sectionFacts, enclosingSections } from './sections.js';
import { type PeriodContext, markersIn } from './time.js';

/**
 * A paragraph that opens with a period (`过去五年,…`, `五年来,…`, `过去一年,…`) sets it for the
 * paragraphs that follow, until the next such paragraph or the next top-level heading.
 */
export function paragraphCarries(text: string, ctx: PeriodContext, k: Knowledge): PeriodContext['carries'] {
  const carries: PeriodContext['carries'] = [];
  const base = ctx.reviewYear ?? ctx.deliveryYear;
  const re = periodWordsOf(k).paragraphLead;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  const topLevel = /^[ \t]*[一二三四五六七八九十]+、/u;
  // A title line (no clause punctuation: `内蒙古自治区2023年43件民生实事项目`) sets the period of the parts
  // under it, top-level headings included; a title for the report's own year lists plans, not results.
  let title: PeriodContext['carries'][number] | null = null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) re.lastIndex++;
    const lineStart = m.index;
    if (topLevel.test(text.slice(lineStart, lineStart + 6))) {
      // (a heading with a time of its own, `一、2024年工作回顾`, `二、今年工作安排`, ends the title's reach)
      const heading = text.slice(lineStart, lineStart + 60).split('\n', 1)[0]!;
      const own = YEAR_NAMED.test(heading) || [...k.periods.reviewHeadings, ...k.periods.targetHeadings, ...Object.keys(k.periods.relativeYears)].some((w) => heading.includes(w));
      if (own) title = null;
      carries.push(title ? { ...title, start: lineStart } : { start: lineStart, period: '', target: false });
      continue;
    }
    const lead = m[1]!;
    // explicit years and backward spans carry; 今年/今后五年 depend on the section they are in
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (isCaption(line, k)) continue;
    // (not a dated line: `——2023年1月12日在…会议上` is the delivery line)
    // (nor a book's title broken out on its own line, `…的召开和《` / `一九七八——一九八五年…规划纲要(草案)` / `》的制定,…`)
    const isTitle = line.trim().length <= 60 && !/[,，。;；:：!！?？]/u.test(line) && !/年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月/u.test(line) && !withinQuotedTitle(text, lineStart, lineStart + line.length);
    // (a title line opening on a relative year, `今年工作安排`, `去年工作回顾` with no number, dates the parts under it as
    // `2025年工作安排` does; and one opening on a span ahead, `今后五年的主要任务`, as the plan's years)
    // (a duration, `在三年内`, `用二十年的时间`, is how long its own statement takes, no topic of the paragraph)
    const markers = markersIn(lead, 0, lead.length, base, ctx, k).filter((mk) => mk.at <= 8 && !mk.clause && !mk.within && (mk.source === 'year' || (mk.source === 'span' && !mk.target) || (isTitle && mk.at === 0 && (mk.source === 'relative' || mk.source === 'span'))));
    let first: Marker | undefined = markers[0];
    if (!first) {
      // `这里要特别指出,刚刚过去的1992年,…`: a short opening clause without a time of its own, then a year as
      // the paragraph's topic
      first = topicAfterOpening(text, m.index + m[0].length - lead.length, lead, base, ctx, k);
      if (first) {
        carries.push({ start: lineStart, period: first.period, target: false });
        title = null;
      }
      continue;
    }
    // A year carries only as the paragraph's topic (`2022年,…`, `2022年上半年,…`): a year named in passing
    // (`2008年5月12日,汶川…`, `2016年是…开局之年`) is of its own sentence only.
    // (the delivery line of a news copy dates what follows it: `2023年1月12日在…会议上,…报告指出,…`)
    // A paragraph on the year ahead outside a review (`2025年是“十四五”规划收官之年。`) opens its plans.
    // (but the year reviewed as the paragraph's subject, `刚刚过去的2025年是…的一年。一年来,…` after `这五年,…` paragraphs,
    // turns the review to it)
    const reviewedTopic = first.year !== null && first.year === ctx.reviewYear && new RegExp(String.raw`^\s*(?:${alternation(k.periods.reviewParts?.yearBefore ?? [])})?${first.year}\s*年\s*是`, 'u').test(lead);
    if (first.source === 'year' && !isTitle && !yearTopic(lead, first.at, k) && !isDeliveryLine(line, k) && !yearAhead(first, lineStart, ctx, k) && !reviewedTopic) continue;
    // (a review's paragraph opening on a date of the report's own year, `2025年1月,…高铁开通`, tells of an event
    // since: the paragraph still reviews the year before)
    if (first.source === 'year' && !isTitle && first.year !== null && ctx.deliveryYear !== null && first.year >= ctx.deliveryYear && enclosingSections(lineStart, ctx).some((s) => sectionFacts(s, ctx, k).review)) continue;
    const target = (first.target ?? false) || (isTitle && ctx.deliveryYear !== null && (first.source === 'year' || first.source === 'relative') && Number(first.period) >= ctx.deliveryYear);
    const carry = { start: lineStart, period: first.period, target };
    title = isTitle ? carry : null;
    carries.push(carry);
  }
  return withinParagraphs(text, carries, ctx, k);
}

/** Whether the line text[start, end) stands between book-title marks opened before it and closed after it (`《` … `》`). */
function withinQuotedTitle(text: string, start: number, end: number): boolean {
  return /《\s*$/u.test(text.slice(Math.max(0, start - 4), start)) || /^\s*》/u.test(text.slice(end, end + 4));
}

/**
 * Carries inside paragraphs and sections: a sentence opening with a period of the past (`过去一年,我们…。国内生产总值
 * 增长10.3%`) sets it for the rest of its paragraph, after which the carry before it holds again; a subheading
 * (`（三）…`) ends what paragraphs above it carried, back to what its top-level part carries.
 */
function withinParagraphs(text: string, carries: PeriodContext['carries'], ctx: PeriodContext, k: Knowledge): PeriodContext['carries'] {
  const base = ctx.reviewYear ?? ctx.deliveryYear;
  const added: PeriodContext['carries'] = [];
  const topLevel = /^[ \t]*[一二三四五六七八九十]+、/u;
  // (carries are in text order: a binary search)
  const before = (at: number) => {
    let lo = 0;
    let hi = carries.length - 1;
    let found: PeriodContext['carries'][number] | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (carries[mid]!.start <= at) {
        found = carries[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  // a subheading: what its top-level part carries (its title's period, or nothing); sections and carries are both in
  // text order, so one walk over the carries serves them all
  const starts = new Set(carries.map((c) => c.start));
  let top: PeriodContext['carries'][number] | undefined;
  let next = 0;
  for (const s of ctx.sections) {
    for (; next < carries.length && carries[next]!.start <= s.start; next++) {
      const c = carries[next]!;
      // (a part headed by a title line with no number, `2026年重点工作`, is a top-level part as `二、…` is)
      if (topLevel.test(text.slice(c.start, c.start + 6)) || (c.period && isTitleLine(text, c.start))) top = c;
    }
    if (s.kind === 'chinese-numeral' || starts.has(s.start)) continue;
    added.push(top ? { ...top, start: s.start } : { start: s.start, period: '', target: false });
  }
  // a sentence opening with a past period and a comma, inside a paragraph
  // (one search for a sentence opening with a period of the past: not 今年, 上半年, 全年)
  for (const m of base === null ? [] : allMatches(text, pastOpeningSearch(k))) {
    const at = m.index + m[0].length;
    const lineBreak = text.indexOf('\n', at);
    // (a range of years, `从一九七九年到一九八二年的四年内,`, is read whole, up to the comma after it)
    const range = RANGE_OPENING.exec(text.slice(at, at + 40));
    const lead = text.slice(at, Math.min(at + (range ? range[0].length : 8), lineBreak < 0 ? text.length : lineBreak));
    const first = markersIn(lead, 0, lead.length, base, ctx, k)[0];
    // (a range's marker stands at its last year)
    // (`从1979至1981年` is a year marker of a span: 1979/1981)
    if (!first || first.at > (range ? range[0].length : 1) || first.clause || first.target || !(first.source === 'span' || (range && first.period.includes('/')) || (first.source === 'relative' && first.year !== null && first.year < (ctx.deliveryYear ?? Infinity)))) continue;
    // (a range running past the year reviewed, `从1982年到1983年的两年内,要…` in early 1983, is a plan's)
    if (range ? Number(first.period.slice(-4)) > (ctx.reviewYear ?? (ctx.deliveryYear ?? Infinity) - 1) : !/[,，]/u.test(lead.slice(first.at, first.at + 6))) continue;
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd < 0 ? text.length : lineEnd;
    // (the carry in force before it: the latest start at or before it, a restored one after an equal paragraph's own)
    let prior = before(at);
    for (const c of added) if (c.start <= at && (!prior || c.start > prior.start || added.includes(prior))) prior = c;
    added.push({ start: at, period: first.period, target: false });
    added.push(prior ? { ...prior, start: end } : { start: end, period: '', target: false });
  }
  yearTopicCarries(text, [...added, ...carries].sort((a, b) => a.start - b.start), added, ctx, k);
  if (!added.length) return carries;
  // (at one position, a paragraph's own carry after what is restored there)
  return [...added, ...carries].sort((a, b) => a.start - b.start);
}

const sentenceTopicCache = new WeakMap<Knowledge, RegExp>();
/**
 * A sentence after `。` opening on a year as its topic (`1979年农业总产值比1978年增长8.6%。粮食产量…`): the year, then its
 * subject, not a date (`2008年5月12日`), a year's edge (`1979年底`), a comparison base (`1978年以来`, `1978年前`) nor the year
 * as a subject of its own (`2016年是…之年`).
 */
function yearTopicSearch(k: Knowledge): RegExp {
  let re = sentenceTopicCache.get(k);
  if (!re) {
    const p = k.periods;
    const not = ['月', '是', '到', '至', '—', '-', ...p.yearEdges.filter((w) => w !== '度'), ...p.comparisonAfter, ...p.sinceWords];
    re = new RegExp(String.raw`。[ 	]*(${YEAR_DIGITS})\s*年(?![,，]?\s*(?:${alternation(not)}))(?=[,，]?\s*\p{Script=Han})`, 'gu');
    sentenceTopicCache.set(k, re);
  }
  return re;
}

/**
 * In a report delivered late in its year (its own year reviewed so far), a sentence opening on the year before as its topic
 * (yearTopicSearch), the last year whose outcomes are known in full, sets that year for the rest of its paragraph outside a
 * plan part (`1979年国民收入比上年增长7%。国民收入中,用于积累的部分为1120亿元`: the parts are of 1979 too); after the
 * paragraph, the carry in force at its start holds again. Pushed to `added`. (Delivered early, a report reviews that year
 * anyway, and a year before it opening a sentence is as often a contrast, `1978年农民人均纯收入只有134元。…`, as a topic.)
 */
function yearTopicCarries(text: string, inForce: PeriodContext['carries'], added: PeriodContext['carries'], ctx: PeriodContext, k: Knowledge): void {
  if (ctx.deliveryYear === null || ctx.reviewYear !== ctx.deliveryYear) return;
  const last = ctx.deliveryYear - 1;
  const at = (pos: number) => {
    let found: PeriodContext['carries'][number] | undefined;
    for (const c of inForce) if (c.start <= pos) found = c;
    return found;
  };
  let restoredAt = -1;
  for (const m of allMatches(text, yearTopicSearch(k))) {
    const year = yearNumber(m[1]!, k);
    const start = m.index + 1;
    if (year !== last || ctx.sections.some((s) => s.start <= start && start < s.end && sectionFacts(s, ctx, k).target)) continue;
    const lineEnd = text.indexOf('\n', start);
    const end = lineEnd < 0 ? text.length : lineEnd;
    added.push({ start, period: String(year), target: false });
    if (restoredAt === end) continue;
    restoredAt = end;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    const prior = at(lineStart);
    added.push(prior ? { ...prior, start: end } : { start: end, period: '', target: false });
  }
}

const pastOpeningCache = new WeakMap<Knowledge, RegExp>();
/**
 * A sentence after `。` opening with a period word of the past (relative years before this one, 去年; spans back,
 * 过去一年, 五年来): the match ends where the sentence starts.
 */
function pastOpeningSearch(k: Knowledge): RegExp {
  let re = pastOpeningCache.get(k);
  if (!re) {
    const p = k.periods;
    const words = [...Object.entries(p.relativeYears).filter(([, offset]) => offset < 0).map(([w]) => w), ...p.spans.filter((s) => s.direction === 'back').flatMap((s) => s.words)];
    re = new RegExp(`。[ \\t]*(?=${alternation(words)}|(?:从|由)?\\s*(?:${YEAR_DIGITS})\\s*年?\\s*(?:到|至)\\s*(?:${YEAR_DIGITS})\\s*年)`, 'gu');
    pastOpeningCache.set(k, re);
  }
  return re;
}

/**
 * A year that is the topic of a paragraph's second clause, after a short opening clause with no digit or
 * time word of its own (`这里要特别指出,刚刚过去的1992年,…`, `应当看到,2001年,…`), or undefined.
 */
function topicAfterOpening(text: string, leadAt: number, lead: string, base: number | null, ctx: PeriodContext, k: Knowledge): Marker | undefined {
  const comma = lead.search(/[,，]/u);
  if (comma <= 0 || comma > 8 || /[\d年月]/u.test(lead.slice(0, comma))) return undefined;
  const from = leadAt + comma + 1;
  const next = text.slice(from, from + 14).split('\n', 1)[0]!;
  const first = markersIn(next, 0, next.length, base, ctx, k)[0];
  return first && first.source === 'year' && first.at <= 8 && yearTopic(next, first.at, k) ? first : undefined;
}

function yearAhead(marker: Marker, at: number, ctx: PeriodContext, k: Knowledge): boolean {
  // (nor is a target date, `到2020年,农村贫困人口减少…`: a year named in passing, of its own sentence)
  if (marker.target) return false;
  // (a date, `2025年2月28日`, is no paragraph on the year)
  if (/^\D{0,4}(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月/u.test(ctx.text.slice(at, at + 14))) return false;
  if (ctx.deliveryYear === null || marker.year === null || marker.year < ctx.deliveryYear) return false;
  return !enclosingSections(at, ctx).some((s) => sectionFacts(s, ctx, k).review);
}

function isDeliveryLine(line: string, k: Knowledge): boolean {
  const re = k.periods.deliveryRe;
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(line);
}

const yearTopicCache = new WeakMap<Knowledge, RegExp>();
/** Whether the year at `at` of a paragraph's lead (with its part of a year) is followed by a comma. */
function yearTopic(lead: string, at: number, k: Knowledge): boolean {
  let re = yearTopicCache.get(k);
  if (!re) {
    re = new RegExp(String.raw`(?:(?:19|20)\d{2}\s*[—–\-~至到]\s*)?` + periodWordsOf(k).explicitYear.source + String.raw`\s*[,，]`, 'uy');
    yearTopicCache.set(k, re);
  }
  re.lastIndex = at;
  const m = re.exec(lead);
  // (a year with one month, `一九七五年七月,毛主席作了…谈话`, dates an event told of, as a day does: no topic of the paragraph;
  // a range of months, `2022年1—8月,`, is one)
  return m !== null && !SINGLE_MONTH.test(m[0]);
}
const SINGLE_MONTH = /(?<![\d一二三四五六七八九十—–\-~至到])(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份)?\s*[,，]$/u;
