/**
 * normalize: DecodedText → the text every later stage reads (Simplified, half-width, one kind of
 * line break and space, pinyin annotations removed) plus the ONE offset map back to the original.
 *
 * One pass over UTF-16 code units into a typed array; each output unit records the original offset
 * it came from, so a location is always exact. Characters are only replaced 1:1 or removed, never
 * inserted, which keeps the map monotone.
 */
import type { Boilerplate, DecodedText, Script } from '../model.js';
import { InputError } from '../model.js';
import type { RuleSet } from '../rules/types.js';
import { findBoilerplate } from './boilerplate.js';
import { charTables, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './traditional.js';
import { precompiledUnitTable } from './unit-tables.js';

export { findBoilerplate } from './boilerplate.js';
export { OffsetMap } from './offset-map.js';

export interface Normalized {
  normalized: string;
  /** normalized offset → ORIGINAL offset (composed with decoded.textOffsets), length normalized.length + 1. */
  offsets: Int32Array;
  boilerplate: Boilerplate[];
  script: Script;
}

/** The `normalization` section of rules/core/normalize.yaml (see rules/schema.json). */
export interface NormalizationRules {
  spaces?: string;
  remove?: string;
  pinyinSyllable?: string;
  pinyinSeparator?: string;
  pinyinMaxSyllables?: number;
  pinyinToneMark?: string;
  traditionalOverrides?: Record<string, string>;
  traditionalKeep?: string[];
  mixedShare?: number;
  joinLetterSpacedDigits?: boolean;
  joinSpacedUnits?: boolean;
}

/**
 * What pass 2 does with a code unit (one table read decides; the common cases come first):
 * ASCII other than line breaks and `(` is copied; any other unit not listed below is copied or,
 * on a line being converted, looked up in the Simplified table.
 */
const COPY_ASCII = 0;
const COPY_OR_CONVERT = 1;
/** \n, \r, and U+2028/U+2029 unless the rules make them spaces or remove them. */
const LINE_BREAK = 2;
/** `(` and `（`: maybe a pinyin annotation (`（` folds to `(` otherwise). */
const OPEN_PAREN = 3;
/** U+FF01–U+FF5E → ASCII. */
const FULL_WIDTH = 4;
/** normalization.remove */
const REMOVE = 5;
/** normalization.spaces → ' ' */
const SPACE = 6;
/** ASCII space: copied, or dropped inside letter-spaced digits or before a number's unit (normalization.joinLetterSpacedDigits, joinSpacedUnits). */
const ASCII_SPACE = 7;

/** Compiled settings, cached per rule set (rule sets are long-lived objects). */
interface Compiled {
  /** BMP code unit → what pass 2 does with it (COPY_ASCII … SPACE). */
  action: Uint8Array;
  /** Sticky: matches `(dāng)` / `（gè）` at lastIndex. */
  pinyin: RegExp | null;
  toneMark: RegExp;
  /** Simplified table with the rule overrides applied. */
  toSimplified: Uint16Array;
  /** Override character → phrases (Simplified) in which it stays, with its index in each. */
  keep: Map<number, { phrase: string; at: number }[]>;
  mixedShare: number;
  joinLetterSpacedDigits: boolean;
  joinSpacedUnits: boolean;
}

const compiledCache = new WeakMap<object, Compiled>();

function settings(rules: RuleSet): NormalizationRules {
  return (rules.normalization ?? {}) as NormalizationRules;
}

/** A regular expression from a rule setting; a bad one is an InputError, not a stack trace. */
function ruleRegExp(source: string, flags: string, what: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new InputError(`rules: normalization.${what}: ${(error as Error).message}`);
  }
}

/** Every BMP code unit outside the surrogates, in order: the subject for matchingUnits. */
let allUnits: string | undefined;

/**
 * The BMP code units (surrogates excepted) that the character class `[body]` matches, in order.
 * A body without an unescaped `]` is one class, which matches one character whatever surrounds it,
 * so one global match over a string of all units finds them (~1 ms); anything else is tested unit
 * by unit as a one-character string (~5 ms), which keeps odd rule text meaning what it meant.
 */
