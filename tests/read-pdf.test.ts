/**
 * PDF input (issue 12 §1): text lines from PDF.js runs, columns in reading order, running headers, footers and
 * page numbers as boilerplate, wrapped lines joined without moving locations, `page` in every location and
 * output; a scan is skipped with a warning, an encrypted or corrupt PDF is an input-error, the run goes on.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../src/document.js';
import type { CheckRun, Document, Figure } from '../src/model.js';
import { check, extract } from '../src/pipeline.js';
import { decodeBuffer, SkipFile } from '../src/read/decode.js';
import { markRunning, pdfText, refineEdges, type PdfLine, type PdfPage } from '../src/read/pdf.js';
import { UnreadableInput } from '../src/read/unreadable.js';
import { FORMATTERS } from '../src/report/registry.js';
import { extractFigures } from './helpers/figures.js';
import { FIXTURES } from './helpers/paths.js';
import { imageOnlyPage, pdfOf, textPage } from './helpers/pdf.js';

const PDF = resolve(FIXTURES, 'pdf');
const GOOD = '2022年，全区粮食产量达到800万吨，比上年增长3.5%。\n';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'figcheck-pdf-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

async function readPdf(path: string): Promise<Document> {
  return buildDocument(await decodeBuffer(readFileSync(path), path));
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('two columns, running header and page numbers (tests/fixtures/pdf/two-columns.pdf)', () => {
  let document: Document;
  let figures: Figure[];
  beforeAll(async () => {
    document = await readPdf(join(PDF, 'two-columns.pdf'));
    figures = extractFigures(document);
  });

  it('reads the left column before the right one, every paragraph whole and in order', () => {
    // 40 paragraphs over five pages of two columns: read row by row, their lines would interleave.
    let at = -1;
    for (let n = 1; n <= 40; n++) {
      const start = document.normalized.indexOf(`第${n}段:全年`);
      expect(start, `paragraph ${n}`).toBeGreaterThan(at);
      const end = document.normalized.indexOf('以检验阅读顺序。', start);
      // The paragraph is one line of text: its wrapped lines were joined.
      expect(document.normalized.slice(start, end), `paragraph ${n}`).not.toMatch(/\n/);
      at = start;
    }
  });

  it('marks the running header and the page numbers of every page as boilerplate, and reads no figure in them', () => {
    const byPattern = (pattern: string) => document.boilerplate.filter((b) => b.pattern === pattern).map((b) => document.locate(b.start, b.end));
    const headers = byPattern('pdf-running-header');
    const numbers = byPattern('pdf-page-number');
    const pages = [1, 2, 3, 4, 5];
    expect(headers.map((l) => l.page)).toEqual(pages);
    expect(headers.every((l) => l.line === 1 && l.text === '某市2024年国民经济和社会发展统计公报（示例）')).toBe(true);
    expect(numbers.map((l) => [l.page, l.text])).toEqual(pages.map((page) => [page, `—${page}—`]));
    expect(figures.filter((f) => f.raw === '2024年' || /^[1-5]$/.test(f.raw))).toEqual([]);
  });

  it('reports the running lines once per document, not once a page', async () => {
    const run = await check([join(PDF, 'two-columns.pdf')]);
    const boilerplate = run.findings.filter((f) => f.rule === 'boilerplate');
    expect(boilerplate.map((f) => f.message).sort()).toEqual([
      'page number on 5 pages left out of every check: "—1—"',
      'running page header on 5 pages left out of every check: "某市2024年国民经济和社会发展统计公报（示例）"',
    ]);
  });

  it('locates figures on their page and line, the line counted within the page', () => {
    const gdp = figures.find((f) => f.raw === '5405.3亿元')!;
    expect(gdp.location).toMatchObject({ page: 1, line: 2, text: '5405.3亿元' });
    expect(document.lineText(2, 1)).toBe('第1段：全年地区生产总值达到5405.3亿元，');
    // A figure whose sentence runs over a line break keeps its own line: 比上年增长7.0% sits on line 3.
    const growth = figures.find((f) => f.raw === '7.0%')!;
    expect(growth.location).toMatchObject({ page: 1, line: 3 });
    expect(growth.kind).toBe('change');
    expect(growth.label).toBe('地区生产总值');
    // Every figure's location holds its text.
    for (const f of figures) {
      const line = document.lineText(f.location.line, f.location.page)!;
      expect(line.slice(f.location.column - 1).replace(/\s/g, ''), f.raw).toContain(f.raw.replace(/\s/g, '').slice(0, 2));
    }
  });
});

describe('a paragraph running over a page break, a page number between its halves', () => {
  // Pages as the line grouping leaves them: a body of full-width lines, a page number at the foot.
  const line = (text: string, y: number, x0 = 90, x1 = 504, size = 14): PdfLine => ({ text, x0, x1, y, size, column: 0, left: 0, right: 0, lead: 0, places: [] });
  const filler = '推进重大项目建设，扩大有效投资，稳定经济增长，持续改善民生';
  const pages: PdfPage[] = [
    {
      height: 842,
      lines: [
        ...Array.from({ length: 7 }, (_, k) => line(k === 0 ? `一年来，${filler.slice(4)}` : filler, 740 - 31 * k, k === 0 ? 118 : 90)),
        line('全年完成固定资产投资总额3409', 740 - 31 * 7),
        line('1', 50, 294, 300, 9),
      ],
    },
    {
      height: 842,
      lines: [line('亿元，比上年增长5.2%。', 740, 90, 250), line('2', 50, 294, 300, 9)],
    },
  ];

  it('joins the halves, keeps the page number apart as boilerplate, and locates the figure on the first page', () => {
    markRunning(pages);
    refineEdges(pages);
    const decoded = pdfText('wrapped.pdf', pages);
    const document = buildDocument(decoded);
    expect(document.normalized).toContain('全年完成固定资产投资总额3409亿元,比上年增长5.2%。');
    expect(document.boilerplate.map((b) => [b.pattern, document.normalized.slice(b.start, b.end)])).toEqual([
      ['pdf-page-number', '1'],
      ['pdf-page-number', '2'],
    ]);
    const figures = extractFigures(document);
    const total = figures.find((f) => f.value === 340900000000)!;
    // Page 1 has 9 lines (8 of text and the page number): the figure ends on page 2's line 1, the 10th from the top of page 1.
    expect(total.location).toMatchObject({ page: 1, line: 8, column: 13, endLine: 10, endColumn: 3, text: '3409亿元' });
    expect(total.raw).toBe('3409亿元');
    const growth = figures.find((f) => f.raw === '5.2%')!;
    expect(growth.location).toMatchObject({ page: 2, line: 1 });
    expect(growth.label).toBe(total.label);
    expect(figures.some((f) => f.raw === '1' || f.raw === '2')).toBe(false);
  });
});

describe('Latin text keeps its spaces, CJK takes none', () => {
  it('spaces Latin words by the gaps between runs', async () => {
    const bytes = pdfOf([
      textPage([
        { x: 72, y: 700, text: 'GDP' },
        { x: 72 + 28, y: 700, text: 'grew' },
        { x: 72 + 58, y: 700, text: '5.2' },
        { x: 72 + 78, y: 700, text: 'percent.' },
      ]),
    ]);
    const decoded = await decodeBuffer(bytes, 'latin.pdf');
    expect(decoded.original).toBe('GDP grew 5.2 percent.\f');
  });
});

describe('PDFs that cannot be read', () => {
  it('skips a PDF without a text layer (a scan) with a warning that says so', async () => {
    const scan = pdfOf([imageOnlyPage(), imageOnlyPage()]);
    const error = await rejection(decodeBuffer(scan, 'scan.pdf'));
    expect(error).toBeInstanceOf(SkipFile);
    expect(error.message).toBe('scan.pdf: skipped, PDF without a text layer (2 pages of images only, e.g. a scan): run OCR on it first');

    const dir = mkdtempSync(join(work, 'scan-'));
    writeFileSync(join(dir, 'scan.pdf'), scan);
    writeFileSync(join(dir, 'good.txt'), GOOD);
    const run = await check([dir], { cwd: dir });
    expect(run.warnings).toContain('scan.pdf: skipped, PDF without a text layer (2 pages of images only, e.g. a scan): run OCR on it first');
    expect(run.documents.map((d) => d.path)).toEqual(['good.txt']);
    expect(run.findings.filter((f) => f.rule === 'input-error')).toEqual([]);
  });

  it('gives an encrypted PDF a clear input-error naming it, and checks the others', async () => {
    const error = await rejection(decodeBuffer(readFileSync(join(PDF, 'encrypted.pdf')), 'encrypted.pdf'));
    expect(error).toBeInstanceOf(UnreadableInput);
    expect(error.message).toMatch(/^encrypted\.pdf: encrypted PDF: it needs a password to open/);

    const dir = mkdtempSync(join(work, 'encrypted-'));
    copyFileSync(join(PDF, 'encrypted.pdf'), join(dir, 'locked.pdf'));
    writeFileSync(join(dir, 'good.txt'), GOOD);
    const run = await check([dir], { cwd: dir });
    expect(run.documents.map((d) => d.path)).toEqual(['good.txt']);
    const failures = run.findings.filter((f) => f.rule === 'input-error');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.locations[0]!.path).toBe('locked.pdf');
    expect(failures[0]!.message).toMatch(/^not checked: encrypted PDF: it needs a password/);
  });

  it('gives a corrupt or truncated PDF, or another file named .pdf, an input-error', async () => {
    const whole = readFileSync(join(PDF, 'two-columns.pdf'));
    const cases: [string, Buffer, RegExp][] = [
      ['truncated.pdf', whole.subarray(0, 3000), /^not a readable PDF file \(.+\)$/],
      ['garbage.pdf', Buffer.from('%PDF-1.4\nthis is no PDF at all\n'), /^not a readable PDF file \(.+\)$/],
      ['notes.pdf', Buffer.from('2022年粮食产量800万吨。'), /^not a PDF file \(no %PDF- header\)$/],
    ];
    const dir = mkdtempSync(join(work, 'corrupt-'));
    for (const [name, bytes] of cases) writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, 'good.txt'), GOOD);
    const run = await check([dir], { cwd: dir });
    expect(run.documents.map((d) => d.path)).toEqual(['good.txt']);
    const failures = run.findings.filter((f) => f.rule === 'input-error');
    for (const [name, , reason] of cases) {
      const failure = failures.find((f) => f.locations[0]!.path === name);
      expect(failure, name).toBeDefined();
      expect(failure!.message.replace(/^not checked: /, ''), name).toMatch(reason);
    }
  });

  it('respects --max-document-size', async () => {
    const run = await check([join(PDF, 'two-columns.pdf')], { maxDocumentSize: 10_000 });
    expect(run.documents).toEqual([]);
    const failure = run.findings.find((f) => f.rule === 'input-error')!;
    expect(failure.message).toMatch(/over the limit of 9\.8 KB per document/);
  });
});

describe('the page in every output', () => {
  let run: CheckRun;
  beforeAll(async () => {
    run = await check([join(PDF, 'two-columns.pdf')], { cwd: PDF });
  });
  const format = (name: string) => FORMATTERS.find((f) => f.name === name)!.format(run, { cwd: PDF, locale: 'en', color: false, version: '0.0.0' });

  it('puts the page in the JSON of check and figures, and in SARIF region properties', async () => {
    const json = JSON.parse(format('json') as string);
    const location = json.findings.flatMap((f: { locations: { page?: number; line: number }[] }) => f.locations)[0];
    expect(location.page).toBe(1);
    const sarif = JSON.parse(format('sarif') as string);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region.properties).toEqual({ page: 1 });
    const { figures } = await extract([join(PDF, 'two-columns.pdf')], { cwd: PDF });
    const { figureRecord } = await import('../src/report/figures/json.js');
    const record = figureRecord(figures.find((f) => f.raw === '5405.3亿元')!, PDF);
    expect(record).toMatchObject({ path: 'two-columns.pdf', page: 1, line: 2 });
  });

  it('shows file#page=N:line:column where a position is written', () => {
    expect(format('unix')).toMatch(/^two-columns\.pdf#page=1:1:1: info: /m);
  });
});
