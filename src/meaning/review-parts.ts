/**
 * The two parts of a review that covers a five-year plan and its last year under one heading
 * (`一、"十四五"时期和2025年工作回顾`, delivered early in 2026): the review of the year (opening `刚刚过去的2025年,…`,
 * `这一年,…`, `过去一年,…`) dates its figures to that year, the review of the plan's years (opening `这五年,…`, `五年来`,
 * `"十四五"时期是…`) to the span. Both may come first, and each may have subheadings of its own; the heading alone
 * cannot tell which part a figure is in, the paragraph that opens the part does.
 */
import type { Knowledge } from '../extract/knowledge.js';

/** A carried period (PeriodContext['carries'] in time.ts). */
export interface Carry {
  start: number;
  period: string;
  target: boolean;
}

/** What sections.ts knows of a section (its heading's facts), as far as this needs it. */
export interface ReviewSection {
  start: number;
  end: number;
  kind?: string;
  facts: { review: boolean; span: string | null };
}

/** A period marker as markers.ts reads one (only what this needs). */
export interface OpeningMarker {
  at: number;
  period: string;
  source?: string;
  target?: boolean;
}

type Part = 'year' | 'span' | null;

/** Sentences of a paragraph's opening read for its part (the second when the first only introduces, see partOf). */
const OPENING_SENTENCES = 2;
/** How far into a sentence its opening period may start (after `刚刚过去的`, quotes). */
const OPENING_AT = 6;

/**
 * The carries of `carries` with the two parts of such a review set apart: at each paragraph opening a part, a carry
 * of its period (the year, the span); inside a part, paragraph and subheading carries left by the other part or
 * falling back to the heading (none of their own) are of the part's period. Carries inside a paragraph (`。五年来,…`)
 * stay as they are.
 */
export function reviewPartCarries(
  text: string,
  sections: ReviewSection[],
  carries: Carry[],
  reviewYear: number | null,
  markers: (sentence: string) => OpeningMarker[],
  k: Knowledge,
): Carry[] {
  const words = k.periods.reviewParts;
  if (reviewYear === null || !words) return carries;
  const added: Carry[] = [];
  const ranges: { start: number; end: number; part: 'year' | 'span'; span: string; year: string }[] = [];
  for (const s of sections) {
    if (s.kind !== 'chinese-numeral' || !s.facts.review || !s.facts.span?.includes('/')) continue;
    // (only a span ending in the year reviewed has a last year reviewed beside it)
    if (Number(s.facts.span.slice(5)) !== reviewYear) continue;
    const span = s.facts.span;
    const year = String(reviewYear);
    let part: Part = null;
    let from = -1;
    for (const { at, part: opens } of partOpenings(text, s.start, s.end, reviewYear, markers, k)) {
      if (opens === part) continue;
      if (part) ranges.push({ start: from, end: at, part, span, year });
      from = at;
      added.push({ start: at, period: opens === 'year' ? year : span, target: false });
      part = opens;
    }
    if (part) ranges.push({ start: from, end: s.end, part, span, year });
  }
  if (!ranges.length) return carries;
  const atLineEdge = (at: number) => at === 0 || text[at - 1] === '\n' || text[at] === '\n';
  // (inside a part, a carry of none, or one restored at a line's end to the other part's period, is what the
  // paragraphs before it left)
  const out = carries.map((c) => {
    const r = ranges.find((r) => c.start > r.start && c.start < r.end);
    if (!r || !atLineEdge(c.start)) return c;
    const own = r.part === 'year' ? r.year : r.span;
    const other = r.part === 'year' ? r.span : r.year;
    // (a paragraph's own carry, at its start, stands: `应当看到,刚刚过去的2003年,…` in the plan's part is of its year)
    return c.period === '' || (c.period === other && text[c.start] === '\n') ? { ...c, period: own, target: false } : c;
  });
  // (at one position, the year's carry before the paragraph's own: the later one wins in timeOf)
  return [...added, ...out].sort((a, b) => a.start - b.start);
}

/**
 * The paragraphs of a section (from `start`, its heading line, to `end`) that open a part, in text order: where each
 * starts and which part it opens (partOf).
 */
function* partOpenings(text: string, start: number, end: number, reviewYear: number, markers: (sentence: string) => OpeningMarker[], k: Knowledge): Generator<{ at: number; part: 'year' | 'span' }> {
  const firstLine = text.indexOf('\n', start);
  for (let at = firstLine < 0 ? end : firstLine + 1; at < end; ) {
    const lineEnd = Math.min(end, (text.indexOf('\n', at) + 1 || text.length + 1) - 1);
    const part = partOf(text.slice(at, lineEnd), reviewYear, markers, k);
    if (part) yield { at, part };
    at = lineEnd + 1;
  }
}

/**
 * Where a section reviewing a span and its last year `year` (from `start`, its heading line, to `end`) turns to the
 * year: the first paragraph opening the year's part (partOf: `刚刚过去的2025年是…`, `2025年,…`, `一年来,…`, `过去一年,…`),
 * else `end`. The section's span is the default of its figures before it only.
 */
export function yearPartStart(text: string, start: number, end: number, year: number, markers: (sentence: string) => OpeningMarker[], k: Knowledge): number {
  for (const { at, part } of partOpenings(text, start, end, year, markers, k)) if (part === 'year') return at;
  return end;
}

