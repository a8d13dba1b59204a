/**
 * Fractions written as fractions (issue 9): `N分之M` in Chinese numerals (三分之一, 十分之一) and `M/N` in
 * digits (1/3, 2/3), read as a share in % (rules/core/numerals.yaml `fractions`), so that 三分之一 and 33%
 * compare. 百分之 and 千分之 are not read here: they are units (scan.ts, `fractionPrefixes`).
 *
 * A fraction is exact as written: its interval is the smallest with ends of `places` decimals that holds
 * M/N itself (the numbers are decimals, 1/3 is not one), and a qualifier opens or widens it as it does
 * any figure (SEMANTICS.md), taking the enclosure's outer end so the interval still holds M/N.
 */
import { Decimal } from 'decimal.js';
import { InputError } from '../model.js';
import type { FractionSettings } from '../rules/types.js';
import { Exact } from './exact.js';
import type { ExactInterval } from './intervals.js';
import type { Knowledge, QualifierWord, UnitSpelling } from './knowledge.js';
import { isAsciiDigit, readChinese, type NumberReading } from './numerals.js';
import type { ScannedFigure } from './scan.js';
import { unitAt } from './units.js';

/** The `fractions` settings compiled for the scanner. */
export interface FractionKnowledge {
  word: string;
  slashes: Set<number>;
  unit: UnitSpelling;
  scale: Decimal;
  places: number;
  roundness: Exact;
  maxDigitDenominator: number;
  notBeforeDigit: Set<string>;
  notAfterDigit: Set<string>;
  namesAfter: string[];
  /** Chinese digits and places by UTF-16 unit: the run before 分之 is looked past with it, no string made. */
  numeral: Uint8Array;
}

export function fractionKnowledge(settings: FractionSettings | undefined, units: UnitSpelling[], numerals: Iterable<string>): FractionKnowledge | null {
  if (!settings?.word) return null;
  const spelling = settings.unit ?? '%';
  const unit = units.find((u) => u.spelling === spelling);
  if (!unit) throw new InputError(`rules: numerals.fractions.unit: no unit is spelt "${spelling}"`);
  let roundness: Exact;
  try {
    roundness = Exact.of(String(settings.roundness ?? 1));
  } catch {
    throw new InputError(`rules: numerals.fractions.roundness: not a decimal (${String(settings.roundness)})`);
  }
  return {
    word: settings.word,
    slashes: new Set((settings.slashes ?? []).map((s) => s.charCodeAt(0))),
    unit: { ...unit, spelling: settings.word, needsMagnitude: false },
    scale: new Decimal(settings.scale ?? 100),
    places: settings.places ?? 4,
    roundness,
    maxDigitDenominator: settings.maxDigitDenominator ?? 10,
    notBeforeDigit: new Set(settings.notBeforeDigitFraction ?? []),
    notAfterDigit: new Set(settings.notAfterDigitFraction ?? []),
    namesAfter: settings.namesAfter ?? [],
    numeral: numeralTable(numerals),
  };
}

