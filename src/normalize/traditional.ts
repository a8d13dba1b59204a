/**
 * Traditional → Simplified, one character at a time, from OpenCC's dictionaries (opencc-js).
 * Whole-text OpenCC conversion (phrase segmentation) runs at ~20 MB/s and may change lengths;
 * a code point → code point table keeps normalized offsets 1:1 with the original and costs one
 * array read per character. Where a character needs a phrase to be read right (著 as 着 or 著),
 * rules/core/normalize.yaml chooses the government-prose reading and lists exceptions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iconv } from '../read/legacy-codecs.js';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import { RULES_DIR } from '../rules/load.js';

/** Character flags for script detection. */
export const TRADITIONAL_ONLY = 1;
export const SIMPLIFIED_ONLY = 2;

export interface CharTables {
  /** BMP code unit → Simplified code unit; 0 where the character stays. */
  toSimplified: Uint16Array;
  /** Astral code point → astral code point (rare; only same-length mappings are kept). */
  astral: Map<number, number>;
  /** BMP code unit → TRADITIONAL_ONLY | SIMPLIFIED_ONLY | 0. */
  flags: Uint8Array;
}

/** `a b|c d|…` → pairs; OpenCC lists one or more targets, the first is its default reading. */
function entries(dict: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space <= 0) continue;
    const target = entry.slice(space + 1).split(' ')[0]!;
    pairs.push([entry.slice(0, space), target]);
  }
  return pairs;
}

/**
 * The characters that a run of double-byte codes decodes to, with Node's built-in (ICU) decoder:
 * ~1 ms, where building iconv-lite's GBK and Big5 codecs takes ~15 ms of every start-up. Private-use
 * characters and U+FFFD (unassigned codes) are left out. Undefined when Node has no such decoder.
 *
 * Over the whole BMP, the result for GB2312's hanzi rows and for Big5 equals the iconv-lite reading
 * below (tests/normalize-tables.test.ts checks it for every character the tables look up).
 */
function decodedPairs(label: 'gbk' | 'big5', leads: [number, number], trails: [number, number][]): Set<string> | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return undefined; // a Node built without full ICU
  }
  const bytes: number[] = [];
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [from, to] of trails) for (let trail = from; trail <= to; trail++) bytes.push(lead, trail);
  }
  const found = new Set<string>();
  for (const char of decoder.decode(new Uint8Array(bytes))) {
    const code = char.codePointAt(0)!;
    if (code !== 0xfffd && !(code >= 0xe000 && code <= 0xf8ff)) found.add(char);
  }
  return found;
}

/**
 * `iconv().encode(text, encoding)` for each text, in one call (a call per character costs ~1.5 µs of
 * set-up). A line feed separates the results: it is never part of a GBK or Big5 byte pair and the
 * encoders keep no state across it.
 */
function encodeEach(texts: string[], encoding: string): Uint8Array[] {
  if (texts.some((text) => text.includes('\n'))) return texts.map((text) => iconv().encode(text, encoding));
  const bytes = iconv().encode(texts.join('\n'), encoding);
  const results: Uint8Array[] = [];
  let start = 0;
  for (let k = 0; k <= bytes.length; k++) {
    if (k < bytes.length && bytes[k] !== 10) continue;
    results.push(bytes.subarray(start, k));
    start = k + 1;
  }
  return results;
}

/**
 * Which of `chars` are in GB2312's hanzi rows (lead byte B0–F7): the Simplified standard set.
 * iconv-lite's gb2312 is really GBK (which also holds Traditional), so the byte range decides:
 * a character is in when iconv-lite encodes it there.
 */
export function inGb2312(chars: string[], fast = true): Set<string> {
  const hanzi = fast ? decodedPairs('gbk', [0xb0, 0xf7], [[0xa1, 0xfe]]) : undefined;
  if (hanzi) return new Set(chars.filter((char) => hanzi.has(char)));
  const encoded = encodeEach(chars, 'cp936');
  return new Set(chars.filter((_, k) => {
    const bytes = encoded[k]!;
    return bytes.length === 2 && bytes[0]! >= 0xb0 && bytes[0]! <= 0xf7 && bytes[1]! >= 0xa1;
  }));
}

/**
 * Which of `chars` are in Big5 as Windows code page 950 has it (no HKSCS Simplified extras): iconv-lite
 * encodes them in two bytes that decode back to them.
 */
