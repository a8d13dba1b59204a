/**
 * File names that are not UTF-8 (GBK names from zip archives made on Chinese Windows are common). Node
 * decodes such names lossily (every bad byte becomes U+FFFD), and a lossy name opens nothing: the run
 * used to end with a false `no such file`. figcheck reads directory entries as bytes and keeps a name's
 * undecodable bytes in its string as lone surrogates U+DC80–U+DCFF, one per byte (Python's
 * `surrogateescape`): valid UTF-8 never decodes to a lone surrogate, so the form is reversible and
 * cannot collide with a real name. Such a string becomes bytes again to open the file
 * (`fileSystemPath`), and is shown with the bytes escaped, `\xD6\xD0.txt` (`displayFileName`).
 */
import * as nodeFs from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const ESCAPED_BYTE = /[\udc80-\udcff]/;
const ESCAPED_BYTES = /[\udc80-\udcff]/g;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A name's bytes as a string: UTF-8 where they are valid, each other byte as U+DC80 + (byte − 0x80). */
export function decodeFileName(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Not UTF-8: decode sequence by sequence.
  }
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      out += Buffer.from(bytes.buffer, bytes.byteOffset + i, length).toString('utf8');
      i += length;
    } else {
      out += String.fromCharCode(0xdc00 + bytes[i]!);
      i++;
    }
  }
  return out;
}

/** Length of the well-formed UTF-8 sequence at `i` (Unicode's table 3-7), 0 when there is none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const inRange = (k: number, lo: number, hi: number) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return inRange(1, 0x80, 0xbf) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return inRange(1, lo, hi) && inRange(2, 0x80, 0xbf) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return inRange(1, lo, hi) && inRange(2, 0x80, 0xbf) && inRange(3, 0x80, 0xbf) ? 4 : 0;
  }
  return 0;
}

/** What to hand to `fs` for a path in figcheck's form: the path itself, or its bytes when it holds escaped ones. */
export function fileSystemPath(path: string): string | Buffer {
  if (!ESCAPED_BYTE.test(path)) return path;
  const parts: Buffer[] = [];
  let run = '';
  for (const ch of path) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xdc80 && code <= 0xdcff) {
      if (run) parts.push(Buffer.from(run, 'utf8'));
      run = '';
      parts.push(Buffer.from([code - 0xdc00]));
    } else run += ch;
  }
  if (run) parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

/** A path for people: each undecodable byte as `\xHH`. */
export function displayFileName(path: string): string {
  return ESCAPED_BYTE.test(path) ? path.replace(ESCAPED_BYTES, (ch) => `\\x${(ch.charCodeAt(0) - 0xdc00).toString(16).toUpperCase().padStart(2, '0')}`) : path;
}

type Callback<T> = (error: NodeJS.ErrnoException | null, value: T) => void;

/**
 * The `fs` functions tinyglobby's walker calls, reading directory entries as bytes so that a name that is
 * not UTF-8 is found (in figcheck's escaped form) and its directory can be walked into.
 */
export const byteNameFileSystem = {
  readdir(path: string, _options: unknown, callback: Callback<nodeFs.Dirent[]>): void {
    nodeFs.readdir(fileSystemPath(path), { withFileTypes: true, encoding: 'buffer' }, (error, entries) => {
      if (error) return callback(error, []);
      callback(null, entries.map((entry) => renamed(entry)));
    });
  },
  readdirSync(path: string): nodeFs.Dirent[] {
    return nodeFs.readdirSync(fileSystemPath(path), { withFileTypes: true, encoding: 'buffer' }).map((entry) => renamed(entry));
  },
  realpath(path: string, callback: Callback<string>): void {
    nodeFs.realpath(fileSystemPath(path), { encoding: 'buffer' }, (error, resolved) => callback(error, resolved ? decodeFileName(resolved) : ''));
  },
  realpathSync(path: string): string {
    return decodeFileName(nodeFs.realpathSync(fileSystemPath(path), { encoding: 'buffer' }));
  },
  stat(path: string, callback: Callback<nodeFs.Stats>): void {
    nodeFs.stat(fileSystemPath(path), callback);
  },
  statSync(path: string): nodeFs.Stats {
    return nodeFs.statSync(fileSystemPath(path));
  },
};

/** A directory entry read as bytes, its name in figcheck's form (the walker only reads `name` and the type tests). */
function renamed(entry: nodeFs.Dirent<Buffer> | nodeFs.Dirent): nodeFs.Dirent {
  const name = entry.name as unknown;
  if (Buffer.isBuffer(name)) Object.defineProperty(entry, 'name', { value: decodeFileName(name), writable: true, configurable: true });
  return entry as nodeFs.Dirent;
}

/**
 * A path given on the command line with U+FFFD where its name had bytes that are not UTF-8 (Node decodes
 * arguments lossily too): the one file on disk whose name decodes to it, in figcheck's form; the path
 * unchanged when it needs no such repair or when no single file fits.
 */
export async function recoverLossyPath(path: string): Promise<string> {
  if (!path.includes('\ufffd')) return path;
  const parent = dirname(path);
  const name = basename(path);
  const directory = parent === path ? parent : await recoverLossyPath(parent);
  if (!name.includes('\ufffd')) return join(directory, name);
  try {
    const entries = await readdir(fileSystemPath(directory), { encoding: 'buffer' });
    const matches = entries.filter((entry) => entry.toString('utf8') === name);
    return matches.length === 1 ? join(directory, decodeFileName(matches[0]!)) : path;
  } catch {
    return path;
  }
}
