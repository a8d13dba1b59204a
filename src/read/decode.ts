/**
 * The read stage: a file's bytes → DecodedText (the decoded original and the text later stages read).
 *
 * - .txt / .md: decoded text; `text` is `original`.
 * - .html: `original` is the decoded markup, `text` its visible text, `textOffsets` maps one to the other.
 *   The charset a page declares (`<meta charset>`, `http-equiv`) is honoured, see decodeTextBytes.
 * - .docx: `original` is the paragraphs joined by "\n" (so a location's line is the paragraph number).
 * - .pdf: `original` is the text lines of each page, each page ended by a form feed; `text` joins the lines
 *   wrapped inside a paragraph (src/read/pdf.ts).
 *
 * Empty, binary and undecodable files throw SkipFile (a warning for the caller); files that cannot be read at
 * all, a .docx that is not a Word document, or a document over the size limit throw UnreadableInput (an
 * InputError naming the file).
 */
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import type { DecodedText, Format } from '../model.js';
import { charsetForLabel, decodeTextBytes } from './charset.js';
import { readDocx, type DocxContent } from './docx.js';
import { checkDocxSize, type InflatedDocx } from './docx-size.js';
import { fileSystemPath } from './file-names.js';
import { formatOf } from './formats.js';
import { SkipFile } from './skip-file.js';
import { blankDirectives } from '../suppress/syntax.js';
import { textGrids } from '../tables/text-grid.js';
import { DEFAULT_MAX_DOCUMENT_SIZE, DocumentTooLarge, formatSize, UnreadableInput } from './unreadable.js';

export { SkipFile } from './skip-file.js';

export interface ReadLimits {
  /** Most bytes of decoded content per document (text files: their size; .docx: the XML inside). Default 16 MB. */
  maxDocumentSize?: number;
}

/** How far into an HTML file to look for its `<meta charset>` (browsers look at 1024 bytes; some pages need more). */
const META_PRESCAN_BYTES = 4096;

/**
 * Decodes a file's bytes. The format comes from `path`'s extension (so `--stdin-filename report.html` works);
 * a path without a known extension (stdin without a name) is read as plain text.
 */
export async function decodeBuffer(
  bytes: Uint8Array,
  path: string,
  format: Format = formatOf(path) ?? 'txt',
  limits: ReadLimits = {},
): Promise<DecodedText> {
  const limit = limits.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
  if (format === 'docx') return decodeDocx(bytes, path, limit);
  if (bytes.length > limit) throw new DocumentTooLarge(path, `the file (${formatSize(bytes.length)})`, limit);
  if (format === 'pdf') return (await import('./pdf.js')).decodePdf(bytes, path, limit);
  if (format === 'html') {
    const { text: markup, encoding } = decodeTextBytes(bytes, path, declaredCharset(bytes));
    // Loaded on first use: the HTML parser takes ~20 ms to load, which a run without HTML should not pay.
    const { htmlToText } = await import('./html.js');
    const { text, textOffsets } = htmlToText(markup);
    const decoded: DecodedText = { path, format, encoding, original: markup, text, textOffsets };
    // Tables are looked for only where the markup has one: most pages have none, and parsing twice costs.
    if (/<table\b/i.test(markup)) {
      const { htmlTables } = await import('../tables/html-grid.js');
      const tables = htmlTables(markup);
      if (tables.length) decoded.tables = tables;
    }
    return decoded;
  }
  const { text, encoding } = decodeTextBytes(bytes, path);
  // Suppression comments are instructions to figcheck, not content: blanked in place (same offsets).
  const decoded: DecodedText = { path, format, encoding, original: text, text: blankDirectives(text, format) };
  // Tables copied as tab-separated lines are grids as a .docx's are (src/tables/text-grid.ts).
  const grids = textGrids(decoded.text);
  if (grids.length) decoded.tables = grids;
  return decoded;
}

/** Reads and decodes a file; `path` is kept as given in the result. */
export async function decodeFile(path: string, limits: ReadLimits = {}): Promise<DecodedText> {
  const bytes = await readInputFile(path, path, limits);
  return decodeBuffer(bytes, path, undefined, limits);
}

/**
 * A document's bytes. A text file over the size limit is refused before it is read (its size is known
 * from the file system); a .docx is read whole, its limit applying to what it inflates to.
 * @param file the path to open: a name with undecodable bytes in figcheck's escaped form (file-names.ts)
 * @param shown the path as messages show it
 */
