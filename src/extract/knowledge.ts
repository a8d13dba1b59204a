/**
 * The extract stage's view of a RuleSet: the knowledge sections of rules/core (units, magnitudes,
 * numerals, qualifiers, intervals, words, notFigures, periods) compiled once into lookup tables and
 * regular expressions. Cached per RuleSet object, so extracting many documents compiles once.
 */
import { Decimal } from 'decimal.js';
import { Exact } from './exact.js';
import { InputError, type FigureKind } from '../model.js';
import { coreRules } from '../rules/load.js';
import { firstChars } from './first-chars.js';
import { doublingKnowledge, type DoublingKnowledge } from './doublings.js';
import { fractionKnowledge, type FractionKnowledge } from './fractions.js';
import type { IntervalSettings, PeriodSettings, QualifierForm, RuleSet, WordLists } from '../rules/types.js';

/** What a unit spelling resolves to. */
export interface UnitSpelling {
  spelling: string;
  unit: string;
  kind: FigureKind;
  /** Exact factor into the canonical unit (1 unless a conversion). */
  factor: Exact;
  needsMagnitude: boolean;
}

export interface QualifierWord {
  word: string;
  form: QualifierForm;
  /** Words ending in this (prefix) qualifier that are no qualifier: 签约 before 500亿元 is no 约. */
  notIn?: string[];
}

export interface Knowledge {
  /** Unit spellings, longest first. */
  units: UnitSpelling[];
  /**
   * Lookup buckets, longest first within each, keyed by a word's first UTF-16 unit (by its last for
   * prefix qualifiers, which are matched ending at a position): every figure looks words up at its
   * ends, and a bucket holds the few words that could be there instead of the whole list.
   */
  unitsByFirst: Map<number, UnitSpelling[]>;
  magnitudesByFirst: Map<number, { word: string; factor: Exact }[]>;
  beforeByLast: Map<number, QualifierWord[]>;
  afterByFirst: Map<number, QualifierWord[]>;
  /** Single-character magnitudes of 万 and above (万, 亿), by character. */
  bigs: Map<string, Exact>;
  /** Magnitude words, longest first. */
  magnitudes: { word: string; factor: Exact }[];
  digits: Map<string, number>;
  places: Map<string, number>;
  /** The decimal point word (numerals.point: 点), the percent prefix (百分之) and the rank prefix (rankPrefix: 第) of the rules; '' when they give none (none is read). */
  point: string;
  percentPrefix: string;
  /** Fraction words written before a numeral (百分之 → %, 千分之 → ‰), longest first, each with its unit. */
  fractionPrefixes: UnitSpelling[];
  /** Fractions written as fractions (三分之一, 1/3); null when the rules have none. */
  fractions: FractionKnowledge | null;
  /** Doublings (翻一番); null when the rules have none. */
  doublings: DoublingKnowledge | null;
  singleCharUnits: Set<string>;
  /** Separators between the two units of a rate (350公里/小时), units.yaml `unitsPer`. */
  unitsPer: string[];
  /** Words that put a rate's second unit before the number (每立方米20微克), units.yaml `perBefore`. */
  perBefore: string[];
  /** The length of the longest unit spelling, how far back perBefore looks for a unit. */
  longestUnit: number;
  /** Spans of time a rate may be per besides the units (units.yaml `ratePeriods`: 年, 月). */
  ratePeriods: string[];
  /** One-character numerals that are a figure before any unit (十件), by character. */
  singleCharNumbers: Set<string>;
  placeholders: Set<string>;
  /** Characters standing for a digit not stated (几, 数), and those of them only before a place or a big (数). */
  fewDigits: Set<string>;
  fewBeforePlace: Set<string>;
  rangeSeparators: string[];
  rankPrefix: string;
  rankMeasures: string[];
  dateUnits: string[];
  /** Prefix qualifiers, longest first. */
  before: QualifierWord[];
  /** Suffix qualifiers (after the unit), longest first; 多/余 (`plus`) are handled by the numeral reader. */
  after: QualifierWord[];
  /** Words of form `plus` (多, 余). */
  plusWords: string[];
  intervals: Required<IntervalSettings>;
  words: Required<WordLists>;
  /** Comparison phrases as one regular expression anchored at the end of a label. */
  comparisonAtEnd: RegExp;
  comparisonAnywhere: RegExp;
  /** Not-figure patterns compiled with the `g` flag (plus `m` so `^` is a line start). */
  notFigures: { id: string; pattern: RegExp }[];
  /**
   * How blockedMask runs them: `scanned` by a global search; `anchored` (those whose matches start
   * with a known set of characters, up to 32 patterns) tried with the sticky flag only where such a
   * character stands, `starts[c]` having bit i for anchored pattern i. The matches are the same
   * either way. `anyAnchored` is all anchored patterns as one sticky alternation: where it fails
   * none of them matches, so one test spares the per-pattern ones (most candidate characters start
   * no match). Anchored with that test, even the patterns starting with ASCII digits run faster than
   * a global search each (one walk over the text instead of one per pattern).
   */
  notFigureScan: { scanned: RegExp[]; anchored: RegExp[]; anyAnchored: RegExp | null; starts: Uint32Array; startsAny: Uint8Array };
  periods: PeriodSettings & {
    deliveryRe: RegExp | null;
    relativeYears: Record<string, number>;
    partialYears: Record<string, [number, number]>;
    spans: { words: string[]; years: number; direction: 'back' | 'forward' }[];
    targetHeadings: string[];
    reviewHeadings: string[];
    cumulative: string[];
    yearEdges: string[];
    monthEdges: string[];
    untilWords: string[];
    comparisonBefore: string[];
    comparisonAfter: string[];
    relativeComparisonBefore: string[];
    relativeComparisonAfter: string[];
    spanComparisonAfter: string[];
    targetBefore: string[];
    salutations: string[];
    targetOpenings: string[];
    glossaryHeadings: string[];
    glossaryLeads: string[];
    ownYearPlansUntilMonth: number;
    reviewOpeningParagraphs: number;
    reviewsPreviousYearUntilMonth: number;
    sinceWords: string[];
    shortChanges: string[];
    nameAfter: string[];
    startBefore: string[];
  };
}

