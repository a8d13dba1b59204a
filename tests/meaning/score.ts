/**
 * Scores a CheckRun against the labelled pairs of tests/meaning/pairs.yaml (issue 9 §5): whether each
 * labelled figure got the period and modality a reader gives it, whether target/outcome and same-fact
 * pairs are aligned and judged as a reader judges them, and whether look-alike pairs stay apart.
 * Shared by tests/meaning-pairs.test.ts and the bench, so both report the same numbers; every miss
 * carries a reason, for the developers of src/meaning to read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { CheckRun, Figure, Location, Modality } from '../../src/model.js';

/**
 * dev: national-history documents developers tune on; holdout: national-history documents they never read;
 * unseen: documents of other years (tests/fixtures/national/), what figcheck is judged on; fresh: work reports
 * of 2016-2021 nobody tunes on; prov-dev and prov-fresh: provincial work reports of 2025 and 2026, another genre
 * (tests/fixtures/provinces/dev and fresh), the first tuned on, the second only measured; era-dev and
 * era-fresh: State Council work reports of another era (tests/fixtures/national-1978-1988), those of 1978-1983
 * tuned on, those of 1984-1988 only measured; early-fresh: the reports of 1954-1960, only measured; prov-dev2:
 * the last ten regions' provincial reports (tests/fixtures/provinces/dev2), measured untouched once, then tuned on;
 * city-fresh: a district's work reports of eight consecutive years (tests/fixtures/cities), and fiscal-fresh: cities'
 * statistical communiqués and budget reports (tests/fixtures/communiques, tests/fixtures/budgets), other tiers and
 * genres, only measured; fiscal-dev: other cities' communiqués and budget reports (tests/fixtures/fiscal-dev), tuned on.
 */
export type Split = 'dev' | 'holdout' | 'unseen' | 'fresh' | 'prov-dev' | 'prov-fresh' | 'prov-dev2' | 'era-dev' | 'era-fresh' | 'early-fresh' | 'city-fresh' | 'fiscal-fresh' | 'fiscal-dev' | 'early-dev' | 'fiscal-fresh2' | 'comm-fresh' | 'fiscal-dev2';
export type PairKind = 'target-outcome' | 'same-fact' | 'look-alike';
export type Expectation = 'met' | 'missed' | 'indeterminate' | 'consistent' | 'mismatch';

export interface LabelledFigure {
  /** File stem: figcheck's document id in auto mode and in the figcheck.yaml of ids and statuses. */
  doc: string;
  line: number;
  /** 1-based UTF-16 column where `raw` starts in the original line. */
  column: number;
  raw: string;
  period: string;
  modality: Modality;
  /** For people only. */
  metric: string;
}

export interface LabelledPair {
  id: string;
  kind: PairKind;
  split: Split;
  /** target-outcome: met | missed | indeterminate; same-fact: consistent | mismatch; none for look-alikes. */
  expect?: Expectation;
  /** target-outcome: a is the target, b the outcome. */
  a: LabelledFigure;
  b: LabelledFigure;
  note?: string;
}

export interface Miss {
  split: Split;
  /** Pair id, or `figure doc:line raw` for a figure's own period/modality. */
  subject: string;
  /** A short stable reason, grouped in the summary (e.g. `period null`, `not aligned`). */
  reason: string;
  detail: string;
}

export interface Ratio {
  right: number;
  total: number;
}

export interface SplitScore {
  pairs: Record<PairKind, number>;
  figures: number;
  /** Labelled figures found in run.figures. */
  found: number;
  period: Ratio;
  modality: Ratio;
  /** target/outcome and same-fact pairs aligned and judged right. */
  comparable: Ratio;
  targetOutcome: Ratio;
  sameFact: Ratio;
  /** Look-alike pairs compared (one comparison, one target/outcome pair or one finding): must be 0. */
  lookAlikesCompared: number;
  /** Consistent same-fact pairs reported by an error or warning finding: must be 0. */
  consistentReported: number;
}

export interface MeaningScore {
  splits: Record<Split, SplitScore>;
  /** Labelled figures that run.figures does not contain (each once). */
  notFound: LabelledFigure[];
  misses: Miss[];
}

