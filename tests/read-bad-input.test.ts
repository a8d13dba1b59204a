/**
 * Bad input: a clear one-line message naming the file, SkipFile (a warning, the run goes on) for files that
 * are not documents, InputError (exit 2) for files that cannot be read; and input files are never written.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/model.js';
import { decodeBuffer, decodeFile, SkipFile } from '../src/read/decode.js';
import { findInputs } from '../src/read/inputs.js';
import { makeDocx } from './helpers/docx.js';

const work = mkdtempSync(join(tmpdir(), 'figcheck-bad-'));
afterAll(() => {
  chmodSync(work, 0o755);
  rmSync(work, { recursive: true, force: true });
});
const save = (name: string, bytes: Uint8Array | string): string => {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
};

/** Deterministic pseudo-random bytes (a linear congruential generator), so a failure can be replayed. */
function noise(length: number, seed: number, allowNul: boolean): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    const byte = (state >>> 16) & 0xff;
    bytes[i] = allowNul || byte !== 0 ? byte : 1;
  }
  return bytes;
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error('expected a failure');
}

function expectCleanMessage(error: Error, path: string): void {
  expect(error.message.startsWith(`${path}: `)).toBe(true);
  expect(error.message).not.toMatch(/\n\s+at /);
  expect(error.message.split('\n')).toHaveLength(1);
}