function matchingUnits(body: string | undefined, what: string): number[] {
  const units: number[] = [];
  if (!body) return units;
  const re = ruleRegExp(`[${body}]`, 'u', what);
  if (!/(?:^|[^\\])(?:\\\\)*\]/.test(body)) {
    if (allUnits === undefined) {
      const all = new Uint16Array(0x10000 - 0x800);
      for (let k = 0; k < all.length; k++) all[k] = k < 0xd800 ? k : k + 0x800;
      allUnits = unitsToString(all, all.length);
    }
    for (const m of allUnits.matchAll(new RegExp(re.source, 'gu'))) units.push(m.index < 0xd800 ? m.index : m.index + 0x800);
    return units;
  }
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (re.test(String.fromCharCode(c))) units.push(c);
  }
  return units;
}

function compile(rules: RuleSet): Compiled {
  const hit = compiledCache.get(rules);
  if (hit) return hit;
  const config = settings(rules);
  // (fill, not loops over 64K units: this runs once per process, before the JIT has warmed up)
  const action = new Uint8Array(0x10000).fill(COPY_OR_CONVERT, 0x80);
  // The space/remove settings apply outside ASCII and the full-width block; remove wins.
  for (const c of matchingUnits(config.spaces, 'spaces')) action[c] = SPACE;
  for (const c of matchingUnits(config.remove, 'remove')) action[c] = REMOVE;
  action.fill(COPY_ASCII, 0, 0x80);
  action.fill(FULL_WIDTH, 0xff01, 0xff5f);
  for (const c of [0x2028, 0x2029]) if (action[c] === COPY_OR_CONVERT) action[c] = LINE_BREAK;
  action[10] = action[13] = LINE_BREAK;
  action[40] = action[0xff08] = OPEN_PAREN;
  if (config.joinLetterSpacedDigits || config.joinSpacedUnits) action[32] = ASCII_SPACE;

  let pinyin: RegExp | null = null;
  if (config.pinyinSyllable) {
    const syllable = config.pinyinSyllable;
    const max = Math.max(1, config.pinyinMaxSyllables ?? 1);
    const more = max > 1 ? `(?:${config.pinyinSeparator ?? ''}(?:${syllable})){0,${max - 1}}` : '';
    pinyin = ruleRegExp(`[(（](?:${syllable})${more}[)）]`, 'y', 'pinyinSyllable/pinyinSeparator');
  }
  const toneMark = ruleRegExp(config.pinyinToneMark ?? '[\\u0100-\\u01dc\\u0300-\\u030c]', '', 'pinyinToneMark');

  const tables = charTables();
  let toSimplified = tables.toSimplified;
  const keep = new Map<number, { phrase: string; at: number }[]>();
  if (config.traditionalOverrides && Object.keys(config.traditionalOverrides).length) {
    toSimplified = tables.toSimplified.slice();
    for (const [from, to] of Object.entries(config.traditionalOverrides)) {
      if (from.length !== 1 || to.length !== 1) continue; // only 1:1 BMP keeps offsets 1:1
      toSimplified[from.charCodeAt(0)] = to === from ? 0 : to.charCodeAt(0);
      keep.set(from.charCodeAt(0), []);
    }
    for (const phrase of config.traditionalKeep ?? []) {
      for (let at = 0; at < phrase.length; at++) keep.get(phrase.charCodeAt(at))?.push({ phrase, at });
    }
  }
  const compiled: Compiled = { action, pinyin, toneMark, toSimplified, keep, mixedShare: config.mixedShare ?? 0.1, joinLetterSpacedDigits: config.joinLetterSpacedDigits ?? false, joinSpacedUnits: config.joinSpacedUnits ?? false };
  compiledCache.set(rules, compiled);
  return compiled;
}

function isCjk(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    // low surrogate: the second half of an astral ideograph (extensions B–H)
    (c >= 0xdc00 && c <= 0xdfff) ||
    c === 0x3007 // 〇
  );
}

/** Script-detection classes of a code unit (bits), from charTables().flags and isCjk. */
const SCRIPT_TRADITIONAL = 1;
const SCRIPT_SIMPLIFIED = 2;
const SCRIPT_CJK = 4;
const SCRIPT_LINE_BREAK = 8;

let scriptClasses: Uint8Array | undefined;

