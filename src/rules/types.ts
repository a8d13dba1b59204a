/**
 * Typed view of rule files (rules/schema.json is the authority; keep the two in step).
 * A rule file may hold any of these sections; rules/core/*.yaml hold the knowledge sections,
 * user rule files mostly `metrics` and `checks`, and may retune any knowledge setting.
 */
import type { FigureKind, Severity } from '../model.js';

export interface MetricRule {
  id: string;
  name: string;
  /** Matched against normalized (Simplified) labels. */
  aliases?: string[];
  unit?: string;
  kind?: FigureKind;
  change?: 'increase' | 'decrease';
  direction?: 'higher-is-better' | 'lower-is-better';
  /** The rule file that defined it (set by the loader, for messages; not a key of the file). */
  source?: string;
}

export interface CheckRule {
  type: string;
  metrics?: '*' | string[];
  documents?: string[];
  severity?: Severity;
  [setting: string]: unknown;
}

/** A web-chrome line pattern (regular expression over one normalized line). */
export interface BoilerplatePattern {
  id: string;
  pattern: string;
}

/** Auto-alignment of figures no metric rule covers (rules/core/checks.yaml). */
export interface AlignmentSettings {
  minLabelLength?: number;
  /** Regex: a label still holding a year or a span of years is not aligned on (align.ts). */
  labelTimePattern?: string;
  genericLabels?: string[];
  severity?: Severity;
  withinDocument?: boolean;
  lowerIsBetter?: string[];
  labelPrefixes?: string[];
  /** Verbs of adding things of a kind (新增, 新建, 新认定) opening a count's label: the label names the rest (align.ts). */
  additionVerbs?: string[];
  /** Words naming a target as one: a sentence stating a target and its outcome together has one (target.ts). */
  targetNamingWords?: string[];
  /** Words setting a plan's figure against the outcome in one sentence (计划为, 实际): target and outcome named, no quote. */
  planOutcomeWords?: string[];
  /** canonical word → variants, applied to auto-aligned labels. */
  synonyms?: Record<string, string[]>;
  /** How a document's jurisdiction is read; auto-alignment stays inside one (src/checks/jurisdiction.ts). */
  jurisdiction?: JurisdictionSettings;
  /** How a document's delivery date is read; an actual of a period not over by then is no actual (src/checks/document-date.ts). */
  documentDate?: DocumentDateSettings;
  /** Pairing by wording, for statements the identity key leaves alone (src/checks/wording.ts). */
  byWording?: WordingSettings;
  /** How a plan and its review restate one thing (src/checks/align-soft.ts); rules/schema.json describes each field. */
  restatement?: RestatementSettings;
}

/** The soft match of a target and its outcome worded apart (src/checks/align-soft.ts, align-soft-labels.ts). */
export interface RestatementSettings {
  enabled?: boolean;
  /** Verbs of doing by family; the family `generalFamily` goes with any other. */
  doingVerbs?: Record<string, string[]>;
  generalFamily?: string;
  carryOutFamily?: string;
  /** Scope ids (indicatorWords.scopes) that are tiers of designation, and words naming a tier that are no scope. */
  tierScopes?: string[];
  tierWords?: Record<string, string>;
  fillers?: string[];
  categorySuffixes?: string[];
  measureWords?: string[];
  abbreviationEnds?: string[];
  listJoiners?: string[];
}

/** Pairing by wording (src/checks/wording.ts); rules/schema.json describes each field. */
export interface WordingSettings {
  enabled?: boolean;
  minSimilarity?: number;
  margin?: number;
  sameFactSimilarity?: number;
  maxRatio?: number;
  maxShare?: number;
  minEvidence?: number;
  leadWeight?: number;
  richClause?: number;
  agreeingSimilarity?: number;
}

export interface DocumentDateSettings {
  /** Regex over a dated-line heading with named groups `year` and `month`. */
  pattern?: string;
  /** An estimate of a period ending at most this many months after delivery is a preliminary figure of it (consistency-estimates.ts). */
  estimateMonths?: number;
}

