/**
 * Where a figure's clause and sentence start: the punctuation that ends each kind of clause, as lookup
 * tables, and the walk back from a figure to the nearest break, which steps over what only looks like one
 * (an abbreviation in brackets inside a name, a line broken inside a word). Offsets are normalized ones.
 */

/** Ends a clause for labels (、 too: `进出口总额1523.6亿元、增长23.2%`). */
export const MINOR_BREAK = breakTable(',，、:：;；。!！?？\n()（）【】“”"');
/** MINOR_BREAK without quotes: a label that is only a quoted name (`新建城市“口袋公园”150个`) reaches past them. */
export const UNQUOTED_BREAK = breakTable(',，、:：;；。!！?？\n()（）【】');
/** Ends a clause for `分别` subjects (not 、: `城镇、农村居民收入分别增长…`). */
export const MAJOR_BREAK = breakTable(',，:：;；。!！?？\n()（）【】');
/** Ends a sentence: a figure's sentence starts after the last of these before it. */
export const SENTENCE_BREAK = breakTable('。!！?？;；\n】');

/** Punctuation as a lookup table: clause starts are found for every figure, a table test is cheapest. */
function breakTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

const HAN = /\p{Script=Han}/u;

/** Where the clause around `pos` starts: after the last of `breaks` before it, looking back to `floor` only. */
export function clauseStart(text: string, pos: number, floor: number, breaks: Uint8Array): number {
  let i = pos - 1;
  for (;;) {
    while (i >= floor && !breaks[text.charCodeAt(i)]) i--;
    // an abbreviation in brackets is part of the name around it (`广义货币(M2)余额`, `细颗粒物(PM2.5)浓度`)
    const open = i >= floor && (text[i] === ')' || text[i] === '）') ? abbreviationOpen(text, i, floor) : -1;
    if (open >= 0) {
      i = open - 1;
      continue;
    }
    // a line broken inside a word (`广义货币` / `M` / `2` / `余额`, a subscript on a line of its own) goes on
    if (i >= floor && text.charCodeAt(i) === 10 && (shortLatinLine(text, i, -1) || shortLatinLine(text, i, 1))) {
      i--;
      continue;
    }
    return i + 1;
  }
}

/** Whether the line before (`dir` -1) or after (+1) the line break at `at` is 1–3 Latin letters or digits. */
function shortLatinLine(text: string, at: number, dir: -1 | 1): boolean {
  let n = 0;
  for (let j = at + dir; j >= 0 && j < text.length; j += dir) {
    const c = text.charCodeAt(j);
    if (c === 10) break;
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) || ++n > 3) return false;
  }
  return n > 0;
}

/**
 * Where the `(` of a bracketed Latin abbreviation closing at `close` is (`(M2)`, `(GDP)`, `（R&D）`), or of a short
 * bracketed note inside a name (`执业（助理）医师`, `分类屋（亭）行政村覆盖率`, `散居孤儿（含艾滋病病毒感染儿童）从…`:
 * Chinese words between two words of the name), or -1.
 */
function abbreviationOpen(text: string, close: number, floor: number): number {
  if (close + 1 < text.length && HAN.test(text[close + 1]!)) {
    for (let j = close - 1; j >= floor && j >= close - 13; j--) {
      const c = text[j]!;
      if (c === '(' || c === '（') {
        if (j < close - 1 && j > floor && HAN.test(text[j - 1]!)) return j;
        break;
      }
      if (!HAN.test(c) && c !== '、') break;
    }
  }
  for (let j = close - 1; j >= floor && j >= close - 8; j--) {
    const c = text[j]!;
    if (c === '(' || c === '（') return j < close - 1 && j > floor && /[\p{Script=Han}]/u.test(text[j - 1]!) ? j : -1;
    if (!/[A-Za-z0-9.&]/.test(c)) return -1;
  }
  return -1;
}

/** The opening bracket before the closing one at `close`, looked for back to `floor` only; -1 when none. */
export function openingBracket(text: string, close: number, floor: number): number {
  for (let i = close - 1; i >= floor; i--) if (text[i] === '（' || text[i] === '(') return i;
  return -1;
}
