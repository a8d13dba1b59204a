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
}

const SPACE = 1;
const REMOVE = 2;

/** Compiled settings, cached per rule set (rule sets are long-lived objects). */
interface Compiled {
  /** BMP code unit → SPACE | REMOVE | 0. */
  charClass: Uint8Array;
  /** Sticky: matches `(dāng)` / `（gè）` at lastIndex. */
  pinyin: RegExp | null;
  toneMark: RegExp;
  /** Simplified table with the rule overrides applied. */
  toSimplified: Uint16Array;
  /** Override character → phrases (Simplified) in which it stays, with its index in each. */
  keep: Map<number, { phrase: string; at: number }[]>;
  mixedShare: number;
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

function compile(rules: RuleSet): Compiled {
  const hit = compiledCache.get(rules);
  if (hit) return hit;
  const config = settings(rules);
  const charClass = new Uint8Array(0x10000);
  const classify = (body: string | undefined, value: number, what: string): void => {
    if (!body) return;
    const re = ruleRegExp(`[${body}]`, 'u', what);
    // 64K regex tests once per rule set (~5 ms) beat hand-parsing a character class.
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (re.test(String.fromCharCode(c))) charClass[c] = value;
    }
  };
  classify(config.spaces, SPACE, 'spaces');
  classify(config.remove, REMOVE, 'remove');

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
  const compiled: Compiled = { charClass, pinyin, toneMark, toSimplified, keep, mixedShare: config.mixedShare ?? 0.1 };
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

/** Counts Traditional-only and Simplified-only characters; decides the document's script. */
export function detectScript(text: string, mixedShare = 0.1): Script {
  const { flags } = charTables();
  let traditional = 0;
  let simplified = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if (isCjk(c)) cjk++;
    const f = flags[c]!;
    if (f === TRADITIONAL_ONLY) traditional++;
    else if (f === SIMPLIFIED_ONLY) simplified++;
  }
  return scriptOf(traditional, simplified, cjk, mixedShare);
}

function scriptOf(traditional: number, simplified: number, cjk: number, mixedShare: number): Script {
  if (cjk === 0) return 'none';
  const total = traditional + simplified;
  if (total === 0) return 'simplified';
  const share = Math.min(traditional, simplified) / total;
  if (share >= mixedShare) return 'mixed';
  return traditional > simplified ? 'traditional' : 'simplified';
}

/** Joins UTF-16 code units without per-character string concatenation. */
function unitsToString(units: Uint16Array, length: number): string {
  const CHUNK = 8192;
  if (length <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

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
  const tables = charTables();
  const flags = tables.flags;
  const n = text.length;

  // Pass 1 (cheap): script counts, and which lines hold a Traditional-only character.
  let traditional = 0;
  let simplified = 0;
  let cjk = 0;
  const lineHasTraditional: boolean[] = [];
  let lineTraditional = false;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 0x3400) {
      if (ch === 10 || ch === 13 || ch === 0x2028 || ch === 0x2029) {
        if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
        lineHasTraditional.push(lineTraditional);
        lineTraditional = false;
      }
      continue;
    }
    if (isCjk(ch)) cjk++;
    const f = flags[ch]!;
    if (f === TRADITIONAL_ONLY) {
      traditional++;
      lineTraditional = true;
    } else if (f === SIMPLIFIED_ONLY) simplified++;
  }
  lineHasTraditional.push(lineTraditional);
  const script = scriptOf(traditional, simplified, cjk, c.mixedShare);
  const convertAll = script === 'traditional';

  // Pass 2: build normalized units and offsets.
  const out = new Uint16Array(n);
  const offsets = new Int32Array(n + 1);
  const { charClass, toSimplified, keep, pinyin, toneMark } = c;
  const astral = tables.astral;
  let j = 0;
  let line = 0;
  let convert = convertAll || lineHasTraditional[0]!;
  for (let i = 0; i < n; i++) {
    let ch = text.charCodeAt(i);
    const origin = base ? base[i]! : i;
    if (ch < 0x80) {
      if (ch === 13 || ch === 10) {
        if (ch === 13 && text.charCodeAt(i + 1) === 10) continue; // the \n of \r\n is the break
        ch = 10;
        convert = convertAll || lineHasTraditional[++line]!;
      } else if (ch === 40 && pinyin && j > 0 && isCjk(out[j - 1]!)) {
        // Pinyin follows a CJK character of the output, so `個\u200b(gè)` and a second
        // annotation `個(gè)(gè)` go too.
        const end = pinyinEnd(text, i, pinyin, toneMark);
        if (end > 0) {
          i = end - 1;
          continue;
        }
      }
    } else if (ch >= 0xff01 && ch <= 0xff5e) {
      if (ch === 0xff08 && pinyin && j > 0 && isCjk(out[j - 1]!)) {
        const end = pinyinEnd(text, i, pinyin, toneMark);
        if (end > 0) {
          i = end - 1;
          continue;
        }
      }
      ch -= 0xfee0;
    } else {
      const cls = charClass[ch]!;
      if (cls === REMOVE) continue;
      if (cls === SPACE) ch = 32;
      else if (ch === 0x2028 || ch === 0x2029) {
        ch = 10;
        convert = convertAll || lineHasTraditional[++line]!;
      } else if (convert) {
        if (ch >= 0xd800 && ch <= 0xdbff) {
          const low = text.charCodeAt(i + 1);
          const mapped = astral.size ? astral.get(((ch - 0xd800) << 10) + (low - 0xdc00) + 0x10000) : undefined;
          if (mapped !== undefined) {
            out[j] = 0xd800 + ((mapped - 0x10000) >> 10);
            offsets[j++] = origin;
            out[j] = 0xdc00 + ((mapped - 0x10000) & 0x3ff);
            offsets[j++] = base ? base[i + 1]! : i + 1;
            i++;
            continue;
          }
        } else {
          const s = toSimplified[ch]!;
          if (s !== 0 && !(keep.size && keep.has(ch) && kept(text, i, keep.get(ch)!, toSimplified))) ch = s;
        }
      }
    }
    out[j] = ch;
    offsets[j++] = origin;
  }
  offsets[j] = base ? base[n]! : n;
  const normalized = unitsToString(out, j);
  return {
    normalized,
    offsets: offsets.slice(0, j + 1),
    boilerplate: findBoilerplate(normalized, rules),
    script,
  };
}

/** End (exclusive) of a pinyin annotation starting at the paren at `i`, or 0. */
function pinyinEnd(text: string, i: number, pinyin: RegExp, toneMark: RegExp): number {
  pinyin.lastIndex = i;
  const m = pinyin.exec(text);
  if (!m || !toneMark.test(m[0])) return 0;
  return i + m[0].length;
}

/** Whether the character at `i` sits in one of its keep phrases (compared after conversion). */
function kept(text: string, i: number, phrases: { phrase: string; at: number }[], toSimplified: Uint16Array): boolean {
  outer: for (const { phrase, at } of phrases) {
    const start = i - at;
    if (start < 0 || start + phrase.length > text.length) continue;
    for (let k = 0; k < phrase.length; k++) {
      if (k === at) continue;
      const o = text.charCodeAt(start + k);
      const s = toSimplified[o] || o;
      if (s !== phrase.charCodeAt(k) && o !== phrase.charCodeAt(k)) continue outer;
    }
    return true;
  }
  return false;
}
