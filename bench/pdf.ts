/**
 * PDF input (issue 12 §1), on the 31 provincial reports as LibreOffice exports them:
 *   1. the figures of each report read as PDF against the same report read as .docx (bench/pdf-compare.ts):
 *      share of the .docx figures found alike, share of the PDF figures on the right page and line;
 *   2. reading speed, PDF beside .docx: MB of file per second and pages per second, in process (the read
 *      stage: bytes → DecodedText → Document), and the whole `figcheck figures` command as a process, cold.
 * The PDFs are made on the fly in a temporary folder with `soffice --headless --convert-to pdf` when
 * LibreOffice is installed; without it, the three committed in
 * tests/fixtures/pdf/ are measured and the bench says so.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument } from '../src/document.js';
import { decodeBuffer } from '../src/read/decode.js';
import { runProcess } from './command.js';
import { repositoryRoot } from './corpus.js';
import { comparePdfWithDocx } from './pdf-compare.js';

const MB = 1024 * 1024;

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The provincial .docx reports and their PDFs in `work`: converted now, or the committed sample. */
function pdfPairs(root: string, work: string): { pairs: { docx: string; pdf: string }[]; source: string } {
  const provinces = join(root, 'tests', 'fixtures', 'gwr-2025-provinces');
  const docx = readdirSync(provinces)
    .filter((name) => name.endsWith('.docx'))
    .sort()
    .map((name) => join(provinces, name));
  const out = join(work, 'pdf');
  mkdirSync(out, { recursive: true });
  if (hasSoffice()) {
    const profile = join(work, 'lo-profile');
    const result = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docx], { stdio: 'ignore', timeout: 600_000 });
    if (result.status === 0) {
      const pairs = docx.map((file) => ({ docx: file, pdf: join(out, file.replace(/^.*\//, '').replace(/\.docx$/, '.pdf')) })).filter((pair) => existsSync(pair.pdf));
      return { pairs, source: `all ${pairs.length} reports converted by LibreOffice (soffice --headless --convert-to pdf) now` };
    }
  }
  const sample = join(root, 'tests', 'fixtures', 'pdf');
  const pairs = readdirSync(sample)
    .filter((name) => /^gwr-2025-.*\.pdf$/.test(name))
    .sort()
    .map((name) => {
      copyFileSync(join(sample, name), join(out, name));
      return { docx: join(provinces, name.replace(/\.pdf$/, '.docx')), pdf: join(out, name) };
    });
  return { pairs, source: `LibreOffice (soffice) is not installed: only the ${pairs.length} PDFs committed in tests/fixtures/pdf/` };
}

/** Reads every file once per pass (bytes → Document), until `minSeconds` have gone; seconds per pass. */
async function readRate(files: string[], minSeconds = 3): Promise<number> {
  const bytes = files.map((file) => readFileSync(file));
  const start = process.hrtime.bigint();
  let passes = 0;
  let seconds = 0;
  do {
    for (let k = 0; k < files.length; k++) buildDocument(await decodeBuffer(bytes[k]!, files[k]!));
    passes++;
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
  } while (seconds < minSeconds);
  return seconds / passes;
}

export async function benchPdf(work: string): Promise<void> {
  const root = repositoryRoot();
  const { pairs, source } = pdfPairs(root, work);
  console.log(`\nPDF input: ${source}`);
  if (!pairs.length) return;
  let docxFigures = 0;
  let matched = 0;
  let pdfFigures = 0;
  let located = 0;
  let pages = 0;
  const misses: string[] = [];
  for (const { docx, pdf } of pairs) {
    const result = await comparePdfWithDocx(docx, pdf);
    docxFigures += result.docxFigures;
    matched += result.matched;
    pdfFigures += result.pdfFigures;
    located += result.located;
    pages += result.pdfDocument.original.split('\f').length - 1;
    const name = pdf.replace(/^.*\//, '');
    if (result.matched < result.docxFigures) misses.push(`  ${name}: ${result.docxFigures - result.matched} of ${result.docxFigures} differ, e.g. ${result.onlyDocx[0]} → ${result.onlyPdf[0] ?? 'none'}`);
  }
  const percent = (a: number, b: number) => `${((100 * a) / b).toFixed(2)}%`;
  console.log(`figures alike in .docx and PDF: ${matched} of ${docxFigures} (${percent(matched, docxFigures)}; target ≥ 99%: ${matched >= 0.99 * docxFigures ? 'met' : 'MISSED'}); PDF figures ${pdfFigures}`);
  console.log(`PDF figures on the right page and line: ${located} of ${pdfFigures} (${percent(located, pdfFigures)})`);
  for (const miss of misses) console.log(miss);

  const pdfFiles = pairs.map((pair) => pair.pdf);
  const docxFiles = pairs.map((pair) => pair.docx);
  const size = (files: string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0) / MB;
  const pdfSeconds = await readRate(pdfFiles);
  const docxSeconds = await readRate(docxFiles);
  console.log('reading, in process (bytes → Document, warm):');
  console.log(`  PDF   ${pdfFiles.length} files, ${size(pdfFiles).toFixed(1)} MB, ${pages} pages: ${(size(pdfFiles) / pdfSeconds).toFixed(2)} MB/s, ${(pages / pdfSeconds).toFixed(0)} pages/s (${((1000 * pdfSeconds) / pdfFiles.length).toFixed(0)} ms a report)`);
  console.log(`  .docx ${docxFiles.length} files, ${size(docxFiles).toFixed(1)} MB, the same ${pages} pages: ${(size(docxFiles) / docxSeconds).toFixed(2)} MB/s, ${(pages / docxSeconds).toFixed(0)} pages/s (${((1000 * docxSeconds) / docxFiles.length).toFixed(0)} ms a report)`);
  const bin = join(root, 'bin', 'figcheck.js');
  const pdfRun = await runProcess('node', [bin, 'figures', '--format', 'json', ...pdfFiles], { cwd: root });
  const docxRun = await runProcess('node', [bin, 'figures', '--format', 'json', ...docxFiles], { cwd: root });
  console.log('`figcheck figures` as a process, cold:');
  console.log(`  PDF   ${pdfRun.seconds.toFixed(2)} s: ${(size(pdfFiles) / pdfRun.seconds).toFixed(2)} MB/s, ${(pages / pdfRun.seconds).toFixed(0)} pages/s, peak ${pdfRun.peakRssMB?.toFixed(0) ?? '?'} MB`);
  console.log(`  .docx ${docxRun.seconds.toFixed(2)} s: ${(size(docxFiles) / docxRun.seconds).toFixed(2)} MB/s, ${(pages / docxRun.seconds).toFixed(0)} pages/s, peak ${docxRun.peakRssMB?.toFixed(0) ?? '?'} MB`);
}
