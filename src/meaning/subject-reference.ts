/**
 * Subjects a label names only by reference (issue 9 §3), apart from metric.ts's resolution: a milestone's rank
 * phrase before what the figure measures (`重庆成为中西部地区首个经济总量超过3万亿元的城市`), an anaphor pointing to
 * the sentence before (`第六个五年计划在这方面安排了三千六百亿元的投资`), a bare head listed after a statement that
 * shares its modifier (`粮食播种面积稳定在6200万亩以上、年度产量首次突破2000万吨`). Each returns an indicator name
 * (a key of the lexicon's names) for metric.ts to read as a subject, or null. Texts come in normalized
 * (subject-normalize.ts normalizeSubject), except the document's text, which is normalized here slice by slice.
 */
import type { Indicator } from './lexicon.js';

/** What these functions read of the lexicon: its names, their last UTF-16 units and the longest name's length. */
export interface NameIndex {
  byName: Map<string, Indicator>;
  nameEnds: Uint8Array;
  longestName: number;
}

/**
 * A label without the milestone it opens with (`重庆成为中西部地区首个经济总量` → `经济总量`): what stands after the
 * frame's last match; '' when no more than one character stands there (`成为全国第三个、北方第一个过`: the figure refers
 * to the statement before it). The label itself when it holds no milestone.
 */
export function afterMilestone(label: string, frame: RegExp): string {
  frame.lastIndex = 0;
  let end = -1;
  for (const m of label.matchAll(frame)) end = m.index + m[0].length;
  if (end < 0) return label;
  const rest = label.slice(end).replace(/^[、，,\s]+/u, '');
  return rest.length > 1 ? rest : '';
}

/**
 * The indicator name a label ending in an anaphor (`第六个五年计划在这方面`) points back to: the one ending latest in
 * the text before the sentence of the figure at `at` (nameBeforeSentence); '' for an anaphor pointing to no name;
 * null when the label ends in no anaphor. `label` and `anaphors` normalized.
 */
export function anaphorSubject(label: string, text: string, at: number, anaphors: readonly string[], names: NameIndex, normalize: (s: string) => string = (s) => s): string | null {
  if (!anaphors.some((w) => label.endsWith(w))) return null;
  return nameBeforeSentence(text, at, names, normalize) ?? '';
}

const FULL_STOP = /[。!！?？\n]/u;

/** The indicator name ending latest before the sentence holding `at`, within its paragraph and 160 characters; null when none. */
export function nameBeforeSentence(text: string, at: number, names: NameIndex, normalize: (s: string) => string = (s) => s): string | null {
  let sentence = at;
  while (sentence > 0 && !FULL_STOP.test(text[sentence - 1]!)) sentence--;
  let start = sentence;
  while (start > 0 && sentence - start < 160 && text[start - 1] !== '\n') start--;
  return latestName(normalize(text.slice(start, sentence)), names);
}

/** The indicator name ending latest in a normalized text (the longest of those ending there), or null. */
export function latestName(text: string, names: NameIndex): string | null {
  for (let end = text.length; end > 1; end--) {
    if (!names.nameEnds[text.charCodeAt(end - 1)]) continue;
    for (let from = Math.max(0, end - names.longestName); from < end - 1; from++) {
      const name = text.slice(from, end);
      if (names.byName.has(name)) return name;
    }
  }
  return null;
}

/** What stands between two items of one list: one separator, no other clause break. */
const LIST_ITEM_GAP = /^[^，,；;。：:、\n]*[、，,][^，,；;。：:、\n]*$/u;

/**
 * `粮食播种面积稳定在6200万亩以上、年度产量首次突破2000万吨`: a bare head (`产量`, the figure's core) listed right after
 * a statement (its label `previous`, resolved to `indicator` or to none) shares that statement's modifier (`粮食`,
 * `规模以上工业` of `规模以上工业企业达7.6万家、增加值增长3%`) when the two make a subject naming an indicator (read by
 * `indicatorOf`, scope words and all) other than the statement's own. Only the next item of one list (`gap`, the text between
 * the two figures, holds one separator), whatever its unit. Null when none.
 */
export function sharedModifier(core: string, previous: string, indicator: Indicator | null, gap: string, indicatorOf: (subject: string) => Indicator | null): string | null {
  if (core.length < 2 || !LIST_ITEM_GAP.test(gap)) return null;
  for (let k = previous.length - 1; k >= 2; k--) {
    const candidate = previous.slice(0, k) + core;
    const found = indicatorOf(candidate);
    if (found && found !== indicator) return candidate;
  }
  return null;
}
