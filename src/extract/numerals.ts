/**
 * Numerals → exact decimals. Reads an Arabic number (`3,409`, `20.49`, with 万/亿 after it) or a
 * Chinese numeral (`一百一十四万亿`, `十八点五`, `三千多亿`, `几十`) at a position of normalized text,
 * and returns its value with the two place values SEMANTICS.md builds intervals from: `q` (the last
 * written digit) and `g` (the last non-zero digit). All arithmetic is exact (exact.ts): 20.49万 is 204900.
 *
 * Hand-written rather than a library: the npm Chinese-numeral converters return floats, drop 多/几,
 * and cannot report place values or where the numeral ends.
 */
import { Exact } from './exact.js';
import type { Knowledge } from './knowledge.js';
import { unitAt } from './units.js';

export interface NumberReading {
  start: number;
  end: number;
  /** Value with magnitudes applied (not yet the unit's conversion factor). */
  value: Exact;
  /** Place value of the last written digit, magnitudes applied. */
  q: Exact;
  /** Place value of the last non-zero digit, magnitudes applied. */
  g: Exact;
  /** 多/余: the width of the open interval (x, x + plus). */
  plus?: Exact;
  plusWord?: string;
  /** 几/数: the interval the numeral stands for. */
  few?: { lo: Exact; hi: Exact; loClosed: boolean; hiClosed: boolean };
  chinese: boolean;
  /** A magnitude word (万, 亿 …) was applied. */
  magnitude: boolean;
  /** The product of the magnitude words at the end (5万 → 1e4; 1 without one): a range's first end takes it. */
  factor: Exact;
  /** Numeral characters read (1 for a lone `三`). */
  digitCount: number;
  /** Chinese digits written positionally (`二〇三五`): a year or a code, never a figure. */
  positional?: boolean;
  /** Arabic digits with a place character after them (5千, 3百): a written amount like a magnitude's. */
  placed?: boolean;
}

const ONE = Exact.ONE;
const TEN = Exact.pow10(1);
const ZERO = Exact.ZERO;
const TEN_THOUSAND = Exact.pow10(4);
const HUNDRED_MILLION = Exact.pow10(8);
const pow10 = Exact.pow10;

// Digit and place values as shared Exacts (immutable, so sharing is safe): made once, not per numeral.
const NUMBERS = new Map<number, Exact>();
function exactOf(n: number): Exact {
  let p = NUMBERS.get(n);
  if (!p) NUMBERS.set(n, (p = Exact.ofNumber(n)));
  return p;
}

export const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
/**
 * `.`, or the middle dot that older typeset texts use as the decimal point (`14·1%`): between digits it
 * can be nothing else that is a figure (`5·12` as a date name has no unit after it, so it stays no figure).
 */
const isDecimalPoint = (c: number) => c === 46 || c === 0xb7;

/** Place value of the last non-zero digit of a plain decimal string (`3300` → 100, `4.20` → 0.1). */
export function lastNonzeroPlace(digits: string): Exact {
  const point = digits.indexOf('.');
  const intPart = point < 0 ? digits : digits.slice(0, point);
  const frac = point < 0 ? '' : digits.slice(point + 1);
  for (let i = frac.length - 1; i >= 0; i--) if (frac[i] !== '0') return pow10(-(i + 1));
  for (let i = intPart.length - 1; i >= 0; i--) if (intPart[i] !== '0') return pow10(intPart.length - 1 - i);
  return point < 0 ? ONE : pow10(-frac.length);
}

/** The magnitude word at `pos`, longest first. */
function magnitudeAt(text: string, pos: number, k: Knowledge) {
  const bucket = k.magnitudesByFirst.get(text.charCodeAt(pos));
  if (bucket) for (const m of bucket) if (text.startsWith(m.word, pos)) return m;
  return undefined;
}

function plusWordAt(text: string, pos: number, k: Knowledge): string | undefined {
  // (an indexed loop: this runs after every number, and a for-of made an iterator result each time)
  const words = k.plusWords;
  for (let i = 0; i < words.length; i++) if (text.startsWith(words[i]!, pos)) return words[i]!;
  return undefined;
}