/** Reading a document's jurisdiction from its text (src/checks/jurisdiction.ts). */
export interface JurisdictionSettings {
  /** Level key → the words a document of that level uses for its own area (`我省`, `全省`). */
  levels?: Record<string, string[]>;
  /** Levels that have no place below them (the nation). */
  placelessLevels?: string[];
  /** Place name (a province) → its cities' names, which count for it; the place named most often wins. */
  places?: Record<string, string[]>;
  /** Levels whose place is refined to the city named most often (`广东/深圳`). */
  cityLevels?: string[];
  /** The winning level or place needs at least this many mentions … */
  minMentions?: number;
  /** … and this many times as many as the runner-up. */
  dominance?: number;
  /** How the name of a city no list names is read from the text (src/checks/jurisdiction-city.ts). */
  unlistedCities?: UnlistedCitySettings;
}

/** A city no list names, as the text writes it: two characters before `suffix` (src/checks/jurisdiction-city.ts). */
export interface UnlistedCitySettings {
  /** What follows a city's name (市). */
  suffix?: string;
  /** Last characters of two that make `X市` a word naming no city (全市, 超市, 上市). */
  notNameEnds?: string[];
  /** First characters of two that name no city (本, 各, 该). */
  notNameStarts?: string[];
  /** Two characters that name no city: words ending in 市 (城市) and words standing before a city's bodies (来自, 落实). */
  notNames?: string[];
  /** What after the suffix makes it part of another word (市场, 市民) or names a city's body or level (市委, 市级). */
  notAfter?: string[];
}

export interface ConsistencySettings {
  equalPrecisionStrict?: boolean;
  relativeEpsilon?: number;
  /** A precise figure inside a coarser restatement's truncation interval is not a mismatch (compare.ts). */
  truncatedRestatement?: boolean;
  /** A plain target is a set value, judged against a plain actual's stated value (target.ts). */
  plainTargetIsSetValue?: boolean;
  /** The width (percentage points) a target rate said about is judged at (`10%左右` → [9.5, 10.5]: target.ts). */
  aboutRateWidth?: number;
  /** A plain or about figure's end farther from zero is open when a target is judged (四舍五入: target.ts). */
  roundHalfAwayFromZero?: boolean;
}

export interface ArithmeticSettings {
  shareWords?: string[];
  completionPatterns?: string[];
  rateLabelSuffixes?: string[];
  maxGap?: number;
  /** Regex the text after a share word must match for the share to be of the total just stated (`占` but not `占全国`). */
  shareTailPattern?: string;
  /** Separators of list items: a total and an amount joined by one are siblings, not a total and its part. */
  siblingSeparators?: string[];
  /** For a rate known only by its label suffix: how many final characters the total's and the amount's labels share. */
  sharedHeadLength?: number;
  /** `从A增加到B，增长x%`: growth between two stated levels (src/checks/arithmetic/growth.ts). */
  growth?: GrowthSettings;
  /** `T，其中A a、B b`: listed parts against a stated total (src/checks/arithmetic/parts.ts). */
  parts?: PartsSettings;
}

export interface GrowthSettings {
  /** Regex ending at the first level (`从2017年的`); named group `fromYear`. */
  fromPattern?: string;
  /** Regex for the whole text between the two levels (`增加到2022年的`); groups `verb`, `toYear`. */
  toPattern?: string;
  /** Regex for the whole text between the second level and the stated change (`,年均增长`); groups `average`, `verb`. */
  changePattern?: string;
  increaseVerbs?: string[];
  decreaseVerbs?: string[];
  /** Words that make a stated rate a real (price-adjusted) one: never compared with nominal levels. */
  realGrowthWords?: string[];
  /** Metrics whose growth rates are stated at comparable prices while their levels are nominal (GDP). */
  comparablePriceMetrics?: string[];
}

export interface PartsSettings {
  /** Words after a total that introduce some of its parts (`其中`). */
  subsetMarkers?: string[];
  /** Words that introduce values for categories named just before (`分别为`). */
  respectiveMarkers?: string[];
  /** A last part starting with one of these is the remainder, which makes the list complete (`其余`). */
  remainderWords?: string[];
  /** Category sets known to exhaust a total (城镇/农村, 出口/进口, 三次产业). */
  partitions?: string[][];
  /** Words near a total or its parts that make the values not additive (人均, 平均, 率, 指数). */
  nonAdditiveWords?: string[];
  /** Most characters between a total and the marker of its parts. */
  maxTotalGap?: number;
  /** Words joining listed categories or values besides 、 and commas (`城镇和农村`, `12万人和8万人`). */
  joiners?: string[];
  /** Verbs ending a part's name before its value (`城镇为`, `出口达到`): no part of the name. */
  nameEnds?: string[];
}

