/**
 * `figcheck figures --format table`: for people. One block per document, aligned columns, the
 * figure highlighted in a short snippet of its (normalized) context. No colour when `color` is false.
 */
import { Chalk } from 'chalk';
import type { Document, Figure } from '../../model.js';
import type { FiguresWriter } from './index.js';
import { displayPath, intervalNotation, readableValue } from './shared.js';

/**
 * Terminal cells a string takes: CJK and full-width characters take two. Hand-written because the
 * usual packages (string-width, east-asian-width) are not dependencies, and the ranges below cover
 * every character these documents hold.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 32 || (c >= 0x300 && c <= 0x36f) || c === 0x200b) continue;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0x303e) ||
      (c >= 0x3041 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Cuts a string to at most `max` cells, marking the cut with …. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

const CONTEXT = 12;

/** The figure in a short snippet of its line, normalized text, the figure marked by `mark`. */
function snippet(doc: Document | undefined, figure: Figure, mark: (s: string) => string, dim: (s: string) => string): string {
  if (!doc) return mark(figure.raw);
  const text = doc.normalized;
  const { start, end } = figure.span;
  let from = start;
  while (from > 0 && start - from < CONTEXT && text[from - 1] !== '\n') from--;
  let to = end;
  while (to < text.length && to - end < CONTEXT && text[to] !== '\n') to++;
  const lead = (from > 0 && text[from - 1] !== '\n' ? '…' : '') + text.slice(from, start);
  const tail = text.slice(end, to) + (to < text.length && text[to] !== '\n' ? '…' : '');
  return dim(lead) + mark(text.slice(start, end)) + dim(tail);
}

const HEADER = ['location', 'raw', 'value', 'interval', 'kind', 'change', 'label', 'period', 'modality', 'context'];

export function tableWriter(options: { color: boolean; cwd: string }): FiguresWriter {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  return {
    head: () => '',
    document(doc, list) {
      if (!list.length) return '';
      const path = doc ? displayPath(doc.path, options.cwd) : list[0]!.document;
      const rows = list.map((f) => {
        const flag = f.placeholder ? ' (placeholder)' : f.unreliable ? ' (?)' : '';
        return [
          `${path}${f.location.page !== undefined ? `#page=${f.location.page}` : ''}:${f.location.line}:${f.location.column}`,
          truncate(f.raw, 24),
          readableValue(f) + flag,
          intervalNotation(f.interval, f.unit),
          f.kind,
          f.change ?? '',
          truncate(f.label || '—', 24),
          f.period ?? '',
          f.modality,
        ];
      });
      const widths = HEADER.slice(0, -1).map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
      const out: string[] = [];
      out.push(chalk.bold.underline(path) + chalk.dim(`  ${list.length} figure${list.length === 1 ? '' : 's'}`));
      out.push(chalk.dim(HEADER.map((h, i) => (i < widths.length ? pad(h, widths[i]!) : h)).join('  ')));
      list.forEach((f, n) => {
        const cells = rows[n]!.map((cell, i) => {
          const padded = pad(cell, widths[i]!);
          if (i === 0) return chalk.dim(padded);
          if (i === 1) return chalk.bold(padded);
          if (i === 8 && f.modality !== 'actual') return chalk.cyan(padded);
          return padded;
        });
        const context = snippet(doc, f, (s) => chalk.inverse.bold(s), (s) => chalk.dim(s));
        out.push(`${cells.join('  ')}  ${context}`);
      });
      return `${out.join('\n')}\n\n`;
    },
    tail: (total) => (total ? '' : 'No figures found.\n'),
  };
}
