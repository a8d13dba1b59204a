/**
 * Growth between two stated levels: `从2017年的1.6万亿元增加到2022年的2.3万亿元,年均增长5.4%`,
 * `由62%提高到68.2%,提高6.2个百分点`, `从700亿斤增加到780亿斤,增加80亿斤`. The change is recomputed
 * from the two levels' intervals (SEMANTICS.md), so rounding of any of the three never raises a finding:
 * - `增长x%` (relative): B / A − 1, or with `年均` (B / A)^(1/n) − 1 over the two stated years;
 * - `增加y亿元` (same unit as the levels): B − A, per year with `年均`;
 * - `提高z个百分点` between two rates: B − A.
 * A verb of increase between the levels with the second level wholly below the first (or the reverse) is
 * reported as well. The patterns and word lists live in rules/core/checks.yaml (`arithmetic.growth`).
 */
import type { Document, Figure, Finding, Interval, Locale, Severity } from '../../model.js';
import type { GrowthSettings } from '../../rules/types.js';
import { t } from '../../i18n.js';
import { figureText, overlaps } from '../compare.js';
import type { CheckContext } from '../types.js';
import {
  arithmeticFinding,
  bounded,
  closedInterval,
  decimalsOf,
  hasValue,
  metricKey,
  sentenceBefore,
  shownInterval,
  shownValue,
} from './common.js';

/** How far back from the first level the `从` / `由` and the metric's name are looked for. */
const CONTEXT_BEFORE = 60;

type Direction = 'increase' | 'decrease';

/** Units a level cannot have: differences, ratios, ranks. */
const NOT_LEVEL_UNITS = new Set(['个百分点', '倍', '名次']);


/** A year written in digits or Chinese digits (`二〇一五`: numerals.yaml `digits`), else null. */
function yearOf(text: string | undefined, chineseDigits: ReadonlyMap<string, number>): number | null {
  if (!text) return null;
  const digits = [...text].map((c) => chineseDigits.get(c)?.toString() ?? c).join('');
  return /^\d{4}$/.test(digits) ? Number(digits) : null;
}

export interface GrowthPatterns {
  from: RegExp;
  to: RegExp;
  change: RegExp;
  increase: string[];
  decrease: string[];
  realWords: string[];
  comparablePriceMetrics: string[];
  /** Chinese digits and their values (numerals.yaml), for years written with them. */
  digits: ReadonlyMap<string, number>;
}

export function growthPatterns(settings: GrowthSettings, digits: ReadonlyMap<string, number>): GrowthPatterns | null {
  if (!settings.fromPattern || !settings.toPattern || !settings.changePattern) return null;
  return {
    from: new RegExp(settings.fromPattern, 'u'),
    to: new RegExp(settings.toPattern, 'u'),
    change: new RegExp(settings.changePattern, 'u'),
    increase: settings.increaseVerbs ?? [],
    decrease: settings.decreaseVerbs ?? [],
    realWords: settings.realGrowthWords ?? [],
    comparablePriceMetrics: settings.comparablePriceMetrics ?? [],
    digits,
  };
}

function directionOf(verb: string | undefined, patterns: GrowthPatterns): Direction | null {
  if (!verb) return null;
  if (patterns.increase.includes(verb)) return 'increase';
  if (patterns.decrease.includes(verb)) return 'decrease';
  return null;
}

/** What the stated change is, relative to the two levels. */
type ChangeForm = 'relative' | 'difference';

function changeForm(level: Figure, change: Figure): ChangeForm | null {
  if (change.unit === '%' && level.unit !== '%') return 'relative';
  if (change.unit === '个百分点' && level.unit === '%') return 'difference';
  if (change.unit === level.unit && level.unit !== '%') return 'difference';
  // `提高5%` between two rates may be relative or a misused 个百分点: ambiguous, never checked.
  return null;
}

/** [lo, hi] of the stated change implied by the levels' intervals, or null when an end is unbounded. */
function impliedChange(
  form: ChangeForm,
  direction: Direction,
  from: Interval,
  to: Interval,
  years: number | null,
): { interval: Interval; point: (a: number, b: number) => number } | null {
  const a = bounded(from);
  const b = bounded(to);
  if (!a || !b) return null;
  const n = years ?? 1;
  if (form === 'relative') {
    if (a.lo <= 0 || b.lo < 0) return null;
    // (B/A)^(1/n) grows with B and falls with A: its ends come from the opposite ends of A.
    const ratio = (x: number, y: number) => (y / x) ** (1 / n);
    const lo = ratio(a.hi, b.lo);
    const hi = ratio(a.lo, b.hi);
    return direction === 'increase'
      ? { interval: closedInterval((lo - 1) * 100, (hi - 1) * 100), point: (x, y) => (ratio(x, y) - 1) * 100 }
      : { interval: closedInterval((1 - hi) * 100, (1 - lo) * 100), point: (x, y) => (1 - ratio(x, y)) * 100 };
  }
  return direction === 'increase'
    ? { interval: closedInterval((b.lo - a.hi) / n, (b.hi - a.lo) / n), point: (x, y) => (y - x) / n }
    : { interval: closedInterval((a.lo - b.hi) / n, (a.hi - b.lo) / n), point: (x, y) => (x - y) / n };
}

function computationText(form: ChangeForm, direction: Direction, a: string, b: string, years: number | null): string {
  if (form === 'relative') {
    const ratio = years !== null ? `(${b} / ${a})^(1/${years})` : `${b} / ${a}`;
    return direction === 'increase' ? `${ratio} − 1` : `1 − ${ratio}`;
  }
  const difference = direction === 'increase' ? `${b} − ${a}` : `${a} − ${b}`;
  return years !== null ? `(${difference}) / ${years}` : difference;
}