function numeralTable(numerals: Iterable<string>): Uint8Array {
  const table = new Uint8Array(65536);
  for (const n of numerals) if (n.length === 1) table[n.charCodeAt(0)] = 1;
  return table;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/** Punctuation after which `M/N` ends as a share does (a clause or list break, a closing bracket or quote). */
const SHARE_END = new Set([...'，。；、：！？）」』”’》,;!?)'].map((c) => c.charCodeAt(0)));
/** Characters before `M/N` that glue it to a number, code, path or URL (3.1/2, a/1/2, x=1/2, #1/3). */
const GLUED_BEFORE = new Set([...'/.:-_#=&?%+*\\'].map((c) => c.charCodeAt(0)));

type Qualifiers = { before: (pos: number) => QualifierWord | null; after: (pos: number) => QualifierWord | null };

/**
 * `N分之M` starting at `pos` (a Chinese numeral start not glued to a numeral before it): the figure
 * with its qualifiers, or null. Cheap when it is none: the numeral run is looked past before reading.
 */
export function chineseFraction(text: string, pos: number, k: Knowledge, blocked: Uint8Array, q: Qualifiers): ScannedFigure | null {
  const f = k.fractions;
  if (!f) return null;
  let j = pos;
  while (j - pos < 6 && f.numeral[text.charCodeAt(j)]) j++;
  if (text.charCodeAt(j) !== f.word.charCodeAt(0) || !text.startsWith(f.word, j)) return null;
  const denominator = readChinese(text, pos, k);
  if (!denominator || denominator.end !== j || !plainInteger(denominator)) return null;
  const at = j + f.word.length;
  if (blocked[at] || !f.numeral[text.charCodeAt(at)]) return null;
  const numerator = readChinese(text, at, k);
  if (!numerator || !plainInteger(numerator)) return null;
  const m = numerator.value.toNumber();
  const n = denominator.value.toNumber();
  if (m < 1 || n < 2 || m > n) return null;
  if (f.namesAfter.some((w) => text.startsWith(w, numerator.end))) return null;
  const measure = measureAfter(text, numerator.end, k);
  if (measure) return figure(text, pos, numerator.end, m, n, f, k, q, measure);
  if (unitAfter(text, numerator.end, k)) return null;
  return figure(text, pos, numerator.end, m, n, f, k, q);
}

/**
 * `M/N` in digits starting at `pos` (an ASCII digit), or null: only where a reader reads a share
 * (see numerals.yaml `fractions` on what is not one).
 */
export function digitFraction(text: string, pos: number, k: Knowledge, q: Qualifiers): ScannedFigure | null {
  const f = k.fractions;
  if (!f) return null;
  let slash = pos;
  while (isAsciiDigit(text.charCodeAt(slash)) && slash - pos < 3) slash++;
  if (!f.slashes.has(text.charCodeAt(slash))) return null;
  let end = slash + 1;
  while (isAsciiDigit(text.charCodeAt(end)) && end - slash <= 3) end++;
  const mDigits = text.slice(pos, slash);
  const nDigits = text.slice(slash + 1, end);
  if (!nDigits || mDigits[0] === '0' || nDigits[0] === '0') return null;
  const m = Number(mDigits);
  const n = Number(nDigits);
  if (m < 1 || m >= n || n > f.maxDigitDenominator) return null;
  const before = text.charCodeAt(pos - 1);
  if (isAsciiDigit(before) || isAsciiLetter(before) || GLUED_BEFORE.has(before) || f.slashes.has(before) || f.notAfterDigit.has(text[pos - 1] ?? '')) return null;
  // 1/2小时: half of the unit after it
  const measure = measureAfter(text, end, k);
  if (measure) return figure(text, pos, end, m, n, f, k, q, measure);
  const next = text.charCodeAt(end);
  // (the end of the text too: nothing after it makes it a date or a page; a page number stands on a line of its own)
  const shareEnd = end === text.length || q.after(end) !== null || SHARE_END.has(next) || (isHan(next) && !f.notBeforeDigit.has(text[end]!) && !unitAfter(text, end, k));
  if (!shareEnd) return null;
  return figure(text, pos, end, m, n, f, k, q);
}

/**
 * A measure unit after a fraction (1/3亩, 1/2小时, 三分之一个世纪) makes it a quantity, not a share; a
 * person count (1/3人口, 三分之一人员) does not.
 */
function unitAfter(text: string, pos: number, k: Knowledge): boolean {
  const unit = unitAt(text, pos, k, false);
  return unit !== undefined && (unit.kind !== 'count' || !k.words.personMeasures.includes(unit.spelling));
}

/**
 * The unit of measure after a fraction that makes it that part of the unit (1/2小时 is 0.5 小时, 三分之一亩):
 * a measured amount (kind level), not a count (三分之一个世纪 names a span of time, 1/3个 nothing) and not
 * a word that makes `M/N` a date or a time (numerals.yaml notBeforeDigitFraction: 1/2日, 1/3分).
 */
function measureAfter(text: string, pos: number, k: Knowledge): UnitSpelling | null {
  const unit = unitAt(text, pos, k, false);
  if (!unit || unit.kind !== 'level' || k.fractions!.notBeforeDigit.has(text[pos]!)) return null;
  return unit;
}

function plainInteger(r: NumberReading): boolean {
  return !r.positional && !r.plus && !r.few && !r.magnitude && r.value.gte(Exact.ONE);
}

/**
 * The figure of M/N: a share in the fractions' unit, or with `measure` that part of a unit of measure
 * (1/2小时): M/N of one unit, converted by the unit's factor, enclosed at `places` decimals of the unit as
 * written; 左右 and 近 then apply to 1/N of the unit, the step a fraction of N parts is said at.
 */
function figure(text: string, start: number, end: number, m: number, n: number, f: FractionKnowledge, k: Knowledge, q: Qualifiers, measure?: UnitSpelling): ScannedFigure {
  const part = new Decimal(m).times(measure ? 1 : f.scale).div(n);
  const factor = measure ? measure.factor : Exact.ONE;
  const lo = Exact.ofDecimal(part.toDecimalPlaces(f.places, Decimal.ROUND_FLOOR)).times(factor);
  const hi = Exact.ofDecimal(part.toDecimalPlaces(f.places, Decimal.ROUND_CEIL)).times(factor);
  const value = Exact.ofDecimal(part.toDecimalPlaces(f.places, Decimal.ROUND_HALF_UP)).times(factor);
  const roundness = measure ? Exact.ofDecimal(new Decimal(1).div(n).toDecimalPlaces(f.places, Decimal.ROUND_HALF_UP)).times(factor) : f.roundness;
  const written = measure ? end + measure.spelling.length : end;
  const prefix = q.before(start);
  const suffix = q.after(written);
  const qualifier = suffix ?? prefix;
  const reading: NumberReading = {
    start,
    end,
    value,
    q: Exact.pow10(-f.places).times(factor),
    g: roundness,
    chinese: !isAsciiDigit(text.charCodeAt(start)),
    magnitude: false,
    factor: Exact.ONE,
    digitCount: end - start,
  };
  return {
    start: prefix ? start - prefix.word.length : start,
    end: suffix ? written + suffix.word.length : written,
    reading,
    unit: measure ?? f.unit,
    qualifier,
    interval: fractionInterval(lo, hi, qualifier, roundness, k),
    rank: false,
    placeholder: false,
    range: false,
  };
}

/**
 * The interval of M/N enclosed in [lo, hi] under a qualifier (SEMANTICS.md), each end taken from the
 * enclosure's outer side so that M/N stays inside (三分之二以上 is [66.6666, ∞), not [66.6667, ∞)); an open
 * end at an inexact enclosure's edge still holds M/N, which is strictly inside.
 */
function fractionInterval(lo: Exact, hi: Exact, qualifier: QualifierWord | null, roundness: Exact, k: Knowledge): ExactInterval {
  const floor = Exact.ofNumber(k.intervals.floor);
  const about = roundness.times(Exact.ofNumber(k.intervals.aboutHalfWidth));
  switch (qualifier?.form ?? null) {
    case 'at-least':
      return { lo, hi: null, loClosed: true, hiClosed: false };
    case 'more-than':
      return { lo, hi: null, loClosed: false, hiClosed: false };
    case 'at-most':
      return { lo: floor, hi, loClosed: true, hiClosed: true };
    case 'less-than':
      return { lo: floor, hi, loClosed: true, hiClosed: false };
    case 'about':
      return { lo: lo.minus(about), hi: hi.plus(about), loClosed: true, hiClosed: true };
    case 'nearly':
      return { lo: lo.minus(roundness.times(Exact.ofNumber(k.intervals.nearlyWidth))), hi, loClosed: true, hiClosed: false };
    default:
      return { lo, hi, loClosed: true, hiClosed: true };
  }
}
