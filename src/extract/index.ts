/**
 * The extract stage: every figure of a Document with its meaning (issue "Extract every figure").
 * scan.ts finds the figures (numerals.ts, units.ts, intervals.ts read them); this module gives each
 * its kind, change, label (labels.ts), and its location in the original file through the Document's
 * offset map. Period and modality are the meaning stage's (src/meaning), run right after this one.
 */
import type { Change, Document, Figure, FigureKind } from '../model.js';
import { coreRules } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { clauseStart, MAJOR_BREAK, MINOR_BREAK, openingBracket, SENTENCE_BREAK, UNQUOTED_BREAK } from './clauses.js';
import { toInterval } from './intervals.js';
import { alternation, chineseDigits, knowledgeOf, type Knowledge } from './knowledge.js';
import { cleanLabel } from './labels.js';
import { pairRespectively } from './respectively.js';
import { blockedMask, Scanner, type ScannedFigure } from './scan.js';

export { knowledgeOf } from './knowledge.js';
export { readArabic, readChinese, type NumberReading } from './numerals.js';
export { intervalOf, toInterval, type ExactInterval } from './intervals.js';
export { unitAt } from './units.js';

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

/**
 * The figures' meanings, in text order: each figure's own (FigureReader, over its clause), then what one
 * figure gives another: a bare mark's unit (marksInValueUnit) and a list's subjects (pairRespectively).
 */
function meaningOf(text: string, figures: ScannedFigure[], k: Knowledge): Meaning[] {
  const mw = meaningWords(k);
  const reader = new FigureReader(text, k, mw);
  for (let j = 0; j < figures.length; j++) reader.read(figures[j]!, j > 0 ? figures[j - 1]! : null);
  const meanings = reader.meanings;
  marksInValueUnit(text, figures, meanings, k);
  pairRespectively(text, figures, meanings, k, mw.respectively, mw.listGap);
  return meanings;
}

/**
 * One figure's meaning at a time, in text order (meaningOf): where its sentence and clauses start and which
 * phrase names its metric (clauseOf), then its kind, change and label, step by step. The clause is held in
 * fields set once per figure, so the steps share it without passing or allocating it; `sentence` carries over
 * from one figure to the next.
 */
class FigureReader {
  readonly meanings: Meaning[] = [];
  /** The figure being read, the one before it (null for the first) and that one's meaning. */
  private f!: ScannedFigure;
  private prev: ScannedFigure | null = null;
  private previous: Meaning | undefined;
  /** Where the figure's sentence starts. */
  private sentence = 0;
  /** Whether the previous figure stands in the figure's sentence. */
  private sameSentence = false;
  /** How far back the figure's clauses may reach: the previous figure's end in the same sentence, else the sentence's start. */
  private floor = 0;
  /** Where its clause starts at the label breaks (MINOR_BREAK) and at the 分别 ones (MAJOR_BREAK). */
  private minor = 0;
  private major = 0;
  /** The phrase before the figure that names its metric (metricPhrase). */
  private pre = '';

  constructor(
    private readonly text: string,
    private readonly k: Knowledge,
    private readonly mw: MeaningWords,
  ) {}