describe('files that are not documents are skipped with a reason', () => {
  it('an empty file', async () => {
    for (const name of ['empty.txt', 'empty.html', 'empty.md', 'empty.docx']) {
      const path = save(name, '');
      const error = await failure(decodeFile(path));
      expect(error).toBeInstanceOf(SkipFile);
      expect(error.message).toBe(`${path}: skipped, empty file`);
    }
  });

  it('a file holding only a byte order mark is empty too', async () => {
    const error = await failure(decodeFile(save('bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf]))));
    expect(error).toBeInstanceOf(SkipFile);
    expect(error.message).toMatch(/empty file$/);
  });

  it('a binary file (NUL bytes), e.g. a PNG or a PDF renamed .txt', async () => {
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from([0, 0, 0, 13]), noise(2000, 7, true)]);
    for (const [name, bytes] of [['image.txt', png], ['data.html', noise(5000, 11, true)]] as const) {
      const path = save(name, bytes);
      const error = await failure(decodeFile(path));
      expect(error).toBeInstanceOf(SkipFile);
      expect(error).not.toBeInstanceOf(InputError);
      expect(error.message).toBe(`${path}: skipped, binary file (NUL bytes)`);
      expectCleanMessage(error, path);
    }
  });

  it('undecodable bytes without NULs', async () => {
    for (const seed of [1, 2, 3]) {
      const path = save(`garbage-${seed}.txt`, noise(4000, seed, false));
      const error = await failure(decodeFile(path));
      expect(error).toBeInstanceOf(SkipFile);
      expect(error.message).toMatch(/: skipped, not text/);
      expectCleanMessage(error, path);
    }
  });

  it('but a GBK text cut in the middle of a character still reads', async () => {
    const bytes = iconv.encode('全区生产总值增长4.2%，引进到位资金3409亿元。', 'gbk');
    const decoded = await decodeBuffer(bytes.subarray(0, bytes.length - 1), 'cut.txt');
    expect(decoded.encoding).toBe('GB18030');
    expect(decoded.text.startsWith('全区生产总值增长4.2%，引进到位资金3409亿元')).toBe(true);
  });
});

describe('files that cannot be read are input errors', () => {
  it('a .docx cut in half', async () => {
    const whole = await makeDocx(['全区生产总值增长4.2%。', '引进到位资金3409亿元。'.repeat(200)]);
    const path = save('cut.docx', whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await failure(decodeFile(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^.*cut\.docx: not a readable \.docx file \(.+\)$/);
    expectCleanMessage(error, path);
  });

  it('a text file renamed .docx, an old .doc renamed .docx, and a zip that is not a Word document', async () => {
    const text = save('text.docx', '全区生产总值增长4.2%');
    const doc = save('old.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(600, 3, true)]));
    const archive = new JSZip();
    archive.file('notes.txt', '不是Word文档');
    const zip = save('zip.docx', await archive.generateAsync({ type: 'nodebuffer' }));
    const reasons: string[] = [];
    for (const path of [text, doc, zip]) {
      const error = await failure(decodeFile(path));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(/: not a readable \.docx file \(.+\)$/);
      expectCleanMessage(error, path);
      reasons.push(error.message.slice(path.length));
    }
    expect(reasons[0]).toMatch(/not a zip archive/);
    expect(reasons[1]).toMatch(/old Word \.doc/);
    expect(reasons[2]).toMatch(/main document part|word\/document\.xml/);
  });

  it('a missing file', async () => {
    const path = join(work, 'nowhere', '2022年报告.txt');
    const error = await failure(decodeFile(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`${path}: no such file`);
    const found = await failure(findInputs(['nowhere/2022年报告.txt'], { cwd: work }));
    expect(found).toBeInstanceOf(InputError);
    expect(found.message).toBe('nowhere/2022年报告.txt: no such file or directory');
  });

  it('a directory given as a file', async () => {
    mkdirSync(join(work, 'folder.txt'), { recursive: true });
    const error = await failure(decodeFile(join(work, 'folder.txt')));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/folder\.txt: is a directory/);
  });

  it('an unreadable directory (the error injected: tests run as root, which reads anything)', async () => {
    mkdirSync(join(work, 'locked'), { recursive: true });
    writeFileSync(join(work, 'locked', 'a.txt'), '增长4.2%');
    const denied = Object.assign(new Error("EACCES: permission denied, scandir 'locked'"), { code: 'EACCES' });
    const fileSystem = {
      stat: (path: string) => Promise.resolve(statSync(path)),
      readdir: () => Promise.reject(denied),
      readFile: (path: string) => Promise.resolve(readFileSync(path, 'utf8')),
      realpath: (path: string) => Promise.resolve(path),
    };
    const error = await failure(findInputs(['locked'], { cwd: work, fileSystem }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('locked: cannot read directory (permission denied)');
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable directory, for real (non-root only)', async () => {
    mkdirSync(join(work, 'really-locked'), { recursive: true });
    chmodSync(join(work, 'really-locked'), 0o000);
    try {
      const error = await failure(findInputs(['really-locked'], { cwd: work }));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe('really-locked: cannot read directory (permission denied)');
    } finally {
      chmodSync(join(work, 'really-locked'), 0o755);
    }
  });
});

describe('input files are never modified', () => {
  it('reading every kind of file leaves its bytes as they were', async () => {
    const dir = join(work, 'untouched');
    mkdirSync(dir, { recursive: true });
    const seeds = join(import.meta.dirname, '..', 'examples', 'nmg');
    for (const name of readdirSync(seeds)) copyFileSync(join(seeds, name), join(dir, name));
    const text = readFileSync(join(seeds, 'work-report-2022.txt'), 'utf8');
    writeFileSync(join(dir, 'gbk.txt'), iconv.encode(text, 'gbk'));
    writeFileSync(join(dir, 'bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    writeFileSync(join(dir, 'page.html'), `<meta charset="gb2312"><p>${text.slice(0, 500)}</p>`);
    writeFileSync(join(dir, 'report.docx'), await makeDocx(text.split('\n')));
    writeFileSync(join(dir, 'binary.txt'), noise(100, 5, true));
    writeFileSync(join(dir, 'empty.txt'), '');

    const hashes = () =>
      Object.fromEntries(
        readdirSync(dir).map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex') + statSync(join(dir, name)).mtimeMs]),
      );
    const before = hashes();
    const { files } = await findInputs([dir], { cwd: work });
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) await decodeFile(join(work, file)).catch((error) => expect(error).toBeInstanceOf(SkipFile));
    expect(hashes()).toEqual(before);
  });
});
