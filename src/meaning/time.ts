/**
 * Time: which period a figure describes (intent.ts says whether it is an actual, an estimate or a
 * target). Sources, strongest first: markers in the figure's sentence before it (`2022年`, `1—8月`,
 * `上半年`, `今年`, `五年来`, `预计`, `力争`), the enclosing section headings (`一、2021年工作回顾`,
 * `2022年…目标要求`), the report's delivery line (`——2022年1月21日在…`), the document's period.
 *
 * This file ties the parts: the document's period context (periodContext: its time, sections, plan,
 * glossaries and carries), the markers of a sentence (markersIn, with span and from-now markers) and a
 * figure's period (timeOf). The parts live beside it: document-time.ts (the document's own year and date),
 * sections.ts, paragraph-carries.ts, glossaries.ts, markers.ts (the readings over one MarkerScan), plan-periods.ts
 * (numbered plans), value-periods.ts (start values, averages, end values), time-words.ts and
 * period-words.ts (the rule lists as searches), year-numerals.ts and clauses.ts.
 */
import type { Document, Figure } from '../model.js';
import type { Knowledge } from '../extract/knowledge.js';
import { namesPopulation, statesPresent } from './present.js';
import { reviewPartCarries } from './review-parts.js';
import { sentenceStart, sentenceEnd, clauseBefore, CLAUSE_PUNCTUATION, clauseBreakIn, SENTENCE_END } from './clauses.js';
import { periodWordsOf, spanWordsOf, respectiveWordsOf } from './period-words.js';
import { timeWordsOf } from './time-words.js';
import { documentTime, lastMonthDone } from './document-time.js';
import { type Marker, type MarkerScan, epochMarkers, yearMarkers, relativeMarkers, monthMarkers, decadeMarkers, sinceMarkers, centuryMarkers, streakMarkers, partialMarkers, seasonMarkers, censusMarkers, firstMonthsMarkers, yearBefore } from './markers.js';
import { presentPlan, backgroundYearsKept, planMarkers, planFirstYearsMarkers, namedPlanBefore, planReportSpan, planReportYears, planStart } from './plan-periods.js';
import { startValue, startPhraseAt, startPhraseOpening, programmeYears, startValuePeriod, averagePeriod, changeSincePeriod, endValuePeriod } from './value-periods.js';
import { glossaries } from './glossaries.js';
import { durationMarkers, forwardSpanStart, withinReviewedSpan, plannedChangePeriod, strategicGoalPeriod, yearsNamedIn } from './durations.js';
import { paragraphCarries } from './paragraph-carries.js';
import { type SectionInfo, markPlanPart, sectionFacts, flattenSections, headingsFromLines, inReview, sectionReading } from './sections.js';

/** What a document says about time, computed once per document. */
export interface PeriodContext {
  /** Year the report was delivered (its targets are for this year), from the delivery line. */
  deliveryYear: number | null;
  /** Its month, when known: a document delivered late in its year plans from the next year (planStart). */
  deliveryMonth: number | null;
  /** The month its present is in: the delivery month, or a later month of its year it tells of as done (lastMonthDone). */
  presentMonth: number | null;
  /** The delivery year as a period, when the report was delivered early enough in it that no full-year outcome of it exists yet. */
  ownYearIsPlan: string | null;
  /** Year the document's actual figures describe. */
  reviewYear: number | null;
  /** Headed sections, outermost first, in text order. */
  sections: SectionInfo[];
  /** The normalized text. */
  text: string;
  /** A work report: its numbered parts after the review are its plan part (see planPart). */
  workReport: boolean;
  /** The document's period when it is not a single year (2013/2022). */
  documentPeriod: string | null;
  /** The years of the numbered plan the report presents (`…第六个五年计划的报告`: 1981/1985), or null. */
  planSpan: string | null;
  /** Glossaries (`名词解释` to the next top-level heading): no section or carried period reaches into them. */
  glossaries: { start: number; end: number }[];
  /** Periods set by a paragraph that opens with one (`过去五年,…`), in force for the paragraphs after it. */
  carries: { start: number; period: string; target: boolean }[];
  /** Markers of a sentence, by sentence start and base year (figures of one sentence share them): see markerKey. */
  markerCache: Map<number, Marker[]>;
  /** The sentence of the last figure asked about: its bounds and markers (the next figure is often in it). */
  sentence?: { start: number; end: number; baseYear: number | null; markers: Marker[] };
  /** The last figure read that was no start value: its sentence, end and period (a part, `其中…`, shares it). */
  previous?: { sentence: number; end: number; period: string | null };
  /** Sections enclosing the last position asked about, and the next section to enter. */
  cursor: { active: SectionInfo[]; next: number; pos: number };
}