/**
 * Code unit → SCRIPT_* bits: one table read per character in the counting pass instead of range
 * tests and a flags read. Below U+3400 only line breaks are marked (nothing there counts for the
 * script); a character flagged both Traditional- and Simplified-only counts as neither, so the
 * SCRIPT_TRADITIONAL and SCRIPT_SIMPLIFIED bits never come together.
 */
function scriptClassTable(): Uint8Array {
  scriptClasses ??= precompiledUnitTable('scriptClasses') ?? buildScriptClassTable();
  return scriptClasses;
}

/** The table of scriptClassTable, built (the build stores it: ./unit-tables.ts). */
export function buildScriptClassTable(): Uint8Array {
  const { flags } = charTables();
  const table = new Uint8Array(0x10000);
  for (const c of [10, 13, 0x2028, 0x2029]) table[c] = SCRIPT_LINE_BREAK;
  for (let c = 0x3400; c < 0x10000; c++) {
    const f = flags[c]!;
    table[c] = (isCjk(c) ? SCRIPT_CJK : 0) | (f === TRADITIONAL_ONLY ? SCRIPT_TRADITIONAL : f === SIMPLIFIED_ONLY ? SCRIPT_SIMPLIFIED : 0);
  }
  return table;
}

/** Counts Traditional-only and Simplified-only characters; decides the document's script. */
export function detectScript(text: string, mixedShare = 0.1): Script {
  const { traditional, simplified, cjk } = countScript(text);
  return scriptOf(traditional, simplified, cjk, mixedShare);
}

interface ScriptCounts {
  traditional: number;
  simplified: number;
  cjk: number;
  /** Line numbers (0-based, ascending) holding a Traditional-only character; most documents have none. */
  traditionalLines: number[];
}

/** Counts for the script decision; lines end at \n, \r\n, a lone \r, U+2028 or U+2029. */
function countScript(text: string): ScriptCounts {
  const classes = scriptClassTable();
  let traditional = 0;
  let simplified = 0;
  let cjk = 0;
  const traditionalLines: number[] = [];
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const k = classes[text.charCodeAt(i)]!;
    if (k === SCRIPT_LINE_BREAK) {
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      continue;
    }
    // Added without branching (the bits are exclusive): Simplified-only characters are too
    // frequent and irregular for a branch predictor.
    cjk += (k >> 2) & 1;
    simplified += (k >> 1) & 1;
    if (k & SCRIPT_TRADITIONAL) {
      traditional++;
      if (traditionalLines[traditionalLines.length - 1] !== line) traditionalLines.push(line);
    }
  }
  return { traditional, simplified, cjk, traditionalLines };
}

function scriptOf(traditional: number, simplified: number, cjk: number, mixedShare: number): Script {
  if (cjk === 0) return 'none';
  const total = traditional + simplified;
  if (total === 0) return 'simplified';
  const share = Math.min(traditional, simplified) / total;
  if (share >= mixedShare) return 'mixed';
  return traditional > simplified ? 'traditional' : 'simplified';
}

/** Node's utf16le codec reads a Uint16Array's bytes as they lie in memory only on little-endian machines. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * UTF-16 code units → string. Buffer's utf16le decoder copies in one go (~6× faster than
 * String.fromCharCode over chunks) and, unlike TextDecoder, keeps lone surrogates as they are.
 */
function unitsToString(units: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN) return Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
  const CHUNK = 8192;
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

/** Output units of normalize, reused between calls (the string copies them out): no 2 bytes/char allocation per document. */
let scratch = new Uint16Array(0);

/**
 * Normalizes a decoded document.
 * - Traditional → Simplified (one character at a time; lines without a Traditional-only character
 *   are left alone unless the whole document is Traditional, so 乾坤 in Simplified text stays);
 * - U+FF01–U+FF5E → ASCII, odd spaces → ' ', zero-width characters removed, CRLF/CR/U+2028 → '\n';
 * - `(dāng)` pinyin annotations right after a CJK character removed;
 * - boilerplate lines listed (kept in the text).
 */
