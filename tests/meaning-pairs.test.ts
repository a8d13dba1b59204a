/**
 * Issue 9 §5: figcheck's understanding of meaning, measured on the labelled pairs of the national-history
 * set (tests/meaning/pairs.yaml, read from the text), in auto mode and with a figcheck.yaml of ids and
 * statuses only. Where today's code falls short of the issue's targets, the assertion is a ratchet at
 * today's measured value with the target beside it: the lead raises them as the meaning work lands.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../src/index.js';
import type { CheckRun, Document, Figure } from '../src/model.js';
import {
  commonReasons,
  formatMisses,
  formatScore,
  loadPairs,
  percent,
  scoreMeaning,
  type LabelledFigure,
  type LabelledPair,
  type MeaningScore,
} from './meaning/score.js';

const root = resolve(import.meta.dirname, '..');
const FIXTURES = resolve(root, 'tests/fixtures/national-history');
const pairs = loadPairs(resolve(root, 'tests/meaning/pairs.yaml'));
/** The 20 documents (the folder also holds its README and figcheck.yaml). */
const DOCUMENTS = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map((f) => resolve(FIXTURES, f));

describe('the labelled pairs', () => {
  it('hold the issue\'s kinds in both splits, every figure on its line as written', () => {
    const count = (kind: LabelledPair['kind']) => pairs.filter((p) => p.kind === kind).length;
    // The 20 documents hold 38 target/outcome pairs whose outcome is stated (issue 9 asks 80: see pairs.yaml).
    expect(count('target-outcome')).toBeGreaterThanOrEqual(38);
    expect(count('same-fact')).toBeGreaterThanOrEqual(30);
    expect(count('look-alike')).toBeGreaterThanOrEqual(40);
    const holdout = pairs.filter((p) => p.split === 'holdout').length / pairs.length;
    expect(holdout).toBeGreaterThan(0.3);
    // Labels read from the text: each raw stands at its line and column of the original file.
    const lines = new Map<string, string[]>();
    for (const figure of pairs.flatMap((p) => [p.a, p.b])) {
      if (!lines.has(figure.doc)) lines.set(figure.doc, readFileSync(resolve(FIXTURES, `${figure.doc}.txt`), 'utf8').split('\n'));
      const line = lines.get(figure.doc)![figure.line - 1] ?? '';
      expect(line.slice(figure.column - 1, figure.column - 1 + figure.raw.length), `${figure.doc}:${figure.line}`).toBe(figure.raw);
    }
  });
});

for (const mode of ['auto', 'config'] as const) {
  describe(`meaning on the labelled pairs, ${mode === 'auto' ? 'auto mode (no config)' : 'figcheck.yaml of ids and statuses'}`, () => {
    let run: CheckRun;
    let score: MeaningScore;
    beforeAll(async () => {
      run =
        mode === 'auto'
          ? await check(DOCUMENTS, { config: false, cwd: root })
          : await check([], { config: resolve(FIXTURES, 'figcheck.yaml'), cwd: root });
      score = scoreMeaning(run, pairs);
      console.log(`${formatScore(score, `meaning, ${mode}`)}\n  most common reasons: ${commonReasons(score).map((r) => `${r.reason} ${r.count}`).join(' · ')}`);
      if (mode === 'auto') console.log(`misses:\n${formatMisses(score)}`);
    });

    it('reads every document with the ids the labels use', () => {
      expect(run.documents).toHaveLength(20);
      const ids = new Set(run.documents.map((d) => d.id));
      for (const id of new Set(pairs.flatMap((p) => [p.a.doc, p.b.doc]))) expect(ids.has(id), id).toBe(true);
    });

    it('finds the labelled figures', () => {
      // target 0 (issue 9): today the 1998 report's spaced digits (`8 ．8 ％`), ranges in Chinese numerals
      // (`百分之八至九`), `千分之…`, `14·1％` and `1.5 亿` are not read as written.
      expect(score.notFound.length).toBeLessThanOrEqual(30);
    });

    it('never compares look-alike pairs', () => {
      // target 0 (issue 9)
      expect(score.splits.dev.lookAlikesCompared).toBeLessThanOrEqual(1);
      expect(score.splits.holdout.lookAlikesCompared).toBeLessThanOrEqual(5);
    });

    it('never reports a consistent pair as an error or warning', () => {
      expect(score.splits.dev.consistentReported).toBe(0);
      expect(score.splits.holdout.consistentReported).toBe(0);
    });

    it('gives the labelled figures their period and modality', () => {
      // target 95 (issue 9) on both splits
      // (the meaning stage, src/meaning: dev is held down by the 29 figures not found, 23 of them the 1998
      // report's spaced digits; of the dev figures found, 58/64 periods and 63/64 modalities are right)
      expect(percent(score.splits.dev.period)).toBeGreaterThanOrEqual(61);
      expect(percent(score.splits.holdout.period)).toBeGreaterThanOrEqual(81);
      // target 95 (issue 9) on both splits
      expect(percent(score.splits.dev.modality)).toBeGreaterThanOrEqual(67);
      expect(percent(score.splits.holdout.modality)).toBeGreaterThanOrEqual(93);
    });

    it('aligns and judges the comparable pairs, saying why for each it does not', () => {
      for (const split of ['dev', 'holdout'] as const) {
        const s = score.splits[split];
        // target 80% (issue 9); today no comparable pair is aligned and judged right, so no floor above 0
        // yet: what is asserted is that every pair not right is explained.
        const explained = new Set(
          score.misses.filter((m) => m.split === split && !m.subject.startsWith('figure ') && m.reason !== 'consistent pair reported' && m.reason !== 'look-alike compared').map((m) => m.subject),
        );
        expect(explained.size, split).toBe(s.comparable.total - s.comparable.right);
      }
    });
  });
}