export function periodContext(doc: Document, k: Knowledge): PeriodContext {
  const sections: SectionInfo[] = [];
  if (doc.segments) flattenSections(doc.segments, sections);
  if (!sections.length) sections.push(...headingsFromLines(doc.normalized));
  const { deliveryYear, deliveryMonth, reviewYear, workReport } = documentTime(doc, sections, k);
  const documentPeriod = doc.period && !/^\d{4}$/.test(doc.period) ? doc.period : null;
  const ctx: PeriodContext = {
    deliveryYear,
    deliveryMonth,
    presentMonth: presentMonthOf(doc, deliveryYear, deliveryMonth, workReport, k),
    ownYearIsPlan: ownYearPlanned(doc, deliveryYear, deliveryMonth, k) ? String(deliveryYear) : null,
    reviewYear,
    documentPeriod,
    planSpan: planReportSpan(doc.normalized, k),
    sections,
    text: doc.normalized,
    workReport,
    glossaries: [],
    carries: [],
    markerCache: new Map(),
    cursor: { active: [], next: 0, pos: -1 },
  };
  if (workReport && deliveryYear !== null) markPlanPart(ctx, k);
  if (ctx.planSpan) presentPlan(ctx);
  ctx.carries = paragraphCarries(doc.normalized, ctx, k);
  if (ctx.planSpan) ctx.carries = backgroundYearsKept(ctx.carries, ctx.text, ctx.planSpan);
  // (a review of a plan's years and of its last year under one heading: the part on the year dates its figures to it)
  ctx.carries = reviewPartCarries(doc.normalized, sections.filter((s) => s.kind === 'chinese-numeral').map((s) => ({ ...s, facts: sectionFacts(s, ctx, k) })), ctx.carries, reviewYear, (t) => markersIn(t, 0, t.length, reviewYear, ctx, k), k);
  ctx.glossaries = glossaries(doc.normalized, ctx.sections, k);
  return ctx;
}

/**
 * Whether a document's own year is a plan as a whole: delivered early enough in it that no full-year outcome exists yet
 * (periods.ownYearPlansUntilMonth), or presenting that year's plan or budget, whenever in the year (planReportYears).
 */
function ownYearPlanned(doc: Document, deliveryYear: number | null, deliveryMonth: number | null, k: Knowledge): boolean {
  if (deliveryYear === null) return false;
  if (deliveryMonth !== null && deliveryMonth <= k.periods.ownYearPlansUntilMonth) return true;
  return planReportYears(doc.normalized, k).includes(deliveryYear);
}

/** Whether a document was delivered in the first months of its year (periods.ownYearPlansUntilMonth): what it says is so now is the state the year before ended with. */
export function deliveredEarly(ctx: PeriodContext, k: Knowledge): boolean {
  return ctx.presentMonth !== null && ctx.presentMonth <= k.periods.ownYearPlansUntilMonth;
}

/**
 * The month a document's present is in: its delivery month, or, for an undated work report (its month assumed), a later month
 * of its year it tells of as done (`今年六月一日起已…开始实施`: the 1983 report came in June).
 */
function presentMonthOf(doc: Document, deliveryYear: number | null, deliveryMonth: number | null, workReport: boolean, k: Knowledge): number | null {
  if (deliveryYear === null || !workReport || k.periods.deliveryRe?.test(doc.normalized.slice(0, 4000))) return deliveryMonth;
  const done = lastMonthDone(doc.normalized, k);
  return done !== null && (deliveryMonth === null || done > deliveryMonth) ? done : deliveryMonth;
}

/** Whether `at` is inside a short quotation of `text` (“…”), closed within 20 characters after it. */
function insideQuotedName(text: string, at: number): boolean {
  const open = text.lastIndexOf('“', at);
  if (open < 0 || at - open > 20 || text.lastIndexOf('”', at) > open) return false;
  const close = text.indexOf('”', at);
  return close >= 0 && close - at <= 20;
}

/**
 * The period markers of text[from, to) (a sentence, a heading, a paragraph's lead), in text order: explicit years and
 * ranges, relative years, months, plans, decades, spans since, century points, streaks, parts of a year, span words.
 * Each kind is read by a function of its own over one scan (MarkerScan); the order matters where one kind dates
 * another (a month or a part of a year is in the year named before it).
 */
