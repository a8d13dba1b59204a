/**
 * The .docx reader takes the XML parts the size check inflated (src/read/docx-size.ts, with Node's zlib from the
 * compressed bytes jszip read) instead of inflating them again with jszip: the same paragraphs, tables and
 * running lines as reading the archive afresh (8 of the 31 provincial reports have running headers or footers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readDocx } from '../src/read/docx.js';
import { checkDocxSize } from '../src/read/docx-size.js';
import { DocumentTooLarge } from '../src/read/unreadable.js';
import { makeDocx } from './helpers/docx.js';
import { PROVINCES } from './helpers/paths.js';

const LIMIT = 64 * 1024 * 1024;

describe('reading a .docx from the size check\'s inflated parts', () => {
  it('reads every provincial report as reading the archive afresh does', async () => {
    const files = readdirSync(PROVINCES).filter((name) => name.endsWith('.docx'));
    expect(files.length).toBeGreaterThan(20);
    for (const name of files) {
      const bytes = readFileSync(join(PROVINCES, name));
      const inflated = await checkDocxSize(bytes, name, LIMIT);
      expect(inflated.parts.get('word/document.xml')?.length, name).toBeGreaterThan(0);
      expect(await readDocx(bytes, inflated), name).toEqual(await readDocx(bytes));
    }
  });

  it('reads a made-up document the same way', async () => {
    const bytes = await makeDocx(['2024年地区生产总值增长5.2%。']);
    const fresh = await readDocx(bytes);
    expect(await readDocx(bytes, await checkDocxSize(bytes, 'made-up.docx', LIMIT))).toEqual(fresh);
    expect(fresh.paragraphs).toContain('2024年地区生产总值增长5.2%。');
  });

  it('finds the compressed bytes where jszip keeps them (else every part would take jszip\'s slow way)', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(PROVINCES, readdirSync(PROVINCES).find((name) => name.endsWith('.docx'))!)));
    const data = (zip.files['word/document.xml'] as unknown as { _data: { compressedContent: unknown; compression: { magic: string } } })._data;
    expect(data.compressedContent).toBeInstanceOf(Uint8Array);
    expect(data.compression.magic).toBe('\x08\x00');
  });

  it('reads stored (uncompressed) parts as deflated ones, and stops either at the size limit', async () => {
    const deflated = await makeDocx(Array.from({ length: 50 }, () => '2024年地区生产总值增长5.2%，城镇新增就业25万人。'));
    const stored = await (await JSZip.loadAsync(deflated)).generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    expect(await readDocx(stored, await checkDocxSize(stored, 'stored.docx', LIMIT))).toEqual(await readDocx(deflated));
    for (const [name, bytes] of [['deflated.docx', deflated], ['stored.docx', stored]] as const) {
      await expect(checkDocxSize(bytes, name, 2000)).rejects.toBeInstanceOf(DocumentTooLarge);
      await expect(checkDocxSize(bytes, name, 2000)).rejects.toThrow(/word\/document\.xml/);
    }
  });
});
