/**
 * Builds small, valid Word .docx files for tests: the four parts Word needs and nothing else.
 * `makeDocx(lines)` writes one paragraph per string; inside a string, "\t" becomes a tab and "\n" a manual
 * line break (<w:br/>), as Word writes them. `makeDocxFromBody(xml)` takes raw WordprocessingML for what
 * plain paragraphs cannot show (tables, lists, runs split mid-word).
 */
import JSZip from 'jszip';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const PACKAGE_RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const DOCUMENT_RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

/** Characters XML 1.0 cannot carry at all, even escaped. */
const XML_FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

export function escapeXml(text: string): string {
  if (XML_FORBIDDEN.test(text)) throw new Error(`makeDocx: text contains a character XML cannot hold: ${JSON.stringify(text.slice(0, 40))}`);
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One paragraph of WordprocessingML: tabs and manual line breaks as Word writes them. */
export function paragraphXml(text: string): string {
  const runs = text.split(/(\t|\r?\n)/).map((part) => {
    if (part === '\t') return '<w:tab/>';
    if (part === '\n' || part === '\r\n') return '<w:br/>';
    return part === '' ? '' : `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`;
  });
  return `<w:p><w:r>${runs.join('')}</w:r></w:p>`;
}

/** A .docx whose body is the given WordprocessingML (the children of <w:body>). */
export async function makeDocxFromBody(bodyXml: string): Promise<Buffer> {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', PACKAGE_RELATIONSHIPS);
  zip.file('word/document.xml', document);
  zip.file('word/_rels/document.xml.rels', DOCUMENT_RELATIONSHIPS);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A .docx with one paragraph per string. */
export async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  return makeDocxFromBody(paragraphs.map(paragraphXml).join(''));
}

/** Run properties the split-run documents cycle through, so every run looks different and must keep its own. */
const RUN_PROPERTIES = ['', '<w:rPr><w:b/></w:rPr>', '<w:rPr><w:i/><w:color w:val="C00000"/></w:rPr>', '<w:rPr><w:u w:val="single"/></w:rPr>'];

/**
 * A .docx with one paragraph per string whose text is cut into runs of 1 to 7 characters with changing
 * properties, as Word leaves text after edits: nearly every figure starts, ends or lies across run
 * boundaries. Cut between code points, never inside a surrogate pair.
 */
export async function makeDocxWithSplitRuns(paragraphs: string[]): Promise<Buffer> {
  let n = 0;
  const body = paragraphs.map((text) => {
    const characters = Array.from(text);
    const runs: string[] = [];
    for (let i = 0; i < characters.length; ) {
      const length = 1 + (n % 7);
      const part = characters.slice(i, i + length).join('');
      i += length;
      const content = part
        .split(/(\t)/)
        .map((piece) => (piece === '\t' ? '<w:tab/>' : piece === '' ? '' : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`))
        .join('');
      runs.push(`<w:r>${RUN_PROPERTIES[n % RUN_PROPERTIES.length]}${content}</w:r>`);
      n++;
    }
    return `<w:p>${runs.join('')}</w:p>`;
  });
  return makeDocxFromBody(body.join(''));
}