/**
 * After a number: 多/余 (before the magnitude: width g), then magnitude words (万, 亿, 万亿 and
 * chains like 万亿), then 多/余 after the magnitude (width: one unit of the last written digit).
 */
export function readTail(text: string, reading: NumberReading, k: Knowledge): NumberReading {
  let pos = reading.end;
  const early = plusWordAt(text, pos, k);
  // 多 before a magnitude only when a magnitude or a unit follows; `多` alone after a number is
  // still 多 (`1000多`), but `多措并举` is not reached here because a digit precedes it.
  if (early && !reading.plus && reading.few === undefined) {
    reading.plus = reading.g;
    reading.plusWord = early;
    pos += early.length;
  }
  let magnitude = magnitudeAt(text, pos, k);
  while (magnitude) {
    const f = magnitude.factor;
    reading.value = reading.value.times(f);
    reading.q = reading.q.times(f);
    reading.g = reading.g.times(f);
    if (reading.plus) reading.plus = reading.plus.times(f);
    if (reading.few) {
      reading.few = { ...reading.few, lo: reading.few.lo.times(f), hi: reading.few.hi.times(f) };
    }
    reading.magnitude = true;
    reading.factor = reading.factor.times(f);
    pos += magnitude.word.length;
    magnitude = magnitudeAt(text, pos, k);
  }
  // 1万6千多户, 1亿3千多万: Arabic digits after a magnitude with a place or magnitude of their own go on
  // with the number (16000多, 1.3亿多), when smaller than the magnitude they follow
  if (!reading.chinese && reading.magnitude && !reading.plus && reading.few === undefined && isAsciiDigit(text.charCodeAt(pos))) {
    const rest = readArabic(text, pos, k);
    if (rest && (rest.magnitude || rest.placed) && rest.few === undefined && !rest.value.gte(reading.factor)) {
      reading.value = reading.value.plus(rest.value);
      reading.q = rest.q;
      reading.g = rest.g;
      if (rest.plus) {
        reading.plus = rest.plus;
        reading.plusWord = rest.plusWord!;
      }
      reading.digitCount += rest.digitCount;
      pos = rest.end;
    }
  }
  if (!reading.plus && reading.few === undefined && reading.magnitude) {
    const late = plusWordAt(text, pos, k);
    if (late) {
      reading.plus = reading.q;
      reading.plusWord = late;
      pos += late.length;
    }
  }
  reading.end = pos;
  return reading;
}

/**
 * Reads an Arabic number at `pos`: digits, optional thousands groups (when `thousandsAt` accepts
 * the comma: a full-width `，` in the original is a clause break, not a separator), optional
 * decimals, then the tail (多/余, magnitudes).
 */
export function readArabic(
  text: string,
  pos: number,
  k: Knowledge,
  thousandsAt: (commaOffset: number) => boolean = () => true,
): NumberReading | null {
  let i = pos;
  while (i < text.length && isAsciiDigit(text.charCodeAt(i))) i++;
  if (i === pos) return null;
  let digits = text.slice(pos, i);
  // Thousands groups: `,` then exactly three digits, only after a 1–3 digit lead.
  if (digits.length <= 3) {
    let j = i;
    let grouped = digits;
    while (
      text.charCodeAt(j) === 44 &&
      isAsciiDigit(text.charCodeAt(j + 1)) &&
      isAsciiDigit(text.charCodeAt(j + 2)) &&
      isAsciiDigit(text.charCodeAt(j + 3)) &&
      !isAsciiDigit(text.charCodeAt(j + 4)) &&
      thousandsAt(j)
    ) {
      grouped += text.slice(j + 1, j + 4);
      j += 4;
    }
    if (j > i) {
      digits = grouped;
      i = j;
    }
  }
  if (isDecimalPoint(text.charCodeAt(i)) && isAsciiDigit(text.charCodeAt(i + 1))) {
    let j = i + 1;
    while (j < text.length && isAsciiDigit(text.charCodeAt(j))) j++;
    digits += '.' + text.slice(i + 1, j);
    i = j;
  }
  const point = digits.indexOf('.');
  const decimals = point < 0 ? 0 : digits.length - point - 1;
  const reading: NumberReading = {
    start: pos,
    end: i,
    value: Exact.of(digits),
    q: decimals ? pow10(-decimals) : ONE,
    g: lastNonzeroPlace(digits),
    chinese: false,
    magnitude: false,
    factor: ONE,
    // (digits holds no separators: the groups were joined without their commas)
    digitCount: point < 0 ? digits.length : digits.length - 1,
  };
  // 5千多户, 3百余家, 1.5千户: a place character after digits multiplies them as in a Chinese numeral (not
  // 千万 or 千亿, which are magnitudes the tail reads, not a unit's first character: 2000千瓦, 5千米, 1.5千克,
  // and not 十: 5十 is nothing written)
  const place = k.places.get(text[i] ?? '');
  if (place !== undefined && place > 10 && !magnitudeAt(text, i, k) && !unitAt(text, i, k, true)) {
    const p = exactOf(place);
    reading.value = reading.value.times(p);
    reading.q = reading.q.times(p);
    reading.g = reading.g.times(p);
    reading.end = i + 1;
    reading.placed = true;
  }
  return readTail(text, reading, k);
}

