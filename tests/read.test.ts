/**
 * The read stage on the real seed documents: every encoding and line-ending variant an editor might
 * save them in must decode to the same text, with the encoding reported the way figcheck prints it.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBuffer, decodeFile } from '../src/read/decode.js';
import { formatOf } from '../src/read/formats.js';
import { OffsetMap } from '../src/normalize/offset-map.js';

const SEEDS_DIR = join(import.meta.dirname, '..', 'examples', 'nmg');
const seeds = readdirSync(SEEDS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(SEEDS_DIR, name), 'utf8') }));

const work = mkdtempSync(join(tmpdir(), 'figcheck-read-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function save(name: string, bytes: Uint8Array): string {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
}

const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM_UTF16LE = Buffer.from([0xff, 0xfe]);
const BOM_UTF16BE = Buffer.from([0xfe, 0xff]);

/** The encodings an editor saves Chinese text in, with the name figcheck must report. */
const VARIANTS: { label: string; encoding: string; encode: (text: string) => Buffer }[] = [
  { label: 'UTF-8', encoding: 'UTF-8', encode: (text) => Buffer.from(text, 'utf8') },
  { label: 'UTF-8 with BOM', encoding: 'UTF-8 BOM', encode: (text) => Buffer.concat([BOM_UTF8, Buffer.from(text, 'utf8')]) },
  { label: 'UTF-16LE with BOM', encoding: 'UTF-16LE', encode: (text) => Buffer.concat([BOM_UTF16LE, iconv.encode(text, 'utf-16le')]) },
  { label: 'UTF-16BE with BOM', encoding: 'UTF-16BE', encode: (text) => Buffer.concat([BOM_UTF16BE, iconv.encode(text, 'utf-16be')]) },
  { label: 'GB18030', encoding: 'GB18030', encode: (text) => iconv.encode(text, 'gb18030') },
];

describe('seed documents in every encoding', () => {
  it('has the five seeds to test on', () => {
    expect(seeds.map((seed) => seed.name)).toHaveLength(5);
    for (const seed of seeds) expect(seed.text.length).toBeGreaterThan(5_000);
  });

  for (const seed of seeds) {
    for (const variant of VARIANTS) {
      it(`${seed.name} as ${variant.label} decodes to the same text`, async () => {
        const path = save(`${variant.encoding}-${seed.name}`, variant.encode(seed.text));
        const decoded = await decodeFile(path);
        expect(decoded.encoding).toBe(variant.encoding);
        expect(decoded.format).toBe('txt');
        expect(decoded.path).toBe(path);
        // The BOM is not text: the first character is the document's own, so columns match an editor's.
        expect(decoded.original === seed.text).toBe(true);
        expect(decoded.text).toBe(decoded.original);
        expect(decoded.textOffsets).toBeUndefined();
      });
    }

    it(`${seed.name} with CRLF line endings keeps them in the original, so lines count as in an editor`, async () => {
      const crlf = seed.text.replace(/\n/g, '\r\n');
      const decoded = await decodeFile(save(`crlf-${seed.name}`, Buffer.from(crlf, 'utf8')));
      expect(decoded.encoding).toBe('UTF-8');
      expect(decoded.original.replace(/\r\n/g, '\n') === seed.text).toBe(true);
      // Line numbers from the offset map are those of the LF file.
      const lastLineStart = seed.text.lastIndexOf('\n', seed.text.length - 2) + 1;
      const lf = new OffsetMap('lf', seed.text, Int32Array.from({ length: seed.text.length + 1 }, (_, i) => i));
      const crlfOffset = lastLineStart + seed.text.slice(0, lastLineStart).split('\n').length - 1;
      const crlfMap = new OffsetMap('crlf', decoded.original, Int32Array.from({ length: decoded.original.length + 1 }, (_, i) => i));
      expect(crlfMap.position(crlfOffset)).toEqual(lf.position(lastLineStart));
    });

    it(`${seed.name} saved as .md (GB18030) reads as Markdown with the same text`, async () => {
      const decoded = await decodeFile(save(seed.name.replace(/\.txt$/, '.md'), iconv.encode(seed.text, 'gb18030')));
      expect(decoded.format).toBe('md');
      expect(decoded.encoding).toBe('GB18030');
      expect(decoded.text === seed.text).toBe(true);
    });
  }

  it('a UTF-8 BOM file has its first character at column 1 of line 1', async () => {
    const seed = seeds[0]!;
    const decoded = await decodeFile(save('bom-column.txt', Buffer.concat([BOM_UTF8, Buffer.from(seed.text)])));
    const map = new OffsetMap(decoded.path, decoded.original, Int32Array.from({ length: decoded.original.length + 1 }, (_, i) => i));
    expect(decoded.original[0]).toBe(seed.text[0]);
    expect(map.position(0)).toEqual({ line: 1, column: 1 });
  });
});

