/**
 * The extract stage: every figure of a Document with its meaning (issue "Extract every figure").
 * scan.ts finds the figures (numerals.ts, units.ts, intervals.ts read them); this module gives each
 * its kind, change, label (labels.ts), and its location in the original file through the Document's
 * offset map. Period and modality are the meaning stage's (src/meaning), run right after this one.
 */
import type { Change, Document, Figure, FigureKind } from '../model.js';
import { coreRules } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { toInterval } from './intervals.js';
import { alternation, chineseDigits, knowledgeOf, type Knowledge } from './knowledge.js';
import { cleanLabel, splitSubjects } from './labels.js';
import { blockedMask, Scanner, type ScannedFigure } from './scan.js';

export { knowledgeOf } from './knowledge.js';
export { readArabic, readChinese, type NumberReading } from './numerals.js';
export { intervalOf, toInterval, type ExactInterval } from './intervals.js';
export { unitAt } from './units.js';

/** Ends a clause for labels (、 too: `进出口总额1523.6亿元、增长23.2%`). */
const MINOR_BREAK = breakTable(',，、:：;；。!！?？\n()（）【】“”"');
/** MINOR_BREAK without quotes: a label that is only a quoted name (`新建城市“口袋公园”150个`) reaches past them. */
const UNQUOTED_BREAK = breakTable(',，、:：;；。!！?？\n()（）【】');
/** Ends a clause for `分别` subjects (not 、: `城镇、农村居民收入分别增长…`). */
const MAJOR_BREAK = breakTable(',，:：;；。!！?？\n()（）【】');
const SENTENCE_BREAK = breakTable('。!！?？;；\n】');

/** Punctuation as a lookup table: clause starts are found for every figure, a table test is cheapest. */
function breakTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** Word lists of words.yaml compiled once per Knowledge for the per-figure steps below. */
interface MeaningWords {
  /** What may stand between two figures of one list (`4.3%、7.1%`, `4.3%和7.1%`). */
  listGap: RegExp;
  /** Filler by first UTF-16 unit, longest first. */
  filler: Map<number, string[]>;
  /** First UTF-16 units of change words: a phrase without them has no leading change. */
  changeStarts: Set<number>;
  longestChange: number;
  changeSubjectAtEnd: RegExp;
  countedNoun: RegExp;
  respectively: string[];
  /** Change words, gap words and `到/至` words by last UTF-16 unit, in list order. */
  increaseByLast: Map<number, string[]>;
  decreaseByLast: Map<number, string[]>;
  changeGapByLast: Map<number, string[]>;
  changeToByLast: Map<number, string[]>;
  /** The end value's own year between `到` and it (`增加到2002年的`, `降到去年的`), ending at the figure. */
  endYear: RegExp;
  /** A year (and 末/底) opening a clause, before a share word (`2012年占…`). */
  leadYear: RegExp;
  /** Scope words, longest first (新建改扩建 before 新建). */
  scope: string[];
  actions: string[];
  totals: string[];
  relationalNouns: Set<string>;
  /** Longest first. */
  relationalActions: string[];
  /** Verbs (longest first) and one-character prepositions that, ending a count's label, hand it to the noun after the figure. */
  countedNounVerbs: string[];
  countedNounPrepositions: Set<string>;
  countedNounMarks: string[];
  rankChangeContext: string[];
  nonChanges: string[];
  /** A list marker opening a line (`二、加强社会保障10件`): the not-figures `list-marker` pattern, anchored. */
  listMarker: RegExp | null;
}

function byLast(words: string[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of words) {
    const key = w.charCodeAt(w.length - 1);
    if (!map.has(key)) map.set(key, []);
    map.get(key)!.push(w);
  }
  return map;
}

function listMarkerOf(k: Knowledge): RegExp | null {
  const marker = k.notFigures.find((p) => p.id === 'list-marker');
  return marker ? new RegExp(`^(?:${marker.pattern.source})`, 'u') : null;
}

