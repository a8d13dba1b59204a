/**
 * Suppression comments in the four formats (.txt, .md, .html, .docx), end to end through `check`: a
 * suppressed finding is gone from every output but counted; a cross-document finding goes when either
 * of its places is suppressed; a suppression that silenced nothing is an `unused-suppression` finding at
 * the directive; the directives themselves yield no figure.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { check, extract } from '../src/index.js';
import type { CheckRun } from '../src/model.js';
import { formatter } from '../src/report/registry.js';
import { escapeXml, paragraphXml } from './helpers/docx.js';

/** Two statements of two metrics that the other document (b.txt) contradicts: two figure-mismatch findings. */
const GDP = '2022年，全区地区生产总值增长4.2%。';
const GRAIN = '2022年，全区粮食产量达到380亿斤。';
const OTHER = '2022年，全区地区生产总值增长5.1%。\n2022年，全区粮食产量达到390亿斤。\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'figcheck-suppress-'));
  writeFileSync(join(dir, 'b.txt'), OTHER);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: string, content: string | Buffer): Promise<CheckRun> {
  writeFileSync(join(dir, name), content);
  return check([name, 'b.txt'], { cwd: dir, config: false, locale: 'en', jobs: 1 });
}

/** The figure-mismatch findings by the metric label their message starts with. */
function mismatches(result: CheckRun): string[] {
  return result.findings.filter((f) => f.rule === 'figure-mismatch').map((f) => f.message.split(':')[0]!).sort();
}

function unused(result: CheckRun) {
  return result.findings.filter((f) => f.rule === 'unused-suppression');
}

describe('without a suppression', () => {
  it('the two documents give two mismatches (the baseline of every test below)', async () => {
    const result = await run('plain.txt', `${GDP}\n${GRAIN}\n`);
    expect(mismatches(result)).toEqual(['地区生产总值', '粮食产量']);
    expect(result.suppressedInText).toBe(0);
  });
});

describe('.txt: //figcheck-… lines', () => {
  it('disable-next-line RULE silences that line only, and the directive yields no figure', async () => {
    const text = `//figcheck-disable-next-line figure-mismatch\n${GDP}\n${GRAIN}\n`;
    const result = await run('next.txt', text);
    expect(mismatches(result)).toEqual(['粮食产量']);
    expect(result.suppressedInText).toBe(1);
    expect(unused(result)).toEqual([]);
    const { figures } = await extract(['next.txt'], { cwd: dir, config: false, jobs: 1 });
    expect(figures.map((f) => f.raw)).toEqual(['4.2%', '380亿斤']);
    // Locations still point at the original lines.
    expect(figures.map((f) => f.location.line)).toEqual([2, 3]);
  });

  it('disable … enable silences a block; a directive naming another rule is reported as unused, at its line', async () => {
    const text = `//figcheck-disable\n${GDP}\n${GRAIN}\n//figcheck-enable\n//figcheck-disable-next-line arithmetic-mismatch\n2022年共有学校10所。\n`;
    const result = await run('block.txt', text);
    expect(mismatches(result)).toEqual([]);
    expect(result.suppressedInText).toBe(2);
    const [report, ...rest] = unused(result);
    expect(rest).toEqual([]);
    expect(report!.severity).toBe('info');
    expect(report!.message).toContain('arithmetic-mismatch');
    expect(report!.locations[0]).toMatchObject({ path: 'block.txt', line: 5, column: 1, text: '//figcheck-disable-next-line arithmetic-mismatch' });
  });

  it('works in a file with CRLF line ends (as Windows editors save it)', async () => {
    const result = await run('crlf.txt', `//figcheck-disable-next-line figure-mismatch\r\n${GDP}\r\n${GRAIN}\r\n`);
    expect(mismatches(result)).toEqual(['粮食产量']);
    expect(unused(result)).toEqual([]);
  });

  it('a directive that is not a line of its own is content, not a directive', async () => {
    const result = await run('inline.txt', `${GDP} //figcheck-disable-next-line\n${GRAIN}\n`);
    expect(mismatches(result)).toEqual(['地区生产总值', '粮食产量']);
    expect(unused(result)).toEqual([]);
  });
});