export const SPLITS: Split[] = ['dev', 'holdout', 'unseen', 'fresh', 'prov-dev', 'prov-fresh', 'prov-dev2', 'era-dev', 'era-fresh', 'early-fresh', 'city-fresh', 'fiscal-fresh', 'fiscal-dev', 'early-dev', 'fiscal-fresh2', 'comm-fresh', 'fiscal-dev2'];

/**
 * The folders of labelled documents under tests/fixtures, each checked as one run (a user's collection): the
 * test and the bench score the same runs.
 */
export const LABELLED_FOLDERS = ['national-history', 'national', 'national-2009-2021', 'provinces/dev', 'provinces/fresh', 'provinces/dev2', 'national-1978-1988', 'national-1954-1960', 'cities', 'communiques', 'budgets', 'fiscal-dev', 'national-1964-1977', 'fiscal-fresh2', 'national-communiques', 'city-communiques', 'fiscal-dev2'];

/**
 * The labelled sets, in the order they are scored: pairs.yaml (national-history dev/holdout and the
 * unseen national documents of 2022-2025), pairs-2009-2015.yaml (dev: work reports of 2009-2015) and
 * pairs-2016-2021.yaml (fresh: work reports of 2016-2021, labelled by a reader who never tuned figcheck;
 * nobody tunes on it and the test prints no detail of its misses), and the provincial reports of 2025
 * (tests/fixtures/provinces/): pairs-provinces-dev.yaml (prov-dev) and pairs-provinces-fresh.yaml
 * (prov-fresh, labelled like fresh and never read while tuning), and of a region's 2025 report against its
 * 2026 report: pairs-provinces-2026-dev.yaml (prov-dev) and pairs-provinces-2026-fresh.yaml (prov-fresh); of the work reports of 1978-1988
 * (tests/fixtures/national-1978-1988/): pairs-1978-1983.yaml (era-dev) and pairs-1984-1988.yaml (era-fresh, never
 * read while tuning); of the work reports of 1954-1960 (tests/fixtures/national-1954-1960/): pairs-1954-1960.yaml
 * (early-fresh, never read while tuning); the last ten regions' reports of 2025 and 2026 (tests/fixtures/provinces/dev2/):
 * pairs-provinces-dev2.yaml and pairs-provinces-2026-dev2.yaml (prov-dev2, measured once untouched, then tuned on);
 * pairs-congress.yaml (four CPC congress reports with the work reports beside them: dev, era-dev, fresh, era-fresh as
 * their documents say); pairs-cities.yaml (city-fresh) and pairs-fiscal.yaml (fiscal-fresh), never read while tuning;
 * pairs-1989-1996.yaml (dev: the reports of 1989-1991 and 1996 with the reports of 1992, 1995 and 1997 beside them);
 * pairs-fiscal-dev.yaml (fiscal-dev, tuned on); pairs-1964-1977.yaml (early-dev, tuned on: the work reports of 1964 and 1975
 * and the congress reports of 1969-1977, tests/fixtures/national-1964-1977/); pairs-fiscal-fresh2.yaml (fiscal-fresh2,
 * measured only: Xi'an's communiqué and budget report, and three other cities' budget reports, tests/fixtures/fiscal-fresh2/);
 * pairs-communiques.yaml (comm-fresh, measured only: the national statistical communiqué on 2025 with the work reports of
 * 2025 and 2021, tests/fixtures/national-communiques/; pairs-city-communiques.yaml, six more cities' communiqués of 2025,
 * tests/fixtures/city-communiques/, each its own run); pairs-fiscal-dev2.yaml (fiscal-dev2, tuned on: six more cities' budget
 * reports on 2025, tests/fixtures/fiscal-dev2/).
 * A file that is missing is skipped.
 */