const meaningWordsCache = new WeakMap<Knowledge, MeaningWords>();
function meaningWords(k: Knowledge): MeaningWords {
  let m = meaningWordsCache.get(k);
  if (m) return m;
  const w = k.words;
  const filler = new Map<number, string[]>();
  // (start-only filler too: `再减少农村贫困人口1000万人` leads with its change word)
  for (const word of [...new Set([...w.filler, ...w.fillerStart])].sort((a, b) => b.length - a.length)) {
    const key = word.charCodeAt(0);
    if (!filler.has(key)) filler.set(key, []);
    filler.get(key)!.push(word);
  }
  const change = [...w.increase, ...w.decrease];
  m = {
    listGap: new RegExp(`^(?:[\\s、,，]|${alternation(w.listGap)})*$`, 'u'),
    filler,
    changeStarts: new Set(change.map((c) => c.charCodeAt(0))),
    longestChange: Math.max(0, ...change.map((c) => c.length)),
    changeSubjectAtEnd: new RegExp(`(?:${alternation(w.changeSubjects)})$`, 'u'),
    // a digit or an opening quote or bracket ends the noun too (`…等6类市场化应用场景项目3000多万千瓦`)
    // (a year in Chinese digits ends it as one in Arabic digits does: `…所增加到一九八二年的…`)
    countedNoun: new RegExp(`^[\\p{Script=Han}]{2,12}?(?=${alternation(w.countedNounEnds)}|[,，、。;；:：\\s\\d(（]|${yearSource(k)}|$)`, 'u'),
    respectively: w.respectively,
    increaseByLast: byLast(w.increase),
    decreaseByLast: byLast(w.decrease),
    changeGapByLast: byLast(w.changeGap),
    changeToByLast: byLast(w.changeTo),
    endYear: new RegExp(`(?:${yearSource(k)}|${alternation(Object.keys(k.periods.relativeYears))})(?:末|底)?\\s*的?$`, 'u'),
    leadYear: new RegExp(`^[\\s,，]*(?:${yearSource(k)}(?:末|底)?)?\\s*`, 'u'),
    scope: [...w.listScopes].sort((a, b) => b.length - a.length),
    actions: w.actions,
    totals: w.totals,
    relationalNouns: new Set(w.relationalNouns),
    relationalActions: [...w.relationalActions].sort((a, b) => b.length - a.length),
    countedNounVerbs: w.countedNounLeads.filter((v) => v.length > 1).sort((a, b) => b.length - a.length),
    countedNounPrepositions: new Set(w.countedNounLeads.filter((v) => v.length === 1)),
    countedNounMarks: w.countedNounMarks,
    rankChangeContext: w.rankChangeContext,
    nonChanges: w.nonChanges,
    listMarker: listMarkerOf(k),
  };
  meaningWordsCache.set(k, m);
  return m;
}

/** A year, in Arabic digits (2002年) or written digit by digit in Chinese ones (二○○二年, 一九八五年: numerals.yaml digits). */
function yearSource(k: Knowledge): string {
  return `(?:(?:19|20)\\d{2}|[${chineseDigits(k)}]{4})\\s*年`;
}

interface Meaning {
  kind: FigureKind;
  change: Change;
  label: string;
  continuation: boolean;
  /** The scope word the label opens with (新增, 新建 …), which the next items of a 、-list share. */
  scope: string | null;
  /** The counted noun written after the figure, when it became the label (`585件人大代表建议`). */
  nounAfter: string | null;
  /** A unit other than the scanned one (`排名提升10位`: 名次, not 人). */
  unit?: string;
  /** The change word leads the metric phrase as a verb (`压减办事时限49.4%`): it governs a 、-list of objects. */
  leads?: boolean;
  /** The unit of measure (a level's or count's, not a rate's) of the figures the label was given to, once known. */
  labelUnit: string | null;
}

const HAN = /\p{Script=Han}/u;