/** Per UTF-16 unit, what startsChinese asks: 1 a digit or place, 2 几/数, 4 a place or a big (万, 亿). */
const startTables = new WeakMap<Knowledge, Uint8Array>();
function startTable(k: Knowledge): Uint8Array {
  let table = startTables.get(k);
  if (!table) {
    table = new Uint8Array(65536);
    // (single characters only: a longer key never equals the one character looked up)
    for (const c of [...k.digits.keys(), ...k.places.keys()]) if (c.length === 1) table[c.charCodeAt(0)]! |= 1;
    for (const c of k.fewDigits) table[c.charCodeAt(0)]! |= 2;
    for (const c of [...k.places.keys(), ...k.bigs.keys()]) if (c.length === 1) table[c.charCodeAt(0)]! |= 4;
    startTables.set(k, table);
  }
  return table;
}

/** True when a Chinese numeral can start at `pos` (a digit, a place char, or 几/数 before a place). */
export function startsChinese(text: string, pos: number, k: Knowledge): boolean {
  // by character code: `text[pos]` would make a one-character string for every CJK character asked about
  const table = startTable(k);
  const here = table[text.charCodeAt(pos)] ?? 0;
  if (here & 1) return true;
  if (here & 2) return ((table[text.charCodeAt(pos + 1)] ?? 0) & 4) !== 0;
  return false;
}

function isBig(c: string, k: Knowledge): boolean {
  return k.bigs.has(c);
}

function bigFactor(c: string, k: Knowledge): Exact | undefined {
  return k.bigs.get(c);
}

/**
 * The running state of one Chinese numeral while readChinese reads it, token by token. One record at
 * module level, reset per numeral: readChinese never re-enters itself (readTail only reads Arabic
 * numbers), so reading a numeral allocates nothing for its state.
 */
interface ChineseNumeralState {
  yi: Exact; // the part already multiplied by 亿
  wan: Exact; // the part already multiplied by 万 (below 亿)
  section: Exact; // below 万
  digit: number | null;
  digitIsFew: boolean;
  lastMult: Exact; // multiplier of the last written digit
  lastNonzeroMult: Exact;
  lastScale: Exact | null; // multiplier of the last place/big token, for 三万五
  afterZero: boolean;
  positional: boolean;
  positionalDigits: string;
  digitCount: number;
  fewMult: Exact | null; // multiplier the 几 digit ended with
  fewTrailing: boolean; // 十几: the 几 is the last digit
  plus: Exact | undefined;
  plusWord: string | undefined;
  decimalDigits: string;
  trailingBig: Exact; // product of the bigs since the last digit or place (万亿 → 1e12)
  topBig: Exact; // the largest magnitude written (三亿六千万 → 1e8): its unit is the number's units place
  lastWasBig: boolean;
  // set once the tokens are read (settleChineseValue)
  value: Exact;
  q: Exact;
  g: Exact;
}

