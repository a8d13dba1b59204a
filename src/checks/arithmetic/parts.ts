/**
 * Listed parts against a stated total: `全年新增就业20万人,城镇、农村分别为12万人、8万人`,
 * `货物进出口总额438468亿元。其中,出口254545亿元,增长7.1%;进口183923亿元`. The parts' intervals are
 * added up and must overlap the total's (SEMANTICS.md), so rounding never raises a finding.
 *
 * Precision first: `其中` names *some* parts and a list after it is usually not the whole, so a list is
 * checked only where the text makes it the whole: its categories form a known partition (城镇/农村,
 * 出口/进口, 三次产业; parallel labels that differ only in the category, `第一产业增加值`/`第二产业增加值`),
 * or its last part is the remainder (`其余`). Averages and rates (人均, 率) never add up and are skipped.
 * Settings live in rules/core/checks.yaml (`arithmetic.parts`).
 */
import type { Document, Figure, Finding, Interval, Severity } from '../../model.js';
import { alternation } from '../../extract/knowledge.js';
import type { PartsSettings } from '../../rules/types.js';
import { t } from '../../i18n.js';
import { figureText, overlaps } from '../compare.js';
import type { CheckContext } from '../types.js';
import {
  arithmeticFinding,
  closedInterval,
  decimalsOf,
  hasValue,
  isAmount,
  metricKey,
  SENTENCE_END,
  sentenceBefore,
  shownInterval,
  shownValue,
} from './common.js';

/** How far back from a total its metric's name is looked for (averages, rates). */
const CONTEXT_BEFORE = 40;

interface Relation {
  total: Figure;
  parts: Figure[];
  /** The parts' category names, as the text gives them. */
  categories: string[];
}

export interface PartsRules {
  subsetMarkers: string[];
  respectiveMarkers: string[];
  remainderWords: string[];
  partitions: string[][];
  nonAdditiveWords: string[];
  maxTotalGap: number;
  /** Separators between listed values after `分别为` (`12万人、8万人`, `12万人和8万人`): 、, a comma or a joiner (parts.joiners). */
  valueSeparator: RegExp;
  /** Separators between category names before `分别为`. */
  categorySeparator: RegExp;
  /** Punctuation and a joiner opening a part's name. */
  leadingJoiners: RegExp;
  /** A verb ending a part's name (parts.nameEnds: `城镇为`). */
  trailingVerbs: RegExp;
}

export function partsRules(settings: PartsSettings): PartsRules {
  return {
    subsetMarkers: settings.subsetMarkers ?? [],
    respectiveMarkers: settings.respectiveMarkers ?? [],
    remainderWords: settings.remainderWords ?? [],
    partitions: settings.partitions ?? [],
    nonAdditiveWords: settings.nonAdditiveWords ?? [],
    maxTotalGap: settings.maxTotalGap ?? 40,
    ...listPatterns(settings),
  };
}

/** The patterns of parts.joiners and parts.nameEnds (once per run: partsRules is called once per rule set). */
function listPatterns(settings: PartsSettings): Pick<PartsRules, 'valueSeparator' | 'categorySeparator' | 'leadingJoiners' | 'trailingVerbs'> {
  const joiners = alternation(settings.joiners ?? []);
  return {
    valueSeparator: new RegExp(`^(?:[、,]|${joiners})$`),
    categorySeparator: new RegExp(`、|${joiners}`),
    leadingJoiners: new RegExp(`^[\\s,;:、()]*(?:${joiners})?`),
    trailingVerbs: new RegExp(`(?:${alternation(settings.nameEnds ?? [])})$`),
  };
}

function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) found.push(at);
  return found;
}

function sameKind(a: Figure, b: Figure): boolean {
  return a.unit === b.unit && a.kind === b.kind;
}

/** A part's name: the text before it, without joiners, `其中` or a trailing `为`. */
function cleanCategory(raw: string, rules: PartsRules): string {
  let name = raw.replace(rules.leadingJoiners, '');
  for (const marker of rules.subsetMarkers) if (name.startsWith(marker)) name = name.slice(marker.length);
  return name.replace(rules.leadingJoiners, '').replace(rules.trailingVerbs, '').trim();
}

