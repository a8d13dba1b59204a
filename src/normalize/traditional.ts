/**
 * Traditional → Simplified, one character at a time, from OpenCC's dictionaries (opencc-js).
 * Whole-text OpenCC conversion (phrase segmentation) runs at ~20 MB/s and may change lengths;
 * a code point → code point table keeps normalized offsets 1:1 with the original and costs one
 * array read per character. Where a character needs a phrase to be read right (著 as 着 or 著),
 * rules/core/normalize.yaml chooses the government-prose reading and lists exceptions.
 */
import iconv from 'iconv-lite';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';

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
 * Whether a character is in GB2312's hanzi rows (lead byte B0–F7): the Simplified standard set.
 * iconv-lite's gb2312 is really GBK (which also holds Traditional), so the byte range decides.
 */
function inGb2312(char: string): boolean {
  const bytes = iconv.encode(char, 'cp936');
  return bytes.length === 2 && bytes[0]! >= 0xb0 && bytes[0]! <= 0xf7 && bytes[1]! >= 0xa1;
}

/** Whether a character is in Big5 as Windows code page 950 has it (no HKSCS Simplified extras). */
function inBig5(char: string): boolean {
  const bytes = iconv.encode(char, 'cp950');
  return bytes.length === 2 && iconv.decode(bytes, 'cp950') === char;
}

let cached: CharTables | undefined;

/** Built once per process (≈ 10 ms), on first use. */
export function charTables(): CharTables {
  if (cached) return cached;
  const toSimplified = new Uint16Array(0x10000);
  const astral = new Map<number, number>();
  const flags = new Uint8Array(0x10000);
  const ts = new Map(entries(TSCharacters));
  // Regional variant forms (Taiwan 裡, Hong Kong 綫) first become OpenCC's standard Traditional.
  const variants = new Map([...entries(HKVariantsRev), ...entries(TWVariantsRev), ...entries(CJKCompatibility)]);
  const sources = new Set([...ts.keys(), ...variants.keys()]);
  for (const source of sources) {
    // A variant mapping whose source is already a Simplified standard character would misread
    // mainland text (Taiwan's 么→幺 turns 什么 into 什幺); such sources only take the TS table.
    const variant = variants.get(source);
    const standard = variant !== undefined && !inGb2312(source) ? variant : source;
    const target = ts.get(standard) ?? standard;
    if (target === source) continue;
    const from = source.codePointAt(0)!;
    const to = target.codePointAt(0)!;
    if (source.length !== target.length || [...source].length !== 1 || [...target].length !== 1) continue;
    if (from < 0x10000) toSimplified[from] = to;
    else astral.set(from, to);
    // A character that changes but is also in the Simplified standard set (乾, 於) proves nothing.
    if (from < 0x10000 && !inGb2312(source)) flags[from] = TRADITIONAL_ONLY;
  }
  for (const [source, target] of entries(STCharacters)) {
    if (source === target || source.length !== 1) continue;
    const code = source.charCodeAt(0);
    // 个, 们, 发 are Simplified-only; 后, 干, 台 also stand in Traditional text.
    if (!inBig5(source)) flags[code] = flags[code]! | SIMPLIFIED_ONLY;
  }
  cached = { toSimplified, astral, flags };
  return cached;
}
