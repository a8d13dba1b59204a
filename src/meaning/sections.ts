/**
 * Sections and what their headings say of time: a section's facts worked out once (its year, target or
 * review, span: `一、2021年工作回顾`, `二、2022年…目标要求`, `"十四五"时期…`), a work report's numbered parts
 * after its review read as plans, a part opening as a review does, where a section reviewing a span turns
 * to its last year, and what the sections around a figure say of its time (sectionReading, for timeOf).
 * Headings come from the segment tree, or line by line without one. (A heading's facts read its markers
 * with markersIn of time.ts, which imports this back: functions only, called once both are loaded.)
 */
import type { Segment } from '../model.js';
import type { Knowledge } from '../extract/knowledge.js';
import { yearPartStart } from './review-parts.js';
import { YEAR_NAMED, yearNumber } from './year-numerals.js';
import { periodWordsOf } from './period-words.js';
import { planStart } from './plan-periods.js';
import { type PeriodContext, markersIn } from './time.js';

export interface SectionInfo {
  start: number;
  end: number;
  heading: string;
  kind?: Segment['headingKind'];
  /** What the heading says, worked out once (see sectionFacts). */
  facts?: { year: number | null; target: boolean; review: boolean; span: string | null; yearFirst: boolean };
  /** Where a section reviewing a span and its last year (`一、"十四五"时期和2025年工作回顾`) turns to the year (see yearTurn). */
  yearTurn?: number;
}

/**
 * A work report reviews, then plans: its numbered parts after the review section that name no year,
 * review or span of their own (`二、保持国民经济发展的良好势头`) are about the delivery year, as plans.
 */
export function markPlanPart(ctx: PeriodContext, k: Knowledge): void {
  let reviewed = false;
  let planning = false;
  for (const s of ctx.sections) {
    if (s.kind !== 'chinese-numeral') continue;
    const facts = sectionFacts(s, ctx, k);
    if (facts.review || facts.span) reviewed = true;
    // (a part whose heading names no time but whose text opens on the year reviewed, `一、牢记嘱托,…取得新成效`
    // then `一年来,…`, is a review too: the parts after it plan, and a second such part still reviews; once the plan
    // part has begun, a part opening on the year past, `加强政府自身建设` with `一年来,…` first, is still of the plan)
    // (not in a report presenting a plan, whose parts are the plan's: `一、关于工农业生产的发展速度` may open on the decades
    // before it, `从一九五三年到一九八○年的二十八年中,…`)
    else if (!planning && !ctx.planSpan && facts.year === null && !facts.target && opensReview(s, ctx, k)) {
      facts.review = true;
      reviewed = true;
    }
    // (a part about the years ahead, `二、关于今后五年发展`, states today's figures as often as targets)
    else if (reviewed && facts.year === null && !facts.target && !markersIn(s.heading, 0, s.heading.length, ctx.reviewYear, ctx, k).some((m) => m.source === 'span')) facts.target = true;
    if (facts.target || (facts.year !== null && ctx.deliveryYear !== null && facts.year >= ctx.deliveryYear)) planning = true;
  }
}

/**
 * Whether a part opens as a review does: one of its first paragraphs (periods.reviewOpeningParagraphs) leads, after
 * an address (`各位代表!`), with a period of the past: a span back (`一年来,`, `过去一年,`, `五年来`), a year before
 * the delivery year (`2024年是…`, `2024年,`) or a relative one (`去年,`).
 */
function opensReview(s: SectionInfo, ctx: PeriodContext, k: Knowledge): boolean {
  if (ctx.deliveryYear === null) return false;
  const body = ctx.text.slice(s.start, Math.min(s.end, s.start + 2000)).split('\n').slice(1);
  const paragraphs = body.filter((p) => p.trim()).slice(0, k.periods.reviewOpeningParagraphs);
  const re = periodWordsOf(k).paragraphLead;
  const backSpans = k.periods.spans.filter((sp) => sp.direction === 'back').flatMap((sp) => sp.words).filter((w) => !k.periods.bareSpans?.includes(w));
  for (const paragraph of paragraphs) {
    re.lastIndex = 0;
    const lead = re.exec(paragraph)?.[1];
    if (!lead) continue;
    const first = markersIn(lead, 0, lead.length, ctx.reviewYear, ctx, k)[0];
    // (`一年来` dates nothing in markersIn, the year in force being the default: a span word back opening the lead counts)
    if (backSpans.some((w) => lead.startsWith(w))) return true;
    if (!first || first.at > 2 || first.target || first.clause) continue;
    const end = Number(first.period.match(/\d{4}/gu)?.at(-1) ?? Infinity);
    if (first.source === 'span' && end < ctx.deliveryYear) return true;
    if ((first.source === 'year' || first.source === 'relative') && first.year !== null && first.year < ctx.deliveryYear) return true;
  }
  return false;
}

