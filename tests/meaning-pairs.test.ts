/**
 * Issue 9 §5: figcheck's understanding of meaning, measured on the labelled pairs of the national-history
 * set (dev and holdout) and of the national documents of 2022-2025 (unseen), tests/meaning/pairs.yaml, read
 * from the text, in auto mode and with a figcheck.yaml of ids and statuses only. Where today's code falls
 * short of the issue's targets, the assertion is a ratchet at today's measured value with the target
 * beside it: the lead raises them as the meaning work lands.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../src/index.js';
import type { CheckRun, Document, Figure } from '../src/model.js';
import {
  commonReasons,
  formatMisses,
  formatScore,
  LABELLED_FOLDERS,
  loadAllPairs,
  percent,
  scoreMeaning,
  SPLITS,
  type LabelledFigure,
  type LabelledPair,
  type MeaningScore,
} from './meaning/score.js';

const root = resolve(import.meta.dirname, '..');
const FIXTURES = resolve(root, 'tests/fixtures/national-history');
/** The unseen split's documents: other years, a communiqué, a congress report, a province. */
const UNSEEN = resolve(root, 'tests/fixtures/national');
/** The work reports of 2009-2021 (no 2020) and the congress reports of 2012 and 2017: 2009-2015 and 2012 more dev pairs, 2016-2021 and 2017 the fresh split. */
const SERIES = resolve(root, 'tests/fixtures/national-2009-2021');
/** Provincial work reports of 2025 and 2026 (another genre): dev/ tuned on, fresh/ only measured. */
const PROV_DEV = resolve(root, 'tests/fixtures/provinces/dev');
const PROV_FRESH = resolve(root, 'tests/fixtures/provinces/fresh');
/** The other ten regions' reports of 2025 and 2026: measured once untouched, then tuned on (prov-dev2). */
const PROV_DEV2 = resolve(root, 'tests/fixtures/provinces/dev2');
/** The work reports of 1978-1988 (another era) and the congress reports of 1982 and 1987: 1978-1983 tuned on (era-dev), 1984-1988 only measured (era-fresh). */
const ERA = resolve(root, 'tests/fixtures/national-1978-1988');
/** The work reports of 1954-1960 (the first five-year plan and after): only measured (early-fresh). */
const EARLY = resolve(root, 'tests/fixtures/national-1954-1960');
/** A district's work reports of 2012-2019 (another tier): only measured (city-fresh). */
const CITIES = resolve(root, 'tests/fixtures/cities');
/** Cities' statistical communiqués and budget reports (other genres): only measured (fiscal-fresh). */
const COMMUNIQUES = resolve(root, 'tests/fixtures/communiques');
const BUDGETS = resolve(root, 'tests/fixtures/budgets');
/** Other cities' communiqués and budget reports: the genre's development set (fiscal-dev, tuned on). */
const FISCAL_DEV = resolve(root, 'tests/fixtures/fiscal-dev');
/** The work reports of 1964 and 1975 and the congress reports of 1969, 1973 and 1977: the planned era's development set (early-dev, tuned on). */
const EARLY_DEV = resolve(root, 'tests/fixtures/national-1964-1977');
/** Another city's communiqué and budget report and three cities' budget reports, labelled after this genre was tuned: only measured (fiscal-fresh2). */
const FISCAL_FRESH2 = resolve(root, 'tests/fixtures/fiscal-fresh2');
/** The national statistical communiqué on 2025 with the work reports of 2025 and 2021 (under ids of their own): only measured (comm-fresh). */
const COMMUNIQUES_NATIONAL = resolve(root, 'tests/fixtures/national-communiques');
/** More cities' statistical communiqués of 2025, each stating its facts in its text and its tables: only measured (comm-fresh). */
const COMMUNIQUES_CITY = resolve(root, 'tests/fixtures/city-communiques');
/** Six more cities' budget reports on 2025 (year-start and adjusted budgets beside their execution): tuned on (fiscal-dev2). */
const FISCAL_DEV2 = resolve(root, 'tests/fixtures/fiscal-dev2');
const pairs = loadAllPairs(resolve(root, 'tests/meaning'));
const texts = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.txt')).map((f) => resolve(folder, f));
/** The 24 documents (the folder also holds its README and figcheck.yaml). */
const DOCUMENTS = texts(FIXTURES);
/** The 7 documents of the unseen split (the folder also holds its README and figcheck.yaml). */
const UNSEEN_DOCUMENTS = texts(UNSEEN);
/** The 12 work reports of 2009-2021 and 2 congress reports (the folder also holds its README and figcheck.yaml). */
const SERIES_DOCUMENTS = texts(SERIES);
/** Ten regions' reports of 2025 and 2026 in each of the two provincial folders (each also holds a figcheck.yaml). */
const PROV_DEV_DOCUMENTS = texts(PROV_DEV);
const PROV_FRESH_DOCUMENTS = texts(PROV_FRESH);
const PROV_DEV2_DOCUMENTS = texts(PROV_DEV2);
/** The 11 work reports of 1978-1988 and 2 congress reports (the folder also holds its README and figcheck.yaml). */
const ERA_DOCUMENTS = texts(ERA);
/** The 7 work reports of 1954-1960 (the folder also holds its README and figcheck.yaml). */
const EARLY_DOCUMENTS = texts(EARLY);
const CITY_DOCUMENTS = texts(CITIES);
const COMMUNIQUE_DOCUMENTS = texts(COMMUNIQUES);
const BUDGET_DOCUMENTS = texts(BUDGETS);
const FISCAL_DEV_DOCUMENTS = texts(FISCAL_DEV);
/** The splits tuned on, whose misses the test prints; the others are measured, never read while tuning. */
const TUNED: LabelledPair['split'][] = ['dev', 'prov-dev', 'prov-dev2', 'era-dev', 'fiscal-dev', 'early-dev', 'fiscal-dev2'];
/** The collections checked apart (each folder one run, as a user would check it), with how many documents each holds. */
const COLLECTIONS = [
  { folder: FIXTURES, documents: 24 },
  { folder: UNSEEN, documents: 7 },
  { folder: SERIES, documents: 14 },
  { folder: PROV_DEV, documents: 20 },
  { folder: PROV_FRESH, documents: 20 },
  { folder: PROV_DEV2, documents: 20 },
  { folder: ERA, documents: 13 },
  { folder: EARLY, documents: 7 },
  { folder: CITIES, documents: 8 },
  { folder: COMMUNIQUES, documents: 10 },
  { folder: BUDGETS, documents: 4 },
  { folder: FISCAL_DEV, documents: 10 },
  { folder: EARLY_DEV, documents: 5 },
  { folder: FISCAL_FRESH2, documents: 5 },
  { folder: COMMUNIQUES_NATIONAL, documents: 3 },
  { folder: COMMUNIQUES_CITY, documents: 6 },
  { folder: FISCAL_DEV2, documents: 6 },
];
const FOLDERS = COLLECTIONS.map((c) => c.folder);
const fileOf = (doc: string) =>
  FOLDERS.map((folder) => resolve(folder, `${doc}.txt`)).find((path) => existsSync(path)) ?? resolve(FIXTURES, `${doc}.txt`);