const DEFAULT_INTERVALS: Required<IntervalSettings> = {
  roundingHalfWidth: 0.5,
  aboutHalfWidth: 0.5,
  nearlyWidth: 0.5,
  fewLow: 2,
  fewHigh: 9,
  floor: 0,
  chineseNumeralsAsDigits: true,
};

const EMPTY_WORDS: Required<WordLists> = {
  increase: [],
  decrease: [],
  changeTo: [],
  changeGap: [],
  ratioBefore: [],
  comparison: [],
  target: [],
  estimate: [],
  filler: [],
  share: [],
  targetNegators: [],
  rankContext: [],
  rankNegators: [],
  nonTargets: [],
  targetUnlessPast: [],
  fillerEnd: [],
  sharedTails: [],
  measureEnds: [],
  fillerInside: [],
  boundHeads: [],
  fillerStart: [],
  startWords: [],
  endWords: [],
  edgePunctuation: '',
  splitPrefixes: {},
  listJoiners: [],
  listGap: [],
  listScopes: [],
  actions: [],
  relationalNouns: [],
  relationalActions: [],
  totals: [],
  targetNegatorObjects: [],
  ratioOf: [],
  changeSubjects: [],
  changeNounTails: [],
  personMeasures: [],
  countedNounEnds: [],
  countedNounLeads: [],
  countedNounMarks: [],
  rankChangeContext: [],
  nonChanges: [],
  respectively: [],
};