describe('.md: <!-- figcheck-… --> comments', () => {
  it('disable-next-line with no rule silences every rule on the next line; disable RULE … enable a block', async () => {
    const text = `<!-- figcheck-disable-next-line -- checked with the statistics bureau -->\n${GDP}\n\n<!-- figcheck-disable figure-mismatch, target-missed -->\n${GRAIN}\n<!-- figcheck-enable -->\n`;
    const result = await run('a.md', text);
    expect(mismatches(result)).toEqual([]);
    expect(result.suppressedInText).toBe(2);
    // target-missed silenced nothing: reported, naming only that rule.
    const reports = unused(result);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toContain('no target-missed finding');
    expect(reports[0]!.locations[0]!.line).toBe(4);
  });

  it('a suppression with nothing under it is reported as unused', async () => {
    const result = await run('stale.md', `${GDP}\n${GRAIN}\n\n<!-- figcheck-disable-next-line figure-mismatch -->\n2022年共有学校10所。\n`);
    expect(mismatches(result)).toEqual(['地区生产总值', '粮食产量']);
    expect(unused(result).map((f) => f.locations[0]!.line)).toEqual([4]);
  });
});

describe('.html: comments in the markup (which the reader drops from the text)', () => {
  it('disable-next-line silences the next line of visible text, even when the page is one line of markup', async () => {
    const markup = `<html><body><p>${GDP}</p><!-- figcheck-disable-next-line figure-mismatch --><p>${GRAIN}</p></body></html>`;
    const result = await run('a.html', markup);
    expect(mismatches(result)).toEqual(['地区生产总值']);
    expect(result.suppressedInText).toBe(1);
    expect(unused(result)).toEqual([]);
  });

  it('an unused directive is located at the comment in the markup', async () => {
    const markup = `<html><body>\n<p>${GDP}</p>\n<p>${GRAIN}</p>\n<!-- figcheck-disable-next-line -->\n<p>2022年共有学校10所。</p>\n</body></html>\n`;
    const result = await run('stale.html', markup);
    expect(mismatches(result)).toEqual(['地区生产总值', '粮食产量']);
    expect(unused(result).map((f) => f.locations[0])).toEqual([
      { path: 'stale.html', line: 4, column: 1, endLine: 4, endColumn: 36, text: '<!-- figcheck-disable-next-line -->' },
    ]);
  });
});

