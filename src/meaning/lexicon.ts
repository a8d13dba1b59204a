/**
 * The lexicon: the core indicators (rules/core/indicators.yaml) and indicatorWords of one rule set compiled
 * once (WeakMap) into maps keyed by whole strings and buckets by first or last character, so reading a
 * subject is a handful of look-ups over its suffixes. Also the patterns of a change's end (`增加到…的`) and of
 * what may stand between a start word and its value. Split out of metric.ts unchanged.
 */
import type { Change } from '../model.js';
import { alternation, CHINESE_YEAR, knowledgeOf } from '../extract/knowledge.js';
import type { FigureKind } from '../model.js';
import type { RuleSet } from '../rules/types.js';
import { normalizeSubject } from './subject-normalize.js';
import { type Folds, foldsOf, actionNames, foldSubject } from './label-folds.js';
import type { Subject } from './subject.js';

/** A lexicon entry (rules/schema.json `$defs/indicator`). */
export interface Indicator {
  id: string;
  name: string;
  aliases?: string[];
  unit?: string;
  kind?: FigureKind;
  direction?: 'higher-is-better' | 'lower-is-better';
  scope?: string;
  /** The indicator its statements are in a region's document (gdp → regional-gdp). */
  regional?: string;
  /** Scope → the indicator this one is with that scope (disposable income of 城镇 → urban disposable income). */
  scoped?: Record<string, string>;
}

export interface IndicatorWords {
  scopes?: Record<string, string[]>;
  clauseScopes?: string[];
  holderScopes?: string[];
  changeNouns?: Record<string, 'increase' | 'decrease'>;
  neutralPrefixes?: string[];
  neutralSuffixes?: string[];
  functionWords?: string[];
  anaphors?: string[];
  reportingVerbs?: string[];
  baseYear?: string;
  baseYearFrame?: string;
  exclusionFrame?: string;
  milestoneFrame?: string;
  outcomeMarkers?: string[];
  bareGrowthOf?: string;
  wholes?: string[];
  bareActions?: string[];
  actionSynonyms?: Record<string, string[]>;
  objectVerbs?: string[];
  restatements?: string[];
  setVerbs?: string[];
  objectMarkers?: string[];
  peopleNouns?: string[];
  populationNouns?: Record<string, string>;
  partOf?: string[];
  measureNouns?: Record<string, string>;
  measureSynonyms?: Record<string, string>;
  coverage?: string[];
  allocation?: { scopes?: string[]; verbs?: string[]; nouns?: Record<string, string> };
}

