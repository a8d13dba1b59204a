/**
 * Captions of charts and tables (`图1 2021-2025年新乡市三次产业增加值占地区生产总值比重`, `表5 2025年…`): a line naming what a
 * chart or table shows (periods.captionPattern). Its years are the chart's, not a topic of the prose after it
 * (paragraph-carries.ts). A table's caption also names what its rows are about (captionSubject: src/tables/).
 */
import { alternation, type Knowledge } from '../extract/knowledge.js';
import type { RuleSet } from '../rules/types.js';
import { tableWords } from '../tables/headers.js';
import { periodPattern } from './period-patterns.js';

/** Whether `line` opens as a chart's or table's caption (periods.captionPattern). */
export function isCaption(line: string, k: Knowledge): boolean {
  return periodPattern(k, 'captionPattern', 'u')?.test(line) ?? false;
}

/** The longest subject a caption names: longer is a sentence, not a name. */
const MAX_SUBJECT = 16;

/** What a caption's words are, compiled once per rule set (tables.yaml). */
interface CaptionWords {
  tails: string[];
  /** The closing words saying the cells are changes (tables.captionChanges). */
  changes: Set<string>;
  breakdowns: RegExp | null;
  /** The place before the subject (tables.captionPlace). */
  place: RegExp | null;
  /** Words joining several facts (tables.captionConjunctions): a subject holding one labels no row. */
  conjunctions: string[];
  /** The year-end words (indicators.yaml indicatorWords.scopes year-end) a caption writes after its year (`2025年年末`). */
  yearEnd: RegExp | null;
  period: RegExp;
  /** An index's base written after the subject (`居民消费价格指数 以上年为100`; tables.indexBase). */
  indexBase: RegExp | null;
}

const captionWordsCache = new WeakMap<RuleSet, CaptionWords>();

function captionWords(rules: RuleSet): CaptionWords {
  let words = captionWordsCache.get(rules);
  if (!words) {
    const t = rules.tables ?? {};
    const breakdowns = t.captionBreakdowns ?? [];
    const yearEnd = (rules.indicatorWords as { scopes?: Record<string, string[]> } | undefined)?.scopes?.['year-end'] ?? [];
    words = {
      tails: [...new Set([...(t.captionTails ?? []), ...(t.captionChanges ?? [])])].sort((a, b) => b.length - a.length),
      changes: new Set(t.captionChanges ?? []),
      breakdowns: breakdowns.length ? new RegExp(alternation(breakdowns), 'gu') : null,
      place: t.captionPlace ? new RegExp(t.captionPlace, 'u') : null,
      conjunctions: t.captionConjunctions ?? [],
      yearEnd: yearEnd.length ? new RegExp(`^(?:${alternation(yearEnd)})`, 'u') : null,
      period: tableWords(rules).period,
      indexBase: t.indexBase ? new RegExp(`[,，]?\\s*(?:${t.indexBase})`, 'gu') : null,
    };
    captionWordsCache.set(rules, words);
  }
  return words;
}

/** What a table's caption says of its cells (readCaption). */
export interface CaptionReading {
  /** What its rows are parts of (`常住人口`), or null when it names none clearly. */
  subject: string | null;
  /** Its closing word when that says the cells are changes (`增速`, `比上年涨跌幅度`: tables.captionChanges), else null. */
  change: string | null;
}

/**
 * The subject a table's caption names (`表1 2025年年末某市常住人口数及其构成` → 常住人口, `表5 2025年分行业固定资产投资完成
 * 情况` → 固定资产投资): the words after its number, period and place, without breakdown words (`分行业`, `主要`) and
 * notes, before a closing word of tables.captionTails. Null when the line is no table's caption, names no such closing
 * word, or names several facts or a sentence.
 */
export function captionSubject(line: string, rules: RuleSet): string | null {
  return readCaption(line, rules)?.subject ?? null;
}

/** A table's caption read: its subject (captionSubject) and whether its closing word says the cells are changes; null for a line that is no caption. */
export function readCaption(line: string, rules: RuleSet): CaptionReading | null {
  // (its number, `表5`, `附表1`, `表 1：` before what it names: tables.tableNumber)
  const number = tableWords(rules).caption?.exec(line);
  if (!number) return null;
  const w = captionWords(rules);
  // (a note in brackets, `（CPI）`, `（不含农户）`: no part of the subject; tables.noteBrackets)
  let text = line.slice(number[0].length).replace(tableWords(rules).note, '');
  if (w.indexBase) text = text.replace(w.indexBase, '');
  const period = w.period.exec(text);
  if (period && period.index === 0) text = text.slice(period[0].length);
  text = text.replace(/\s+/gu, '');
  if (w.yearEnd) text = text.replace(w.yearEnd, '');
  if (w.place) text = text.replace(w.place, '');
  if (w.breakdowns) text = text.replace(w.breakdowns, '');
  const tail = w.tails.find((t) => text.endsWith(t) && text.length > t.length);
  if (!tail) return { subject: null, change: null };
  const subject = text.slice(0, text.length - tail.length);
  const change = w.changes.has(tail) ? tail : null;
  if (subject.length < 2 || subject.length > MAX_SUBJECT || w.conjunctions.some((c) => subject.includes(c)) || !/^\p{Script=Han}/u.test(subject)) return { subject: null, change };
  return { subject, change };
}