/** A .docx whose paragraphs may carry Word comments: `[text, comment text | null]`, one per paragraph. */
async function docxWithComments(paragraphs: [string, string | null][]): Promise<Buffer> {
  const comments: string[] = [];
  const body = paragraphs
    .map(([text, comment]) => {
      if (comment === null) return paragraphXml(text);
      const id = comments.length;
      comments.push(
        `<w:comment w:id="${id}" w:author="editor" w:initials="ed"><w:p><w:r><w:t xml:space="preserve">${escapeXml(comment)}</w:t></w:r></w:p></w:comment>`,
      );
      // As Word writes it: the range around the paragraph's runs, the reference in a run after the range end.
      return `<w:p><w:commentRangeStart w:id="${id}"/><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r></w:p>`;
    })
    .join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`,
  );
  zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}">${comments.join('')}</w:comments>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('.docx: a Word comment starting figcheck-disable on the paragraph', () => {
  it('silences the findings of that paragraph; other comments are ignored; the text and locations are unchanged', async () => {
    const bytes = await docxWithComments([
      ['政府工作报告', '请核对标题'],
      [GDP, 'figcheck-disable figure-mismatch -- 已与统计局核实'],
      [GRAIN, null],
    ]);
    const result = await run('a.docx', bytes);
    expect(mismatches(result)).toEqual(['粮食产量']);
    expect(result.suppressedInText).toBe(1);
    // The reason after ` -- ` is for people: no rule id, nothing unused.
    expect(unused(result)).toEqual([]);
    const document = result.documents.find((d) => d.path === 'a.docx')!;
    expect(document.original).toBe(['政府工作报告', GDP, GRAIN].join('\n'));
    expect(result.figures.filter((f) => f.document === 'a').map((f) => [f.raw, f.location.line])).toEqual([
      ['4.2%', 2],
      ['380亿斤', 3],
    ]);
  });

  it('a word after the rule ids that is no rule id (a reason written without ` -- `) is reported as unused', async () => {
    const bytes = await docxWithComments([
      [GDP, 'figcheck-disable figure-mismatch 已核实'],
      [GRAIN, null],
    ]);
    const result = await run('reason.docx', bytes);
    expect(mismatches(result)).toEqual(['粮食产量']);
    expect(unused(result).map((f) => f.message)).toEqual([expect.stringContaining('no 已核实 finding')]);
  });

  it('a comment with no rule silences every rule; one on a paragraph without findings is unused', async () => {
    const bytes = await docxWithComments([
      [GDP, 'figcheck-disable'],
      [GRAIN, 'figcheck-disable'],
      ['2022年共有学校10所。', 'figcheck-disable'],
    ]);
    const result = await run('b2.docx', bytes);
    expect(mismatches(result)).toEqual([]);
    expect(result.suppressedInText).toBe(2);
    expect(unused(result).map((f) => [f.locations[0]!.line, f.locations[0]!.text])).toEqual([[3, 'figcheck-disable']]);
  });
});

describe('.docx made by LibreOffice (tests/fixtures/suppress/commented.docx)', () => {
  const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'suppress', 'commented.docx'));

  for (const jobs of [1, 2] as const) {
    it(`a ranged comment silences its paragraph; a point comment on a paragraph without findings is unused (--jobs ${jobs})`, async () => {
      writeFileSync(join(dir, 'commented.docx'), fixture);
      const result = await check(['commented.docx', 'b.txt'], { cwd: dir, config: false, locale: 'en', jobs });
      expect(mismatches(result)).toEqual(['粮食产量']);
      expect(result.suppressedInText).toBe(1);
      expect(unused(result).map((f) => [f.locations[0]!.path, f.locations[0]!.line, f.locations[0]!.text])).toEqual([['commented.docx', 4, 'figcheck-disable']]);
      // The ordinary comment (请核对) is no directive; the text is the five paragraphs, unchanged.
      expect(result.documents.find((d) => d.path === 'commented.docx')!.original.split('\n')).toHaveLength(5);
    });
  }
});

describe('suppressed findings in the outputs', () => {
  let result: CheckRun;
  beforeAll(async () => {
    result = await run('out.txt', `//figcheck-disable-next-line figure-mismatch\n${GDP}\n${GRAIN}\n`);
  });
  const options = { cwd: '/', color: false, locale: 'en' as const, version: '0.0.0' };

  it('a cross-document finding is silenced from either side: b.txt has no finding about 地区生产总值 left', () => {
    expect(result.findings.some((f) => f.message.includes('地区生产总值'))).toBe(false);
  });

  it('is gone from json, sarif, junit and stylish, and counted in their summaries', () => {
    const json = JSON.parse(formatter('json')!.format(result, options));
    expect(json.findings.filter((f: { message: string }) => f.message.includes('地区生产总值'))).toEqual([]);
    expect(json.summary.suppressedInText).toBe(1);
    const sarif = JSON.parse(formatter('sarif')!.format(result, options));
    expect(sarif.runs[0].results.filter((r: { message: { text: string } }) => r.message.text.includes('地区生产总值'))).toEqual([]);
    expect(sarif.runs[0].properties.suppressedInText).toBe(1);
    expect(formatter('junit')!.format(result, options)).not.toContain('地区生产总值');
    const stylish = formatter('stylish')!.format(result, options);
    expect(stylish).not.toContain('地区生产总值');
    expect(stylish).toContain('1 suppressed by comments');
  });

  it('is not written into a baseline (--update-baseline)', async () => {
    const baseline = join(dir, 'baseline.json');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect(await main(['node', 'figcheck', 'check', 'out.txt', 'b.txt', '--no-config', '--quiet', '--baseline', baseline, '--update-baseline'])).toBe(0);
    } finally {
      process.chdir(cwd);
      stderr.mockRestore();
    }
    const recorded = JSON.parse(readFileSync(baseline, 'utf8')) as { findings: { rule: string; message: string }[] };
    expect(recorded.findings.map((f) => f.message).filter((m) => m.includes('地区生产总值'))).toEqual([]);
    expect(recorded.findings.map((f) => f.message).filter((m) => m.includes('粮食产量'))).toHaveLength(1);
  });
});