export function normalize(decoded: DecodedText, rules: RuleSet): Normalized {
  const text = decoded.text;
  const base = decoded.textOffsets;
  if (base && base.length !== text.length + 1) {
    throw new InputError(`${decoded.path}: internal offset map has ${base.length} entries for ${text.length + 1} text offsets`);
  }
  const c = compile(rules);
  const n = text.length;

  // Pass 1 (cheap): script counts, and which lines hold a Traditional-only character.
  const { traditional, simplified, cjk, traditionalLines } = countScript(text);
  const script = scriptOf(traditional, simplified, cjk, c.mixedShare);

  // Pass 2: build normalized units and offsets.
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, scratch.length * 2));
  const out = scratch;
  const offsets = new Int32Array(n + 1);
  const j = normalizeUnits(text, base, c, traditionalLines, script === 'traditional', out, offsets);
  const built = unitsToString(out, j);
  // Most text comes through unchanged: then the document holds one string, not two equal ones (~100 MB
  // on a 10,000-document run).
  const normalized = built === text ? text : built;
  return {
    normalized,
    // A view rather than a copy: the few entries past j (removed characters) are not worth copying the rest.
    offsets: j === n ? offsets : offsets.subarray(0, j + 1),
    boilerplate: decoded.boilerplate?.length ? withReaderBoilerplate(findBoilerplate(normalized, rules), decoded.boilerplate, offsets, j, decoded.original.length) : findBoilerplate(normalized, rules),
    script,
  };
}

/**
 * Pass 2 of normalize, the one per character: writes the normalized units into `out` and their original
 * offsets (through `base`, the reader's map, when there is one) into `offsets`; returns how many were written.
 * Lines convert Traditional → Simplified when `convertAll` or when listed in `traditionalLines`.
 */
function normalizeUnits(
  text: string,
  base: Int32Array | undefined,
  c: Compiled,
  traditionalLines: number[],
  convertAll: boolean,
  out: Uint16Array,
  offsets: Int32Array,
): number {
  const n = text.length;
  const { action, toSimplified, keep, pinyin, toneMark } = c;
  const astral = charTables().astral;
  let j = 0;
  let line = 0;
  /** Index into traditionalLines of the first Traditional line not before the current line. */
  let nextTraditional = convertAll ? 0 : traditionalLineFrom(traditionalLines, 0, line);
  let convert = convertAll || traditionalLines[nextTraditional] === line;
  for (let i = 0; i < n; i++) {
    let ch = text.charCodeAt(i);
    const act = action[ch]!;
    const origin = base ? base[i]! : i;
    if (act > COPY_OR_CONVERT) {
      if (act === LINE_BREAK) {
        if (ch === 13 && text.charCodeAt(i + 1) === 10) continue; // the \n of \r\n is the break
        ch = 10;
        line++;
        if (traditionalLines.length && !convertAll) {
          nextTraditional = traditionalLineFrom(traditionalLines, nextTraditional, line);
          convert = traditionalLines[nextTraditional] === line;
        }
      } else if (act === FULL_WIDTH) {
        ch -= 0xfee0;
      } else if (act === OPEN_PAREN) {
        // Pinyin follows a CJK character of the output, so `個\u200b(gè)` and a second
        // annotation `個(gè)(gè)` go too.
        if (pinyin && j > 0 && isCjk(out[j - 1]!)) {
          const end = pinyinEnd(text, i, pinyin, toneMark);
          if (end > 0) {
            i = end - 1;
            continue;
          }
        }
        if (ch === 0xff08) ch = 40;
      } else if (act === REMOVE) {
        continue;
      } else {
        // SPACE or ASCII_SPACE; ASCII_SPACE exists only when joinLetterSpacedDigits or joinSpacedUnits is on.
        if (act === ASCII_SPACE ? droppedSpace(text, i, c) : c.joinLetterSpacedDigits && letterSpacedGap(text, i, c.action)) continue;
        ch = 32;
      }
    } else if (convert && act === COPY_OR_CONVERT) {
      if (ch >= 0xd800 && ch <= 0xdbff) {
        if (astral.size && writeAstral(text, i, base, astral, out, offsets, j)) {
          j += 2;
          i++;
          continue;
        }
      } else {
        const s = toSimplified[ch]!;
        if (s !== 0 && !(keep.size && keep.has(ch) && kept(text, i, keep.get(ch)!, c, out, j))) ch = s;
      }
    }
    out[j] = ch;
    offsets[j++] = origin;
  }
  offsets[j] = base ? base[n]! : n;
  return j;
}

