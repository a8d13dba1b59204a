/**
 * The .docx text map (src/read/docx-map.ts): the walk of word/document.xml gives exactly the paragraphs
 * the reader extracts (mammoth's), and each character points at the <w:t> it comes from, on the 31 real
 * provincial reports and on generated documents with split runs, tables, text boxes and tracked changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxParagraphs } from '../src/read/docx.js';
import { alignParagraphs, mapDocumentParagraphs, parseXml, textOf, type MappedParagraph } from '../src/read/docx-map.js';
import { makeDocxFromBody } from './helpers/docx.js';
import { PROVINCES } from './helpers/paths.js';

async function walk(bytes: Buffer): Promise<MappedParagraph[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return mapDocumentParagraphs(parseXml(xml, 'word/document.xml'));
}

/** Rebuilds a paragraph's text from its pieces: the <w:t> text where there is one. */
function fromPieces(paragraph: MappedParagraph): string {
  return paragraph.pieces
    .map((piece) => (piece.element.localName === 't' ? textOf(piece.element).slice(piece.offset, piece.offset + piece.length) : paragraph.text.slice(piece.start, piece.start + piece.length)))
    .join('')
    .replace(/[\r\n]/g, ' ');
}

describe('the walk reads what the reader extracts', () => {
  for (const name of readdirSync(PROVINCES).filter((file) => file.endsWith('.docx')).sort()) {
    it(`${name}: same paragraphs, each rebuilt from its text nodes`, async () => {
      const bytes = readFileSync(join(PROVINCES, name));
      const [walked, extracted] = await Promise.all([walk(bytes), docxParagraphs(bytes)]);
      expect(walked.map((p) => p.text)).toEqual(extracted);
      for (const paragraph of walked) expect(fromPieces(paragraph)).toBe(paragraph.text);
    });
  }

  it('runs split mid-figure, tabs, breaks, hyperlinks, insertions, deletions, fields and tables', async () => {
    const body = [
      '<w:p><w:r><w:t>地区生产总值增长</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>5.</w:t></w:r><w:r><w:t>2%</w:t></w:r><w:r><w:tab/><w:t>完成</w:t><w:br/><w:t>目标</w:t></w:r></w:p>',
      '<w:p><w:hyperlink w:anchor="x"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:ins><w:r><w:t>新增</w:t></w:r></w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>合并</w:t></w:r></w:p><w:p><w:r><w:t>到下一段</w:t></w:r></w:p>',
      '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>',
      '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
      '<w:p><w:r><w:t xml:space="preserve"> 空格 &amp; 符号 </w:t></w:r><w:r><w:noBreakHyphen/><w:softHyphen/></w:r></w:p>',
    ].join('');
    const bytes = await makeDocxFromBody(body);
    const [walked, extracted] = await Promise.all([walk(bytes), docxParagraphs(bytes)]);
    expect(walked.map((p) => p.text)).toEqual(extracted);
    const first = walked[0]!;
    expect(first.text).toBe('地区生产总值增长5.2%\t完成\u2028目标');
    // "5.2%" spans two text nodes: its characters point into both.
    const at = (offset: number) => first.pieces.find((p) => p.start <= offset && offset < p.start + p.length)!;
    expect(textOf(at(8).element!)).toBe('5.');
    expect(textOf(at(10).element!)).toBe('2%');
    expect(at(12).element.localName).toBe('tab');
    for (const paragraph of walked) expect(fromPieces(paragraph)).toBe(paragraph.text);
  });

  it('a VML text box (Fallback of mc:AlternateContent) follows its paragraph, marked as fallback', async () => {
    const body =
      '<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:t>不读</w:t></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>框内增长3%</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后</w:t></w:r></w:p>';
    const bytes = await makeDocxFromBody(body);
    const [walked, extracted] = await Promise.all([walk(bytes), docxParagraphs(bytes)]);
    expect(walked.map((p) => p.text)).toEqual(extracted);
    expect(walked.map((p) => p.text)).toEqual(['前后', '框内增长3%']);
    expect(walked[1]!.pieces[0]!.fallback).toBe(true);
  });
});

describe('alignParagraphs', () => {
  const paragraph = (text: string) => ({ text, pieces: [] }) as unknown as MappedParagraph;
  it('pairs lines with walked paragraphs by text, in order, passing over what only one side has', () => {
    const walked = ['a', '', 'b', '', 'c'].map(paragraph);
    const aligned = alignParagraphs(['a', '', 'x', 'b', 'c', 'note'], walked);
    expect(aligned.map((p) => (p ? walked.indexOf(p) : null))).toEqual([0, 1, null, 2, 4, null]);
  });
});