/** The year in a national report's id (`cn_national_1983_gwr_state_council`, `cpc_13th_congress_report_1987`). */
const yearOf = (doc: string) => Number(/_(\d{4})(?:_|$)/.exec(doc)?.[1]);
/** Which split a pair of these documents belongs to, from its documents alone (see tests/meaning/score.ts). */
function splitOf(a: string, b: string): LabelledPair['split'] {
  const inFolder = (folder: string, doc: string) => existsSync(resolve(folder, `${doc}.txt`));
  if (inFolder(UNSEEN, a)) return 'unseen';
  if (inFolder(PROV_DEV, a)) return 'prov-dev';
  if (inFolder(PROV_FRESH, a)) return 'prov-fresh';
  if (inFolder(PROV_DEV2, a)) return 'prov-dev2';
  if (inFolder(ERA, a)) return yearOf(a) >= 1984 || yearOf(b) >= 1984 ? 'era-fresh' : 'era-dev';
  if (inFolder(EARLY, a)) return 'early-fresh';
  if (inFolder(CITIES, a)) return 'city-fresh';
  if (inFolder(COMMUNIQUES, a) || inFolder(BUDGETS, a)) return 'fiscal-fresh';
  if (inFolder(FISCAL_DEV, a)) return 'fiscal-dev';
  if (inFolder(EARLY_DEV, a)) return 'early-dev';
  if (inFolder(FISCAL_FRESH2, a)) return 'fiscal-fresh2';
  if (inFolder(COMMUNIQUES_NATIONAL, a) || inFolder(COMMUNIQUES_CITY, a)) return 'comm-fresh';
  if (inFolder(FISCAL_DEV2, a)) return 'fiscal-dev2';
  const fresh = (doc: string) => inFolder(SERIES, doc) && yearOf(doc) >= 2016;
  if (fresh(a) || fresh(b)) return 'fresh';
  const heldOut = (doc: string) => /^cn_national_200[4-8]_|^cpc_17th_/.test(doc);
  return heldOut(a) || heldOut(b) ? 'holdout' : 'dev';
}

describe('the labelled pairs', () => {
  it('hold the issue\'s kinds in both splits, every figure on its line as written', () => {
    const count = (kind: LabelledPair['kind']) => pairs.filter((p) => p.kind === kind).length;
    // target 80 (issue 9): the 20 national-history documents state the outcome of 39 targets and the 7
    // unseen ones of 25 (see pairs.yaml): all there are.
    expect(count('target-outcome')).toBeGreaterThanOrEqual(64);
    expect(count('same-fact')).toBeGreaterThanOrEqual(30);
    expect(count('look-alike')).toBeGreaterThanOrEqual(40);
    // the national-history set's own split: holdout > 30% of its pairs
    const history = pairs.filter((p) => existsSync(resolve(FIXTURES, `${p.a.doc}.txt`)));
    const holdout = history.filter((p) => p.split === 'holdout').length / history.length;
    expect(holdout).toBeGreaterThan(0.3);
    const unseen = (kind: LabelledPair['kind']) => pairs.filter((p) => p.split === 'unseen' && p.kind === kind).length;
    expect(unseen('target-outcome')).toBeGreaterThanOrEqual(25);
    expect(unseen('same-fact')).toBeGreaterThanOrEqual(20);
    expect(unseen('look-alike')).toBeGreaterThanOrEqual(30);
    // The holdout documents (work reports of 2004-2008, the 17th congress report) appear in no dev pair;
    // the unseen split is exactly the pairs of documents in tests/fixtures/national/; the fresh split every
    // pair touching a work report of 2016-2021; no pair mixes two folders.
    const folderOf = (doc: string) => FOLDERS.find((folder) => existsSync(resolve(folder, `${doc}.txt`)));
    for (const pair of pairs) {
      expect(folderOf(pair.a.doc), pair.id).toBeDefined();
      expect(folderOf(pair.a.doc), pair.id).toBe(folderOf(pair.b.doc));
      expect(splitOf(pair.a.doc, pair.b.doc), pair.id).toBe(pair.split);
    }
    // Labels read from the text: each raw stands at its line and column of the original file.
    const lines = new Map<string, string[]>();
    for (const figure of pairs.flatMap((p) => [p.a, p.b])) {
      if (!lines.has(figure.doc)) lines.set(figure.doc, readFileSync(fileOf(figure.doc), 'utf8').split('\n'));
      const line = lines.get(figure.doc)![figure.line - 1] ?? '';
      expect(line.slice(figure.column - 1, figure.column - 1 + figure.raw.length), `${figure.doc}:${figure.line}`).toBe(figure.raw);
    }
  });
});

