/**
 * `check --annotate` read back by LibreOffice (headless, Debian's package): the annotated copies convert
 * without error, hold one comment per finding of their document, authored figcheck, each anchored on
 * exactly the text of its finding's location (the figure's raw text). On a real provincial report (runs
 * as Word wrote them) checked against a draft (examples/word, from tests/fixtures/gwr-2025-provinces), and on the example corpus made into .docx files whose runs
 * are cut every few characters (figures across runs and inside runs).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Finding } from '../src/model.js';
import { decodeBuffer } from '../src/read/decode.js';
import { annotateDocx } from '../src/annotate/docx.js';
import { runCli } from './helpers/cli.js';
import { makeDocxWithSplitRuns } from './helpers/docx.js';
import { readCommentsWithLibreOffice } from './helpers/libreoffice.js';
import { EXAMPLES, PROVINCES, ROOT } from './helpers/paths.js';

const work = mkdtempSync(join(tmpdir(), 'figcheck-annotate-lo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs check with --annotate and JSON output; returns the findings. */
function checkAndAnnotate(cwd: string, out: string): Finding[] {
  const result = runCli(['check', '--format', 'json', '--fail-on', 'never', '--annotate', out], { cwd });
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
}

/** For each annotated copy: its comments as LibreOffice reads them against the findings of its document. */
async function expectCommentsMatchFindings(cwd: string, documents: string[], findings: Finding[], out: string): Promise<number> {
  const copies = documents.map((doc) => join(cwd, out, basename(doc).replace(/\.docx$/, '.figcheck.docx')));
  const read = await readCommentsWithLibreOffice(copies);
  let total = 0;
  for (const [i, doc] of documents.entries()) {
    const own = findings.filter((f) => f.locations.some((l) => l.path === doc));
    const comments = read.get(basename(copies[i]!))!;
    expect(comments.length, doc).toBe(own.length);
    // Each finding's anchor (its first location in this document) is one comment's anchored text; a
    // finding about the whole document (nothing-compared) is a comment at its start, anchored on nothing.
    const expected = own.map((f) => f.locations.find((l) => l.path === doc)!.text ?? '').sort();
    expect(comments.map((c) => c.anchored).sort(), doc).toEqual(expected);
    for (const comment of comments) expect(comment.author).toBe('figcheck');
    // The message is the finding's: each finding's message is in one comment.
    for (const finding of own) expect(comments.some((c) => c.text.includes(finding.message)), finding.message).toBe(true);
    total += comments.length;
  }
  return total;
}

describe('annotated copies read back by LibreOffice', () => {
  it('a real provincial report checked against a draft (examples/word): one comment per finding on the figure', async () => {
    const dir = join(work, 'word');
    cpSync(join(ROOT, 'examples', 'word'), dir, { recursive: true });
    const before = readFileSync(join(dir, 'gwr-2025-beijing.docx'));
    const findings = checkAndAnnotate(dir, 'annotated');
    const report = 'gwr-2025-beijing.docx';
    // the draft's four differences (examples/word/README.md): three mismatches and a revised estimate
    const differences = findings.filter((f) => (f.rule === 'figure-mismatch' || f.rule === 'estimate-revised') && f.locations.some((l) => l.path === report));
    expect(differences.map((f) => f.rule).sort()).toEqual(['estimate-revised', 'figure-mismatch', 'figure-mismatch', 'figure-mismatch']);
    const total = await expectCommentsMatchFindings(dir, [report], findings, 'annotated');
    expect(total).toBe(findings.filter((f) => f.locations.some((l) => l.path === report)).length);
    expect(readFileSync(join(dir, report)).equals(before)).toBe(true);
  });

  it('the example corpus as .docx with runs cut every few characters: every finding a comment on its text', async () => {
    const dir = join(work, 'nmg');
    mkdirSync(dir);
    const config = parse(readFileSync(join(EXAMPLES, 'figcheck.yaml'), 'utf8')) as { documents: { path: string }[]; rules: string[] };
    const documents: string[] = [];
    for (const entry of config.documents) {
      const lines = readFileSync(join(EXAMPLES, entry.path), 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
      const docx = entry.path.replace(/\.txt$/, '.docx');
      const bytes = await makeDocxWithSplitRuns(lines);
      // The copy reads back as the text file it was made from: same lines, so the same findings.
      expect((await decodeBuffer(bytes, docx)).original).toBe(lines.join('\n'));
      writeFileSync(join(dir, docx), bytes);
      entry.path = docx;
      documents.push(docx);
    }
    config.rules = config.rules.map((rule) => join(EXAMPLES, rule));
    writeFileSync(join(dir, 'figcheck.yaml'), stringify(config));
    const findings = checkAndAnnotate(dir, 'annotated');
    const withFindings = documents.filter((doc) => findings.some((f) => f.locations.some((l) => l.path === doc)));
    expect(withFindings.length).toBeGreaterThanOrEqual(4);
    // The example's documented cross-document findings are among them.
    expect(findings.filter((f) => f.rule === 'figure-mismatch').length).toBeGreaterThanOrEqual(3);
    const total = await expectCommentsMatchFindings(dir, withFindings, findings, 'annotated');
    expect(total).toBeGreaterThanOrEqual(findings.length);
  });

  it('every figure of the real report with the most runs (Shandong), each a comment on exactly its raw text', async () => {
    // (one report: each LibreOffice conversion costs seconds of the suite)
    const names = ['gwr-2025-shandong.docx'];
    const copies: string[] = [];
    const expected = new Map<string, string[]>();
    for (const name of names) {
      const path = join(PROVINCES, name);
      const listed = runCli(['figures', '--format', 'json', path]);
      expect(listed.code, listed.stderr).toBe(0);
      const figures = (JSON.parse(listed.stdout) as { figures: { line: number; column: number; endLine: number; endColumn: number; raw: string }[] }).figures;
      expect(figures.length).toBeGreaterThan(200);
      const bytes = readFileSync(path);
      const lines = (await decodeBuffer(bytes, name)).original.split('\n');
      const notes = figures.map((f) => ({ line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, paragraphs: [`figure ${f.raw}`] }));
      const annotated = await annotateDocx(bytes, lines, notes);
      expect(annotated.unanchored).toBe(0);
      const copy = join(work, name.replace(/\.docx$/, '.figcheck.docx'));
      writeFileSync(copy, annotated.bytes);
      copies.push(copy);
      expected.set(basename(copy), figures.map((f) => f.raw).sort());
    }
    const read = await readCommentsWithLibreOffice(copies);
    for (const copy of copies) {
      const comments = read.get(basename(copy))!;
      expect(comments.map((c) => c.anchored).sort(), copy).toEqual(expected.get(basename(copy)));
      for (const comment of comments) expect(comment.text).toBe(`figure ${comment.anchored}`);
    }
  });
});