export function markersIn(text: string, from: number, to: number, baseYear: number | null, ctx: PeriodContext, k: Knowledge): Marker[] {
  const slice = text.slice(from, to);
  const markers: Marker[] = [];
  // every period marker holds 年, 月, 季, a plan's 五 or a century's 纪 (2022年, 1—8月, 一季度, 今年, 五年来, 九五期间,
  // 本世纪末), but for an epoch's 以来 (`解放以来`): skip the rest fast
  if (!/[年月季五纪]/u.test(slice) && !slice.includes('以来')) return markers;
  // what a year and its part cover: a partial word in there (前三季度 of 2022年前三季度, its 三季度) is read already
  const scan: MarkerScan = { slice, from, baseYear, markers, covered: [], ctx, k };
  yearMarkers(scan);
  // one search for any relative, partial or span word spares the word-by-word searches below
  const anyWord = periodWordsOf(k).any.test(slice);
  // relative years before months: `今年1—2月` is Jan–Feb of the delivery year, and a lone `1—8月` later
  // in the sentence is in the year last named
  if (anyWord) relativeMarkers(scan);
  monthMarkers(scan);
  planMarkers(slice, from, baseYear, markers, ctx, k);
  planFirstYearsMarkers(slice, from, markers, ctx, k);
  decadeMarkers(scan);
  epochMarkers(scan);
  // (one search tells whether any of the scans below can match: most sentences hold none of their literals)
  const tw = timeWordsOf(k);
  const scans = tw.scanAnchors === null || tw.scanAnchors.test(slice);
  // (what `N年来` and a streak cover is no span word too: the 十年 of 十年来最高, the 五年 of 连续五年)
  const generic = scans ? sinceMarkers(scan) : [];
  if (scans) centuryMarkers(scan);
  const streaks = scans ? streakMarkers(scan) : [];
  // (`用二十年的时间`, `在三年内`: a duration of any number of years; what it covers is no span word)
  const durations = durationMarkers(slice, from, ctx.reviewYear ?? baseYear, (at) => (ctx.planSpan && !inReview(at, ctx, k) ? ctx.planSpan : null), markers, k);
  if (anyWord) {
    partialMarkers(scan);
    spanWordMarkers(slice, from, baseYear, [...streaks, ...generic, ...durations], markers, ctx, k);
  }
  if (slice.includes('个月')) firstMonthsMarkers(scan);
  if (slice.includes('季')) seasonMarkers(scan);
  if (slice.includes('日')) censusMarkers(scan);
  fromNowMarkers(slice, from, markers, ctx, k);
  return markers.sort((a, b) => a.at - b.at);
}

/**
 * Span words (`五年来`, `今后五年`, `三年内`) in `slice` as markers, pushed to `markers`: back or forward from the document's
 * years; not one covered already (`连续五年`), a comparison base (`五年前`), a programme's name (`五年行动计划`).
 */
function spanWordMarkers(slice: string, from: number, baseYear: number | null, spansCovered: [number, number][], markers: Marker[], ctx: PeriodContext, k: Knowledge): void {
  const p = k.periods;
  const spanWords = spanWordsOf(k);
  for (const { span, word } of spanWords) {
    let at = slice.indexOf(word);
    while (at >= 0) {
      const end = at + word.length;
      // 今后五年 is one forward span, not also the backward 五年; 五年前 is a comparison base
      // (十三年来 is no 三年来: a numeral before a span word that opens with one belongs to it)
      const inNumber = at > 0 && NUMERAL_CHARS.has(word[0]!) && NUMERAL_CHARS.has(slice[at - 1]!);
      if (!inNumber && !spansCovered.some(([a, b]) => at < b && end > a) && !p.spanComparisonAfter.some((w) => slice.startsWith(w, end))) {
        spansCovered.push([at, end]);
        // `五年行动计划`, `三年攻坚`: a programme's name, not the period of the figures near it; so is a span
        // inside a quoted name (`“三年外贸五年倍增计划”`)
        const name = p.nameAfter.some((w) => slice.startsWith(w, end)) || insideQuotedName(slice, at);
        const bare = p.bareSpans?.includes(word) ?? false;
        // (a bare span of the plan a report presents is that plan's years, `五年内新建铁路2000公里`, `五年合计…`, but in a
        // part reviewing the plan before it, `一、"六五"计划执行情况的回顾`, that plan's)
        if (!name && bare && ctx.planSpan && spanYears(ctx.planSpan) === span.years && !inReview(from + at, ctx, k)) markers.push({ at: from + at, period: ctx.planSpan, year: null, target: true, source: 'span' });
        else {
          const period = name ? null : spanPeriod(span, ctx, baseYear, k);
          if (period) markers.push({ at: from + at, period, year: null, target: span.direction === 'forward', source: 'span', ...(bare ? { bare: span.years } : {}) });
        }
      }
      at = slice.indexOf(word, end);
    }
  }
}

