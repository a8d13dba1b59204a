/**
 * The provincial reports read as PDF give the figures they give as .docx (issue 12, "Done when"): the committed
 * sample of three (tests/fixtures/pdf/, made with LibreOffice from tests/fixtures/gwr-2025-provinces/), each
 * with ≥ 99% of its .docx figures found alike in the PDF (raw, value, unit, interval, label, period,
 * modality) and ≥ 99% of its PDF figures located on the page and line that PDF.js's own text of the page
 * holds them. The bench does all 31 (bench/pdf.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePdfWithDocx } from '../bench/pdf-compare.js';
import { FIXTURES, PROVINCES } from './helpers/paths.js';

describe.each(['beijing', 'jilin', 'xizang'])('gwr-2025-%s as PDF', (region) => {
  it('gives the figures of the .docx, on the right page and line', async () => {
    const result = await comparePdfWithDocx(join(PROVINCES, `gwr-2025-${region}.docx`), join(FIXTURES, 'pdf', `gwr-2025-${region}.pdf`));
    expect(result.docxFigures).toBeGreaterThan(100);
    expect(result.matched / result.docxFigures, `only in the .docx: ${result.onlyDocx.join('; ')}`).toBeGreaterThanOrEqual(0.99);
    // No figure the .docx does not have either (a page number read as a figure would be one).
    expect(result.pdfFigures - result.matched, `only in the PDF: ${result.onlyPdf.join('; ')}`).toBeLessThanOrEqual(Math.floor(result.pdfFigures * 0.01));
    expect(result.located / result.pdfFigures, `misplaced: ${result.misplaced.join('; ')}`).toBeGreaterThanOrEqual(0.99);
    // Every page of the report is a page of locations: figures are found on most of them.
    const pageCount = result.pdfDocument.original.split('\f').length - 1;
    expect(new Set(result.figurePages).size).toBeGreaterThanOrEqual(Math.floor(pageCount * 0.6));
  });
});
