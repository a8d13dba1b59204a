/**
 * Finding figures in normalized text: where a number starts, how far its figure reaches (prefix
 * qualifier, number, range, magnitude, unit, suffix qualifier), and which numbers are not figures
 * (years, dates, plan and congress numbers, list markers, footnotes, hotlines, slogans: the
 * `notFigures` patterns, plus the rules below for lone Chinese digits and Latin-glued numbers).
 * Meaning (kind, label, period) is added afterwards by index.ts.
 */
import type { Boilerplate } from '../model.js';
import { doublingAt, doublingStarts } from './doublings.js';
import { Exact } from './exact.js';
import { chineseFraction, digitFraction } from './fractions.js';
import { intervalOf, rangeInterval, scaleReading, type ExactInterval } from './intervals.js';
import type { Knowledge, QualifierWord, UnitSpelling } from './knowledge.js';
import { isAsciiDigit, readArabic, readChinese, readTail as readTailOf, startsChinese, type NumberReading } from './numerals.js';
import { perUnitAt, perUnitBefore, unitAt } from './units.js';

/** A figure as read from the text, before its meaning is worked out. */
export interface ScannedFigure {
  /** Normalized span of the whole figure (prefix qualifier through suffix qualifier). */
  start: number;
  end: number;
  /** The number (the first end of a range), the unit's factor applied; null for a placeholder. */
  reading: NumberReading | null;
  unit: UnitSpelling | null;
  qualifier: QualifierWord | null;
  interval: ExactInterval | null;
  rank: boolean;
  placeholder: boolean;
  range: boolean;
  /** The change the figure's own words state (翻一番: an increase), when no change word is needed. */
  change?: 'increase';
}

const ONE = Exact.ONE;
/** What may follow a figure ending in 多 after its unit (增长1倍多，): a clause break, a bracket or quote, a space. */
const CLAUSE_END = new Set([...',，、。;；:：!！?？)）”"’ \t\n\u3000'].map((c) => c.charCodeAt(0)));
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Marks the characters no figure may start in: not-figure pattern matches and boilerplate lines. */
export function blockedMask(text: string, boilerplate: Boilerplate[], k: Knowledge): Uint8Array {
  const mask = new Uint8Array(text.length + 1);
  for (const b of boilerplate) mask.fill(1, Math.max(0, b.start), Math.min(text.length, b.end));
  const { scanned, anchored, anyAnchored, starts, startsAny } = k.notFigureScan;
  for (const pattern of scanned) {
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(text))) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      mask.fill(1, m.index, m.index + m[0].length);
    }
  }
  if (anchored.length) {
    // What a global search does, tried only where a match can start: a pattern is tried at a
    // position at or after the end of its previous match (matches do not overlap).
    const nextFrom = new Int32Array(anchored.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // the byte table answers most characters (a smaller table stays in cache)
      if (!startsAny[c]) continue;
      anyAnchored!.lastIndex = i;
      if (!anyAnchored!.test(text)) continue;
      let bits = starts[c]!;
      for (let p = 0; bits !== 0; p++, bits >>>= 1) {
        if ((bits & 1) === 0 || i < nextFrom[p]!) continue;
        const pattern = anchored[p]!;
        pattern.lastIndex = i;
        // a sticky test leaves lastIndex at the match's end: no match array to allocate
        if (pattern.test(text) && pattern.lastIndex > i) {
          mask.fill(1, i, pattern.lastIndex);
          nextFrom[p] = pattern.lastIndex;
        }
      }
    }
  }
  return mask;
}

function qualifierBefore(text: string, pos: number, k: Knowledge): QualifierWord | null {
  const bucket = pos > 0 ? k.beforeByLast.get(text.charCodeAt(pos - 1)) : undefined;
  if (!bucket) return null;
  for (const q of bucket) {
    if (pos >= q.word.length && text.startsWith(q.word, pos - q.word.length)) {
      // 签约500亿元, 赶超30个: the qualifier's character ends a word of its own
      if (q.notIn?.some((w) => pos >= w.length && text.startsWith(w, pos - w.length))) continue;
      return q;
    }
  }
  return null;
}

