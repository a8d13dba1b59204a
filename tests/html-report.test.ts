/**
 * The HTML discrepancy report in a real browser: Debian's chromium driven by playwright-core.
 * It must render, its filters must hide the right rows, and nothing from a hostile document may
 * run. Skipped (loudly) only when chromium is absent outside CI; in CI it must run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRun } from '../src/model.js';
import { writeReportDir } from '../src/report/discrepancy/index.js';
import { syntheticRun } from './helpers/synthetic-run.js';
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
    await page.waitForSelector('body[data-ready]');
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const visibleRows = (selector: string) =>
    page.$$eval(selector, (rows) => rows.filter((row) => (row as HTMLElement).offsetParent !== null).length);
  const shownDocuments = () =>
    page.$$eval('#findings tbody tr', (rows) =>
      rows
        .filter((r) => (r as HTMLElement).offsetParent !== null)
        .map((r) => [...r.querySelectorAll('.place')].map((p) => (p.textContent ?? '').split(': ')[0])),
    );
  const search = async (text: string) => {
    await page.fill('#document-search', text);
  };

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
    // Few findings: one page, no pager.
    expect(await visibleRows('.pager')).toBe(0);
    expect(requests).toEqual([pathToFileURL(join(dir, 'index.html')).href]);
  });

  it('shows hostile document text as text and runs none of it', async () => {
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('"><img src=x onerror="window.__pwned=3">');
    expect(body).toContain('<script>window.__pwned=5</script>');
    expect(body).toContain(HOSTILE_ID);
    expect(body).toContain('<i onmouseover="window.__pwned=7">收入</i>');
    expect(await page.$$eval('img, i, b', (elements) => elements.length)).toBe(0);
    // The only SVG is the report's own interval charts, made of its own few shapes.
    expect(await page.$$eval('svg', (svgs) => svgs.filter((svg) => !svg.parentElement?.matches('figure.chart')).length)).toBe(0);
    const shapes = await page.$$eval('figure.chart svg *', (elements) => [...new Set(elements.map((e) => e.localName))].sort());
    expect(shapes.every((tag) => ['a', 'circle', 'g', 'line', 'polygon', 'rect', 'text', 'title'].includes(tag))).toBe(true);
    // The page's own script and its data block (JSON, never run), nothing else.
    expect(await page.$$eval('script', (scripts) => scripts.map((s) => s.type))).toEqual(['application/json', '']);
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
    const mismatched = () => page.$$eval('#comparisons section.metric .badge.mismatch', (badges) => badges.length);
    expect(await mismatched()).toBe(2);
    await page.uncheck('input[name="rule"][value="figure-mismatch"]');
    const rules = await page.$$eval('#findings tbody tr', (rows) =>
      rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => (r as HTMLElement).dataset.rule),
    );
    expect(rules).not.toContain('figure-mismatch');
    expect(rules).toHaveLength(3);
    // Mismatched metrics go with their rule; the consistent one stays.
    expect(await mismatched()).toBe(0);
    expect(await page.$$eval('#comparisons section.metric .badge.consistent', (badges) => badges.length)).toBe(1);
    await page.check('input[name="rule"][value="figure-mismatch"]');
    expect(await mismatched()).toBe(2);
  });

  it('filters by document through a search box: a finding stays while any of its documents matches', async () => {
    expect(await page.$$eval('#filters select, #filters input[name="document"]', (elements) => elements.length)).toBe(0);
    await search('yearbook');
    expect(await page.textContent('#document-matches')).toContain('Matching documents: 1');
    expect(await visibleRows('#documents tbody tr')).toBe(1);
    const shown = await shownDocuments();
    // The funds mismatch (yearbook and report) and the arithmetic warning; not the report's placeholder.
    expect(shown).toHaveLength(2);
    for (const documents of shown) expect(documents).toContain('yearbook-gov');
    await page.click('#single-statements summary');
    expect(await visibleRows('#single-statements tbody tr')).toBe(1);
    await search('REPORT-2023'); // case does not matter
    expect(await visibleRows('#documents tbody tr')).toBe(1);
    // The one metric stated once (in yearbook-gov) goes, and its folded table with it.
    expect(await page.$eval('#single-statements', (el) => (el as HTMLElement).hidden)).toBe(true);
    await search('no such document');
    expect(await visibleRows('#findings tbody tr')).toBe(0);
    expect(await page.textContent('#shown-count')).toBe('0');
    // A match picked from the suggestions selects that document alone.
    await search('evil');
    await page.click('#document-matches button.pick');
    expect(await page.inputValue('#document-search')).toBe(HOSTILE_ID);
    expect(await page.textContent('#document-matches')).toContain(`Only ${HOSTILE_ID}`);
    expect(await visibleRows('#findings tbody tr')).toBe(2); // the hostile document's findings
    await page.click('#document-matches button');
    expect(await visibleRows('#findings tbody tr')).toBe(5);
    expect(await page.inputValue('#document-search')).toBe('');
  });

  it('links every finding to its statements and each statement back to its findings', async () => {
    const findings = await page.$$eval('#findings tbody tr', (rows) => rows.map((r) => r.id));
    expect(findings).toHaveLength(5);
    for (const id of findings) {
      const links = await page.$$eval(`#${id} a.to-statement`, (anchors) => anchors.map((a) => a.getAttribute('href')!));
      expect(links.length, id).toBeGreaterThan(0);
      for (const href of links) {
        await page.click(`#${id} a.to-statement[href="${href}"]`);
        const target = page.locator(href);
        expect(await target.isVisible(), href).toBe(true);
        // (the page marks it on hashchange, an event that may fire after the click has returned)
        await expect.poll(async () => (await target.getAttribute('class')) ?? '', { timeout: 2000 }).toContain('focus');
        expect(await target.locator(`a.back[href="#${id}"]`).count(), `${href} links back to ${id}`).toBeGreaterThan(0);
      }
      await page.click(`${links[0]} a.back[href="#${id}"]`);
      expect(await page.locator(`#${id}`).isVisible()).toBe(true);
      await expect.poll(async () => (await page.locator(`#${id}`).getAttribute('class')) ?? '', { timeout: 2000 }).toContain('focus');
    }
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

/**
 * At 10,000 documents (a synthetic run: regions × years, a yearbook and a work report each) the page
 * stays under 5 MB and usable: findings paged, the document filter a search box, links both ways,
 * no internal `auto:` keys. How fast a filter answers is measured by `npm run bench:html`.
 */
