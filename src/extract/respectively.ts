/**
 * 分别 lists: the subjects of a list of figures paired with its figures in order (`城镇、农村居民收入分别增长8%、9%`,
 * `原煤、原油、天然气产量达到a、b、c`), or, when the list has no subject of its own in its clause, with the figures
 * just before it (`A达到X，B达到Y，分别增长P、Q`). The last step of the extract stage's labels (index.ts meaningOf).
 */
import { clauseStart, MAJOR_BREAK } from './clauses.js';
import type { Knowledge } from './knowledge.js';
import { cleanLabel, splitSubjects } from './labels.js';
import type { ScannedFigure } from './scan.js';

/** What the pairing reads and writes of a figure's meaning (index.ts Meaning). */
export interface ListedMeaning {
  label: string;
  /** The figure continues the list of the one before it (`4.3%、7.1%`). */
  readonly continuation: boolean;
}

/** Gives each figure of a list (a figure and its continuations) the subject it pairs with: `respectively` (分别 words), `listGap` (words.yaml listGap). */
export function pairRespectively(text: string, figures: ScannedFigure[], meanings: ListedMeaning[], k: Knowledge, respectively: string[], listGap: RegExp): void {
  for (let j = 0; j < figures.length; j++) {
    const f = figures[j]!;
    if (meanings[j]!.continuation) continue;
    let last = j;
    while (last + 1 < figures.length && meanings[last + 1]!.continuation) last++;
    const major = clauseStart(text, f.start, j > 0 ? figures[j - 1]!.end : 0, MAJOR_BREAK);
    const pre = text.slice(major, f.start);
    const at = Math.max(-1, ...respectively.map((w) => pre.lastIndexOf(w)));
    // (a list of subjects measured in different units, `6640.8万吨、1253.6万吨、9.1亿立方米`, is one list too)
    if (at < 0 && meanings[j]!.label.includes('、')) {
      while (last + 1 < figures.length && meanings[last + 1]!.label === meanings[j]!.label && listGap.test(text.slice(figures[last]!.end, figures[last + 1]!.start))) last++;
    }
    if (last === j) continue;
    const count = last - j + 1;
    // `A达到X，B达到Y，分别增长P、Q` (分别 or not): a list with no subject of its own in its clause pairs with the
    // figures just before it
    if (!cleanLabel(at >= 0 ? pre.slice(0, at) : pre, k, false) && j >= count && listBefore(text, figures, meanings, j, count)) {
      for (let i = 0; i < count; i++) if (meanings[j - count + i]!.label) meanings[j + i]!.label = meanings[j - count + i]!.label;
      continue;
    }
    // `原煤、原油、天然气产量达到a、b、c`: a 、-list of as many subjects as figures is paired as with 分别
    let subject = at >= 0 ? cleanLabel(pre.slice(0, at), k, false) || pre.slice(0, at) : meanings[j]!.label;
    if (at < 0 && !subject.includes('、')) continue;
    // (`“保交楼”“保交房”交付率`: quoted subjects side by side are a list)
    subject = subject.replace(/[”"]\s*[“"]/gu, '、').replace(/[“”"]/gu, '');
    const parts = splitSubjects(subject.replace(/^[、,，\s]+/u, ''), count, k);
    if (!parts) continue;
    for (let i = j; i <= last; i++) meanings[i]!.label = cleanLabel(parts[i - j]!, k, false) || parts[i - j]!;
  }
}

/**
 * Whether the `count` figures before figure `j` stand in its sentence, each with a label of its own, none a
 * continuation of another: the subjects a 分别 without its own (`…，分别增长14%和21%`) pairs its list with.
 */
function listBefore(text: string, figures: ScannedFigure[], meanings: ListedMeaning[], j: number, count: number): boolean {
  const first = j - count;
  if (first > 0 && meanings[first]!.continuation) return false;
  if (/[。！？!?；;\n]/u.test(text.slice(figures[first]!.end, figures[j]!.start))) return false;
  if (first > 0 && !/[。！？!?；;\n]/u.test(text.slice(figures[first - 1]!.end, figures[first]!.start))) return false;
  const labels = meanings.slice(first, j).map((m) => m.label);
  return labels.every(Boolean) && new Set(labels).size === count;
}