/**
 * `今后` (periods.fromNow) in `slice` as markers, pushed to `markers`, in a report presenting a plan (ctx.planSpan) outside a
 * part reviewing: the plan's years from the year its plans start on (`今后人口的年自然增长率…` in November 1982 is 1983/1985),
 * as targets. Not where a span word starts (`今后五年` is one already).
 */
function fromNowMarkers(slice: string, from: number, markers: Marker[], ctx: PeriodContext, k: Knowledge): void {
  const words = k.periods.fromNow ?? [];
  if (!ctx.planSpan || !words.length) return;
  const first = planStart(ctx, k);
  const last = Number(ctx.planSpan.slice(5));
  if (first === null || first > last) return;
  for (const word of words) {
    for (let at = slice.indexOf(word); at >= 0; at = slice.indexOf(word, at + word.length)) {
      if (markers.some((m) => m.at === from + at) || inReview(from + at, ctx, k)) continue;
      markers.push({ at: from + at, period: first === last ? String(last) : `${first}/${last}`, year: null, target: true, source: 'span' });
    }
  }
}

const NUMERAL_CHARS = new Set([...'〇零一二两三四五六七八九十百']);

function spanPeriod(span: { years: number; direction: 'back' | 'forward' }, ctx: PeriodContext, baseYear: number | null, k: Knowledge): string | null {
  if (span.direction === 'back') {
    const end = ctx.reviewYear ?? baseYear;
    if (end === null) return null;
    return span.years === 1 ? String(end) : `${end - span.years + 1}/${end}`;
  }
  const start = planStart(ctx, k) ?? (ctx.reviewYear !== null ? ctx.reviewYear + 1 : null);
  return start === null ? null : `${start}/${start + span.years - 1}`;
}

/** How many years a span of years (`1981/1985`) holds. */
function spanYears(span: string): number {
  const [first, last] = span.split('/').map(Number);
  return last! - first! + 1;
}

/** A sentence start and a base year as one number (years are read as 4 digits): no key string per figure. */
const markerKey = (start: number, baseYear: number | null) => start * 100000 + (baseYear === null ? 0 : 50000 + baseYear);

/**
 * The period of the figure at `pos` in a 分别 list (`2011年、2012年和2013年分别增长9.3%、7.7%和7.7%`): the
 * markers listed before 分别, joined by list joiners only (words.yaml respectively, listJoiners), paired in
 * order with the figures of its clause after it, when there are as many of each. Undefined otherwise.
 */
function respectiveMarker(text: string, start: number, pos: number, markers: Marker[], k: Knowledge): Marker | undefined {
  const rw = respectiveWordsOf(k);
  if (!rw || markers.length < 2) return undefined;
  // (searched in the sentence only: a search of the whole text before it would cost every figure its offset)
  const before = text.slice(start, pos);
  let word = -1;
  let len = 0;
  for (const w of k.words.respectively) {
    const i = before.lastIndexOf(w);
    if (i >= 0 && start + i > word) [word, len] = [start + i, w.length];
  }
  if (word < 0) return undefined;
  // the figure is in the clause 分别 opens
  if (clauseBreakIn(text, word, pos)) return undefined;
  const listed = markers.filter((m) => m.at < word && (m.source === 'year' || m.source === 'relative' || m.source === 'partial'));
  const run: Marker[] = [];
  for (let i = listed.length - 1; i >= 0; i--) {
    const m = listed[i]!;
    const next = run[0];
    if (!next) {
      if (clauseBreakIn(text, m.at, word)) break;
    } else if (!rw.gap.test(text.slice(m.at, next.at))) break;
    run.unshift(m);
  }
  if (run.length < 2) return undefined;
  // the figures after 分别 up to the clause's end, as many as the periods; the figure's place among them
  let end = pos;
  while (end < text.length && !CLAUSE_PUNCTUATION.has(text[end]!) && !SENTENCE_END.has(text[end]!)) end++;
  const count = (s: string) => s.match(rw.joiner)?.length ?? 0;
  const index = count(text.slice(word + len, pos));
  if (count(text.slice(word + len, end)) + 1 !== run.length) return undefined;
  return run[index];
}

