/**
 * Acceptance of the "Foundation" issue, on the five real seeds of examples/nmg/: the figures found do not
 * depend on how a document was saved (script, encoding, line endings, .txt/.md/.docx), and every figure's
 * location points at its digits in the raw file. The tests compare a document with other forms of itself,
 * never with a fixed list of figures, so they hold for any correct extractor.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { extractFigures } from './helpers/figures.js';
import type { Document, DocumentStatus, Figure } from '../src/model.js';
import { readDocument } from '../src/pipeline.js';
import { coreRules, loadRuleSet } from '../src/rules/load.js';
import type { RuleSet } from '../src/rules/types.js';
import { makeDocx } from './helpers/docx.js';
import { PROVINCES, ROOT } from './helpers/paths.js';

const CONFIG = loadConfig(resolve(ROOT, 'examples/nmg/figcheck.yaml'));
const RULES: RuleSet = loadRuleSet(CONFIG.rules);

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** One saved form of a seed: the file the test wrote and the text a reader of that file sees. */
interface Variant {
  name: string;
  file: string;
  /** The encoding figcheck must report for it. */
  encoding: string;
  /** The raw file's text (for .docx: its paragraphs joined by "\n"), from the test's own input, not figcheck's reader. */
  raw: string;
}

interface Seed {
  id: string;
  file: string;
  meta: { id: string; period?: string; status?: DocumentStatus };
  text: string;
  traditional: boolean;
}

const SEEDS: Seed[] = CONFIG.documents.map((entry) => {
  const file = resolve(CONFIG.dir, entry.path);
  const text = readFileSync(file, 'utf8');
  return {
    id: entry.id,
    file,
    meta: { id: entry.id, period: entry.period, status: entry.status },
    text,
    traditional: false,
  };
});

const splitLines = (text: string) => text.split(/\r\n|\n|\r/);

/** What must not change between forms of one document: everything a figure means (not where it is). */
function figureKey(figure: Figure): string {
  const { value, exact, unit, kind, change, qualifier, interval, modality, placeholder, period, label } = figure;
  return JSON.stringify([value, exact, unit, kind, change, qualifier, interval, modality, placeholder, period, label]);
}

function multiset(figures: Figure[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const figure of figures) {
    const key = figureKey(figure);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Keys whose counts differ, with both counts, for a readable failure. */
function difference(a: Map<string, number>, b: Map<string, number>): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if ((a.get(key) ?? 0) !== (b.get(key) ?? 0)) out[key] = [a.get(key) ?? 0, b.get(key) ?? 0];
  }
  return out;
}

/** The text in a legacy encoding, or null when the encoding cannot hold every character of it. */
function encodeLosslessly(text: string, encoding: string): Buffer | null {
  const bytes = iconv.encode(text, encoding);
  return iconv.decode(bytes, encoding) === text ? bytes : null;
}

let dir: string;
const documents = new Map<string, { doc: Document; figures: Figure[] }>();
const variants = new Map<string, Variant[]>();

const read = new Map<string, Promise<{ doc: Document; figures: Figure[] }>>();
/** A variant's document and figures, read once for both describe blocks. */
function readVariant(seed: Seed, variant: Variant) {
  if (!read.has(variant.file)) {
    read.set(variant.file, readDocument(variant.file, { ...seed.meta, rules: RULES }).then((doc) => ({ doc, figures: extractFigures(doc, RULES) })));
  }
  return read.get(variant.file)!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'figcheck-roundtrip-'));
  for (const seed of SEEDS) {
    const base = await readDocument(seed.file, { ...seed.meta, rules: RULES });
    seed.traditional = base.script === 'traditional';
    documents.set(seed.id, { doc: base, figures: extractFigures(base, RULES) });

    const list: Variant[] = [];
    const write = (variant: Omit<Variant, 'file'>, ext: string, bytes: Uint8Array) => {
      const file = join(dir, `${seed.id}.${variant.name}.${ext}`);
      writeFileSync(file, bytes);
      list.push({ ...variant, file });
    };
    const text = seed.text;
    const other = seed.traditional ? toSimplified(text) : toTraditional(text);
    write({ name: seed.traditional ? 'simplified' : 'traditional', encoding: 'UTF-8', raw: other }, 'txt', Buffer.from(other, 'utf8'));
    write({ name: 'gb18030', encoding: 'GB18030', raw: text }, 'txt', encodeLosslessly(text, 'gb18030')!);
    write({ name: 'utf16le-bom', encoding: 'UTF-16LE', raw: text }, 'txt', iconv.encode(text, 'utf-16le', { addBOM: true }));
    write({ name: 'utf16be-bom', encoding: 'UTF-16BE', raw: text }, 'txt', iconv.encode(text, 'utf-16be', { addBOM: true }));
    const crlf = text.replace(/\r?\n/g, '\r\n');
    write({ name: 'crlf', encoding: 'UTF-8', raw: crlf }, 'txt', Buffer.from(crlf, 'utf8'));
    write({ name: 'markdown', encoding: 'UTF-8', raw: text }, 'md', Buffer.from(text, 'utf8'));
    const paragraphs = splitLines(text);
    write({ name: 'word', encoding: 'docx', raw: paragraphs.join('\n') }, 'docx', await makeDocx(paragraphs));
    // Big5 holds Traditional characters only: not Simplified text, nor pinyin tone marks or mojibake.
    const big5 = seed.traditional ? encodeLosslessly(text, 'big5') : null;
    if (big5) write({ name: 'big5', encoding: 'Big5', raw: text }, 'txt', big5);
    variants.set(seed.id, list);
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the figures of a seed do not depend on how it was saved', () => {
  for (const seed of SEEDS) {
    it(`${seed.id}: same figures in the other script, GB18030, UTF-16 with BOM, CRLF, .md and .docx`, async () => {
      const base = documents.get(seed.id)!;
      expect(base.figures.length).toBeGreaterThan(20);
      const expected = multiset(base.figures);
      for (const variant of variants.get(seed.id)!) {
        const { doc, figures } = await readVariant(seed, variant);
        expect({ variant: variant.name, encoding: doc.encoding }).toEqual({ variant: variant.name, encoding: variant.encoding });
        const diff = difference(expected, multiset(figures));
        expect({ variant: variant.name, diff }).toEqual({ variant: variant.name, diff: {} });
      }
    });
  }
});

