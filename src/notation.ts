/**
 * How figcheck writes amounts and intervals back for people, in messages and reports alike:
 * 340900000000 元 → 3409亿, [4.15, 4.25], (3300亿, 3400亿), [4%, ∞). Exact (decimal.js), so no float
 * noise reaches a message; the magnitude words come from rules/core/magnitudes.yaml.
 */
import { Decimal } from 'decimal.js';
import type { Interval } from './model.js';
import { coreRules } from './rules/load.js';

/** Units whose amounts are written as they are, never folded into 万/亿. */
const UNFOLDED = new Set(['%', '个百分点', '倍', '名次']);

let display: [Decimal, string][] | undefined;
function displayMagnitudes(): [Decimal, string][] {
  if (!display) {
    const rules = coreRules();
    display = (rules.displayMagnitudes ?? [])
      .flatMap((word): [Decimal, string][] => (rules.magnitudes?.[word] !== undefined ? [[new Decimal(rules.magnitudes[word]!), word]] : []))
      .sort((a, b) => b[0].comparedTo(a[0]));
  }
  return display;
}

export interface NotationOptions {
  /** Append `%` to percentages (messages do; table columns headed by the unit do not). */
  percentSign?: boolean;
  /** Append the unit itself (`1407.5万吨`): where the figure was written in another unit (`282亿斤`). */
  unitName?: boolean;
}

/** An amount in base units as prose writes it: 340900000000 → 3409亿; 15 significant digits at most. */
export function amountText(value: number | string, unit: string | null, options: NotationOptions = {}): string {
  const d = new Decimal(value).toSignificantDigits(15);
  let text = d.toFixed();
  if (!UNFOLDED.has(unit ?? '')) {
    const abs = d.abs();
    const magnitude = displayMagnitudes().find(([factor]) => abs.gte(factor));
    if (magnitude) text = d.div(magnitude[0]).toSignificantDigits(15).toFixed() + magnitude[1];
  }
  if (options.unitName && unit && unit !== '%') return `${text}${unit}`;
  return options.percentSign && unit === '%' ? `${text}%` : text;
}

/** `[4.15, 4.25]`, `(3300亿, 3400亿)`, `[4, ∞)`: brackets say whether an end is included. */
export function intervalText(interval: Interval, unit: string | null, options: NotationOptions = {}): string {
  const lo = interval.lo === null ? '−∞' : amountText(interval.lo, unit, options);
  const hi = interval.hi === null ? '∞' : amountText(interval.hi, unit, options);
  return `${interval.loClosed && interval.lo !== null ? '[' : '('}${lo}, ${hi}${interval.hiClosed && interval.hi !== null ? ']' : ')'}`;
}