/**
 * A sentence opening with a continuation (`这一目标与…相衔接,…`, periods.continuations) after one ending in `。`
 * on the same line: the last period marker of that sentence, if any.
 */
function continuedMarker(text: string, start: number, baseYear: number | null, ctx: PeriodContext, k: Knowledge): Marker | undefined {
  const re = timeWordsOf(k).continuation;
  if (!re || start === 0 || text[start - 1] !== '。' || !re.test(text.slice(start, start + 12))) return undefined;
  const previous = sentenceStart(text, start - 1);
  const markers = markersIn(text, previous, start - 1, baseYear, ctx, k).filter((m) => !m.clause);
  return markers[markers.length - 1];
}

/** A figure's period and what decided it (intent.ts reads the same context for the modality). */
export interface TimeReading {
  period: string | null;
  /** Start of the figure's sentence (normalized offset). */
  sentenceStart: number;
  /** The year the figure's section is in (its heading's year, the plan year, the reviewed year). */
  baseYear: number | null;
  targetSection: boolean;
  reviewSection: boolean;
  /** Inside a glossary; `isolated`: one whose document has a year of its own (no section reaches in). */
  glossary: boolean;
  isolated: boolean;
  /** The last period marker of the sentence before the figure, and the paragraph period carried to it. */
  marker: Marker | undefined;
  carry: PeriodContext['carries'][number] | undefined;
  /** A start value (`由50.2%提高到…`): the level things started from, an actual. */
  startValue: boolean;
}

/** What the extract stage read of a figure that its period may depend on (a share is a state, a flow is not). */
export type FigureShape = Pick<Figure, 'kind' | 'unit' | 'change'>;

/**
 * Whether the figure at `pos` states what is so at the document's date (`目前已同一百七十四个国家…发展了经济贸易往来`,
 * `到现在为止,…有近百分之三十…亏损`), of a report delivered late enough in its year for that to be its own year: not the
 * plan's span nor the year reviewed. A time its sentence names before it (`1980年底已有…`, `第六个五年计划期间,用于现有企业…`)
 * keeps it. (Delivered early, a report's present is the end of the year before: index.ts.)
 */
function presentAtDate(doc: Document, pos: number, end: number, start: number, last: Marker | undefined, ctx: PeriodContext, k: Knowledge): boolean {
  if (ctx.deliveryYear === null || ctx.presentMonth === null || ctx.presentMonth <= k.periods.ownYearPlansUntilMonth) return false;
  if (last) return false;
  // (and so does the country's people named as an attribute, `你们代表着全国九亿多人民` in June: as many as there are now)
  return statesPresent(doc, pos, start, k) || namesPopulation(doc.normalized, pos, end, k);
}

