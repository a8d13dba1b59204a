/**
 * A budget or plan report's own time from its title when the title names two years: the year reviewed and the year
 * planned (`关于2030年预算执行情况与2031年预算草案的报告`, `关于2030年国民经济和社会发展计划执行情况与2031年计划草案的报告`).
 * Such a report is delivered for the planned year, at the turn of the years (December or January): it reviews the
 * year before it. The title's first year is the reviewed one, not the year it is delivered for.
 */
import type { Knowledge } from '../extract/knowledge.js';
import { planReportYears } from './plan-periods.js';

type TitleYear = { year: number; kind: 'review' | 'delivery' } | null;

/**
 * The title's reading (document-time.ts titleYear) with the planned year put in place of the reviewed one, when the
 * report's opening presents the plan or budget of the year after the title's year (periods.yearPlans).
 */
export function plannedTitleYear(title: TitleYear, text: string, k: Knowledge): TitleYear {
  if (title?.kind !== 'delivery') return title;
  const planned = planReportYears(text, k);
  return planned.includes(title.year + 1) && !planned.includes(title.year) ? { year: title.year + 1, kind: 'delivery' } : title;
}

/** A numbered heading's opening (`一、`, `（一）`, `1.`, `第一部分`). */
const HEADING = /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[、.．]|第[一二三四五六七八九十]+[部章节])/u;
/** Longest a line of a title broken over two lines may be (each part). */
const TITLE_PART = 40;

/**
 * A title broken over two lines (`2025年焦作市国民经济和社会发展` / `统计公报`, `关于洛阳市2025年预算执行情况和` /
 * `2026年预算（草案）的报告`), as copies of printed reports set it: each two short lines of `head` without clause
 * punctuation joined, one candidate title a line, for the title reader (document-time.ts titleYear) when no line alone
 * is a title.
 */
export function titleLinesJoined(head: string): string {
  const lines = head.split('\n', 12).map((l) => l.trim());
  // (a numbered heading, `一、1998年工作回顾`, is no part of a title)
  const part = (l: string | undefined) => l !== undefined && l.length > 0 && l.length <= TITLE_PART && !/[,，。;；!！?？:：]/u.test(l) && !HEADING.test(l);
  const joined: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) if (part(lines[i]) && part(lines[i + 1])) joined.push(lines[i]! + lines[i + 1]!);
  return joined.join('\n');
}