  /** Reads figure `f`, the one after `prev` (or the first), and adds its meaning. */
  read(f: ScannedFigure, prev: ScannedFigure | null): void {
    this.clauseOf(f, prev);
    const { text, k, mw, sameSentence, minor, pre, previous } = this;
    const m: Meaning = {
      kind: 'level',
      change: null,
      label: '',
      continuation: sameSentence && continuesList(text, prev!, f, k, mw.listGap),
      scope: null,
      nounAfter: null,
      labelUnit: null,
      unit: undefined,
      leads: false,
    };
    const to = this.kindOf(m);
    const leadRest = !m.change && !to && !f.rank && m.kind !== 'ratio' ? this.leadingChangeOf(m) : undefined;
    m.label = this.ownLabel(leadRest);
    const counted = countedNounOf(text, f, prev, previous, m.label, m.continuation, minor, k, mw);
    if (counted) {
      m.label = counted.label;
      m.nounAfter = counted.noun;
      // a figure naming its own thing starts a statement of its own (585件人大代表建议 after 29件)
      m.continuation = false;
    }
    // 全国排名提升10位: places in a ranking, not people
    if (f.unit && k.rankMeasures.includes(f.unit.spelling) && mw.rankChangeContext.some((w) => pre.includes(w))) {
      m.unit = '名次';
      if (m.kind !== 'change') m.kind = 'rank';
    }
    if (sameSentence) this.subjectFromPrevious(m);
    if (!m.label && leadRest === undefined) m.label = this.subjectBeforeNote();
    const own = m.label !== '';
    if (!m.label && sameSentence && !m.continuation && carries(text, prev!, previous!, f, minor, k, mw.listGap)) m.label = previous!.label;
    if (!m.label && m.continuation) m.label = previous!.label;
    // 增长4.2%、位居全国第九: a rank right after a change figure, with no subject of its own, ranks
    // the change (the level's rank is another figure: 超过2万亿元、排在全国第21位)
    // (joined by 、 only: `提高7.2个百分点,稳居世界第二位` ranks the economy; and not after a count:
    // 排名上升3位、居第14位 ranks the level)
    const afterListComma = prev !== null && minor > prev.end && text[minor - 1] === '、' && /^\s*$/u.test(text.slice(prev.end, minor - 1));
    if (m.kind === 'rank' && !own && afterListComma && previous!.kind === 'change' && prev!.unit?.kind !== 'count') m.change = previous!.change;
    m.scope = mw.scope.find((w) => m.label.startsWith(w)) ?? null;
    // (only a bare `noun + figure` item after a 、 shares what governs its list: not one after a comma, which
    // starts a new statement, nor an item with its own verb: 种植…)
    if (own && sameSentence && afterListComma && m.kind !== 'change' && !f.rank && pre.trim() === m.label) this.listItem(m);
    m.labelUnit = (m.label && !own ? previous!.labelUnit : null) ?? measureUnit(f);
    this.meanings.push(m);
  }

  /** Where figure `f`'s sentence and clauses start, and the phrase naming its metric. */
  private clauseOf(f: ScannedFigure, prev: ScannedFigure | null): void {
    const { text } = this;
    this.f = f;
    this.prev = prev;
    this.previous = this.meanings[this.meanings.length - 1];
    // figures are in text order: look back only to the previous figure, else keep its sentence
    const back = clauseStart(text, f.start, prev ? prev.end : 0, SENTENCE_BREAK);
    if (!prev || back > prev.end) this.sentence = back;
    this.sameSentence = prev !== null && prev.end > this.sentence;
    this.floor = this.sameSentence ? prev!.end : this.sentence;
    this.minor = clauseStart(text, f.start, this.floor, MINOR_BREAK);
    this.major = clauseStart(text, f.start, this.floor, MAJOR_BREAK);
    this.pre = metricPhrase(text, this.major, this.minor, f.start, this.mw.listMarker);
  }

  /**
   * The figure's kind and change: the change word before it (changeBefore) or its own (翻一番), a ratio's
   * `是…的`, the change word of the list it continues, else its unit's kind. Returns whether a `到` word
   * stands before it (the level reached, no change of its own).
   */
  private kindOf(m: Meaning): boolean {
    const { text, f, k } = this;
    let { change, to } = changeBefore(text, f.start, this.floor, k, this.mw);
    // 翻一番 states its own increase
    if (f.change && change === null && !to) change = f.change;
    let kind: FigureKind;
    if (f.rank) kind = 'rank';
    else if (f.unit?.unit === '倍' && change === null && !to && isRatio(text, f.start, this.sentence, k)) kind = 'ratio';
    else if (change) kind = 'change';
    else if (m.continuation && this.prev && this.previous!.kind === 'change' && !to) {
      // 分别增长4.3%、7.1%: the second figure shares the first one's change word
      kind = 'change';
      change = this.previous!.change;
    } else kind = f.unit?.kind ?? 'level';
    if (kind === 'change' && f.unit?.unit === '名次') kind = 'rank';
    m.kind = kind;
    m.change = change;
    return to;
  }

