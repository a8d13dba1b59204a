/**
 * A PDF's findings in the discrepancy report, in a real browser: the Beijing report as a PDF checked
 * against the made-up draft of examples/word. A PDF's locations count lines within a page while the
 * document view shows the file's own lines; each finding's place must still say its page and lead to
 * the figure's mark in the text, and the mark back to the finding. Skipped (loudly) only when chromium
 * is absent outside CI.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRun } from '../src/model.js';
import { check } from '../src/pipeline.js';
import { excerpt } from '../src/report/discrepancy/context.js';
import { writeReportDir } from '../src/report/discrepancy/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must run the HTML report test (see .ci/run)`);
if (!available) console.warn(`SKIPPING the PDF report test: ${CHROMIUM} not found (apt-get install -y chromium)`);

const CWD = resolve(import.meta.dirname, '..');

describe.skipIf(!available)('a PDF\'s findings in the HTML report', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let run: CheckRun;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'figcheck-pdf-report-'));
    copyFileSync(join(CWD, 'tests/fixtures/pdf/gwr-2025-beijing.pdf'), join(dir, 'report.pdf'));
    copyFileSync(join(CWD, 'examples/word/draft.md'), join(dir, 'draft.md'));
    copyFileSync(join(CWD, 'examples/word/metrics.yaml'), join(dir, 'metrics.yaml'));
    writeFileSync(
      join(dir, 'figcheck.yaml'),
      [
        'documents:',
        '  - { id: beijing-report, path: report.pdf, period: "2024", status: preliminary }',
        '  - { id: draft, path: draft.md, period: "2024", status: final }',
        'rules:',
        '  - metrics.yaml',
        '',
      ].join('\n'),
    );
    run = await check([], { config: join(dir, 'figcheck.yaml'), cwd: dir });
    writeReportDir(run, join(dir, 'out'), { cwd: dir, color: false, locale: 'en', version: '0.0.0-test' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(join(dir, 'out/index.html')).href, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('leads from each mismatch\'s place in the PDF to the figure in the text, and back', async () => {
    // the draft's four differences from the report (examples/word/README.md): three mismatches, and the report's
    // estimate of the unemployment rate (预计4.1%左右) against the draft's figure, a revised estimate
    const differences = run.findings.filter((f) => f.rule === 'figure-mismatch' || f.rule === 'estimate-revised');
    expect(differences.map((f) => f.rule).sort()).toEqual(['estimate-revised', 'figure-mismatch', 'figure-mismatch', 'figure-mismatch']);
    const places = page
      .locator('#findings tr[data-rule="figure-mismatch"] .place, #findings tr[data-rule="estimate-revised"] .place')
      .filter({ hasText: 'report.pdf#page=' });
    expect(await places.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const place = places.nth(i);
      const toText = place.locator('a.to-text[href^="#tx-"]');
      expect(await toText.count(), await place.innerText()).toBe(1);
      const target = (await toText.getAttribute('href'))!.slice(1);
      await toText.scrollIntoViewIfNeeded();
      await Promise.all([page.waitForFunction((id) => document.getElementById(id)?.classList.contains('focus'), target), toText.click()]);
      const mark = page.locator(`#${target}`);
      expect(await mark.getAttribute('class')).toContain('finding');
      // The mark is the PDF figure the finding cites, found through its page-relative place.
      const cited = /report\.pdf#page=(\d+):(\d+):(\d+)/.exec(await place.innerText())!;
      const figure = run.figures.find(
        (f) => f.document === 'beijing-report' && f.location.page === Number(cited[1]) && f.location.line === Number(cited[2]) && f.location.column === Number(cited[3]),
      );
      expect(figure, cited[0]).toBeDefined();
      // A figure wrapped onto the next line (`4.1%` | `左右`) is marked on each line: this is its first part.
      const shown = await mark.innerText();
      if (figure!.location.endLine === figure!.location.line) expect(shown).toBe(figure!.location.text);
      else expect(shown.length > 0 && figure!.location.text!.startsWith(shown), `${shown} of ${figure!.location.text}`).toBe(true);
      const back = await mark.evaluate((m) => (m.nextElementSibling as HTMLAnchorElement | null)?.getAttribute('href'));
      expect(back).toMatch(/^#f-\d+$/);
      await page.goto(page.url().split('#')[0]!);
      await page.waitForSelector('body[data-ready]');
    }
  });
});

describe('a PDF statement\'s sentence in the reports', () => {
  it('runs across a page break without the page\'s running lines, and wrapped lines join without a space', async () => {
    const file = join(CWD, 'tests/fixtures/pdf/gwr-2025-beijing.pdf');
    const run = await check([file], { config: false, cwd: CWD });
    const document = run.documents[0]!;
    // `一般公共预` ends page 3 and `算支出规模8397亿元` opens page 4: the page number 3 and the break stand between
    const figure = run.figures.find((f) => f.raw === '8397亿元')!;
    expect(figure.location.page).toBe(4);
    const { before, match } = excerpt(document, figure.location);
    expect(match).toBe('8397亿元');
    expect(before).toMatch(/一般公共预算支出规模$/);
  });
});
