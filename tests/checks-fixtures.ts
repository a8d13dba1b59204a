/**
 * Hand-made documents and figures for the check tests: a tiny Document over a string (lines and
 * columns counted directly, no normalization) and Figures placed at their text in it, so each test
 * says exactly what the extractor would have read and the checks are tested on their own.
 */
import { identityDocument } from '../src/document.js';
import type { Document, DocumentStatus, Figure, FigureKind, Interval, Modality, Change } from '../src/model.js';

export function textDocument(id: string, text: string, meta: { period?: string; status?: DocumentStatus } = {}): Document {
  return identityDocument(text, { id, path: `${id}.txt`, ...meta });
}

export const closed = (lo: number | null, hi: number | null): Interval => ({ lo, hi, loClosed: lo !== null, hiClosed: hi !== null });
export const open = (lo: number | null, hi: number | null): Interval => ({ lo, hi, loClosed: false, hiClosed: false });
/** [lo, ∞) */
export const atLeast = (lo: number): Interval => ({ lo, hi: null, loClosed: true, hiClosed: false });

export interface FigureSpec {
  raw: string;
  value: number;
  exact?: string;
  interval: Interval;
  unit?: string | null;
  qualifier?: string | null;
  kind?: FigureKind;
  change?: Change;
  label: string;
  period?: string | null;
  modality?: Modality;
  unreliable?: string;
  /** Which occurrence of `raw` in the text (default the first after the previous figure's search start). */
  from?: number;
}

/** A Figure at the first occurrence of `spec.raw` at or after `spec.from` in the document's text. */
export function figureIn(document: Document, spec: FigureSpec): Figure {
  const start = document.normalized.indexOf(spec.raw, spec.from ?? 0);
  if (start < 0) throw new Error(`"${spec.raw}" not in ${document.id}`);
  const end = start + spec.raw.length;
  return {
    document: document.id,
    raw: spec.raw,
    exact: spec.exact ?? String(spec.value),
    value: spec.value,
    unit: spec.unit === undefined ? null : spec.unit,
    interval: spec.interval,
    qualifier: spec.qualifier ?? null,
    kind: spec.kind ?? 'level',
    change: spec.change ?? null,
    label: spec.label,
    period: spec.period === undefined ? (document.period ?? null) : spec.period,
    modality: spec.modality ?? 'actual',
    placeholder: false,
    unreliable: spec.unreliable,
    span: { start, end },
    location: document.locate(start, end),
  };
}
