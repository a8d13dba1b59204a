/**
 * The work of one document — decode, build, extract, interpret, mark damage — behind one function whose result
 * is data, so that the same code runs in-process, in a worker of the pool (./pool-worker.ts) or is
 * replayed from the cache (src/cache/). Only the main thread turns a result back into a Document.
 */
import { deserialize, serialize } from 'node:v8';
import { markDamagedFigures } from '../damage/index.js';
import { documentFromParts, documentParts, type DocumentParts } from '../document.js';
import { extractFigures } from '../extract/index.js';
import { interpret } from '../meaning/index.js';
import { heldSubject, holdSubject, type Subject } from '../meaning/subject.js';
import { InputError, type Document, type DocumentStatus, type Figure, type Segment } from '../model.js';
import { EMPTY_TREE, lazySegments, packSegments, type PackedSegments } from '../segment/packed.js';
import { decodeBuffer } from '../read/decode.js';
import { SkipFile } from '../read/skip-file.js';
import { readTables } from '../tables/index.js';
import { DocumentTooLarge, UnreadableInput } from '../read/unreadable.js';
import type { RuleSet } from '../rules/types.js';

export { packOffsets, unpackOffsets } from '../normalize/offset-map.js';
export { packSegments, unpackSegments, type PackedSegments } from '../segment/packed.js';

/** One planned document of a run. */
export interface DocumentTask {
  /** Absolute path, or '-' for standard input. */
  file: string;
  /** The path shown in locations and messages (relative to cwd when under it; the stdin file name for '-'). */
  shown: string;
  id: string;
  period?: string;
  status?: DocumentStatus;
  /** Most bytes of decoded content (ReadLimits); part of the task, so of the cache key too. */
  maxDocumentSize?: number;
}

/**
 * A Document's parts made compact for the way through a worker or the cache: the offset table
 * run-length packed, the segment tree as numbers, a normalized text equal to the original left out.
 */
export type PackedParts = Omit<DocumentParts, 'segments'> & { segments: Segment | PackedSegments };

/** Stands for a normalized text that is the original (no character changed by normalize). */
const SAME_AS_ORIGINAL = '\u0000same';

/** What the work on one document gives: the document and its figures, or why there is none. */
export type DocumentOutcome =
  | { kind: 'document'; document: Document; figures: Figure[] }
  /** The same, as data (from a worker or the cache). */
  | { kind: 'packed'; parts: PackedParts; figures: Figure[]; subjects?: (Subject | null)[] }
  | { kind: 'skip'; path: string; reason: string }
  /** A document that cannot be read (UnreadableInput; `name` tells DocumentTooLarge apart). */
  | { kind: 'unreadable'; name: string; path: string; reason: string }
  /** Any other error; `input`: an InputError (a user's input at fault, named in its message). */
  | { kind: 'error'; name: string; message: string; stack?: string; input?: boolean };

/**
 * Decodes, builds, extracts and interprets one document in this thread; errors become outcomes, never
 * throws. The whole per-document work of a run: the pipeline only hands the result on.
 */
export async function runDocumentTask(task: DocumentTask, bytes: Uint8Array, rules: RuleSet): Promise<DocumentOutcome> {
  try {
    const decoded = await decodeBuffer(bytes, task.shown, undefined, { maxDocumentSize: task.maxDocumentSize });
    const parts = documentParts(decoded, { id: task.id, period: task.period, status: task.status }, rules);
    const document = documentFromParts(parts);
    // Tables' cells become labelled figures (src/tables/); the tables ride with the parts to workers and the cache.
    const figures = readTables(document, decoded.tables, interpret(document, extractFigures(document, rules), rules), rules);
    if (document.tables) parts.tables = document.tables;
    markDamagedFigures(figures, [document], rules);
    // The parts ride along (not enumerable, so never printed) for callers that pack the outcome.
    Object.defineProperty(document, PARTS, { value: parts, configurable: true });
    return { kind: 'document', document, figures };
  } catch (error) {
    return errorOutcome(error);
  }
}

const PARTS = Symbol('figcheck.documentParts');

/**
 * Lets go of the parts a document carries for encodeOutcome, once it was encoded or will not be (a run
 * keeps its documents to the end: their parts would hold a second segment tree and offset table each).
 */
export function releaseParts(outcome: DocumentOutcome): void {
  if (outcome.kind === 'document') delete (outcome.document as unknown as Record<symbol, unknown>)[PARTS];
}

/**
 * An error as data: SkipFile, UnreadableInput (and DocumentTooLarge) and InputError keep their meaning
 * across a worker or the cache, so the pipeline's inputFailureOf reads them as it would in-process.
 */