export interface Lexicon {
  folds: Folds;
  /** The extract stage's knowledge of the same rules (label cleaning). */
  knowledge: ReturnType<typeof knowledgeOf>;
  /** What may stand between a start word and its value (startTailOf). */
  startTail: RegExp;
  /** Actions a subject may state without their object (新开工, 基本建成), normalized. */
  bareActions: Set<string>;
  /** Verbs whose object may stand after the figure (解决, 取消和下放), longest first. */
  objectVerbs: string[];
  /** Words restating the figure before in another measure (约合, 折合), normalized. */
  restatements: Set<string>;
  /** Nouns of people a count stands before (农村人口, 农民), longest first. */
  peopleNouns: string[];
  /** Nouns naming the country's people after a count (`十亿人口`, `九亿多人民`), longest first, with the indicator id. */
  populationNouns: [string, string][];
  /** Words after a whole naming a part of it after them (`一般公共预算收入中税收`: 中), normalized, longest first. */
  partOf: string[];
  /** Nouns of a count's measure ending a subject (`游客人次`, `参保人数`), longest first, with the unit they count in. */
  measureNouns: [string, string][];
  /** Measure words counting one kind of thing, each with the one it is counted in for alignment (项 → 件). */
  measureSynonyms: Map<string, string>;
  /** Verbs of setting a figure (定, 定在) and the words putting their object before them (把, 将). */
  setVerbs: Set<string>;
  objectMarkers: string[];
  /** A plan named by its size after the figure (`4万亿元的两年投资计划`: periods.yaml planSizeAfter), or null. */
  planSizeAfter: RegExp | null;
  /** Words that open a start value (`由`, `从`: periods.yaml startBefore). */
  startWords: string[];
  /** What stands between a start value and its end value (`提高到2002年的`, `降到去年的`): the end value's subject is the start's. */
  toEnd: RegExp | null;
  byName: Map<string, Indicator>;
  byId: Map<string, Indicator>;
  /** Prefix words, longest first: scope id, or '' for a neutral word. */
  prefixes: [string, string][];
  /** Suffix words, longest first: the change they state ('' for a neutral word). */
  suffixes: [string, Change | ''][];
  changeNouns: Set<string>;
  /** Clause scope words (longest first) → scope id (holder scopes' words too). */
  clauseWords: [string, string][];
  /** Scopes of whose figure it is (本级, 市级): carried to the figures after it in its sentence that take its label. */
  holderScopes: Set<string>;
  clauseFirst: Uint8Array;
  synonyms: [string, string][];
  comparison: RegExp;
  /** Change verbs (longest first) and target words, for a change stated after the subject. */
  changeWords: [string, 'increase' | 'decrease'][];
  targetWords: string[];
  baseYear: RegExp | null;
  /** A comparison with a named year closing a clause: the base of the changes after it in the sentence. */
  baseYearFrame: RegExp | null;
  /** A clause leaving a part out of the rest of its sentence (扣除…后，). */
  exclusionFrame: RegExp | null;
  /** A milestone's rank phrase in a subject (`成为…首个`), global; null when none. */
  milestoneFrame: RegExp | null;
  /** Words opening an outcome set against a plan (实际), normalized. */
  outcomeMarkers: string[];
  /** Whose growth a growth target naming no subject sets (`5.5%左右的预期增长目标`: 经济), normalized; '' when none. */
  bareGrowthOf: string;
  prefixBuckets: Map<number, [string, string][]>;
  suffixBuckets: Map<number, [string, Change | ''][]>;
  scopeSuffixBuckets: Map<number, [string, string][]>;
  /** Last UTF-16 units of indicator names, and the longest name's length. */
  nameEnds: Uint8Array;
  longestName: number;
  /** Subjects already read (shared, never mutated), bounded. */
  parsed: Map<string, Subject>;
  /** Clause-scope words that may end a subject (`…平均值`), longest first. */
  scopeSuffixes: [string, string][];
  /** Relational tails a user alias may leave off (`议事协调机构` for `议事协调机构精简幅度`). */
  relationalTails: string[];
  /** Words a subject naming nothing is made of (function words, change nouns, neutral endings), longest first. */
  referring: [string, Change | ''][];
  /** Words pointing back to the sentence before (在这方面), normalized, longest first. */
  anaphors: string[];
  /** Verbs of stating or setting (提出, 确定): what stands before them in a subject is who said it. */
  reportingVerbs: string[];
  /** Clause scope words (年均, 平均每年, 累计), longest first, as referring words: they name no subject. */
  scopeOnly: [string, Change | ''][];
  /** Proper endings (2 characters or more) of indicator names → the names ending so, longest first. */
  nameTails: Map<string, string[]>;
}

const lexicons = new WeakMap<RuleSet, Lexicon>();

