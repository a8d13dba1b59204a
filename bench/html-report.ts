/**
 * `npm run bench:html`: the HTML discrepancy report at 1,000 … 10,000 documents (synthetic runs,
 * tests/helpers/synthetic-run.ts), in headless Chromium. Per size: the time to build the report
 * (view + index.html), the page's size, the time until the page is ready, and how long a filter
 * takes to answer, measured in the page with performance.now() around the change handler and the
 * layout it causes (a severity checkbox click, typing into the document search). Targets: under
 * 5 MB and 200 ms at 10,000 documents. First the example corpus's own report, with its interval
 * charts (issue 13: under 1 MB, open in under a second). Measured here, never asserted in tests:
 * machines are noisy.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { check } from '../src/pipeline.js';
import { repositoryRoot } from './corpus.js';
import { buildView, renderHtml } from '../src/report/discrepancy/index.js';
import { syntheticRun } from '../tests/helpers/synthetic-run.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SIZES = [1_000, 2_500, 5_000, 10_000];
const MB = 1024 * 1024;

function row(label: string, values: Record<string, string | number>): void {
  console.log(`${label.padEnd(28)} ${Object.entries(values).map(([k, v]) => `${k}=${v}`).join('  ')}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The example corpus's report: size, charts drawn, and the median of five opens until ready. */
async function exampleCorpus(browser: Browser, dir: string): Promise<void> {
  const cwd = repositoryRoot();
  const run = await check([], { config: join(cwd, 'examples/nmg/figcheck.yaml'), cwd, locale: 'zh-CN' });
  const file = join(dir, 'example.html');
  writeFileSync(file, renderHtml(buildView(run, { cwd, color: false, locale: 'zh-CN', version: 'bench' })));
  const opens: number[] = [];
  let charts = 0;
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage();
    const start = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
    opens.push((performance.now() - start) / 1000);
    charts = await page.$$eval('figure.chart svg', (svgs) => svgs.length);
    await page.close();
  }
  row('example corpus (examples/nmg)', { MB: (statSync(file).size / MB).toFixed(2), charts, 'ready s (median of 5)': median(opens).toFixed(2), 'target': '< 1 MB, < 1 s' });
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`bench:html: ${CHROMIUM} not found (apt-get install -y chromium); nothing measured`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'figcheck-bench-html-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    console.log('figcheck bench: HTML discrepancy report (targets at 10,000 documents: < 5 MB, filters < 200 ms)\n');
    await exampleCorpus(browser, dir);
    for (const size of SIZES) {
      const run = syntheticRun(size);
      const start = performance.now();
      const html = renderHtml(buildView(run, { cwd: '/srv', color: false, locale: 'en', version: 'bench' }));
      const buildSeconds = (performance.now() - start) / 1000;
      const file = join(dir, `report-${size}.html`);
      writeFileSync(file, html);
      const page = await browser.newPage();
      const loadStart = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.waitForSelector('body[data-ready]', { timeout: 300_000 });
      const loadSeconds = (performance.now() - loadStart) / 1000;
      // Each measurement: the handler runs inside dispatch, then offsetHeight forces the layout.
      const timings = await page.evaluate(() => {
        const clicks: number[] = [];
        const typing: number[] = [];
        const box = document.querySelector<HTMLInputElement>('input[name="severity"][value="error"]')!;
        const search = document.querySelector<HTMLInputElement>('#document-search')!;
        for (let i = 0; i < 6; i++) {
          const t0 = performance.now();
          box.click();
          void document.body.offsetHeight;
          clicks.push(performance.now() - t0);
        }
        for (const text of ['r', 'r00', 'r004', 'r0042', 'r0042-2', '']) {
          const t0 = performance.now();
          search.value = text;
          search.dispatchEvent(new Event('input', { bubbles: true }));
          void document.body.offsetHeight;
          typing.push(performance.now() - t0);
        }
        return { clicks, typing };
      });
      await page.close();
      row(`${size.toLocaleString('en')} documents`, {
        findings: run.findings.length,
        'build s': buildSeconds.toFixed(2),
        MB: (statSync(file).size / MB).toFixed(2),
        'ready s': loadSeconds.toFixed(2),
        'filter click ms (median/max)': `${median(timings.clicks).toFixed(0)}/${Math.max(...timings.clicks).toFixed(0)}`,
        'search ms (median/max)': `${median(timings.typing).toFixed(0)}/${Math.max(...timings.typing).toFixed(0)}`,
      });
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