describe.skipIf(!available)('HTML discrepancy report of 10,000 documents in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let page: Page;
  let run: CheckRun;
  let bytes: number;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'figcheck-html-10k-'));
    run = syntheticRun(10_000);
    writeReportDir(run, dir, { cwd: '/srv', color: false, locale: 'en', version: '0.0.0-test' });
    bytes = statSync(join(dir, 'index.html')).size;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const range = (selector: string) => page.textContent(`${selector} .pager .range`);
  const rows = (selector: string) => page.$$eval(selector, (all) => all.filter((r) => (r as HTMLElement).offsetParent !== null).length);

  it('is one file under 5 MB that renders without errors', async () => {
    expect(run.documents).toHaveLength(10_000);
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
    expect(errors).toEqual([]);
    expect(await page.textContent('#summary')).toContain('10000 documents');
    // The data travels compressed at this size; the browser inflates it (no network, same CSP).
    expect(await page.$eval('#report-data', (block) => (block as HTMLScriptElement).type)).toBe('application/gzip+base64');
  });

  it('pages the findings, the documents and the metric groups', async () => {
    const findings = run.findings.length;
    expect(findings).toBeGreaterThan(1000);
    expect(await range('#findings')).toBe(`1–50 / ${findings.toLocaleString('en')}`);
    expect(await rows('#findings tbody tr')).toBe(50);
    expect(await range('#documents')).toBe('1–50 / 10,000');
    expect(await rows('#documents tbody tr')).toBe(50);
    expect(await rows('#comparisons > .list section.metric')).toBe(50);
    const first = await page.$eval('#findings tbody tr', (row) => row.id);
    await page.click('#findings .pager button:has-text("Next")');
    expect(await range('#findings')).toBe(`51–100 / ${findings.toLocaleString('en')}`);
    expect(await page.$eval('#findings tbody tr', (row) => row.id)).not.toBe(first);
    await page.click('#findings .pager button:has-text("»")');
    const last = findings - Math.floor((findings - 1) / 50) * 50;
    expect(await rows('#findings tbody tr')).toBe(last);
    await page.click('#findings .pager button:has-text("«")');
  });

  it('filters the documents through a search box, the findings with them', async () => {
    expect(await page.$$eval('#filters select, #filters option, #filters input[name="document"]', (elements) => elements.length)).toBe(0);
    const query = 'r0042-2019';
    const idOf = new Map(run.documents.map((d) => [d.path, d.id]));
    const expected = run.findings.filter((f) => !f.suppressed && f.locations.some((l) => idOf.get(l.path)!.includes(query))).length;
    await page.fill('#document-search', query);
    expect(await page.textContent('#document-matches')).toContain('Matching documents: 2');
    expect(await rows('#documents tbody tr')).toBe(2);
    expect(await page.textContent('#shown-count')).toBe(String(expected));
    const shown = await page.$$eval('#findings tbody tr', (all) =>
      all.map((row) => [...row.querySelectorAll('.place')].map((p) => (p.textContent ?? '').split(': ')[0]!)),
    );
    expect(shown).toHaveLength(Math.min(expected, 50));
    for (const documents of shown) expect(documents.some((id) => id.startsWith(query))).toBe(true);
    await page.fill('#document-search', '');
    expect(await range('#documents')).toBe('1–50 / 10,000');
  });

  it('links a finding on a later page to its statements, and back', async () => {
    await page.click('#findings .pager button:has-text("Next")');
    await page.click('#findings .pager button:has-text("Next")');
    const row = page.locator('#findings tbody tr').nth(7);
    const id = await row.getAttribute('id');
    const href = await row.locator('a.to-statement').first().getAttribute('href');
    await row.locator('a.to-statement').first().click();
    const statement = page.locator(href!);
    // Links are followed by the page's hashchange handler: wait for what it renders, never read at once.
    await expect.poll(() => statement.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await statement.getAttribute('class')) ?? '', { timeout: 10_000 }).toContain('focus');
    const back = statement.locator(`a.back[href="#${id}"]`);
    await expect.poll(() => back.count(), { timeout: 10_000 }).toBe(1);
    // Elsewhere first: the findings list shows its first page again.
    await page.click('#findings .pager button:has-text("«")');
    await expect.poll(() => page.locator(`#${id}`).count(), { timeout: 10_000 }).toBe(0);
    await back.click();
    await expect.poll(() => page.locator(`#${id}`).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => range('#findings'), { timeout: 10_000 }).toMatch(/^101–150 \//);
  });

  it('shows metrics aligned automatically by their name, never by an internal key', async () => {
    await page.click('#single-statements summary');
    // From the first page of the metric groups (a link followed before may have left another page shown),
    // one page at a time: each click's handler renders, so wait for the range each click must show.
    const groups = () => page.locator('#comparisons > .list > .pager .range').first().textContent();
    const first = page.locator('#comparisons > .list > .pager button:has-text("«")').first();
    if (await first.isEnabled()) await first.click();
    await expect.poll(groups, { timeout: 10_000 }).toMatch(/^1–50 \//);
    for (let i = 1; i <= 3; i++) {
      await page.locator('#comparisons > .list > .pager button:has-text("Next")').first().click();
      await expect.poll(groups, { timeout: 10_000 }).toMatch(new RegExp(`^${i * 50 + 1}–`));
    }
    await expect.poll(() => page.evaluate(() => document.body.innerText), { timeout: 10_000 }).toContain('aligned automatically');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('城镇新增就业');
    expect(text).toContain('粮食产量');
    expect(text).not.toContain('auto:');
  });
});