describe('legacy Chinese encodings without a BOM', () => {
  const traditional = seeds.find((seed) => seed.name === 'rectification-2021.txt')!.text;
  const simplified = seeds.find((seed) => seed.name === 'yearbook-2023-government.txt')!.text;

  it('the Traditional seed in Big5 is detected as Big5 and decoded right', async () => {
    const bytes = iconv.encode(traditional, 'big5');
    // Precondition: Big5 can encode every character of this seed (otherwise the test proves nothing).
    expect(iconv.decode(bytes, 'big5')).toBe(traditional);
    const decoded = await decodeBuffer(bytes, 'rectification.txt');
    expect(decoded.encoding).toBe('Big5');
    expect(decoded.text === traditional).toBe(true);
  });

  it('Traditional excerpts of a paragraph or more in Big5 are read as Big5', async () => {
    const lines = traditional.split('\n').filter((line) => line.length >= 40);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const decoded = await decodeBuffer(iconv.encode(line, 'big5'), 'excerpt.txt');
      expect(decoded.encoding, line.slice(0, 20)).toBe('Big5');
      expect(decoded.text).toBe(line);
    }
  });

  it('a GBK file (no BOM) is detected as GB18030 and decoded right', async () => {
    const bytes = iconv.encode(simplified, 'gbk');
    expect(iconv.decode(bytes, 'gbk')).toBe(simplified);
    const decoded = await decodeFile(save('gbk.txt', bytes));
    expect(decoded.encoding).toBe('GB18030');
    expect(decoded.text === simplified).toBe(true);
  });

  it('short GBK texts (titles, single sentences) are read as GB18030, not as Big5', async () => {
    // chardet cannot tell GBK from Big5 on ten characters or fewer; every slice must still read right.
    const slices: string[] = [];
    for (let at = 0; at < 4000; at += 131) slices.push(simplified.slice(at, at + 6 + (at % 9)));
    for (const slice of slices) {
      const decoded = await decodeBuffer(iconv.encode(slice, 'gbk'), 'title.txt');
      expect(decoded.encoding, slice).toBe('GB18030');
      expect(decoded.text).toBe(slice);
    }
  });

  it('GB18030 four-byte characters (outside GBK) survive', async () => {
    const text = '𠀀字与€符号、中文：㐀㐁，全区增长4.2%。\n';
    const decoded = await decodeBuffer(iconv.encode(text.repeat(20), 'gb18030'), 'rare.txt');
    expect(decoded.encoding).toBe('GB18030');
    expect(decoded.text).toBe(text.repeat(20));
  });
});

describe('formats', () => {
  it('maps extensions to formats, case-insensitively', () => {
    expect(formatOf('a/b.txt')).toBe('txt');
    expect(formatOf('B.TEXT')).toBe('txt');
    expect(formatOf('notes.md')).toBe('md');
    expect(formatOf('notes.Markdown')).toBe('md');
    expect(formatOf('page.htm')).toBe('html');
    expect(formatOf('page.HTML')).toBe('html');
    expect(formatOf('报告.docx')).toBe('docx');
    expect(formatOf('old.doc')).toBeNull();
    expect(formatOf('report.PDF')).toBe('pdf');
    expect(formatOf('scan.tiff')).toBeNull();
    expect(formatOf('README')).toBeNull();
    expect(formatOf('.txt')).toBeNull();
  });

  it('stdin without a file name reads as plain text; with one, by its extension', async () => {
    const plain = await decodeBuffer(Buffer.from('全区生产总值增长4.2%'), '<stdin>');
    expect(plain.format).toBe('txt');
    const html = await decodeBuffer(Buffer.from('<p>全区生产总值增长4.2%</p>'), 'from-stdin.html');
    expect(html.format).toBe('html');
    expect(html.text).toBe('全区生产总值增长4.2%');
  });
});
