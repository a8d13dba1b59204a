/**
 * A subject's text as compared (normalizeSubject): no whitespace, quotes or 的, full-width letters and digits
 * made ASCII and upper-cased the way the lexicon writes them. Short texts are remembered in one map that
 * resolveFigureMetrics empties per document (speed only). Split out of metric.ts unchanged.
 */

/** Texts normalizeSubject remembers (labels, not paragraphs); emptied per document (resolveFigureMetrics). */
const NORMALIZED_MAX_LENGTH = 40;
export const normalizedSubjects = new Map<string, string>();

/** Label as compared: no whitespace or quotes, ASCII letters upper-cased the way the lexicon writes them. */
export function normalizeSubject(text: string): string {
  // (a figure's label is normalized again by each step that reads it: short texts are remembered, speed only)
  if (text.length > NORMALIZED_MAX_LENGTH) return normalizeSubjectOnce(text);
  let normalized = normalizedSubjects.get(text);
  if (normalized === undefined) {
    if (normalizedSubjects.size >= 50_000) normalizedSubjects.clear();
    normalized = normalizeSubjectOnce(text);
    normalizedSubjects.set(text, normalized);
  }
  return normalized;
}

/** Any character the replacements below remove or change (a text holding none, as most do, is only upper-cased). */
const REPLACED = /[\s“”"'‘’《》「」()（）的ａ-ｚＡ-Ｚ０-９]/u;

/** normalizeSubject without remembering the text: for texts read once (subject.ts indicatorNamed's candidates). */
export function normalizeSubjectOnce(text: string): string {
  if (!REPLACED.test(text)) return text.toUpperCase();
  // (的 joins without naming: 占国内生产总值的比重 is 占国内生产总值比重)
  return text.replace(/[(（][A-Za-z0-9.&]{1,8}[)）]/gu, '').replace(/[\s“”"'‘’《》「」()（）的]/gu, '').replace(/[ａ-ｚＡ-Ｚ０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toUpperCase();
}