/** The index of the first of `traditionalLines` (ascending) not before `line`, searching on from `from`. */
function traditionalLineFrom(traditionalLines: number[], from: number, line: number): number {
  while (from < traditionalLines.length && traditionalLines[from]! < line) from++;
  return from;
}

/**
 * An astral Traditional ideograph at `i` (a surrogate pair) written as its Simplified one at `j`, both
 * halves at their own original offsets; false (nothing written) when it has none.
 */
function writeAstral(text: string, i: number, base: Int32Array | undefined, astral: Map<number, number>, out: Uint16Array, offsets: Int32Array, j: number): boolean {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  const mapped = astral.get(((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
  if (mapped === undefined) return false;
  out[j] = 0xd800 + ((mapped - 0x10000) >> 10);
  offsets[j] = base ? base[i]! : i;
  out[j + 1] = 0xdc00 + ((mapped - 0x10000) & 0x3ff);
  offsets[j + 1] = base ? base[i + 1]! : i + 1;
  return true;
}

/**
 * The reader's boilerplate (spans of the original) as spans of normalized text: the runs of normalized units
 * whose original offset lies in one. One pass over the map, which need not be monotone (a PDF reader moves the
 * running lines that interrupt a paragraph to its end, src/read/pdf.ts).
 */
/** The patterns' boilerplate and the reader's (a PDF's running lines, a .docx's headers and footers), a line found by both once. */
function withReaderBoilerplate(found: Boilerplate[], spans: Boilerplate[], offsets: Int32Array, length: number, originalLength: number): Boilerplate[] {
  const lines = readerBoilerplate(spans, offsets, length, originalLength);
  return [...found.filter((b) => !lines.some((l) => l.start === b.start)), ...lines].sort((a, b) => a.start - b.start);
}

function readerBoilerplate(spans: Boilerplate[], offsets: Int32Array, length: number, originalLength: number): Boilerplate[] {
  const owner = new Int32Array(originalLength + 1).fill(-1);
  spans.forEach((span, k) => owner.fill(k, Math.max(0, span.start), Math.min(originalLength, span.end)));
  const found: Boilerplate[] = [];
  let open: Boilerplate | null = null;
  for (let j = 0; j <= length; j++) {
    const k = j < length ? owner[offsets[j]!]! : -1;
    if (open && (k < 0 || spans[k]!.pattern !== open.pattern || offsets[j]! < offsets[j - 1]!)) {
      found.push(open);
      open = null;
    }
    if (k >= 0 && !open) open = { start: j, end: j + 1, pattern: spans[k]!.pattern };
    else if (open) open.end = j + 1;
  }
  return found;
}

const isDigitUnit = (u: number) => (u >= 48 && u <= 57) || (u >= 0xff10 && u <= 0xff19);
const isPointUnit = (u: number) => u === 46 || u === 0xff0e;
/** What may follow a gap inside a letter-spaced figure: a digit, a decimal point, a percent or per-mille sign, a CJK unit. */
const continuesFigure = (u: number) => isDigitUnit(u) || u === 46 || u === 0xff0e || u === 37 || u === 0xff05 || u === 0x2030 || (u >= 0x4e00 && u <= 0x9fff);

/** Whether the ASCII space at `i` goes: inside a letter-spaced figure, or between a number and its unit. */
function droppedSpace(text: string, i: number, c: Compiled): boolean {
  return (c.joinLetterSpacedDigits && letterSpacedGap(text, i, c.action)) || (c.joinSpacedUnits && unitGap(text, i, c.action));
}

/**
 * Whether the one space at `i` stands between a number's last digit and the unit, percent sign or word after
 * it (`6.48 万人`, `72.8 %`, `2020 年`), as PDF text layers and texts spaced between Chinese and Latin set them:
 * the number is read with its unit. A digit or a decimal point after the space keeps it (`2020 2021`).
 */
function unitGap(text: string, i: number, action: Uint8Array): boolean {
  let last = i - 1;
  while (last >= 0 && action[text.charCodeAt(last)] === REMOVE) last--;
  if (last < 0 || !isDigitUnit(text.charCodeAt(last))) return false;
  let after = i + 1;
  while (after < text.length && action[text.charCodeAt(after)] === REMOVE) after++;
  if (after >= text.length) return false;
  const u = text.charCodeAt(after);
  return continuesFigure(u) && !isDigitUnit(u) && !isPointUnit(u);
}

/**
 * Whether the one space at `i` sits inside a letter-spaced figure (`1 9 9 7 年`, `8 ．8 ％`, `7 4 7 7 2 亿元`,
 * as typeset in some older web texts): it follows a lone digit (no digit before that one) and a digit,
 * a decimal point, a percent sign or a CJK character follows it, a digit only when that digit is alone as
 * well. `2020 2021` (a digit before the digit), `3409.2 5.6` and `表1 2024年` keep their space.
 */
function letterSpacedGap(text: string, i: number, action: Uint8Array): boolean {
  // Characters normalization removes (zero-width ones) are not there: `1\u200b8 11` reads as `18 11`.
  const before = (k: number) => {
    while (k >= 0 && action[text.charCodeAt(k)] === REMOVE) k--;
    return k;
  };
  let after = i + 1;
  while (after < text.length && action[text.charCodeAt(after)] === REMOVE) after++;
  const last = before(i - 1);
  if (last < 0 || !isDigitUnit(text.charCodeAt(last))) return false;
  // A lone digit: not the end of a number (`2020 2021`).
  const previous = before(last - 1);
  if (previous >= 0 && isDigitUnit(text.charCodeAt(previous))) return false;
  if (after >= text.length || !continuesFigure(text.charCodeAt(after))) return false;
  if (!isDigitUnit(text.charCodeAt(after))) return true;
  // A digit after the gap: not after the last digit of a decimal written solid (`3409.2 5.6`; spaced,
  // `1 0 ．0 6 ‰`, it joins), and not the start of a longer number (`表1 2024年` is a label and a year).
  if (previous >= 0 && isPointUnit(text.charCodeAt(previous))) {
    const whole = before(previous - 1);
    if (whole >= 0 && isDigitUnit(text.charCodeAt(whole))) return false;
  }
  // Alone, or a group of three (`3 278.85`, a thin space between thousands as scientific texts write it).
  let digits = 0;
  for (let k = after; k < text.length && digits < 4; k++) {
    const u = text.charCodeAt(k);
    if (action[u] === REMOVE) continue;
    if (!isDigitUnit(u)) break;
    digits++;
  }
  return digits === 1 || digits === 3;
}

/** End (exclusive) of a pinyin annotation starting at the paren at `i`, or 0. */
function pinyinEnd(text: string, i: number, pinyin: RegExp, toneMark: RegExp): number {
  pinyin.lastIndex = i;
  const m = pinyin.exec(text);
  if (!m || !toneMark.test(m[0])) return 0;
  return i + m[0].length;
}

/**
 * Whether the character at `i` sits in one of its keep phrases (compared after conversion). The phrase is
 * read as the normalized text will read: the characters before `i` from the output so far, those after it
 * from the text past what normalizing removes (zero-width characters, pinyin annotations), so `顯(xiǎn)著`
 * keeps its 著 as `顯著` does.
 */
function kept(text: string, i: number, phrases: { phrase: string; at: number }[], c: Compiled, out: Uint16Array, j: number): boolean {
  const { toSimplified } = c;
  const same = (code: number, want: number) => code === want || (toSimplified[code] || code) === want;
  outer: for (const { phrase, at } of phrases) {
    if (j < at) continue;
    for (let k = 0; k < at; k++) if (!same(out[j - at + k]!, phrase.charCodeAt(k))) continue outer;
    let p = i + 1;
    for (let k = at + 1; k < phrase.length; k++) {
      p = pastRemoved(text, p, c);
      if (p >= text.length || !same(text.charCodeAt(p), phrase.charCodeAt(k))) continue outer;
      p++;
    }
    return true;
  }
  return false;
}

/** The first index from `p` that normalizing keeps: past zero-width characters and pinyin annotations. */
function pastRemoved(text: string, p: number, c: Compiled): number {
  while (p < text.length) {
    const act = c.action[text.charCodeAt(p)]!;
    if (act === REMOVE) p++;
    else if (act === OPEN_PAREN && c.pinyin) {
      const end = pinyinEnd(text, p, c.pinyin, c.toneMark);
      if (end <= 0) break;
      p = end;
    } else break;
  }
  return p;
}
