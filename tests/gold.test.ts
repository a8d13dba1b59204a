/**
 * The extractor against the hand-labelled gold file (tests/gold/figures.yaml).
 *
 * Two independent checks: the gold file itself is verified against the raw texts (so a broken label is
 * caught even when the extractor does not load), and the extractor must get ≥ 97% of the gold figures
 * fully right and must not extract any of the gold `not_figures`. On a miss the test prints a table of
 * what differs, field by field, and the overall score.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DocumentStatus, Figure } from '../src/model.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GOLD_FILE = resolve(REPO, 'tests/gold/figures.yaml');
const REQUIRED_SCORE = 0.97;
const KINDS = ['level', 'change', 'share', 'rank', 'count', 'ratio'];
const CHANGES = ['increase', 'decrease', null];
const MODALITIES = ['actual', 'estimate', 'target'];
const STATUSES = ['final', 'preliminary', 'draft'];
/** `2022`, `2021-01/2021-08`, `2018/2022`. */
const PERIOD = /^\d{4}(-\d{2})?(\/\d{4}(-\d{2})?)?$/;

interface GoldDocument {
  path: string;
  id: string;
  period: string;
  status: DocumentStatus;
}

interface GoldFigure {
  path: string;
  line: number;
  raw: string;
  occurrence?: number;
  value: number | null;
  unit: string | null;
  interval: [number | null, number | null] | null;
  closed: [boolean, boolean] | null;
  qualifier: string | null;
  kind: string;
  change: string | null;
  label: string | string[];
  period: string | null;
  modality: string;
  placeholder?: boolean;
  note?: string;
}

interface NotFigure {
  path: string;
  line: number;
  raw: string;
  occurrence?: number;
  why: string;
}

interface Gold {
  documents: GoldDocument[];
  figures: GoldFigure[];
  not_figures: NotFigure[];
}

/** Where a gold string sits on its line: 1-based UTF-16 columns, end exclusive (as `Location`). */
interface LineSpan {
  column: number;
  endColumn: number;
}

const gold = parse(readFileSync(GOLD_FILE, 'utf8')) as Gold;

const linesCache = new Map<string, string[] | null>();
/** The raw file's lines (BOM stripped, any line ending); null when the file is missing. */
function linesOf(path: string): string[] | null {
  if (!linesCache.has(path)) {
    const abs = resolve(REPO, path);
    linesCache.set(path, existsSync(abs) ? readFileSync(abs, 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\n|\r/) : null);
  }
  return linesCache.get(path)!;
}

/** The occurrence-th position of `raw` on its line, or null when it is not there. */
function spanOf(entry: { path: string; line: number; raw: string; occurrence?: number }): LineSpan | null {
  const text = linesOf(entry.path)?.[entry.line - 1];
  if (text === undefined || entry.raw.length === 0) return null;
  let index = -1;
  for (let n = 0; n < (entry.occurrence ?? 1); n++) {
    index = text.indexOf(entry.raw, index + 1);
    if (index < 0) return null;
  }
  return { column: index + 1, endColumn: index + 1 + entry.raw.length };
}