describe('legacy encodings are really exercised', () => {
  it('a Traditional seed is also read from Big5 (the ones with pinyin tone marks or mojibake cannot be encoded so)', () => {
    const withBig5 = SEEDS.filter((seed) => variants.get(seed.id)!.some((v) => v.name === 'big5')).map((seed) => seed.id);
    expect(withBig5).toContain('rectification-2021');
    expect(SEEDS.filter((seed) => seed.traditional).map((seed) => seed.id).sort()).toEqual(['rectification-2021', 'report-2023']);
  });
});

/** Offsets of line starts in a raw text, where a line ends as figcheck's users count lines: \n, \r\n or \r. */
function lineStarts(raw: string): number[] {
  const starts = [0];
  for (const match of raw.matchAll(/\r\n|\n|\r/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** The raw text between two 1-based (line, column) positions, columns in UTF-16 units, end exclusive. */
function rawAt(raw: string, starts: number[], location: Figure['location']): string {
  const from = starts[location.line - 1]! + location.column - 1;
  const to = starts[location.endLine - 1]! + location.endColumn - 1;
  return raw.slice(from, to);
}

/** Folds full-width forms (NFKC) and Traditional characters, so `１`, `約` and `兩` compare as `1`, `约`, `两`. */
const fold = (text: string) => toSimplified(text.normalize('NFKC'));

/** What a figure's text may start with: a digit, a Chinese numeral, a qualifier word, a placeholder or a few-word. */
function figureStarts(rules: RuleSet): string[] {
  const numerals = rules.numerals ?? {};
  return [
    ...'0123456789',
    ...Object.keys(numerals.digits ?? {}),
    ...Object.keys(numerals.places ?? {}),
    ...(numerals.placeholders ?? []),
    ...(numerals.percentPrefix ? [numerals.percentPrefix] : []),
    ...(rules.qualifiers ?? []).map((q) => q.word),
    // a doubling is written with its words first (翻一番, 翻番)
    ...(numerals.doublings?.before ?? []),
    '几',
    '数',
  ].map(fold);
}

describe("every figure's line and column point at its digits in the raw file", () => {
  const starts = figureStarts(RULES);
  for (const seed of SEEDS) {
    it(`${seed.id}: the seed and each saved form`, async () => {
      const forms: { name: string; raw: string; figures: Figure[] }[] = [
        { name: 'seed', raw: seed.text, figures: documents.get(seed.id)!.figures },
      ];
      for (const variant of variants.get(seed.id)!) forms.push({ name: variant.name, raw: variant.raw, figures: (await readVariant(seed, variant)).figures });
      for (const form of forms) {
        const lines = lineStarts(form.raw);
        const wrong = form.figures.flatMap((figure) => {
          const at = rawAt(form.raw, lines, figure.location);
          // A rank is written 第N (第三位, 第九): its text starts with 第.
          const begins = figure.kind === 'rank' ? fold(at).replace(/^第/, '') : fold(at);
          const ok = at === figure.raw && at === figure.location.text && starts.some((s) => begins.startsWith(s));
          return ok ? [] : [{ raw: figure.raw, text: figure.location.text, at, line: figure.location.line, column: figure.location.column }];
        });
        expect({ form: form.name, wrong: wrong.slice(0, 5), count: wrong.length }).toEqual({ form: form.name, wrong: [], count: 0 });
      }
    });
  }
});

describe('the 31 provincial work reports of 2025 (.docx)', () => {
  const files = readdirSync(PROVINCES).filter((name) => name.endsWith('.docx')).sort();
  it('are all there', () => expect(files).toHaveLength(31));
  it('all read without error, each with many figures located on their paragraph', async () => {
    const rules = coreRules();
    const problems: Record<string, string> = {};
    for (const name of files) {
      const doc = await readDocument(join(PROVINCES, name), { rules });
      const figures = extractFigures(doc, rules);
      // A year's work report states hundreds of figures; the shortest of the 31 has about a hundred.
      if (figures.length < 50) problems[name] = `only ${figures.length} figures`;
      const lines = lineStarts(doc.original);
      const misplaced = figures.find((figure) => rawAt(doc.original, lines, figure.location) !== figure.raw);
      if (misplaced) problems[name] = `${misplaced.raw} is not at ${misplaced.location.line}:${misplaced.location.column}`;
    }
    expect(problems).toEqual({});
  }, 120_000);
});
