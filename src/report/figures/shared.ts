/**
 * Helpers the figures formatters share: paths relative to cwd, readable values (3409亿元, 4.2%),
 * interval notation with closedness ([4.15, 4.25], (3300亿, 3400亿), [4, ∞)).
 */
import { relative, isAbsolute, sep } from 'node:path';
import { amountText, intervalText } from '../../notation.js';
import type { Figure, Interval } from '../../model.js';

/** The path as shown: relative to cwd when it is absolute (a relative path is shown as given). */
export function displayPath(path: string, cwd: string): string {
  // Only the platform's separator becomes `/` (on POSIX a backslash belongs to the name, e.g. a `\xD6` escape).
  if (!isAbsolute(path)) return path.split(sep).join('/');
  const rel = relative(cwd, path);
  return (rel && !rel.startsWith('..') ? rel : path).split(sep).join('/');
}

/** A number in base units written the way Chinese prose writes it: 340900000000 → 3409亿. */
export function readableNumber(value: number | string, unit: string | null): string {
  return amountText(value, unit);
}

/** `3409亿元`, `4.2%`, `第3名次` is shown as `第3`. */
export function readableValue(figure: Figure): string {
  if (figure.placeholder || figure.value === null) return '—';
  const number = readableNumber(figure.exact ?? figure.value, figure.unit);
  if (figure.unit === '名次') return `第${number}`;
  return number + (figure.unit ?? '');
}

/** `[4.15, 4.25]`, `(3300亿, 3400亿)`, `[4, ∞)` in the figure's unit. */
export function intervalNotation(interval: Interval | null, unit: string | null): string {
  return interval ? intervalText(interval, unit) : '';
}
