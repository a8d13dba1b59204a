/**
 * The length of a text in code points (what `[...text].length` counts: a surrogate pair is one, a lone
 * surrogate one too) without building the array of one-character strings that spread makes: label length
 * tests run for every figure in the checks (align.ts autoLabel), where the spread was ~6% of all the memory
 * a `check` of the bench's 43 documents allocated.
 */
export function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