for (const mode of ['auto', 'config'] as const) {
  describe(`meaning on the labelled pairs, ${mode === 'auto' ? 'auto mode (no config)' : 'figcheck.yaml of ids and statuses'}`, () => {
    let runs: CheckRun[];
    let score: MeaningScore;
    beforeAll(async () => {
      // Each folder checked apart, as a user would check one collection (see COLLECTIONS).
      runs =
        mode === 'auto'
          ? await Promise.all(COLLECTIONS.map(({ folder }) => check(texts(folder), { config: false, cwd: root })))
          : await Promise.all(COLLECTIONS.map(({ folder }) => check([], { config: resolve(folder, 'figcheck.yaml'), cwd: root })));
      score = scoreMeaning(runs, pairs);
      // Only the dev splits' misses are printed: the others are measured, not read while tuning.
      console.log(`${formatScore(score, `meaning, ${mode}`)}\n  most common reasons (${TUNED.join(', ')}): ${commonReasons(score, 10, TUNED).map((r) => `${r.reason} ${r.count}`).join(' · ')}`);
      if (mode === 'auto') console.log(`dev misses:\n${formatMisses(score, TUNED)}`);
    });

    it('reads every document with the ids the labels use', () => {
      // the bench scores the same runs (LABELLED_FOLDERS)
      expect(FOLDERS).toEqual(LABELLED_FOLDERS.map((folder) => resolve(root, 'tests/fixtures', folder)));
      expect(runs.map((r) => r.documents.length)).toEqual(COLLECTIONS.map((c) => c.documents));
      const ids = new Set(runs.flatMap((r) => r.documents).map((d) => d.id));
      for (const id of new Set(pairs.flatMap((p) => [p.a.doc, p.b.doc]))) expect(ids.has(id), id).toBe(true);
    });

    it('finds the labelled figures', () => {
      // target 0 (issue 9), met: spaced digits (`8 ．8 ％`, `1 0 ．0 6 ‰`), ranges in Chinese numerals
      // (`百分之八至九`, `百分之四至百分之五`), `千分之…` and `14·1％` are read as written.
      expect(score.notFound.filter((f) => [...DOCUMENTS, ...UNSEEN_DOCUMENTS].includes(fileOf(f.doc)))).toEqual([]);
      // target 0 (issue 9), met on the unseen documents: every labelled figure there is read as written.
      expect(score.notFound.filter((f) => UNSEEN_DOCUMENTS.includes(fileOf(f.doc)))).toEqual([]);
      // target 0 (issue 9); the reports of 2009-2021, labelled after the reading was built, had figures it
      // missed: the dev ones (fractions `三分之一`, `1/3以上`) are read now; fresh: a ceiling at today's 3.
      const missed = (year: (y: number) => boolean) =>
        score.notFound.filter((f) => SERIES_DOCUMENTS.includes(fileOf(f.doc)) && year(yearOf(f.doc))).length;
      expect(missed((y) => y < 2016)).toBe(0);
      expect(missed((y) => y >= 2016)).toBeLessThanOrEqual(3);
      // target 0; the provincial reports nobody tunes on (prov-fresh): a ceiling at their first measurement, 4.
      const provincial = (documents: string[], year: string) => score.notFound.filter((f) => documents.includes(fileOf(f.doc)) && f.doc.startsWith(`gwr-${year}-`)).length;
      expect(provincial(PROV_FRESH_DOCUMENTS, '2025')).toBeLessThanOrEqual(4);
      // prov-dev: 10 at its first measurement, 0 since units like 万P, 1993.5万吨, 十件 and quoted “两个200万亩” are read
      // (and 1 since the 2026 pairs labelled a programme's name, `实施万名老年人白内障复明工程`, as a target of 10,000)
      expect(provincial(PROV_DEV_DOCUMENTS, '2025')).toBeLessThanOrEqual(1);
      // the regions' 2026 reports, labelled against their 2025 reports: a ceiling at the first measurement
      expect(provincial(PROV_DEV_DOCUMENTS, '2026')).toBeLessThanOrEqual(1);
      expect(provincial(PROV_FRESH_DOCUMENTS, '2026')).toBeLessThanOrEqual(1);
      // prov-dev2 (the last ten regions, tuned on since its first measurement): 12 of 693 then, 8 since 每立方米20微克 is
      // a rate and 颗 a measure word; left: a quoted name opening with a count (“十件民生实事”, read as a slogan like
      // “两个确立”), 十方面 (方面 is no unit) and 400P (a bare P only after 万/亿: units.yaml)
      expect(provincial(PROV_DEV2_DOCUMENTS, '2025') + provincial(PROV_DEV2_DOCUMENTS, '2026')).toBeLessThanOrEqual(8);
      // era-dev (1978-1983): 12 of 260 at its first measurement (thousands written with the full-width
      // comma, 33，212万吨), 0 since that comma is read as the document writes it.
      expect(score.notFound.filter((f) => ERA_DOCUMENTS.includes(fileOf(f.doc)) && yearOf(f.doc) < 1984).length).toBe(0);
      // early-fresh (1954-1960, nobody tunes on it): 340 of 340 at its first measurement
      expect(score.notFound.filter((f) => EARLY_DOCUMENTS.includes(fileOf(f.doc)))).toEqual([]);
      // city-fresh (a district's work reports of 2012-2019, nobody tunes on it): 330 of 330 at its first measurement;
      // fiscal-fresh (cities' communiqués and budget reports): 317 of 335, a ceiling (target 0); 332 of 335 once tables
      // copied as tab-separated lines were read as tables (src/tables/text-grid.ts)
      expect(score.notFound.filter((f) => CITY_DOCUMENTS.includes(fileOf(f.doc)))).toEqual([]);
      expect(score.notFound.filter((f) => COMMUNIQUE_DOCUMENTS.includes(fileOf(f.doc)) || BUDGET_DOCUMENTS.includes(fileOf(f.doc))).length).toBeLessThanOrEqual(3);
      // fiscal-dev (other cities' communiqués and budget reports, tuned on): 206 of 255 at its first measurement, 234 once
      // a number is joined to its unit across one space (`6.48 万人`, as PDF text layers set it: normalization.joinSpacedUnits),
      // 254 once tab-separated tables were read as tables (src/tables/text-grid.ts), 255 once a column header standing
      // on its own line headed the rows after it (`比上年增长（%）` over `合计⇥5.8`)
      expect(score.notFound.filter((f) => FISCAL_DEV_DOCUMENTS.includes(fileOf(f.doc))).length).toBe(0);
      // early-dev (1964-1977, tuned on) 3 of 51 and fiscal-fresh2 (measured only) 0 of 290 (289) at their first measurement
      const notFoundIn = (folder: string) => score.notFound.filter((f) => existsSync(resolve(folder, `${f.doc}.txt`))).length;
      expect(notFoundIn(EARLY_DEV)).toBeLessThanOrEqual(3);
      expect(notFoundIn(FISCAL_FRESH2)).toBe(0);
      // comm-fresh (the national communiqué on 2025 and two work reports, measured only): 2 of 175 at its first measurement
      expect(notFoundIn(COMMUNIQUES_NATIONAL)).toBeLessThanOrEqual(2);
      // and with six cities' communiqués (tests/fixtures/city-communiques): 3 of 442 at their first measurement
      expect(notFoundIn(COMMUNIQUES_CITY)).toBeLessThanOrEqual(3);
    });

    it('never compares look-alike pairs', () => {
      // target 0 (issue 9), met on dev, holdout and unseen; the fresh pairs (2016-2021, nobody tunes on them)
      // have one look-alike compared (3 at their first measurement): a ceiling at today's count.
      // dev: 0 until the reports of 1989-1991 and 1996 were labelled (pairs-1989-1996.yaml): 1 of their 84 look-alikes
      // compared at their first measurement, a ceiling (target 0)
      expect(score.splits.dev.lookAlikesCompared).toBeLessThanOrEqual(1);
      expect(score.splits.holdout.lookAlikesCompared).toBe(0);
      expect(score.splits.unseen.lookAlikesCompared).toBe(0);
      // With the 19th congress report's pairs (pairs-congress.yaml, 40 look-alikes more): 2 at their first measurement,
      // a ceiling (target 0).
      expect(score.splits.fresh.lookAlikesCompared).toBeLessThanOrEqual(2);
      // The provincial reports of 2025 (another genre): 8 of prov-fresh's 249 look-alikes compared at their
      // first measurement, a ceiling until the provincial meaning work lands; prov-dev 8 of 313 then, 0 once
      // lists of subjects were paired item by item (labels.ts, extract) and start values of a list dated.
      // (with the 2026 reports' pairs: 5 of 487 at their first measurement, 0 once a 2026 report's reviews of its year
      // and of the plan were told apart and an end value kept its start value's scopes)
      expect(score.splits['prov-fresh'].lookAlikesCompared).toBe(0);
      // prov-dev with the regions' 2026 reports against their 2025 reports (483 look-alikes): 4 at the first
      // measurement, a ceiling (target 0); 1 once the review of a plan's last year and of its years were told apart
      // (review-parts.ts) and an end value kept its start value's scopes
      expect(score.splits['prov-dev'].lookAlikesCompared).toBe(0);
      // era-dev: 2 at its first measurement (the ten-year plan's and the sixth five-year plan's targets for 1985), 0
      // since two plans' targets of one period are compared apart; 1 once the era's time (h-time) and identity
      // (h-align) work met (e-la-pop-1978-vs-1979): a ceiling until it is found (target 0)
      expect(score.splits['era-dev'].lookAlikesCompared).toBe(0);
      // era-fresh (1984-1988, nobody tunes on it): 0 of 141 at its first measurement and since
      expect(score.splits['era-fresh'].lookAlikesCompared).toBe(0);
      // early-fresh (1954-1960, nobody tunes on it): 2 of 147 at its first measurement, 1 once a label carried within a
      // sentence had to fit the figure's unit (h-align2, tuned on dev splits only): a ceiling (target 0)
      expect(score.splits['early-fresh'].lookAlikesCompared).toBeLessThanOrEqual(1);
      // prov-dev2: 1 of 409 at its first measurement (deposits and loans, 银行存贷款增速), 0 once one label over a 分别-list
      // named several things
      expect(score.splits['prov-dev2'].lookAlikesCompared).toBe(0);
      // city-fresh (123 look-alikes) and fiscal-fresh (127): 1 each at their first measurement, ceilings (target 0)
      expect(score.splits['city-fresh'].lookAlikesCompared).toBeLessThanOrEqual(1);
      expect(score.splits['fiscal-fresh'].lookAlikesCompared).toBeLessThanOrEqual(1);
      // fiscal-dev (91 look-alikes): 1 at its first measurement, a ceiling (target 0)
      // (0 once a city's documents align apart from another city's)
      expect(score.splits['fiscal-dev'].lookAlikesCompared).toBe(0);
      // early-dev (47 look-alikes): 0 at its first measurement; fiscal-fresh2 (108, measured only): 2 then, a ceiling (target 0)
      expect(score.splits['early-dev'].lookAlikesCompared).toBe(0);
      expect(score.splits['fiscal-fresh2'].lookAlikesCompared).toBeLessThanOrEqual(2);
      // comm-fresh (76 look-alikes, measured only): 0 at its first measurement
      expect(score.splits['comm-fresh'].lookAlikesCompared).toBe(0);
      // fiscal-dev2 (204 look-alikes, tuned on): 3 at its first measurement, 0 since a level's budget (市级, 经开区) is
      // told from the whole place's by its heading (target 0, met)
      expect(score.splits['fiscal-dev2'].lookAlikesCompared).toBe(0);
    });

    it('never reports a consistent pair as an error or warning', () => {
      expect(score.splits.dev.consistentReported).toBe(0);
      expect(score.splits.holdout.consistentReported).toBe(0);
      expect(score.splits.unseen.consistentReported).toBe(0);
      // fresh with the 19th congress report's pairs: 1 at their first measurement (a round 八十万亿 against a precise
      // figure, labelled consistent: SEMANTICS leaves trailing zeros ambiguous), a ceiling (target 0)
      expect(score.splits.fresh.consistentReported).toBeLessThanOrEqual(1);
      expect(score.splits['prov-fresh'].consistentReported).toBe(0);
      expect(score.splits['prov-dev'].consistentReported).toBe(0);
      expect(score.splits['era-dev'].consistentReported).toBe(0);
      expect(score.splits['era-fresh'].consistentReported).toBe(0);
      expect(score.splits['early-fresh'].consistentReported).toBe(0);
      expect(score.splits['prov-dev2'].consistentReported).toBe(0);
      expect(score.splits['city-fresh'].consistentReported).toBe(0);
      expect(score.splits['fiscal-fresh'].consistentReported).toBe(0);
      expect(score.splits['fiscal-dev'].consistentReported).toBe(0);
      expect(score.splits['early-dev'].consistentReported).toBe(0);
      expect(score.splits['fiscal-fresh2'].consistentReported).toBe(0);
      expect(score.splits['comm-fresh'].consistentReported).toBe(0);
      expect(score.splits['fiscal-dev2'].consistentReported).toBe(0);
    });

    it('gives the labelled figures their period and modality', () => {
      // target 95 (issue 9) on every split
      // (measured: dev 300/303, holdout 101/113, unseen 138/144, fresh 250/255)
      // (dev 312/317 with the 18th congress report's pairs at their first measurement)
      // (dev 440/450 with the 1989-1996 pairs at their first measurement; 446/450 with ranks reached at a span's end, a national
      // goal restated without its base (翻一番 over 2011/2020), a plan's end as a start value's year, 已经决定 read as no present)
      // (447/450 with an average from now on to a target date, `今后…每年递增`, over the years to it)
      expect(percent(score.splits.dev.period)).toBeGreaterThanOrEqual(99.3);
      // (holdout 103/113 with h-time6's years spaced from their comparison word, `较 2020 年`)
      expect(percent(score.splits.holdout.period)).toBeGreaterThanOrEqual(91);
      expect(percent(score.splits.unseen.period)).toBeGreaterThanOrEqual(95);
      // (fresh 272/287 with the 19th congress report's pairs at their first measurement; 278/287 with h-time5's ranks at a
      // span's end and national goals restated, tuned on dev and era-dev)
      expect(percent(score.splits.fresh.period)).toBeGreaterThanOrEqual(96.8);
      // prov-dev and prov-fresh at their first measurement: 533/545, 413/441 (prov-dev 545/545, prov-fresh
      // 417/441 before the 2026 reports' pairs joined them; with them, at their first measurement, 792/827 and 767/836;
      // prov-dev 823/827 once a 2026 report's review of 2025 and of the five-year plan were told apart; 825/827 with a
      // stock named or held in a five-year review, `总数超过`, `拥有`, `在册`, `通达`, dated to the plan's last year)
      expect(percent(score.splits['prov-dev'].period)).toBeGreaterThanOrEqual(99);
      expect(score.splits['prov-dev'].period.right).toBeGreaterThanOrEqual(825);
      // era-dev (1978-1983) at its first measurement 171/255 period, 210/255 modality; 225/260 and 237/260 after
      // h-time's era work (undated reports dated by file name and month, plan reports, Chinese-numeral years); 246/260 and
      // 251/260 with spans from a base, plans' years, what is so at a late report's date, plans quoted; 249/260 and 254/260
      // with a year's plan presented in a report's opening and the year before opening a sentence of a late report; 250/260
      // and 255/260 with bare spans under a title on the years ahead and what was counted (据不完全统计) read as actual; period
      // 252/260 with stocks reached after a change over months and rates reached among averages (`高的达到`); modality 258/260
      // with what a clause says is not so or exists (`没有恢复到`, `存在着`) read as how things stand; 253/260 and 259/260 with
      // a level compared with dated to its own period (`高于一九五五年至一九八○年…的水平`)
      // (263/277 and 274/277 with the 12th congress report's pairs at their first measurement; 268/277 and 276/277 with
      // durations of any number of years, `用二十年的时间`, a census date, the scale built over a plan's years, a modal
      // verb before a verb of reaching, a population named as an attribute, what is so now in a report told of as mid-year)
      // (273/277 and 277/277 with national goals restated, 翻两番 by the end of the century over 1981/2000, and a population
      // named as an attribute, 八亿农民, 十亿人口的国家, a state)
      // (274/277 with h-time6's national goal named by its length, `二十年实现…翻两番`, over 1981/2000)
      expect(percent(score.splits['era-dev'].period)).toBeGreaterThanOrEqual(98.9);
      expect(percent(score.splits['era-dev'].modality)).toBeGreaterThanOrEqual(100);
      // (prov-fresh 799/836 once the reviews of a year and of its plan were told apart; era-fresh 127/213 at its first
      // measurement, 166/213 with the era's time work, tuned on era-dev only, 172/213 with more of it)
      expect(percent(score.splits['prov-fresh'].period)).toBeGreaterThanOrEqual(95);
      // (era-fresh 180/229 with the 13th congress report's pairs at their first measurement, 184/229 with h-time5's national
      // goals restated, tuned on era-dev)
      expect(percent(score.splits['era-fresh'].period)).toBeGreaterThanOrEqual(80.3);
      // target 95 (issue 9) on every split (measured: dev 300/303, holdout 111/113, unseen 144/144, fresh
      // 249/255; at the first measurement of the 2009-2021 pairs: dev 290/303, holdout 109/113, unseen
      // 141/144, fresh 248/255)
      // (dev 444/450 with the 1989-1996 pairs at their first measurement, 445/450 once 已经决定 opened a plan, no present)
      // (447/450 with a requirement quoted in a review, `超过计划增长4%的要求`, a target)
      // (449/450 with h-time6's plan presented before its years: what it projects with 预计 for them, a target)
      expect(percent(score.splits.dev.modality)).toBeGreaterThanOrEqual(99.7);
      expect(percent(score.splits.holdout.modality)).toBeGreaterThanOrEqual(98);
      expect(percent(score.splits.unseen.modality)).toBeGreaterThanOrEqual(100);
      expect(percent(score.splits.fresh.modality)).toBeGreaterThanOrEqual(97);
      // (first measurement: prov-dev 531/545, prov-fresh 413/441; prov-dev 544/545, 821/827 with the 2026 reports' pairs;
      // 823/827 once the subheadings under a title line with no number, `2026年重点工作`, plan as under `二、…`; 825/827 once a
      // paragraph opening on an estimate word alone, `初步预计,…`, estimates all it states)
      expect(percent(score.splits['prov-dev'].modality)).toBeGreaterThanOrEqual(99);
      // (826/827 once a figure in a task's quoted name, `超额完成“两个200万亩”任务`, was the task's value)
      expect(score.splits['prov-dev'].modality.right).toBeGreaterThanOrEqual(826);
      // (prov-fresh 807/836 with the 2026 pairs at their first measurement, 830/836 now; era-fresh 206/213 then, 208/213 now)
      expect(percent(score.splits['prov-fresh'].modality)).toBeGreaterThanOrEqual(99);
      expect(percent(score.splits['era-fresh'].modality)).toBeGreaterThanOrEqual(97);
      // early-fresh (1954-1960: the first five-year plan, budgets and final accounts; nobody tunes on it) at its first
      // measurement: period 275/340, modality 252/340 (reports presenting a plan or a budget read as reviews); modality
      // 279/340 once a report presenting its year's plan or budget plans that year whenever it was delivered (tuned on era-dev),
      // 281/340 with the plan and budget verbs that set figures (计划规定, 预算草案规定), 288/340 with a modal verb before a
      // verb of reaching or changing (`要达到`, `将比上年增长`) read as a target (tuned on era-dev)
      // (period 278/340 with h-time6's year-end stocks and spaced years, tuned on fiscal-dev)
      expect(percent(score.splits['early-fresh'].period)).toBeGreaterThanOrEqual(81.7);
      expect(percent(score.splits['early-fresh'].modality)).toBeGreaterThanOrEqual(84.7);
      // prov-dev2 at its first measurement, before anyone tuned on it: period 667/693, modality 678/693; period 675/693 once a
      // plan part on a five-year plan and its first year turns to the year at the paragraph opening on it; 679/693 and 680/693
      // with superlatives over years (`6年来首次`), what a 已-verb describes (`已批建的`) and end values listed after 分别;
      // 683/693 and 684/693 once more figures were read (rates with their second unit before the number)
      // (685/693 with a season running into the next year, `新雪季`: 2025/2026 in a plan for 2025)
      expect(percent(score.splits['prov-dev2'].period)).toBeGreaterThanOrEqual(98);
      expect(score.splits['prov-dev2'].period.right).toBeGreaterThanOrEqual(685);
      expect(percent(score.splits['prov-dev2'].modality)).toBeGreaterThanOrEqual(98);
      // fiscal-fresh (cities' communiqués and budget reports, nobody tunes on it) at its first measurement: period 304/335,
      // modality 256/335; 323/335 and 289/335 with text tables read as tables (their columns' years and status: 预算数,
      // 预计数, 决算数), a budget's status words (年初预算, 调整预算, 预计执行数) and a budget report's title naming the year
      // it reviews and the year it plans
      // (325/335 with h-time6's year-end stocks set against 年初, balances carried over and spaced years, tuned on fiscal-dev)
      expect(percent(score.splits['fiscal-fresh'].period)).toBeGreaterThanOrEqual(97);
      // (316/335 modality with a December report's own year estimated and items named by their budget, tuned on fiscal-dev)
      // (317/335 with h-time6's budget amount of the year budgeted named before an estimate word, tuned on fiscal-dev)
      expect(percent(score.splits['fiscal-fresh'].modality)).toBeGreaterThanOrEqual(94.6);
    });

    it('aligns and judges the comparable pairs, saying why for each it does not', () => {
      for (const split of SPLITS) {
        const s = score.splits[split];
        // target 80% (issue 9); on every split, each pair not right is explained (the floors follow).
        const explained = new Set(
          score.misses.filter((m) => m.split === split && !m.subject.startsWith('figure ') && m.reason !== 'consistent pair reported' && m.reason !== 'look-alike compared').map((m) => m.subject),
        );
        expect(explained.size, split).toBe(s.comparable.total - s.comparable.right);
      }
      // target 80% (issue 9); floors at today's measured values (holdout 23/40, unseen 42/53, fresh 34/59; at
      // the first measurement of the 2009-2021 pairs: dev 51/98, holdout 15/40, unseen 40/53, fresh 28/59; dev
      // 83/98 before programme targets resolved (objects after the figure, coverage words, 把…定在) and pairing
      // by wording; 92/98 with both, a restated plan joining its restatements by wording; 93/98 once a count written
      // before the people it counts, `6069万农民`, is a count of people)
      // 94/98 once the first item of a list worded in full was paired by its words (`新增基础教育公办学位4万个、普通高中学位…`)
      // 94/101 with the 18th congress report's pairs at their first measurement (3 same facts more, none right)
      // 113/134 with the 1989-1996 pairs (26 target/outcome, 7 same facts) at their first measurement: 19 of their 33 right;
      // 114/134 once a name's two-character modifier was read from the sentence's topic (`工业生产…，总产值…`)
      // (with h-time5: ranks at a span's end, national goals restated, requirements quoted in a review read as targets)
      // 122/134 once a year typed with an ASCII zero (`二0一一年`) left the label
      expect(percent(score.splits.dev.comparable)).toBeGreaterThanOrEqual(91);
      // city-fresh (a district's work reports, 2012-2019; 96 target/outcome, 4 same facts) at its first measurement: 61/100;
      // fiscal-fresh (cities' communiqués and budget reports; 38 target/outcome, 63 same facts): 8/101. Nobody tunes on them.
      // (fiscal-fresh 21/101 with text tables, a budget's status words and labels without them: tuned on made-up shapes only;
      // 24/101 with the work tuned on fiscal-dev: a city's documents kept apart from another city's, items named by their budget)
      // city-fresh 64/100 once a scoped indicator was the indicator of its scope (`城镇人均可支配收入`) and the pastoral regions'
      // 农牧民 and 农村牧区 named the rural incomes (indicators.yaml); 66/100 with 失业人员再就业 the re-employment count
      // (68/100 with the general budget under its names before the 2014 budget law, 公共财政预算收入)
      expect(score.splits['city-fresh'].comparable.right).toBeGreaterThanOrEqual(68);
      // (fiscal-fresh 32/101 once a December report's estimate of its year is compared with the final figure:
      // consistency-estimates.ts; 31/101 with a budget's own level, its total of sources and its four budgets named with or
      // without 预算, h-align6, before that; 37/101 with both)
      expect(score.splits['fiscal-fresh'].comparable.right).toBeGreaterThanOrEqual(37);
      // fiscal-dev (five other cities' communiqués and budget reports; 27 target/outcome, 50 same facts), tuned on from its
      // first measurement, before anyone tuned on it: 4/77, period 175/255, modality 179/255; 39/77, 249/255 and 253/255 with
      // text tables, budget status words and labels, titles broken over two lines, captions dating no prose, a December
      // report's own year estimated and a city's documents aligned apart from another city's (jurisdiction-city.ts);
      // then, each alone: 52/77 with table cells labelled by row × column × caption (cells a PDF joined with a space split, a
      // header on its own line, the caption's subject naming the total row and the rows of its breakdown, an index table noted
      // `以上年为100` read as the changes it states: src/tables/caption-rows.ts); 41/77 with a December estimate and the final
      // figure compared as one fact (consistency-estimates.ts); 54/77 with a budget's own level (市本级, 市级) and total of
      // sources (收入总计) kept apart, its four budgets named with or without 预算, the budget passed (`年初预算`) named as a
      // target beside its outcome, a part named after its whole (`一般公共预算收入中税收` and its share, 税比); 67/77 with all three;
      // 71/77 once a region's 常住人口 was its population and 城镇常住人口比重 its urbanisation rate (the tables' columns meet the prose)
      // (72/77 with h-time6's year-end stocks set against 年初 and the budget year's amounts)
      expect(score.splits['fiscal-dev'].comparable.right).toBeGreaterThanOrEqual(72);
      // fiscal-fresh2 (92 comparable pairs, measured only): 23/92 at its first measurement (target/outcome 0/20); 23/91 once a
      // label was corrected
      expect(score.splits['fiscal-fresh2'].comparable.right).toBeGreaterThanOrEqual(23);
      // comm-fresh (54 comparable pairs, measured only): 24/54 at its first measurement (target/outcome 8/12, same fact 16/42);
      // 28/54 with table cells labelled by row × column × caption (h-tables2, tuned on fiscal-dev and made-up tables only);
      // with six cities' communiqués at their first measurement 64/142 (target/outcome 8/13, same fact 56/129, before the
      // table cells' labels), 73/142 with them; 78/142 with 常住人口, 城镇常住人口比重, 进出口总值 and 万元生产总值能耗 in the lexicon
      expect(score.splits['comm-fresh'].comparable.right).toBeGreaterThanOrEqual(78);
      // fiscal-dev2 (57 comparable pairs, tuned on): 12/57 at its first measurement (target/outcome 0/11); 27/57 (target/outcome
      // 10/11) since the budget passed and adjusted are read as the year's targets
      expect(score.splits['fiscal-dev2'].comparable.right).toBeGreaterThanOrEqual(27);
      // (period 254/255 with h-time6's year-end stocks set against 年初 as a base, 上年结转 dating its own clause, years spaced from
      // their comparison word, `较 2020 年`; 255/255 once every figure was read)
      expect(percent(score.splits['fiscal-dev'].period)).toBeGreaterThanOrEqual(100);
      // (modality 254/255 with h-time6's budget amount of the year budgeted named before an estimate word, `预算收入预计完成`, a target)
      expect(percent(score.splits['fiscal-dev'].modality)).toBeGreaterThanOrEqual(99.6);
      // early-dev (the reports of 1964-1977, tuned on) at its first measurement: period 29/51, modality 31/51;
      // fiscal-fresh2 (labelled after the genre was tuned on fiscal-dev, measured only): 264/290 and 250/290, 263/289 and
      // 250/289 once the labeller corrected one figure's modality (a budgeted reserve, a target) and dropped its pair
      // (37/51 and 35/51 with h-time6's congresses before the 12th dated by when they met, a meeting told of on a date no
      // delivery line, an event's month carrying no year, `…计划期内` a plan's years, the years since an epoch, `全国解放以来`)
      expect(score.splits['early-dev'].period.right).toBeGreaterThanOrEqual(37);
      // (modality 41/51 once a report dated in December, titled with its year, reviewed that year and told its outcomes stated
      // without 预计 as done)
      expect(score.splits['early-dev'].modality.right).toBeGreaterThanOrEqual(41);
      expect(score.splits['fiscal-fresh2'].period.right).toBeGreaterThanOrEqual(263);
      // comm-fresh (the national communiqué on 2025 and two work reports, measured only): 172/175 and 173/175 at its first
      // measurement; with six cities' communiqués (tests/fixtures/city-communiques) at their first measurement 581/617, 611/617
      // (587/617 with h-time6's year-end stocks set against 年初 as a base, tuned on fiscal-dev)
      expect(score.splits['comm-fresh'].period.right).toBeGreaterThanOrEqual(587);
      expect(score.splits['comm-fresh'].modality.right).toBeGreaterThanOrEqual(611);
      // fiscal-dev2 (six cities' budget reports, tuned on) at its first measurement: 366/370 and 337/370; 368 and 359 with the
      // budget year's shapes (passed, adjusted, opening balances, the next budget's growth)
      expect(score.splits['fiscal-dev2'].period.right).toBeGreaterThanOrEqual(368);
      expect(score.splits['fiscal-dev2'].modality.right).toBeGreaterThanOrEqual(359);
      expect(score.splits['fiscal-fresh2'].modality.right).toBeGreaterThanOrEqual(250);
      expect(percent(score.splits.holdout.comparable)).toBeGreaterThanOrEqual(57);
      expect(percent(score.splits.unseen.comparable)).toBeGreaterThanOrEqual(79);
      // fresh 42/71 with the 19th congress report's pairs (12 same facts more) at their first measurement
      expect(percent(score.splits.fresh.comparable)).toBeGreaterThanOrEqual(59);
      // prov-fresh with the 2026 pairs: 76/120 at their first measurement, 79/120 then, 80/120, 84/120 once verbs of adding
      // opening a count's label were one (新认定/新增/新建…, tuned on prov-dev2), 85/120 with the soft match of a target and the
      // one outcome restating it (align-soft.ts, tuned on prov-dev2), 86/120 with its verbs of carrying out, verbs before a figure and
      // modifiers written in, 88/120 once a document makes a tier or modifier count only by naming the thing with it and without
      // for one period; era-fresh 0/12, 2/12 then, 5/12 now (tuned on era-dev only)
      expect(score.splits['prov-fresh'].comparable.right).toBeGreaterThanOrEqual(88);
      // (era-fresh 8/22 with h-time5's national goals restated, 翻两番 over 1981/2000, tuned on era-dev; 9/22 once h-align6's labels merged, tuned on dev splits only)
      expect(score.splits['era-fresh'].comparable.right).toBeGreaterThanOrEqual(9);
      // early-fresh (87 comparable pairs in the reports of 1954-1960): 7/87 at its first measurement, 10/87 with the
      // era's time and identity work (tuned on era-dev only), 12/87 once reports presenting a plan or a budget plan its years
      expect(score.splits['early-fresh'].comparable.right).toBeGreaterThanOrEqual(12);
      // prov-dev (9 comparable pairs in ten provincial reports): 2/9 at the first measurement, 6/9 then; with the
      // 2026 reports' pairs (78 target/outcome, 8 same-fact more) 53/94 at their first measurement; 76/94 once the
      // review of 2025 and of the five-year plan were told apart (review-parts.ts) and 常住居民 incomes named the residents';
      // 80/94 once a round rate target said about (10%左右) was judged in whole percents, a milestone's rank phrase
      // (成为…首个) left the subject and a bare head listed after a statement shared its modifier (年度产量); 83/94 once a
      // price ceiling was judged by a fall (`CPI微降`) and a bare mark passed (`突破5万关口、达到5.28万元`) took its value's unit;
      // 84/94 once intervals only touching at a rounding end share no value (四舍五入: 4% misses 5%左右); 85/94 with a growth
      // target naming no subject read as the economy's (`5.5%左右的预期增长目标`); 86/94 with a measure noun ending a subject
      // as the unit of the bare number after it (`医疗旅游人次86.5万`); 87/94 with the first item of a list worded in full
      // paired by its words; 88/94 with a verb, the people it counts and their act read as one label (`支持不低于4万人创业`);
      // 90/94 with modifiers that change no fact folded (通车里程 = 里程, 并网装机 = 总装机 = 装机, `X新增` = `新增X`)
      expect(score.splits['prov-dev'].comparable.right).toBeGreaterThanOrEqual(90);
      // era-dev (37 comparable pairs in the reports of 1978-1983): 0 at the first measurement, most misses periods and
      // modalities of another era's wording; 14/37, then 18/37 once a yearly average over a span was a scope of its own
      // (per-year), a span's change against the year before it the span's own, 到本世纪末 time and 在这方面 an anaphor;
      // 19/37 once a two-character head took the modifier its sentence opens with (重工业生产，…产值); 20/37 with 实际执行结果
      // read as the outcome of what the sentence before planned; 17 with h-time's spans and plans alone
      // (24/48 with the 12th congress report's pairs at their first measurement, 28/48 with national goals restated and
      // populations named as attributes read as states)
      // (32/48 once the country's people counted after a figure, `十亿人口的大国`, and the time a plan takes, `用二十年的时间`,
      // left the words before them)
      // (33/48 with h-time6's national goal named by its length, `二十年实现…翻两番`)
      expect(score.splits['era-dev'].comparable.right).toBeGreaterThanOrEqual(33);
      // prov-dev2 (104 comparable pairs: 94 of a region's 2025 targets against its 2026 report, 10 same facts): 80/104 at
      // its first measurement, before anyone tuned on it (the fourth untouched measure of the provincial genre); 83/104 once a
      // stretch value (`增长7%以上、力争达到8%`) was the same change as its floor and never compared with it; 85/104 once verbs
      // of adding opening a count's label were one (`新认定高新技术企业`, `新增高新技术企业`); 86/104 with 项 and 件 one measure;
      // 87/104 with the first item of a list worded in full paired by its words; 88/104 with 家 and 个 one measure; 90/104
      // with `X新增` = `新增X`, 科技成果转化 = 成果转化 and high-standard farmland built against the farmland to build
      // (国家 and 省级 counts stay apart from unmarked ones in identity: tests/meaning-metric-modifiers.test.ts); 91/104 with
      // rental housing raised (建设筹集/筹措) an indicator and a bracketed measure (`套（间）`) skipped before an object;
      // 92/104 with names listed before a count of as many read as what it counts (`A、B、C3个省实验室` → 省实验室); 97/104 with
      // the soft match (src/checks/align-soft.ts): a target and the one outcome restating it in other words (`改建` and `新增`,
      // a tier or 国家 the run never contrasts, `单项冠军企业` = `单项冠军`, `水热气等管网` = `排水、供水、供热、燃气管网`)
      expect(score.splits['prov-dev2'].comparable.right).toBeGreaterThanOrEqual(97);
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

  it('scores pairs spread over two runs (two collections checked apart) as it scores them in one run', () => {
    const labelled = [
      pair('to', 'target-outcome', L.target, L.outcome, 'met'),
      pair('sf', 'same-fact', L.first, L.second, 'consistent'),
      { ...pair('la', 'look-alike', L.outcome, L.average), split: 'unseen' as const },
    ];
    // The second run holds only an unrelated document: nothing of it may change the score.
    const other = {
      documents: [doc('r2024')],
      figures: [figure('r2024', 2, 9, '9.9%', '2005', 'actual')],
      targets: [],
      comparisons: [],
      findings: [],
      coverage: [],
      warnings: [],
    } as unknown as CheckRun;
    const alone = scoreMeaning(run, labelled);
    const both = scoreMeaning([run, other], labelled);
    expect(both.splits).toEqual(alone.splits);
    expect(both.splits.unseen.lookAlikesCompared).toBe(1);
    expect(both.splits.dev.targetOutcome).toEqual({ right: 1, total: 1 });
    // And a pair whose documents are all in the second run is found there.
    const split = scoreMeaning([{ ...run, figures: [], targets: [], comparisons: [], findings: [] } as CheckRun, run], labelled);
    expect(split.splits).toEqual(alone.splits);
  });
});
