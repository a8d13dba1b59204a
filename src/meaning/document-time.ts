/**
 * The document's own time, worked out once per document: the year its plans are for (a work report's
 * delivery year, and its month when a dated line gives it) and the year its actual figures describe,
 * from the configured period, the delivery line, a title line, the file name, numbered review and plan
 * headings, a congress named by its number, a line holding only a date, and the latest year reviewed.
 */
import { allMatches } from '../matches.js';
import type { Document } from '../model.js';
import { alternation, type Knowledge } from '../extract/knowledge.js';
import { YEAR_NAMED, ANY_YEAR, yearNumber, chineseDigits, monthNumber, MONTH_NUMBER } from './year-numerals.js';
import { sentenceEnd } from './clauses.js';
import { periodWordsOf } from './period-words.js';
import { type TimeWords, timeWordsOf } from './time-words.js';
import type { SectionInfo } from './sections.js';
import { plannedTitleYear, titleLinesJoined } from './budget-time.js';

/**
 * A document's own time, in auto mode as with a configured period: the year its plans are for
 * (`deliveryYear`, a work report's year) and the year its actual figures describe (`reviewYear`).
 * Sources, strongest first: the configured period; the delivery line (`——2022年3月5日在…会议上`); a
 * title line naming a year (`…2024年国民经济和社会发展统计公报` is about 2024, `2025年政府工作报告` is
 * delivered in 2025); a numbered review heading (`一、1996年国内工作的回顾`: delivered the year after);
 * a line holding only a date (`（2022年10月16日）`, `二〇二二年三月五日`) at the start or the end.
 */
export interface DocumentTime {
  deliveryYear: number | null;
  /** The delivery month when a dated line gave it (a report delivered early in its year plans it). */
  deliveryMonth: number | null;
  reviewYear: number | null;
  /** A government work report (periods.workReportOpenings in its opening): it reviews, then plans. */
  workReport: boolean;
}

