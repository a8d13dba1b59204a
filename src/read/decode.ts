/**
 * The read stage: a file's bytes → DecodedText (the decoded original and the text later stages read).
 *
 * - .txt / .md: decoded text; `text` is `original`.
 * - .html: `original` is the decoded markup, `text` its visible text, `textOffsets` maps one to the other.
 *   The charset a page declares (`<meta charset>`, `http-equiv`) is honoured, see decodeTextBytes.
 * - .docx: `original` is the paragraphs joined by "\n" (so a location's line is the paragraph number).
 *
 * Empty, binary and undecodable files throw SkipFile (a warning for the caller); files that cannot be read at
 * all, or a .docx that is not a Word document, throw InputError.
 */
import { readFile } from 'node:fs/promises';
import { InputError, type DecodedText, type Format } from '../model.js';
import { charsetForLabel, decodeTextBytes } from './charset.js';
import { docxParagraphs } from './docx.js';
import { formatOf } from './formats.js';
import { SkipFile } from './skip-file.js';

export { SkipFile } from './skip-file.js';

/** How far into an HTML file to look for its `<meta charset>` (browsers look at 1024 bytes; some pages need more). */
const META_PRESCAN_BYTES = 4096;

/**
 * Decodes a file's bytes. The format comes from `path`'s extension (so `--stdin-filename report.html` works);
 * a path without a known extension (stdin without a name) is read as plain text.
 */
export async function decodeBuffer(bytes: Uint8Array, path: string, format: Format = formatOf(path) ?? 'txt'): Promise<DecodedText> {
  if (format === 'docx') return decodeDocx(bytes, path);
  if (format === 'html') {
    const { text: markup, encoding } = decodeTextBytes(bytes, path, declaredCharset(bytes));
    // Loaded on first use: the HTML parser takes ~20 ms to load, which a run without HTML should not pay.
    const { htmlToText } = await import('./html.js');
    const { text, textOffsets } = htmlToText(markup);
    return { path, format, encoding, original: markup, text, textOffsets };
  }
  const { text, encoding } = decodeTextBytes(bytes, path);
  return { path, format, encoding, original: text, text };
}

/** Reads and decodes a file; `path` is kept as given in the result. */
export async function decodeFile(path: string): Promise<DecodedText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(`${path}: ${describeFsError(error)}`);
  }
  return decodeBuffer(bytes, path);
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
    default:
      return `cannot read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

async function decodeDocx(bytes: Uint8Array, path: string): Promise<DecodedText> {
  if (bytes.length === 0) throw new SkipFile(path, 'empty file');
  const notZip = notAZipArchive(bytes);
  if (notZip) throw new InputError(`${path}: not a readable .docx file (${notZip})`);
  let paragraphs: string[];
  try {
    paragraphs = await docxParagraphs(bytes);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    throw new InputError(`${path}: not a readable .docx file (${reason})`);
  }
  const original = paragraphs.join('\n');
  return { path, format: 'docx', encoding: 'docx', original, text: original };
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