/** Period of the figure starting at `pos` (normalized offset). */
export function timeOf(doc: Document, pos: number, ctx: PeriodContext, k: Knowledge, end = pos, shape?: FigureShape): TimeReading {
  const text = doc.normalized;
  const { sectionYear, targetSection, reviewSection, sectionSpan, spanDefault, glossary, isolated, baseYear } = sectionReading(pos, ctx, k);
  const { start, markers: sentenceMarkers } = sentenceAt(text, pos, baseYear, ctx, k);
  const carry = carryAt(pos, ctx, isolated);
  let last = markerInForce(text, start, pos, sentenceMarkers, baseYear, ctx, k);
  last = spanInForce(last, { text, start, pos, end, sentenceMarkers, baseYear, carry, sectionSpan, plans: (targetSection || carry?.target === true) && !reviewSection }, ctx, k);
  let period: string | null;
  // a part of a year named alone (`上半年`, `由年初的…`) is of the year a paragraph carries, when one does
  if (last?.inForce && carry && /^\d{4}$/u.test(carry.period) && String(last.year) !== carry.period) period = last.period.replaceAll(String(last.year), carry.period);
  else if (last) period = last.period;
  else if (carry) period = carry.period;
  else if (sectionSpan && spanDefault) period = sectionSpan;
  else if (ctx.documentPeriod && sectionYear === null && !targetSection) period = ctx.documentPeriod;
  else period = baseYear === null ? null : String(baseYear);

  const clause = clauseBefore(text, start, pos);
  // `实施总额4万亿元的两年投资计划,其中中央政府拟新增1.18万亿元`: a part (其中…) of the figure before it in its
  // sentence, with no period of its own, is of that figure's period
  const whole = ctx.previous;
  const clauseAt = pos - clause.length;
  if (whole && whole.sentence === start && whole.end <= clauseAt && whole.period !== null && !(last && last.at >= clauseAt) && (k.periods.partOf ?? []).some((w) => clause.trimStart().startsWith(w))) period = whole.period;
  const tw = timeWordsOf(k);
  const averaged = tw.average?.test(clause) ?? false;
  // An average over years in a sentence naming a numbered plan (`按"八五"计划,…由原定平均每年百分之六调高到百分之
  // 八至九`) is over the plan's years: the name dates nothing else (nameAfter), an average is over some years.
  const plan = averaged ? namedPlanBefore(text, start, pos, k) : null;
  if (plan) period = plan;
  else if (averaged) period = aheadAveragePeriod(period, text.slice(start, pos), last, baseYear, ctx, k) ?? averagePeriod(period, text.slice(start, pos), carry, sectionSpan, k);
  // A start value (`由50.2%提高到52.4%`, `从1997年的7.4万亿元增加到…`) is of its own year when one is
  // written, else of the year before the period in force.
  // (an average rate is no level things started from: `由原定平均每年6%调高到8%` are two plans of one span)
  const started = plan ? null : startValue(text, start, pos, end, tw);
  if (started !== null) {
    // (the year named in the sentence before the start phrase: a year written, not a relative one)
    const namedYear = yearBefore(sentenceMarkers.filter((m) => m.source === 'year' && m.at < pos - started.length), pos);
    period = startValuePeriod(started, period, { text, start, pos, baseYear, namedYear, last, carry, sectionSpan }, ctx, k);
  } else {
    // (`高于一九五五年至一九八○年平均每年递增百分之四点三的水平`: the level compared with is of the period it is written with)
    const compared = comparedLevelPeriod(text, start, pos, end, baseYear, ctx, k);
    if (compared !== null) period = compared;
    else if (shape?.kind === 'change') period = goalOrChangePeriod(period, { text, start, clause, pos, end, last, baseYear }, ctx, k);
    // (a season, `雪季`, is no span of years whose end a level is reached at)
    if (compared === null && !last?.season) period = endValuePeriod(period, { text, start, pos, end, clause, shape, averaged }, ctx, k);
    if (presentAtDate(doc, pos, end, start, last, ctx, k)) period = String(ctx.deliveryYear);
    // (`在我们这样一个十亿人口的国家`: the country as it is, a state, of the last year of a span in force)
    if (period?.includes('/') && namesPopulation(text, pos, end, k)) period = period.slice(-4);
    ctx.previous = { sentence: start, end, period };
  }
  return { period, sentenceStart: start, baseYear, targetSection, reviewSection, glossary, isolated, marker: last, carry, startValue: started !== null };
}

/**
 * An average from now on to a target date (`要实现到本世纪末…翻两番的战略目标,今后大体需要保持每年递增百分之五点四`): a from-now
 * word (periods.fromNow) before it in its sentence, a target year in force: over the years from the plan year to that date
 * (1990/2000 in 1990). Null otherwise.
 */
function aheadAveragePeriod(period: string | null, before: string, last: Marker | undefined, baseYear: number | null, ctx: PeriodContext, k: Knowledge): string | null {
  if (!last?.target || last.source !== 'year' || last.year === null || period !== String(last.year)) return null;
  if (!(k.periods.fromNow ?? []).some((w) => before.includes(w))) return null;
  const first = planStart(ctx, k) ?? baseYear;
  return first !== null && first < last.year ? `${first}/${last.year}` : null;
}

/**
 * The period of a change: a national goal restated (`到本世纪末…翻两番`: durations.ts strategicGoalPeriod), else over the years
 * since a base year (changeSincePeriod), else to a target date from the plan in force (changeToDatePeriod).
 */