/** A numeral before its first token: the one list of starting values. */
const FRESH_CHINESE_STATE: Readonly<ChineseNumeralState> = Object.freeze({
  yi: ZERO,
  wan: ZERO,
  section: ZERO,
  digit: null,
  digitIsFew: false,
  lastMult: ONE,
  lastNonzeroMult: ONE,
  lastScale: null,
  afterZero: false,
  positional: false,
  positionalDigits: '',
  digitCount: 0,
  fewMult: null,
  fewTrailing: false,
  plus: undefined,
  plusWord: undefined,
  decimalDigits: '',
  trailingBig: ONE,
  topBig: ONE,
  lastWasBig: false,
  value: ZERO,
  q: ONE,
  g: ONE,
});

const cn: ChineseNumeralState = { ...FRESH_CHINESE_STATE };

/** Starts a numeral afresh (the shared state is reused by every call). */
function resetChineseState(s: ChineseNumeralState): void {
  Object.assign(s, FRESH_CHINESE_STATE);
}

/** A token reader's answer when the character at hand is no part of the numeral. */
const STOP = -1;

/**
 * Reads the token at `i` into the state: returns the offset after it, or STOP. One token is a digit
 * (or 几/数), a place, a big, the decimals after 点, or 多/余 inside the numeral.
 */
function readChineseToken(text: string, i: number, pos: number, k: Knowledge, s: ChineseNumeralState): number {
  const c = text[i]!;
  const d = k.digits.get(c);
  const few = k.fewDigits.has(c) && (s.digit === null || s.positional === false);
  if (d !== undefined || (few && (i > pos || startsChinese(text, i, k)))) return readChineseDigit(text, i, c, d, k, s);
  const place = k.places.get(c);
  if (place !== undefined) return readChinesePlace(i, place, s);
  const big = bigFactor(c, k);
  if (big) return readChineseBig(i, big, s);
  if (c === k.point[0] && text.startsWith(k.point, i) && !s.positional && !s.plus) return readChineseDecimals(text, i, k, s);
  if (!s.plus && s.digitCount > 0) {
    const w = plusWordAt(text, i, k);
    if (w && (s.digit === null || !s.positional)) return readInnerPlus(text, i, w, k, s);
  }
  return STOP;
}

/** A digit, or 几/数 as an unknown digit (`d` undefined); two digits in a row make the numeral positional. */
function readChineseDigit(text: string, i: number, c: string, d: number | undefined, k: Knowledge, s: ChineseNumeralState): number {
  if (s.plus) return STOP;
  if (k.fewBeforePlace.has(c) && !(k.places.has(text[i + 1] ?? '') || isBig(text[i + 1] ?? '', k))) return STOP;
  if (s.digit !== null && !s.afterZero && s.digit !== 0 && !s.positional) {
    // Two digits in a row without a place: positional (二〇二〇), a year or a code.
    s.positional = true;
    s.positionalDigits = String(s.digit);
  }
  if (s.positional) s.positionalDigits += d === undefined ? '0' : String(d);
  else if (s.digit === 0 || d === 0) s.afterZero = true;
  s.digit = d ?? 0;
  s.digitIsFew = d === undefined;
  s.digitCount++;
  s.lastWasBig = false;
  return i + 1;
}

/** A place (十 百 千): the digit before it (or one, for a bare 十) times the place joins the section. */
function readChinesePlace(i: number, place: number, s: ChineseNumeralState): number {
  if (s.positional || s.plus) return STOP;
  // A bare place right after a magnitude word is no part of the number (十七万千瓦, 一千二百亿千瓦小时):
  // a numeral writes 一万一千, never 一万千; the place starts the unit.
  if (s.digit === null && s.lastWasBig) return STOP;
  const p = exactOf(place);
  const n = s.digit ?? 1; // 十四: a bare 十 is one ten
  if (s.digitIsFew) {
    s.fewMult = p;
    s.fewTrailing = false;
  }
  s.section = s.section.plus(p.times(exactOf(s.digitIsFew ? 0 : n)));
  s.lastMult = p;
  if (n !== 0 || s.digitIsFew) s.lastNonzeroMult = p;
  s.lastScale = p;
  s.digit = null;
  s.digitIsFew = false;
  s.afterZero = false;
  s.digitCount++;
  s.lastWasBig = false;
  return i + 1;
}