export const PAIR_FILES = ['pairs.yaml', 'pairs-2009-2015.yaml', 'pairs-2016-2021.yaml', 'pairs-provinces-dev.yaml', 'pairs-provinces-fresh.yaml', 'pairs-provinces-2026-dev.yaml', 'pairs-provinces-2026-fresh.yaml', 'pairs-1978-1983.yaml', 'pairs-1984-1988.yaml', 'pairs-1954-1960.yaml', 'pairs-provinces-dev2.yaml', 'pairs-provinces-2026-dev2.yaml', 'pairs-congress.yaml', 'pairs-cities.yaml', 'pairs-fiscal.yaml', 'pairs-1989-1996.yaml', 'pairs-fiscal-dev.yaml', 'pairs-1964-1977.yaml', 'pairs-fiscal-fresh2.yaml', 'pairs-communiques.yaml', 'pairs-city-communiques.yaml', 'pairs-fiscal-dev2.yaml'];

/** Every labelled pair of the folder's files (tests/meaning), ids unique across the files. */
export function loadAllPairs(folder: string): LabelledPair[] {
  const pairs = PAIR_FILES.map((name) => resolve(folder, name)).filter((path) => existsSync(path)).flatMap((path) => loadPairs(path));
  const ids = new Set<string>();
  for (const pair of pairs) {
    if (ids.has(pair.id)) throw new Error(`pair id "${pair.id}" is used in two files`);
    ids.add(pair.id);
  }
  return pairs;
}

/** Reads and checks tests/meaning/pairs.yaml (or another file of the same shape). */
export function loadPairs(path: string): LabelledPair[] {
  const data = parse(readFileSync(path, 'utf8')) as { pairs?: unknown };
  if (!data || !Array.isArray(data.pairs ?? [])) throw new Error(`${path}: no "pairs" list`);
  if (!data.pairs) return [];
  const pairs = data.pairs as LabelledPair[];
  const ids = new Set<string>();
  for (const pair of pairs) {
    if (ids.has(pair.id)) throw new Error(`${path}: pair id "${pair.id}" is used twice`);
    ids.add(pair.id);
    if (!['target-outcome', 'same-fact', 'look-alike'].includes(pair.kind)) throw new Error(`${path}: ${pair.id}: unknown kind ${pair.kind}`);
    if (!SPLITS.includes(pair.split)) throw new Error(`${path}: ${pair.id}: unknown split ${pair.split}`);
    if (pair.kind !== 'look-alike' && !pair.expect) throw new Error(`${path}: ${pair.id}: no expect`);
    for (const figure of [pair.a, pair.b]) {
      if (!figure?.doc || !figure.line || !figure.column || !figure.raw || !figure.period || !figure.modality)
        throw new Error(`${path}: ${pair.id}: a figure lacks doc, line, column, raw, period or modality`);
    }
  }
  return pairs;
}

/** Full-width to half-width and no whitespace: `8 ．8 ％` and `8.8%` are one spelling. */
function normalizeRaw(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '');
}

/** The number-bearing characters of a raw figure, to tell `5%` (cut out of `19·5%`) from `19·5%`. */
function digitsOf(raw: string): string {
  return normalizeRaw(raw).replace(/[百千]分之/g, '').replace(/[^0-9.·零〇一二三四五六七八九十百千万亿两点]/g, '');
}

function keyOf(figure: Figure): string {
  return `${figure.document}\u0000${figure.location.line}\u0000${figure.location.column}`;
}

function labelKey(figure: LabelledFigure): string {
  return `${figure.doc}:${figure.line}:${figure.column}:${figure.raw}`;
}

function show(figure: LabelledFigure): string {
  return `${figure.doc.replace(/_gwr_state_council|_report/, '')}:${figure.line} ${figure.raw}`;
}

/**
 * Finds the figure figcheck extracted for a labelled one: same document and line, overlapping span, same
 * number; `nearby` gives the figures that overlap it whatever they read, to say how a figure was misread.
 */