function goalOrChangePeriod(
  period: string | null,
  at: { text: string; start: number; clause: string; pos: number; end: number; last: Marker | undefined; baseYear: number | null },
  ctx: PeriodContext,
  k: Knowledge,
): string | null {
  const { text, start, clause, pos, end, last, baseYear } = at;
  const since = changeSincePeriod(period, text, start, clause, pos, k);
  const base = since !== period && since !== null && /^\d{4}\//u.test(since) ? Number(since.slice(0, 4)) - 1 : null;
  const own = ctx.deliveryYear ?? (ctx.reviewYear === null ? null : ctx.reviewYear + 1);
  return strategicGoalPeriod(text.slice(pos, end), period, base, own, k, yearsNamedIn(clause, k)) ?? changeToDatePeriod(since, last, baseYear, ctx, k);
}

/**
 * A change whose period is still the target date in force (`到本世纪末…翻两番`: no base year changed it) is over the years
 * from the five-year plan in force to that date (durations.ts plannedChangePeriod); any other period is kept.
 */
function changeToDatePeriod(period: string | null, last: Marker | undefined, baseYear: number | null, ctx: PeriodContext, k: Knowledge): string | null {
  if (!last?.target || last.source !== 'year' || last.year === null || period !== String(last.year)) return period;
  const planYear = planStart(ctx, k) ?? baseYear;
  return planYear === null ? period : (plannedChangePeriod(last.year, planYear, k) ?? period);
}

/**
 * The period of a level a figure is compared with, when the figure is that level (`高于一九五五年至一九八○年二十六年中平均每年
 * 递增百分之四点三的水平`, `快于"十二五"时期年均7.8%的增速`): a comparison word (periods.comparedLevels: before, words after the
 * figure), then a period opening the phrase up to the figure. Null otherwise.
 */
function comparedLevelPeriod(text: string, start: number, pos: number, end: number, baseYear: number | null, ctx: PeriodContext, k: Knowledge): string | null {
  const c = k.periods.comparedLevels;
  if (!c?.before.length || !c.after.length) return null;
  const after = text.slice(end, end + 10).replace(/^\s*(?:左右|以上|以下)?\s*的/u, '');
  if (after === text.slice(end, end + 10) || !c.after.some((w) => after.startsWith(w))) return null;
  const clause = clauseBefore(text, start, pos);
  let from = -1;
  for (const w of c.before) {
    const at = clause.lastIndexOf(w);
    if (at >= 0 && at + w.length > from) from = at + w.length;
  }
  if (from < 0) return null;
  const phraseAt = pos - clause.length + from;
  const markers = markersIn(text, phraseAt, pos, baseYear, ctx, k).filter((m) => m.at - phraseAt <= 2 || m.source === 'span');
  const opening = markers.find((m) => m.source === 'span' && m.period.includes('/')) ?? markers.find((m) => m.at - phraseAt <= 2);
  return opening && opening.at - phraseAt <= 12 ? opening.period : null;
}

/**
 * The sentence of the figure at `pos`: where it starts and its markers (read against `baseYear`). The figures of one
 * sentence share them: found once, for its first figure (ctx.sentence), or from the cache by sentence and base year.
 */
function sentenceAt(text: string, pos: number, baseYear: number | null, ctx: PeriodContext, k: Knowledge): { start: number; markers: Marker[] } {
  const last = ctx.sentence;
  if (last && pos >= last.start && pos < last.end && last.baseYear === baseYear) return { start: last.start, markers: last.markers };
  const start = last && pos >= last.start && pos < last.end ? last.start : sentenceStart(text, pos);
  const end = last && start === last.start ? last.end : sentenceEnd(text, pos);
  const key = markerKey(start, baseYear);
  const markers = ctx.markerCache.get(key) ?? markersIn(text, start, end, baseYear, ctx, k);
  ctx.markerCache.set(key, markers);
  ctx.sentence = { start, end, baseYear, markers };
  return { start, markers };
}

/** The last carry starting at or before `pos` that carries a period (none in an isolated glossary): a binary search, carries are in text order. */
function carryAt(pos: number, ctx: PeriodContext, isolated: boolean): PeriodContext['carries'][number] | undefined {
  let lo = 0;
  let hi = ctx.carries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.carries[mid]!.start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const c = found >= 0 ? ctx.carries[found]! : undefined;
  return c?.period && !isolated ? c : undefined;
}

/**
 * The marker in force at `pos` in its sentence (from `start`): the last before it whose reach gets there (a streak dates
 * its own clause only), not one inside a start phrase (`赤字率从去年的2.1%提高到2.3%`: 去年 dates the start value only), a
 * period of a 分别 list paired with the figure, else the period of the sentence a continuation (`这一目标…`) continues.
 */