/** `list` (already longest first) grouped by `key`, order kept within each group. */
function bucketed<T>(list: T[], key: (t: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = map.get(k);
    if (bucket) bucket.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * `X{n}` written out as n copies of X (and `X{m,n}` as m copies then `X{0,n-m}`) for a class, `\d`
 * or a plain character: the same language, but V8 can then skip ahead on a fixed-length prefix
 * (`[〇零一二三四五六七八九]{4}年` runs ~15× faster unrolled). The not-figure patterns scan every document.
 */
export function unrollRepeats(source: string): string {
  // a lazy `{n}?` is left alone (unrolled it would read as an optional last copy)
  return source.replace(/(\[(?:\\.|[^\]\\])+\]|\\[dsw]|(?<!\\)[^\\()[\]{}|?*+^$.])\{(\d+)(?:,(\d*))?\}(?!\?)/giu, (all, unit: string, m: string, n?: string) => {
    const min = Number(m);
    if (min > 8) return all;
    if (n === undefined) return unit.repeat(min);
    if (n === '') return unit.repeat(min) + unit + '*';
    const rest = Number(n) - min;
    return rest < 0 ? all : unit.repeat(min) + (rest ? `${unit}{0,${rest}}` : '');
  });
}

const byLengthDesc = <T>(key: (t: T) => string) => (a: T, b: T) => key(b).length - key(a).length;

function decimal(value: string | number, where: string): Exact {
  try {
    return Exact.ofDecimal(new Decimal(value));
  } catch {
    throw new InputError(`rules: ${where}: "${value}" is not a decimal number`);
  }
}

function regex(source: string, flags: string, where: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new InputError(`rules: ${where}: invalid regular expression (${(error as Error).message})`);
  }
}

/**
 * 百分之 (the percent prefix) and numerals.fractionPrefixes (千分之 → ‰) as units whose spelling is the prefix:
 * a prefix takes the kind and factor of the unit spelling it names (‰ is 0.1 %).
 */
function fractionPrefixesOf(percent: string, others: Record<string, string>, units: UnitSpelling[]): UnitSpelling[] {
  const named = (spelling: string) => units.find((u) => u.spelling === spelling);
  const percentUnit = units.find((u) => u.unit === '%' && u.factor.eq(Exact.ONE));
  // (no percent prefix in the rules: none is read)
  const out: UnitSpelling[] = percent ? [{ spelling: percent, unit: '%', kind: percentUnit?.kind ?? 'share', factor: Exact.ONE, needsMagnitude: false }] : [];
  for (const [prefix, spelling] of Object.entries(others)) {
    const unit = named(spelling);
    if (!unit) throw new InputError(`rules: numerals.fractionPrefixes.${prefix}: no unit is spelt "${spelling}"`);
    out.push({ ...unit, spelling: prefix, needsMagnitude: false });
  }
  return out.sort(byLengthDesc((u) => u.spelling));
}

