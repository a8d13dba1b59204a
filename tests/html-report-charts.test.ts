/**
 * Issue 13: the interval charts of the discrepancy report on the example corpus, in a real browser
 * (Debian's chromium driven by playwright-core): the mismatching bands of 引进到位资金 and 议事协调机构
 * 精简幅度 marked, the missed GDP target drawn, a text equivalent for every chart, and a band that takes
 * the reader to its statement. Skipped (loudly) only when chromium is absent outside CI.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/pipeline.js';
import { writeReportDir } from '../src/report/discrepancy/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must run the HTML report test (see .ci/run)`);
if (!available) console.warn(`SKIPPING the HTML report chart test: ${CHROMIUM} not found (apt-get install -y chromium)`);

const CWD = resolve(import.meta.dirname, '..');

interface ChartSeen {
  name: string;
  bands: number;
  mismatched: number;
  targets: number;
  equivalents: string[];
}

describe.skipIf(!available)('interval charts in the example corpus report', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let figures: number;

  beforeAll(async () => {
    const run = await check([], { config: join(CWD, 'examples/nmg/figcheck.yaml'), cwd: CWD, locale: 'zh-CN' });
    figures = run.figureCoverage!.figures;
    dir = mkdtempSync(join(tmpdir(), 'figcheck-charts-'));
    writeReportDir(run, dir, { cwd: CWD, color: false, locale: 'zh-CN', version: '0.0.0-test' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Each chart of a list: the heading it belongs to, its bands, and its text equivalent. */
  const charts = (section: string): Promise<ChartSeen[]> =>
    page.$$eval(`${section} figure.chart`, (figures) =>
      figures.map((figure) => {
        const owner = figure.closest('section.metric') ?? figure.closest('tr')?.previousElementSibling;
        const name = owner?.querySelector('h3, td')?.textContent ?? '';
        const svg = figure.querySelector('svg')!;
        return {
          name,
          bands: svg.querySelectorAll('a rect.band').length,
          mismatched: svg.querySelectorAll('a.mismatch rect.band').length,
          targets: svg.querySelectorAll('a rect.band.target').length,
          equivalents: [...figure.querySelectorAll('ul.sr-only li')].map((li) => li.textContent ?? ''),
        };
      }),
    );

  it('stays one small page', () => {
    expect(statSync(join(dir, 'index.html')).size).toBeLessThan(1024 * 1024);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=["']?https?:/);
  });

  it('marks the mismatching bands of 引进到位资金 and 议事协调机构精简幅度', async () => {
    const seen = await charts('#comparisons');
    const funds = seen.filter((c) => c.name.startsWith('引进到位资金'));
    expect(funds.length).toBeGreaterThan(0);
    const fundsMismatch = funds.find((c) => c.mismatched > 0)!;
    expect(fundsMismatch).toBeDefined();
    // 3409亿元 twice in the yearbook (a pasted section) and 3300多亿元 in the report: all three in the mismatch.
    expect(fundsMismatch.bands).toBeGreaterThanOrEqual(2);
    expect(fundsMismatch.mismatched).toBe(fundsMismatch.bands);
    expect(fundsMismatch.equivalents.some((text) => text.includes('3300多'))).toBe(true);
    const cut = seen.find((c) => c.name.includes('议事协调机构') && c.mismatched > 0);
    expect(cut).toBeDefined();
    expect(cut!.equivalents.some((text) => text.includes('超过60%'))).toBe(true);
    // Consistent metrics are drawn too, with no band marked.
    expect(seen.some((c) => c.bands >= 2 && c.mismatched === 0)).toBe(true);
    // Every chart has its text equivalent, one line per band, and an accessible name.
    for (const chart of seen) expect(chart.equivalents).toHaveLength(chart.bands);
    const named = await page.$$eval('#comparisons figure.chart svg', (svgs) =>
      svgs.every((svg) => (document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent ?? '').length > 0),
    );
    expect(named).toBe(true);
  });

  it('draws the missed GDP target: the target dashed, the actual marked', async () => {
    const seen = await charts('#targets');
    const gdp = seen.find((c) => c.name.includes('地区生产总值'));
    expect(gdp).toBeDefined();
    expect(gdp!.bands).toBe(2);
    expect(gdp!.targets).toBe(1);
    expect(gdp!.mismatched).toBe(1);
    expect(gdp!.equivalents.join(' ')).toContain('6％左右');
    expect(gdp!.equivalents.join(' ')).toContain('未完成');
  });

  it('takes the reader from a band to its statement', async () => {
    const band = page.locator('#comparisons figure.chart a.mismatch').first();
    const statement = await band.getAttribute('data-statement');
    await band.scrollIntoViewIfNeeded();
    await Promise.all([page.waitForFunction((s) => location.hash === `#st-${s}`, statement), band.click()]);
    await page.waitForFunction((s) => document.getElementById(`st-${s}`)?.classList.contains('focus'), statement);
    const inView = await page.$eval(`#st-${statement}`, (row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    });
    expect(inView).toBe(true);
  });

  it('shows each document with its figures marked, the counts adding up to the figures read', async () => {
    const legend = await page.$$eval('#texts-legend .state-count', (spans) => spans.map((span) => Number((span.textContent ?? '').replace(/\D+/g, ' ').trim().split(' ').pop())));
    expect(legend).toHaveLength(5);
    expect(legend.reduce((a, b) => a + b, 0)).toBe(figures);
    // Open every document and walk its pages of lines: every figure is one mark with one state.
    const marked = await page.evaluate(async () => {
      let count = 0;
      for (const details of [...document.querySelectorAll<HTMLDetailsElement>('details.document-text')]) {
        details.open = true;
        await new Promise((r) => setTimeout(r, 0));
        for (;;) {
          count += details.querySelectorAll('.doc-text mark.fig').length;
          if (details.querySelectorAll('.doc-text mark.fig:not(.placeholder):not(.unreliable):not(.finding):not(.agreed):not(.uncompared)').length) return -1;
          const next = [...details.querySelectorAll<HTMLButtonElement>('.pager button')].pop();
          if (!next || next.disabled || next.closest('.pager')!.hasAttribute('hidden')) break;
          next.click();
        }
      }
      return count;
    });
    expect(marked).toBe(figures);
  });

  it('links a finding to its marks and a mark back to its finding', async () => {
    await page.goto(page.url().split('#')[0]!);
    await page.waitForSelector('body[data-ready]');
    const toText = page.locator('#findings tr[data-rule="figure-mismatch"] a.to-text[href^="#tx-"]').first();
    const target = (await toText.getAttribute('href'))!.slice(1);
    await toText.scrollIntoViewIfNeeded();
    await Promise.all([page.waitForFunction((id) => document.getElementById(id)?.classList.contains('focus'), target), toText.click()]);
    const mark = page.locator(`#${target}`);
    expect(await mark.getAttribute('class')).toContain('finding');
    // Right after the mark: the way back to the finding that cites it.
    const back = await mark.evaluate((m) => (m.nextElementSibling as HTMLAnchorElement | null)?.getAttribute('href'));
    expect(back).toMatch(/^#f-\d+$/);
  });
});
