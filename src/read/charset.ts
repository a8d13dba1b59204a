/**
 * Bytes of a text file → string and the name of its encoding. Order: BOM, then a strict UTF-8
 * check (the commonest case by far, and native: simdutf validation behind TextDecoder), then
 * statistical detection (chardet) for legacy Chinese encodings, decoded with iconv-lite.
 */
import { isAscii } from 'node:buffer';
import { chardet, iconv } from './legacy-codecs.js';
import { SkipFile } from './skip-file.js';

/** A character encoding: how iconv-lite calls it and how figcheck reports it. */
interface Charset {
  iconv: string;
  reported: string;
}

export interface DecodedBytes {
  text: string;
  /** `UTF-8`, `UTF-8 BOM`, `UTF-16LE`, `UTF-16BE`, `GB18030`, `Big5`, or an iconv-lite name. */
  encoding: string;
}

const UTF8: Charset = { iconv: 'utf8', reported: 'UTF-8' };
// GBK and GB2312 are subsets of GB18030: decoding as GB18030 reads all three, and 4-byte sequences too.
const GB18030: Charset = { iconv: 'gb18030', reported: 'GB18030' };
const BIG5: Charset = { iconv: 'big5', reported: 'Big5' };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });

/** How far to look for NUL bytes, the mark of a binary file (git and grep look at the first 8 KB too). */
const BINARY_SNIFF_BYTES = 8192;
/** How much chardet reads: its recognisers are plain JS loops, and 64 KB of prose is plenty to tell GBK from Big5. */
const DETECTION_SAMPLE_BYTES = 65536;

/**
 * The encodings chardet may name that figcheck accepts. Shift_JIS, EUC-JP, EUC-KR and ISO-2022-* are left out
 * on purpose: on Chinese text they are chardet's usual wrong second guesses, and figcheck reads Chinese documents.
 */
const DETECTABLE: Readonly<Record<string, Charset>> = {
  GB18030,
  Big5: BIG5,
  'UTF-16LE': { iconv: 'utf-16le', reported: 'UTF-16LE' },
  'UTF-16BE': { iconv: 'utf-16be', reported: 'UTF-16BE' },
  'UTF-32LE': { iconv: 'utf-32le', reported: 'utf-32le' },
  'UTF-32BE': { iconv: 'utf-32be', reported: 'utf-32be' },
};

const MULTI_BYTE = new Set<Charset>([GB18030, BIG5, DETECTABLE['UTF-16LE']!, DETECTABLE['UTF-16BE']!]);

/** Labels that name GB18030's subsets (WHATWG's list for "gbk"/"gb18030", plus common aliases). */
const GB_LABELS = /^(?:gb2312|gb_2312(?:-80)?|gbk|x-gbk|gb18030|cp936|ms936|windows-936|euc-cn|csgb2312|chinese|iso-ir-58|csiso58gb231280)$/;
const BIG5_LABELS = /^(?:big5|big5-hkscs|cn-big5|csbig5|x-x-big5|cp950)$/;
/** WHATWG: a document that declares UTF-16 in ASCII-compatible markup is really UTF-8. */
const UTF8_LABELS = /^(?:utf-?8|unicode-1-1-utf-8|utf-16(?:le|be)?)$/;

/** The encoding a charset label (from `<meta charset>`) names; null when figcheck cannot decode it. */
export function charsetForLabel(label: string): Charset | null {
  const name = label.trim().toLowerCase();
  if (UTF8_LABELS.test(name)) return UTF8;
  if (GB_LABELS.test(name)) return GB18030;
  if (BIG5_LABELS.test(name)) return BIG5;
  return iconv().encodingExists(name) ? { iconv: name, reported: name } : null;
}

/**
 * Decodes the bytes of a text file.
 * @param declared an encoding the file declares itself (HTML `<meta charset>`), honoured unless a BOM says
 *                 otherwise or the bytes are valid non-ASCII UTF-8 (a page re-saved as UTF-8 that kept its
 *                 old meta tag is far commoner than GBK bytes that happen to form valid UTF-8).
 * @throws SkipFile for an empty, binary or undecodable file
 */