export function documentTime(doc: Document, sections: SectionInfo[], k: Knowledge): DocumentTime {
  const text = doc.normalized;
  const head = text.slice(0, 4000);
  const dt = timeWordsOf(k);
  let deliveryYear: number | null = null;
  let deliveryMonth: number | null = null;
  const m = k.periods.deliveryRe?.exec(head);
  if (m?.[1]) {
    // (in Arabic digits, or in Chinese numerals: `一九五五年七月五日`)
    deliveryYear = yearNumber(m[1], k);
    deliveryMonth = m[2] ? monthNumber(m[2], k) : null;
  }
  // A document's period may be a span (2013/2022): its last year is the reviewed one.
  const configured = doc.period?.match(/(?:19|20)\d{2}(?!.*(?:19|20)\d{2})/);
  let reviewYear = configured ? Number(configured[0]) : null;
  const workReport = dt.workReport !== null && dt.workReport.test(text.slice(0, 600));
  if (reviewYear === null || deliveryYear === null) {
    const title = plannedTitleYear(titleYear(text.slice(0, 800), dt, k) ?? titleYear(titleLinesJoined(text.slice(0, 800)), dt, k), text, k);
    const reviewed = reviewHeadingYear(sections, k);
    const planned = reviewed === null ? planHeadingYear(sections, k) : null;
    // (a work report reviews its last year at length; a congress report names few years and reviews decades)
    const latest = workReport && reviewed === null && planned === null ? latestReviewedYear(text, sections, k) : null;
    const dated = dateLine(head, dt, k) ?? dateLine(text.slice(-600), dt, k);
    if (deliveryYear === null && dated) [deliveryYear, deliveryMonth] = dated;
    // (no title, date line or dated heading: the file's name, as corpora name reports, `…_1983_gwr.txt`)
    const named = title === null && !dated && reviewed === null && planned === null ? fileNameYear(doc.path, workReport, dt) : null;
    if (named?.kind === 'delivery' && deliveryYear === null) {
      deliveryYear = named.year;
      deliveryMonth = monthFromText(text, k);
    }
    // (a communiqué about 2024 dated February 2025 plans nothing for 2025)
    if (title?.kind === 'review' && !m?.[1]) deliveryMonth = null;
    if (reviewYear === null) {
      if (title?.kind === 'review') reviewYear = title.year;
      else if (named?.kind === 'review') reviewYear = named.year;
      else if (reviewed !== null) reviewYear = reviewed;
      // (a report delivered late in its title's year, `1964年…政府工作报告` of 21 December 1964, reviews that year, as a date line says)
      else if (title?.kind === 'delivery') reviewYear = deliveryYear === title.year && deliveryMonth !== null && deliveryMonth > k.periods.reviewsPreviousYearUntilMonth ? title.year : title.year - 1;
      else if (planned !== null) reviewYear = planned - 1;
      // dated early in a year, a document reviews the year before; later on, its own year (a congress in October)
      else if (deliveryYear !== null) reviewYear = deliveryMonth !== null && deliveryMonth > k.periods.reviewsPreviousYearUntilMonth ? deliveryYear : deliveryYear - 1;
      else if (latest !== null) reviewYear = latest;
    }
    // a congress report names its own congress in its opening (`中国共产党第十五次全国代表大会是…`): its
    // year counts from the congress number; it reviews up to the year before
    const met = !workReport && reviewYear === null && deliveryYear === null ? congressYear(text.slice(0, 1500), dt, k) : null;
    const congress = met?.year ?? null;
    // (meeting late in its year, September to November, its 五年来 are the five years up to its own: Y−4..Y)
    if (congress !== null) reviewYear = met!.month !== null && met!.month > k.periods.reviewsPreviousYearUntilMonth ? congress : congress - 1;
    if (deliveryYear === null) {
      if (met) [deliveryYear, deliveryMonth] = [met.year, met.month];
      else if (title?.kind === 'delivery') deliveryYear = title.year;
      else if (planned !== null) deliveryYear = planned;
      else if (reviewed !== null && workReport) deliveryYear = reviewed + 1;
      else if (latest !== null) deliveryYear = latest + 1;
    }
  }
  // (dated by its headings alone, a work report tells the month by what it knows of its year, as one dated by its file's name)
  if (workReport && deliveryYear !== null && deliveryMonth === null && !m?.[1]) deliveryMonth = monthFromText(text, k);
  // an undated work report was delivered at its congress's session, early in its year
  if (workReport && deliveryYear !== null && deliveryMonth === null && k.periods.workReportMonth) deliveryMonth = k.periods.workReportMonth;
  return { deliveryYear, deliveryMonth, reviewYear, workReport };
}

/**
 * The year a file's name holds (`cn_national_1983_gwr.txt`, `2024年统计公报.txt`), read as a title would be: of the
 * kind its title words say, else a work report's delivery year. One year only: a name with two is no date.
 */
export function fileNameYear(path: string, workReport: boolean, dt: Pick<TimeWords, 'titles'>): { year: number; kind: 'review' | 'delivery' } | null {
  const name = path.split(/[\\/]/u).pop()!.replace(/\.[^.]*$/u, '');
  // (a year stands apart from letters and digits: `cn_national_1983_gwr`, `2024年公报`, never `d1999` or `v2000`)
  const years = new Set(allMatches(name, /(?<![A-Za-z0-9])(?:19|20)\d{2}(?![A-Za-z0-9])/gu).map((m) => Number(m[0])));
  if (years.size !== 1) return null;
  const year = [...years][0]!;
  for (const t of dt.titles) if (t.words.some((w) => name.includes(w))) return { year, kind: t.year };
  return workReport ? { year, kind: 'delivery' } : null;
}

/**
 * When in its year an undated report was delivered, from what it already knows of that year (periods.lateInYear):
 * a part of its own year set against the same part of the year before (`今年上半年…比去年同期增长`, `今年一至九月…
 * 比去年同期下降`) is over, so the report came after its last month; a report that plans the next year (`明年`,
 * named at least `nextYearMentions` times) came late in its year, reviewing its own. Else null (the work
 * report's month, periods.workReportMonth, applies).
 */
