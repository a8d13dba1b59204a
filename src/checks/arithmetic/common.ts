/**
 * What the arithmetic relations share: which figures they may use, where sentences end, interval
 * arithmetic helpers, and how a finding is built. Settings come from rules/core/checks.yaml (`arithmetic`).
 */
import { Decimal } from 'decimal.js';
import type { Document, Figure, Finding, Interval, Severity } from '../../model.js';
import { autoIdentityOnce } from '../align.js';
import { figureText, formatAmount } from '../compare.js';
import { locationOf } from '../consistency.js';
import { fingerprint } from '../fingerprint.js';
import type { CheckContext } from '../types.js';

export const ARITHMETIC_MISMATCH = 'arithmetic-mismatch';

/** Ends of a sentence in normalized text (full-width punctuation is folded to ASCII there). */
export const SENTENCE_END = /[。;!?\n]/;

/** Bounded interval ends, or null when an end is open to infinity. */
export function bounded(i: Interval): { lo: number; hi: number } | null {
  return i.lo === null || i.hi === null ? null : { lo: i.lo, hi: i.hi };
}

/** A closed interval [lo, hi]. */
export function closedInterval(lo: number, hi: number): Interval {
  return { lo, hi, loClosed: true, hiClosed: true };
}

/** A figure arithmetic can use: a value and an interval, nothing unreliable (labels and periods not needed). */
export function hasValue(figure: Figure): boolean {
  return !figure.placeholder && !figure.unreliable && figure.value !== null && figure.interval !== null;
}

/** Units that are never amounts one can add or divide as levels. */
const NOT_AMOUNT_UNITS = new Set(['%', '个百分点', '倍', '名次']);

/** Amounts (levels and counts, not changes or rates). */
export function isAmount(figure: Figure): boolean {
  return (
    (figure.kind === 'level' || figure.kind === 'count') && figure.change === null && !NOT_AMOUNT_UNITS.has(figure.unit ?? '')
  );
}

/** Text between two figures of one document, or null when a sentence ends between them. */
export function between(document: Document, a: Figure, b: Figure): string | null {
  const text = document.normalized.slice(a.span.end, b.span.start);
  return SENTENCE_END.test(text) ? null : text;
}

/** The text of the sentence before `offset`, at most `max` characters of it. */
export function sentenceBefore(document: Document, offset: number, max: number): string {
  const text = document.normalized.slice(Math.max(0, offset - max), offset);
  let start = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (SENTENCE_END.test(text[i]!)) {
      start = i + 1;
      break;
    }
  }
  return text.slice(start);
}

export function metricKey(context: CheckContext, figure: Figure): string | null {
  const metric = context.metricOf.get(figure);
  if (metric) return metric.id;
  // (computed once per figure: the consistency and target checks grouped the same figures by it)
  return autoIdentityOnce(figure, context.rules)?.id ?? null;
}

export function arithmeticFinding(
  figures: Figure[],
  documents: ReadonlyMap<string, Document>,
  metric: string | null,
  severity: Severity,
  message: string,
): Finding {
  return {
    fingerprint: fingerprint(
      ARITHMETIC_MISMATCH,
      metric,
      figures.map((f) => ({ document: f.document, text: figureText(f, documents.get(f.document)) })),
    ),
    rule: ARITHMETIC_MISMATCH,
    severity,
    message,
    metric,
    locations: figures.map(locationOf),
  };
}

/** Digits after the point of a figure as written (`65.8` → 1), from its exact decimal when it has one. */
export function decimalsOf(figure: Figure): number {
  if (figure.exact === null) return 0;
  try {
    return new Decimal(figure.exact).decimalPlaces();
  } catch {
    return 0;
  }
}

/**
 * A computed value with its interval, in a message: `43.8% (interval 40.6%–47.2%)` style pieces. The
 * point is rounded half-up, the ends outward (floor, ceil) so the shown interval never looks narrower
 * than the one compared.
 */
export function shownValue(value: number, unit: string | null, decimals: number): string {
  return withUnit(new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toNumber(), unit);
}

/** `6.3%–8.7%`, `16万–18万人`, `5.65–6.75个百分点`: a unit other than `%` is named once, at the end. */
export function shownInterval(interval: Interval, unit: string | null, decimals: number): string {
  const lo = interval.lo === null ? '-∞' : formatAmount(new Decimal(interval.lo).toDecimalPlaces(decimals, Decimal.ROUND_FLOOR).toNumber(), unit);
  const hi = interval.hi === null ? '∞' : withUnit(new Decimal(interval.hi).toDecimalPlaces(decimals, Decimal.ROUND_CEIL).toNumber(), unit);
  return `${lo}–${hi}`;
}

/** formatAmount folds 万/亿 back but names only `%`; other units are appended here (`80亿`+`吨`). */
function withUnit(value: number, unit: string | null): string {
  const text = formatAmount(value, unit);
  return unit === null || unit === '%' ? text : `${text}${unit}`;
}
