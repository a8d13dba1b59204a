/**
 * The Word comments `check --annotate` writes, checked against what the OOXML comments part requires
 * (ECMA-376 Part 1, 17.13.4) without LibreOffice: comments.xml with one w:comment per note, its
 * relationship from the main part and its content type, and in the body one commentRangeStart /
 * commentRangeEnd pair around exactly the note's text followed by a run holding the commentReference.
 * Runs split at a span keep their properties; the document's text does not change; an existing comments
 * part is merged into; the CLI never touches an input and says once that it annotates .docx only.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { annotateDocx, type CommentNote } from '../src/annotate/docx.js';
import { decodeBuffer } from '../src/read/decode.js';
import { parseXml, W_NS } from '../src/read/docx-map.js';
import { runCli } from './helpers/cli.js';
import { makeDocx, makeDocxFromBody, makeDocxWithSplitRuns } from './helpers/docx.js';

const work = mkdtempSync(join(tmpdir(), 'figcheck-annotate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Package {
  document: Document;
  comments: Document;
  relationships: Document;
  contentTypes: Document;
  zip: JSZip;
}

async function open(bytes: Buffer): Promise<Package> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => parseXml(await zip.file(name)!.async('string'), name);
  return {
    zip,
    document: await part('word/document.xml'),
    comments: await part('word/comments.xml'),
    relationships: await part('word/_rels/document.xml.rels'),
    contentTypes: await part('[Content_Types].xml'),
  };
}

const byName = (document: Document, name: string) => Array.from(document.getElementsByTagNameNS(W_NS, name));
const id = (element: Element) => element.getAttributeNS(W_NS, 'id');

/** The text between each comment's range start and end, in document order (w:t, tabs, breaks). */
function anchoredTexts(document: Document): Map<string, string> {
  const open = new Set<string>();
  const texts = new Map<string, string>();
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const name = element.namespaceURI === W_NS ? element.localName : '';
      if (name === 'commentRangeStart') {
        open.add(id(element)!);
        texts.set(id(element)!, '');
      } else if (name === 'commentRangeEnd') open.delete(id(element)!);
      else if (name === 't' || name === 'tab' || name === 'br') {
        const text = name === 't' ? (element.textContent ?? '') : name === 'tab' ? '\t' : '\u2028';
        for (const key of open) texts.set(key, texts.get(key)! + text);
      } else walk(element);
    }
  };
  walk(document.documentElement!);
  return texts;
}