export async function readInputFile(file: string, shown: string, limits: ReadLimits = {}): Promise<Buffer> {
  const limit = limits.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
  let fd: number | undefined;
  try {
    const path = fileSystemPath(file);
    // Synchronous on purpose: documents are read one after another, and fs.promises' FileHandle set-up
    // (~2.5 ms a file) dominated runs over many small files.
    // Opening a named pipe for reading waits for a writer: a FIFO named `report.txt` would hang the run.
    const found = statSync(path);
    if (found.isDirectory()) throw new UnreadableInput(shown, 'is a directory, not a file');
    if (!found.isFile()) throw new UnreadableInput(shown, 'not a regular file (a pipe, socket or device)');
    fd = openSync(path, 'r');
    const { size } = fstatSync(fd);
    if (formatOf(file) !== 'docx' && size > limit) throw new DocumentTooLarge(shown, `the file (${formatSize(size)})`, limit);
    return readFileSync(fd);
  } catch (error) {
    if (error instanceof UnreadableInput) throw error;
    throw new UnreadableInput(shown, describeFsError(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file-system error in a few words, without a stack. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ERR_FS_FILE_TOO_LARGE':
      return 'too large to read (over 2 GB)';
    default:
      return `cannot read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

async function decodeDocx(bytes: Uint8Array, path: string, limit: number): Promise<DecodedText> {
  if (bytes.length === 0) throw new SkipFile(path, 'empty file');
  const notZip = notAZipArchive(bytes);
  if (notZip) throw new UnreadableInput(path, `not a readable .docx file (${notZip})`);
  let content: DocxContent;
  let inflated: InflatedDocx;
  try {
    inflated = await checkDocxSize(bytes, path, limit);
    content = await readDocx(bytes, inflated);
  } catch (error) {
    if (error instanceof UnreadableInput) throw error;
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    throw new UnreadableInput(path, `not a readable .docx file (${reason})`);
  }
  const { paragraphs, tables, boilerplateLines } = content;
  const original = paragraphs.join('\n');
  const decoded: DecodedText = { path, format: 'docx', encoding: 'docx', original, text: original };
  // Loaded with the first .docx (it needs the XML parser). A comments part it cannot read costs the
  // suppressions, never the document: its text was read above.
  const { docxCommentDirectives } = await import('../suppress/docx.js');
  // (from the archive and parts the size check read: neither read nor inflated again)
  const directives = await docxCommentDirectives(bytes, paragraphs, inflated).catch(() => []);
  if (directives.length) decoded.commentDirectives = directives;
  // Lines to original offsets: the tables' cells and the running headers and footers in the one coordinate system.
  const lineStart = new Int32Array(paragraphs.length + 1);
  for (let i = 0; i < paragraphs.length; i++) lineStart[i + 1] = lineStart[i]! + paragraphs[i]!.length + 1;
  const lineEnd = (line: number) => lineStart[line + 1]! - 1;
  if (tables.length) {
    decoded.tables = tables.map((table) => ({
      cells: table.cells.map(({ firstLine, lastLine, ...place }) => ({
        ...place,
        start: lineStart[firstLine] ?? original.length,
        end: lastLine >= firstLine ? lineEnd(lastLine) : (lineStart[firstLine] ?? original.length),
      })),
    }));
  }
  if (boilerplateLines.length) decoded.boilerplate = boilerplateLines.map((line) => ({ start: lineStart[line]!, end: lineEnd(line), pattern: 'running-header' }));
  return decoded;
}

/** Why bytes cannot be a .docx (a zip archive), judged by their first bytes; null when they may be one. */
function notAZipArchive(bytes: Uint8Array): string | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04) return null;
  // The OLE2 compound file signature of Word 97–2003 .doc files.
  if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0) return 'an old Word .doc file renamed .docx; save it as .docx';
  return 'not a zip archive, which every .docx is';
}

/** The charset an HTML file declares in its first bytes, if figcheck can decode it. */
function declaredCharset(bytes: Uint8Array): ReturnType<typeof charsetForLabel> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_PRESCAN_BYTES)).toString('latin1');
  const label = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"'>;/]+)/i.exec(head)?.[1];
  return label ? charsetForLabel(label) : null;
}
