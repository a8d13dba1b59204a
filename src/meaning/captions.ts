/**
 * Captions of charts and tables (`图1 2021-2025年新乡市三次产业增加值占地区生产总值比重`, `表5 2025年…`): a line naming what a
 * chart or table shows (periods.captionPattern). Its years are the chart's, not a topic of the prose after it
 * (paragraph-carries.ts).
 */
import type { Knowledge } from '../extract/knowledge.js';
import { periodPattern } from './period-patterns.js';

/** Whether `line` opens as a chart's or table's caption (periods.captionPattern). */
export function isCaption(line: string, k: Knowledge): boolean {
  return periodPattern(k, 'captionPattern', 'u')?.test(line) ?? false;
}
