/**
 * Interval comparison (SEMANTICS.md): when two statements agree, when a target is met, and how a
 * reading is shown in a message. Pure functions over Figures; settings come from rules/core/checks.yaml.
 */
import { amountText, intervalText } from '../notation.js';
import { Decimal } from 'decimal.js';
import type { Document, DocumentStatus, Figure, Interval, Locale } from '../model.js';
import type { ConsistencySettings, RuleSet } from '../rules/types.js';
import { knowledgeOf } from '../extract/knowledge.js';
import { t } from '../i18n.js';

const DEFAULT_EPSILON = 1e-9;

function near(a: number, b: number, epsilon: number): boolean {
  return Math.abs(a - b) <= epsilon * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * True when the intervals share at least one point. Ends equal up to float noise count as touching;
 * touching ends overlap only when both are closed.
 */
export function overlaps(a: Interval, b: Interval, epsilon = DEFAULT_EPSILON): boolean {
  // a lies left of b?
  if (a.hi !== null && b.lo !== null) {
    if (near(a.hi, b.lo, epsilon)) {
      if (!(a.hiClosed && b.loClosed)) return false;
    } else if (a.hi < b.lo) return false;
  }
  if (b.hi !== null && a.lo !== null) {
    if (near(b.hi, a.lo, epsilon)) {
      if (!(b.hiClosed && a.loClosed)) return false;
    } else if (b.hi < a.lo) return false;
  }
  return true;
}

/** True when every point of `inner` lies in `outer`. */
export function contains(outer: Interval, inner: Interval, epsilon = DEFAULT_EPSILON): boolean {
  if (outer.lo !== null) {
    if (inner.lo === null) return false;
    if (near(inner.lo, outer.lo, epsilon)) {
      if (!outer.loClosed && inner.loClosed) return false;
    } else if (inner.lo < outer.lo) return false;
  }
  if (outer.hi !== null) {
    if (inner.hi === null) return false;
    if (near(inner.hi, outer.hi, epsilon)) {
      if (!outer.hiClosed && inner.hiClosed) return false;
    } else if (inner.hi > outer.hi) return false;
  }
  return true;
}

/** A plain figure (no qualifier, closed bounded interval): its interval is the rounding interval of its digits. */
export function plainWidth(figure: Figure): number | null {
  const i = figure.interval;
  if (figure.qualifier || !i || i.lo === null || i.hi === null || !i.loClosed || !i.hiClosed) return null;
  return i.hi - i.lo;
}

/** Whether two figures can be compared at all: both have a value and an interval, and the same unit. */
export function comparable(a: Figure, b: Figure): boolean {
  return a.interval !== null && b.interval !== null && !a.placeholder && !b.placeholder && a.unit === b.unit;
}

/**
 * Two statements of one fact agree when their intervals overlap, except that two plain statements
 * written to the same precision with different digits disagree even when the intervals touch.
 */
export function consistent(a: Figure, b: Figure, settings: ConsistencySettings = {}): boolean {
  const epsilon = settings.relativeEpsilon ?? DEFAULT_EPSILON;
  if (!a.interval || !b.interval) return true;
  if (settings.equalPrecisionStrict !== false) {
    const wa = plainWidth(a);
    const wb = plainWidth(b);
    if (wa !== null && wb !== null && near(wa, wb, 1e-6) && a.value !== null && b.value !== null) {
      return a.exact !== null && b.exact !== null ? new Decimal(a.exact).eq(b.exact) : near(a.value, b.value, epsilon);
    }
  }
  return overlaps(a.interval, b.interval, epsilon);
}

/**
 * The magnitude word a figure is written with (`7.4万亿元` → 1e12, `74772亿元` → 1e8): the value of the longest
 * magnitude word in its raw text, 1 when it has none. Read from the magnitudes of rules/core/magnitudes.yaml.
 */
export function writtenMagnitude(figure: Figure, magnitudes: Record<string, string | number> | undefined): number {
  let word = '';
  for (const w of Object.keys(magnitudes ?? {})) if (w.length > word.length && figure.raw.includes(w)) word = w;
  return word ? Number(magnitudes![word]) : 1;
}

/**
 * The truncation reading (setting `consistency.truncatedRestatement`, docs/semantics.md): Chinese reports often
 * restate a precise figure in a larger magnitude word by cutting digits off, not by rounding (`74772亿元` later
 * written `7.4万亿元`). Two plain statements of different precision whose coarser one is written with the larger
 * magnitude word agree under this reading when the precise one lies in the coarser one's truncation interval
 * [x, x + q) (toward zero: (x − q, x] below zero), q being its last digit's step.
 */
export function truncationConsistent(
  a: Figure,
  b: Figure,
  settings: ConsistencySettings,
  magnitudes: Record<string, string | number> | undefined,
): boolean {
  if (!settings.truncatedRestatement) return false;
  const wa = plainWidth(a);
  const wb = plainWidth(b);
  if (wa === null || wb === null || a.value === null || b.value === null || near(wa, wb, 1e-6)) return false;
  const [fine, coarse, q] = wa < wb ? [a, b, wb] : [b, a, wa];
  if (writtenMagnitude(coarse, magnitudes) <= writtenMagnitude(fine, magnitudes)) return false;
  const x = coarse.value!;
  const cut: Interval = x >= 0 ? { lo: x, loClosed: true, hi: x + q, hiClosed: false } : { lo: x - q, loClosed: false, hi: x, hiClosed: true };
  return contains(cut, fine.interval!, settings.relativeEpsilon ?? DEFAULT_EPSILON);
}

export type Direction = 'higher-is-better' | 'lower-is-better';

/**
 * A target against an actual. With a direction, a target is a floor (higher-is-better: met by anything
 * at or above its lower end, so beating `6%左右` is met) or a ceiling (lower-is-better). Without one, the
 * actual must lie inside the target's interval. `missed` needs no overlap at all; otherwise `indeterminate`.
 */
export function targetOutcome(
  target: Interval,
  actual: Interval,
  direction: Direction | undefined,
  epsilon = DEFAULT_EPSILON,
): 'met' | 'missed' | 'indeterminate' {
  let goal: Interval = target;
  if (direction === 'higher-is-better') goal = { lo: target.lo, loClosed: target.loClosed, hi: null, hiClosed: false };
  else if (direction === 'lower-is-better') goal = { lo: null, loClosed: false, hi: target.hi, hiClosed: target.hiClosed };
  if (goal.lo === null && goal.hi === null) return 'indeterminate';
  if (contains(goal, actual, epsilon)) return 'met';
  if (!overlaps(goal, actual, epsilon)) return 'missed';
  return 'indeterminate';
}

/** Width of a figure's interval relative to its size: smaller is more precise (the reference value). */
export function precision(figure: Figure): number {
  const i = figure.interval;
  if (!i || i.lo === null || i.hi === null) return Number.POSITIVE_INFINITY;
  return i.hi - i.lo;
}

/** A base-unit number with 万/亿 folded back and `%` named: `3409亿`, `4.2%`. */
export function formatAmount(value: number, unit: string | null): string {
  return amountText(value, unit, { percentSign: true });
}

/** `[4.15%, 4.25%]`, `(3300亿, 3400亿)`, `[4%, ∞)`; with `unitName`, `[1407.5万吨, 1412.5万吨]`. */
export function formatInterval(interval: Interval, unit: string | null, unitName = false): string {
  return intervalText(interval, unit, { percentSign: true, unitName });
}

/** The figure as it reads in normalized (Simplified) text, else its raw text. */
export function figureText(figure: Figure, document: Document | undefined): string {
  if (document) {
    const text = document.normalized.slice(figure.span.start, figure.span.end).trim();
    if (text) return text;
  }
  return figure.raw;
}

const STATUS_TEXT: Record<DocumentStatus, { en: string; zh: string }> = {
  final: { en: 'final', zh: '终稿' },
  preliminary: { en: 'preliminary', zh: '初步' },
  draft: { en: 'draft', zh: '草稿' },
};

/**
 * One reading in a message: `3409亿元 (yearbook-gov, final)`, and for a qualified reading its interval:
 * `3300多亿元 = (3300亿, 3400亿) (report-2023, preliminary)`. An estimate (预计) is marked as such.
 */
export function describeReading(figure: Figure, document: Document | undefined, locale: Locale): string {
  const text = figureText(figure, document);
  // A figure written in another unit than the one it is compared in (`282亿斤` read in 吨) shows that unit.
  const otherUnit = figure.unit !== null && !text.includes(figure.unit);
  const shown = figure.qualifier && figure.interval ? `${text} = ${formatInterval(figure.interval, figure.unit, otherUnit)}` : text;
  const notes = [figure.document];
  if (document?.status) notes.push(t(locale, STATUS_TEXT[document.status]));
  if (figure.modality === 'estimate') notes.push(t(locale, { en: 'estimate', zh: '预计' }));
  return `${shown} (${notes.join(', ')})`;
}

/**
 * `增长7.8%，略低于8%的预定目标`: a comparison word before a target that the text then names (`…的预定目标`)
 * compares the outcome with the target; the target itself is the plain value after it. True for such a target
 * with no other qualifier (`高于5%左右的预期目标` keeps the reading the extractor gave it).
 */
export function comparedTarget(target: Figure, document: Document | undefined, rules: RuleSet): boolean {
  if (!target.qualifier || !document || target.value === null) return false;
  const k = knowledgeOf(rules);
  const word = k.before.find((q) => target.raw.startsWith(q.word));
  if (!word || k.after.some((q) => target.raw.endsWith(q.word))) return false;
  const after = document.normalized.slice(target.span.end, target.span.end + 12);
  return /^\s*的/u.test(after) && k.words.target.some((w) => w.length > 1 && after.slice(0, after.search(/[，,。；;]|$/u)).includes(w));
}
