/**
 * periods.yaml's time entries compiled once per rule set (TimeWords): congresses, `N年来`, points of a
 * century, streaks, averages, comparison bases, start values, the delivery date line and title words.
 * A rule pattern becomes a Scan: the search and a literal every match holds (requiredLiteral), so a
 * sentence without the literal is not searched at all.
 */
import { alternation, type Knowledge } from '../extract/knowledge.js';
import { YEAR_DIGITS } from './year-numerals.js';
import { planWordsOf } from './period-words.js';

const HAN = /\p{Script=Han}/u;

export interface TimeWords {
  congresses: { re: RegExp; since: Scan | null; number: number; year: number; every: number; month?: number; earlier?: { number: number; year: number; month: number }[] }[];
  /** `N年来` with any N: group 1 the number. */
  yearsSince: Scan | null;
  /** Points of a century (`本世纪末`) and their offsets, longest word first. */
  centuryPoints: [string, number][];
  /** The literals of the scans above (yearsSince, congresses' since, streaks, century points) as one search; null when one has none. */
  scanAnchors: RegExp | null;
  /** Average words (平均每年, 年均), and `从1997年` (group 1 the year) in a sentence. */
  average: RegExp | null;
  fromYear: RegExp | null;
  averageFrom: RegExp | null;
  /** A comparison base year before a change (`比1995年增长69%`): group 1 the year. */
  changeBase: RegExp | null;
  /** A comparison base year right before its own value (`比一九八○年的`, `较2020年底的`). */
  baseValue: RegExp | null;
  /** A comparison base set for a sentence (`同完成经济恢复的1952年相比`, periods.comparisonStart before 相比): group 1 the year. */
  setBase: RegExp | null;
  /** A start word and what follows it up to the figure (group 1); a change to a level after a figure. */
  startBefore: RegExp | null;
  startAfter: RegExp | null;
  dateLine: RegExp | null;
  /** A streak of N years (`连续五年`) or an average over them (`两年平均`): group 1 the number. */
  streaks: (Scan & { bare: boolean })[];
  /** A sentence opening that continues the sentence before (`这一目标…`). */
  continuation: RegExp | null;
  titles: { words: string[]; year: 'review' | 'delivery' }[];
  workReport: RegExp | null;
}
/** A rule pattern as a search, and a literal every match holds (a sentence without it is not searched). */
interface Scan {
  re: RegExp;
  literal: string;
}
function scanOf(pattern: string): Scan {
  return { re: new RegExp(pattern, 'gu'), literal: requiredLiteral(pattern) };
}

/**
 * The longest run of Chinese characters that every match of `pattern` holds: written outside any group, class or
 * lookaround, and not made optional by a quantifier (`年来` of `([一二三]{1,3})\s*年来`). '' when there is none or
 * the pattern has alternatives at its top level. (Rule patterns are short: a character walk, no regex parser.)
 */
export function requiredLiteral(pattern: string): string {
  let depth = 0;
  let best = '';
  let run = '';
  const end = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      end();
      i++;
      continue;
    }
    if (c === '[') {
      end();
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') {
      end();
      depth++;
      continue;
    }
    if (c === ')') {
      end();
      depth--;
      continue;
    }
    if (c === '|' && depth === 0) return '';
    // (`个?` is optional; `年+`, `年{2}` are required, but what follows them is no longer next to them)
    const next = pattern[i + 1] ?? '';
    const optional = next === '?' || next === '*' || (next === '{' && pattern[i + 2] === '0');
    if (depth === 0 && HAN.test(c) && !optional) {
      run += c;
      if (next === '+' || next === '{') end();
    } else end();
  }
  end();
  return best;
}