/** Extract stage: a unit of measure (rules/core/units.yaml). Factors are exact decimal strings. */
export interface UnitRule {
  name: string;
  kind: FigureKind;
  aliases?: string[];
  conversions?: Record<string, string | number>;
  needsMagnitude?: boolean;
}

/** Extract stage: `翻N番`, the amount doubled N times (rules/core/numerals.yaml `doublings`). */
export interface DoublingSettings {
  /** Words before the numeral (翻, 翻了). */
  before?: string[];
  /** The word after it (番). */
  after?: string;
  /** Doublings stated by the words with no numeral between (翻番: 1). */
  bare?: number;
  /** The unit the increase is read in (倍). */
  unit?: string;
  /** The most doublings read (翻五番). */
  most?: number;
}

/** Extract stage: Chinese numerals (rules/core/numerals.yaml). */
export interface NumeralSettings {
  digits?: Record<string, number>;
  places?: Record<string, number>;
  point?: string;
  percentPrefix?: string;
  fractionPrefixes?: Record<string, string>;
  /** Fractions written as fractions (三分之一, 1/3), read as a share (src/extract/fractions.ts). */
  fractions?: FractionSettings;
  /** Doublings written as 翻N番 (src/extract/doublings.ts). */
  doublings?: DoublingSettings;
  singleCharUnits?: string[];
  /** One-character numerals read before any unit, not only before singleCharUnits (十件). */
  singleCharNumbers?: string[];
  placeholders?: string[];
  /** Characters standing for a digit not stated (几十, 十几, 数百), and those of them only before a place or a magnitude (数). */
  fewDigits?: string[];
  fewBeforePlace?: string[];
  rangeSeparators?: string[];
  /** The ordinal prefix of a rank (第). */
  rankPrefix?: string;
  /** Measure words written after a rank and part of it (第三位, 第21名). */
  rankMeasures?: string[];
  /** Units of a date: a placeholder before one is a date, not a figure (XX年). */
  dateUnits?: string[];
}

/** Extract stage: fractions written as fractions (rules/core/numerals.yaml `fractions`). */
export interface FractionSettings {
  word?: string;
  slashes?: string[];
  unit?: string;
  scale?: number;
  places?: number;
  roundness?: string | number;
  maxDigitDenominator?: number;
  notBeforeDigitFraction?: string[];
  notAfterDigitFraction?: string[];
  namesAfter?: string[];
}

export type QualifierForm = 'at-least' | 'more-than' | 'at-most' | 'less-than' | 'about' | 'nearly' | 'plus';

/** Extract stage: a word that makes a figure approximate or open (rules/core/qualifiers.yaml). */
export interface QualifierRule {
  word: string;
  position: 'before' | 'after';
  form: QualifierForm;
  /** Words that end in a qualifier written before the number but are words of their own (签约, 赶超). */
  notIn?: string[];
}

/** Extract stage: interval widths (SEMANTICS.md), as multiples of place values. */
export interface IntervalSettings {
  roundingHalfWidth?: number;
  aboutHalfWidth?: number;
  nearlyWidth?: number;
  fewLow?: number;
  fewHigh?: number;
  floor?: number;
  /** A Chinese numeral is as precise as the same number in digits (一千亿 = 1000亿, 十倍 = 10倍). */
  chineseNumeralsAsDigits?: boolean;
}