function qualifierAfter(text: string, pos: number, k: Knowledge): QualifierWord | null {
  const bucket = k.afterByFirst.get(text.charCodeAt(pos));
  if (bucket) for (const q of bucket) if (text.startsWith(q.word, pos)) return q;
  return null;
}

function separatorAt(text: string, pos: number, k: Knowledge): string | null {
  for (const s of k.rangeSeparators) if (text.startsWith(s, pos)) return s;
  return null;
}

export interface ScanOptions {
  /** Whether the `,` at a normalized offset is a thousands separator (not a folded clause comma). */
  thousandsAt?: (offset: number) => boolean;
}

/**
 * Character classes of the scanner as tables by UTF-16 unit, made once per Knowledge: the scan asks
 * them for every candidate character, and `text[i]` would make a one-character string for each CJK
 * one. (Single-character words only: a longer word never equals the one character looked up.)
 */
interface ScanTables {
  /** Could a figure start here (a numeral, 第, 百, a placeholder)? */
  candidate: Uint8Array;
  /** Could a Chinese numeral go on with it (a digit, place, magnitude, 点, 多 …)? */
  continues: Uint8Array;
  /** Starts a Chinese numeral: a digit, 十, 几, 数. */
  chineseStart: Uint8Array;
  /** A digit, a place or a one-character magnitude. */
  numeral: Uint8Array;
  /** A place or a one-character magnitude, other than a place worth 10 (leadsAfterQualifier). */
  bareLead: Uint8Array;
  placeholder: Uint8Array;
  /** First characters of the fraction words (百分之, 千分之). */
  fractionStart: Uint8Array;
  /** First characters of the words a doubling starts with (翻). */
  doublingStart: Uint8Array;
  /** The rank prefix (第) as a code, -1 when it is longer than one character. */
  rankCode: number;
}

const scanTables = new WeakMap<Knowledge, ScanTables>();
function scanTablesOf(k: Knowledge): ScanTables {
  let t = scanTables.get(k);
  if (t) return t;
  const table = (words: Iterable<string>) => {
    const out = new Uint8Array(65536);
    for (const w of words) if (w.length === 1) out[w.charCodeAt(0)] = 1;
    return out;
  };
  const continues = new Uint8Array(65536);
  for (const w of [...k.digits.keys(), ...k.places.keys(), ...k.magnitudes.map((m) => m.word), k.point, ...k.plusWords, ...k.fewDigits]) {
    if (w) continues[w.charCodeAt(0)] = 1;
  }
  const singleMagnitudes = k.magnitudes.map((m) => m.word).filter((w) => w.length === 1);
  t = {
    candidate: candidateTable(k),
    continues,
    chineseStart: table([...k.digits.keys(), ...[...k.places.keys()].filter((p) => k.places.get(p) === 10), ...k.fewDigits]),
    numeral: table([...k.digits.keys(), ...k.places.keys(), ...singleMagnitudes]),
    bareLead: table([...k.places.keys(), ...singleMagnitudes].filter((w) => (k.places.get(w) ?? 0) !== 10)),
    placeholder: table(k.placeholders),
    fractionStart: table(k.fractionPrefixes.map((f) => f.spelling[0]!)),
    doublingStart: table(doublingStarts(k)),
    rankCode: k.rankPrefix.length === 1 ? k.rankPrefix.charCodeAt(0) : -1,
  };
  scanTables.set(k, t);
  return t;
}

/** A number figure's parts as numberFigure reads them in turn: one per Scanner, so reading one allocates nothing more. */
interface NumberDraft {
  /** Where the figure ends so far. */
  end: number;
  unit: UnitSpelling | null;
  /** A range's second end (or a pair's: 两三万). */
  second: NumberReading | null;
  /** Where a rate's second unit written before the number starts (每立方米20微克), the figure's start. */
  rateStart: number | null;
}

export class Scanner {
  private readonly tables: ScanTables;
  /** The number figure numberFigure is reading, reused for each: its steps fill it in turn. */
  private readonly draft: NumberDraft = { end: 0, unit: null, second: null, rateStart: null };
  private qualifiers: Parameters<typeof digitFraction>[3] | undefined;

  constructor(
    private readonly text: string,
    private readonly blocked: Uint8Array,
    private readonly k: Knowledge,
    private readonly options: ScanOptions = {},
  ) {
    this.tables = scanTablesOf(k);
  }