export function sectionFacts(s: SectionInfo, ctx: PeriodContext, k: Knowledge): NonNullable<SectionInfo['facts']> {
  if (s.facts) return s.facts;
  const y = s.heading.match(YEAR_NAMED);
  const year = y ? yearNumber(y[1]!, k) : relativeHeadingYear(s.heading, ctx, k);
  // (`二、1957年国民经济计划`, `三、关于1957年度的国家预算`: a year's plan or budget, for a year not over, is a target part)
  let target = k.periods.targetHeadings.some((w) => s.heading.includes(w)) || (y !== null && plansYear(s.heading, y, year!, ctx, k));
  let review = k.periods.reviewHeadings.some((w) => s.heading.includes(w));
  if (target && review) {
    // `二、2025年目标任务和主要工作`: the heading's year decides against the delivery year; without
    // one, the word written first (`2022年主要工作和目标完成情况` reviews)
    if (y && ctx.deliveryYear !== null) target = year! >= ctx.deliveryYear;
    else target = firstAt(s.heading, k.periods.targetHeadings) < firstAt(s.heading, k.periods.reviewHeadings);
    review = !target;
  }
  // a review of the past five years: its figures describe the span (今后五年 headings hold
  // today's figures as often as targets, so forward spans stay sentence-level)
  const spans = markersIn(s.heading, 0, s.heading.length, ctx.reviewYear, ctx, k).filter((m) => m.source === 'span' && !m.target && m.period.includes('/'));
  // (a plan's years still ahead, `二、"十二五"时期的主要目标和任务` in 2011, are a plan, not a review: its span
  // dates the section's figures, as targets)
  const ahead = spans.filter((m) => ctx.reviewYear !== null && Number(m.period.slice(0, 4)) > ctx.reviewYear);
  if (ahead.length && ahead.length === spans.length) {
    s.facts = { year, target: true, review: false, span: ahead[0]!.period, yearFirst: y !== null && (y.index ?? 0) < ahead[0]!.at };
    return s.facts;
  }
  // a review of five years reports outcomes whatever else its heading says (`…主要目标任务胜利完成`), and
  // so does a heading whose target words are done (完成, 实现: words.yaml targetNegators)
  if (target && (spans.length || k.words.targetNegators.some((w) => s.heading.includes(w)))) {
    target = false;
    review = true;
  }
  // `一、2015年工作回顾和"十二五"时期发展成就`: the year written first is the default of its figures, the span
  // dates those that name it
  const yearFirst = y !== null && spans[0] !== undefined && (y.index ?? 0) < spans[0].at;
  s.facts = { year, target, review, span: spans[0]?.period ?? null, yearFirst };
  return s.facts;
}

/**
 * Whether a heading names the plan or budget of the year it names (periods.yearPlans: `1957年国民经济计划`, `1957年度的国家预算`),
 * a year not over before the document was delivered, and not its execution (`1956年国家预算的执行情况`).
 */
function plansYear(heading: string, y: RegExpMatchArray, year: number, ctx: PeriodContext, k: Knowledge): boolean {
  const plans = k.periods.yearPlans;
  if (!plans || ctx.deliveryYear === null || year < ctx.deliveryYear) return false;
  const after = heading.slice((y.index ?? 0) + y[0].length);
  return plans.names.some((w) => after.includes(w)) && !(plans.done ?? []).some((w) => after.includes(w)) && !k.periods.reviewHeadings.some((w) => heading.includes(w));
}

/**
 * The year a heading names by a word relative to the document's year (`二、今年的任务`, `三、明年的计划`: the relative
 * years of periods.yaml, the longest written), not as a comparison base (`比去年`).
 */
function relativeHeadingYear(heading: string, ctx: PeriodContext, k: Knowledge): number | null {
  if (ctx.deliveryYear === null) return null;
  let best: [string, number] | null = null;
  for (const [word, offset] of Object.entries(k.periods.relativeYears)) {
    const at = heading.indexOf(word);
    if (at < 0 || (best && best[0].length >= word.length)) continue;
    if (k.periods.relativeComparisonBefore.some((w) => heading.slice(0, at).endsWith(w))) continue;
    best = [word, offset];
  }
  return best ? ctx.deliveryYear + best[1] : null;
}

function firstAt(text: string, words: string[]): number {
  let first = Infinity;
  for (const w of words) {
    const at = text.indexOf(w);
    if (at >= 0 && at < first) first = at;
  }
  return first;
}