/** Every structural requirement of a comments part and its markup. */
function expectWellFormedComments(pkg: Package, count: number): void {
  const comments = byName(pkg.comments, 'comment');
  expect(pkg.comments.documentElement!.localName).toBe('comments');
  expect(comments).toHaveLength(count);
  const ids = comments.map(id);
  expect(new Set(ids).size).toBe(count);
  for (const comment of comments) {
    expect(comment.getAttributeNS(W_NS, 'author')).toBeTruthy();
    expect(Array.from(comment.childNodes).filter((n) => n.nodeType === 1 && (n as Element).localName === 'p').length).toBeGreaterThan(0);
  }
  const relationships = Array.from(pkg.relationships.getElementsByTagName('Relationship')).filter((r) => r.getAttribute('Type')!.endsWith('/relationships/comments'));
  expect(relationships).toHaveLength(1);
  expect(relationships[0]!.getAttribute('Target')).toBe('comments.xml');
  const relationshipIds = Array.from(pkg.relationships.getElementsByTagName('Relationship')).map((r) => r.getAttribute('Id'));
  expect(new Set(relationshipIds).size).toBe(relationshipIds.length);
  const overrides = Array.from(pkg.contentTypes.getElementsByTagName('Override')).filter((o) => o.getAttribute('PartName') === '/word/comments.xml');
  expect(overrides).toHaveLength(1);
  expect(overrides[0]!.getAttribute('ContentType')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml');
  // In the body: per comment one start, one end after it, and one reference inside a run.
  const all = Array.from(pkg.document.getElementsByTagNameNS(W_NS, '*'));
  for (const commentId of ids) {
    const starts = byName(pkg.document, 'commentRangeStart').filter((e) => id(e) === commentId);
    const ends = byName(pkg.document, 'commentRangeEnd').filter((e) => id(e) === commentId);
    const references = byName(pkg.document, 'commentReference').filter((e) => id(e) === commentId);
    expect([starts.length, ends.length, references.length]).toEqual([1, 1, 1]);
    expect(all.indexOf(starts[0]!)).toBeLessThan(all.indexOf(ends[0]!));
    expect((references[0]!.parentNode as Element).localName).toBe('r');
    expect(all.indexOf(ends[0]!)).toBeLessThan(all.indexOf(references[0]!));
  }
}

const note = (line: number, column: number, endColumn: number, text = 'a finding', endLine = line): CommentNote => ({ line, column, endLine, endColumn, paragraphs: [text] });

describe('annotateDocx', () => {
  const body = [
    // "地区生产总值增长5.2%，完成目标" with "5.2%" across two runs of different formatting.
    '<w:p><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>地区生产总值增长5.</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>2%，完成目标</w:t></w:r></w:p>',
    // "粮食产量395亿斤" in one run: the figure is inside it.
    '<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>粮食产量395亿斤，增长2.8%</w:t></w:r></w:p>',
    '<w:p><w:r><w:t>末尾数字12</w:t><w:tab/><w:t>项</w:t></w:r></w:p>',
  ].join('');

  it('anchors each note on exactly its span, splitting runs that keep their properties', async () => {
    const bytes = await makeDocxFromBody(body);
    const lines = (await decodeBuffer(bytes, 'a.docx')).original.split('\n');
    const notes = [note(1, 9, 13), note(2, 5, 10), note(2, 13, 17), note(3, 3, 8), note(1, 1, 3)];
    const result = await annotateDocx(bytes, lines, notes);
    expect(result).toMatchObject({ anchored: 5, unanchored: 0 });
    const pkg = await open(result.bytes);
    expectWellFormedComments(pkg, 5);
    const texts = anchoredTexts(pkg.document);
    const expected = notes.map((n) => lines[n.line - 1]!.slice(n.column - 1, n.endColumn - 1));
    expect(expected).toEqual(['5.2%', '395亿斤', '2.8%', '数字12\t', '地区']);
    expect([...texts.values()].sort()).toEqual(expected.sort());
    // Every piece of "粮食产量395亿斤，增长2.8%" still carries the italic of its run.
    const secondParagraph = byName(pkg.document, 'p')[1]!;
    const runs = Array.from(secondParagraph.getElementsByTagNameNS(W_NS, 'r')).filter((r) => r.getElementsByTagNameNS(W_NS, 't').length);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    for (const run of runs) expect(run.getElementsByTagNameNS(W_NS, 'i')).toHaveLength(1);
    // The text the reader extracts is unchanged: comments add no text.
    expect((await decodeBuffer(result.bytes, 'a.docx')).original).toBe(lines.join('\n'));
    // The comments say what the notes say, authored figcheck.
    for (const comment of byName(pkg.comments, 'comment')) {
      expect(comment.getAttributeNS(W_NS, 'author')).toBe('figcheck');
      expect(comment.textContent).toBe('a finding');
    }
  });

  it('merges into a comments part the document already has', async () => {
    const base = await JSZip.loadAsync(await makeDocxFromBody('<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>增长3%</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'));
    base.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W_NS}"><w:comment w:id="0" w:author="Alice"><w:p><w:r><w:t>核对</w:t></w:r></w:p></w:comment></w:comments>`);
    base.file(
      'word/_rels/document.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
    );
    const types = (await base.file('[Content_Types].xml')!.async('string')).replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>');
    base.file('[Content_Types].xml', types);
    const bytes = await base.generateAsync({ type: 'nodebuffer' });
    const result = await annotateDocx(bytes, ['增长3%'], [note(1, 3, 5)]);
    const pkg = await open(result.bytes);
    expectWellFormedComments(pkg, 2);
    const [alice, ours] = byName(pkg.comments, 'comment');
    expect([alice!.getAttributeNS(W_NS, 'author'), id(alice!)]).toEqual(['Alice', '0']);
    expect([ours!.getAttributeNS(W_NS, 'author'), id(ours!)]).toEqual(['figcheck', '1']);
    expect(anchoredTexts(pkg.document).get('1')).toBe('3%');
    expect(anchoredTexts(pkg.document).get('0')).toBe('增长3%');
  });

  it('a line read differently from the XML paragraphs: its figure is found in the paragraphs between its neighbours', async () => {
    const bytes = await makeDocx(['标题', '甲 增长5%', '乙 增长6%', '结尾']);
    // As if a reader had joined two paragraphs into one line: "增长6%" occurs once there and once in the XML.
    const lines = ['标题', '甲 增长5%\t乙 增长6%', '结尾'];
    const result = await annotateDocx(bytes, lines, [note(2, 12, 14), note(2, 5, 7)]);
    expect(result).toMatchObject({ anchored: 2, unanchored: 0 });
    const texts = anchoredTexts((await open(result.bytes)).document);
    expect([...texts.values()]).toEqual(['5%', '6%']);
  });

  it('a note whose paragraph is not in the XML goes to the top, saying where it belongs', async () => {
    const bytes = await makeDocx(['第一段', '第二段']);
    const result = await annotateDocx(bytes, ['第一段', '改过的第二段'], [note(2, 1, 4)]);
    expect(result).toMatchObject({ anchored: 0, unanchored: 1 });
    const pkg = await open(result.bytes);
    expectWellFormedComments(pkg, 1);
    expect(byName(pkg.comments, 'comment')[0]!.textContent).toBe('[2:1] a finding');
    // ("改过的" is in no paragraph of the XML: nothing to search for either)
  });
});