export function lexiconOf(rules: RuleSet): Lexicon {
  let lex = lexicons.get(rules);
  if (lex) return lex;
  const words = (rules.indicatorWords ?? {}) as IndicatorWords;
  const folds = foldsOf(words);
  const byId = indicatorsById((rules.indicators ?? []) as Indicator[]);
  const byName = indicatorsByName(byId, words, folds);
  const prefixes = prefixWords(words, rules);
  const k = knowledgeOf(rules);
  const suffixes = suffixWords(words, k);
  const scopeSuffixes = scopeSuffixWords(words);
  const nameEnds = new Uint8Array(65536);
  for (const name of byName.keys()) nameEnds[name.charCodeAt(name.length - 1)] = 1;
  const clauseWords = clauseWordsOf(words);
  const clauseFirst = new Uint8Array(65536);
  for (const [w] of clauseWords) clauseFirst[w.charCodeAt(0)] = 1;
  const synonyms = synonymPairs(rules);
  lex = {
    folds,
    knowledge: k,
    startTail: startTailOf(k),
    bareActions: new Set((words.bareActions ?? []).map(normalizeSubject)),
    objectVerbs: [...new Set((words.objectVerbs ?? []).map(normalizeSubject).filter(Boolean))].sort((a, b) => b.length - a.length),
    restatements: new Set((words.restatements ?? []).map(normalizeSubject).filter(Boolean)),
    peopleNouns: [...new Set((words.peopleNouns ?? []).map(normalizeSubject).filter(Boolean))].sort((a, b) => b.length - a.length),
    populationNouns: longestFirst(Object.entries(words.populationNouns ?? {}).map(([noun, id]): [string, string] => [noun, id])),
    partOf: [...new Set((words.partOf ?? []).map(normalizeSubject).filter(Boolean))].sort((a, b) => b.length - a.length),
    measureSynonyms: new Map(Object.entries(words.measureSynonyms ?? {})),
    measureNouns: Object.entries(words.measureNouns ?? {}).map(([noun, unit]): [string, string] => [normalizeSubject(noun), unit]).sort((a, b) => b[0].length - a[0].length),
    setVerbs: new Set((words.setVerbs ?? []).map(normalizeSubject).filter(Boolean)),
    objectMarkers: (words.objectMarkers ?? []).filter(Boolean),
    planSizeAfter: k.periods.planSizeAfter ? new RegExp(k.periods.planSizeAfter, 'u') : null,
    reportingVerbs: (words.reportingVerbs ?? []).map(normalizeSubject).filter(Boolean),
    anaphors: [...new Set((words.anaphors ?? []).map(normalizeSubject).filter(Boolean))].sort((a, b) => b.length - a.length),
    nameTails: nameTailsOf(byName),
    byName,
    byId,
    prefixes: longestFirst(prefixes),
    suffixes: longestFirst(suffixes),
    changeNouns: new Set(Object.keys(words.changeNouns ?? {})),
    clauseWords: longestFirst(clauseWords),
    holderScopes: new Set(words.holderScopes ?? []),
    clauseFirst,
    synonyms,
    comparison: new RegExp(k.comparisonAnywhere.source, k.comparisonAnywhere.flags.includes('g') ? k.comparisonAnywhere.flags : k.comparisonAnywhere.flags + 'g'),
    scopeSuffixes: longestFirst(scopeSuffixes),
    changeWords: longestFirst([...k.words.increase.map((w): [string, 'increase'] => [w, 'increase']), ...k.words.decrease.map((w): [string, 'decrease'] => [w, 'decrease'])]),
    targetWords: k.words.target,
    baseYear: words.baseYear ? new RegExp(words.baseYear, 'u') : null,
    baseYearFrame: words.baseYearFrame ? new RegExp(words.baseYearFrame, 'gu') : null,
    exclusionFrame: words.exclusionFrame ? new RegExp(words.exclusionFrame, 'u') : null,
    milestoneFrame: words.milestoneFrame ? new RegExp(words.milestoneFrame, 'gu') : null,
    outcomeMarkers: (words.outcomeMarkers ?? []).map(normalizeSubject).filter(Boolean),
    bareGrowthOf: normalizeSubject(words.bareGrowthOf ?? ''),
    parsed: new Map(),
    prefixBuckets: bucketed(prefixes, 0),
    suffixBuckets: bucketed(suffixes, -1),
    scopeSuffixBuckets: bucketed(scopeSuffixes, -1),
    nameEnds,
    longestName: Math.max(0, ...[...byName.keys()].map((n) => n.length)),
    relationalTails: relationalTailsOf(k),
    startWords: k.periods.startBefore ?? [],
    toEnd: toEndPattern(k),
    scopeOnly: longestFirst(clauseWords.map(([w]): [string, Change | ''] => [normalizeSubject(w), ''])),
    referring: referringWordsOf(words),
  };
  lexicons.set(rules, lex);
  return lex;
}

