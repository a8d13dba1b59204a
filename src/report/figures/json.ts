/**
 * `figcheck figures --format json`: the contract other tools read, exactly
 * `{"figures":[{"path","line","column","endLine","endColumn","raw","value","unit","interval":[lo,hi],
 * "qualifier","kind","change","label","metric","period","modality","placeholder"}]}`; values and interval ends
 * are JSON numbers in base units, `null` for an open end or a placeholder.
 */
import type { Figure } from '../../model.js';
import type { FiguresWriter } from './index.js';
import { displayPath } from './shared.js';

export interface FigureRecord {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** PDF only: the page; line and endLine count within it. */
  page?: number;
  raw: string;
  value: number | null;
  unit: string | null;
  interval: [number | null, number | null] | null;
  qualifier: string | null;
  kind: Figure['kind'];
  change: Figure['change'];
  label: string;
  metric: string | null;
  period: string | null;
  modality: Figure['modality'];
  placeholder: boolean;
}

export function figureRecord(figure: Figure, cwd: string): FigureRecord {
  const { location: at } = figure;
  return {
    path: displayPath(at.path, cwd),
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    ...(at.page !== undefined ? { page: at.page } : {}),
    raw: figure.raw,
    value: figure.value,
    unit: figure.unit,
    interval: figure.interval ? [figure.interval.lo, figure.interval.hi] : null,
    qualifier: figure.qualifier,
    kind: figure.kind,
    change: figure.change,
    label: figure.label,
    metric: figure.metric ?? null,
    period: figure.period,
    modality: figure.modality,
    placeholder: figure.placeholder,
  };
}

/** Writes exactly what JSON.stringify({ figures }, null, 2) would, one document at a time. */
export function jsonWriter(options: { cwd: string }): FiguresWriter {
  let written = 0;
  return {
    head: () => '{\n  "figures": [',
    document(_doc, figures) {
      let text = '';
      for (const figure of figures) {
        text += `${written++ ? ',' : ''}\n    ${JSON.stringify(figureRecord(figure, options.cwd), null, 2).replace(/\n/g, '\n    ')}`;
      }
      return text;
    },
    tail: (total) => (total ? '\n  ]\n}\n' : ']\n}\n'),
  };
}