export function monthFromText(text: string, k: Knowledge): number | null {
  const late = k.periods.lateInYear;
  if (!late) return null;
  let month: number | null = null;
  const own = Object.entries(k.periods.relativeYears).filter(([, offset]) => offset === 0).map(([w]) => w);
  const next = Object.entries(k.periods.relativeYears).filter(([, offset]) => offset === 1).map(([w]) => w);
  for (const part of ownYearParts(text, own, k)) {
    const sentence = text.slice(part.at, sentenceEnd(text, part.at));
    if (late.sameTimeWords.some((w) => sentence.includes(w)) && part.lastMonth < 12) month = Math.max(month ?? 0, part.lastMonth + 1);
  }
  const mentions = next.reduce((n, w) => n + text.split(w).length - 1, 0);
  if (mentions >= late.nextYearMentions) month = Math.max(month ?? 0, k.periods.reviewsPreviousYearUntilMonth + 1);
  return month;
}

/**
 * The last month of its own year a report tells of as done (`今年六月一日起已在全国…开始实施`, `今年三月已经…`: a month after an
 * own-year word with a done word, lateInYear.doneWords, later in its clause), or null: the report came in that month or later,
 * so what it says is so now (`现在已增加到一百二十九个`) is of its own year. (Only that: its own year is no more over for it.)
 */
export function lastMonthDone(text: string, k: Knowledge): number | null {
  const own = Object.entries(k.periods.relativeYears).filter(([, offset]) => offset === 0).map(([w]) => w);
  const months = ownMonthsDone(text, own, k.periods.lateInYear?.doneWords ?? [], k);
  return months.length ? Math.max(...months) : null;
}

function ownMonthsDone(text: string, own: string[], doneWords: string[], k: Knowledge): number[] {
  if (!own.length || !doneWords.length) return [];
  const re = new RegExp(String.raw`(?:${alternation(own)})\s*(${MONTH_NUMBER})\s*月[^,，;；。:：!！?？
]{0,30}?(?:${alternation(doneWords)})`, 'gu');
  const out: number[] = [];
  for (const m of allMatches(text, re)) {
    const month = monthNumber(m[1]!, k);
    if (month >= 1 && month <= 12) out.push(month);
  }
  return out;
}

/** The parts of its own year a text names (`今年上半年`, `今年1至9月`, `今年头四个月`): where, and their last month. */
function ownYearParts(text: string, own: string[], k: Knowledge): { at: number; lastMonth: number }[] {
  if (!own.length) return [];
  const parts = Object.entries(k.periods.partialYears);
  const numeral = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
  const re = new RegExp(
    `(?:${alternation(own)})\\s*(?:(${alternation(parts.map(([w]) => w))})|(?:1|一)\\s*(?:月\\s*)?[至到—–\\-~]\\s*${numeral}\\s*月|(?:头|前)${numeral}个月)`,
    'gu',
  );
  const out: { at: number; lastMonth: number }[] = [];
  for (const m of allMatches(text, re)) {
    const months = m[1] ? k.periods.partialYears[m[1]]![1] : chineseDigits((m[2] ?? m[3])!, k);
    if (months !== null && months >= 1 && months <= 12) out.push({ at: m.index, lastMonth: months });
  }
  return out;
}

/** A title line near the start naming a year and a kind of document (periods.titles). */
function titleYear(head: string, dt: TimeWords, k: Knowledge): { year: number; kind: 'review' | 'delivery' } | null {
  for (const line of head.split('\n', 12)) {
    // a title has no clause punctuation and is short
    if (line.length > 80 || /[,，。;；!！?？]/u.test(line)) continue;
    // (in Arabic digits or in Chinese numerals: `关于一九五七年国家预算草案的报告`)
    const y = line.match(YEAR_NAMED);
    if (!y) continue;
    for (const t of dt.titles) if (t.words.some((w) => line.includes(w))) return { year: yearNumber(y[1]!, k), kind: t.year };
  }
  return null;
}

