/**
 * The fast reading of plain .docx files (src/read/docx-plain.ts) is mammoth's reading or none: on every
 * .docx of the repository and on made-up documents of each construct it reads, its tree equals mammoth's in
 * everything the walk of src/read/docx.ts reads; on each construct mammoth reads its own way, and on XML
 * mammoth's parser rejects, it gives way to mammoth.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { plainDocument } from '../src/read/docx-plain.js';
import { mammothDocument, readDocx, type DocxElement } from '../src/read/docx.js';
import { makeDocxFromBody } from './helpers/docx.js';
import { PROVINCES, ROOT } from './helpers/paths.js';

/** The node types the walk reads; hyperlinks are read for their children (mammoth may leave one out around them). */
const WALKED = new Set(['paragraph', 'run', 'text', 'tab', 'break', 'table', 'tableRow', 'tableCell']);

function project(node: DocxElement): unknown[] {
  if (node.type === 'document' || node.type === 'hyperlink') return (node.children ?? []).flatMap(project);
  if (!WALKED.has(node.type)) return node.children?.length ? [{ type: node.type, children: node.children.flatMap(project) }] : [];
  const out: Record<string, unknown> = { type: node.type };
  if (node.type === 'text') out.value = node.value;
  if (node.type === 'run' && node.verticalAlignment && node.verticalAlignment !== 'baseline') out.verticalAlignment = node.verticalAlignment;
  if (node.type === 'tableCell') Object.assign(out, { colSpan: node.colSpan ?? 1, rowSpan: node.rowSpan ?? 1 });
  if (node.children) out.children = node.children.flatMap(project);
  return [out];
}

async function both(bytes: Buffer) {
  const plain = await plainDocument(await JSZip.loadAsync(bytes));
  const mammoth = await mammothDocument(bytes);
  return { plain, mammoth };
}

async function expectMammothsTree(bytes: Buffer): Promise<void> {
  const { plain, mammoth } = await both(bytes);
  expect(plain).not.toBeNull();
  expect(Object.keys(mammoth.notes?._notes ?? {})).toEqual([]);
  expect(project(plain!)).toEqual(project(mammoth));
}

function docxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? docxFiles(path) : name.endsWith('.docx') ? [path] : [];
  });
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

