/**
 * The same report read as .docx and as PDF (LibreOffice's export of the .docx): which figures agree.
 * Used by tests/read-pdf-provinces.test.ts on the committed sample and by the bench on all 31 reports.
 *
 * A figure agrees when a figure of the other reading has the same raw text, value, unit, interval, label,
 * period and modality (raw compared without the line breaks a PDF wraps a figure across: `3409` at the end of
 * one line and `亿元` at the start of the next are the same `3409亿元`). Figures are matched as multisets.
 * Its location agrees when the location's line holds the figure from its column on (whole, or its start when it
 * wraps onto the next line) and the PDF's own text layer, read independently (PDF.js, runs concatenated without
 * whitespace), holds that text on the page the location names.
 */
import { readFileSync } from 'node:fs';
import { buildDocument } from '../src/document.js';
import { extractFigures } from '../src/extract/index.js';
import { interpret } from '../src/meaning/index.js';
import type { Document, Figure } from '../src/model.js';
import { decodeBuffer } from '../src/read/decode.js';
import { coreRules } from '../src/rules/load.js';

export interface PdfComparison {
  docxFigures: number;
  pdfFigures: number;
  /** Figures of the .docx with an equal figure in the PDF. */
  matched: number;
  /** PDF figures whose page and line hold their text (checked against PDF.js's own page text). */
  located: number;
  /** A few figures of each side without a partner, for a reader. */
  onlyDocx: string[];
  onlyPdf: string[];
  misplaced: string[];
  /** The page of each PDF figure. */
  figurePages: number[];
  pdfDocument: Document;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

function key(figure: Figure): string {
  return JSON.stringify([
    squeeze(figure.raw),
    figure.value,
    figure.unit,
    figure.interval,
    figure.label,
    figure.period,
    figure.modality,
  ]);
}

async function figuresOf(path: string): Promise<{ document: Document; figures: Figure[] }> {
  const rules = coreRules();
  const decoded = await decodeBuffer(readFileSync(path), path);
  const document = buildDocument(decoded, {}, rules);
  return { document, figures: interpret(document, extractFigures(document, rules), rules) };
}

/** Each page's text as PDF.js gives it, whitespace removed: the independent witness of where text lies. */
export async function pageTexts(pdfPath: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfPath)), verbosity: 0, isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    texts.push(squeeze(content.items.map((item) => ('str' in item ? item.str : '')).join('')));
  }
  await document.destroy();
  return texts;
}

export async function comparePdfWithDocx(docxPath: string, pdfPath: string): Promise<PdfComparison> {
  const docx = await figuresOf(docxPath);
  const pdf = await figuresOf(pdfPath);
  const pool = new Map<string, number>();
  for (const f of pdf.figures) pool.set(key(f), (pool.get(key(f)) ?? 0) + 1);
  let matched = 0;
  const onlyDocx: string[] = [];
  for (const f of docx.figures) {
    const k = key(f);
    const left = pool.get(k) ?? 0;
    if (left > 0) {
      matched++;
      pool.set(k, left - 1);
    } else onlyDocx.push(k);
  }
  const onlyPdf = [...pool].filter(([, n]) => n > 0).map(([k]) => k);
  const pages = await pageTexts(pdfPath);
  let located = 0;
  const misplaced: string[] = [];
  for (const f of pdf.figures) {
    const { page, line, column } = f.location;
    const raw = squeeze(f.raw);
    const lineText = page === undefined ? null : pdf.document.lineText(line, page);
    // The line holds the figure from its column on: whole, or its start when the figure wraps onto the next line.
    const rest = lineText === null ? '' : squeeze(lineText.slice(column - 1));
    const onLine = rest !== '' && (rest.startsWith(raw) || raw.startsWith(rest));
    // A figure wrapped onto the next page: its part on this page is on this page.
    const head = raw.startsWith(rest) ? rest : raw;
    const onPage = page !== undefined && head !== '' && (pages[page - 1] ?? '').includes(head);
    if (onLine && onPage) located++;
    else misplaced.push(`${f.raw} p${page}:${line}:${column}`);
  }
  return {
    docxFigures: docx.figures.length,
    pdfFigures: pdf.figures.length,
    matched,
    located,
    onlyDocx: onlyDocx.slice(0, 8),
    onlyPdf: onlyPdf.slice(0, 8),
    misplaced: misplaced.slice(0, 8),
    figurePages: pdf.figures.map((f) => f.location.page ?? 0),
    pdfDocument: pdf.document,
  };
}