const timeWordCache = new WeakMap<Knowledge, TimeWords>();
/** periods.yaml's document-time entries, compiled once per rule set. */
export function timeWordsOf(k: Knowledge): TimeWords {
  let words = timeWordCache.get(k);
  if (!words) {
    const p = k.periods;
    const starts = alternation(p.startBefore);
    const changes = alternation([...k.words.increase, ...k.words.decrease, ...p.shortChanges]);
    words = {
      congresses: (p.congresses ?? []).map((c) => ({ ...c, re: new RegExp(c.pattern, 'u'), since: c.since ? scanOf(c.since) : null })),
      yearsSince: p.yearsSince ? scanOf(p.yearsSince) : null,
      centuryPoints: Object.entries(p.centuryPoints ?? {}).sort((a, b) => b[0].length - a[0].length),
      scanAnchors: null,
      average: p.averageWords?.length ? new RegExp(alternation(p.averageWords), 'u') : null,
      // (or the first year of a range, `一九七八年到一九八二年,…由…增加到…`, or a comparison base, `一九八二年同一九七八年
      // 相比,…由…增加到…`: the years the sentence runs from)
      fromYear: p.startBefore.length
        ? new RegExp(String.raw`(?:(?:${alternation([...p.startBefore, ...(p.comparisonStart ?? [])])})\s*(${YEAR_DIGITS})\s*年|(${YEAR_DIGITS})\s*年\s*(?:到|至)\s*(?=(?:${YEAR_DIGITS})\s*年))`, 'gu')
        : null,
      // `比1989年增长近两倍,年均增长9.3%`: an average since a base year
      changeBase: p.changeBase?.length ? new RegExp(String.raw`(?:${alternation(p.changeBase)})\s*(${YEAR_DIGITS})\s*年`, 'gu') : null,
      // (or a numbered plan's years, `比第五个五年计划期间的五百七十七亿元`)
      baseValue: p.changeBase?.length
        ? new RegExp(String.raw`(?:${alternation(p.changeBase)})\s*["“]?(?:(?:${YEAR_DIGITS})\s*年(?:${alternation(p.yearEdges)})?|${planWordsOf(k)?.re.source ?? '(?!)'})的\s*$`, 'u')
        : null,
      setBase: p.comparisonStart?.length ? new RegExp(String.raw`(?:${alternation(p.comparisonStart)})[^,，;；:：。\d]{0,12}?(${YEAR_DIGITS})\s*年\s*(?:相比|相较|比较)`, 'gu') : null,
      averageFrom: p.averageFrom?.length ? new RegExp(String.raw`(?:${alternation(p.averageFrom)})\s*(${YEAR_DIGITS})\s*年`, 'gu') : null,
      // (what stands between the start word and the figure holds no clause break and no other figure's digits)
      // (a 、-list of start values, `分别从每人每月202元、270元提高到209元、280元`: the items before this one are start values too)
      startBefore: p.startBefore.length ? new RegExp(String.raw`(?:${starts})([^,，;；:：。\d%]*(?:(?:19|20)\d{2}\s*年[^,，;；:：。\d%]*)?)(?:\d[\d.]*[^,，;；:：。、\d]{0,6}[、和]\s*)*$`, 'u') : null,
      // (its items may name their own years and be written in Chinese numerals, and a short clause may open the change:
      // `从1979年的一百七十亿元、1980年的一百二十七亿元,预计降低到…`)
      startAfter: p.startBefore.length
        ? new RegExp(String.raw`^(?:(?:左右|多|以上|以下)?\s*[、和]\s*(?:(?:${YEAR_DIGITS})\s*年的?\s*)?(?:\d[\d.]*|[〇零○一二两三四五六七八九十百千万亿点]+)[^,，;；:：。、\d]{0,6}?)*(?:左右|多|以上|以下)?\s*(?:[,，][^,，;；:：。\d]{0,4}?)?(?:${changes})(?:${alternation(k.words.changeTo)})`, 'u')
        : null,
      dateLine: p.dateLine ? new RegExp(p.dateLine, 'mu') : null,
      streaks: [
        ...(p.streak ? [{ ...scanOf(p.streak), bare: false }] : []),
        ...(p.averageOverYears ? [{ ...scanOf(p.averageOverYears), bare: true }] : []),
      ],
      continuation: p.continuations?.length ? new RegExp(`^[\\s　]*(?:${alternation(p.continuations)})`, 'u') : null,
      titles: p.titles ?? [],
      workReport: p.workReportOpenings?.length ? new RegExp(alternation(p.workReportOpenings), 'u') : null,
    };
    const literals = [words.yearsSince, ...words.congresses.map((c) => c.since), ...words.streaks].filter((s) => s !== null).map((s) => s.literal);
    words.scanAnchors = literals.includes('') ? null : new RegExp(alternation([...literals, ...words.centuryPoints.map(([w]) => w)]), 'u');
    timeWordCache.set(k, words);
  }
  return words;
}
