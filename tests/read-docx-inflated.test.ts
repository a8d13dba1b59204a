/**
 * The .docx reader takes the XML parts the size check inflated (src/read/docx-size.ts) instead of inflating
 * them again: the same paragraphs, tables and running lines as reading the archive afresh (8 of the 31
 * provincial reports have running headers or footers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../src/read/docx.js';
import { checkDocxSize } from '../src/read/docx-size.js';
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
});