/** A big (万 亿): closes the section below it and scales every place value read so far. */
function readChineseBig(i: number, big: Exact, s: ChineseNumeralState): number {
  if (s.positional) return STOP;
  if (s.digit !== null) {
    // the digit before a big is in the units place of its section
    if (s.digitIsFew) {
      s.fewMult = ONE;
      s.fewTrailing = s.lastScale !== null;
    } else s.section = s.section.plus(exactOf(s.digit));
    s.lastMult = ONE;
    if (s.digit !== 0 || s.digitIsFew) s.lastNonzeroMult = ONE;
    s.digit = null;
    s.digitIsFew = false;
  }
  if (big.gte(HUNDRED_MILLION)) {
    // 二万八千亿: the 万 written before 亿 is 万亿, the largest magnitude (2.8万亿)
    if (!s.wan.isZero() && TEN_THOUSAND.times(big).gte(s.topBig)) s.topBig = TEN_THOUSAND.times(big);
    s.yi = s.yi.plus(s.wan).plus(s.section).times(big);
    s.wan = ZERO;
  } else {
    s.wan = s.wan.plus(s.section).times(big);
  }
  s.section = ZERO;
  scaleChinesePlaces(s, big);
  s.trailingBig = s.lastWasBig ? s.trailingBig.times(big) : big;
  if (s.trailingBig.gte(s.topBig)) s.topBig = s.trailingBig;
  s.lastWasBig = true;
  s.lastScale = big;
  s.afterZero = false;
  s.digitCount++;
  return i + 1;
}

/** A big multiplies the place values already read (last digit, last non-zero digit, 几's, 多's width). */
function scaleChinesePlaces(s: ChineseNumeralState, f: Exact): void {
  s.lastMult = s.lastMult.times(f);
  s.lastNonzeroMult = s.lastNonzeroMult.times(f);
  if (s.fewMult) s.fewMult = s.fewMult.times(f);
  if (s.plus) s.plus = s.plus.times(f);
}

/** 十八点五: the digits after 点 end the numeral; a point must be followed by a digit. */
function readChineseDecimals(text: string, i: number, k: Knowledge, s: ChineseNumeralState): number {
  let j = i + k.point.length;
  let frac = '';
  while (j < text.length && k.digits.has(text[j]!)) {
    frac += String(k.digits.get(text[j]!));
    j++;
  }
  if (!frac) return STOP;
  if (s.digit !== null) s.section = s.section.plus(exactOf(s.digit));
  s.digit = null;
  s.decimalDigits = frac;
  s.digitCount += frac.length;
  return j;
}

/** 多/余 inside a numeral (`四千二百多万`, `十四亿多`): the open interval's width, scaled by bigs after it. */
function readInnerPlus(text: string, i: number, w: string, k: Knowledge, s: ChineseNumeralState): number {
  // 十几 is read like 十多: the trailing unknown digit is handled below
  if (s.digit !== null) {
    if (s.digitIsFew) return STOP;
    s.section = s.section.plus(exactOf(s.digit));
    s.lastMult = ONE;
    if (s.digit !== 0) s.lastNonzeroMult = ONE;
    s.digit = null;
  }
  // 多 right after a big (十四亿多, 十万多) is one unit of that magnitude, as after digits (10万多 is
  // (10万, 11万); 十多万 is (10万, 20万)); else g
  s.plus = s.lastScale && s.lastScale.gte(TEN_THOUSAND) && text[i - 1] && bigFactor(text[i - 1]!, k) ? s.trailingBig : s.lastNonzeroMult;
  s.plusWord = w;
  return i + w.length;
}

/** Chinese digits written positionally (`二〇三五`): their digit string as a number, a year or a code. */
function positionalReading(pos: number, end: number, s: ChineseNumeralState): NumberReading {
  if (s.digit !== null && !s.positionalDigits) s.positionalDigits = String(s.digit);
  const value = Exact.of(s.positionalDigits || '0');
  return {
    start: pos,
    end,
    value,
    q: ONE,
    g: lastNonzeroPlace(s.positionalDigits || '0'),
    chinese: true,
    magnitude: false,
    factor: ONE,
    digitCount: s.digitCount,
    positional: true,
  };
}