/** Extract stage: word lists (rules/core/words.yaml). */
export interface WordLists {
  increase?: string[];
  decrease?: string[];
  changeTo?: string[];
  changeGap?: string[];
  ratioBefore?: string[];
  comparison?: string[];
  target?: string[];
  estimate?: string[];
  filler?: string[];
  share?: string[];
  targetNegators?: string[];
  rankContext?: string[];
  rankNegators?: string[];
  nonTargets?: string[];
  /** Target words only for a period not over yet (控制在): in a review or for a past year they report an outcome. */
  targetUnlessPast?: string[];
  fillerEnd?: string[];
  sharedTails?: string[];
  /** Last characters of a subject that already names its measure (起数, 总额): it takes no shared head noun. */
  measureEnds?: string[];
  fillerInside?: string[];
  boundHeads?: string[];
  fillerStart?: string[];
  startWords?: string[];
  /** Words that end in a filler word yet are words of their own (税比): a label ending in one keeps it. */
  endWords?: string[];
  /** Characters trimmed from both ends of a label. */
  edgePunctuation?: string;
  /** A prefix standing for several subjects of a 分别 list (城乡 → 城镇, 农村). */
  splitPrefixes?: Record<string, string[]>;
  /** Words joining the subjects of a 分别 list. */
  listJoiners?: string[];
  /** Words that may stand between two figures of one list (4.3%和7.1%). */
  listGap?: string[];
  /** Scope words qualifying a whole 、-list (新增 …). */
  listScopes?: string[];
  /** Verbs opening a list item that has its own action (种植 …): the list's scope does not reach it. */
  actions?: string[];
  relationalNouns?: string[];
  relationalActions?: string[];
  /** Nouns naming a total (总数 …): a list item with one is a stock, outside the list's scope. */
  totals?: string[];
  /** Words between a target negator and a target word that keep the negation (完成年度目标). */
  targetNegatorObjects?: string[];
  /** The word before a ratio's number (`是…的1.6倍`). */
  ratioOf?: string[];
  /** Words before a leading change word that keep it leading (自治区本级压减…). */
  changeSubjects?: string[];
  /** A change word followed by one of these is part of a noun (增加值). */
  changeNounTails?: string[];
  /** Measure words counting people: no noun after the figure becomes its label. */
  personMeasures?: string[];
  /** Words ending a counted noun written after its figure (57个贫困旗县全部摘帽). */
  countedNounEnds?: string[];
  /** Verbs/prepositions that, ending a count's label, mean the counted thing follows the figure (拿出50条措施). */
  countedNounLeads?: string[];
  /** Words right before a count that make the noun after it the counted thing (交付的18个省份, 等15家头部企业). */
  countedNounMarks?: string[];
  /** Words before N位/N名 that make it a change of rank (排名提升10位), not people. */
  rankChangeContext?: string[];
  /** Words ending in a change word that state no change (改造提升11个). */
  nonChanges?: string[];
  /** The word pairing a list of subjects with a list of figures (分别). */
  respectively?: string[];
}