export function errorOutcome(error: unknown): DocumentOutcome {
  if (error instanceof SkipFile) return { kind: 'skip', path: error.path, reason: error.reason };
  if (error instanceof UnreadableInput) return { kind: 'unreadable', name: error.name, path: error.path, reason: error.reason };
  if (error instanceof InputError) return { kind: 'error', name: error.name, message: error.message, input: true };
  if (error instanceof Error) return { kind: 'error', name: error.name, message: error.message, stack: error.stack };
  return { kind: 'error', name: 'Error', message: String(error) };
}

/**
 * The document and figures of an outcome, rebuilding a packed Document's methods over its offset map;
 * throws SkipFile, UnreadableInput, DocumentTooLarge, InputError or the error it carries, as the
 * single-threaded pipeline did.
 */
export function openOutcome(outcome: DocumentOutcome): { document: Document; figures: Figure[] } {
  switch (outcome.kind) {
    case 'document':
      return outcome;
    case 'packed':
    {
      const { parts } = outcome;
      const packed = 'nodes' in parts.segments ? (parts.segments as PackedSegments) : null;
      const normalized = parts.normalized === SAME_AS_ORIGINAL ? parts.original : parts.normalized;
      const document = documentFromParts({ ...parts, normalized, segments: packed ? EMPTY_TREE : (parts.segments as Segment) });
      // The tree is rebuilt on first use: a caller that only lists figures (`figures`) never pays for it.
      if (packed) lazySegments(document, packed);
      // The meaning stage's subjects (with their clause's scopes) back on their figures, as in-process.
      outcome.subjects?.forEach((subject, i) => subject && holdSubject(outcome.figures[i]!, subject));
      return { document, figures: outcome.figures };
    }
    case 'skip':
      throw new SkipFile(outcome.path, outcome.reason);
    case 'unreadable': {
      const error = new UnreadableInput(outcome.path, outcome.reason);
      // DocumentTooLarge's constructor words its reason from the sizes; the reason itself is what travelled.
      if (outcome.name === 'DocumentTooLarge') Object.setPrototypeOf(error, DocumentTooLarge.prototype);
      error.name = outcome.name;
      throw error;
    }
    case 'error': {
      if (outcome.input || outcome.name === 'InputError') throw new InputError(outcome.message);
      // A RangeError (a string or stack too large) keeps its class: inputFailureOf words it apart.
      const error = outcome.name === 'RangeError' ? new RangeError(outcome.message) : new Error(outcome.message);
      if (outcome.stack) error.stack = outcome.stack;
      throw error;
    }
  }
}

/**
 * An outcome as bytes (v8's structured serialization: typed arrays and nested objects stay as they
 * are, strings cost two bytes a CJK character). The same bytes go from a worker to the main thread
 * (transferred, not copied) and into the cache.
 */
export function encodeOutcome(outcome: DocumentOutcome): Uint8Array {
  let data: DocumentOutcome = outcome;
  if (outcome.kind === 'document') {
    const parts = (outcome.document as unknown as Record<symbol, DocumentParts | undefined>)[PARTS];
    if (!parts) throw new Error('encodeOutcome: a document built outside runDocumentTask');
    const packed: PackedParts = { ...parts, segments: packSegments(parts.segments) ?? parts.segments };
    if (packed.normalized === packed.original) packed.normalized = SAME_AS_ORIGINAL;
    const subjects = outcome.figures.map((figure) => heldSubject(figure) ?? null);
    data = { kind: 'packed', parts: packed, figures: outcome.figures, ...(subjects.some(Boolean) ? { subjects } : {}) };
  }
  const buffer = serialize(data);
  // A Buffer may be a view into a shared pool; a transfer needs an ArrayBuffer of its own.
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength ? buffer : new Uint8Array(buffer);
}

/** The outcome of encodeOutcome's bytes; throws on bytes that are not one (a corrupt cache entry). */
export function decodeOutcome(bytes: Uint8Array): DocumentOutcome {
  const data = deserialize(bytes) as DocumentOutcome | null;
  if (!data || typeof data !== 'object') throw new Error('not a document outcome');
  switch (data.kind) {
    case 'packed':
      if (!data.parts || typeof data.parts.original !== 'string' || !(data.parts.offsets instanceof Int32Array) || !Array.isArray(data.figures)) {
        throw new Error('incomplete document');
      }
      if (data.subjects !== undefined && (!Array.isArray(data.subjects) || data.subjects.length !== data.figures.length)) throw new Error('incomplete document');
      return data;
    case 'skip':
      if (typeof data.path === 'string' && typeof data.reason === 'string') return data;
      throw new Error('incomplete outcome');
    case 'unreadable':
      if (typeof data.name === 'string' && typeof data.path === 'string' && typeof data.reason === 'string') return data;
      throw new Error('incomplete outcome');
    case 'error':
      if (typeof data.name === 'string' && typeof data.message === 'string') return data;
      throw new Error('incomplete outcome');
    default:
      throw new Error('not a document outcome');
  }
}