/** Sorts word pairs longest word first, in place (a longer word is tried before its own ending or start). */
function longestFirst<T extends [string, unknown]>(list: T[]): T[] {
  return list.sort((a, b) => b[0].length - a[0].length);
}

/** The indicators by id: a later file's indicator of the same id replaces an earlier one. */
function indicatorsById(indicators: Indicator[]): Map<string, Indicator> {
  const byId = new Map<string, Indicator>();
  for (const indicator of indicators) byId.set(indicator.id, indicator);
  return byId;
}

/** The indicators by folded name and alias (the first indicator naming a key keeps it), then by action names. */
function indicatorsByName(byId: Map<string, Indicator>, words: IndicatorWords, folds: Folds): Map<string, Indicator> {
  const byName = new Map<string, Indicator>();
  const namesOf = new Map<Indicator, string[]>();
  for (const indicator of byId.values()) {
    const names: string[] = [];
    for (const name of [indicator.name, ...(indicator.aliases ?? [])]) {
      const key = foldSubject(normalizeSubject(name), folds);
      names.push(key);
      if (key && !byName.has(key)) byName.set(key, indicator);
    }
    namesOf.set(indicator, names);
  }
  for (const [name, indicator] of actionNames(byName, namesOf, words, folds)) if (!byName.has(name)) byName.set(name, indicator);
  return byName;
}

/** Words that may stand before a name: scope words (with their scope) and neutral words (rules' label prefixes too). */
function prefixWords(words: IndicatorWords, rules: RuleSet): [string, string][] {
  const prefixes: [string, string][] = [];
  for (const [scope, list] of Object.entries(words.scopes ?? {})) for (const w of list) prefixes.push([normalizeSubject(w), scope]);
  for (const w of [...(words.neutralPrefixes ?? []), ...(rules.alignment?.labelPrefixes ?? [])]) prefixes.push([normalizeSubject(w), '']);
  return prefixes;
}

/** Words that may end a subject after its name: change nouns and words (with their change) and neutral endings. */
function suffixWords(words: IndicatorWords, k: ReturnType<typeof knowledgeOf>): [string, Change | ''][] {
  const suffixes: [string, Change | ''][] = [];
  for (const [w, change] of Object.entries(words.changeNouns ?? {})) suffixes.push([w, change]);
  for (const w of k.words.increase) suffixes.push([w, 'increase']);
  for (const w of k.words.decrease) suffixes.push([w, 'decrease']);
  for (const w of words.neutralSuffixes ?? []) suffixes.push([normalizeSubject(w), '']);
  return suffixes;
}

/** A clause scope written after the name (`城镇调查失业率平均值为5.1%`): clause scopes' words, normalized, with their scope. */
function scopeSuffixWords(words: IndicatorWords): [string, string][] {
  const scopeSuffixes: [string, string][] = [];
  for (const [scope, list] of Object.entries(words.scopes ?? {})) if ((words.clauseScopes ?? []).includes(scope)) for (const w of list) scopeSuffixes.push([normalizeSubject(w), scope]);
  return scopeSuffixes;
}

/** The rules' alignment synonyms as (variant, canonical) pairs. */
function synonymPairs(rules: RuleSet): [string, string][] {
  const synonyms: [string, string][] = [];
  for (const [canonical, variants] of Object.entries(rules.alignment?.synonyms ?? {})) for (const v of variants) synonyms.push([v, canonical]);
  return synonyms;
}

/** Clause scope words (two characters or more) as written in the text, with their scope (holder scopes' words too). */
function clauseWordsOf(words: IndicatorWords): [string, string][] {
  const clauseScopes = new Set([...(words.clauseScopes ?? []), ...(words.holderScopes ?? [])]);
  const clauseWords: [string, string][] = [];
  for (const [scope, list] of Object.entries(words.scopes ?? {})) if (clauseScopes.has(scope)) for (const w of list) if (w.length > 1) clauseWords.push([w, scope]);
  return clauseWords;
}