/** A rule set compiled once into what extraction reads: sorted longest first, indexed by character, patterns built. */
function compile(rules: RuleSet): Knowledge {
  const units = unitSpellings(rules.units ?? []);
  const magnitudes = Object.entries(rules.magnitudes ?? {})
    .map(([word, factor]) => ({ word, factor: decimal(factor, `magnitudes.${word}`) }))
    .sort(byLengthDesc((m) => m.word));
  const numerals = rules.numerals ?? {};
  const { before, after, plusWords } = qualifierLists(rules.qualifiers ?? []);

  const words = { ...EMPTY_WORDS, ...(rules.words ?? {}) } as Required<WordLists>;
  // longest first: 比上年末 before 比上年
  const comparison = words.comparison.length ? [...words.comparison].sort((a, b) => b.length - a.length).join('|') : '(?!)';

  const notFigures = (rules.notFigures ?? []).map((p) => ({ id: p.id, pattern: regex(unrollRepeats(p.pattern), 'gmu', `notFigures.${p.id}`) }));

  return {
    units,
    unitsByFirst: bucketed(units, (u) => u.spelling.charCodeAt(0)),
    magnitudesByFirst: bucketed(magnitudes, (m) => m.word.charCodeAt(0)),
    beforeByLast: bucketed(before, (q) => q.word.charCodeAt(q.word.length - 1)),
    afterByFirst: bucketed(after, (q) => q.word.charCodeAt(0)),
    bigs: new Map(magnitudes.filter((m) => m.word.length === 1 && m.factor.gte(Exact.pow10(4))).map((m) => [m.word, m.factor])),
    magnitudes,
    digits: new Map(Object.entries(numerals.digits ?? {})),
    places: new Map(Object.entries(numerals.places ?? {})),
    point: numerals.point ?? '',
    percentPrefix: numerals.percentPrefix ?? '',
    fractionPrefixes: fractionPrefixesOf(numerals.percentPrefix ?? '', numerals.fractionPrefixes ?? {}, units),
    fractions: fractionKnowledge(numerals.fractions, units, [...Object.keys(numerals.digits ?? {}), ...Object.keys(numerals.places ?? {})]),
    doublings: doublingKnowledge(numerals.doublings, units),
    singleCharUnits: new Set(numerals.singleCharUnits ?? []),
    unitsPer: rules.unitsPer ?? [],
    perBefore: rules.perBefore ?? [],
    longestUnit: Math.max(0, ...units.map((u) => u.spelling.length)),
    ratePeriods: [...(rules.ratePeriods ?? [])].sort((a, b) => b.length - a.length),
    singleCharNumbers: new Set(numerals.singleCharNumbers ?? []),
    placeholders: new Set(numerals.placeholders ?? []),
    fewDigits: new Set(numerals.fewDigits ?? []),
    fewBeforePlace: new Set(numerals.fewBeforePlace ?? []),
    rangeSeparators: [...(numerals.rangeSeparators ?? [])].sort((a, b) => b.length - a.length),
    rankPrefix: numerals.rankPrefix ?? '',
    rankMeasures: numerals.rankMeasures ?? [],
    dateUnits: numerals.dateUnits ?? [],
    before,
    after,
    plusWords,
    intervals: { ...DEFAULT_INTERVALS, ...(rules.intervals ?? {}) },
    words,
    comparisonAtEnd: regex(`(?:${comparison})$`, 'u', 'words.comparison'),
    comparisonAnywhere: regex(`(?:${comparison})`, 'gu', 'words.comparison'),
    notFigures,
    notFigureScan: notFigureScan(notFigures.map((p) => p.pattern)),
    periods: periodKnowledge(rules.periods ?? {}),
  };
}

/** Every spelling of every unit (its aliases, or its name, and its conversions), longest first. */
function unitSpellings(rules: NonNullable<RuleSet['units']>): UnitSpelling[] {
  const units: UnitSpelling[] = [];
  for (const rule of rules) {
    const needsMagnitude = rule.needsMagnitude ?? false;
    for (const spelling of rule.aliases ?? (rule.conversions ? [] : [rule.name])) {
      units.push({ spelling, unit: rule.name, kind: rule.kind, factor: Exact.ONE, needsMagnitude });
    }
    for (const [spelling, factor] of Object.entries(rule.conversions ?? {})) {
      units.push({ spelling, unit: rule.name, kind: rule.kind, factor: decimal(factor, `units.${rule.name}.conversions.${spelling}`), needsMagnitude });
    }
  }
  return units.sort(byLengthDesc((u) => u.spelling));
}

/** The qualifiers by where they stand: before a number, after it, and 多/余 (the plus words), longest first. */
function qualifierLists(qualifiers: NonNullable<RuleSet['qualifiers']>): Pick<Knowledge, 'before' | 'after' | 'plusWords'> {
  const before = qualifiers
    .filter((q) => q.position === 'before')
    .map(({ word, form, notIn }) => (notIn?.length ? { word, form, notIn } : { word, form }))
    .sort(byLengthDesc((q) => q.word));
  const after = qualifiers
    .filter((q) => q.position === 'after' && q.form !== 'plus')
    .map(({ word, form }) => ({ word, form }))
    .sort(byLengthDesc((q) => q.word));
  const plusWords = qualifiers.filter((q) => q.form === 'plus').map((q) => q.word);
  return { before, after, plusWords };
}