/** Extract stage: how periods are found (rules/core/periods.yaml). */
export interface PeriodSettings {
  /** The opening of a chart's or table's caption line (`图1 `, `表5 `): its years date none of the prose around it. */
  captionPattern?: string;
  deliveryLine?: string;
  targetHeadings?: string[];
  reviewHeadings?: string[];
  relativeYears?: Record<string, number>;
  partialYears?: Record<string, [number, number]>;
  spans?: { words: string[]; years: number; direction: 'back' | 'forward' }[];
  cumulative?: string[];
  /** Written after a year or a month and part of the period word (2022年底, 8月份). */
  yearEdges?: string[];
  monthEdges?: string[];
  /** Cut-off words (截至, 截至目前). */
  untilWords?: string[];
  /** A year right after/before these is a comparison base (比2021年, 2012年以来). */
  comparisonBefore?: string[];
  comparisonAfter?: string[];
  /** The same for relative years (比上年, 上年同期). */
  relativeComparisonBefore?: string[];
  relativeComparisonAfter?: string[];
  /** A span right before these is a comparison base (五年前). */
  spanComparisonAfter?: string[];
  /** A year right after these is a target date (到2025年). */
  targetBefore?: string[];
  /** Addresses that may open a paragraph before its period (各位代表). */
  salutations?: string[];
  /** Words of a sentence opening that announces targets (`主要预期目标是:`). */
  targetOpenings?: string[];
  /** Glossary headings (名词解释, 注释) and appendix leads before them (附件, 附): see rules/core/periods.yaml. */
  glossaryHeadings?: string[];
  glossaryLeads?: string[];
  /** A report delivered in months 1..N states its own year's full-year figures as plans (0: off). */
  ownYearPlansUntilMonth?: number;
  /** A document dated in months 1..N reviews the year before; later, its own year (default 12). */
  reviewsPreviousYearUntilMonth?: number;
  /** A line holding only a date (group 1 the year, 2 the month; Arabic or Chinese digits). */
  dateLine?: string;
  /** Title words and what the title's year is: the year reviewed or the year delivered. */
  titles?: { words: string[]; year: 'review' | 'delivery' }[];
  /** Words of a work report's opening: its numbered parts after the review are its plan part. */
  workReportOpenings?: string[];
  /** Words that, right after a span (五年行动计划) or a plan number (十四五规划), make it a name, not a period. */
  nameAfter?: string[];
  /** Five-year plans by number (`"十三五"时期`): the number and first year of one of them, and their length. */
  planPeriods?: { number: number; start: number; years: number; words: string[]; ordinal?: string; first?: { number: number; start: number } };
  /** After a numbered plan's name in a report's opening (…第六个五年计划的报告): the report presents that plan. */
  /** After a plan's name, its first years (`第九个五年计划的头两年`): those years from the plan's first. */
  planFirstYears?: string[];
  planReports?: string[];
  /** A report presenting a year's plan or budget (`作关于1981年国民经济计划草案的报告`): the plan's names after a year, and words making it a review. */
  yearPlans?: { names: string[]; done?: string[]; openings?: string[] };
  /** After a plan number, its own goals or tasks (`"十二五"节能减排目标`): a figure after them in the clause is of the plan's years. */
  planGoals?: string[];
  /** A streak of N years (`连续五年`), group 1 the number: the N years up to the year in force, for its clause. */
  streak?: string;
  /** An average over N years (`两年平均`): as a streak, but forward from the plan year in a plan part. */
  averageOverYears?: string;
  /** Sentence openings that continue the sentence before (`这一目标…`): it keeps that sentence's period. */
  continuations?: string[];
  /** A figure after one of these and before a change-to word (`由50.2%提高到`) is a start value. */
  startBefore?: string[];
  /** After a year, a span from it to the year the text is in (`1989年以来`); also comparisonAfter words. */
  sinceWords?: string[];
  /** One-character change words before 到/至 (`降到`): with words.yaml increase/decrease, a change to a level. */
  shortChanges?: string[];
  /** Words of an average over years (平均每年, 年均): the figure is of the span in force. */
  averageWords?: string[];
  /** Before a year in an average's sentence: the average runs from the year after it (从1997年的…, 比1989年…). */
  averageFrom?: string[];
  /** Achievement words (实现, 完成): a target word or quoted target after them in a clause states an outcome. */
  achievements?: string[];
  /** Words saying what is already so (已经, 目前): in a plan part, the figure is an actual. */
  /** Right before a figure, a short 已-verb describing it (`已批建的`): things done already, an actual (regex). */
  presentAttributive?: string;
  /** A count or survey given as a figure's source (据统计): measured, an actual. */
  measuredWords?: string[];
  /** After a figure in its clause: what is not so or what exists (没有恢复, 存在着): the figure states how things stand. */
  stateAfter?: string[];
  presentWords?: string[];
  /** Verbs taking `现有X` as their object (利用, 依托): after one, a present word names things that exist, no state. */
  presentAsObject?: string[];
  /** Right after a figure: it is a quoted target (`12%的预期目标`). */
  targetAfter?: string;
  /** Relative years counted from the year in force (last named, else the section's), not the delivery year (上年, 当年). */
  inForceWords?: string[];
  /** Congresses held every `every` years, named by number (group 1 of `pattern`): number `number` met in `year`. */
  congresses?: { pattern: string; number: number; year: number; every: number; month?: number; since?: string; earlier?: { number: number; year: number; month: number }[] }[];
  /** A review of a plan's years and of its last year under one heading: what opens each part (src/meaning/review-parts.ts). */
  reviewParts?: { yearOpenings?: string[]; yearBefore?: string[]; endLevels?: string[]; bounds?: string[]; totals?: string[]; stocks?: string[]; holdings?: string[] };
  /** Right before a level or share reached (达到, 积累): under a span of years, the state at its end, of its last year. */
  levelReached?: string[];
  /** Points of a century (`本世纪末`: 100), counted from the start of the document's century (1900 for 1901–2000). */
  centuryPoints?: Record<string, number>;
  /** A clause opening with one of these (其中) is a part of the figure before it: it keeps that figure's period and modality. */
  partOf?: string[];
  /** `N年来` with any N (group 1 the number): the N years up to the year the text is in. */
  yearsSince?: string;
  /** Words quoting a plan (报告提出, 原定): the figures after them in the sentence are targets, up to an outcome word. */
  planQuotes?: string[];
  /** Words stating what came of a quoted plan (实际, 仍然). */
  outcomeWords?: string[];
  /** The same, for a start value only (`由上年的58.6%回落到…`: the year before the year in force). */
  startInForceWords?: string[];
  /** Right before an achievement word, negating it (没有完成, 未实现). */
  achievementNegators?: string[];
  /** Words naming a target as set (确定的, 提出的): after an achievement word, the figure is the target's value. */
  targetSetters?: string[];
  /** Nouns holding an estimate word that name a comparison base (预计执行数): no estimate. */
  estimateNouns?: string[];
  /** Right after a figure to its clause's end: a plan named by its size (`4万亿元的投资计划`). */
  planSizeAfter?: string;
  /** Words stating a plan (计划) that are plan quotes only with an outcome word later in the sentence (计划…,实际…). */
  planContrasts?: string[];
  /** Words of a policy's expected effect (将使, 可使): an estimate where the figure would read as an actual. */
  forecastEffects?: string[];
  /** Words opening a condition contrary to what was done (如果不): the figures after one in its sentence are estimates. */
  counterfactuals?: string[];
  /** A plan's figure stated as such (计划为, 修订计划时减少为): a pattern the clause before a figure ends with. */
  planValue?: string;
  /** Words setting a budget amount (安排, 支出规模): their clause is out of reach of an earlier 预计. */
  planAmounts?: string[];
  /** Span words that in a plan part look forward (`五年城镇新增就业…`). */
  bareSpans?: string[];
  /** A duration of any number of years (`用二十年的时间`, `在三年内`): group 1 the number (durations.ts). */
  durations?: string;
  /** A forward span of this many years or more counts from the first year of the five-year plan in force. */
  longSpanYears?: number;
  /** Seasons running from late in one year into the next (雪季): the year in force and the year after. */
  seasons?: string[];
  /** From this month on, a work report's own year is told as done unless an estimate word says otherwise. */
  ownYearKnownFromMonth?: number;
  /** A budget's amount named right before an estimate word (`预算收入预计完成`): of the year a report plans, the budget's figure. */
  budgetNames?: string[];
  /** The years since an epoch named (`解放以来`, `改革开放以来`): the years after `year` up to the year the text is in. */
  epochsSince?: { pattern: string; year: number }[];
  /** Right after a relative year (`上年结转`): the balance carried over from it, dating its own clause only. */
  carriedOver?: string[];
  /** A census's date (`七月一日的普查`, `七月一日零时`): group 1 the month; what it counted is of that month. */
  censusDates?: string;
  /** Nouns of a scale built over a span (建设总规模): a level reached after them stays the span's total. */
  flowNouns?: string[];
  /** A modal verb, then a verb of reaching or changing, in the clause before a figure (要达到, 将比上年增长): a target for a period not over. */
  modalAims?: string;
  /** The size of the country's people named as an attribute (九亿多人口的大国, 全国九亿多人民), read from the figure's end: an actual, in a plan part too. */
  populationAttribute?: string;
  /** A year's first months (头四个月, 前五个月): group 1 the number of months. */
  firstMonths?: string;
  /** Right after a figure: the rest of a quoted name closed before a task word (”任务): the figure is the task's value, a target. */
  namedTaskAfter?: string;
  /** Verbs of deciding: a present word right before one (已经决定) states no present. */
  presentBeforeDecision?: string[];
  /** Target words naming the end of a year (到年底): of a year over before the document's own, a cut-off. */
  pastCutOffs?: string[];
  /** National goals of a change over fixed years (翻两番 by 2000 from 1980): the change word, its first and last years. */
  strategicGoals?: { words: string[]; from: number; until: number }[];
  /** Words ending in 上 (世界上, 历史上): a relative year opening with 上 right after one is none (`世界上年产石油…`). */
  locativesBefore?: string[];
  /** From now on (`今后`): in a report presenting a plan, the plan's years still ahead. */
  fromNow?: string[];
  /** Before a year in a change's clause (比1995年增长69%): its comparison base; the change is over the years since. */
  changeBase?: string[];
  /** The month an undated government work report was delivered in (its congress session). */
  workReportMonth?: number;
  /** Before a year that a sentence's start values are of (`同1978年相比,…由…增加到…`), beside startBefore. */
  comparisonStart?: string[];
  /** How an undated report shows it was delivered late in its year (document-time.ts monthFromText). */
  lateInYear?: { sameTimeWords: string[]; nextYearMentions: number; doneWords?: string[] };
  /** How many opening paragraphs of a numbered part with a timeless heading tell whether it reviews (sections.ts opensReview). */
  reviewOpeningParagraphs?: number;
  /** Before a share of a whole (占…65%): under a span in a review, a state at the span's end. */
  /** A share reached (`占到`): the state at a span's end, of a plan's years still ahead too. */
  shareReached?: string[];
  /** A level of another period the figure is compared with (高于…的水平): words before the period, and after the figure's 的. */
  comparedLevels?: { before: string[]; after: string[] };
  shareOf?: string[];
  /** The whole year (全年): the year in force, not a part of it named before. */
  wholeYear?: string[];
  /** The start and the end of a year (年初, 年末): set against each other in a sentence, its first and last month. */
  yearStartWords?: string[];
  yearEndWords?: string[];
  /** After a plan number, its last year (`"十四五"末` is 2025). */
  planEnd?: string[];
  /** After a plan number, a plan's name (`"八五"计划`): an average in its sentence is over the plan's years. */
  planNames?: string[];
  /** A decade by its tens (`九十年代`): group 1 Chinese, group 2 Arabic; of `century`, year 1 to the next decade's 0. */
  decades?: { century: number; pattern: string };
}