function locator(run: CheckRun): { find: (label: LabelledFigure) => Figure | undefined; nearby: (label: LabelledFigure) => Figure[] } {
  const byLine = new Map<string, Figure[]>();
  for (const figure of run.figures) {
    const key = `${figure.document}\u0000${figure.location.line}`;
    const list = byLine.get(key);
    if (list) list.push(figure);
    else byLine.set(key, [figure]);
  }
  const nearby = (label: LabelledFigure): Figure[] => {
    const end = label.column + label.raw.length;
    return (byLine.get(`${label.doc}\u0000${label.line}`) ?? []).filter((f) => f.location.column < end && f.location.endColumn > label.column);
  };
  const find = (label: LabelledFigure): Figure | undefined => {
    const raw = normalizeRaw(label.raw);
    const overlapping = nearby(label);
    return (
      overlapping.find((f) => normalizeRaw(f.raw) === raw) ??
      overlapping.find((f) => {
        const got = normalizeRaw(f.raw);
        return (got.includes(raw) || raw.includes(got)) && digitsOf(got) === digitsOf(raw);
      })
    );
  };
  return { find, nearby };
}

function sameLocation(location: Location, figure: Figure, pathOf: Map<string, string>): boolean {
  return (
    location.path === pathOf.get(figure.document) &&
    location.line === figure.location.line &&
    location.column < figure.location.endColumn &&
    (location.line !== location.endLine || location.endColumn > figure.location.column)
  );
}

function ratio(right: number, total: number): Ratio {
  return { right, total };
}

export function percent(r: Ratio): number {
  return r.total ? (100 * r.right) / r.total : 100;
}

/**
 * One run out of several (the national-history set and the unseen set are checked apart, as a user checks
 * one collection at a time): figures, pairings, comparisons and findings side by side. Document ids differ
 * between the runs (file stems), so nothing of one run is taken for the other's.
 */
function joinRuns(runs: CheckRun[]): CheckRun {
  if (runs.length === 1) return runs[0]!;
  return {
    ...runs[0]!,
    documents: runs.flatMap((r) => r.documents),
    figures: runs.flatMap((r) => r.figures),
    targets: runs.flatMap((r) => r.targets),
    comparisons: runs.flatMap((r) => r.comparisons),
    findings: runs.flatMap((r) => r.findings),
  };
}