/**
 * True when the categories exhaust the total: one known partition, each category starting with a
 * different member and the rest of the names identical (`城镇常住人口`/`乡村常住人口`), or the last
 * category is the remainder (`其余`).
 */
export function exhaustive(categories: string[], rules: PartsRules): boolean {
  if (categories.length < 2 || categories.some((c) => c.length === 0)) return false;
  if (rules.remainderWords.some((w) => categories[categories.length - 1]!.startsWith(w))) return true;
  return rules.partitions.some((members) => {
    if (members.length !== categories.length) return false;
    const used = new Set<string>();
    const rests = new Set<string>();
    for (const category of categories) {
      const member = members.filter((m) => category.startsWith(m) && !used.has(m)).sort((a, b) => b.length - a.length)[0];
      if (!member) return false;
      used.add(member);
      rests.add(category.slice(member.length));
    }
    return rests.size === 1;
  });
}

/** The nearest figure ending at or before `offset`. */
function figureBefore(figures: Figure[], offset: number): number {
  let found = -1;
  for (let i = 0; i < figures.length && figures[i]!.span.end <= offset; i++) found = i;
  return found;
}

/** `T,城镇、农村分别为a、b` (also with `其中` before the categories). */
function respectiveRelation(document: Document, figures: Figure[], at: number, marker: string, rules: PartsRules): Relation | null {
  const text = document.normalized;
  const totalIndex = figureBefore(figures, at);
  if (totalIndex < 0) return null;
  const total = figures[totalIndex]!;
  const categoryText = text.slice(total.span.end, at);
  if (SENTENCE_END.test(categoryText) || categoryText.length > rules.maxTotalGap) return null;
  const parts: Figure[] = [];
  let previousEnd = at + marker.length;
  for (let i = totalIndex + 1; i < figures.length; i++) {
    const figure = figures[i]!;
    if (figure.span.start < previousEnd) continue;
    const gap = text.slice(previousEnd, figure.span.start);
    if (parts.length === 0 ? !/^[\s:]*$/.test(gap) : !rules.valueSeparator.test(gap)) break;
    parts.push(figure);
    previousEnd = figure.span.end;
  }
  const categories = cleanCategory(categoryText, rules)
    .split(rules.categorySeparator)
    .map((c) => cleanCategory(c, rules));
  if (categories.length !== parts.length) return null;
  return { total, parts, categories };
}

/** `T,其中A a,B b` or `T。其中,A a,增长x%;B b,…` up to the end of the sentence. */
function subsetRelation(document: Document, figures: Figure[], at: number, marker: string, rules: PartsRules): Relation | null {
  const text = document.normalized;
  const start = at + marker.length;
  // The list runs to the end of the sentence (`;` separates its parts) or to the next `其中`.
  let end = text.length;
  const stop = /[。!?\n]/g;
  stop.lastIndex = start;
  const sentenceEnd = stop.exec(text);
  if (sentenceEnd) end = sentenceEnd.index;
  for (const other of rules.subsetMarkers) {
    const next = text.indexOf(other, start);
    if (next >= 0 && next < end) end = next;
  }
  const listed = figures.filter((f) => f.span.start >= start && f.span.end <= end);
  const parts = listed.filter(isAmount);
  if (parts.length < 2) return null;
  // A `分别为` inside the list is read by respectiveRelation.
  if (rules.respectiveMarkers.some((m) => text.slice(start, end).includes(m))) return null;

  // The total: the nearest amount before `其中`; its own change or rate may stand between (`比上年增长5%。其中`).
  let totalIndex = figureBefore(figures, at);
  while (totalIndex >= 0 && !isAmount(figures[totalIndex]!)) totalIndex--;
  if (totalIndex < 0) return null;
  const total = figures[totalIndex]!;
  const gap = text.slice(total.span.end, at);
  // The total ends the clause or the sentence right before `其中`; no parenthesis or line between.
  if (gap.length > rules.maxTotalGap || gap.includes('\n') || /[()]/.test(gap)) return null;
  if (SENTENCE_END.test(gap.replace(/[。;]\s*$/, ''))) return null;

  const categories: string[] = [];
  for (const part of parts) {
    const previous = listed.filter((f) => f.span.end <= part.span.start).pop();
    const from = previous ? previous.span.end : start;
    categories.push(cleanCategory(text.slice(from, part.span.start), rules));
  }
  return { total, parts, categories };
}