/** The numeral's value and place values (q, g) once its tokens are read: decimals, or a bare trailing digit. */
function settleChineseValue(s: ChineseNumeralState, k: Knowledge): void {
  s.q = s.lastMult;
  s.g = s.lastNonzeroMult;
  if (s.decimalDigits) {
    const fraction = Exact.of(`0.${s.decimalDigits}`);
    s.value = s.yi.plus(s.wan).plus(s.section).plus(fraction);
    s.q = pow10(-s.decimalDigits.length);
    s.g = lastNonzeroPlace(`0.${s.decimalDigits}`);
    if (fraction.isZero()) s.g = lastNonzeroPlace(s.value.toFixed());
    return;
  }
  if (s.digit !== null) {
    // 三万五 / 一百五: a bare trailing digit after a place is one place lower; after 零 it is a unit
    const m = s.lastScale && !s.afterZero ? s.lastScale.divTen() : ONE;
    if (s.digitIsFew) {
      s.fewMult = m;
      s.fewTrailing = s.lastScale !== null;
    } else s.section = s.section.plus(m.times(exactOf(s.digit)));
    s.q = m;
    if (s.digit !== 0 || s.digitIsFew) s.g = m;
    s.lastMult = m;
  }
  s.value = s.yi.plus(s.wan).plus(s.section);
  // 一千亿 is 1000亿, 十倍 10倍: no zero can be written after the last digit (qualifiers.yaml intervals)
  if (k.intervals.chineseNumeralsAsDigits && s.q.gte(s.topBig)) s.q = s.topBig;
}

/** The interval 几/数 stands for: above the known part (十几), or fewLow…fewHigh of its place (几十, 数百万). */
function fewInterval(s: ChineseNumeralState, fewMult: Exact, k: Knowledge): NonNullable<NumberReading['few']> {
  const { fewLow, fewHigh } = k.intervals;
  const value = s.value;
  if (s.fewTrailing || !value.isZero()) {
    // 十几, 二十几万: above the known part, below the next unit of the place before 几
    const few = { lo: value, hi: value.plus(fewMult.times(TEN)), loClosed: false, hiClosed: false };
    if (s.fewTrailing) few.hi = value.plus(fewMult.times(TEN));
    return few;
  }
  // 几十, 数百万: fewLow…fewHigh of that place
  return {
    lo: fewMult.times(exactOf(fewLow)),
    hi: fewMult.times(exactOf(fewHigh + 1)),
    loClosed: true,
    hiClosed: false,
  };
}

/**
 * Reads a Chinese numeral at `pos`: digits 一…九 两 〇 零, places 十 百 千, bigs 万 亿 (and chains,
 * 万亿), decimals after 点, 多/余 inside (`四千二百多万`), 几/数 as an unknown digit (`十几`, `数百`).
 */
export function readChinese(text: string, pos: number, k: Knowledge): NumberReading | null {
  if (!startsChinese(text, pos, k)) return null;
  const s = cn;
  resetChineseState(s);
  let i = pos;
  while (i < text.length) {
    const next = readChineseToken(text, i, pos, k, s);
    if (next === STOP) break;
    i = next;
    if (s.decimalDigits) break; // decimals end the numeral
  }
  if (s.digitCount === 0) return null;
  if (s.positional) return positionalReading(pos, i, s);
  settleChineseValue(s, k);
  const endsInBig = s.lastWasBig && s.digit === null && !s.decimalDigits;
  const reading: NumberReading = {
    start: pos,
    end: i,
    value: s.value,
    q: s.q,
    g: s.g,
    chinese: true,
    magnitude: s.lastScale !== null && s.lastScale.gte(TEN_THOUSAND),
    factor: endsInBig || s.plus ? s.trailingBig : ONE,
    digitCount: s.digitCount,
  };
  if (s.plus) {
    reading.plus = s.plus;
    reading.plusWord = s.plusWord;
  }
  if (s.fewMult) reading.few = fewInterval(s, s.fewMult, k);
  return readTail(text, reading, k);
}