/** Scores one run, or the runs that together hold the labelled documents, against the labelled pairs. */
export function scoreMeaning(runs: CheckRun | CheckRun[], pairs: LabelledPair[]): MeaningScore {
  const run = joinRuns(Array.isArray(runs) ? runs : [runs]);
  const { find, nearby } = locator(run);
  const pathOf = new Map(run.documents.map((d) => [d.id, d.path]));
  const misses: Miss[] = [];
  const notFound = new Map<string, LabelledFigure>();
  const resolved = new Map<string, Figure | undefined>();
  const resolve = (label: LabelledFigure): Figure | undefined => {
    const key = labelKey(label);
    if (!resolved.has(key)) {
      const figure = find(label);
      resolved.set(key, figure);
      if (!figure) notFound.set(key, label);
    }
    return resolved.get(key);
  };

  // What the run put together, keyed by figure.
  const comparisonsOf = new Map<string, number[]>();
  run.comparisons.forEach((comparison, index) => {
    for (const statement of comparison.statements) {
      const key = keyOf(statement);
      const list = comparisonsOf.get(key);
      if (list) list.push(index);
      else comparisonsOf.set(key, [index]);
    }
  });
  const pairedTargets = new Map<string, typeof run.targets>();
  for (const outcome of run.targets) {
    for (const figure of [outcome.target, outcome.actual]) {
      const key = keyOf(figure);
      const list = pairedTargets.get(key);
      if (list) list.push(outcome);
      else pairedTargets.set(key, [outcome]);
    }
  }
  const sharedComparisons = (a: Figure, b: Figure) => {
    const ofB = new Set(comparisonsOf.get(keyOf(b)) ?? []);
    return (comparisonsOf.get(keyOf(a)) ?? []).filter((i) => ofB.has(i)).map((i) => run.comparisons[i]!);
  };
  const sharedTargets = (a: Figure, b: Figure) =>
    (pairedTargets.get(keyOf(a)) ?? []).filter((t) => keyOf(t.target) === keyOf(b) || keyOf(t.actual) === keyOf(b));
  const findingsNaming = (a: Figure, b: Figure, severities: string[]) =>
    run.findings.filter(
      (f) =>
        severities.includes(f.severity) &&
        f.locations.some((l) => sameLocation(l, a, pathOf)) &&
        f.locations.some((l) => sameLocation(l, b, pathOf)),
    );

  const splits = {} as Record<Split, SplitScore>;
  for (const split of SPLITS) {
    const mine = pairs.filter((p) => p.split === split);
    const miss = (subject: string, reason: string, detail: string) => misses.push({ split, subject, reason, detail });

    // (a) each labelled figure once per split
    const figures = new Map<string, LabelledFigure>();
    for (const pair of mine) for (const label of [pair.a, pair.b]) figures.set(labelKey(label), label);
    let found = 0;
    let periodRight = 0;
    let modalityRight = 0;
    for (const label of figures.values()) {
      const figure = resolve(label);
      const subject = `figure ${show(label)}`;
      if (!figure) {
        const near = nearby(label).map((f) => f.raw);
        miss(
          subject,
          near.length ? 'figure read differently' : 'figure not found',
          near.length ? `extracted as ${near.join(' + ')}` : `nothing extracted at ${label.doc}:${label.line}:${label.column}`,
        );
        continue;
      }
      found++;
      if (figure.period === label.period) periodRight++;
      else {
        const kind = figure.period === null ? 'period null' : label.period.includes('/') && !figure.period.includes('/') ? 'span read as one period' : !label.period.includes('/') && figure.period.includes('/') ? 'one year read as a span' : 'period wrong year';
        miss(subject, kind, `period ${figure.period ?? 'null'}, expected ${label.period} (${label.metric})`);
      }
      if (figure.modality === label.modality) modalityRight++;
      else miss(subject, `${label.modality} read as ${figure.modality}`, `modality ${figure.modality}, expected ${label.modality} (${label.metric})`);
    }

    // (b)–(d) pairs
    let toRight = 0;
    let sfRight = 0;
    let lookAlikesCompared = 0;
    let consistentReported = 0;
    for (const pair of mine) {
      const a = resolve(pair.a);
      const b = resolve(pair.b);
      if (!a || !b) {
        if (pair.kind !== 'look-alike') miss(pair.id, 'pair figure not found', `${a ? '' : show(pair.a) + ' '}${b ? '' : show(pair.b)}`.trim() + ' not extracted');
        continue;
      }
      if (pair.kind === 'target-outcome') {
        const exact = (pairedTargets.get(keyOf(a)) ?? []).filter((t) => keyOf(t.target) === keyOf(a) && keyOf(t.actual) === keyOf(b));
        if (exact.some((t) => t.outcome === pair.expect)) toRight++;
        else if (exact.length) miss(pair.id, 'outcome wrong', `judged ${exact[0]!.outcome}, expected ${pair.expect} (${exact[0]!.target.raw} vs ${exact[0]!.actual.raw})`);
        else if (sharedTargets(a, b).length) miss(pair.id, 'target and actual swapped', `${show(pair.a)} paired as the actual of ${show(pair.b)}`);
        else {
          const ofTarget = (pairedTargets.get(keyOf(a)) ?? []).filter((t) => keyOf(t.target) === keyOf(a));
          const reason = ofTarget.length ? 'target paired with another actual' : a.modality !== 'target' ? 'target not read as a target' : a.period !== b.period ? 'target and outcome periods differ' : 'not aligned';
          const detail = ofTarget.length ? `paired with ${ofTarget[0]!.actual.document}:${ofTarget[0]!.actual.location.line} ${ofTarget[0]!.actual.raw}` : `target ${a.label}|${a.modality}|${a.period}, actual ${b.label}|${b.modality}|${b.period}`;
          miss(pair.id, reason, detail);
        }
      } else if (pair.kind === 'same-fact') {
        const together = sharedComparisons(a, b);
        // (one document stating one value twice is one reading of it, `312.9亿元` in its execution part and its review: a
        // mismatch with another document's value names both as one side, never the two against each other)
        const oneReading = a.document === b.document && normalizeRaw(a.raw) === normalizeRaw(b.raw);
        const reported = oneReading ? [] : findingsNaming(a, b, ['error', 'warning']);
        if (pair.expect === 'consistent' && reported.length) {
          consistentReported++;
          miss(pair.id, 'consistent pair reported', `${reported[0]!.rule} ${reported[0]!.severity}: ${reported[0]!.message}`);
        }
        if (together.some((c) => c.verdict === pair.expect)) {
          if (pair.expect !== 'consistent' || !reported.length) sfRight++;
        } else if (together.length) miss(pair.id, 'verdict wrong', `${together[0]!.verdict}, expected ${pair.expect} (${together[0]!.name})`);
        else {
          const reason = a.period !== b.period ? 'same fact, periods differ' : a.modality !== b.modality ? 'same fact, modalities differ' : a.label !== b.label ? 'same fact, labels differ' : 'not aligned';
          miss(pair.id, reason, `${a.label}|${a.modality}|${a.period} vs ${b.label}|${b.modality}|${b.period}`);
        }
      } else {
        const how = sharedComparisons(a, b).length
          ? `comparison ${sharedComparisons(a, b)[0]!.name}`
          : sharedTargets(a, b).length
            ? `target/outcome ${sharedTargets(a, b)[0]!.name}`
            : findingsNaming(a, b, ['error', 'warning', 'info']).length
              ? `finding ${findingsNaming(a, b, ['error', 'warning', 'info'])[0]!.rule}`
              : null;
        if (how) {
          lookAlikesCompared++;
          miss(pair.id, 'look-alike compared', how);
        }
      }
    }
    const count = (kind: PairKind) => mine.filter((p) => p.kind === kind).length;
    splits[split] = {
      pairs: { 'target-outcome': count('target-outcome'), 'same-fact': count('same-fact'), 'look-alike': count('look-alike') },
      figures: figures.size,
      found,
      period: ratio(periodRight, figures.size),
      modality: ratio(modalityRight, figures.size),
      comparable: ratio(toRight + sfRight, count('target-outcome') + count('same-fact')),
      targetOutcome: ratio(toRight, count('target-outcome')),
      sameFact: ratio(sfRight, count('same-fact')),
      lookAlikesCompared,
      consistentReported,
    };
  }
  return { splits, notFound: [...notFound.values()], misses };
}

