/**
 * Fuzz suite (issue 10 "Done when"): the readers and the extractor on hostile input never throw anything
 * but figcheck's own input errors (SkipFile: not a document; UnreadableInput: cannot be read), never take
 * longer than a generous bound, and never inflate more than the size limit allows. Random bytes as text,
 * malformed HTML, random, truncated and nested zip archives and malformed XML as .docx, long lines and
 * digit runs through the extractor. Seeds are fixed: a failure replays.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../src/document.js';
import { markDamagedFigures } from '../src/damage/index.js';
import { extractFigures } from '../src/extract/index.js';
import { decodeBuffer, SkipFile } from '../src/read/decode.js';
import { DocumentTooLarge, UnreadableInput } from '../src/read/unreadable.js';
import { coreRules } from '../src/rules/load.js';
import { makeDocx, makeDocxFromBody } from './helpers/docx.js';
import { makeDocxBomb } from './helpers/zip-bomb.js';

/** Per input: far above what any of these takes (milliseconds), far below a hang. */
const BOUND_MS = 10_000;
const rules = coreRules();

/** Reads bytes as a file of `name` all the way to figures; returns how it ended. */
async function readAll(bytes: Uint8Array, name: string, maxDocumentSize?: number): Promise<'read' | 'skipped' | 'unreadable'> {
  const started = performance.now();
  try {
    const decoded = await decodeBuffer(bytes, name, undefined, { maxDocumentSize });
    const document = buildDocument(decoded, {}, rules);
    const figures = extractFigures(document, rules);
    markDamagedFigures(figures, [document], rules);
    for (const figure of figures) expect(figure.location.line).toBeGreaterThan(0);
    return 'read';
  } catch (error) {
    if (error instanceof SkipFile) return 'skipped';
    if (error instanceof UnreadableInput) {
      // A clean one-line message naming the file.
      expect(error.message.startsWith(`${name}: `)).toBe(true);
      expect(error.message).not.toMatch(/\n/);
      return 'unreadable';
    }
    throw error;
  } finally {
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  }
}

const MARKUP = ['<p>', '</p>', '<div', '>', '<', '</', '<br/>', '<td>', '<tr>', '<table>', '<script>', '</script>', '<style>', '<!--', '-->', '<![CDATA[', '&amp;', '&#', '&#x4e00;', '&', ';', '"', "'", '=', '<meta charset="gbk">', '<title>', '<pre>', '\n', ' ', '全区生产总值', '增长', '4.2%', '3409亿元', '2022年', '一', '\u0000', '\ufffd'];
const XML = ['<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>', '</w:t>', '<w:t xml:space="preserve">', '<w:br/>', '<w:tab/>', '<w:tbl>', '<w:tc>', '<', '>', '&', '&amp;', '&#0;', '"', '增长4.2%', '3409亿元', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', ']]>', '<?xml'];

describe('readers on hostile input', () => {
  it('random bytes as .txt, .md and .html: read or skipped, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('x.txt', 'x.md', 'x.html'), async (bytes, name) => {
        expect(['read', 'skipped']).toContain(await readAll(bytes, name));
      }),
      { numRuns: 150, seed: 1 },
    );
  });

  it('malformed HTML: read, with every location inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...MARKUP), { maxLength: 300 }), async (parts) => {
        const markup = parts.join('');
        expect(['read', 'skipped']).toContain(await readAll(Buffer.from(markup), 'page.html'));
      }),
      { numRuns: 150, seed: 2 },
    );
  });

  let docx: Buffer;
  beforeAll(async () => {
    docx = await makeDocx(['2022年，全区生产总值增长4.2%。', '引进到位资金3409亿元。'.repeat(40)]);
  });

  it('.docx: random bytes behind a zip signature, and a real one cut anywhere or with bytes flipped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }).map((rest) => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), rest])),
          fc.nat({ max: docx.length - 1 }).map((cut) => docx.subarray(0, cut)),
          fc.array(fc.tuple(fc.nat({ max: docx.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
            const copy = Buffer.from(docx);
            for (const [at, value] of flips) copy[at] = value;
            return copy;
          }),
        ),
        async (bytes) => {
          expect(['read', 'skipped', 'unreadable']).toContain(await readAll(bytes, 'report.docx'));
        },
      ),
      { numRuns: 120, seed: 3 },
    );
  });

  it('.docx: malformed XML in the document part, and zips nested in zips', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...XML), { maxLength: 200 }), fc.boolean(), async (parts, nest) => {
        let bytes = await makeDocxFromBody(parts.join(''));
        if (nest) {
          // A .docx whose document part is itself a zip, holding the previous .docx.
          const outer = await JSZip.loadAsync(bytes);
          outer.file('word/document.xml', bytes);
          outer.file('word/embeddings/inner.docx', bytes);
          bytes = await outer.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
        }
        expect(['read', 'skipped', 'unreadable']).toContain(await readAll(bytes, 'report.docx'));
      }),
      { numRuns: 80, seed: 4 },
    );
  });

  it('.docx bombs: refused at any limit below their size, honest or lying headers, inflating no more than the limit', async () => {
    const honest = await makeDocxBomb(24);
    const lying = await makeDocxBomb(24, { statedSize: 1000 });
    const before = process.resourceUsage().maxRSS;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1024, max: 8 * 1024 * 1024 }), fc.boolean(), async (limit, lie) => {
        const started = performance.now();
        const error = await decodeBuffer(lie ? lying : honest, 'bomb.docx', undefined, { maxDocumentSize: limit }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DocumentTooLarge);
        expect(performance.now() - started).toBeLessThan(BOUND_MS);
      }),
      { numRuns: 12, seed: 5 },
    );
    // Never the 24 MB of XML in mammoth's tree (~2.4 GB): at most a chunk of inflation beyond the limit.
    expect((process.resourceUsage().maxRSS - before) / 1024).toBeLessThan(300);
  });
});

describe('the extractor on hostile text', () => {
  it('long lines, digit runs and numeral runs among prose: figures with sane spans, in bounded time', async () => {
    const piece = fc.oneof(
      fc.constantFrom('全区生产总值增长', '亿元', '万吨', '%', '，', '。', '\n', '约', '以上', '比上年', '第', '十四五', '2022年', '×', '-', '~', '点'),
      fc.integer({ min: 1, max: 20_000 }).map((n) => '1234567890'.repeat(Math.ceil(n / 10)).slice(0, n)),
      fc.integer({ min: 1, max: 5_000 }).map((n) => '一二三四五六七八九十百千万亿'.repeat(n).slice(0, n)),
      fc.integer({ min: 1, max: 20_000 }).map((n) => ' '.repeat(n)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), async (pieces) => {
        const text = pieces.join('');
        expect(['read', 'skipped']).toContain(await readAll(Buffer.from(text), 'prose.txt'));
      }),
      { numRuns: 60, seed: 6 },
    );
  });
});