/** How tables are read (rules/core/tables.yaml; each key is described in rules/schema.json). */
export interface TableSettings {
  totals?: string[];
  scopeTotals?: string[];
  subsetMarkers?: string[];
  valueHeaders?: string[];
  /** A table caption's closing words, breakdown words and scope words (src/meaning/captions.ts: captionSubject). */
  captionTails?: string[];
  captionBreakdowns?: string[];
  captionScopes?: string[];
  captionPlace?: string;
  captionConjunctions?: string[];
  shareHeaders?: string[];
  captionChanges?: string[];
  /** Change words of column headers and the words around them (src/tables/headers.ts: readHeader). */
  changeHeaders?: string[];
  changeTails?: string[];
  changeOnlyTails?: string[];
  changeComparers?: string[];
  changeBases?: string[];
  changeBaseQualifiers?: string[];
  changeBaseWords?: string[];
  /** Bracket pairs around a note (`()`, `（）`), open then close. */
  noteBrackets?: string[];
  /** Regex for a period as a header or caption writes it (`2024年`, `1—11月`, `上半年`). */
  headerPeriod?: string;
  /** Words ending a header naming a count (`数` of `企业个数`). */
  countEnds?: string[];
  /** Regex for the number opening a table's caption, its separator included (`表5`, `附表1`, `表 1：`). */
  tableNumber?: string;
  /** Regex for a note saying the cells are indices with the year before at 100 (`以上年为100`). */
  indexBase?: string;
  stubHeaders?: string[];
  unitNotes?: string[];
  placeholders?: string[];
  maxContextLines?: number;
  sectionPattern?: string;
  /** Column headers naming the status (modality) of the column's figures (`预算数`, `预计数`, `决算数`). */
  statusHeaders?: { target?: string[]; estimate?: string[]; actual?: string[] };
}