function markerInForce(text: string, start: number, pos: number, markers: Marker[], baseYear: number | null, ctx: PeriodContext, k: Knowledge): Marker | undefined {
  const lastBefore = (at: number) => {
    let found: Marker | undefined;
    for (const m of markers) if (m.at < at && !(m.clause && clauseBreakIn(text, m.at, pos))) found = m;
    return found;
  };
  let last = lastBefore(pos);
  // `赤字率从去年的2.1%提高到2.3%`: a year inside the start phrase dates the start value only; the end value is of
  // the period in force before it
  if (last && last.at > start) {
    const from = startPhraseAt(text, start, pos, k);
    if (from !== null && last.at > from) last = lastBefore(from);
  }
  // `由今年预计的44%提高到45%,即提高1%`: a year opening a start phrase closed before the figure dates its start value
  // only; what follows the change is of the period in force before the phrase
  if (last && last.at > start) {
    const opened = startPhraseOpening(text, start, last.at, pos, k);
    if (opened !== null) last = lastBefore(opened);
  }
  // `2011年、2012年、2013年分别增长9.3%、7.7%、7.7%`: a list of periods paired in order with the figures after 分别
  last = respectiveMarker(text, start, pos, markers, k) ?? last;
  // `这一目标…`: a sentence continuing the one before it, with no period of its own, keeps that one's
  return last ?? continuedMarker(text, start, baseYear, ctx, k);
}

/** Whether a target word (words.yaml target, targetUnlessPast: 力争, 争取) stands in the clause before `at` (a span there looks forward). */
function targetWordBefore(text: string, start: number, at: number, k: Knowledge): boolean {
  const lead = clauseBefore(text, start, at);
  const pw = periodWordsOf(k);
  return pw.target.test(lead) || pw.targetUnlessPast.test(lead);
}

/**
 * The marker in force, read for the spans it may name: a span inside a sentence opening on its year is of its own `;`
 * item; a bare span (`五年`) in a plan part (`plans`) looks forward from the plan year; a programme's own total
 * (`总额4万亿元的两年投资计划`) is over the programme's years.
 */
function spanInForce(
  last: Marker | undefined,
  at: { text: string; start: number; pos: number; end: number; sentenceMarkers: Marker[]; baseYear: number | null; carry: PeriodContext['carries'][number] | undefined; sectionSpan: string | null; plans: boolean },
  ctx: PeriodContext,
  k: Knowledge,
): Marker | undefined {
  const { text, start, pos, end, sentenceMarkers, baseYear, carry, sectionSpan, plans } = at;
  // A span named inside a sentence that opens with its year (`1997年,…达到5160元,五年来年均增长6%;…达到2090元`) is
  // about its own `;` item: past it, the opening year holds again.
  if (last?.source === 'span' && /[;；]/u.test(text.slice(last.at, pos))) {
    const spanAt = last.at;
    const opening = sentenceMarkers.find((m) => m.source === 'year' && m.at < spanAt && !/[,，;；。:：]/u.test(text.slice(start, m.at)));
    if (opening) last = opening;
  }
  // a bare span in a plan part, or after a target word in its clause (`力争用二十年的时间…`), looks forward from the plan
  // year (`五年城镇新增就业5000万人以上`); a long-range one from the first year of the five-year plan in force
  if (last?.bare && (plans || targetWordBefore(text, start, last.at, k))) {
    const plan = planStart(ctx, k) ?? baseYear;
    const first = plan === null ? null : forwardSpanStart(plan, last.bare, k);
    if (first !== null) last = { ...last, period: `${first}/${first + last.bare - 1}`, target: true };
  } else if (last?.within) {
    // (a task done `三年内` in a review of five years: of their first years)
    const inside = withinReviewedSpan(carry && !carry.target ? carry.period : sectionSpan, last.bare ?? 0);
    if (inside) last = { ...last, period: inside };
  }
  // `总额4万亿元的两年投资计划`, `两年新增4万亿元的投资计划`: a programme's own total is over the programme's years
  const programme = programmeYears(text, start, pos, end, k);
  // (unless a span is in force already: `近两年,…实施两年新增4万亿元的投资计划` in a review of five years)
  if (programme !== null && !(last?.source === 'span' && last.period.includes('/')) && !(!last && carry?.period.includes('/'))) {
    const first = plans ? (planStart(ctx, k) ?? baseYear) : (ctx.reviewYear ?? baseYear);
    if (first !== null) last = { at: pos, period: `${first}/${first + programme - 1}`, year: null, source: 'span' };
  }
  return last;
}
