/**
 * The segment tree as numbers (six a node) instead of tens of thousands of small objects. Used where a
 * tree must travel (a worker's or the cache's outcome, src/parallel/) and where many are held at once: a
 * run keeps every document until the checks end, and as objects the trees of 10,000 documents weigh
 * ~150 MB of heap; packed, a sixth. A packed document's `segments` is rebuilt on use and held weakly,
 * so a later stage that reads it (the document-date check, the report's excerpts) sees the same tree
 * while it holds it, and memory gets it back after.
 */
import type { Document, Segment } from '../model.js';

/** A segment tree in pre-order: NODE_FIELDS numbers a node, headings beside them. */
export interface PackedSegments {
  nodes: Int32Array;
  /** Heading text of the nodes that have one (flag bit 1), in pre-order. */
  headings: string[];
}

export const EMPTY_TREE: Segment = { kind: 'document', start: 0, end: 0, level: 0, children: [] };

const NODE_FIELDS = 6; // kind, start, end, level, child count, flags (1: heading, 2: headingKind) | headingKind << 2
const KINDS: readonly Segment['kind'][] = ['document', 'section', 'paragraph', 'sentence', 'clause'];
const HEADING_KINDS: readonly NonNullable<Segment['headingKind']>[] = ['bracket', 'chinese-numeral', 'parenthesized', 'arabic-item', 'dated-line'];
const NODE_KEYS = new Set(['kind', 'start', 'end', 'level', 'children', 'heading', 'headingKind']);

/**
 * The segment tree as numbers: a tree of tens of thousands of small objects costs the structured
 * serializer its property names for every node (most of a document's weight); as numbers it is a
 * tenth. Null when a node holds something this packing does not know (the tree then travels as is).
 */
export function packSegments(root: Segment): PackedSegments | null {
  const nodes: number[] = [];
  const headings: string[] = [];
  const stack: Segment[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const kind = KINDS.indexOf(node.kind);
    const headingKind = node.headingKind === undefined ? 0 : HEADING_KINDS.indexOf(node.headingKind);
    if (kind < 0 || headingKind < 0 || !knownKeys(node)) return null;
    let flags = headingKind << 2;
    if (node.heading !== undefined) {
      flags |= 1;
      headings.push(node.heading);
    }
    if (node.headingKind !== undefined) flags |= 2;
    nodes.push(kind, node.start, node.end, node.level, node.children.length, flags);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return { nodes: Int32Array.from(nodes), headings };
}

/** Whether a node holds only the keys packing keeps (a loop over its own keys, no array of them per node). */
function knownKeys(node: Segment): boolean {
  for (const key in node) if (Object.hasOwn(node, key) && !NODE_KEYS.has(key)) return false;
  return true;
}

export function unpackSegments(packed: PackedSegments): Segment {
  const { nodes, headings } = packed;
  let heading = 0;
  let root: Segment | undefined;
  /** Open nodes with the number of children they still wait for. */
  const open: { node: Segment; missing: number }[] = [];
  for (let at = 0; at < nodes.length; at += NODE_FIELDS) {
    const flags = nodes[at + 5]!;
    const node: Segment = { kind: KINDS[nodes[at]!]!, start: nodes[at + 1]!, end: nodes[at + 2]!, level: nodes[at + 3]!, children: [] };
    if (flags & 1) node.heading = headings[heading++]!;
    if (flags & 2) node.headingKind = HEADING_KINDS[flags >> 2]!;
    const parent = open[open.length - 1];
    if (parent) {
      parent.node.children.push(node);
      if (--parent.missing === 0) open.pop();
    } else root = node;
    const children = nodes[at + 4]!;
    if (children) open.push({ node, missing: children });
  }
  if (!root) throw new Error('empty segment tree');
  return root;
}

/**
 * Replaces a document's `segments` (in place, so its key order stays) by a getter that rebuilds the tree
 * from `packed` when it is read and holds it weakly (a tree set by a caller is held as given).
 */
export function lazySegments(document: Document, packed: PackedSegments): void {
  packedOf.set(document, packed);
  let held: WeakRef<Segment> | undefined;
  let set: Segment | undefined;
  Object.defineProperty(document, 'segments', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (set) return set;
      let tree = held?.deref();
      if (!tree) held = new WeakRef((tree = unpackSegments(packed)));
      return tree;
    },
    set: (value: Segment) => {
      set = value;
      packedOf.delete(document);
    },
  });
}

const packedOf = new WeakMap<Document, PackedSegments>();

/** The packed tree a document's `segments` is rebuilt from (lazySegments), if it has one. */
export function packedSegmentsOf(document: Document): PackedSegments | undefined {
  return packedOf.get(document);
}

/**
 * The headings of kind `headingKind` that a walk from the root into sections only meets (the root's own, then
 * each section's, in pre-order), read off the packed tree without rebuilding it: a check that wants a
 * document's dated line (checks/document-date.ts) would otherwise rebuild every document's tree.
 */
export function sectionHeadings(packed: PackedSegments, headingKind: NonNullable<Segment['headingKind']>): string[] {
  const { nodes, headings } = packed;
  const wanted = HEADING_KINDS.indexOf(headingKind);
  const section = KINDS.indexOf('section');
  const out: string[] = [];
  let heading = 0;
  /** Children still to come of each node on the walk's path (every one a section, or the root). */
  const pending: number[] = [];
  let at = 0;
  while (at < nodes.length) {
    const flags = nodes[at + 5]!;
    const text = flags & 1 ? headings[heading++]! : undefined;
    if (text && flags & 2 && flags >> 2 === wanted) out.push(text);
    pending.push(nodes[at + 4]!);
    at += NODE_FIELDS;
    // The next node the walk visits: a section child of a node on the path; any other child's subtree is
    // passed over (its headings counted, so the next heading read is its node's).
    for (;;) {
      while (pending.length && pending[pending.length - 1] === 0) pending.pop();
      if (!pending.length) return out;
      pending[pending.length - 1]!--;
      if (nodes[at] === section) break;
      for (let left = 1; left > 0; at += NODE_FIELDS) {
        left += nodes[at + 4]! - 1;
        if (nodes[at + 5]! & 1) heading++;
      }
    }
  }
  return out;
}

/** Holds a document's segment tree packed from now on (see the top of this file); a tree it cannot pack stays as it is. */
export function packDocumentSegments(document: Document): void {
  const packed = packSegments(document.segments);
  if (packed) lazySegments(document, packed);
}