/** periods.yaml with every list present (empty when not given) and its delivery-line pattern compiled. */
function periodKnowledge(periods: NonNullable<RuleSet['periods']>): Knowledge['periods'] {
  return {
    ...periods,
    deliveryRe: periods.deliveryLine ? regex(periods.deliveryLine, 'mu', 'periods.deliveryLine') : null,
    relativeYears: periods.relativeYears ?? {},
    partialYears: periods.partialYears ?? {},
    spans: periods.spans ?? [],
    targetHeadings: periods.targetHeadings ?? [],
    reviewHeadings: periods.reviewHeadings ?? [],
    cumulative: periods.cumulative ?? [],
    yearEdges: periods.yearEdges ?? [],
    monthEdges: periods.monthEdges ?? [],
    untilWords: periods.untilWords ?? [],
    comparisonBefore: periods.comparisonBefore ?? [],
    comparisonAfter: periods.comparisonAfter ?? [],
    relativeComparisonBefore: periods.relativeComparisonBefore ?? [],
    relativeComparisonAfter: periods.relativeComparisonAfter ?? [],
    spanComparisonAfter: periods.spanComparisonAfter ?? [],
    targetBefore: periods.targetBefore ?? [],
    salutations: periods.salutations ?? [],
    targetOpenings: periods.targetOpenings ?? [],
    glossaryHeadings: periods.glossaryHeadings ?? [],
    glossaryLeads: periods.glossaryLeads ?? [],
    ownYearPlansUntilMonth: periods.ownYearPlansUntilMonth ?? 0,
    reviewOpeningParagraphs: periods.reviewOpeningParagraphs ?? 0,
    reviewsPreviousYearUntilMonth: periods.reviewsPreviousYearUntilMonth ?? 12,
    sinceWords: periods.sinceWords ?? [],
    shortChanges: periods.shortChanges ?? [],
    nameAfter: periods.nameAfter ?? [],
    startBefore: periods.startBefore ?? [],
  };
}

function notFigureScan(patterns: RegExp[]): Knowledge['notFigureScan'] {
  const scanned: RegExp[] = [];
  const anchored: RegExp[] = [];
  const starts = new Uint32Array(65536);
  const startsAny = new Uint8Array(65536);
  for (const pattern of patterns) {
    const first = firstChars(pattern.source);
    if (!first || anchored.length === 32) {
      scanned.push(pattern);
      continue;
    }
    const bit = 1 << anchored.length;
    for (const c of first) {
      starts[c.charCodeAt(0)]! |= bit;
      startsAny[c.charCodeAt(0)] = 1;
    }
    anchored.push(new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y'));
  }
  // (the patterns were all compiled with the same flags, so one alternation means what each does)
  const anyAnchored = anchored.length ? new RegExp(anchored.map((p) => `(?:${p.source})`).join('|'), anchored[0]!.flags) : null;
  return { scanned, anchored, anyAnchored, starts, startsAny };
}

const cache = new WeakMap<RuleSet, Knowledge>();

/** The compiled knowledge of a rule set (rules/core by default). */
export function knowledgeOf(rules: RuleSet = coreRules()): Knowledge {
  let knowledge = cache.get(rules);
  if (!knowledge) {
    knowledge = compile(rules);
    cache.set(rules, knowledge);
  }
  return knowledge;
}

/** The single-character digits of numerals.yaml (〇 ○ 零 一 … 九), as a character class body: years are written with them. */
export function chineseDigits(k: Knowledge): string {
  return [...k.digits.keys()].filter((d) => d.length === 1).join('');
}

/** Four Chinese digits of a year of the 1900s or 2000s (`一九八○`, `二〇二二`; ○ is how many texts write 〇), as a pattern. */
// (an ASCII zero among the Chinese digits too, `二0一一年`, as many reports type it: meaning/year-numerals.ts reads it so)
export const CHINESE_YEAR = '[一二][九〇零○0][〇零○0一二三四五六七八九]{2}';

/** A word list as a regular-expression alternation, longest first, metacharacters escaped. */
export function alternation(words: Iterable<string>): string {
  const list = [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegex);
  return list.length ? list.join('|') : '(?!)';
}

export function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Characters as a regular-expression class body (for `[…]`, `u` flag), metacharacters escaped. */
export function charClass(chars: Iterable<string>): string {
  return [...new Set(chars)].map((c) => c.replace(/[\]\\^\-[]/g, '\\$&')).join('');
}

/** The longest word of `words` that `text` has at `pos`, if any. */
export function wordAt<T extends { word: string }>(text: string, pos: number, words: T[]): T | undefined {
  for (const w of words) if (text.startsWith(w.word, pos)) return w;
  return undefined;
}
