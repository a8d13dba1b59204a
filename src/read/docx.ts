/**
 * Word .docx → its paragraphs, in reading order. mammoth reads the package (zip, XML, styles, numbering);
 * this module walks the document mammoth builds and writes each paragraph as one line.
 *
 * Why not `mammoth.extractRawText`: it drops manual line breaks (`<w:br/>`) without a trace, which glues
 * `来源：江西省人民政府` to `2025年1月17日…` (a real case in the corpus) and could glue two numbers into one.
 * Instead the document tree is taken through mammoth's documented `transformDocument` hook.
 *
 * A manual line, page or column break inside a paragraph becomes U+2028 LINE SEPARATOR: a line break within a
 * paragraph, which keeps "one paragraph per line" (a location's line is the paragraph number, as Word users
 * count them) while still separating the text on either side.
 */

/** What inside-paragraph breaks become. */
export const DOCX_LINE_BREAK = '\u2028';

/** The part of mammoth's document element the walk reads (mammoth does not export these types). */
interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
}

/**
 * The paragraphs of a .docx, one string per paragraph (table cells and list items are paragraphs too).
 * @throws whatever mammoth or its zip reader throw for a file that is not a Word document
 */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  let root: DocxElement | undefined;
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Loaded on first use: mammoth takes ~30 ms to load, which a run without .docx files should not pay.
  const { default: mammoth } = await import('mammoth');
  await mammoth.convertToHtml(
    { buffer },
    {
      transformDocument: (document: DocxElement) => {
        root = document;
        // Nothing left to render: HTML conversion is work whose result would be thrown away.
        return { ...document, children: [] };
      },
    },
  );
  if (!root) throw new Error('no document body');
  const paragraphs: string[] = [];
  collect(root, null, paragraphs);
  return paragraphs;
}

/** Depth-first walk; `line` collects the text of the innermost open paragraph. */
function collect(element: DocxElement, line: string[] | null, paragraphs: string[]): void {
  switch (element.type) {
    case 'text':
      if (element.value) (line ?? paragraphs).push(element.value);
      return;
    case 'tab':
      line?.push('\t');
      return;
    case 'break':
      line?.push(DOCX_LINE_BREAK);
      return;
    case 'paragraph': {
      const own: string[] = [];
      for (const child of element.children ?? []) collect(child, own, paragraphs);
      // A line feed inside a text run (rare; Word shows it as a space) must not split the paragraph.
      paragraphs.push(own.join('').replace(/[\r\n]/g, ' '));
      return;
    }
    default:
      for (const child of element.children ?? []) collect(child, line, paragraphs);
  }
}
