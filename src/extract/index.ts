/**
 * The extract stage: every figure of a Document with its meaning (issue "Extract every figure").
 * scan.ts finds the figures (numerals.ts, units.ts, intervals.ts read them); this module gives each
 * its kind, change, label (labels.ts) and period/modality (periods.ts), and its location in the
 * original file through the Document's offset map.
 */
import type { Change, Document, Figure, FigureKind } from '../model.js';
import { coreRules } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { toInterval } from './intervals.js';
import { knowledgeOf, type Knowledge } from './knowledge.js';
import { cleanLabel, splitSubjects } from './labels.js';
import { periodContext, timeOf } from './periods.js';
import { blockedMask, Scanner, type ScannedFigure } from './scan.js';

export { knowledgeOf } from './knowledge.js';
export { readArabic, readChinese, type NumberReading } from './numerals.js';
export { intervalOf, toInterval, type ExactInterval } from './intervals.js';
export { unitAt } from './units.js';

/** Ends a clause for labels (、 too: `进出口总额1523.6亿元、增长23.2%`). */
const MINOR_BREAK = /[,，、:：;；。!！?？\n()（）【】“”"]/u;
/** Ends a clause for `分别` subjects (not 、: `城镇、农村居民收入分别增长…`). */
const MAJOR_BREAK = /[,，:：;；。!！?？\n()（）【】]/u;
const SENTENCE_BREAK = /[。!！?？;；\n】]/u;
/** What may stand between two figures of one list (`4.3%、7.1%`, `4.3%和7.1%`). */
const LIST_GAP = /^[\s、,，和及与或]*$/u;

interface Meaning {
  kind: FigureKind;
  change: Change;
  label: string;
  continuation: boolean;
}

function clauseStart(text: string, pos: number, floor: number, re: RegExp): number {
  let i = pos - 1;
  while (i >= floor && !re.test(text[i]!)) i--;
  return i + 1;
}

/** The change word just before a figure, skipping gap words and comparison bases (`比上年增长了`). */
function changeBefore(text: string, pos: number, floor: number, k: Knowledge): { change: Change; to: boolean } {
  let before = text.slice(Math.max(floor, pos - 40), pos);
  for (let round = 0; round < 6; round++) {
    const trimmed = before.replace(/\s+$/u, '');
    const gap = k.words.changeGap.find((w) => trimmed.endsWith(w));
    const comparison = trimmed.match(k.comparisonAtEnd);
    if (gap) before = trimmed.slice(0, trimmed.length - gap.length);
    else if (comparison) before = trimmed.slice(0, trimmed.length - comparison[0].length);
    else {
      before = trimmed;
      break;
    }
  }
  const to = k.words.changeTo.find((w) => before.endsWith(w));
  const stem = to ? before.slice(0, before.length - to.length) : before;
  const direction = (words: string[]) => words.some((w) => stem.endsWith(w));
  const change: Change = direction(k.words.increase) ? 'increase' : direction(k.words.decrease) ? 'decrease' : null;
  if (to) return { change: null, to: change !== null };
  return { change, to: false };
}

/**
 * A change word opening the clause's metric phrase, after filler or a short subject
 * (`降低企业用电成本59亿元`, `自治区本级压减非急需支出53亿元`), not a noun like 增加值.
 * Returns the change and the phrase without the change word.
 */
function leadingChange(pre: string, k: Knowledge): { change: Change; rest: string } | null {
  let text = pre.replace(/^[\s、,，]+/u, '');
  for (let round = 0; round < 4; round++) {
    const filler = k.words.filler.find((w) => text.startsWith(w) && text.length > w.length && !k.words.boundHeads.some((h) => text.startsWith(h, w.length)));
    if (!filler) break;
    text = text.slice(filler.length);
  }
  for (const [words, change] of [[k.words.increase, 'increase'], [k.words.decrease, 'decrease']] as const) {
    for (const w of words) {
      const at = text.indexOf(w);
      if (at < 0 || at > 5 || text.length <= at + w.length + 1 || text[at + w.length] === '值') continue;
      if (at > 0 && !/本级$|政府$/u.test(text.slice(0, at))) continue;
      return { change, rest: text.slice(0, at) + text.slice(at + w.length) };
    }
  }
  return null;
}

/** `是…的1.6倍`, `相当于…的2倍`: a ratio. */
function isRatio(text: string, pos: number, floor: number, k: Knowledge): boolean {
  const before = text.slice(Math.max(floor, pos - 30), pos);
  if (!before.endsWith('的')) return false;
  return k.words.ratioBefore.some((w) => before.includes(w));
}

function meaningOf(text: string, figures: ScannedFigure[], k: Knowledge): Meaning[] {
  const meanings: Meaning[] = [];
  for (let j = 0; j < figures.length; j++) {
    const f = figures[j]!;
    const prev = j > 0 ? figures[j - 1]! : null;
    const sentence = clauseStart(text, f.start, 0, SENTENCE_BREAK);
    const sameSentence = prev !== null && prev.end > sentence;
    const floor = sameSentence ? prev!.end : sentence;
    const minor = clauseStart(text, f.start, floor, MINOR_BREAK);
    const major = clauseStart(text, f.start, floor, MAJOR_BREAK);
    // a list of nouns joined by 、 names one metric when no figure stands between them
    const joined = text.slice(major, f.start);
    const pre = /^[^、]+(?:、[^、]{1,20})+$/u.test(joined) && !/[、]\s*$/u.test(joined) && !/^[、]/u.test(joined) ? joined : text.slice(minor, f.start);
    // A list continues with the same unit and no qualifier of its own (`分别增长4.3%、7.1%`);
    // `增长6%左右、突破2.6万亿元` is two statements.
    const continuation =
      sameSentence &&
      LIST_GAP.test(text.slice(prev!.end, f.start)) &&
      (prev!.unit?.unit ?? null) === (f.unit?.unit ?? null) &&
      prev!.rank === f.rank &&
      !(f.qualifier && k.before.some((q) => q.word === f.qualifier!.word) && text.startsWith(f.qualifier.word, f.start));

    let { change, to } = changeBefore(text, f.start, floor, k);
    let kind: FigureKind;
    const unitKind = f.unit?.kind ?? 'level';
    if (f.rank) kind = 'rank';
    else if (f.unit?.unit === '倍' && change === null && !to && isRatio(text, f.start, sentence, k)) kind = 'ratio';
    else if (change) kind = 'change';
    else if (continuation && prev && meanings[j - 1]!.kind === 'change' && !to) {
      // 分别增长4.3%、7.1%: the second figure shares the first one's change word
      kind = 'change';
      change = meanings[j - 1]!.change;
    } else kind = unitKind === 'change' || unitKind === 'ratio' ? unitKind : unitKind;
    if (kind === 'change' && f.unit?.unit === '名次') kind = 'rank';

    // 降低企业用电成本59亿元, 减少环节979个: the change word leads the metric phrase
    let leadRest: string | undefined;
    if (!change && !to && !f.rank && kind !== 'ratio') {
      const lead = leadingChange(pre, k);
      if (lead) {
        change = lead.change;
        kind = 'change';
        leadRest = lead.rest;
      }
    }
    let label = cleanLabel(leadRest ?? pre, k, f.rank);
    // 57个贫困旗县全部摘帽, 九千六百多万名党员: a counted thing named after its measure word
    // (only after a pure measure word: 2400多万人民 is 人 + 民, not a thing called 民…)
    const measure = f.unit && f.unit.kind === 'count' && !['人', '户', '人次'].includes(f.unit.spelling);
    if ((!label || label.length <= 2) && measure && !continuation) {
      const noun = text.slice(f.end, f.end + 14).match(/^[\p{Script=Han}]{2,10}?(?=全部|全面|均|已|实现|达到|得到|获得|的|和|与|及|等|[,，、。;；:：\s]|$)/u)?.[0] ?? '';
      if (noun.length >= 2) label = label.length >= 2 && !k.words.filler.includes(label) ? label + noun : noun;
    }
    if (!label && sameSentence && !continuation) label = meanings[j - 1]!.label;
    if (!label && continuation) label = meanings[j - 1]!.label;
    meanings.push({ kind, change, label, continuation });
  }

  // 分别 lists: subjects before 分别 paired with the list's figures in order.
  for (let j = 0; j < figures.length; j++) {
    const f = figures[j]!;
    if (meanings[j]!.continuation) continue;
    let last = j;
    while (last + 1 < figures.length && meanings[last + 1]!.continuation) last++;
    if (last === j) continue;
    const major = clauseStart(text, f.start, j > 0 ? figures[j - 1]!.end : 0, MAJOR_BREAK);
    const pre = text.slice(major, f.start);
    const at = pre.lastIndexOf('分别');
    if (at < 0) continue;
    const subject = cleanLabel(pre.slice(0, at), k, false) || pre.slice(0, at);
    const parts = splitSubjects(subject.replace(/^[、,，\s]+/u, ''), last - j + 1, k.words.sharedTails);
    if (!parts) continue;
    for (let i = j; i <= last; i++) meanings[i]!.label = cleanLabel(parts[i - j]!, k, false) || parts[i - j]!;
  }
  return meanings;
}

/**
 * Every figure of a document, in text order. `span` is in normalized offsets; `location` points at
 * the figure in the original file (Traditional, full-width and pinyin included).
 */
export function extractFigures(doc: Document, rules: RuleSet = coreRules()): Figure[] {
  const k = knowledgeOf(rules);
  const text = doc.normalized;
  const blocked = blockedMask(text, doc.boilerplate ?? [], k);
  const original = doc.original;
  const scanner = new Scanner(text, blocked, k, {
    // A comma that was full-width in the original is a clause break, not a thousands separator.
    thousandsAt: (offset) => original[doc.originalOffset(offset)] === ',',
  });
  const scanned = scanner.scan();
  const meanings = meaningOf(text, scanned, k);
  const ctx = periodContext(doc, k);
  const figures: Figure[] = [];
  for (let j = 0; j < scanned.length; j++) {
    const f = scanned[j]!;
    const m = meanings[j]!;
    const location = doc.locate(f.start, f.end);
    const { period, modality } = timeOf(doc, f.start, ctx, k);
    const reading = f.reading;
    const figure: Figure = {
      document: doc.id,
      raw: location.text ?? original.slice(doc.originalOffset(f.start), doc.originalOffset(f.end)),
      exact: reading && !f.placeholder ? reading.value.toFixed() : null,
      value: reading && !f.placeholder ? reading.value.toNumber() : null,
      unit: f.rank ? '名次' : (f.unit?.unit ?? null),
      interval: f.interval ? toInterval(f.interval) : null,
      qualifier: f.qualifier?.word ?? null,
      kind: m.kind,
      change: m.change,
      label: m.label,
      period,
      modality,
      placeholder: f.placeholder,
      span: { start: f.start, end: f.end },
      location,
    };
    if (reading?.few) figure.unreliable = '几/数: an unknown digit';
    figures.push(figure);
  }
  return figures;
}
