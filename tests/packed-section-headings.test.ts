/**
 * A document held with its segment tree packed (src/segment/packed.ts) gives its dated delivery line without
 * rebuilding the tree (sectionHeadings, read by checks/document-date.ts): the headings must be those a walk
 * from the root into sections only meets, in its order, on real documents and on generated trees where
 * sections sit below paragraphs (never walked into) and headings of every kind lie in skipped subtrees.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentDate } from '../src/checks/document-date.js';
import { buildDocument } from '../src/document.js';
import type { Segment } from '../src/model.js';
import { decodeBuffer } from '../src/read/decode.js';
import { coreRules } from '../src/rules/load.js';
import { packDocumentSegments, packedSegmentsOf, packSegments, sectionHeadings } from '../src/segment/packed.js';
import { NATIONAL, PROVINCES } from './helpers/paths.js';

type Kind = NonNullable<Segment['headingKind']>;
const KINDS: Kind[] = ['bracket', 'chinese-numeral', 'parenthesized', 'arabic-item', 'dated-line'];

/** The walk documentDate made over the tree itself. */
function walked(segment: Segment, kind: Kind, out: string[] = []): string[] {
  if (segment.headingKind === kind && segment.heading) out.push(segment.heading);
  for (const child of segment.children) if (child.kind === 'section') walked(child, kind, out);
  return out;
}

const headingKind = fc.option(fc.constantFrom(...KINDS), { nil: undefined });
/** Trees of at most `depth` levels below the node, sections and other kinds mixed at every level. */
function treeOf(depth: number): fc.Arbitrary<Segment> {
  return fc
    .record({
      kind: fc.constantFrom<Segment['kind']>('section', 'section', 'paragraph', 'sentence'),
      heading: fc.option(fc.constantFrom('', '——2025年1月14日', '一、回顾', '（二）'), { nil: undefined }),
      headingKind,
      children: depth > 0 ? fc.array(treeOf(depth - 1), { maxLength: 3 }) : fc.constant<Segment[]>([]),
    })
    .map(({ kind, heading, headingKind: hk, children }) => {
      const node: Segment = { kind, start: 0, end: 0, level: 1, children };
      if (heading !== undefined) node.heading = heading;
      if (hk !== undefined) node.headingKind = hk;
      return node;
    });
}
const tree = treeOf(3);

describe('section headings of a packed tree', () => {
  it('are the walk\'s on generated trees, of every heading kind', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), fc.constantFrom(...KINDS), (children, kind) => {
        const root: Segment = { kind: 'document', start: 0, end: 0, level: 0, children };
        const packed = packSegments(root)!;
        expect(sectionHeadings(packed, kind)).toEqual(walked(root, kind));
      }),
      { numRuns: 500 },
    );
  });

  it('give every real document its delivery date, packed or not', async () => {
    const rules = coreRules();
    const settings = rules.alignment?.documentDate;
    expect(settings?.pattern).toBeTruthy();
    let dated = 0;
    for (const folder of [NATIONAL, PROVINCES]) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.txt') || n.endsWith('.docx'))) {
        const file = join(folder, name);
        const decoded = await decodeBuffer(readFileSync(file), file);
        const plain = buildDocument(decoded, {}, rules);
        const packed = buildDocument(decoded, {}, rules);
        packDocumentSegments(packed);
        expect(packedSegmentsOf(packed)).toBeDefined();
        expect(sectionHeadings(packedSegmentsOf(packed)!, 'dated-line')).toEqual(walked(plain.segments, 'dated-line'));
        const date = documentDate(packed, settings);
        expect(date).toEqual(documentDate(plain, settings));
        if (date) dated++;
      }
    }
    expect(dated).toBeGreaterThan(20);
  });

  it('are not read from a packed tree a caller has replaced', () => {
    const root: Segment = { kind: 'document', start: 0, end: 0, level: 0, children: [] };
    const document = buildDocument({ path: 'a.txt', format: 'txt', encoding: 'UTF-8', original: '一、回顾\n正文。\n', text: '一、回顾\n正文。\n' });
    packDocumentSegments(document);
    document.segments = root;
    expect(packedSegmentsOf(document)).toBeUndefined();
  });
});