function clauseStart(text: string, pos: number, floor: number, breaks: Uint8Array): number {
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

/** The change word just before a figure, skipping gap words and comparison bases (`比上年增长了`). */
function changeBefore(text: string, pos: number, floor: number, k: Knowledge, mw: MeaningWords): { change: Change; to: boolean } {
  // Works on [lo, end) of the text rather than on slices: this runs for every figure.
  const lo = Math.max(floor, pos - 40);
  let end = pos;
  const endsWith = (w: string) => end - w.length >= lo && text.endsWith(w, end);
  // each list by its words' last character: only those can end here
  const ending = (lists: Map<number, string[]>) => lists.get(text.charCodeAt(end - 1))?.find(endsWith);
  for (let round = 0; round < 6; round++) {
    while (end > lo && /\s/u.test(text[end - 1]!)) end--;
    const gap = ending(mw.changeGapByLast);
    if (gap) {
      end -= gap.length;
      continue;
    }
    // comparison phrases are short: the last 32 characters hold any that ends here
    const comparison = text.slice(Math.max(lo, end - 32), end).match(k.comparisonAtEnd);
    if (!comparison) break;
    end -= comparison[0].length;
  }
  // `增加到2002年的6208亿美元`: the end value's year stands between 到 and it, the level reached all the same
  const year = text.slice(Math.max(lo, end - 12), end).match(mw.endYear);
  if (year) {
    const before = end;
    end -= year[0].length;
    if (!ending(mw.changeToByLast)) end = before;
  }
  const to = ending(mw.changeToByLast);
  if (to) end -= to.length;
  let change: Change = ending(mw.increaseByLast) ? 'increase' : ending(mw.decreaseByLast) ? 'decrease' : null;
  // 改造提升11个边境旗县: a compound ending in a change word states no change
  if (change && mw.nonChanges.some(endsWith)) change = null;
  if (to) return { change: null, to: change !== null };
  return { change, to: false };
}

/**
 * A change word opening the clause's metric phrase, after filler or a short subject
 * (`降低企业用电成本59亿元`, `自治区本级压减非急需支出53亿元`), not a noun like 增加值.
 * Returns the change and the phrase without the change word.
 */
function leadingChange(pre: string, k: Knowledge, mw: MeaningWords): { change: Change; rest: string } | null {
  let from = 0;
  while (from < pre.length && /[\s、,，]/u.test(pre[from]!)) from++;
  let text = from ? pre.slice(from) : pre;
  for (let round = 0; round < 4; round++) {
    const candidates = mw.filler.get(text.charCodeAt(0));
    const filler = candidates?.find((w) => text.startsWith(w) && text.length > w.length && !k.words.boundHeads.some((h) => text.startsWith(h, w.length)) && !k.words.startWords.some((s) => text.startsWith(s)));
    if (!filler) break;
    text = text.slice(filler.length);
  }
  // a change word must start within the first 6 characters: skip phrases that have none there
  let any = false;
  for (let i = 0; i < Math.min(text.length, 6); i++) if (mw.changeStarts.has(text.charCodeAt(i))) any = true;
  if (!any) return null;
  for (const [words, change] of [[k.words.increase, 'increase'], [k.words.decrease, 'decrease']] as const) {
    for (const w of words) {
      const at = text.indexOf(w);
      if (at < 0 || at > 5 || text.length <= at + w.length + 1 || k.words.changeNounTails.some((t) => text.startsWith(t, at + w.length))) continue;
      if (at > 0 && !mw.changeSubjectAtEnd.test(text.slice(0, at))) continue;
      return { change, rest: text.slice(0, at) + text.slice(at + w.length) };
    }
  }
  return null;
}

/**
 * The counted thing written after a figure, when it is the figure's label: `57个贫困旗县全部摘帽` (no
 * label before), `先后拿出50条措施` (the label is only a verb: words.yaml countedNounLeads),
 * `国家交付的18个省份`, `引进远景等15家头部企业` (countedNounMarks), `585件人大代表建议和583件政协提案`
 * (the second figure's clause is the first one's noun), `逾万游客` (a bare 万: no measure word),
 * `67.8%的政务服务事项` (a share of the things after 的). Null when the label stays as it is.
 */
/**
 * Whether the names listed right before a count are the things it counts (`长白山、三江、吉光3个省实验室`): as many
 * `、`-separated names as the count says, each short enough to be a name, as `引进远景等15家头部企业` names examples with 等.
 */
function namesCounted(label: string, f: ScannedFigure): boolean {
  if (!label.includes('、') || f.qualifier || !f.interval?.lo || !f.interval.hi) return false;
  const names = label.split('、');
  // (a count as written, `3个`, reads as the interval its rounding allows, one wide)
  const [lo, hi] = [f.interval.lo.toNumber(), f.interval.hi.toNumber()];
  return hi - lo <= 1 && lo < names.length && names.length < hi && names.every((n) => n.length >= 2 && n.length <= 12);
}

function countedNounOf(
  text: string,
  f: ScannedFigure,
  prev: ScannedFigure | null,
  prevMeaning: Meaning | undefined,
  label: string,
  continuation: boolean,
  clause: number,
  k: Knowledge,
  mw: MeaningWords,
): { label: string; noun: string } | null {
  if (f.rank || f.placeholder) return null;
  let from = f.end;
  if (!f.unit) {
    // a bare 万/亿 figure (逾万游客); its noun must follow at once
  } else if (f.unit.unit === '%' && !label && text[f.end] === '的') {
    from = f.end + 1;
  } else if (f.unit.kind !== 'count' || k.words.personMeasures.includes(f.unit.spelling)) {
    // only after a pure measure word: 2400多万人民 is 人 + 民, not a thing called 民…
    return null;
  }
  const noun = text.slice(from, from + 16).match(mw.countedNoun)?.[0] ?? '';
  // (not a joiner's clause: `11条和工业、服务业…`; after a bare 万 only a short noun: 逾万游客, 157万贫困人口)
  if (noun.length < 2 || k.words.listJoiners.some((w) => noun.startsWith(w)) || (!f.unit && noun.length > 6)) return null;
  // A long run is a noun only when a list goes on after it (3个国家级夜间文旅消费集聚区和9个…); else it has
  // likely run into a predicate, most of all when the count is the clause's subject (3部作品荣获第十七届
  //精神文明…, 147项医检结果全省三甲医院互认) rather than a verb's object (建成9个紧密型城市医疗集团).
  const listGoesOn = k.words.listJoiners.some((w) => text.startsWith(w, from + noun.length));
  const fits = (most: number) => noun.length <= most || listGoesOn;
  const before = text.slice(clause, f.start).trimEnd();
  if (!label || mw.countedNounMarks.some((w) => before.endsWith(w))) return fits(8) ? { label: noun, noun } : null;
  // (names counted need a short noun: `…3个省实验室挂牌运行` has run into its predicate)
  if (namesCounted(label, f) && fits(6)) return { label: noun, noun };
  if (!fits(10)) return null;
  // 585件人大代表建议和583件政协提案: the second figure's clause is the first one's noun and a joiner
  if (prev && prevMeaning?.nounAfter) {
    const between = text.slice(prev.end, f.start);
    if (between.startsWith(prevMeaning.nounAfter) && mw.listGap.test(between.slice(prevMeaning.nounAfter.length))) return { label: noun, noun };
  }
  const verb = mw.countedNounVerbs.find((v) => label.endsWith(v)) ?? (mw.countedNounPrepositions.has(label) ? label : undefined);
  if (verb) {
    // a verb is no metric: the noun is (新增5个校企共建学院 keeps its scope word)
    const rest = label.slice(0, label.length - verb.length);
    return { label: mw.scope.includes(rest) ? rest + noun : noun, noun };
  }
  // a short label before the count (新增13个…, 沿黄5个盟市) qualifies the noun
  if (label.length <= 2 && !continuation && f.unit) return { label: label.length === 2 && !k.words.filler.includes(label) ? label + noun : noun, noun };
  return null;
}

/** `是…的1.6倍`, `相当于…的2倍`: a ratio. */
function isRatio(text: string, pos: number, floor: number, k: Knowledge): boolean {
  const before = text.slice(Math.max(floor, pos - 30), pos);
  if (!k.words.ratioOf.some((w) => before.endsWith(w))) return false;
  return k.words.ratioBefore.some((w) => before.includes(w));
}

function meaningOf(text: string, figures: ScannedFigure[], k: Knowledge): Meaning[] {
  const mw = meaningWords(k);
  const meanings: Meaning[] = [];
  let sentence = 0;
  for (let j = 0; j < figures.length; j++) {
    const f = figures[j]!;
    const prev = j > 0 ? figures[j - 1]! : null;
    // figures are in text order: look back only to the previous figure, else keep its sentence
    const back = clauseStart(text, f.start, prev ? prev.end : 0, SENTENCE_BREAK);
    if (!prev || back > prev.end) sentence = back;
    const sameSentence = prev !== null && prev.end > sentence;
    const floor = sameSentence ? prev!.end : sentence;
    const minor = clauseStart(text, f.start, floor, MINOR_BREAK);
    const major = clauseStart(text, f.start, floor, MAJOR_BREAK);
    // a list of nouns joined by 、 names one metric when no figure stands between them
    // (a heading's list marker is no list item: 二、加强社会保障10件; 一、二、三产业增加值 mid-sentence is)
    let joined = text.slice(major, f.start);
    // (a line break left inside the clause is one inside a word: clauseStart crossed it)
    if (joined.includes('\n')) joined = joined.replace(/\n/gu, '');
    if (mw.listMarker && (major === 0 || text[major - 1] === '\n')) joined = joined.replace(mw.listMarker, '');
    // (an item of a numbered list opening its line, `1.新建改建农村公路3000公里`, names no metric by its number)
    const itemText = mw.listMarker && (minor === 0 || text[minor - 1] === '\n') ? text.slice(minor, f.start).replace(mw.listMarker, '') : text.slice(minor, f.start);
    const pre = joined.includes('、') && /^[^、]+(?:、[^、]{1,20})+$/u.test(joined) && !/[、]\s*$/u.test(joined) && !/^[、]/u.test(joined) ? joined : itemText.replace(/\n/gu, '');
    // A list continues with the same unit and no qualifier of its own (`分别增长4.3%、7.1%`);
    // `增长6%左右、突破2.6万亿元` is two statements.
    let continuation =
      sameSentence &&
      mw.listGap.test(text.slice(prev!.end, f.start)) &&
      (prev!.unit?.unit ?? null) === (f.unit?.unit ?? null) &&
      prev!.rank === f.rank &&
      !(f.qualifier && k.before.some((q) => q.word === f.qualifier!.word) && text.startsWith(f.qualifier.word, f.start));

    let { change, to } = changeBefore(text, f.start, floor, k, mw);
    // 翻一番 states its own increase
    if (f.change && change === null && !to) change = f.change;
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
    let leads = false;
    if (!change && !to && !f.rank && kind !== 'ratio') {
      const lead = leadingChange(pre, k, mw);
      if (lead) {
        change = lead.change;
        kind = 'change';
        leadRest = lead.rest;
        leads = true;
      }
    }
    let label = cleanLabel(leadRest ?? pre, k, f.rank);
    // 新建城市“口袋公园”150个: nothing after the closing quote, so the quoted name belongs to the label
    // (quotes still end a label that has words after them: 采取“四个一批”帮助基层化债)
    // (as does a bare head noun after it: 中央财政用于“三农”的支出4318亿元 is no bare 支出)
    if ((!label || label.length <= 2) && leadRest === undefined && minor > floor && (text[minor - 1] === '”' || text[minor - 1] === '"')) {
      const wide = clauseStart(text, f.start, floor, UNQUOTED_BREAK);
      if (wide < minor) label = cleanLabel(text.slice(wide, f.start).replace(/[“”"]/gu, ''), k, f.rank);
    }
    const counted = countedNounOf(text, f, prev, meanings[j - 1], label, continuation, minor, k, mw);
    let nounAfter: string | null = null;
    if (counted) {
      label = counted.label;
      nounAfter = counted.noun;
      // a figure naming its own thing starts a statement of its own (585件人大代表建议 after 29件)
      continuation = false;
    }
    // 全国排名提升10位: places in a ranking, not people
    let unit: string | undefined;
    if (f.unit && k.rankMeasures.includes(f.unit.spelling) && mw.rankChangeContext.some((w) => pre.includes(w))) {
      unit = '名次';
      if (kind !== 'change') kind = 'rank';
    }
    // 清理议事协调机构109个,幅度达59%: a bare relational noun measures the previous statement of its
    // sentence: 议事协调机构 + 清理 + 幅度 (the action next to the noun, as in 议事协调机构精简幅度).
    if (sameSentence && mw.relationalNouns.has(label) && meanings[j - 1]!.label) {
      const subject = meanings[j - 1]!.label;
      const action = mw.relationalActions.find((w) => subject.startsWith(w) && subject.length > w.length);
      label = action ? subject.slice(action.length) + action + label : subject + label;
    }
    // 装备制造业增加值增长7.7%,占规模以上工业增加值比重为34.6%: a share whose clause opens with 占 (words.yaml
    // share) has no subject of its own; the previous statement's is the whole it is a part of
    if (sameSentence && label && f.unit?.unit === '%' && meanings[j - 1]!.label) {
      // (after the year it is of, too: `…年均增长21.58%，2012年占国内生产总值比例达到4%`)
      const lead = pre.replace(mw.leadYear, '');
      const word = k.words.share.find((w) => lead.startsWith(w) && !label.startsWith(w));
      const subject = meanings[j - 1]!.label;
      if (word && !label.startsWith(subject)) label = subject + word + label;
    }
    // `散居孤儿（含…儿童）从每人每月1484元提高到…`: a clause with no subject of its own right after a note in
    // brackets takes the subject written before the note
    if (!label && leadRest === undefined && minor > floor && (text[minor - 1] === '）' || text[minor - 1] === ')')) {
      const open = openingBracket(text, minor - 1, Math.max(floor, minor - 32));
      if (open > floor && !/[。;；,，\n]/u.test(text.slice(open, minor))) {
        label = cleanLabel(text.slice(clauseStart(text, open, floor, MINOR_BREAK), open).replace(/\n/gu, ''), k, f.rank);
      }
    }
    const own = label !== '';
    if (!label && sameSentence && !continuation && carries(text, prev!, meanings[j - 1]!, f, minor, k, mw.listGap)) label = meanings[j - 1]!.label;
    if (!label && continuation) label = meanings[j - 1]!.label;
    // 增长4.2%、位居全国第九: a rank right after a change figure, with no subject of its own, ranks
    // the change (the level's rank is another figure: 超过2万亿元、排在全国第21位)
    // (joined by 、 only: `提高7.2个百分点,稳居世界第二位` ranks the economy; and not after a count:
    // 排名上升3位、居第14位 ranks the level)
    const afterListComma = prev !== null && minor > prev.end && text[minor - 1] === '、' && /^\s*$/u.test(text.slice(prev.end, minor - 1));
    if (kind === 'rank' && !own && afterListComma && meanings[j - 1]!.kind === 'change' && prev!.unit?.kind !== 'count') change = meanings[j - 1]!.change;
    // 新增高新技术企业300家、科技型中小企业760家: a scope word opening a 、-list qualifies every item
    // (not one after a comma, which starts a new statement, nor an item with its own verb: 种植…)
    let scope = mw.scope.find((w) => label.startsWith(w)) ?? null;
    // (only a bare `noun + figure` item: 总数达到1198家 states a total, not another new thing)
    if (
      !scope &&
      own &&
      sameSentence &&
      kind !== 'change' &&
      !f.rank &&
      meanings[j - 1]!.scope &&
      afterListComma &&
      pre.trim() === label &&
      !(f.qualifier && text.startsWith(f.qualifier.word, f.start)) && // 突破1000家: a stock passing a mark
      !mw.actions.some((w) => label.startsWith(w)) &&
      !mw.totals.some((w) => label.includes(w))
    ) {
      scope = meanings[j - 1]!.scope;
      label = scope + label;
    }
    // 压减办事时限49.4%、环节20.8%、材料26.5%: a change verb leading a 、-list reaches its bare `noun + figure`
    // items with the same unit (not 口岸货运量增长14.7%、城镇化率68%: there the change word follows its noun)
    if (
      own &&
      sameSentence &&
      kind !== 'change' &&
      !f.rank &&
      meanings[j - 1]!.leads &&
      afterListComma &&
      (prev!.unit?.unit ?? null) === (f.unit?.unit ?? null) &&
      pre.trim() === label &&
      !(f.qualifier && text.startsWith(f.qualifier.word, f.start))
    ) {
      kind = 'change';
      change = meanings[j - 1]!.change;
      leads = true;
    }
    const labelUnit = (label && !own ? meanings[j - 1]!.labelUnit : null) ?? measureUnit(f);
    meanings.push({ kind, change, label, continuation, scope, nounAfter, labelUnit, ...(unit ? { unit } : {}), ...(leads ? { leads } : {}) });
  }

  // `突破5万关口、达到5.28万元`, `突破千亿、达到1042亿元`: a bare number passing a mark, right before the value of the
  // same statement (which has no subject of its own, so took its label), is in the value's unit
  for (let j = 0; j + 1 < figures.length; j++) {
    const f = figures[j]!;
    const next = figures[j + 1]!;
    const m = meanings[j]!;
    const value = next.unit && measureUnit(next);
    if (f.unit || f.rank || !value || !m.label || meanings[j + 1]!.label !== m.label || m.unit) continue;
    const between = text.slice(f.end, next.start);
    if (between.length > 8 || /[。！？!?；;\n]/u.test(between) || cleanLabel(between, k, false)) continue;
    m.unit = value;
  }

  // 分别 lists: subjects before 分别 paired with the list's figures in order.
  for (let j = 0; j < figures.length; j++) {
    const f = figures[j]!;
    if (meanings[j]!.continuation) continue;
    let last = j;
    while (last + 1 < figures.length && meanings[last + 1]!.continuation) last++;
    const major = clauseStart(text, f.start, j > 0 ? figures[j - 1]!.end : 0, MAJOR_BREAK);
    const pre = text.slice(major, f.start);
    const at = Math.max(-1, ...mw.respectively.map((w) => pre.lastIndexOf(w)));
    // (a list of subjects measured in different units, `6640.8万吨、1253.6万吨、9.1亿立方米`, is one list too)
    if (at < 0 && meanings[j]!.label.includes('、')) {
      while (last + 1 < figures.length && meanings[last + 1]!.label === meanings[j]!.label && mw.listGap.test(text.slice(figures[last]!.end, figures[last + 1]!.start))) last++;
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
  return meanings;
}

/** A figure's unit when it measures an amount or counts things (吨, 千瓦, 个); null for rates (%, 个百分点, 倍) and bare numbers. */
function measureUnit(f: ScannedFigure): string | null {
  return f.unit && (f.unit.kind === 'level' || f.unit.kind === 'count') ? f.unit.unit : null;
}

/**
 * Whether a figure with no subject of its own takes the previous statement's label (`粮食产量6.5亿吨，增长1.3%`,
 * `…，达到6.9亿吨`): only when it can measure the same thing, in a unit of the same family as the figures the
 * label was given to, and, for an amount or a count, when no clause between them names a subject of its own
 * (`粮食产量…，新能源装机成为第一大电源，达到4500万千瓦` is the new subject's figure). A rate always can: it is that
 * amount's change or share, and a clause of method may stand between (`…，按可比价格计算，比上年增长11.8%`).
 */
function carries(text: string, prev: ScannedFigure, previous: Meaning, f: ScannedFigure, minor: number, k: Knowledge, listGap: RegExp): boolean {
  const unit = measureUnit(f);
  if (!unit) return true;
  // (items of one list, `原煤、原油、天然气产量达到6640.8万吨、1253.6万吨、9.1亿立方米`: each subject in its own unit)
  if (listGap.test(text.slice(prev.end, f.start))) return true;
  if (previous.labelUnit && unit !== previous.labelUnit) return false;
  // the clauses wholly between the previous figure's clause and this one's (the first piece ends the previous clause)
  const between = text.slice(prev.end, minor);
  let at = 0;
  while (at < between.length && !MINOR_BREAK[between.charCodeAt(at)]) at++;
  for (let start = at + 1; start < between.length; ) {
    let end = start;
    while (end < between.length && !MINOR_BREAK[between.charCodeAt(end)]) end++;
    if (end > start && cleanLabel(between.slice(start, end), k, false)) return false;
    start = end + 1;
  }
  return true;
}

/** The opening bracket before the closing one at `close`, looked for back to `floor` only; -1 when none. */
function openingBracket(text: string, close: number, floor: number): number {
  for (let i = close - 1; i >= floor; i--) if (text[i] === '（' || text[i] === '(') return i;
  return -1;
}

/**
 * Whether the `count` figures before figure `j` stand in its sentence, each with a label of its own, none a
 * continuation of another: the subjects a 分别 without its own (`…，分别增长14%和21%`) pairs its list with.
 */
function listBefore(text: string, figures: ScannedFigure[], meanings: Meaning[], j: number, count: number): boolean {
  const first = j - count;
  if (first > 0 && meanings[first]!.continuation) return false;
  if (/[。！？!?；;\n]/u.test(text.slice(figures[first]!.end, figures[j]!.start))) return false;
  if (first > 0 && !/[。！？!?；;\n]/u.test(text.slice(figures[first - 1]!.end, figures[first]!.start))) return false;
  const labels = meanings.slice(first, j).map((m) => m.label);
  return labels.every(Boolean) && new Set(labels).size === count;
}

/**
 * One copy of each label and period string across documents: a run over a large
 * folder keeps every Figure, and the same metric names and periods recur in thousands of them.
 * Bounded: cleared when full.
 */
const interned = new Map<string, string>();
const INTERN_LIMIT = 100_000;
function intern(s: string, local: Map<string, string>): string {
  // a document's own small map first: most lookups hit it, and it stays in cache
  const mine = local.get(s);
  if (mine !== undefined) return mine;
  const shared = internShared(s);
  local.set(s, shared);
  return shared;
}
function internShared(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size >= INTERN_LIMIT) interned.clear();
  // a fresh copy: `s` may be a slice that keeps its whole document's text alive (V8 copies a slice shorter
  // than 13 characters rather than pointing into its parent, so a short one is copied flat by a slice of
  // itself after a space: ~6 times cheaper than the JSON round trip that copies a longer one flat)
  const copy: string = s.length < 12 ? (' ' + s).slice(1) : JSON.parse(JSON.stringify(s));
  interned.set(copy, copy);
  return copy;
}

/**
 * Whether a document writes its thousands with the full-width comma (粮食产量33，212万吨, as some typeset
 * texts of the 1980s do): it does when some `，` stands between digits with a group of three after it that
 * starts with 0 (亏损9，000万元, 1，062万吨), which no clause can start with (a number never begins with 0
 * but for 0.5, whose point follows at once). One such group is the document's own evidence.
 */
function fullWidthSeparatesThousands(doc: Document): boolean {
  const text = doc.normalized;
  const original = doc.original;
  for (const m of text.matchAll(/(?<![\d.])\d{1,3},0\d\d(?![\d.])/gu)) {
    const comma = m.index + m[0].indexOf(',');
    if (original[doc.originalOffset(comma)] === '，') return true;
  }
  return false;
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
  let fullWidthThousands: boolean | undefined;
  const scanner = new Scanner(text, blocked, k, {
    // A comma that was full-width in the original is a clause break, not a thousands separator, unless
    // the document writes its thousands with it (fullWidthSeparatesThousands).
    thousandsAt: (offset) => {
      const comma = original[doc.originalOffset(offset)];
      if (comma === ',') return true;
      if (comma !== '，') return false;
      return (fullWidthThousands ??= fullWidthSeparatesThousands(doc));
    },
  });
  const scanned = scanner.scan();
  const meanings = meaningOf(text, scanned, k);
  const figures: Figure[] = [];
  const local = new Map<string, string>();
  for (let j = 0; j < scanned.length; j++) {
    const f = scanned[j]!;
    const m = meanings[j]!;
    const location = doc.locate(f.start, f.end);
    const reading = f.reading;
    const exact = reading && !f.placeholder ? reading.value.toFixed() : null;
    const figure: Figure = {
      document: doc.id,
      raw: location.text ?? original.slice(doc.originalOffset(f.start), doc.originalOffset(f.end)),
      exact,
      // the correctly rounded number of the exact value, as Number(exact) gives, without parsing
      value: exact === null ? null : reading!.value.toNumber(),
      unit: f.rank ? '名次' : (m.unit ?? f.unit?.unit ?? null),
      interval: f.interval ? toInterval(f.interval) : null,
      qualifier: f.qualifier?.word ?? null,
      kind: m.kind,
      change: m.change,
      label: intern(m.label, local),
      // what the figure means in time and intent is the meaning stage's (src/meaning: interpret)
      period: null,
      modality: 'actual',
      placeholder: f.placeholder,
      span: { start: f.start, end: f.end },
      location,
    };
    if (reading?.few) figure.unreliable = '几/数: an unknown digit';
    figures.push(figure);
  }
  return figures;
}