export function decodeTextBytes(bytes: Uint8Array, path: string, declared: Charset | null = null): DecodedBytes {
  if (bytes.length === 0) throw new SkipFile(path, 'empty file');

  const bom = decodeWithBom(bytes);
  if (bom) {
    if (bom.text.length === 0) throw new SkipFile(path, 'empty file');
    if (!looksLikeText(bom.text)) throw new SkipFile(path, `not text: it starts with a ${bom.encoding.replace(/ BOM$/, '')} byte order mark, but the rest does not decode`);
    return bom;
  }

  if (bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) !== -1) throw new SkipFile(path, 'binary file (NUL bytes)');

  const utf8 = tryUtf8(bytes);
  /** A declared single-byte code page, tried only after the Chinese encodings (see below). */
  let declaredFallback: Charset | null = null;
  if (declared && declared !== UTF8) {
    if (utf8 !== null && !isAscii(bytes)) return { text: utf8, encoding: UTF8.reported };
    // Chinese pages often carry a template's `charset=iso-8859-1`; a multi-byte declaration, or one on pure
    // ASCII where every reading agrees, is taken at its word.
    if (MULTI_BYTE.has(declared) || utf8 !== null) {
      const text = iconv().decode(toBuffer(bytes), declared.iconv);
      if (looksLikeText(text)) return { text, encoding: declared.reported };
      // A wrong declaration: fall through to detection rather than reading garbage.
    } else {
      declaredFallback = declared;
    }
  }
  if (utf8 !== null) return { text: utf8, encoding: UTF8.reported };

  const detected = detectCandidates(bytes);
  const candidates = declaredFallback ? [declaredFallback, ...detected] : detected;
  // First pass: multi-byte encodings only where every byte sequence is valid in them. chardet often ranks a
  // single-byte code page (windows-1251 …) first for a short Chinese text with many digits; a text whose
  // bytes all form valid GB18030 or Big5 characters is Chinese in a Chinese document checker.
  for (const charset of candidates.filter((candidate) => MULTI_BYTE.has(candidate))) {
    const text = iconv().decode(toBuffer(bytes), charset.iconv);
    if (cleanlyDecoded(text) && looksLikeText(text)) return { text, encoding: charset.reported };
  }
  for (const charset of candidates) {
    const text = iconv().decode(toBuffer(bytes), charset.iconv);
    if (looksLikeText(text)) return { text, encoding: charset.reported };
  }
  throw new SkipFile(path, 'not text in UTF-8, GB18030, Big5 or another known encoding (binary file?)');
}

function decodeWithBom(bytes: Uint8Array): DecodedBytes | null {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: lenientUtf8.decode(bytes.subarray(3)), encoding: 'UTF-8 BOM' };
  if (b0 === 0xff && b1 === 0xfe) return { text: utf16le.decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (b0 === 0xfe && b1 === 0xff) return { text: iconv().decode(toBuffer(bytes.subarray(2)), 'utf-16be'), encoding: 'UTF-16BE' };
  return null;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** chardet's guesses that figcheck accepts, most confident first; GB18030 last as the Chinese default. */
function detectCandidates(bytes: Uint8Array): Charset[] {
  const sample = bytes.subarray(0, DETECTION_SAMPLE_BYTES);
  const matches = chardet().analyse(sample);
  const candidates: Charset[] = [];
  for (const match of matches) {
    const charset = DETECTABLE[match.name] ?? singleByteCharset(match.name);
    if (charset && !candidates.includes(charset)) candidates.push(charset);
  }
  if (!candidates.includes(GB18030)) candidates.push(GB18030);
  // On short texts (a title, a sentence) chardet cannot tell GBK from Big5: up to ten double-byte characters
  // it gives both the same confidence and lists Big5 first, and up to a few dozen its guess is often wrong.
  // The shape of the bytes decides better: GB2312 text always has it, Big5 text almost never (see below).
  const big5 = candidates.indexOf(BIG5);
  const gb = candidates.indexOf(GB18030);
  if (big5 >= 0 && big5 < gb && eucCnShaped(sample)) {
    candidates.splice(gb, 1);
    candidates.splice(big5, 0, GB18030);
  }
  return candidates;
}

/**
 * Whether every multi-byte character is shaped like GB2312 (EUC-CN: lead and trail byte both 0xA1–0xFE).
 * GB2312 text always is; in Big5 text about two characters in five have a trail byte below 0xA1, so Big5 text
 * passes only when it has a handful of Chinese characters (10 characters: about 1 in 170).
 */
function eucCnShaped(bytes: Uint8Array): boolean {
  // Hand-written scan: it runs only on the rare files that are neither UTF-8 nor marked by a BOM.
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    if (bytes[i]! < 0xa1 || (i + 1 < bytes.length && bytes[i + 1]! < 0xa1)) return false;
    i++;
  }
  return true;
}

/** ISO-8859-x, windows-125x, KOI8-R: reported under their iconv-lite names. */
function singleByteCharset(name: string): Charset | null {
  if (!/^(?:ISO-8859-\d+|windows-125\d|KOI8-R)$/.test(name)) return null;
  const lower = name.toLowerCase();
  return iconv().encodingExists(lower) ? { iconv: lower, reported: lower } : null;
}

/** No replacement character, except one at the very end (a file cut in the middle of a character). */
function cleanlyDecoded(text: string): boolean {
  const at = text.indexOf('\ufffd');
  return at === -1 || at === text.length - 1;
}

/**
 * Whether decoded text is text and not the result of decoding garbage: replacement characters and control
 * characters (other than tab, line breaks, form feed and escape) are rare in documents and common in binaries.
 * A few are tolerated: a file cut in the middle of a character still reads.
 */
function looksLikeText(text: string): boolean {
  const suspicious = text.match(/[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]/g)?.length ?? 0;
  return suspicious <= Math.max(4, text.length * 0.005);
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