/**
 * The part a paragraph opens, from its first sentences: the plan's years when one of them opens on a span back
 * (`五年来,`, `"十四五"时期`), the year when the first opens on it (`2025年是…`, `刚刚过去的2025年,`, `这一年,`) and
 * the second does not turn to the span (`2025年是"十四五"收官之年。五年来,…`). A paragraph opening with neither,
 * after an address (`各位代表!透过2025回望"十四五",…。这五年,…`), is read on its second sentence.
 */
export function partOf(line: string, reviewYear: number, markers: (sentence: string) => OpeningMarker[], k: Knowledge): Part {
  const words = k.periods.reviewParts;
  if (!words) return null;
  let body = line.replace(/^[ \t—]+/u, '');
  const address = k.periods.salutations?.find((w) => body.startsWith(w));
  if (address) body = body.slice(address.length).replace(/^[!！,，]\s*/u, '');
  const sentences = body.split('。', OPENING_SENTENCES + 1).slice(0, OPENING_SENTENCES);
  const first = sentenceOpening(sentences[0] ?? '', reviewYear, markers, words);
  if (first === 'span') return 'span';
  if (first === null && !address) return null;
  const second = sentences.length > 1 ? sentenceOpening(sentences[1]!, reviewYear, markers, words) : null;
  if (second === 'span') return 'span';
  return first ?? second;
}

function sentenceOpening(sentence: string, reviewYear: number, markers: (sentence: string) => OpeningMarker[], words: NonNullable<Knowledge['periods']['reviewParts']>): Part {
  let s = sentence.replace(/^[“"‘'「]/u, '');
  // (an opening may hold a yearBefore word itself: `刚刚过去的一年`, `过去的一年`)
  if (words.yearOpenings?.some((w) => s.startsWith(w))) return 'year';
  const before = words.yearBefore?.find((w) => s.startsWith(w));
  if (before) s = s.slice(before.length);
  if (words.yearOpenings?.some((w) => s.startsWith(w))) return 'year';
  const head = s.slice(0, OPENING_AT + 8);
  const first = markers(head).find((m) => m.at <= OPENING_AT && !m.target);
  if (!first) return null;
  if (first.source === 'span' && first.period.includes('/')) return 'span';
  // (a year opening its sentence as its topic: `2025年,…`, `2025年是…`, not `2025年1月,…高铁开通`)
  if (first.period === String(reviewYear) && first.at <= 1 && /^\s*[,，是的]/u.test(head.slice(head.indexOf('年', first.at) + 1))) return 'year';
  return null;
}

/**
 * Whether a figure under a span of years is the level reached at its end rather than a total over it: a level, share
 * or count (no change) written after a word of passing or reaching (`突破3万亿元`, `超过3万亿元`, `迈上6万亿元台阶`,
 * `达到400座`), the word in the figure as read or right before it, or a word of having earlier in its clause (`拥有…120家`);
 * not a count of what is new (`新增…达到500个`, a flow). `finished`: the years ended before the document was delivered.
 */
export function levelAtEnd(
  text: string,
  clause: string,
  pos: number,
  end: number,
  shape: { kind: string; change: string | null } | undefined,
  k: Knowledge,
  finished = true,
): boolean {
  if (!shape || shape.change !== null || !(shape.kind === 'level' || shape.kind === 'share' || shape.kind === 'count')) return false;
  const parts = k.periods.reviewParts;
  let words = [...(parts?.endLevels ?? []), ...(k.periods.levelReached ?? [])];
  // (a count after a bound, `超过2000万套`, is as often a total over the years; nor is a count of what is new a level)
  if (shape.kind === 'count') {
    if ([...(k.words.listScopes ?? []), ...(parts?.totals ?? [])].some((w) => clause.includes(w))) return false;
    // (…unless the clause names the stock it bounds, `5G基站总数超过10万个`, at the end of finished years)
    if (!finished || !parts?.stocks?.some((w) => clause.includes(w))) words = words.filter((w) => !parts?.bounds?.includes(w));
  }
  // (what the place has or reaches as the span ends, `拥有…企业120家`, `登记在册船舶82艘`, `通达…584个港口`; not
  // `利用现有闲置资源…`, resources used; nor when the years run into the document's own, whose present it is)
  if (finished && parts?.holdings?.some((w) => clause.includes(w) && !(k.periods.presentAsObject ?? []).some((v) => clause.includes(v + w)))) return true;
  if (!words.length) return false;
  const own = text.slice(pos, end).match(/^[^\d〇零一二两三四五六七八九十百千万亿]*/u)![0];
  const lead = text.slice(Math.max(0, pos - 8), pos).replace(/[\s的]+$/u, '');
  return words.some((w) => own.endsWith(w) || (own === '' && lead.endsWith(w)));
}

/** Longest line read as a title (a heading with no number: `2026年重点工作`, `"十四五"时期工作回顾`). */
const TITLE_LENGTH = 60;

/**
 * Whether the line starting at `at` is a title with no number: short, with no clause punctuation and no date
 * (`——2026年1月27日在…` is a delivery line). Work reports of some regions head their parts so (`"十四五"时期工作回顾`,
 * `2026年重点工作`): the subheadings under one (`（一）…`) are in its part, as under `二、2026年重点工作`.
 */
export function isTitleLine(text: string, at: number): boolean {
  if (at > 0 && text[at - 1] !== '\n') return false;
  const end = text.indexOf('\n', at);
  const line = text.slice(at, end < 0 ? text.length : end).trim();
  return line.length > 0 && line.length <= TITLE_LENGTH && !/[,，。;；:：!！?？]/u.test(line) && !/年\s*\d{1,2}\s*月|[〇零一二三四五六七八九十]月/u.test(line) && !/^[—-]/u.test(line);
}
