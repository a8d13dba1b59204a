/**
 * Coverage: figures read, with a metric, compared with another statement (as the checks recorded it),
 * findings — per document and in all, in every output format — and the `nothing-compared` info finding.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPair, recordReadings, type ComparedFigures } from '../src/coverage/compared.js';
import { check } from '../src/index.js';
import type { CheckRun, Figure } from '../src/model.js';
import { renderHtml } from '../src/report/discrepancy/html.js';
import { renderMarkdown } from '../src/report/discrepancy/markdown.js';
import { buildView } from '../src/report/discrepancy/view.js';
import { formatter } from '../src/report/registry.js';

let dir: string;
let run: CheckRun;
const options = { cwd: '/', color: false, locale: 'en' as const, version: '0.0.0' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'figcheck-coverage-'));
  // a and b agree on GDP (compared, no finding); a's grain and c's forest cover have no other statement;
  // d's target is judged against the actual (compared, target-missed).
  writeFileSync(join(dir, 'a.txt'), '2022年，地区生产总值增长4.2%。\n2022年，粮食产量达到380亿斤。\n');
  writeFileSync(join(dir, 'b.txt'), '2022年，地区生产总值增长4.2%。\n');
  writeFileSync(join(dir, 'c.txt'), '2022年，森林覆盖率达到23%。\n');
  writeFileSync(join(dir, 'd.txt'), '2022年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n');
  run = await check(['a.txt', 'b.txt', 'c.txt', 'd.txt'], { cwd: dir, config: false, locale: 'en', jobs: 1 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('coverage of a run', () => {
  it('counts per document what the checks compared: an agreeing pair and a judged target count, a lone figure does not', () => {
    const rows = Object.fromEntries(run.figureCoverage!.perDocument.map((r) => [r.document, [r.figures, r.withMetric, r.compared, r.comparedAcross, r.findings]]));
    expect(rows).toEqual({
      a: [2, 2, 1, 1, 0],
      b: [1, 1, 1, 1, 0],
      c: [1, 1, 0, 0, 1],
      d: [1, 1, 1, 1, 1],
    });
    expect(run.figureCoverage).toMatchObject({ documents: 4, figures: 5, withMetric: 5, compared: 3, comparedAcross: 3, findings: 2 });
  });

  it('gives a document with figures none of which was compared an info finding, and only that document', () => {
    const unseen = run.findings.filter((f) => f.rule === 'nothing-compared');
    expect(unseen.map((f) => [f.severity, f.locations[0]!.path])).toEqual([['info', 'c.txt']]);
    expect(unseen[0]!.message).toContain('none of the 1 figure of this document');
  });

  it('nothing-compared follows figcheck.yaml severity like any rule (off drops it)', async () => {
    writeFileSync(join(dir, 'figcheck.yaml'), 'documents:\n  - { id: c, path: c.txt }\n  - { id: b, path: b.txt }\nseverity:\n  nothing-compared: off\n');
    try {
      const quiet = await check([], { cwd: dir, config: join(dir, 'figcheck.yaml'), locale: 'en', jobs: 1 });
      expect(quiet.findings.filter((f) => f.rule === 'nothing-compared')).toEqual([]);
      expect(quiet.figureCoverage!.compared).toBe(0);
    } finally {
      rmSync(join(dir, 'figcheck.yaml'));
    }
  });
});

describe('recording what was compared', () => {
  const figure = (document: string, unit: string | null = '%', placeholder = false) =>
    ({ document, unit, placeholder, interval: placeholder ? null : { lo: 1, hi: 2, loClosed: true, hiClosed: true } }) as unknown as Figure;

  it('readings of one unit from two documents are compared across; a placeholder or another unit is not compared', () => {
    const compared: ComparedFigures = new Map();
    const [x, y, z, p] = [figure('a'), figure('b'), figure('b', '元'), figure('a', '%', true)];
    recordReadings(compared, [x, y, z, p].map((f) => ({ document: f.document, figures: [f] })), () => false);
    expect([compared.get(x), compared.get(y), compared.has(z), compared.has(p)]).toEqual([true, true, false, false]);
  });

  it('two readings of one document are compared within it unless the check excluded the pair (one sentence)', () => {
    const [x, y] = [figure('a'), figure('a')];
    const readings = [x, y].map((f) => ({ document: 'a', figures: [f] }));
    const within: ComparedFigures = new Map();
    recordReadings(within, readings, () => false);
    expect([within.get(x), within.get(y)]).toEqual([false, false]);
    const excluded: ComparedFigures = new Map();
    recordReadings(excluded, readings, () => true);
    expect(excluded.size).toBe(0);
  });

  it('a pair across documents upgrades a figure compared only within its document', () => {
    const compared: ComparedFigures = new Map();
    const [x, y, z] = [figure('a'), figure('a'), figure('b')];
    recordPair(compared, [x], [y]);
    expect(compared.get(x)).toBe(false);
    recordPair(compared, [x], [z]);
    expect(compared.get(x)).toBe(true);
    recordPair(compared, [x], [y]);
    expect(compared.get(x)).toBe(true);
  });
});

describe('coverage in every output format', () => {
  it('stylish ends with the coverage line (en and zh-CN)', () => {
    const en = formatter('stylish')!.format(run, options).trimEnd().split('\n');
    expect(en.at(-1)).toBe('5 figures in 4 documents, 5 with a metric, 3 compared across documents, 0 errors, 0 warnings, 2 info');
    const zh = formatter('stylish')!.format(run, { ...options, locale: 'zh-CN' }).trimEnd().split('\n');
    expect(zh.at(-1)).toBe('4 份文档共 5 个数字，5 个有指标，3 个经跨文档比对，0 个错误，0 个警告，2 个提示');
  });

  it('stylish says what was read and compared even when there is nothing to report', async () => {
    const clean = await check(['a.txt', 'b.txt'], { cwd: dir, config: false, locale: 'en', jobs: 1 });
    expect(clean.findings).toEqual([]);
    expect(formatter('stylish')!.format(clean, options)).toBe('✔ 3 figures in 2 documents, 3 with a metric, 2 compared across documents, 0 errors, 0 warnings\n');
  });

  it('json: a coverage object with the totals, and each document entry with its counts', () => {
    const json = JSON.parse(formatter('json')!.format(run, options));
    expect(json.coverage).toEqual({ documents: 4, figures: 5, withMetric: 5, compared: 3, comparedAcross: 3, byWording: 0, findings: 2 });
    expect(json.documents.find((d: { id: string }) => d.id === 'c')).toMatchObject({ figures: 1, withMetric: 1, compared: 0, comparedAcross: 0, findings: 1 });
  });

  it('sarif: run properties hold the coverage, each document with its path', () => {
    const sarif = JSON.parse(formatter('sarif')!.format(run, options));
    const coverage = sarif.runs[0].properties.coverage;
    expect(coverage).toMatchObject({ documents: 4, figures: 5, compared: 3 });
    expect(coverage.perDocument.find((r: { document: string }) => r.document === 'a')).toEqual({
      document: 'a',
      path: 'a.txt',
      figures: 2,
      withMetric: 2,
      compared: 1,
      comparedAcross: 1,
      byWording: 0,
      findings: 0,
    });
  });

  it('junit: each document suite carries its coverage as properties', () => {
    const xml = formatter('junit')!.format(run, options);
    const properties = new Map<string, Record<string, string>>();
    let suite = '';
    const parser = new Parser(
      {
        onopentag(name, attributes) {
          if (name === 'testsuite') properties.set((suite = attributes.id!), {});
          if (name === 'property') properties.get(suite)![attributes.name!] = attributes.value!;
        },
      },
      { xmlMode: true },
    );
    parser.end(xml);
    expect(properties.get('a')).toEqual({
      'figcheck.figures': '2',
      'figcheck.withMetric': '2',
      'figcheck.compared': '1',
      'figcheck.comparedAcross': '1',
      'figcheck.findings': '0',
    });
  });

  it('the discrepancy report: the coverage sentence, and the documents table with the counts (markdown and HTML)', () => {
    const view = buildView(run, options);
    const markdown = renderMarkdown(view);
    expect(markdown).toContain('5 figures in 4 documents, 5 with a metric, 3 compared across documents');
    expect(markdown).toMatch(/\| Figures \| With a metric \| Compared \| Across documents \| Findings \|/);
    expect(markdown).toMatch(/\| c \| c\.txt \|.*\| 1 \| 1 \| 0 \| 0 \| 1 \|/);
    const html = renderHtml(view);
    expect(html).toContain('<p id="coverage-summary">5 figures in 4 documents');
    // The page's data: each document's row ends with its coverage counts (the page script renders them, paged).
    expect(html).toContain('"c","c.txt"');
    expect(html).toMatch(/"c","c\.txt",[^\]]*,1,1,0,0,1\]/);
  });
});
