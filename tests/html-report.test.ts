/**
 * The HTML discrepancy report in a real browser: Debian's chromium driven by playwright-core.
 * It must render, its filters must hide the right rows, and nothing from a hostile document may
 * run. Skipped (loudly) only when chromium is absent outside CI; in CI it must run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRun } from '../src/model.js';
import { writeReportDir } from '../src/report/discrepancy/index.js';
import { closed, figureIn, finding, sampleRun, textDocument } from './report-fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must run the HTML report test (see .ci/run)`);
if (!available) console.warn(`SKIPPING the HTML report browser test: ${CHROMIUM} not found (apt-get install -y chromium)`);

const HOSTILE_ID = 'evil"><img src=x onerror="window.__pwned=1">';
const HOSTILE_TEXT = [
  '标题<script>window.__pwned=2</script>',
  '收入"><img src=x onerror="window.__pwned=3">增长5%。',
  "支出<svg onload=\"window.__pwned=4\"></svg>'增长7%。",
  '',
].join('\n');

/** The sample run plus a hostile document whose text, id, path and messages carry markup. */
function hostileRun(): CheckRun {
  const { run } = sampleRun();
  const evil = textDocument(HOSTILE_TEXT, { id: HOSTILE_ID, path: 'docs-in/<script>alert(1)</script>.txt', period: '2022', status: 'draft' });
  const income = figureIn(evil, '5%', { value: 5, unit: '%', interval: closed(4.5, 5.5), kind: 'change', change: 'increase' });
  const spending = figureIn(evil, '7%', { value: 7, unit: '%', interval: closed(6.5, 7.5), kind: 'change', change: 'increase' });
  run.documents.push(evil);
  run.figures.push(income, spending);
  run.findings.push(
    finding('encoding-damage', 'warning', 'markup <script>window.__pwned=5</script> in the text', null, [income]),
    finding('figure-mismatch', 'error', `收入 <img src=x onerror="window.__pwned=6">`, '"><b>metric', [income, spending]),
  );
  run.comparisons.push({
    metric: '"><b>metric',
    name: '<i onmouseover="window.__pwned=7">收入</i>',
    auto: true,
    period: '2022',
    statements: [income, spending],
    verdict: 'mismatch',
  });
  return run;
}

describe.skipIf(!available)('HTML discrepancy report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let page: Page;
  const dialogs: string[] = [];
  const requests: string[] = [];
  let run: CheckRun;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'figcheck-html-'));
    run = hostileRun();
    writeReportDir(run, dir, { cwd: process.cwd(), color: false, locale: 'en', version: '0.0.0-test' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await browser.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const visibleRows = (selector: string) =>
    page.$$eval(selector, (rows) => rows.filter((row) => (row as HTMLElement).offsetParent !== null).length);

  it('renders the summary, documents, findings and statements, loading nothing else', async () => {
    expect(await page.title()).toBe('figcheck discrepancy report');
    expect(await page.textContent('#summary')).toContain('3 documents; 2 errors, 2 warnings, 1 info, 1 suppressed by the baseline');
    expect(await visibleRows('#documents tbody tr')).toBe(3);
    expect(await visibleRows('#findings tbody tr')).toBe(5);
    expect(await page.textContent('#shown-count')).toBe('5');
    // The statement sentence, from the original Traditional text, with the figure marked.
    const marked = await page.$$eval('#comparisons mark', (marks) => marks.map((m) => m.textContent));
    expect(marked).toContain('3300多億元');
    expect(await page.textContent('#comparisons')).toContain('過去一年，引進到位資金3300多億元。');
    expect(requests).toEqual([pathToFileURL(join(dir, 'index.html')).href]);
  });

  it('shows hostile document text as text and runs none of it', async () => {
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('"><img src=x onerror="window.__pwned=3">');
    expect(body).toContain('<script>window.__pwned=5</script>');
    expect(body).toContain(HOSTILE_ID);
    expect(body).toContain('<i onmouseover="window.__pwned=7">收入</i>');
    expect(await page.$$eval('img, svg, i, b', (elements) => elements.length)).toBe(0);
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(1);
    await page.mouse.move(10, 10);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('filters by severity', async () => {
    await page.uncheck('input[name="severity"][value="warning"]');
    const severities = await page.$$eval('#findings tbody tr', (rows) =>
      rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => (r as HTMLElement).dataset.severity),
    );
    expect(severities.sort()).toEqual(['error', 'error', 'info']);
    expect(await page.textContent('#shown-count')).toBe('3');
    await page.check('input[name="severity"][value="warning"]');
    expect(await visibleRows('#findings tbody tr')).toBe(5);
  });

  it('filters by rule, in the findings and in the metric sections', async () => {
    await page.uncheck('input[name="rule"][value="figure-mismatch"]');
    const rules = await page.$$eval('#findings tbody tr', (rows) =>
      rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => (r as HTMLElement).dataset.rule),
    );
    expect(rules).not.toContain('figure-mismatch');
    expect(rules).toHaveLength(3);
    // Mismatched metrics are hidden with their rule; the consistent one stays.
    expect(await visibleRows('#comparisons section.metric')).toBe(1);
    await page.check('input[name="rule"][value="figure-mismatch"]');
    expect(await visibleRows('#comparisons section.metric')).toBe(3);
  });

  it('filters by document: a finding stays while any of its documents is selected', async () => {
    await page.uncheck('input[name="document"][value="report-2023"]');
    const shown = await page.$$eval('#findings tbody tr', (rows) =>
      rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => JSON.parse((r as HTMLElement).dataset.documents ?? '[]')),
    );
    // The placeholder (report-2023 only) is hidden; the cross-document mismatch is not.
    expect(shown).toHaveLength(4);
    for (const documents of shown) expect(documents.some((d: string) => d !== 'report-2023')).toBe(true);
    expect(await visibleRows('#documents tbody tr')).toBe(2);
    await page.click('#single-statements summary');
    expect(await visibleRows('#single-statements tbody tr')).toBe(1);
    await page.uncheck('input[name="document"][value="yearbook-gov"]');
    // The one metric stated once (in yearbook-gov) goes, and its folded table with it.
    expect(await page.$eval('#single-statements', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await visibleRows('#findings tbody tr')).toBe(2); // only the hostile document's findings
    await page.check(`input[name="document"][value="${HOSTILE_ID.replace(/"/g, '\\"')}"]`);
    await page.uncheck(`input[name="document"][value="${HOSTILE_ID.replace(/"/g, '\\"')}"]`);
    expect(await visibleRows('#findings tbody tr')).toBe(0);
    expect(await page.textContent('#shown-count')).toBe('0');
    for (const id of ['report-2023', 'yearbook-gov']) await page.check(`input[name="document"][value="${id}"]`);
    await page.check(`input[name="document"][value="${HOSTILE_ID.replace(/"/g, '\\"')}"]`);
    expect(await visibleRows('#findings tbody tr')).toBe(5);
  });

  it('writes the same findings into report.md, escaped for tables', () => {
    const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(markdown).toContain('# figcheck discrepancy report');
    expect(markdown).toContain('&lt;script&gt;window.\\_\\_pwned=5&lt;/script&gt;');
    expect(markdown).not.toContain('<script>');
    // Every row of a table has as many cells as its header: no value split a cell.
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    let header = 0;
    for (const line of markdown.split('\n')) {
      if (!line.startsWith('|')) {
        header = 0;
        continue;
      }
      if (!header) header = cells(line);
      else expect(cells(line), line).toBe(header);
    }
  });
});
