/**
 * An interval chart for a compared metric: one band per statement on an axis shared by all of them,
 * so a reader sees at a glance whether `3409亿元`, `3300多亿元` and `超过3400亿元` can be one fact.
 * The geometry is computed here, once, at report time; index.html draws it as inline SVG from these
 * few numbers (a chart is ~60 bytes of data, so a report of 10,000 documents keeps its budget) and
 * report.md writes the same intervals out as text.
 *
 * Positions are integers on a 0…1000 scale of the plot area. A band whose interval has no lower (or
 * upper) bound runs to the edge and ends in an arrow; a closed end is drawn as a filled dot, an open
 * end as a hollow one. Overlaps: the stretches of the axis covered by two or more bands.
 */
import type { Figure, Interval } from '../../model.js';
import { amountText } from '../../notation.js';

/** The plot's width in chart units. */
export const CHART_SCALE = 1000;
/** Share of the axis left empty on each side of the stated values, so open ends have room for arrows. */
const MARGIN = 0.08;
/** At most this many ticks on the axis. */
const MAX_TICKS = 6;

/** Bits of a band's flags. */
export const BAND = {
  /** No lower bound: the band runs to the left edge and ends in an arrow. */
  openLeft: 1,
  /** No upper bound. */
  openRight: 2,
  /** The lower bound is included (filled dot) rather than excluded (hollow dot). */
  closedLo: 4,
  closedHi: 8,
  /** The statement is a target (drawn hatched/dashed), not an actual. */
  target: 16,
  /** The statement is in a mismatch or a missed target (drawn in the error colour). */
  mismatch: 32,
  /** The statement is an estimate (预计): the preliminary side of a comparison with a final figure. */
  estimate: 64,
} as const;

/** One band: its statement's index in the group, its ends on the 0…1000 scale and its flags. */
export type ChartBand = [statement: number, x0: number, x1: number, flags: number];

export interface Chart {
  /** Ticks: position on the 0…1000 scale and their label (`3300亿元`, `4.5%`). */
  ticks: [number, string][];
  bands: ChartBand[];
  /** Stretches of the axis covered by two or more bands. */
  overlaps: [number, number][];
}

/** What the chart needs of a statement. */
export interface ChartStatement {
  interval: Interval | null;
  unit: string | null;
  target: boolean;
  mismatch: boolean;
  estimate?: boolean;
}

export function chartStatement(figure: Figure, mismatch: boolean): ChartStatement {
  return { interval: figure.interval, unit: figure.unit, target: figure.modality === 'target', mismatch, estimate: figure.modality === 'estimate' };
}

/** A step of 1, 2 or 5 times a power of ten giving at most MAX_TICKS ticks over `span`. */
function tickStep(span: number): number {
  const rough = span / (MAX_TICKS - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) if (power * factor >= rough) return power * factor;
  return power * 10;
}

/** Ticks between lo and hi: round numbers, written as prose writes amounts. */
function ticksOf(lo: number, hi: number, unit: string | null, position: (v: number) => number): [number, string][] {
  const step = tickStep(hi - lo);
  const ticks: [number, string][] = [];
  for (let i = Math.ceil(lo / step); i * step <= hi; i++) {
    // Multiplying the integer index (not adding steps) keeps float noise out of the labels.
    const value = Number((i * step).toPrecision(12));
    ticks.push([position(value), `${amountText(value, unit, { percentSign: true })}${unit && unit !== '%' ? unit : ''}`]);
  }
  return ticks;
}

/** Stretches covered by at least two of the [x0, x1] segments (a sweep over their ends). */
function overlapsOf(segments: [number, number][]): [number, number][] {
  const events = segments.flatMap(([a, b]): [number, number][] => [[a, 1], [b, -1]]).sort((p, q) => p[0] - q[0] || q[1] - p[1]);
  const out: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (const [x, d] of events) {
    if (depth < 2 && depth + d >= 2) start = x;
    if (depth >= 2 && depth + d < 2 && x > start) out.push([start, x]);
    depth += d;
  }
  return out;
}

/**
 * The chart of a group of statements, or null when there is nothing to draw: no statement with an
 * interval, or statements in different units (they are not on one axis).
 */
export function chartOf(statements: ChartStatement[]): Chart | null {
  const drawn = statements.map((s, i) => ({ ...s, index: i })).filter((s) => s.interval && (s.interval.lo !== null || s.interval.hi !== null));
  if (!drawn.length) return null;
  const unit = drawn[0]!.unit;
  if (drawn.some((s) => s.unit !== unit)) return null;
  const ends = drawn.flatMap((s) => [s.interval!.lo, s.interval!.hi]).filter((v): v is number => v !== null);
  let lo = Math.min(...ends);
  let hi = Math.max(...ends);
  if (hi === lo) {
    const pad = Math.abs(lo) * 0.05 || 1;
    lo -= pad;
    hi += pad;
  }
  const span = hi - lo;
  const axisLo = lo - span * MARGIN;
  const axisHi = hi + span * MARGIN;
  const position = (v: number) => Math.round(((v - axisLo) / (axisHi - axisLo)) * CHART_SCALE);

  const bands: ChartBand[] = drawn.map((s) => {
    const interval = s.interval!;
    let flags = 0;
    if (interval.lo === null) flags |= BAND.openLeft;
    if (interval.hi === null) flags |= BAND.openRight;
    if (interval.loClosed && interval.lo !== null) flags |= BAND.closedLo;
    if (interval.hiClosed && interval.hi !== null) flags |= BAND.closedHi;
    if (s.target) flags |= BAND.target;
    if (s.mismatch) flags |= BAND.mismatch;
    if (s.estimate) flags |= BAND.estimate;
    const x0 = interval.lo === null ? 0 : position(interval.lo);
    const x1 = interval.hi === null ? CHART_SCALE : position(interval.hi);
    return [s.index, x0, x1, flags];
  });
  return {
    ticks: ticksOf(axisLo, axisHi, unit, position),
    bands,
    overlaps: overlapsOf(bands.filter((b) => b[2] > b[1]).map((b) => [b[1], b[2]])),
  };
}