describe('check --annotate', () => {
  const setUp = async (name: string) => {
    const dir = join(work, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'report.docx'), await makeDocxWithSplitRuns(['2023年全市地区生产总值增长5.2%。', '全年粮食产量395万吨。']));
    writeFileSync(join(dir, 'summary.txt'), '2023年全市地区生产总值增长5.8%。\n全年粮食产量398万吨。\n');
    writeFileSync(
      join(dir, 'figcheck.yaml'),
      'documents:\n  - { id: report, path: report.docx, period: "2023", status: final }\n  - { id: summary, path: summary.txt, period: "2023", status: final }\n',
    );
    return dir;
  };

  it('writes DIR/<name>.figcheck.docx, leaves the input as it was and says once that it annotates .docx only', async () => {
    const dir = await setUp('cli');
    const before = readFileSync(join(dir, 'report.docx'));
    const result = runCli(['check', '--format', 'json', '--fail-on', 'never', '--annotate', 'annotated'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const findings = (JSON.parse(result.stdout) as { findings: { locations: { path: string; text: string }[] }[] }).findings.filter((f) =>
      f.locations.some((l) => l.path === 'report.docx'),
    );
    expect(findings.length).toBeGreaterThanOrEqual(1);
    expect(result.stderr.match(/comments into \.docx files only/g)).toHaveLength(1);
    expect(result.stderr).toContain(`${findings.length} comment(s) written to annotated/report.figcheck.docx`);
    expect(readFileSync(join(dir, 'report.docx')).equals(before)).toBe(true);
    const pkg = await open(readFileSync(join(dir, 'annotated', 'report.figcheck.docx')));
    expectWellFormedComments(pkg, findings.length);
    expect([...anchoredTexts(pkg.document).values()].sort()).toEqual(findings.map((f) => f.locations.find((l) => l.path === 'report.docx')!.text).sort());
    // A second run does not read the copies back as documents.
    const again = runCli(['check', '--format', 'json', '--fail-on', 'never', '--annotate', 'annotated', '.'], { cwd: dir, env: {} });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('figcheck.docx');
  });

  it('zh-CN: the comment and the notes in Chinese', async () => {
    const dir = await setUp('zh');
    const result = runCli(['check', '--locale', 'zh-CN', '--fail-on', 'never', '--annotate', 'out'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('条批注写入 out/report.figcheck.docx');
    const pkg = await open(readFileSync(join(dir, 'out', 'report.figcheck.docx')));
    const texts = byName(pkg.comments, 'comment').map((c) => c.textContent ?? '');
    expect(texts.some((text) => /^(错误|警告) · .*对照：summary（summary\.txt），第 \d+ 行：“/.test(text))).toBe(true);
  });

  it('refuses a file as the folder, and never writes a copy over an input', async () => {
    const dir = await setUp('guard');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const file = runCli(['check', '--annotate', 'notes.txt'], { cwd: dir });
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('--annotate notes.txt: is a file, not a folder');
    // An input document named as the copy would be: refused, and left as it was.
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'report.figcheck.docx'), readFileSync(join(dir, 'report.docx')));
    const before = readFileSync(join(dir, 'out', 'report.figcheck.docx'));
    const over = runCli(['check', '--no-config', 'report.docx', 'summary.txt', 'out/report.figcheck.docx', '--annotate', 'out', '--fail-on', 'never'], { cwd: dir });
    expect(over.stderr).toContain('out/report.figcheck.docx: is an input document of this run; figcheck never writes over its inputs');
    expect(over.code).toBe(2);
    expect(readFileSync(join(dir, 'out', 'report.figcheck.docx')).equals(before)).toBe(true);
  });
});
