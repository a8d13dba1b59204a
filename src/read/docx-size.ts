/**
 * The size limit of a .docx, enforced before mammoth builds any text. A .docx is a zip archive: 600 KB on
 * disk can inflate to gigabytes of XML, and mammoth would hold all of it, and its element tree, in memory.
 * The XML parts mammoth may read are inflated here first, only counting bytes and stopping at the limit,
 * so a bomb costs at most `limit` bytes of inflation, whatever sizes its headers claim (they can lie, and
 * zip readers trust them).
 */
import type JSZip from 'jszip';
import { DocumentTooLarge } from './unreadable.js';

/** Parts mammoth parses as XML: by name, and whatever a package relationship of these types points at. */
const XML_PART = /\.(?:xml|rels)$/i;
const XML_RELATIONSHIP = /\/(?:officeDocument|styles|numbering|footnotes|endnotes|comments|document)$/;

/**
 * The archive as the size check read it, and the XML parts it inflated (name → bytes): the reader takes them
 * instead of inflating them again (speed only: jszip inflates in JavaScript, and a .docx's main part twice
 * cost a run on the 31 .docx of the bench ~0.15 s).
 */
export interface InflatedDocx {
  zip: JSZip;
  parts: ReadonlyMap<string, Buffer>;
}

/**
 * @throws DocumentTooLarge when the XML parts inflate to more than `limit` bytes
 * @throws whatever jszip throws for a file that is not a zip archive
 */
export async function checkDocxSize(bytes: Uint8Array, path: string, limit: number): Promise<InflatedDocx> {
  // Loaded here rather than at start-up: a run without .docx files never needs them (~20 ms).
  const [{ default: zipReader }, { inflateRawSync }] = await Promise.all([import('jszip'), import('node:zlib')]);
  const zip = await zipReader.loadAsync(bytes);
  const counted = new Set<string>();
  const parts = new Map<string, Buffer>();
  let total = 0;
  const inflate = (entry: JSZip.JSZipObject, keep: boolean): Promise<string> => {
    counted.add(entry.name);
    const tooLarge = () => new DocumentTooLarge(path, `its text (the XML inside the .docx, from ${entry.name})`, limit);
    const native = nativeInflate(entry, limit - total, inflateRawSync);
    if (native === TOO_LARGE) return Promise.reject(tooLarge());
    if (native) {
      total += native.length;
      if (total > limit) return Promise.reject(tooLarge());
      parts.set(entry.name, native);
      return Promise.resolve(keep ? native.toString('utf8') : '');
    }
    const kept: Buffer[] = [];
    // jszip's stream is an old-style one (readable-stream 2): read through its events.
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
    return new Promise<string>((done, fail) => {
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          // Stops the inflation where it is: nothing more is read from an entry over the limit.
          stream.pause();
          stream.removeAllListeners('data');
          stream.destroy?.();
          fail(tooLarge());
        } else kept.push(chunk);
      });
      stream.on('error', fail);
      stream.on('end', () => {
        const inflated = Buffer.concat(kept);
        parts.set(entry.name, inflated);
        done(keep ? inflated.toString('utf8') : '');
      });
    });
  };
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  const targets = new Set<string>();
  for (const entry of entries.filter((e) => XML_PART.test(e.name))) {
    const rels = /\.rels$/i.test(entry.name);
    const text = await inflate(entry, rels);
    if (rels) for (const target of relationshipTargets(entry.name, text)) targets.add(target);
  }
  // A main part or style sheet under another extension is still parsed as XML by mammoth: counted too.
  for (const entry of entries) if (!counted.has(entry.name) && targets.has(entry.name)) await inflate(entry, false);
  return { zip, parts };
}

/** The compressed entry as jszip keeps it (the private `_data` its type declarations describe). */
interface CompressedEntry {
  compression?: { magic?: unknown };
  compressedContent?: unknown;
}

const DEFLATE = '\x08\x00';
const STORE = '\x00\x00';
const TOO_LARGE = Symbol('too large');

/**
 * An entry inflated by Node's zlib, from the compressed bytes jszip read from the archive: jszip inflates in
 * JavaScript, ~50 times slower on a report's main part (a third of the time a run spends on a .docx). Stops at
 * `room` bytes (zlib's maxOutputLength: a bomb costs no more than the limit). Null when jszip does not keep the
 * entry as plain deflated or stored bytes, or zlib cannot read them: jszip's own stream reads it then (and
 * reports what is wrong with it).
 */
function nativeInflate(entry: JSZip.JSZipObject, room: number, inflateRawSync: typeof import('node:zlib').inflateRawSync): Buffer | typeof TOO_LARGE | null {
  const data = (entry as unknown as { _data?: CompressedEntry })._data;
  const content = data?.compressedContent;
  if (!(content instanceof Uint8Array)) return null;
  const magic = data?.compression?.magic;
  if (magic === STORE) return content.length > room ? TOO_LARGE : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (magic !== DEFLATE) return null;
  try {
    return inflateRawSync(content, { maxOutputLength: Math.max(room, 1) });
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? TOO_LARGE : null;
  }
}

/** Zip names of the XML parts a relationships file points at (`word/_rels/document.xml.rels` → `word/…`). */
function relationshipTargets(relsName: string, xml: string): string[] {
  const base = relsName.replace(/_rels\/[^/]*$/, '');
  const targets: string[] = [];
  for (const match of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = match[0];
    const type = /\bType="([^"]*)"/.exec(tag)?.[1] ?? '';
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (!target || !XML_RELATIONSHIP.test(type) || /\bTargetMode="External"/.test(tag)) continue;
    targets.push(target.startsWith('/') ? target.slice(1) : normalize(base + target));
  }
  return targets;

  function normalize(name: string): string {
    const parts: string[] = [];
    for (const part of name.split('/')) {
      if (part === '..') parts.pop();
      else if (part !== '.' && part !== '') parts.push(part);
    }
    return parts.join('/');
  }
}