/** The interval the parts' intervals add up to (null when one is open). */
export function sumOf(parts: Figure[]): Interval | null {
  let lo = 0;
  let hi = 0;
  for (const part of parts) {
    const i = part.interval!;
    if (i.lo === null || i.hi === null) return null;
    lo += i.lo;
    hi += i.hi;
  }
  return closedInterval(lo, hi);
}

/** How a sum finding names its parts and its total: parts listed in text, or the cells of a table. */
export type PartsWording = 'listed' | 'table';

const WORDING: Record<PartsWording, { en: string; zh: string; zhTotal: string }> = {
  listed: { en: 'listed parts', zh: '分项之和与总数', zhTotal: '总数' },
  table: { en: 'table parts', zh: '表格分项之和与合计', zhTotal: '合计' },
};

/**
 * The finding for parts whose summed interval misses their total's (`sum`, from sumOf): the parts written
 * out, their sum to one more decimal than any of them shows, the sum's interval and the total.
 */
export function partsSumFinding(
  context: CheckContext,
  document: Document,
  documents: ReadonlyMap<string, Document>,
  severity: Severity,
  total: Figure,
  parts: Figure[],
  sum: Interval,
  wording: PartsWording,
): Finding {
  const decimals = Math.max(...parts.map(decimalsOf), decimalsOf(total)) + 1;
  const listed = parts.map((p) => figureText(p, document)).join(' + ');
  const shown = shownValue(parts.reduce((s, p) => s + p.value!, 0), total.unit, decimals);
  const interval = shownInterval(sum, total.unit, decimals);
  const totalText = figureText(total, document);
  const words = WORDING[wording];
  const message = t(context.locale, {
    en: `${words.en} do not add up to their total: ${listed} = ${shown} (interval ${interval}), but the total is ${totalText}`,
    zh: `${words.zh}不符：${listed} = ${shown}（区间 ${interval}），而${words.zhTotal}为 ${totalText}`,
  });
  return arithmeticFinding([total, ...parts], documents, metricKey(context, total), severity, message);
}

/** Parts-against-total relations of one document's figures (sorted by position). */
export function partsFindings(
  context: CheckContext,
  document: Document,
  figures: Figure[],
  rules: PartsRules,
  documents: ReadonlyMap<string, Document>,
  severity: Severity,
): Finding[] {
  const text = document.normalized;
  const relations: Relation[] = [];
  for (const marker of rules.respectiveMarkers) {
    for (const at of occurrences(text, marker)) {
      const relation = respectiveRelation(document, figures, at, marker, rules);
      if (relation) relations.push(relation);
    }
  }
  for (const marker of rules.subsetMarkers) {
    for (const at of occurrences(text, marker)) {
      const relation = subsetRelation(document, figures, at, marker, rules);
      if (relation) relations.push(relation);
    }
  }

  const findings: Finding[] = [];
  const seen = new Set<number>();
  for (const { total, parts, categories } of relations) {
    if (seen.has(total.span.start)) continue;
    if (!hasValue(total) || !isAmount(total) || !parts.every((p) => hasValue(p) && isAmount(p) && sameKind(p, total))) continue;
    if (!exhaustive(categories, rules)) continue;
    // Averages and rates do not add up (城镇、农村居民人均收入 against 全体居民人均收入).
    const names = `${sentenceBefore(document, total.span.start, CONTEXT_BEFORE)}${total.label}${categories.join('')}${parts.map((p) => p.label).join('')}`;
    if (rules.nonAdditiveWords.some((w) => names.includes(w))) continue;
    seen.add(total.span.start);
    const sum = sumOf(parts);
    if (!sum || overlaps(sum, total.interval!)) continue;
    findings.push(partsSumFinding(context, document, documents, severity, total, parts, sum, 'listed'));
  }
  return findings;
}