describe('plain .docx read without mammoth', () => {
  it('gives mammoth’s tree for every .docx of the repository it reads, and reads the provincial reports', async () => {
    let plain = 0;
    for (const file of [...docxFiles(join(ROOT, 'tests')), ...docxFiles(join(ROOT, 'examples'))]) {
      const bytes = readFileSync(file);
      const zip = await JSZip.loadAsync(bytes).catch(() => null);
      const tree = zip && (await plainDocument(zip));
      if (!tree) continue;
      plain++;
      expect(project(tree), file).toEqual(project(await mammothDocument(bytes)));
    }
    const provinces = readdirSync(PROVINCES).filter((name) => name.endsWith('.docx'));
    expect(plain).toBeGreaterThanOrEqual(provinces.length);
  });

  it('reads runs, raised and lowered text, tabs, breaks, hyperlinks, bookmarks, references and tables as mammoth does', async () => {
    await expectMammothsTree(
      await makeDocxFromBody(
        [
          '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:bookmarkStart w:id="0" w:name="a"/>',
          '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">10 </w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>18</w:t></w:r>',
          '<w:r><w:rPr><w:vertAlign w:val="subscript"/><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>',
          '<w:r><w:rPr><w:vertAlign w:val="baseline"/></w:rPr><w:t>3</w:t><w:tab/><w:t>&amp;&lt;&#x4E2D;&#22269;&quot;</w:t></w:r>',
          '<w:r><w:br/><w:t>a</w:t><w:br w:type="page"/><w:br w:type="column"/><w:br w:type="textWrapping"/><w:br w:type="other"/></w:r>',
          '<w:hyperlink w:anchor="x"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:hyperlink><w:r><w:t>无址</w:t></w:r></w:hyperlink>',
          '<w:r><w:footnoteReference w:id="1"/><w:commentReference w:id="0"/><w:lastRenderedPageBreak/></w:r><w:proofErr w:type="spellStart"/><w:bookmarkEnd w:id="0"/></w:p>',
          '<w:p/><w:p><w:t>段落里的字</w:t></w:p><w:r><w:t>正文里的字</w:t></w:r>',
          // An element mammoth does not know is left out with everything in it.
          '<w:p><w:r><w:t>留</w:t></w:r><w:unknownThing><w:r><w:t>不读</w:t></w:r></w:unknownThing></w:p>',
          // Any prefix of the main namespace is the main namespace.
          `<x:p xmlns:x="${W}"><x:r><x:rPr><x:vertAlign x:val="superscript"/></x:rPr><x:t>别名</x:t></x:r></x:p>`,
          '<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>',
          '<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc></w:tr>',
          '<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内表</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>',
          '<w:tc><w:tcPr><w:gridSpan w:val="x"/></w:tcPr><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
          '<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>',
        ].join(''),
      ),
    );
  });

  it('reads tags as any XML parser does: white space inside tags, single quotes, comments and instructions between them', async () => {
    await expectMammothsTree(
      await makeDocxFromBody(
        [
          '<?figcheck test?><!-- 注释 --><w:p\n><w:r ><w:rPr><w:vertAlign  w:val = \'superscript\' /></w:rPr><w:t\txml:space="preserve"> 10 </w:t\n></w:r></w:p >',
          "<w:p><w:r><w:br w:type='page'/><w:t>甲&#x4E59;&gt;</w:t></w:r><!-- 段后 --></w:p>",
        ].join(''),
      ),
    );
  });

  it('leaves to mammoth what mammoth reads its own way', async () => {
    const cases = [
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      '<w:p><w:ins w:id="1"><w:r><w:t>新增</w:t></w:r></w:ins></w:p>',
      '<w:p><w:del w:id="1"><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>',
      '<w:p><w:pPr><w:rPr><w:del w:id="2"/></w:rPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:r><w:t>乙</w:t></w:r></w:p>',
      '<w:p><w:r><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p>',
      '<w:p><w:sdt><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt></w:p>',
      '<w:p><w:smartTag><w:r><w:t>标签</w:t></w:r></w:smartTag></w:p>',
      '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>',
      '<w:tbl><w:tr><w:trPr><w:del w:id="3"/></w:trPr><w:tc><w:p/></w:tc></w:tr></w:tbl>',
    ];
    for (const body of cases) {
      const bytes = await makeDocxFromBody(body);
      expect(await plainDocument(await JSZip.loadAsync(bytes)), body).toBeNull();
      // …and the reading is mammoth's, as before.
      expect((await readDocx(bytes)).paragraphs).toBeDefined();
    }
    const alternate = await makeDocxFromBody(
      '<w:p xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>甲</w:t></mc:Choice><mc:Fallback><w:t>乙</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    );
    expect(await plainDocument(await JSZip.loadAsync(alternate))).toBeNull();
    expect((await readDocx(alternate)).paragraphs[0]).toBe('乙');
  });

  it('leaves documents with footnotes or endnotes to mammoth, and not those with only the separators', async () => {
    const withParts = async (notes: string) => {
      const zip = await JSZip.loadAsync(await makeDocxFromBody('<w:p><w:r><w:t>正文</w:t><w:footnoteReference w:id="1"/></w:r></w:p>'));
      zip.file(
        'word/footnotes.xml',
        `<w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p/></w:footnote>${notes}</w:footnotes>`,
      );
      return JSZip.loadAsync(await zip.generateAsync({ type: 'nodebuffer' }));
    };
    expect(await plainDocument(await withParts(''))).not.toBeNull();
    expect(await plainDocument(await withParts('<w:footnote w:id="1"><w:p><w:r><w:t>注释</w:t></w:r></w:p></w:footnote>'))).toBeNull();
  });

  it('leaves to mammoth XML that mammoth’s parser rejects, which still fails to read', async () => {
    const rejected = [
      '<w:p><w:r><w:t>甲</w:r></w:p>',
      '<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>',
      '<w:p><w:r><w:t><![CDATA[甲]]></w:t></w:r></w:p>',
      '<w:p><w:r><w:t>甲</w:t></w:r>',
      // an end tag past the root, a `<` opening no tag, an attribute without quotes, an unclosed comment
      '<w:p><w:r><w:t>甲</w:t></w:r></w:p></w:body></w:document></w:document>',
      '<w:p><w:r><w:t>甲 < 乙</w:t></w:r></w:p>',
      '<w:p><w:r><w:br w:type=page/><w:t>甲</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>甲</w:t></w:r></w:p><!-- 未完',
    ];
    for (const body of rejected) {
      const bytes = await makeDocxFromBody(body);
      expect(await plainDocument(await JSZip.loadAsync(bytes)), body).toBeNull();
    }
    await expect(readDocx(await makeDocxFromBody('<w:p><w:r><w:t>甲</w:r></w:p>'))).rejects.toThrow();
  });
});