/** A hand-made run and pairs: the scorer counts right answers as right, and wrong ones with their reason. */
describe('the scorer', () => {
  const doc = (id: string) => ({ id, path: `${id}.txt` }) as Document;
  const figure = (document: string, line: number, column: number, raw: string, period: string | null, modality: Figure['modality']): Figure =>
    ({
      document,
      raw,
      period,
      modality,
      label: 'x',
      location: { path: `${document}.txt`, line, column, endLine: line, endColumn: column + raw.length },
    }) as Figure;
  const label = (d: string, line: number, column: number, raw: string, period: string, modality: LabelledFigure['modality']): LabelledFigure => ({
    doc: d,
    line,
    column,
    raw,
    period,
    modality,
    metric: 'm',
  });
  const target = figure('r2005', 3, 5, '8%左右', '2005', 'target');
  const outcome = figure('r2006', 2, 9, '9.9%', '2005', 'actual');
  const first = figure('r2005', 7, 1, '7703元', '2002', 'actual');
  const second = figure('r2006', 9, 4, '7703元', '2002', 'actual');
  const average = figure('r2006', 4, 1, '9.5%', '2005', 'actual');
  const spaced = figure('r2006', 5, 1, '8.8%', '2004', 'actual');
  const run = {
    documents: [doc('r2005'), doc('r2006')],
    figures: [target, outcome, first, second, average, spaced],
    targets: [{ metric: 'gdp', name: 'gdp', target, actual: outcome, outcome: 'met' }],
    comparisons: [
      { metric: 'inc', name: 'inc', auto: true, period: '2002', statements: [first, second], verdict: 'consistent' },
      { metric: 'gdp', name: 'gdp', auto: true, period: '2005', statements: [outcome, average], verdict: 'mismatch' },
    ],
    findings: [{ fingerprint: 'f', rule: 'figure-mismatch', severity: 'warning', message: '', metric: null, locations: [outcome.location, average.location] }],
    coverage: [],
    warnings: [],
  } as unknown as CheckRun;
  const pair = (id: string, kind: LabelledPair['kind'], a: LabelledFigure, b: LabelledFigure, expect?: LabelledPair['expect']): LabelledPair => ({
    id,
    kind,
    split: 'dev',
    expect,
    a,
    b,
  });
  const L = {
    target: label('r2005', 3, 5, '8%左右', '2005', 'target'),
    outcome: label('r2006', 2, 9, '9.9%', '2005', 'actual'),
    first: label('r2005', 7, 1, '7703元', '2002', 'actual'),
    second: label('r2006', 9, 4, '7703元', '2002', 'actual'),
    average: label('r2006', 4, 1, '9.5%', '2001/2005', 'actual'),
    spaced: label('r2006', 5, 1, '8 ．8 ％', '2004', 'actual'),
    missing: label('r2006', 6, 1, '1 1 ％', '2004', 'actual'),
  };

  it('scores right answers as right and wrong ones as misses with reasons', () => {
    const s = scoreMeaning(run, [
      pair('to', 'target-outcome', L.target, L.outcome, 'met'),
      pair('to-wrong', 'target-outcome', L.target, L.outcome, 'missed'),
      pair('sf', 'same-fact', L.first, L.second, 'consistent'),
      pair('la', 'look-alike', L.outcome, L.average),
      pair('la-spaced', 'look-alike', L.spaced, L.missing),
    ]);
    const dev = s.splits.dev;
    expect(dev.found).toBe(6);
    expect(s.notFound.map((f) => f.raw)).toEqual(['1 1 ％']);
    expect(dev.period).toEqual({ right: 5, total: 7 });
    expect(dev.modality).toEqual({ right: 6, total: 7 });
    expect(dev.targetOutcome).toEqual({ right: 1, total: 2 });
    expect(dev.sameFact).toEqual({ right: 1, total: 1 });
    expect(dev.lookAlikesCompared).toBe(1);
    expect(s.misses.map((m) => `${m.subject}: ${m.reason}`)).toEqual(
      expect.arrayContaining(['to-wrong: outcome wrong', 'la: look-alike compared', 'figure r2006:4 9.5%: span read as one period', 'figure r2006:6 1 1 ％: figure not found']),
    );
  });

  it('counts a consistent pair named by a warning as reported, and not as right', () => {
    const s = scoreMeaning(run, [pair('sf-reported', 'same-fact', L.outcome, { ...L.average, period: '2005' }, 'consistent')]);
    expect(s.splits.dev.consistentReported).toBe(1);
    expect(s.splits.dev.sameFact.right).toBe(0);
  });
});