export interface RuleFile {
  version?: number;
  metrics?: MetricRule[];
  checks?: CheckRule[];
  boilerplate?: BoilerplatePattern[];
  alignment?: AlignmentSettings;
  consistency?: ConsistencySettings;
  arithmetic?: ArithmeticSettings;
  units?: UnitRule[];
  /** Separators between the two units of a rate (350公里/小时): a unit of the first per one of the second. */
  unitsPer?: string[];
  /** Words that put a rate's second unit before the number (每立方米20微克 is 20微克/立方米). */
  perBefore?: string[];
  /** Spans of time a rate may be per besides the units (400万吨/年, 2000元/月). */
  ratePeriods?: string[];
  magnitudes?: Record<string, string | number>;
  displayMagnitudes?: string[];
  numerals?: NumeralSettings;
  qualifiers?: QualifierRule[];
  intervals?: IntervalSettings;
  words?: WordLists;
  notFigures?: BoilerplatePattern[];
  periods?: PeriodSettings;
  tables?: TableSettings;
  /** Knowledge sections added by the stages that read them (see rules/schema.json). */
  [section: string]: unknown;
}

/**
 * Several rule files merged (see mergeRuleFiles; it drops `version`). Not `Omit<RuleFile, 'version'>`:
 * Omit over a type with an index signature keeps only the index signature, so every section became `unknown`.
 */
export type RuleSet = RuleFile;
