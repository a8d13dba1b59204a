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