/** The most common reasons of misses, most frequent first. */
export function commonReasons(score: MeaningScore, limit = 10, splits: Split[] = SPLITS): Array<{ reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const miss of score.misses.filter((m) => splits.includes(m.split))) counts.set(miss.reason, (counts.get(miss.reason) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((x, y) => y.count - x.count || x.reason.localeCompare(y.reason))
    .slice(0, limit);
}

const pct = (r: Ratio) => `${percent(r).toFixed(0)}% (${r.right}/${r.total})`;

/** A compact table of the splits, for the test log and the bench. */
export function formatScore(score: MeaningScore, title = 'meaning (labelled pairs)'): string {
  const rows: Array<[string, (s: SplitScore) => string]> = [
    ['pairs t/o · same · look-alike', (s) => `${s.pairs['target-outcome']} · ${s.pairs['same-fact']} · ${s.pairs['look-alike']}`],
    ['figures found', (s) => `${s.found}/${s.figures}`],
    ['period right', (s) => pct(s.period)],
    ['modality right', (s) => pct(s.modality)],
    ['comparable pairs right', (s) => pct(s.comparable)],
    ['  target/outcome', (s) => pct(s.targetOutcome)],
    ['  same fact', (s) => pct(s.sameFact)],
    ['look-alikes compared', (s) => String(s.lookAlikesCompared)],
    ['consistent pairs reported', (s) => String(s.consistentReported)],
  ];
  const lines = [`${title.padEnd(30)} ${SPLITS.map((s) => s.padEnd(16)).join(' ').trimEnd()}`];
  for (const [name, cell] of rows) lines.push(`  ${name.padEnd(28)} ${SPLITS.map((s) => cell(score.splits[s]).padEnd(16)).join(' ').trimEnd()}`);
  return lines.join('\n');
}

/** Every miss, one line each, grouped by split: what developers read to see why. */
export function formatMisses(score: MeaningScore, splits: Split[] = SPLITS): string {
  return score.misses.filter((m) => splits.includes(m.split)).map((m) => `  [${m.split}] ${m.subject}: ${m.reason} — ${m.detail}`).join('\n');
}