const where = (e: { path: string; line: number; raw: string; occurrence?: number }) =>
  `${e.path}:${e.line} "${e.raw}"${(e.occurrence ?? 1) > 1 ? ` (#${e.occurrence})` : ''}`;

/** Everything wrong with the gold file, one message each. */
function goldFileProblems(): string[] {
  const problems: string[] = [];
  const docs = new Map<string, GoldDocument>();
  for (const doc of gold.documents ?? []) {
    if (docs.has(doc.path)) problems.push(`document listed twice: ${doc.path}`);
    docs.set(doc.path, doc);
    if (!linesOf(doc.path)) problems.push(`document not found: ${doc.path} (resolved from ${REPO})`);
    if (typeof doc.id !== 'string' || doc.id === '') problems.push(`document without id: ${doc.path}`);
    if (typeof doc.period !== 'string' || !PERIOD.test(doc.period)) problems.push(`bad period ${doc.period}: ${doc.path}`);
    if (!STATUSES.includes(doc.status)) problems.push(`bad status ${doc.status}: ${doc.path}`);
  }
  if (new Set(gold.documents.map((d) => d.id)).size !== gold.documents.length) problems.push('document ids are not unique');

  const figureSpans: { entry: GoldFigure; span: LineSpan }[] = [];
  const seen = new Set<string>();
  for (const f of gold.figures ?? []) {
    const at = where(f);
    const key = `${f.path}\u0000${f.line}\u0000${f.raw}\u0000${f.occurrence ?? 1}`;
    if (seen.has(key)) problems.push(`${at}: listed twice`);
    seen.add(key);
    if (!docs.has(f.path)) problems.push(`${at}: path has no entry in documents`);
    for (const field of ['path', 'line', 'raw', 'value', 'unit', 'interval', 'closed', 'qualifier', 'kind', 'change', 'label', 'period', 'modality']) {
      if (!(field in f)) problems.push(`${at}: missing field ${field}`);
    }
    if (!Number.isInteger(f.line) || f.line < 1) problems.push(`${at}: line must be a positive integer`);
    const span = spanOf(f);
    if (!span) problems.push(`${at}: raw does not occur on that line`);
    else figureSpans.push({ entry: f, span });
    if (!KINDS.includes(f.kind)) problems.push(`${at}: bad kind ${f.kind}`);
    if (!CHANGES.includes(f.change)) problems.push(`${at}: bad change ${f.change}`);
    // a change has a direction; so may a rank of a change (增长4.2%、位居全国第九: docs/figures.md)
    if ((f.kind === 'change') !== (f.change !== null) && !(f.kind === 'rank' && f.change !== null)) problems.push(`${at}: kind change and a change direction go together`);
    if (!MODALITIES.includes(f.modality)) problems.push(`${at}: bad modality ${f.modality}`);
    if (f.period !== null && !PERIOD.test(String(f.period))) problems.push(`${at}: bad period ${f.period}`);
    const labels = Array.isArray(f.label) ? f.label : [f.label];
    if (labels.length === 0 || labels.some((l) => typeof l !== 'string' || l.trim() === '')) problems.push(`${at}: empty label`);
    if (f.unit !== null && typeof f.unit !== 'string') problems.push(`${at}: unit must be a string or null`);
    if (f.placeholder) {
      if (f.value !== null || f.interval !== null) problems.push(`${at}: a placeholder has no value and no interval`);
      continue;
    }
    if (typeof f.value !== 'number' || !Number.isFinite(f.value)) {
      problems.push(`${at}: value must be a finite number`);
      continue;
    }
    if (!Array.isArray(f.interval) || f.interval.length !== 2 || !Array.isArray(f.closed) || f.closed.length !== 2) {
      problems.push(`${at}: interval and closed must be pairs`);
      continue;
    }
    const [lo, hi] = f.interval;
    const [loClosed, hiClosed] = f.closed;
    if ([lo, hi].some((end) => end !== null && (typeof end !== 'number' || !Number.isFinite(end)))) problems.push(`${at}: interval ends must be numbers or null`);
    if (typeof loClosed !== 'boolean' || typeof hiClosed !== 'boolean') problems.push(`${at}: closed must be two booleans`);
    if ((lo === null && loClosed) || (hi === null && hiClosed)) problems.push(`${at}: an infinite end cannot be closed`);
    if (lo !== null && hi !== null && (lo > hi || (lo === hi && !(loClosed && hiClosed)))) problems.push(`${at}: interval [${lo}, ${hi}] is empty or reversed`);
    if ((lo !== null && f.value < lo) || (hi !== null && f.value > hi)) problems.push(`${at}: value ${f.value} lies outside [${lo}, ${hi}]`);
  }

  for (const n of gold.not_figures ?? []) {
    const at = where(n);
    if (!docs.has(n.path)) problems.push(`not_figure ${at}: path has no entry in documents`);
    if (typeof n.why !== 'string' || n.why.trim() === '') problems.push(`not_figure ${at}: say why`);
    const span = spanOf(n);
    if (!span) {
      problems.push(`not_figure ${at}: raw does not occur on that line`);
      continue;
    }
    for (const { entry, span: s } of figureSpans) {
      if (entry.path === n.path && entry.line === n.line && s.column < span.endColumn && span.column < s.endColumn) {
        problems.push(`not_figure ${at} overlaps the gold figure ${where(entry)}`);
      }
    }
  }

  const corpus = gold.documents.filter((d) => d.path.startsWith('tests/fixtures/'));
  const usedCorpus = corpus.filter((d) => gold.figures.some((f) => f.path === d.path));
  if (gold.figures.length < 170) problems.push(`only ${gold.figures.length} gold figures (at least 170 wanted)`);
  if (gold.not_figures.length < 15) problems.push(`only ${gold.not_figures.length} not_figures (at least 15 wanted)`);
  if (usedCorpus.length < 3) problems.push(`figures from only ${usedCorpus.length} corpus documents (at least 3 wanted)`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Matching and scoring

interface Match {
  gold: GoldFigure;
  figure: Figure | null;
  /** How the extracted figure was found: same raw at the same column, same raw by order, or overlap. */
  how: 'exact' | 'raw' | 'overlap' | 'none';
  diffs: { field: string; gold: string; extracted: string }[];
}

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
const show = (v: unknown) => (v === null || v === undefined ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));

function showInterval(lo: number | null, hi: number | null, loClosed: boolean, hiClosed: boolean): string {
  return `${lo !== null && loClosed ? '[' : '('}${lo ?? '-∞'}, ${hi ?? '∞'}${hi !== null && hiClosed ? ']' : ')'}`;
}

/** The fields that make a figure "fully right", compared; raw and qualifier are reported but not scored. */
function compare(g: GoldFigure, f: Figure): Match['diffs'] {
  const diffs: Match['diffs'] = [];
  const differ = (field: string, goldValue: unknown, extracted: unknown) => diffs.push({ field, gold: show(goldValue), extracted: show(extracted) });

  const valueOk = g.value === null || f.value === null ? g.value === f.value : close(g.value, f.value);
  if (!valueOk) differ('value', g.value, f.value);
  if ((g.unit ?? null) !== (f.unit ?? null)) differ('unit', g.unit, f.unit);

  const goldIv = g.interval && g.closed ? { lo: g.interval[0], hi: g.interval[1], loClosed: g.closed[0], hiClosed: g.closed[1] } : null;
  const iv = f.interval;
  let intervalOk = goldIv === null || iv === null ? goldIv === iv : true;
  if (goldIv && iv) {
    const endOk = (a: number | null, b: number | null) => (a === null || b === null ? a === b : close(a, b));
    intervalOk =
      endOk(goldIv.lo, iv.lo) &&
      endOk(goldIv.hi, iv.hi) &&
      // An infinite end has no closedness to compare.
      (goldIv.lo === null || goldIv.loClosed === iv.loClosed) &&
      (goldIv.hi === null || goldIv.hiClosed === iv.hiClosed);
  }
  if (!intervalOk) {
    differ(
      'interval',
      goldIv ? showInterval(goldIv.lo, goldIv.hi, goldIv.loClosed, goldIv.hiClosed) : null,
      iv ? showInterval(iv.lo, iv.hi, iv.loClosed, iv.hiClosed) : null,
    );
  }
  if (g.kind !== f.kind) differ('kind', g.kind, f.kind);
  if ((g.change ?? null) !== (f.change ?? null)) differ('change', g.change, f.change);
  const labels = Array.isArray(g.label) ? g.label : [g.label];
  if (!labels.includes(f.label)) differ('label', labels.join(' | '), f.label);
  if ((g.period ?? null) !== (f.period ?? null)) differ('period', g.period, f.period);
  if (g.modality !== f.modality) differ('modality', g.modality, f.modality);
  return diffs;
}

/** Pairs each gold figure of one document with at most one extracted figure on the same line. */
function matchDocument(golds: GoldFigure[], figures: Figure[]): Match[] {
  const byLine = new Map<number, Figure[]>();
  for (const f of figures) {
    const list = byLine.get(f.location.line) ?? [];
    list.push(f);
    byLine.set(f.location.line, list);
  }
  for (const list of byLine.values()) list.sort((a, b) => a.location.column - b.location.column);
  const used = new Set<Figure>();
  const found = new Map<GoldFigure, { figure: Figure; how: Match['how'] }>();
  const take = (g: GoldFigure, figure: Figure | undefined, how: Match['how']) => {
    if (!figure || used.has(figure) || found.has(g)) return;
    used.add(figure);
    found.set(g, { figure, how });
  };
  // Three passes, most certain first, so a looser pass never steals another gold figure's exact match.
  for (const g of golds) {
    const span = spanOf(g);
    take(g, byLine.get(g.line)?.find((f) => f.raw === g.raw && span !== null && f.location.column === span.column), 'exact');
  }
  for (const g of golds) {
    const sameRaw = (byLine.get(g.line) ?? []).filter((f) => f.raw === g.raw);
    take(g, sameRaw[(g.occurrence ?? 1) - 1], 'raw');
  }
  for (const g of golds) {
    const span = spanOf(g);
    if (!span || found.has(g)) continue;
    let best: Figure | undefined;
    let bestOverlap = 0;
    for (const f of byLine.get(g.line) ?? []) {
      if (used.has(f) || f.location.endLine !== f.location.line) continue;
      const overlap = Math.min(span.endColumn, f.location.endColumn) - Math.max(span.column, f.location.column);
      if (overlap > bestOverlap) [best, bestOverlap] = [f, overlap];
    }
    take(g, best, 'overlap');
  }
  return golds.map((g) => {
    const hit = found.get(g);
    return hit ? { gold: g, figure: hit.figure, how: hit.how, diffs: compare(g, hit.figure) } : { gold: g, figure: null, how: 'none', diffs: [] };
  });
}

interface Extraction {
  matches: Match[];
  /** Extracted figures that overlap a not_figures entry. */
  falseFigures: { entry: NotFigure; figure: Figure }[];
}

let extraction: Promise<Extraction> | undefined;
/** Reads and extracts every gold document once for both extractor tests. */
function extractAll(): Promise<Extraction> {
  extraction ??= (async () => {
    // Imported here rather than at the top so the gold-file check runs even when the pipeline does not load.
    const { readDocument } = await import('../src/index.js');
    const { extractFigures } = await import('../src/extract/index.js');
    const matches: Match[] = [];
    const falseFigures: Extraction['falseFigures'] = [];
    for (const doc of gold.documents) {
      const document = await readDocument(resolve(REPO, doc.path), { id: doc.id, period: doc.period, status: doc.status });
      const figures = await extractFigures(document);
      matches.push(...matchDocument(gold.figures.filter((f) => f.path === doc.path), figures));
      for (const entry of gold.not_figures.filter((n) => n.path === doc.path)) {
        const span = spanOf(entry);
        if (!span) continue;
        for (const figure of figures) {
          const { line, endLine, column, endColumn } = figure.location;
          const startsBefore = line < entry.line || (line === entry.line && column < span.endColumn);
          const endsAfter = endLine > entry.line || (endLine === entry.line && endColumn > span.column);
          if (startsBefore && endsAfter) falseFigures.push({ entry, figure });
        }
      }
    }
    return { matches, falseFigures };
  })();
  return extraction;
}

function pad(text: string, width: number): string {
  // CJK characters take two columns in a terminal.
  const w = [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, width - w));
}

/** The misses as a readable table: each gold figure that is not fully right, then its differing fields. */
function missTable(misses: Match[]): string {
  const out: string[] = [];
  for (const m of misses) {
    if (!m.figure) {
      out.push(`✗ ${where(m.gold)}  NOT EXTRACTED  (gold: ${show(m.gold.label)}, ${m.gold.kind}, ${m.gold.period}, ${m.gold.modality})`);
      continue;
    }
    const how = m.how === 'overlap' ? `  [matched by overlap: extracted raw "${m.figure.raw}"]` : '';
    out.push(`✗ ${where(m.gold)}${how}`);
    out.push(`    ${pad('field', 10)}${pad('gold', 34)}extracted`);
    for (const d of m.diffs) out.push(`    ${pad(d.field, 10)}${pad(d.gold, 34)}${d.extracted}`);
    if ((m.gold.qualifier ?? null) !== (m.figure.qualifier ?? null)) out.push(`    ${pad('qualifier', 10)}${pad(show(m.gold.qualifier), 34)}${show(m.figure.qualifier)}  (not scored)`);
  }
  return out.join('\n');
}

describe('gold figures', () => {
  it('the gold file is consistent with the raw texts (every raw on its line, documents exist, intervals ordered, fields present)', () => {
    const problems = goldFileProblems();
    if (problems.length > 0) console.log(`Gold file problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    expect(problems).toEqual([]);
  });

  it(`the extractor gets at least ${REQUIRED_SCORE * 100}% of the gold figures fully right`, async () => {
    const { matches } = await extractAll();
    const right = matches.filter((m) => m.figure && m.diffs.length === 0);
    const misses = matches.filter((m) => !m.figure || m.diffs.length > 0);
    const score = right.length / matches.length;

    const byField = new Map<string, number>();
    for (const m of misses) for (const key of m.figure ? m.diffs.map((d) => d.field) : ['not extracted']) byField.set(key, (byField.get(key) ?? 0) + 1);
    const byDocument = gold.documents.map((d) => {
      const mine = matches.filter((m) => m.gold.path === d.path);
      return `  ${pad(d.id, 22)}${mine.filter((m) => m.figure && m.diffs.length === 0).length}/${mine.length}`;
    });
    console.log(
      [
        `Gold figures fully right: ${right.length}/${matches.length} = ${(score * 100).toFixed(1)}% (required ${REQUIRED_SCORE * 100}%)`,
        ...byDocument,
        misses.length > 0 ? `Misses by field: ${[...byField].map(([k, n]) => `${k} ${n}`).join(', ')}` : '',
        misses.length > 0 ? missTable(misses) : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
    expect(score).toBeGreaterThanOrEqual(REQUIRED_SCORE);
  });

  it('the extractor extracts none of the gold not_figures (years, dates, congress numbers, list markers, footnotes, hotlines…)', async () => {
    const { falseFigures } = await extractAll();
    if (falseFigures.length > 0) {
      console.log(
        `Extracted as figures but are not:\n${falseFigures
          .map(({ entry, figure }) => `  ✗ ${where(entry)} (${entry.why}) ← extracted "${figure.raw}" at column ${figure.location.column}`)
          .join('\n')}`,
      );
    }
    expect(falseFigures.map(({ entry, figure }) => `${where(entry)} ← "${figure.raw}"`)).toEqual([]);
  });
});
