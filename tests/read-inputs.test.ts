/**
 * Finding the documents of a run: explicit files, directory walks, ignore patterns, and a stable order.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/model.js';
import { findInputs, ignoreLineToGlobs, readStdin } from '../src/read/inputs.js';

const root = mkdtempSync(join(tmpdir(), 'figcheck-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Creates files (with some content) under a fresh directory. */
function tree(name: string, files: string[]): string {
  const base = join(root, name);
  for (const file of files) {
    mkdirSync(dirname(join(base, file)), { recursive: true });
    writeFileSync(join(base, file), '全区生产总值增长4.2%');
  }
  return base;
}

const CORPUS = [
  'docs/2022/report.txt',
  'docs/2022/yearbook.md',
  'docs/2022/page.html',
  'docs/2022/page2.htm',
  'docs/2022/word.docx',
  'docs/2022/notes.markdown',
  'docs/2022/plain.text',
  'docs/2022/LOUD.TXT',
  'docs/2022/scan.tiff',
  'docs/2022/old.doc',
  'docs/2022/README',
  'docs/drafts/draft.txt',
  'docs/2023/drafts/deep.txt',
  'docs/2023/report.txt',
  'docs/2023/report.bak.txt',
  'docs/.git/objects.txt',
  'docs/.cache/cached.html',
  'docs/node_modules/pkg/readme.md',
  'other/extra.txt',
];

describe('walking directories', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = tree('walk', CORPUS);
  });

  it('finds every supported document, skips other files, dot-folders and node_modules, sorted, relative to cwd', async () => {
    const { files, warnings } = await findInputs(['docs'], { cwd });
    expect(files).toEqual([
      'docs/2022/LOUD.TXT',
      'docs/2022/notes.markdown',
      'docs/2022/page.html',
      'docs/2022/page2.htm',
      'docs/2022/plain.text',
      'docs/2022/report.txt',
      'docs/2022/word.docx',
      'docs/2022/yearbook.md',
      'docs/2023/drafts/deep.txt',
      'docs/2023/report.bak.txt',
      'docs/2023/report.txt',
      'docs/drafts/draft.txt',
    ]);
    expect(warnings).toEqual([]);
  });

  it('gives the same result whatever the order and spelling of the arguments, without duplicates', async () => {
    const a = await findInputs(['docs', 'other', 'docs/2022/report.txt'], { cwd });
    const b = await findInputs(['./other/', 'docs/2022/report.txt', join(cwd, 'docs'), 'docs/2023'], { cwd });
    expect(b).toEqual(a);
    expect(a.files.filter((file) => file === 'docs/2022/report.txt')).toHaveLength(1);
    expect(a.files).toContain('other/extra.txt');
  });

  it('walks the cwd itself', async () => {
    const { files } = await findInputs(['.'], { cwd });
    expect(files).toContain('other/extra.txt');
    expect(files).toContain('docs/2022/report.txt');
    expect(files.some((file) => file.includes('node_modules') || file.includes('/.'))).toBe(false);
  });

  it('honours --ignore globs, .gitignore style', async () => {
    const anywhere = await findInputs(['docs'], { cwd, ignore: ['drafts'] });
    expect(anywhere.files.some((file) => file.includes('drafts/'))).toBe(false);
    expect(anywhere.files).toContain('docs/2023/report.txt');

    const anchored = await findInputs(['docs'], { cwd, ignore: ['/docs/drafts/'] });
    expect(anchored.files).not.toContain('docs/drafts/draft.txt');
    expect(anchored.files).toContain('docs/2023/drafts/deep.txt');

    const byName = await findInputs(['docs'], { cwd, ignore: ['*.bak.txt', 'docs/2022/*.htm*'] });
    expect(byName.files).not.toContain('docs/2023/report.bak.txt');
    expect(byName.files).not.toContain('docs/2022/page.html');
    expect(byName.files).not.toContain('docs/2022/page2.htm');
    expect(byName.files).toContain('docs/2022/report.txt');
  });

  it('applies unanchored --ignore patterns to directories outside the cwd; results there are absolute', async () => {
    const elsewhere = join(cwd, 'docs');
    const { files } = await findInputs([join(elsewhere, '2023')], { cwd: join(cwd, 'other'), ignore: ['drafts/'] });
    expect(files).toEqual([join(elsewhere, '2023', 'report.bak.txt'), join(elsewhere, '2023', 'report.txt')]);
  });

  it('warns about an explicit file of an unsupported type, and reads explicit files even in ignored places', async () => {
    const { files, warnings } = await findInputs(['docs/2022/scan.tiff', 'docs/2022/README', 'docs/drafts/draft.txt'], { cwd, ignore: ['drafts'] });
    expect(files).toEqual(['docs/drafts/draft.txt']);
    expect(warnings).toEqual(['docs/2022/scan.tiff: skipped, unsupported file type', 'docs/2022/README: skipped, unsupported file type']);
  });

  it('reads a document reached through a symbolic link once, and survives link loops', async () => {
    const base = tree('links', ['d/sub/a.txt', 'd/b.txt']);
    symlinkSync(join(base, 'd'), join(base, 'd', 'sub', 'loop'));
    symlinkSync(join(base, 'd', 'b.txt'), join(base, 'd', 'alias.txt'));
    const { files } = await findInputs(['d'], { cwd: base });
    expect(files).toEqual(['d/b.txt', 'd/sub/a.txt']);
  });

  it('warns when a directory holds no documents', async () => {
    mkdirSync(join(cwd, 'empty-dir'), { recursive: true });
    const { files, warnings } = await findInputs(['empty-dir'], { cwd });
    expect(files).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^empty-dir: no documents found/);
  });

  it('a missing path is an input error naming it', async () => {
    await expect(findInputs(['docs', 'docs/2024'], { cwd })).rejects.toThrow(new InputError('docs/2024: no such file or directory'));
  });
});