/** The year a numbered review heading names (`一、1996年国内工作的回顾`, `一、2018年工作回顾`). */
function reviewHeadingYear(sections: SectionInfo[], k: Knowledge): number | null {
  for (const s of sections) {
    if (s.kind !== 'chinese-numeral') continue;
    const y = s.heading.match(YEAR_NAMED);
    if (y && k.periods.reviewHeadings.some((w) => s.heading.includes(w))) return yearNumber(y[1]!, k);
  }
  return null;
}

/** The year (and month, when the rules know it) of a congress named by its number (periods.congresses). */
function congressYear(head: string, dt: TimeWords, k: Knowledge): { year: number; month: number | null } | null {
  for (const c of dt.congresses) {
    const m = c.re.exec(head);
    const n = m ? chineseDigits(m[1]!, k) : null;
    if (n !== null && n >= c.number) return { year: c.year + (n - c.number) * c.every, month: c.month ?? null };
    // (the congresses before the regular ones met when they were called: their own years and months)
    const met = n === null ? undefined : c.earlier?.find((e) => e.number === n);
    if (met) return { year: met.year, month: met.month };
  }
  return null;
}

/** The year a numbered plan heading names (`二、2005年工作总体部署`, `二、关于1998年政府工作的建议`). */
function planHeadingYear(sections: SectionInfo[], k: Knowledge): number | null {
  for (const s of sections) {
    if (s.kind !== 'chinese-numeral') continue;
    const y = s.heading.match(YEAR_NAMED);
    if (y && k.periods.targetHeadings.some((w) => s.heading.includes(w)) && !k.periods.reviewHeadings.some((w) => s.heading.includes(w))) return yearNumber(y[1]!, k);
  }
  return null;
}

/**
 * Without a dated line, title or dated heading (`一、过去五年政府工作的回顾`), the last year a review
 * section names is the year it reviews: its review runs up to it (`从1997年的…增加到2002年的…`).
 * Target dates (`到2010年`) are not reviewed years.
 */
function latestReviewedYear(text: string, sections: SectionInfo[], k: Knowledge): number | null {
  const numbered = sections.filter((s) => s.kind === 'chinese-numeral');
  const reviews = numbered.filter(
    (s) => k.periods.reviewHeadings.some((w) => s.heading.includes(w)) || k.periods.spans.some((sp) => sp.direction === 'back' && sp.years > 1 && sp.words.some((w) => s.heading.includes(w))),
  );
  // (a report may review in its unheaded opening, before its first numbered part)
  const regions = reviews.map((s) => [s.start, s.end] as const);
  if (numbered[0]) regions.push([0, numbered[0].start]);
  const changeTo = periodWordsOf(k).changeToEnd;
  for (const [start, end] of regions) {
    const body = text.slice(start, end);
    const counts = new Map<number, number>();
    for (const m of allMatches(body, ANY_YEAR)) {
      const before = body.slice(Math.max(0, m.index - 4), m.index);
      if (k.periods.targetBefore.some((w) => before.endsWith(w)) && !changeTo.test(before)) continue;
      // (nor are the years of targets and plans: `2035年远景目标`, `2025年规划`)
      const after = body.slice(m.index + m[0].length, m.index + m[0].length + 4);
      if (k.words.target.some((w) => after.includes(w)) || k.periods.nameAfter.some((w) => after.includes(w))) continue;
      const year = yearNumber(m[1]!, k);
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
    // the latest year named more than once (a year in passing, `2010年远景目标`, is named once)
    const years = [...counts].filter(([, n]) => n > 1).map(([y]) => y);
    if (years.length) return Math.max(...years);
  }
  return null;
}

/** A line holding only a date (periods.dateLine), in Arabic or Chinese digits: [year, month]. */
function dateLine(text: string, dt: TimeWords, k: Knowledge): [number, number] | null {
  if (!dt.dateLine) return null;
  dt.dateLine.lastIndex = 0;
  const m = dt.dateLine.exec(text);
  if (!m) return null;
  const year = chineseDigits(m[1]!, k);
  // (`2024-01-23`: the numeric forms hold the month in group 4)
  const month = chineseDigits(m[2] ?? m[4]!, k);
  return year !== null && year >= 1900 && year < 2100 && month !== null && month >= 1 && month <= 12 ? [year, month] : null;
}