/** The sections enclosing `pos`, outermost first; positions asked in increasing order walk a cursor. */
export function enclosingSections(pos: number, ctx: PeriodContext): SectionInfo[] {
  const c = ctx.cursor;
  if (pos < c.pos) {
    c.active = [];
    c.next = 0;
  }
  c.pos = pos;
  while (c.next < ctx.sections.length && ctx.sections[c.next]!.start <= pos) c.active.push(ctx.sections[c.next++]!);
  if (c.active.some((s) => pos >= s.end)) c.active = c.active.filter((s) => pos < s.end);
  return c.active;
}

export function flattenSections(root: Segment, out: SectionInfo[]): void {
  for (const child of root.children) {
    if (child.kind === 'section' && child.heading) out.push({ start: child.start, end: child.end, heading: child.heading, kind: child.headingKind });
    if (child.kind === 'section' || child.kind === 'document') flattenSections(child, out);
  }
}

/** Sections from headings found line by line, for documents without a segmentation tree. */
export function headingsFromLines(text: string): SectionInfo[] {
  const out: SectionInfo[] = [];
  const re = /^[ \t]*([一二三四五六七八九十]+、[^\n]{1,60})$/gmu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: text.length, heading: m[1]!, kind: 'chinese-numeral' });
  for (let i = 0; i + 1 < out.length; i++) out[i]!.end = out[i + 1]!.start;
  return out;
}

/** Whether `pos` lies in a review section (a search of its own: markersIn reads sentences out of text order). */
export function inReview(pos: number, ctx: PeriodContext, k: Knowledge): boolean {
  return ctx.sections.some((s) => s.start <= pos && pos < s.end && sectionFacts(s, ctx, k).review);
}

/**
 * Where a section reviewing a span and its last year (`一、"十四五"时期和2025年工作回顾`) turns from the span to the year
 * (review-parts.ts yearPartStart, the same paragraph openings that set the two parts' carries), once per section.
 */
function yearTurn(s: SectionInfo, year: number, ctx: PeriodContext, k: Knowledge): number {
  s.yearTurn ??= yearPartStart(ctx.text, s.start, s.end, year, (t) => markersIn(t, 0, t.length, year, ctx, k), k);
  return s.yearTurn;
}

/** What the sections around `pos` say of its time (see timeOf): their year, target or review, span, and the base year. */
export function sectionReading(pos: number, ctx: PeriodContext, k: Knowledge) {
  // Section context: innermost heading with a year, target/review headings, span headings.
  let sectionYear: number | null = null;
  let targetSection = false;
  let reviewSection = false;
  let sectionSpan: string | null = null;
  // (the section span is its figures' default unless the heading names its year first)
  let spanDefault = false;
  // A glossary defines terms: the document's own period and actual, unless its sentence says otherwise.
  // Without a year of the document's own (no delivery line, no configured period), the headings and
  // carried periods before it still tell the year its text is in, not whether it plans.
  const glossary = ctx.glossaries.some((g) => pos >= g.start && pos < g.end);
  const isolated = glossary && (ctx.reviewYear !== null || ctx.deliveryYear !== null);
  for (const s of isolated ? [] : enclosingSections(pos, ctx)) {
    const facts = sectionFacts(s, ctx, k);
    if (facts.year !== null) sectionYear = facts.year;
    // A subheading turns an enclosing review into targets (or back) only with a year of its own:
    // `(一)锚定目标攻坚,经济发展实现逆势而上` under `一、2024年工作回顾` reports outcomes
    const mayTurn = facts.year !== null || !(targetSection || reviewSection);
    if (facts.target && mayTurn) {
      targetSection = true;
      reviewSection = false;
    }
    if (facts.review && mayTurn) {
      reviewSection = true;
      targetSection = false;
    }
    if (facts.span) {
      sectionSpan = facts.span;
      // (and so does one planning a span and its first year, `二、"十五五"时期目标任务和2026年工作安排`, from the paragraph
      // opening on the year: `今年是"十五五"开局之年。…`)
      spanDefault = !facts.yearFirst && !((facts.review || facts.target) && facts.year !== null && pos >= yearTurn(s, facts.year, ctx, k));
    }
  }
  if (glossary) targetSection = reviewSection = false;
  let baseYear: number | null;
  if (sectionYear !== null) baseYear = sectionYear;
  // (a report delivered late in its year plans the next: planStart)
  else if (targetSection && ctx.deliveryYear !== null) baseYear = planStart(ctx, k);
  else if (targetSection && ctx.reviewYear !== null) baseYear = ctx.reviewYear + 1;
  else baseYear = ctx.reviewYear ?? ctx.deliveryYear;
  return { sectionYear, targetSection, reviewSection, sectionSpan, spanDefault, glossary, isolated, baseYear };
}
