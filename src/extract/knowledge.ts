/**
 * The extract stage's view of a RuleSet: the knowledge sections of rules/core (units, magnitudes,
 * numerals, qualifiers, intervals, words, notFigures, periods) compiled once into lookup tables and
 * regular expressions. Cached per RuleSet object, so extracting many documents compiles once.
 */
import { Decimal } from 'decimal.js';
import { InputError, type FigureKind } from '../model.js';
import { coreRules } from '../rules/load.js';
import type { IntervalSettings, PeriodSettings, QualifierForm, RuleSet, WordLists } from '../rules/types.js';

/** What a unit spelling resolves to. */
export interface UnitSpelling {
  spelling: string;
  unit: string;
  kind: FigureKind;
  /** Exact factor into the canonical unit (1 unless a conversion). */
  factor: Decimal;
  needsMagnitude: boolean;
}

export interface QualifierWord {
  word: string;
  form: QualifierForm;
}

export interface Knowledge {
  /** Unit spellings, longest first. */
  units: UnitSpelling[];
  /** Magnitude words, longest first. */
  magnitudes: { word: string; factor: Decimal }[];
  digits: Map<string, number>;
  places: Map<string, number>;
  point: string;
  percentPrefix: string;
  singleCharUnits: Set<string>;
  placeholders: Set<string>;
  rangeSeparators: string[];
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
  periods: PeriodSettings & {
    deliveryRe: RegExp | null;
    relativeYears: Record<string, number>;
    partialYears: Record<string, [number, number]>;
    spans: { words: string[]; years: number; direction: 'back' | 'forward' }[];
    targetHeadings: string[];
    reviewHeadings: string[];
    cumulative: string[];
  };
}

const DEFAULT_INTERVALS: Required<IntervalSettings> = {
  roundingHalfWidth: 0.5,
  aboutHalfWidth: 0.5,
  nearlyWidth: 0.5,
  fewLow: 2,
  fewHigh: 9,
  floor: 0,
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
  fillerEnd: [],
  sharedTails: [],
  fillerInside: [],
  boundHeads: [],
};

const byLengthDesc = <T>(key: (t: T) => string) => (a: T, b: T) => key(b).length - key(a).length;

function decimal(value: string | number, where: string): Decimal {
  try {
    return new Decimal(value);
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

function compile(rules: RuleSet): Knowledge {
  const units: UnitSpelling[] = [];
  for (const rule of rules.units ?? []) {
    const needsMagnitude = rule.needsMagnitude ?? false;
    for (const spelling of rule.aliases ?? (rule.conversions ? [] : [rule.name])) {
      units.push({ spelling, unit: rule.name, kind: rule.kind, factor: new Decimal(1), needsMagnitude });
    }
    for (const [spelling, factor] of Object.entries(rule.conversions ?? {})) {
      units.push({ spelling, unit: rule.name, kind: rule.kind, factor: decimal(factor, `units.${rule.name}.conversions.${spelling}`), needsMagnitude });
    }
  }
  units.sort(byLengthDesc((u) => u.spelling));

  const magnitudes = Object.entries(rules.magnitudes ?? {})
    .map(([word, factor]) => ({ word, factor: decimal(factor, `magnitudes.${word}`) }))
    .sort(byLengthDesc((m) => m.word));

  const numerals = rules.numerals ?? {};
  const qualifiers = rules.qualifiers ?? [];
  const before = qualifiers.filter((q) => q.position === 'before').map(({ word, form }) => ({ word, form })).sort(byLengthDesc((q) => q.word));
  const after = qualifiers
    .filter((q) => q.position === 'after' && q.form !== 'plus')
    .map(({ word, form }) => ({ word, form }))
    .sort(byLengthDesc((q) => q.word));
  const plusWords = qualifiers.filter((q) => q.form === 'plus').map((q) => q.word);

  const words = { ...EMPTY_WORDS, ...(rules.words ?? {}) } as Required<WordLists>;
  // longest first: 比上年末 before 比上年
  const comparison = words.comparison.length ? [...words.comparison].sort((a, b) => b.length - a.length).join('|') : '(?!)';

  const notFigures = (rules.notFigures ?? []).map((p) => ({ id: p.id, pattern: regex(p.pattern, 'gmu', `notFigures.${p.id}`) }));

  const periods = rules.periods ?? {};
  return {
    units,
    magnitudes,
    digits: new Map(Object.entries(numerals.digits ?? {})),
    places: new Map(Object.entries(numerals.places ?? {})),
    point: numerals.point ?? '点',
    percentPrefix: numerals.percentPrefix ?? '百分之',
    singleCharUnits: new Set(numerals.singleCharUnits ?? []),
    placeholders: new Set(numerals.placeholders ?? []),
    rangeSeparators: [...(numerals.rangeSeparators ?? [])].sort((a, b) => b.length - a.length),
    before,
    after,
    plusWords,
    intervals: { ...DEFAULT_INTERVALS, ...(rules.intervals ?? {}) },
    words,
    comparisonAtEnd: regex(`(?:${comparison})$`, 'u', 'words.comparison'),
    comparisonAnywhere: regex(`(?:${comparison})`, 'gu', 'words.comparison'),
    notFigures,
    periods: {
      ...periods,
      deliveryRe: periods.deliveryLine ? regex(periods.deliveryLine, 'mu', 'periods.deliveryLine') : null,
      relativeYears: periods.relativeYears ?? {},
      partialYears: periods.partialYears ?? {},
      spans: periods.spans ?? [],
      targetHeadings: periods.targetHeadings ?? [],
      reviewHeadings: periods.reviewHeadings ?? [],
      cumulative: periods.cumulative ?? [],
    },
  };
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

/** The longest word of `words` that `text` has at `pos`, if any. */
export function wordAt<T extends { word: string }>(text: string, pos: number, words: T[]): T | undefined {
  for (const w of words) if (text.startsWith(w.word, pos)) return w;
  return undefined;
}