function growthMessage(
  locale: Locale,
  computation: string,
  shown: string,
  interval: string,
  stated: string,
  perYear: boolean,
): string {
  return t(locale, {
    en: `${perYear ? 'average yearly change' : 'change'} between two stated levels: ${computation} = ${shown} (interval ${interval}), but the text says ${stated}`,
    zh: `${perYear ? '年均变化' : '变化'}与前后两个数值不符：${computation} = ${shown}（区间 ${interval}），而文中为 ${stated}`,
  });
}

/** Growth relations of one document's figures (sorted by position). */
export function growthFindings(
  context: CheckContext,
  document: Document,
  figures: Figure[],
  patterns: GrowthPatterns,
  documents: ReadonlyMap<string, Document>,
  severity: Severity,
): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i + 1 < figures.length; i++) {
    const levels = statedLevels(document, figures[i]!, figures[i + 1]!, patterns);
    if (!levels) continue;
    const finding =
      wrongWayFinding(context, document, levels, patterns, documents, severity) ??
      changeFinding(context, document, levels, figures[i + 2], patterns, documents, severity);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Two levels the text moves between (`从A增加到B`), with the words that say so. */
interface Levels {
  from: Figure;
  to: Figure;
  /** The sentence before the first level (where `从` / `由` and the metric's name are). */
  before: string;
  fromMatch: RegExpExecArray;
  toMatch: RegExpExecArray;
}

/** Whether two figures in a row are the two levels of a movement: same unit, `从` before, `到` between. */
function statedLevels(document: Document, from: Figure, to: Figure, patterns: GrowthPatterns): Levels | null {
  if (!hasValue(from) || !hasValue(to) || from.unit === null || from.unit !== to.unit || NOT_LEVEL_UNITS.has(from.unit)) return null;
  const before = sentenceBefore(document, from.span.start, CONTEXT_BEFORE);
  const fromMatch = patterns.from.exec(before);
  if (!fromMatch) return null;
  const toMatch = patterns.to.exec(document.normalized.slice(from.span.end, to.span.start));
  if (!toMatch) return null;
  return { from, to, before, fromMatch, toMatch };
}

/** The verb between the levels says which way they moved: `由62%提高到58%` contradicts itself. */
function wrongWayFinding(
  context: CheckContext,
  document: Document,
  { from, to, toMatch }: Levels,
  patterns: GrowthPatterns,
  documents: ReadonlyMap<string, Document>,
  severity: Severity,
): Finding | null {
  const moved = directionOf(toMatch.groups?.verb, patterns);
  const fi = from.interval!;
  const ti = to.interval!;
  const wrongWay =
    !overlaps(fi, ti) &&
    ((moved === 'increase' && ti.hi !== null && fi.lo !== null && ti.hi < fi.lo) ||
      (moved === 'decrease' && ti.lo !== null && fi.hi !== null && ti.lo > fi.hi));
  if (!wrongWay) return null;
  const fromText = figureText(from, document);
  const toText = figureText(to, document);
  return arithmeticFinding([to, from], documents, metricKey(context, to), severity,
    t(context.locale, {
      en: `direction: the text says ${toMatch.groups!.verb} from ${fromText} to ${toText}, but ${toText} is ${moved === 'increase' ? 'lower' : 'higher'}`,
      zh: `方向不符：文中说由 ${fromText}${toMatch.groups!.verb}到 ${toText}，但后者${moved === 'increase' ? '更小' : '更大'}`,
    }));
}

/** The change stated right after the second level, against the change the two levels imply. */
function changeFinding(
  context: CheckContext,
  document: Document,
  { from, to, before, fromMatch, toMatch }: Levels,
  change: Figure | undefined,
  patterns: GrowthPatterns,
  documents: ReadonlyMap<string, Document>,
  severity: Severity,
): Finding | null {
  const text = document.normalized;
  if (!change || !hasValue(change)) return null;
  const changeMatch = patterns.change.exec(text.slice(to.span.end, change.span.start));
  if (!changeMatch) return null;
  const direction = directionOf(changeMatch.groups?.verb, patterns);
  const form = changeForm(from, change);
  if (!direction || !form) return null;
  // A stated rate must be like-for-like with the levels: GDP growth is real, its levels nominal.
  if (form === 'relative') {
    const nearby = `${before}${text.slice(from.span.start, change.span.end)}${from.label}${to.label}${change.label}`;
    if (patterns.realWords.some((w) => nearby.includes(w))) return null;
    if (patterns.comparablePriceMetrics.some((w) => nearby.includes(w))) return null;
  }
  let years: number | null = null;
  if (changeMatch.groups?.average) {
    const start = yearOf(fromMatch.groups?.fromYear, patterns.digits);
    const end = yearOf(toMatch.groups?.toYear, patterns.digits);
    // An average over the years needs both years stated with the levels.
    if (start === null || end === null || end - start < 1) return null;
    years = end - start;
  }
  const implied = impliedChange(form, direction, from.interval!, to.interval!, years);
  if (!implied || overlaps(implied.interval, change.interval!)) return null;
  const unit = form === 'relative' ? '%' : change.unit;
  const decimals = decimalsOf(change) + 1;
  return arithmeticFinding([change, from, to], documents, metricKey(context, change) ?? metricKey(context, to), severity,
    growthMessage(
      context.locale,
      computationText(form, direction, figureText(from, document), figureText(to, document), years),
      shownValue(implied.point(from.value!, to.value!), unit, decimals),
      shownInterval(implied.interval, unit, decimals),
      figureText(change, document),
      years !== null,
    ));
}
