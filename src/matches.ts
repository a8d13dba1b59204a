/**
 * `text.matchAll(re)` without its cost: matchAll clones the regular expression on every call (a new RegExp
 * object through its species constructor), which costs more than the search itself on the short sentences and
 * clauses the meaning stage scans thousands of times per document. Same matches, in the same order, from the
 * same start (`re.lastIndex`), and `re.lastIndex` is left as it was, as matchAll leaves it.
 */
export function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError('allMatches: a global regular expression is needed (as for matchAll)');
  const start = re.lastIndex;
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push(m);
    // an empty match: step past it as matchAll does (a whole code point in unicode mode)
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  re.lastIndex = start;
  return out;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}

/**
 * A global pattern that opens with lookbehinds (`(?<=增长|达到)(?:亿|万)元`, `(?<=[\p{Script=Han}])%`) is tried
 * at every position of the text: V8 can skip ahead to a possible first character only when the pattern starts
 * by consuming one. A search for the pattern without its opening lookbehinds finds the positions where it may
 * match (dropping an assertion only widens a pattern), and the whole pattern is tried there alone (sticky):
 * the same matches as a plain global search, at the cost of the rare candidates. Patterns whose opening
 * lookbehinds capture (a later back-reference could need them) are searched as they are, and so are patterns
 * whose rest can run unbounded (`*`, `+`, `{n,}`): there the lookbehind is what keeps the search linear (a
 * million `X` before no unit: without `(?<!X)` every X would start a run to the end, quadratic).
 */
export interface Search {
  re: RegExp;
  /** The pattern without its opening lookbehinds (global), and the whole pattern anchored (sticky); null: search `re` itself. */
  candidates: RegExp | null;
  anchored: RegExp | null;
}

export function searchOf(re: RegExp): Search {
  if (!re.global) throw new TypeError('searchOf: a global regular expression is needed (as for matchAll)');
  // (a `v` pattern's classes nest: not read here)
  const rest = re.flags.includes('v') ? re.source : re.source.slice(openingLookbehinds(re.source));
  if (rest === re.source || rest === '' || unbounded(rest)) return { re, candidates: null, anchored: null };
  const flags = re.flags.replace(/[gy]/g, '');
  try {
    return { re, candidates: new RegExp(rest, flags + 'g'), anchored: new RegExp(re.source, flags + 'y') };
  } catch {
    return { re, candidates: null, anchored: null };
  }
}

/** Every match of a search, as allMatches(text, search.re) gives them, from offset 0. */
export function searchAll(text: string, search: Search): RegExpExecArray[] {
  const { candidates, anchored } = search;
  if (!candidates || !anchored) {
    const saved = search.re.lastIndex;
    search.re.lastIndex = 0;
    const out = allMatches(text, search.re);
    search.re.lastIndex = saved;
    return out;
  }
  const unicode = anchored.unicode || anchored.flags.includes('v');
  const out: RegExpExecArray[] = [];
  let from = 0;
  while (from <= text.length) {
    candidates.lastIndex = from;
    const c = candidates.exec(text);
    if (!c) break;
    anchored.lastIndex = c.index;
    const m = anchored.exec(text);
    if (m) {
      out.push(m);
      from = m[0] === '' ? advance(text, m.index, unicode) : m.index + m[0].length;
    } else from = advance(text, c.index, unicode);
  }
  return out;
}

/** Length of the lookbehind groups `(?<=…)`, `(?<!…)` a pattern source opens with (0: none, or one that captures). */
function openingLookbehinds(source: string): number {
  let at = 0;
  while (source.startsWith('(?<=', at) || source.startsWith('(?<!', at)) {
    const end = groupEnd(source, at);
    if (end < 0 || capturesIn(source.slice(at + 4, end - 1))) return 0;
    at = end;
  }
  return at;
}

/** Index after the group opening at `start` (-1 if it never closes): escapes and character classes skipped. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Whether a pattern source holds a capturing group (numbered or named) or a back-reference. */
function capturesIn(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (!inClass && /[1-9k]/.test(source[i + 1] ?? '')) return true;
      i++;
    } else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && (source[i + 1] !== '?' || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!'))) return true;
  }
  return false;
}

/** Whether a pattern source can repeat without bound (`*`, `+`, `{n,}` outside a character class). */
function unbounded(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '*' || c === '+') return true;
    else if (c === '{' && /^\{\d+,\}/.test(source.slice(i, i + 12))) return true;
  }
  return false;
}
