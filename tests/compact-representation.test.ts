/**
 * Representations chosen for memory or start-up (issue 10 §5) say the same as what they replace: a run's
 * documents hold their segment trees packed (src/segment/packed.ts), and the duplicate check's table of
 * compared characters is built from one replace over the BMP (src/damage/winnow.ts).
 */
import { describe, expect, it } from 'vitest';
import { isCompared } from '../src/damage/winnow.js';
import { documentFromText } from '../src/document.js';
import type { Segment } from '../src/model.js';
import { packDocumentSegments } from '../src/segment/packed.js';

const TEXT = '【一、总体情况】\n全年增长5%。其中，工业增长6%；服务业增长4%。\n（一）农业\n粮食产量786亿斤。\n——2025年1月14日在第十四届人民代表大会上\n';

describe('packed segment trees', () => {
  it('read back as the tree they were packed from, key order included', () => {
    const document = documentFromText(TEXT);
    const tree = JSON.stringify(document.segments);
    packDocumentSegments(document);
    expect(JSON.stringify(document.segments)).toBe(tree);
    // The document still lists its keys in their order, `segments` among them.
    expect(Object.keys(document)).toEqual(Object.keys(documentFromText(TEXT)));
  });

  it('hand out one tree while it is held, and keep a tree a caller sets', () => {
    const document = documentFromText(TEXT);
    packDocumentSegments(document);
    const held = document.segments;
    expect(document.segments).toBe(held);
    const replaced: Segment = { kind: 'document', start: 0, end: 1, level: 0, children: [] };
    document.segments = replaced;
    expect(document.segments).toBe(replaced);
  });
});

describe('the duplicate check compares letters and digits', () => {
  it('marks exactly the BMP characters that are \\p{L} or \\p{N}, and surrogate halves', () => {
    const letterOrDigit = /^[\p{L}\p{N}]$/u;
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const expected = (c >= 0xd800 && c <= 0xdfff) || letterOrDigit.test(String.fromCharCode(c));
      if (isCompared(c) !== expected) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});
