/**
 * How a year is written in Chinese reports: in Arabic digits or digit by digit in Chinese ones
 * (`2022年`, `一九九七年`, `二〇〇二年`), named, ranged (`从1979年到1982年`), spanned (`2021—2023年`) or
 * listed and counted (`1978、1979两年`), and the numbers those digits stand for (numerals.yaml). The leaf
 * the document's time, the markers of a sentence and the plans' periods all read years through.
 */
import type { Knowledge } from '../extract/knowledge.js';

/** A year in Arabic digits or written digit by digit in Chinese ones (`一九九七年`, `二〇〇二年`, as congress reports write them). */
// (`二00一年`: Chinese digits with Latin zeros, as some copies write them)
export const YEAR_DIGITS = String.raw`(?:19|20)\d{2}|[一二][九〇零○0][〇零○0一二三四五六七八九]{2}`;
/** A year named, in Arabic digits or Chinese ones (`一、一九八一年的工作`, `由一九八○年的…`): group 1. */
export const YEAR_NAMED = new RegExp(String.raw`(?<![\d.〇零○一二三四五六七八九十])(${YEAR_DIGITS})\s*年`, 'u');
export const ANY_YEAR = new RegExp(String.raw`(?<![\d.〇零○一二三四五六七八九十])(${YEAR_DIGITS})\s*年`, 'gu');

/** A range of years opening a sentence, then a few words of no clause break and its comma (`从1979年到1982年的四年内,`, `从1979至1981年,`). */
export const RANGE_OPENING = new RegExp(String.raw`^(?:从|由)?\s*(?:${YEAR_DIGITS})\s*年?\s*(?:到|至)\s*(?:${YEAR_DIGITS})\s*年[^,，;；:：。\d\n]{0,8}?[,，]`, 'u');

/** `从1992年到`, `1950年到` right before a year: the start of a range of years. */
export const YEAR_RANGE_START = new RegExp(String.raw`(?:(?:从|由)\s*)?(${YEAR_DIGITS})\s*年\s*(?:到|至)\s*$`, 'u');

export function yearNumber(digits: string, k: Knowledge): number {
  return /^\d+$/u.test(digits) ? Number(digits) : (chineseDigits(digits.replace(/[○0]/gu, '〇'), k) ?? 0);
}

/** `2022`, `二〇二二` (digit by digit), `十二`, `三` (a month): numerals.yaml digits and places. */
export function chineseDigits(s: string, k: Knowledge): number | null {
  if (/^\d+$/u.test(s)) return Number(s);
  let value = 0;
  let digit: number | null = null;
  let placed = false;
  for (const c of s) {
    const d = k.digits.get(c);
    const place = k.places.get(c);
    if (d !== undefined) {
      if (digit !== null && !placed) value = value * 10 + digit; // 二〇二二: positional
      else if (digit !== null) value += digit;
      digit = d;
    } else if (place !== undefined) {
      value += (digit ?? 1) * place;
      digit = null;
      placed = true;
    } else return null;
  }
  if (digit !== null) value = placed ? value + digit : value * 10 + digit;
  return value;
}

/** `2021—` right before a year: the start of a span of years (`2021—2023年`). */
// (`一九五三——一九五七年`: in Chinese digits too, and with the double dash of older typesetting)
export const YEAR_SPAN_START = new RegExp(String.raw`(${YEAR_DIGITS})\s*(?:[—–\-~]{1,2}|至|到)\s*$`, 'u');

/** Years listed, then counted (`1978、1979两年`, `一九八一、一九八二两年`): group 1 the first year, 2 the last, 3 the count. */
export const LISTED_YEARS = new RegExp(
  String.raw`(?<![\d.〇零○一二三四五六七八九十])(${YEAR_DIGITS})\s*年?(?:\s*[、和与及]\s*(?:${YEAR_DIGITS})\s*年?)*\s*[、和与及]\s*(${YEAR_DIGITS})\s*年?\s*([两二三四五六七八九十])\s*个?年`,
  'gu',
);

/** A month's number in Arabic digits or in Chinese numerals (`9`, `九`, `十二`), as the reports of another era write them (`一至九月`). */
export const MONTH_NUMBER = String.raw`(?:\d{1,2}|十[一二]|[一二三四五六七八九十])`;

/** The month a MONTH_NUMBER stands for (`九` → 9, `12` → 12). */
export function monthNumber(s: string, k: Knowledge): number {
  return /^\d+$/u.test(s) ? Number(s) : (chineseDigits(s, k) ?? 0);
}