describe('.figcheckignore', () => {
  it('in the cwd: comments, blank lines, patterns at any depth and anchored ones', async () => {
    const cwd = tree('ignore-cwd', CORPUS);
    writeFileSync(join(cwd, '.figcheckignore'), '# drafts are not checked\n\ndrafts/\n   \n*.bak.txt  \n/docs/2022/page*.htm*\n');
    const { files, warnings } = await findInputs(['docs'], { cwd });
    expect(files).toEqual([
      'docs/2022/LOUD.TXT',
      'docs/2022/notes.markdown',
      'docs/2022/plain.text',
      'docs/2022/report.txt',
      'docs/2022/word.docx',
      'docs/2022/yearbook.md',
      'docs/2023/report.txt',
    ]);
    expect(warnings).toEqual([]);
  });

  it('in a walked directory: anchored at that directory', async () => {
    const cwd = tree('ignore-dir', CORPUS);
    writeFileSync(join(cwd, 'docs', '.figcheckignore'), '2022/\n2023/*.bak.txt\n');
    const { files } = await findInputs(['docs', 'other'], { cwd });
    expect(files).toEqual(['docs/2023/drafts/deep.txt', 'docs/2023/report.txt', 'docs/drafts/draft.txt', 'other/extra.txt']);
  });

  it('in a walked directory outside the cwd', async () => {
    const base = tree('ignore-outside', CORPUS);
    writeFileSync(join(base, 'docs', '.figcheckignore'), 'drafts\n2022\n');
    const { files } = await findInputs([join(base, 'docs')], { cwd: join(base, 'other') });
    expect(files).toEqual([join(base, 'docs', '2023', 'report.bak.txt'), join(base, 'docs', '2023', 'report.txt')]);
  });

  it('negated patterns are reported, not silently misread', async () => {
    const cwd = tree('ignore-negated', ['a/x.txt', 'a/keep.txt']);
    writeFileSync(join(cwd, '.figcheckignore'), 'a/\n!a/keep.txt\n');
    const { files, warnings } = await findInputs(['a'], { cwd });
    expect(files).toEqual([]);
    expect(warnings[0]).toBe(`${join(cwd, '.figcheckignore')}:2: negated ignore patterns (!) are not supported, line ignored`);
  });

  it('directory names with glob characters and Chinese names are walked literally', async () => {
    const cwd = tree('special', ['报告(2022)[终稿]/政府工作报告.txt', '报告(2022)[终稿]/草稿/初稿.txt', '报告2022终/other.txt']);
    writeFileSync(join(cwd, '报告(2022)[终稿]', '.figcheckignore'), '草稿\n');
    const { files } = await findInputs(['报告(2022)[终稿]'], { cwd });
    expect(files).toEqual(['报告(2022)[终稿]/政府工作报告.txt']);
  });
});

describe('ignore lines to globs', () => {
  it('follows .gitignore: unanchored names match at any depth, a slash anchors, a trailing slash means a directory', () => {
    const warnings: string[] = [];
    expect(ignoreLineToGlobs('drafts', 'x', warnings)).toEqual(['**/drafts', '**/drafts/**']);
    expect(ignoreLineToGlobs('drafts/', 'x', warnings)).toEqual(['**/drafts/**']);
    expect(ignoreLineToGlobs('/drafts', 'x', warnings)).toEqual(['drafts', 'drafts/**']);
    expect(ignoreLineToGlobs('docs/*.md', 'x', warnings)).toEqual(['docs/*.md', 'docs/*.md/**']);
    expect(ignoreLineToGlobs('\\#notes.txt', 'x', warnings)).toEqual(['**/#notes.txt', '**/#notes.txt/**']);
    expect(ignoreLineToGlobs('# comment', 'x', warnings)).toEqual([]);
    expect(ignoreLineToGlobs('   ', 'x', warnings)).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe('standard input', () => {
  it('reads all of it as bytes, across chunks and multi-byte characters', async () => {
    const bytes = Buffer.from('全区生产总值增长4.2%\n'.repeat(5000));
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 40_001), bytes.subarray(40_001)];
    const read = await readStdin(Readable.from(chunks));
    expect(read.equals(bytes)).toBe(true);
  });
});