  /** Every figure in the text, in order. */
  scan(): ScannedFigure[] {
    const { text, k } = this;
    const out: ScannedFigure[] = [];
    const n = text.length;
    const { candidate, chineseStart, numeral, placeholder, rankCode } = this.tables;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (!candidate[c]) continue;
      let found: ScannedFigure | null = null;
      let skipTo = i + 1;
      if (isAsciiDigit(c)) {
        if (this.blocked[i] || this.afterSlashForm(i)) {
          skipTo = this.skipDigits(i);
        } else if (!(found = this.fraction(i))) {
          const r = this.numberFigure(i, null, null);
          if (r.figure) found = r.figure;
          else skipTo = r.skipTo;
        }
      } else if (c < 128) {
        if (placeholder[c] && !this.blocked[i]) ({ figure: found, skipTo } = this.placeholder(i));
      } else {
        if (c === rankCode) {
          const r = this.rank(i);
          if (r.figure) found = r.figure;
          else skipTo = r.skipTo;
        } else if (this.tables.doublingStart[c]) {
          // 翻一番: an increase of 1倍 (doublings.ts)
          if (!this.blocked[i]) found = this.doubling(i);
        } else if (this.tables.fractionStart[c] && !this.blocked[i] && this.fractionAt(i)) {
          const fraction = this.fractionAt(i)!;
          const r = this.numberFigure(i + fraction.spelling.length, fraction, i);
          if (r.figure) found = r.figure;
          else skipTo = Math.max(i + 1, r.skipTo);
        } else if (this.leadsAfterQualifier(i) || this.leadsBeforePlus(i)) {
          // 近百家, 近万个, 逾万: a bare place or magnitude right after a qualifier is one of it; so is one
          // right before 余/多 (百余家, 千余人, 万余户: a hundred-odd)
          const r = this.numberFigure(i, null, null);
          if (r.figure) found = r.figure;
          else skipTo = r.skipTo;
        } else if (chineseStart[c] && !(i > 0 && numeral[text.charCodeAt(i - 1)]) && startsChinese(text, i, k)) {
          if (placeholder[c] && !this.blocked[i] && this.zerosStandAlone(i)) {
            // 〇〇万人: zeros with no other digit of a numeral beside them are digits not filled in
            ({ figure: found, skipTo } = this.placeholder(i));
          } else if (!this.blocked[i] && (found = this.fraction(i))) {
            // 三分之一: a share (fractions.ts)
          } else if (this.blocked[i] || this.joinsUnits(i)) {
            const r = readChinese(text, i, k);
            skipTo = r ? Math.max(i + 1, r.end) : i + 1;
          } else if (!this.loneNumeral(i) || (text.charCodeAt(i + 1) === 0x3001 && this.consecutivePair(i, null))) {
            // (两、三倍: a digit before 、 is lone unless the next digit makes a pair with it)
            const r = this.numberFigure(i, null, null);
            if (r.figure) found = r.figure;
            else skipTo = r.skipTo;
          }
        } else if (placeholder[c] && !this.blocked[i]) {
          ({ figure: found, skipTo } = this.placeholder(i));
        }
      }
      if (found) {
        out.push(found);
        i = found.end - 1;
      } else i = skipTo - 1;
    }
    return out;
  }

  /**
   * A single Chinese numeral that cannot be a figure (统一, 进一步, 十分): nothing of a numeral follows
   * it, no qualifier precedes it and no single-character unit follows it (any unit, for the
   * singleCharNumbers: 十件; numberFigure's rule for one Chinese digit). Most Chinese numerals in prose are these; skipping them early spares reading them.
   */
  private loneNumeral(i: number): boolean {
    const { text, k } = this;
    if (this.tables.continues[text.charCodeAt(i + 1)]) return false;
    if (qualifierBefore(text, i, k)) return false;
    const unit = unitAt(text, i + 1, k, false);
    return !unit || !(k.singleCharNumbers.has(text[i]!) || k.singleCharUnits.has(unit.unit) || k.singleCharUnits.has(unit.spelling));
  }

  /**
   * A run of two or more zero digits that are also placeholder characters (〇〇, ○○) with no other
   * digit or place of a numeral after it (the caller has seen none before it): `〇〇万人` left unfilled,
   * not the zeros of 二〇〇〇年 or 一百〇五.
   */
  private zerosStandAlone(i: number): boolean {
    const { text, k } = this;
    let end = i;
    while (end < text.length && k.digits.get(text[end]!) === 0 && this.tables.placeholder[text.charCodeAt(end)]) end++;
    if (end - i < 2) return false;
    const next = text[end] ?? '';
    return !k.digits.has(next) && !k.places.has(next) && !isAsciiDigit(text.charCodeAt(end));
  }

  /**
   * A zero before a digit or a place (一年零三个月, 三元零五分) joins a smaller unit to the amount before
   * it: no number starts with 零, so what follows is the remainder of that amount, not a figure of its own.
   * (零点五 and 零增长 start with the zero and go on with no digit.)
   */
  private joinsUnits(i: number): boolean {
    const { text, k } = this;
    if (k.digits.get(text[i]!) !== 0) return false;
    const next = text[i + 1] ?? '';
    return (k.digits.has(next) && k.digits.get(next) !== 0) || k.places.has(next);
  }

  /** A fraction written as one (三分之一, 1/3) starting at `i`: fractions.ts. */
  private fraction(i: number): ScannedFigure | null {
    const { text, k } = this;
    if (!k.fractions) return null;
    const q = (this.qualifiers ??= { before: (pos: number) => qualifierBefore(text, pos, k), after: (pos: number) => qualifierAfter(text, pos, k) });
    return isAsciiDigit(text.charCodeAt(i)) ? digitFraction(text, i, k, q) : chineseFraction(text, i, k, this.blocked, q);
  }

  /** A doubling (翻一番) whose numeral starts at `i`: doublings.ts. */
  private doubling(i: number): ScannedFigure | null {
    const { text, k } = this;
    if (!k.doublings) return null;
    const q = (this.qualifiers ??= { before: (pos: number) => qualifierBefore(text, pos, k), after: (pos: number) => qualifierAfter(text, pos, k) });
    return doublingAt(text, i, k, q);
  }

  /** The fraction word (百分之, 千分之) starting at `i`, as the unit it stands for. */
  private fractionAt(i: number): UnitSpelling | null {
    for (const f of this.k.fractionPrefixes) if (this.text.startsWith(f.spelling, i)) return f;
    return null;
  }

  private leadsAfterQualifier(i: number): boolean {
    const { text, k } = this;
    // a place or magnitude, not 十 (it starts numerals anyway)
    if (this.blocked[i] || !this.tables.bareLead[text.charCodeAt(i)]) return false;
    if (i > 0 && this.tables.numeral[text.charCodeAt(i - 1)]) return false;
    return qualifierBefore(text, i, k) !== null;
  }

  /** A bare place or magnitude (百, 千, 万, not 十) with 余/多 right after it and no numeral before it (百余家). */
  private leadsBeforePlus(i: number): boolean {
    const { text, k } = this;
    if (this.blocked[i] || !this.tables.bareLead[text.charCodeAt(i)]) return false;
    // (not the 千 of 5千多户 or 1万6千多户: a place after digits is part of their number)
    if (i > 0 && (this.tables.numeral[text.charCodeAt(i - 1)] || isAsciiDigit(text.charCodeAt(i - 1)))) return false;
    const next = text.charCodeAt(i + 1);
    return k.plusWords.some((w) => w.charCodeAt(0) === next && text.startsWith(w, i + 1));
  }

  /**
   * Digits right after `M/` (the slash glued to a digit before it) are the second part of a slash form:
   * a fraction's denominator (1/2小时), a date (2024/1/23), a code (3/4G), a ratio. Never a figure of
   * their own: 1/2小时 is not 2小时.
   */
  private afterSlashForm(i: number): boolean {
    const slashes = this.k.fractions?.slashes;
    return slashes !== undefined && i > 1 && slashes.has(this.text.charCodeAt(i - 1)) && isAsciiDigit(this.text.charCodeAt(i - 2));
  }

  private skipDigits(i: number): number {
    const { text } = this;
    let j = i;
    while (j < text.length && (isAsciiDigit(text.charCodeAt(j)) || (text[j] === '.' && isAsciiDigit(text.charCodeAt(j + 1))))) j++;
    return Math.max(j, i + 1);
  }

  private read(pos: number): NumberReading | null {
    const { text, k } = this;
    if (isAsciiDigit(text.charCodeAt(pos))) return readArabic(text, pos, k, this.options.thousandsAt);
    const big = k.magnitudes.find((m) => m.word.length === 1 && m.word === text[pos]);
    if (big && !k.places.has(text[pos]!)) {
      // a bare 万 (近万个): one of it; the tail reads 亿 after it (万亿) and 多
      const one = ONE;
      return readTailOf(text, { start: pos, end: pos, value: one, q: one, g: one, chinese: true, magnitude: false, factor: one, digitCount: 1 }, k);
    }
    return readChinese(text, pos, k);
  }

  /**
   * A number figure starting at `pos`. `fraction`: the fraction word (百分之, 千分之) the number follows,
   * at `percentStart` (the unit is then its unit). Returns where to continue when it is not a figure.
   * Its parts are read in turn into the Scanner's one draft (unitAfterNumber, rangeAfter, rateOfTwoUnits).
   */
  private numberFigure(pos: number, fraction: UnitSpelling | null, percentStart: number | null): { figure: ScannedFigure | null; skipTo: number } {
    const { text, k, draft } = this;
    const pair = this.consecutivePair(pos, fraction);
    const first = pair?.first ?? this.read(pos);
    if (!first) return { figure: null, skipTo: pos + 1 };
    const skipTo = Math.max(pos + 1, pair?.second.end ?? first.end);
    if (first.positional || (!first.chinese && this.gluedToName(pos))) return { figure: null, skipTo };
    const start = percentStart ?? pos;
    const prefix = qualifierBefore(text, start, k);
    draft.second = pair?.second ?? null;
    draft.rateStart = null;
    this.unitAfterNumber(first, fraction);
    if (!pair) this.rangeAfter(first, fraction);
    if (draft.unit && !fraction) this.rateOfTwoUnits(draft.unit, start, prefix);

    // What stands after the number when no unit followed: a suffix qualifier, then maybe the unit
    // (100万以上人口 has none; 4%以上 has its unit first).
    const after = qualifierAfter(text, draft.end, k);
    if (after) draft.end += after.word.length;
    if (!this.accepted(pos, first, fraction !== null, prefix)) return { figure: null, skipTo };
    return { figure: this.numberFigureOf(first, after ?? prefix, prefix ? start - prefix.word.length : (draft.rateStart ?? start)), skipTo };
  }

  /** 5G, G20, PM2.5, COVID-19: Arabic digits glued to Latin letters are names; digits right after `5.` are a decimal's tail. */
  private gluedToName(pos: number): boolean {
    const { text } = this;
    if (isAsciiLetter(text.charCodeAt(pos - 1)) || (pos >= 2 && text[pos - 1] === '-' && isAsciiLetter(text.charCodeAt(pos - 2)))) return true;
    return text[pos - 1] === '.' && isAsciiDigit(text.charCodeAt(pos - 2));
  }

  /**
   * The unit after the number (the fraction word's, for 百分之八), with 多 after its measure word or after it
   * (plusAfterUnit): sets the draft's unit and end. A pair (两三万人) is read to its second digit's end.
   */
  private unitAfterNumber(first: NumberReading, fraction: UnitSpelling | null): void {
    const { draft } = this;
    const last = draft.second ?? first;
    draft.end = last.end;
    draft.unit = fraction ?? unitAt(this.text, draft.end, this.k, last.magnitude) ?? null;
    if (!draft.unit || fraction) return;
    draft.end += draft.unit.spelling.length;
    if (!first.plus && !first.few && !draft.second) ({ unit: draft.unit, end: draft.end } = this.plusAfterUnit(first, draft.unit, draft.end));
  }

  /**
   * A range: A—B, A至B, with A taking B's magnitude and unit when it has none; after a fraction word
   * its second end may repeat it (百分之八至九, 百分之四至百分之五). Sets the draft's second end, unit and end
   * when one follows the draft's end.
   */
  private rangeAfter(first: NumberReading, fraction: UnitSpelling | null): void {
    const { text, k, draft } = this;
    const sep = separatorAt(text, draft.end, k);
    if (!sep) return;
    let at = draft.end + sep.length;
    if (fraction && text.startsWith(fraction.spelling, at)) at += fraction.spelling.length;
    const startsNumber = first.chinese ? startsChinese(text, at, k) : isAsciiDigit(text.charCodeAt(at));
    // (after 百分之八到 a numeral is the range's end even where a word pattern blocks it: 九是可能的)
    if (!startsNumber || (this.blocked[at] && !fraction)) return;
    const b = this.read(at);
    // (after a fraction word, a second end below the first or running on into digits or a year is no range end: 百分之六到二000年)
    const fractionEnd = !fraction || (b !== null && b.value.gte(first.value) && !isAsciiDigit(text.charCodeAt(b.end)) && !k.dateUnits.includes(text[b.end] ?? ''));
    if (!b || b.positional || !fractionEnd) return;
    const unit = draft.unit;
    const unitB = unitAt(text, b.end, k, b.magnitude) ?? null;
    const compatible = unit ? !unitB || unitB.unit === unit.unit : unitB !== null || b.magnitude;
    if (compatible && (first.magnitude || !unit || !b.magnitude || first.factor.eq(b.factor))) {
      draft.second = b;
      if (!unit) draft.unit = unitB;
      draft.end = b.end + (unitB ? unitB.spelling.length : 0);
    }
  }

  /**
   * 350公里/小时, 3.5元/千瓦时: a rate of two units after the draft's end; or 每立方米20微克, the rate's second
   * unit written before the number (at `start`, with no prefix qualifier), inside the figure's span. Sets the
   * draft's unit and end, or its unit and rateStart.
   */
  private rateOfTwoUnits(unit: UnitSpelling, start: number, prefix: QualifierWord | null): void {
    const { text, k, draft } = this;
    const rate = perUnitAt(text, draft.end, unit, k);
    if (rate) {
      draft.unit = rate.unit;
      draft.end += rate.length;
      return;
    }
    const before = prefix ? null : perUnitBefore(text, start, unit, k);
    if (before) {
      draft.unit = before.unit;
      draft.rateStart = before.start;
    }
  }

  /**
   * Whether the number read into the draft is a figure: it needs a unit, a magnitude or 百分之; a lone Chinese
   * digit with none of these but a unit needs one that single digits take (or to be a singleCharNumber);
   * Arabic digits with no unit must not run into Latin letters.
   */
  private accepted(pos: number, first: NumberReading, percent: boolean, prefix: QualifierWord | null): boolean {
    const { text, k } = this;
    const { unit, second } = this.draft;
    const anyMagnitude = first.magnitude || (second?.magnitude ?? false);
    if (!unit && !anyMagnitude) return false;
    // (a bare 百/千 with 余/多 is a figure too: 百余家)
    const placePlus = first.plus !== undefined && this.tables.bareLead[text.charCodeAt(pos)] === 1;
    if (first.chinese && first.digitCount === 1 && !anyMagnitude && !percent && !prefix && !placePlus && !k.singleCharNumbers.has(text[pos]!)) {
      if (!unit || !(k.singleCharUnits.has(unit.unit) || k.singleCharUnits.has(unit.spelling))) return false;
    }
    return first.chinese || unit !== null || !isAsciiLetter(text.charCodeAt(first.end));
  }

  /**
   * The figure read into the draft, from `start`: the number scaled by its unit's factor, a range's first end
   * taking the second's magnitude when it has none of its own (3—5万 → 3万—5万), and its interval.
   */
  private numberFigureOf(first: NumberReading, qualifier: QualifierWord | null, start: number): ScannedFigure {
    const { k } = this;
    const { end, unit, second } = this.draft;
    const factor = unit?.factor ?? ONE;
    let reading = scaleReading(first, factor);
    let interval: ExactInterval;
    if (second) {
      if (!first.magnitude && second.magnitude) reading = scaleReading(reading, second.factor);
      const b = scaleReading(second, factor);
      interval = rangeInterval(intervalOf(reading, null, k.intervals), intervalOf(b, null, k.intervals));
    } else {
      interval = intervalOf(reading, qualifier?.form ?? null, k.intervals);
    }
    return {
      start,
      end,
      reading,
      unit,
      qualifier: qualifier ?? (reading.plusWord ? { word: reading.plusWord, form: 'plus' } : null),
      interval,
      rank: false,
      placeholder: false,
      range: second !== null,
    };
  }

  /**
   * `三四千万吨`, `四五十个`, `两三万人`, `百分之四、五`, `两、三倍`: two digits in a row, the second one more than
   * the first (side by side or with 、 between them), before a place, a magnitude or a unit, say "n or n + 1"
   * of it: a range from the first to the second (SEMANTICS: A—B, A taking B's places, magnitude and unit).
   * Without a place or magnitude only before a unit a lone numeral may have (倍, %: 两、三倍), so 一两个, 三四线
   * and 七八十年代 stay words. `first` is the first digit read with the second one's places and magnitude.
   */
  private consecutivePair(pos: number, fraction: UnitSpelling | null): { first: NumberReading; second: NumberReading } | null {
    const { text, k } = this;
    const d1 = k.digits.get(text[pos] ?? '');
    if (d1 === undefined || d1 === 0) return null;
    let at = pos + 1;
    if (text[at] === '、') at++;
    if (k.digits.get(text[at] ?? '') !== d1 + 1 || k.digits.has(text[at + 1] ?? '')) return null;
    const second = readChinese(text, at, k);
    // (not 百分之四、五点二: a decimal second end is a list of two figures, not "n or n + 1")
    if (!second || second.positional || second.few || second.plus || (k.point !== '' && text.slice(at, second.end).includes(k.point))) return null;
    const placed = second.end > at + 1;
    const unit = fraction ?? unitAt(text, second.end, k, second.magnitude) ?? null;
    if (placed ? !unit && !second.magnitude : !(fraction || (unit && (k.singleCharUnits.has(unit.unit) || k.singleCharUnits.has(unit.spelling))))) return null;
    const first = readChinese(text[pos]! + text.slice(at + 1, second.end), 0, k);
    if (!first || first.positional) return null;
    return { first: { ...first, start: pos, end: at }, second };
  }

  /**
   * 多/余 after a measure word inside a unit or after the whole unit, which the numeral reader (多 before a
   * magnitude or unit) does not see: `2个多百分点` and `1个多月` are 个百分点 and 个月 with 多 inside them
   * (not a count's spelling: 人多次 is no 人次); `增长1倍多，` is 倍 with 多 after it, read only at a clause end
   * (3个多元化… opens a word). Either way 多 follows the written number's unit as it follows 万 (10万多):
   * one unit of the last written digit, (x, x + q): 2个多百分点 (2, 3), 10%多 (10, 11).
   * Sets `reading.plus`; returns the unit and the figure's end.
   */
  private plusAfterUnit(reading: NumberReading, unit: UnitSpelling, end: number): { unit: UnitSpelling; end: number } {
    const { text, k } = this;
    const plus = k.plusWords.find((w) => text.startsWith(w, end));
    if (!plus) return { unit, end };
    const at = end + plus.length;
    const whole = k.units.find(
      (u) =>
        u.kind !== 'count' &&
        u.spelling.length > unit.spelling.length &&
        u.spelling.startsWith(unit.spelling) &&
        text.startsWith(u.spelling.slice(unit.spelling.length), at) &&
        (!u.needsMagnitude || reading.magnitude),
    );
    const rest = whole ? whole.spelling.length - unit.spelling.length : 0;
    const next = text.charCodeAt(at + rest);
    if (!whole && !(at === text.length || CLAUSE_END.has(next))) return { unit, end };
    // the last Latin letter of a unit must not run on (PF多…): as unitAt
    if (whole && isAsciiLetter(whole.spelling.charCodeAt(whole.spelling.length - 1)) && isAsciiLetter(next)) return { unit, end };
    reading.plus = reading.q;
    reading.plusWord = plus;
    return { unit: whole ?? unit, end: at + rest };
  }

  /** `第N` with a rank context (全国, 位居 …) before it and 位/名 or a clause end after it. */
  private rank(pos: number): { figure: ScannedFigure | null; skipTo: number } {
    const { text, k } = this;
    const at = pos + 1;
    const startsNumber = isAsciiDigit(text.charCodeAt(at)) || startsChinese(text, at, k);
    if (!startsNumber) return { figure: null, skipTo: pos + 1 };
    const reading = this.read(at);
    if (!reading || reading.positional || reading.plus || reading.few || reading.magnitude) {
      return { figure: null, skipTo: reading ? Math.max(pos + 1, reading.end) : pos + 1 };
    }
    const skipTo = Math.max(pos + 1, reading.end);
    const next = text[reading.end] ?? '';
    const measure = k.rankMeasures.includes(next);
    const endsRank = measure || next === '' || /[,，、。;；:：)）\s”"]/u.test(next);
    let lead = '';
    for (let i = pos - 1; i >= 0 && pos - i <= 10; i--) {
      if (/[,，、。;；:：\n(（]/u.test(text[i]!)) break;
      lead = text[i]! + lead;
    }
    const context = k.words.rankContext.some((w) => lead.includes(w));
    const negated = k.words.rankNegators.some((w) => lead.endsWith(w));
    if (!endsRank || !context || negated || this.blocked[pos]) return { figure: null, skipTo };
    // 第三位, 第21名: the measure word is part of what was written
    const end = measure ? reading.end + 1 : reading.end;
    return {
      figure: {
        start: pos,
        end,
        reading,
        unit: null,
        qualifier: null,
        interval: intervalOf(reading, null, k.intervals),
        rank: true,
        placeholder: false,
        range: false,
      },
      skipTo,
    };
  }

  /**
   * `×%`, `XX亿元`, `□□`: a figure left unfinished. When the run of placeholder characters is none, no
   * later start inside it is one either (same run end, same unit after it): `skipTo` passes the whole run,
   * so a line of a million `×` is read once, not once per character.
   */
  private placeholder(pos: number): { figure: ScannedFigure | null; skipTo: number } {
    const none = { figure: null, skipTo: pos + 1 };
    const { text, k } = this;
    if (isAsciiLetter(text.charCodeAt(pos - 1)) || isAsciiDigit(text.charCodeAt(pos - 1))) return none;
    let end = pos;
    let latin = 0;
    while (end < text.length && (k.placeholders.has(text[end]!) || (text[end] === '.' && k.placeholders.has(text[end + 1] ?? '')))) {
      if (isAsciiLetter(text.charCodeAt(end))) latin++;
      end++;
    }
    const skipTo = Math.max(pos + 1, end);
    if (isAsciiLetter(text.charCodeAt(end)) || isAsciiDigit(text.charCodeAt(end))) return { figure: null, skipTo };
    let magnitude = false;
    for (const m of k.magnitudes) {
      if (text.startsWith(m.word, end)) {
        end += m.word.length;
        magnitude = true;
        break;
      }
    }
    const unit = unitAt(text, end, k, magnitude) ?? null;
    if (unit) end += unit.spelling.length;
    // A placeholder stands for digits only before a unit, a magnitude or %, as the placeholder check's
    // `token-before-unit` pattern reads it (增长×%, XX亿元, 占比□□%): `“数据要素×”行动` names a programme.
    if (!unit && !magnitude) return { figure: null, skipTo };
    // A lone X or x is a letter; × between numbers is times.
    if (latin > 0 && latin === end - pos && latin < 2) return none;
    if (text[pos] === '×' && isAsciiDigit(text.charCodeAt(pos + 1))) return none;
    if (k.dateUnits.includes(text[end] ?? '')) return { figure: null, skipTo };
    const figure: ScannedFigure = { start: pos, end, reading: null, unit, qualifier: null, interval: null, rank: false, placeholder: true, range: false };
    return { figure, skipTo: end };
  }
}

const tables = new WeakMap<Knowledge, Uint8Array>();
function candidateTable(k: Knowledge): Uint8Array {
  let table = tables.get(k);
  if (!table) {
    table = new Uint8Array(65536);
    const mark = (s: string) => {
      if (s) table![s.charCodeAt(0)] = 1;
    };
    for (let c = 48; c <= 57; c++) table[c] = 1;
    for (const ch of [...k.digits.keys(), ...k.places.keys(), ...k.placeholders, k.rankPrefix, ...k.fewDigits, ...k.fractionPrefixes.map((f) => f.spelling), ...doublingStarts(k)]) mark(ch);
    for (const m of k.magnitudes) if (m.word.length === 1) mark(m.word);
    tables.set(k, table);
  }
  return table;
}