  /**
   * 降低企业用电成本59亿元, 减少环节979个: the change word leads the metric phrase (leadingChange). Returns the
   * phrase without it, undefined when none leads.
   */
  private leadingChangeOf(m: Meaning): string | undefined {
    const lead = leadingChange(this.pre, this.k, this.mw);
    if (!lead) return undefined;
    m.change = lead.change;
    m.kind = 'change';
    m.leads = true;
    return lead.rest;
  }

  /** The label the figure's own clause gives it: the metric phrase's, or what a leading change word leaves of it (`leadRest`). */
  private ownLabel(leadRest: string | undefined): string {
    const { text, f, k, floor, minor } = this;
    const label = cleanLabel(leadRest ?? this.pre, k, f.rank);
    // 新建城市“口袋公园”150个: nothing after the closing quote, so the quoted name belongs to the label
    // (quotes still end a label that has words after them: 采取“四个一批”帮助基层化债)
    // (as does a bare head noun after it: 中央财政用于“三农”的支出4318亿元 is no bare 支出)
    if ((!label || label.length <= 2) && leadRest === undefined && minor > floor && (text[minor - 1] === '”' || text[minor - 1] === '"')) {
      const wide = clauseStart(text, f.start, floor, UNQUOTED_BREAK);
      if (wide < minor) return cleanLabel(text.slice(wide, f.start).replace(/[“”"]/gu, ''), k, f.rank);
    }
    return label;
  }

  /** A label that measures the previous statement of the sentence, whose label becomes its subject. */
  private subjectFromPrevious(m: Meaning): void {
    const { f, k, mw } = this;
    const previous = this.previous!;
    // 清理议事协调机构109个,幅度达59%: a bare relational noun measures the previous statement of its
    // sentence: 议事协调机构 + 清理 + 幅度 (the action next to the noun, as in 议事协调机构精简幅度).
    if (mw.relationalNouns.has(m.label) && previous.label) {
      const subject = previous.label;
      const action = mw.relationalActions.find((w) => subject.startsWith(w) && subject.length > w.length);
      m.label = action ? subject.slice(action.length) + action + m.label : subject + m.label;
    }
    // 装备制造业增加值增长7.7%,占规模以上工业增加值比重为34.6%: a share whose clause opens with 占 (words.yaml
    // share) has no subject of its own; the previous statement's is the whole it is a part of
    const label = m.label;
    if (label && f.unit?.unit === '%' && previous.label) {
      // (after the year it is of, too: `…年均增长21.58%，2012年占国内生产总值比例达到4%`)
      const lead = this.pre.replace(mw.leadYear, '');
      const word = k.words.share.find((w) => lead.startsWith(w) && !label.startsWith(w));
      const subject = previous.label;
      if (word && !label.startsWith(subject)) m.label = subject + word + label;
    }
  }

  /**
   * `散居孤儿（含…儿童）从每人每月1484元提高到…`: a clause with no subject of its own right after a note in
   * brackets takes the subject written before the note; '' when there is none.
   */
  private subjectBeforeNote(): string {
    const { text, f, k, floor, minor } = this;
    if (!(minor > floor && (text[minor - 1] === '）' || text[minor - 1] === ')'))) return '';
    const open = openingBracket(text, minor - 1, Math.max(floor, minor - 32));
    if (open > floor && !/[。;；,，\n]/u.test(text.slice(open, minor))) {
      return cleanLabel(text.slice(clauseStart(text, open, floor, MINOR_BREAK), open).replace(/\n/gu, ''), k, f.rank);
    }
    return '';
  }

  /**
   * A bare `noun + figure` item after a 、 shares what governs the previous statement's list: the scope word
   * opening it (新增高新技术企业300家、科技型中小企业760家), or the change verb leading it (压减办事时限49.4%、
   * 环节20.8%、材料26.5%; not 口岸货运量增长14.7%、城镇化率68%: there the change word follows its noun).
   */
  private listItem(m: Meaning): void {
    const { text, f, mw } = this;
    const previous = this.previous!;
    const label = m.label;
    // (only a bare `noun + figure` item: 总数达到1198家 states a total, not another new thing)
    if (
      !m.scope &&
      previous.scope &&
      !(f.qualifier && text.startsWith(f.qualifier.word, f.start)) && // 突破1000家: a stock passing a mark
      !mw.actions.some((w) => label.startsWith(w)) &&
      !mw.totals.some((w) => label.includes(w))
    ) {
      m.scope = previous.scope;
      m.label = previous.scope + label;
      return;
    }
    // (a change verb reaches only items in the unit of the figure it leads)
    if (previous.leads && (this.prev!.unit?.unit ?? null) === (f.unit?.unit ?? null) && !(f.qualifier && text.startsWith(f.qualifier.word, f.start))) {
      m.kind = 'change';
      m.change = previous.change;
      m.leads = true;
    }
  }
}

/**
 * The phrase before a figure that names its metric: its major clause (from `major`) when that is a list of
 * nouns joined by 、 with no figure between them (城镇、农村居民收入), else its own clause (from `minor`);
 * without the list marker a line opens with.
 */
function metricPhrase(text: string, major: number, minor: number, end: number, listMarker: RegExp | null): string {
  // a list of nouns joined by 、 names one metric when no figure stands between them
  // (a heading's list marker is no list item: 二、加强社会保障10件; 一、二、三产业增加值 mid-sentence is)
  let joined = text.slice(major, end);
  // (a line break left inside the clause is one inside a word: clauseStart crossed it)
  if (joined.includes('\n')) joined = joined.replace(/\n/gu, '');
  if (listMarker && (major === 0 || text[major - 1] === '\n')) joined = joined.replace(listMarker, '');
  if (joined.includes('、') && /^[^、]+(?:、[^、]{1,20})+$/u.test(joined) && !/[、]\s*$/u.test(joined) && !/^[、]/u.test(joined)) return joined;
  // (an item of a numbered list opening its line, `1.新建改建农村公路3000公里`, names no metric by its number)
  const itemText = listMarker && (minor === 0 || text[minor - 1] === '\n') ? text.slice(minor, end).replace(listMarker, '') : text.slice(minor, end);
  return itemText.replace(/\n/gu, '');
}

/**
 * Whether a figure continues the list of the figure before it in its sentence: only list gap words between
 * them, the same unit and no qualifier of its own (`分别增长4.3%、7.1%`; `增长6%左右、突破2.6万亿元` is two statements).
 */
function continuesList(text: string, prev: ScannedFigure, f: ScannedFigure, k: Knowledge, listGap: RegExp): boolean {
  return (
    listGap.test(text.slice(prev.end, f.start)) &&
    (prev.unit?.unit ?? null) === (f.unit?.unit ?? null) &&
    prev.rank === f.rank &&
    !(f.qualifier && k.before.some((q) => q.word === f.qualifier!.word) && text.startsWith(f.qualifier.word, f.start))
  );
}

/**
 * `突破5万关口、达到5.28万元`, `突破千亿、达到1042亿元`: a bare number passing a mark, right before the value of the
 * same statement (which has no subject of its own, so took its label), is in the value's unit.
 */
function marksInValueUnit(text: string, figures: ScannedFigure[], meanings: Meaning[], k: Knowledge): void {
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
