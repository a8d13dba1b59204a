/**
 * Labels: the metric phrase a figure quantifies, from the text of its clause before it, cleaned of
 * filler (全区, 全年, 其中, 累计, 实现, 完成, 达到 …), change and modality words, comparison bases
 * (比上年, 同比) and period words (2022年, 1—8月). Word lists come from rules/core/words.yaml and
 * periods.yaml. An empty result means the figure has no subject of its own (it inherits one).
 */
import type { Knowledge } from './knowledge.js';

const PERIOD_WORDS =
  /(?:(?:19|20)\d{2}\s*年(?:\s*[—–\-~至到]\s*(?:19|20)?\d{2}\s*年)?(?:底|末|初|度)?|\d{1,2}\s*[—–\-~至到]\s*\d{1,2}\s*月(?:份)?|\d{1,2}\s*月(?:底|末|份)?|(?:今|去|上|本|当|明)年(?:底|末|初)|截至(?:目前)?|一季度|二季度|三季度|四季度|前三季度|上半年|下半年)/gu;
const EDGE_PUNCT = /^[\s"'“”‘’《》〈〉()\[\]【】,，、:：;；.。·—\-~]+|[\s"'“”‘’《》〈〉()\[\]【】,，、:：;；.。·—\-~]+$/gu;

interface Stripper {
  /** Stripped from the start of a label. */
  start: string[];
  /** Stripped from the end (everything at the start, and end-only filler). */
  end: string[];
}

function strippers(k: Knowledge, rank: boolean): Stripper {
  const words = new Set<string>([
    ...k.words.filler,
    ...k.words.increase,
    ...k.words.decrease,
    ...k.words.target,
    ...k.words.estimate,
    ...k.before.map((q) => q.word),
    ...k.after.map((q) => q.word),
    ...Object.keys(k.periods.relativeYears),
    ...Object.keys(k.periods.partialYears),
    ...k.periods.spans.flatMap((s) => s.words),
    ...(rank ? k.words.rankContext : []),
  ]);
  const byLength = (a: string, b: string) => b.length - a.length;
  const end = new Set([...words, ...k.words.changeGap, ...k.words.fillerEnd]);
  return { start: [...words].sort(byLength), end: [...end].sort(byLength) };
}

const cache = new WeakMap<Knowledge, [Stripper, Stripper]>();
function stripperFor(k: Knowledge, rank: boolean): Stripper {
  let pair = cache.get(k);
  if (!pair) {
    pair = [strippers(k, false), strippers(k, true)];
    cache.set(k, pair);
  }
  return pair[rank ? 1 : 0];
}

/** Cleans the text before a figure into a label ('' when nothing is left). */
export function cleanLabel(pre: string, k: Knowledge, rank = false): string {
  let label = pre.replace(/\[\d{1,3}\]/gu, '').replace(k.comparisonAnywhere, '').replace(PERIOD_WORDS, ' ');
  // Keep the last phrase: a space left by a removed period splits the clause.
  const parts = label.split(/\s+/).filter(Boolean);
  label = parts.length ? parts[parts.length - 1]! : '';
  for (const w of k.words.fillerInside) label = label.split(w).join('');
  const { start, end } = stripperFor(k, rank);
  for (let round = 0; round < 12; round++) {
    const before = label;
    label = label.replace(EDGE_PUNCT, '');
    for (const w of start) {
      if (w.charCodeAt(0) !== label.charCodeAt(0)) continue;
      if (label.length > w.length && label.startsWith(w) && !k.words.boundHeads.some((h) => label.startsWith(h, w.length))) {
        label = label.slice(w.length);
        break;
      }
    }
    const lastCode = label.charCodeAt(label.length - 1);
    for (const w of end) {
      if (w.charCodeAt(w.length - 1) !== lastCode) continue;
      if (label.endsWith(w)) {
        label = label.slice(0, label.length - w.length);
        break;
      }
    }
    if (label === before) break;
  }
  // A label must name something: at least one CJK character or Latin letter.
  return /[\p{Script=Han}A-Za-z]/u.test(label) ? label : '';
}

/**
 * `分别` lists: the subjects before 分别, one per figure (`城乡居民收入` → 城镇居民收入, 农村居民收入;
 * `A、B和C` → A, B, C). Returns null when the subjects cannot be paired with `count` figures.
 */
export function splitSubjects(subject: string, count: number, sharedTails: string[] = []): string[] | null {
  if (count < 2) return null;
  const parts = subject.split(/[、和及与]/u).filter(Boolean);
  if (parts.length === count) {
    // 城镇、农村居民人均可支配收入: the shared tail goes to every part
    const last = parts[parts.length - 1]!;
    const firstLen = parts[0]!.length;
    const tail = last.slice(firstLen);
    if (parts.slice(0, -1).every((p) => p.length <= 2) && last.length > firstLen + 1 && sharedTails.some((t) => tail.endsWith(t))) {
      return parts.map((p, i) => (i === parts.length - 1 ? last : p + tail));
    }
    return parts;
  }
  if (count === 2 && subject.startsWith('城乡')) {
    const rest = subject.slice(2);
    return [`城镇${rest}`, `农村${rest}`];
  }
  if (count === 2 && subject.startsWith('中外')) {
    const rest = subject.slice(2);
    return [`中${rest}`, `外${rest}`];
  }
  return null;
}
