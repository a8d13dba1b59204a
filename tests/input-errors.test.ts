/**
 * One bad input never stops the run (issue 10 §3, §4): file names that are not UTF-8 are walked, read and
 * shown escaped; an unreadable, corrupt or over-limit document becomes a warning and an `input-error`
 * finding in every format while the others are checked; `--fail-on` decides the exit code; the size limit
 * (`--max-document-size`, `maxDocumentSize`) holds for .docx files whose XML inflates far beyond it, even
 * when their zip headers lie.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, readDocument } from '../src/pipeline.js';
import { InputError } from '../src/model.js';
import { decodeFileName, displayFileName, fileSystemPath, recoverLossyPath } from '../src/read/file-names.js';
import { findInputs } from '../src/read/inputs.js';
import { DocumentTooLarge, parseSize } from '../src/read/unreadable.js';
import { FORMATTERS } from '../src/report/registry.js';
import { runCli } from './helpers/cli.js';
import { makeDocx } from './helpers/docx.js';
import { makeDocxBomb } from './helpers/zip-bomb.js';

const GOOD = '2022年，全区粮食产量达到800万吨，比上年增长3.5%。\n';
const OTHER = '2023年，全区粮食产量达到820万吨，比上年增长2.5%。\n';
/** 中文 and 报告 in GBK, as a zip archive made on Chinese Windows names its files. */
const GBK_NAME = iconv.encode('中文', 'gbk');
const GBK_DIR = iconv.encode('报告', 'gbk');

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'figcheck-input-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function folder(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('file names that are not UTF-8', () => {
  let dir: string;
  beforeAll(() => {
    dir = folder('gbk-names');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), GBK_NAME, Buffer.from('.txt')]), GOOD);
    mkdirSync(Buffer.concat([Buffer.from(`${dir}/`), GBK_DIR]));
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), GBK_DIR, Buffer.from('/'), GBK_NAME, Buffer.from('.txt')]), OTHER);
    writeFileSync(join(dir, 'plain.txt'), GOOD);
  });

  it('a name keeps its bytes through the escaped form, whatever the bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (bytes) => {
        const name = decodeFileName(bytes);
        const back = fileSystemPath(name);
        expect(Buffer.from(typeof back === 'string' ? Buffer.from(back) : back).equals(Buffer.from(bytes))).toBe(true);
        expect(/[\udc80-\udcff]/.test(displayFileName(name))).toBe(false);
      }),
    );
    expect(displayFileName(decodeFileName(Buffer.concat([GBK_NAME, Buffer.from('.txt')])))).toBe('\\xD6\\xD0\\xCE\\xC4.txt');
  });

  it('a directory walk finds files and folders with such names, and the run reads them, shown escaped', async () => {
    const { files } = await findInputs([dir], { cwd: work });
    expect(files.map(displayFileName).sort()).toEqual(['gbk-names/\\xB1\\xA8\\xB8\\xE6/\\xD6\\xD0\\xCE\\xC4.txt', 'gbk-names/\\xD6\\xD0\\xCE\\xC4.txt', 'gbk-names/plain.txt']);
    const run = await check([dir], { cwd: work, config: false, locale: 'en' });
    expect(run.warnings).toEqual([]);
    expect(run.documents.map((d) => d.path).sort()).toEqual(files.map(displayFileName).sort());
    expect(run.documents.map((d) => d.id).sort()).toEqual(['\\xD6\\xD0\\xCE\\xC4', '\\xD6\\xD0\\xCE\\xC4-2', 'plain']);
    const escaped = run.figures.filter((f) => f.location.path.includes('\\xD6\\xD0'));
    expect(escaped.map((f) => f.raw).sort()).toEqual(['2.5%', '3.5%', '800万吨', '820万吨']);
  });

  it('a name given with U+FFFD where its bytes were (Node decodes arguments lossily) still finds the one file', async () => {
    const lossy = join(dir, `${Buffer.concat([GBK_DIR]).toString('utf8')}/${GBK_NAME.toString('utf8')}.txt`);
    expect(lossy).toContain('\ufffd');
    const recovered = await recoverLossyPath(lossy);
    expect(displayFileName(recovered)).toBe(`${dir}/\\xB1\\xA8\\xB8\\xE6/\\xD6\\xD0\\xCE\\xC4.txt`);
    const document = await readDocument(recovered);
    expect(document.normalized).toContain('820万吨');
  });

  it('a figcheck.yaml glob matches them too', async () => {
    writeFileSync(join(dir, 'figcheck.yaml'), 'documents:\n  - { id: gbk, path: "*/*.txt", period: "2023" }\n');
    try {
      const run = await check([], { cwd: dir, locale: 'en' });
      expect(run.warnings).toEqual([]);
      expect(run.documents.map((d) => [d.id, d.path])).toEqual([['gbk', '\\xB1\\xA8\\xB8\\xE6/\\xD6\\xD0\\xCE\\xC4.txt']]);
    } finally {
      rmSync(join(dir, 'figcheck.yaml'));
    }
  });

  it('the command line: every output names the file escaped, never with U+FFFD, and exits 0', () => {
    for (const format of ['unix', 'json', 'sarif']) {
      const result = runCli(['check', 'gbk-names', '--no-config', '--format', format, '--fail-on', 'never'], { cwd: work });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/no such file/);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/\ufffd/);
    }
    const figures = runCli(['figures', 'gbk-names', '--no-config', '--format', 'csv'], { cwd: work });
    expect(figures.code, figures.stderr).toBe(0);
    expect(figures.stdout).toContain('gbk-names/\\xB1\\xA8\\xB8\\xE6/\\xD6\\xD0\\xCE\\xC4.txt,1,');
    expect(figures.stdout).toContain('gbk-names/\\xD6\\xD0\\xCE\\xC4.txt,1,');
  });
});