/** Relational nouns and each relational action before each (`精简幅度`), normalized, longest first. */
function relationalTailsOf(k: ReturnType<typeof knowledgeOf>): string[] {
  const relationalTails: string[] = [];
  for (const noun of k.words.relationalNouns) {
    relationalTails.push(noun);
    for (const action of k.words.relationalActions) relationalTails.push(action + noun);
  }
  return relationalTails.map(normalizeSubject).sort((a, b) => b.length - a.length);
}

/** Each proper ending (2 characters or more, short of the whole) of each name → the names ending so, longest first. */
function nameTailsOf(byName: Map<string, Indicator>): Map<string, string[]> {
  const nameTails = new Map<string, string[]>();
  for (const name of byName.keys()) {
    for (let i = 2; i <= name.length - 2; i++) {
      const tail = name.slice(i);
      const list = nameTails.get(tail) ?? [];
      list.push(name);
      nameTails.set(tail, list);
    }
  }
  for (const list of nameTails.values()) list.sort((a, b) => b.length - a.length);
  return nameTails;
}

/** Words a subject naming nothing is made of: function words, neutral endings, change nouns, longest first. */
function referringWordsOf(words: IndicatorWords): [string, Change | ''][] {
  return longestFirst([
    ...(words.functionWords ?? []).map((w): [string, Change | ''] => [normalizeSubject(w), '']),
    ...(words.neutralSuffixes ?? []).map((w): [string, Change | ''] => [normalizeSubject(w), '']),
    ...Object.entries(words.changeNouns ?? {}).map(([w, c]): [string, Change | ''] => [w, c]),
  ]);
}

/** `提高到2002年的`, `降到去年底的`: a change word, a `到` word, the end's year, `的` (words.yaml, periods.yaml). */
function toEndPattern(k: ReturnType<typeof knowledgeOf>): RegExp | null {
  const verbs = [...k.words.increase, ...k.words.decrease, ...(k.periods.shortChanges ?? [])];
  if (!verbs.length || !k.words.changeTo.length) return null;
  const alt = (list: string[]) => [...new Set(list)].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');
  // (a year in Chinese digits too, `增加到一九八二年的`)
  const years = ['(?:19|20)\\d{2}\\s*年', `${CHINESE_YEAR}\\s*年`, ...Object.keys(k.periods.relativeYears ?? {}).map((w) => alt([w]))].join('|');
  return new RegExp(`^\\s*(?:${alt(verbs)})\\s*(?:${alt(k.words.changeTo)})\\s*(?:(?:${years})(?:末|底)?\\s*)?的?\\s*$`, 'u');
}

/** Buckets of words by their first (`at` 0) or last (`at` -1) UTF-16 unit, each longest first. */
function bucketed<T extends [string, unknown]>(list: T[], at: 0 | -1): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const entry of [...list].sort((a, b) => b[0].length - a[0].length)) {
    if (!entry[0]) continue;
    const key = entry[0].charCodeAt(at === 0 ? 0 : entry[0].length - 1);
    const bucket = map.get(key) ?? [];
    bucket.push(entry);
    map.set(key, bucket);
  }
  return map;
}

/**
 * The indicator name (with a change noun right after it) that a sentence's earlier clause is about, for a
 * figure without a subject of its own: the name ending latest before the figure's clause, nothing but
 * words between it and the clause (no figure: `floor` is the previous figure's end). Null when none.
 */
/** What may stand between a start word and its value: a year (`由1997年的`, `由一九七八年的`, `由上年的`), or nothing. */
function startTailOf(k: ReturnType<typeof knowledgeOf>): RegExp {
  const years = `(?:(?:19|20)\\d{2}|${CHINESE_YEAR})\\s*年|${alternation(Object.keys(k.periods.relativeYears ?? {}))}`;
  // (and a part of a year, `从上半年5.5%降到5.3%`)
  const parts = alternation(['末', '底', ...Object.keys(k.periods.partialYears ?? {})]);
  return new RegExp(`^\\s*(?:(?:${years})?\\s*(?:${parts})?\\s*的?)?\\s*$`, 'u');
}
