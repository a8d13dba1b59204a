/**
 * The example corpus (examples/nmg) end to end, with its config and rule set, and with no config at
 * all (auto-alignment): the discrepancies the issue names are reported, the consistent pairs are not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { check } from '../src/index.js';
import type { CheckRun, Finding } from '../src/model.js';

const cwd = resolve(import.meta.dirname, '..');
const CROSS_RULES = new Set(['figure-mismatch', 'target-missed', 'arithmetic-mismatch', 'figure-missing']);

/** Findings of `rule` whose message shows every one of `texts` (messages show normalized, Simplified readings). */
function showing(run: CheckRun, rule: string, ...texts: string[]): Finding[] {
  return run.findings.filter((f) => f.rule === rule && texts.every((t) => f.message.includes(t)));
}

/** Pairs of readings that agree (SEMANTICS.md) and must never be reported against each other. */
const CONSISTENT_PAIRS: [string, string][] = [
  ['4.2%', '4%以上'],
  ['1483.9亿元', '1484亿元'],
  ['6465亿千瓦·时', '6465亿度'],
  ['1350亿千瓦·时', '1300多亿度'],
  ['6261千米', '6261公里'],
  ['20.49万人', '20万人以上'],
];

/** `x.y%` against `x%以上` with the same x, in one message. */
function percentAgainstFloor(message: string): boolean {
  const floors = [...message.matchAll(/(?<![\d.])(\d+)%以上/g)].map((m) => m[1]);
  return floors.some((x) => new RegExp(`(?<![\\d.])${x}\\.\\d+%`).test(message));
}

for (const mode of ['config', 'auto'] as const) {
  describe(`example corpus, ${mode === 'config' ? 'with examples/nmg/figcheck.yaml' : 'with no config (auto-alignment)'}`, () => {
    let run: CheckRun;
    const auto = mode === 'auto';
    // Without a config, document ids are file names.
    const id = (configId: string, fileId: string) => (auto ? fileId : configId);
    beforeAll(async () => {
      run = auto
        ? await check(['examples/nmg'], { config: false, cwd, locale: 'en' })
        : await check([], { config: 'examples/nmg/figcheck.yaml', cwd, locale: 'en' });
    }, 120_000);

    it('reads the five documents', () => {
      const files = run.documents.map((d) => d.path.replace(/.*\//, '')).filter((p) => p.endsWith('.txt'));
      expect(files.sort()).toEqual([
        'rectification-2021.txt',
        'work-report-2022.txt',
        'work-report-2023.txt',
        'yearbook-2023-government.txt',
        'yearbook-2023-party.txt',
      ]);
    });

    it('reports 引进到位资金 3409亿元 (yearbook-gov) against 3300多亿元 (report-2023)', () => {
      const funds = showing(run, 'figure-mismatch', '3409亿元', '3300多亿元');
      expect(funds).toHaveLength(1);
      expect(funds[0]!.message).toContain(id('yearbook-gov', 'yearbook-2023-government'));
      expect(funds[0]!.message).toContain(id('report-2023', 'work-report-2023'));
      expect(new Set(funds[0]!.locations.map((l) => l.path.replace(/.*\//, '')))).toEqual(
        new Set(['yearbook-2023-government.txt', 'work-report-2023.txt']),
      );
      if (auto) {
        expect(funds[0]!.message).toContain('aligned automatically');
        expect(funds[0]!.severity).toBe('warning');
      } else {
        expect(funds[0]!.message).toBe('引进到位资金: 3409亿元 (yearbook-gov, final) vs 3300多亿元 = (3300亿, 3400亿) (report-2023, preliminary)');
        expect(funds[0]!.severity).toBe('error');
        expect(funds[0]!.metric).toBe('funds-attracted');
      }
    });

    // `清理议事协调机构109个,幅度达59%`: the bare 幅度 measures the 清理 of 议事协调机构, which auto-alignment
    // reads as the party yearbook's 议事协调机构精简幅度 (rules/core: relationalNouns, alignment.synonyms).
    it('reports 议事协调机构 精简幅度达59% (yearbook-gov) against 超过60% (yearbook-party)', () => {
      expect(showing(run, 'figure-mismatch', '59%', '超过60%')).toHaveLength(1);
    });

    it('reports the 2022 GDP target 6%左右 (report-2022) against the outcome 4.2% as missed', () => {
      expect(showing(run, 'target-missed', '6%左右', '4.2%')).toHaveLength(1);
      expect(
        run.targets.some(
          (o) => o.outcome === 'missed' && o.target.document === id('report-2022', 'work-report-2022') && o.actual.value === 4.2,
        ),
      ).toBe(true);
    });

    it('does not report consistent pairs (4.2% vs 4%以上, 6465亿千瓦·时 vs 6465亿度, 6261千米 vs 6261公里 …)', () => {
      const cross = run.findings.filter((f) => CROSS_RULES.has(f.rule));
      for (const finding of cross) {
        for (const [a, b] of CONSISTENT_PAIRS) {
          expect(finding.message.includes(a) && finding.message.includes(b), `${a} vs ${b}: ${finding.message}`).toBe(false);
        }
        expect(percentAgainstFloor(finding.message), finding.message).toBe(false);
      }
      // 20.49万人 meets the target 20万人以上 (in config mode the target check is told to look at it).
      expect(run.targets.some((o) => o.outcome === 'missed' && o.actual.value === 204900)).toBe(false);
      if (!auto) expect(run.targets.some((o) => o.outcome === 'met' && o.actual.value === 204900)).toBe(true);
    });

    // README "Example": the rectification report's figures have no statement to be compared with, and the run says so.
    it('says which document had nothing compared (rectification-2021 only), and how much was compared in all', () => {
      const unseen = run.findings.filter((f) => f.rule === 'nothing-compared');
      expect(unseen.map((f) => f.locations[0]!.path.replace(/.*\//, ''))).toEqual(['rectification-2021.txt']);
      expect(unseen[0]!.message).toContain('311 figures');
      const coverage = run.figureCoverage!;
      expect(coverage.documents).toBe(5);
      expect(coverage.figures).toBe(run.figures.length);
      expect(coverage.perDocument.reduce((sum, row) => sum + row.compared, 0)).toBe(coverage.compared);
      const rows = new Map(coverage.perDocument.map((row) => [row.document, row]));
      expect(rows.get(id('rectification-2021', 'rectification-2021'))!.compared).toBe(0);
      // Every document whose figures the known discrepancies involve was compared.
      for (const document of [id('yearbook-gov', 'yearbook-2023-government'), id('report-2023', 'work-report-2023'), id('report-2022', 'work-report-2022')]) {
        expect(rows.get(document)!.comparedAcross, document).toBeGreaterThan(0);
      }
    });

    it('shows the pairs side by side as consistent comparisons', () => {
      if (auto) return;
      const verdict = (metric: string) => run.comparisons.find((c) => c.metric === metric && c.period === '2022')?.verdict;
      expect(verdict('gdp-growth')).toBe('consistent');
      expect(verdict('power-generation')).toBe('consistent');
      expect(verdict('rural-roads')).toBe('consistent');
      expect(verdict('transfer-payments')).toBe('consistent');
      expect(verdict('funds-attracted')).toBe('mismatch');
      expect(run.coverage.some((c) => c.documents.includes('yearbook-gov') && c.documents.includes('report-2023') && c.both.includes('funds-attracted'))).toBe(true);
    });
  });
}