export function inBig5(chars: string[], fast = true): Set<string> {
  const big5 = fast ? decodedPairs('big5', [0xa1, 0xf9], [[0x40, 0x7e], [0xa1, 0xfe]]) : undefined;
  if (big5) return new Set(chars.filter((char) => big5.has(char)));
  const encoded = encodeEach(chars, 'cp950');
  const pairs = encoded.filter((bytes) => bytes.length === 2);
  // Decoding the joined pairs decodes each pair: a two-byte pair never holds a line feed.
  const decoded = iconv().decode(Buffer.concat(pairs.flatMap((bytes) => [bytes, NEWLINE])), 'cp950').split('\n');
  const found = new Set<string>();
  let p = 0;
  for (const [k, char] of chars.entries()) {
    if (encoded[k]!.length !== 2) continue;
    if (decoded[p++] === char) found.add(char);
  }
  return found;
}

const NEWLINE = Buffer.from('\n');

let cached: CharTables | undefined;

/**
 * The tables, on first use: as the build left them in dist/char-tables.json (read in ~1 ms), or built
 * here (~60 ms of every start-up) when there is no build for these dictionaries and this Node's ICU.
 */
export function charTables(): CharTables {
  cached ??= precompiledCharTables() ?? buildCharTables();
  return cached;
}

/** Where the build writes the tables (scripts/precompile.mjs). */
export const CHAR_TABLES_PATH = join(RULES_DIR, '..', 'dist', 'char-tables.json');

/** What the tables are built from: the dictionaries (by size) and Node's ICU decoders. */
export function charTablesKey(): string {
  const sizes = [TSCharacters, STCharacters, TWVariantsRev, HKVariantsRev, CJKCompatibility].map((dict) => dict.length);
  return `1|${sizes.join(',')}|icu ${process.versions.icu ?? 'none'}`;
}

/** The tables as JSON (typed arrays in base64), with the key they were built under. */
export function serializeCharTables(tables: CharTables): string {
  const base64 = (array: Uint16Array | Uint8Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  return JSON.stringify({
    key: charTablesKey(),
    toSimplified: base64(tables.toSimplified),
    flags: base64(tables.flags),
    astral: [...tables.astral],
  });
}

function precompiledCharTables(): CharTables | undefined {
  try {
    const stored = JSON.parse(readFileSync(CHAR_TABLES_PATH, 'utf8')) as { key: string; toSimplified: string; flags: string; astral: [number, number][] };
    if (stored.key !== charTablesKey()) return undefined;
    const toSimplified = Buffer.from(stored.toSimplified, 'base64');
    const flags = Buffer.from(stored.flags, 'base64');
    if (toSimplified.length !== 0x20000 || flags.length !== 0x10000) return undefined;
    return {
      toSimplified: new Uint16Array(toSimplified.buffer.slice(toSimplified.byteOffset, toSimplified.byteOffset + toSimplified.length)),
      flags: new Uint8Array(flags),
      astral: new Map(stored.astral),
    };
  } catch {
    return undefined; // not built (running from source): built in process
  }
}

/** The tables from the dictionaries. */
export function buildCharTables(): CharTables {
  const toSimplified = new Uint16Array(0x10000);
  const astral = new Map<number, number>();
  const flags = new Uint8Array(0x10000);
  const ts = new Map(entries(TSCharacters));
  // Regional variant forms (Taiwan 裡, Hong Kong 綫) first become OpenCC's standard Traditional.
  const variants = new Map([...entries(HKVariantsRev), ...entries(TWVariantsRev), ...entries(CJKCompatibility)]);
  const sources = new Set([...ts.keys(), ...variants.keys()]);
  const gb2312 = inGb2312([...sources]);
  for (const source of sources) {
    // A variant mapping whose source is already a Simplified standard character would misread
    // mainland text (Taiwan's 么→幺 turns 什么 into 什幺); such sources only take the TS table.
    const variant = variants.get(source);
    const standard = variant !== undefined && !gb2312.has(source) ? variant : source;
    const target = ts.get(standard) ?? standard;
    if (target === source) continue;
    const from = source.codePointAt(0)!;
    const to = target.codePointAt(0)!;
    if (source.length !== target.length || [...source].length !== 1 || [...target].length !== 1) continue;
    if (from < 0x10000) toSimplified[from] = to;
    else astral.set(from, to);
    // A character that changes but is also in the Simplified standard set (乾, 於) proves nothing.
    if (from < 0x10000 && !gb2312.has(source)) flags[from] = TRADITIONAL_ONLY;
  }
  const simplifiedSources = entries(STCharacters)
    .filter(([source, target]) => source !== target && source.length === 1)
    .map(([source]) => source);
  const big5 = inBig5(simplifiedSources);
  for (const source of simplifiedSources) {
    const code = source.charCodeAt(0);
    // 个, 们, 发 are Simplified-only; 后, 干, 台 also stand in Traditional text.
    if (!big5.has(source)) flags[code] = flags[code]! | SIMPLIFIED_ONLY;
  }
  return { toSimplified, astral, flags };
}