describe('a document that cannot be read does not stop the run', () => {
  let dir: string;
  beforeAll(async () => {
    dir = folder('one-bad');
    writeFileSync(join(dir, 'report.txt'), GOOD);
    writeFileSync(join(dir, 'yearbook.txt'), GOOD.replace('800', '760'));
    const docx = await makeDocx(['全区生产总值增长4.2%。', '引进到位资金3409亿元。'.repeat(50)]);
    writeFileSync(join(dir, 'corrupt.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
    writeFileSync(join(dir, 'figcheck.yaml'), 'severity:\n  input-error: warning\n');
  });

  it('a corrupt .docx among good files: a warning and an input-error finding naming it; the others are checked', async () => {
    const run = await check([dir], { cwd: work, config: false, locale: 'en' });
    expect(run.documents.map((d) => d.path).sort()).toEqual(['one-bad/report.txt', 'one-bad/yearbook.txt']);
    expect(run.warnings).toEqual([expect.stringMatching(/^one-bad\/corrupt\.docx: not a readable \.docx file \(.+\)$/)]);
    const inputErrors = run.findings.filter((f) => f.rule === 'input-error');
    expect(inputErrors).toHaveLength(1);
    expect(inputErrors[0]).toMatchObject({ severity: 'error', locations: [{ path: 'one-bad/corrupt.docx', line: 1, column: 1 }] });
    expect(inputErrors[0]!.message).toMatch(/^not checked: not a readable \.docx file/);
  });

  it('every output format shows the input-error, naming the file', async () => {
    const run = await check([join(dir, 'corrupt.docx'), join(dir, 'report.txt')], { cwd: work, config: false, locale: 'en' });
    for (const formatter of FORMATTERS) {
      const output = formatter.format(run, { cwd: work, color: false, locale: 'en', version: '0.0.0' });
      expect(output, formatter.name).toContain('input-error');
      expect(output, formatter.name).toContain('corrupt.docx');
    }
  });

  it('exit code: 1 by default (an error), 0 with --fail-on never or a config severity below --fail-on; never 2', () => {
    const plain = runCli(['check', 'one-bad', '--no-config', '--format', 'unix'], { cwd: work });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/^one-bad\/corrupt\.docx:1:1: error: not checked: not a readable \.docx file .*\[input-error\]$/m);
    expect(plain.stderr).toMatch(/^figcheck: warning: one-bad\/corrupt\.docx: not a readable \.docx file/m);
    expect(plain.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(runCli(['check', 'one-bad', '--no-config', '--fail-on', 'never'], { cwd: work }).code).toBe(0);
    // The folder's figcheck.yaml makes input-error a warning.
    const configured = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(configured.code).toBe(0);
    expect((JSON.parse(configured.stdout) as { findings: { rule: string; severity: string }[] }).findings.filter((f) => f.rule === 'input-error')).toEqual([
      expect.objectContaining({ severity: 'warning' }),
    ]);
  });

  it.skipIf(process.platform === 'win32')('a named pipe given as a document is refused at once, not waited on', async () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    try {
      const run = await check([fifo, join(dir, 'report.txt')], { cwd: work, config: false, locale: 'en' });
      expect(run.documents.map((d) => d.path)).toEqual(['one-bad/report.txt']);
      expect(run.warnings).toEqual(['one-bad/pipe.txt: not a regular file (a pipe, socket or device)']);
      expect(run.findings.filter((f) => f.rule === 'input-error').map((f) => f.locations[0]!.path)).toEqual(['one-bad/pipe.txt']);
    } finally {
      rmSync(fifo);
    }
  });

  it('readDocument (one document, library) still rejects with an InputError naming the file', async () => {
    await expect(readDocument(join(dir, 'corrupt.docx'))).rejects.toBeInstanceOf(InputError);
    await expect(readDocument(join(dir, 'corrupt.docx'))).rejects.toThrow(/corrupt\.docx: not a readable \.docx file/);
  });
});

describe('the size limit per document', () => {
  it('sizes read as people write them', () => {
    expect(parseSize('64MB')).toBe(64 * 1024 * 1024);
    expect(parseSize('500 KB')).toBe(500 * 1024);
    expect(parseSize('1.5gb')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('4096')).toBe(4096);
    expect(parseSize(2048)).toBe(2048);
    for (const bad of ['', 'lots', '-1MB', '0', '12 parsecs', 0, -5, 1.5]) expect(parseSize(bad)).toBeNull();
  });

  it('a 200 MB .docx bomb (0.6 MB on disk), with honest and with lying zip headers: a clear input-error, in bounded memory', async () => {
    const dir = folder('bombs');
    writeFileSync(join(dir, 'honest.docx'), await makeDocxBomb(200));
    // The headers claim 5 KB: a reader that trusts them would inflate all 200 MB.
    writeFileSync(join(dir, 'lying.docx'), await makeDocxBomb(200, { statedSize: 5000 }));
    writeFileSync(join(dir, 'report.txt'), GOOD);
    const before = process.resourceUsage().maxRSS;
    const run = await check([dir], { cwd: work, config: false, locale: 'en' });
    const grownMb = (process.resourceUsage().maxRSS - before) / 1024;
    expect(run.documents.map((d) => d.path)).toEqual(['bombs/report.txt']);
    const failures = run.findings.filter((f) => f.rule === 'input-error').map((f) => [f.locations[0]!.path, f.message]);
    expect(failures).toEqual([
      ['bombs/honest.docx', expect.stringMatching(/over the limit of 16 MB per document \(raise it with --max-document-size/)],
      ['bombs/lying.docx', expect.stringMatching(/over the limit of 16 MB per document/)],
    ]);
    // Inflating stops at the limit: nowhere near the 200 MB, let alone mammoth's ~100 bytes per byte of XML.
    expect(grownMb).toBeLessThan(400);
  });

  it('a smaller .docx still fits, and a lower limit refuses it before reading', async () => {
    const docx = await makeDocx(Array.from({ length: 200 }, () => GOOD.trim()));
    expect((await readDocument(docx, { path: 'report.docx' })).normalized).toContain('800万吨');
    await expect(readDocument(docx, { path: 'report.docx', maxDocumentSize: 10_000 })).rejects.toBeInstanceOf(DocumentTooLarge);
    await expect(readDocument(Buffer.from(GOOD.repeat(100)), { path: 'report.txt', maxDocumentSize: 1000 })).rejects.toThrow(
      /^report\.txt: the file \(.+\) is over the limit of 1000 bytes per document/,
    );
  });

  it('standard input over the limit is refused as it is read, not after', async () => {
    const { readStdin } = await import('../src/read/inputs.js');
    const { Readable } = await import('node:stream');
    let pulled = 0;
    // An endless stream: only a limit can end the read.
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(65536, 0x31));
      },
    });
    await expect(readStdin(endless, { maxBytes: 1024 * 1024, name: 'stdin.txt' })).rejects.toThrow(/^stdin\.txt: standard input \(over 1 MB so far\) is over the limit of 1 MB/);
    expect(pulled).toBeLessThan(40);
    const cli = runCli(['check', '-', '--no-config', '--max-document-size', '1KB', '--format', 'unix'], { cwd: work, input: GOOD.repeat(100) });
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/^stdin\.txt:1:1: error: not checked: standard input .* over the limit of 1 KB/m);
  });

  it('--max-document-size and figcheck.yaml maxDocumentSize set the limit; a bad value is a usage error naming where', () => {
    const dir = folder('limits');
    writeFileSync(join(dir, 'big.txt'), GOOD.repeat(100));
    writeFileSync(join(dir, 'small.txt'), GOOD);
    const flagged = runCli(['check', '.', '--no-config', '--format', 'json', '--max-document-size', '2KB'], { cwd: dir });
    expect(flagged.code).toBe(1);
    const run = JSON.parse(flagged.stdout) as { documents: { path: string }[]; findings: { rule: string; message: string; locations: { path: string }[] }[] };
    expect(run.documents.map((d) => d.path)).toEqual(['small.txt']);
    expect(run.findings.filter((f) => f.rule === 'input-error').map((f) => f.locations[0]!.path)).toEqual(['big.txt']);
    expect(runCli(['check', '.', '--no-config', '--max-document-size', '1MB'], { cwd: dir }).code).toBe(0);

    writeFileSync(join(dir, 'figcheck.yaml'), 'maxDocumentSize: 2KB\n');
    expect(runCli(['check', '.', '--format', 'unix'], { cwd: dir }).stdout).toMatch(/^big\.txt:1:1: error: .*over the limit of 2 KB/m);
    // The flag wins over the config.
    expect(runCli(['check', '.', '--max-document-size', '1MB'], { cwd: dir }).code).toBe(0);

    const badFlag = runCli(['check', '.', '--max-document-size', 'lots'], { cwd: dir });
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/--max-document-size.*must be a size/);
    writeFileSync(join(dir, 'figcheck.yaml'), 'version: 1\nmaxDocumentSize: lots\n');
    const badConfig = runCli(['check', '.'], { cwd: dir });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/figcheck\.yaml:2:1: maxDocumentSize/);
  });
});
