/**
 * Scale benchmark of the duplicate-section check: synthetic corpora of 1,000 … 10,000 documents
 * built from the 43 real documents in the repository (bench/corpus.ts; their sentences drawn at random, the clauses of each
 * sentence shuffled and every digit replaced), 2–30 KB of UTF-8 each (about 16 KB, 5,500
 * characters, on average: a yearbook entry to a provincial work report). One document in a
 * hundred gets a passage of 300–1,200 characters copied from an earlier one, so the benchmark
 * also counts how many planted copies the check finds.
 *
 * Measured: the check's own time (comparison text, winnowing, linking, chaining, findings) and the
 * process's peak RSS (resource usage; it includes the corpus held in memory, about 2 bytes per
 * character). Never asserted in tests: these machines are noisy.
 */
import { readFileSync } from 'node:fs';
import { duplicatesCheck } from '../src/checks/duplicates.js';
import { createCheckContext } from '../src/checks/context.js';
import type { CheckContext } from '../src/checks/types.js';
import { buildDocument, identityDocument } from '../src/document.js';
import type { Document } from '../src/model.js';
import { decodeBuffer } from '../src/read/decode.js';
import { coreRules } from '../src/rules/load.js';
import { realDocuments } from './corpus.js';
import { seededRandom as random } from '../tests/helpers/random.js';

export interface DuplicateBenchResult {
  documents: number;
  /** UTF-8 megabytes of text checked. */
  megabytes: number;
  seconds: number;
  peakRssMB: number;
  /** Planted copies among these documents, how many of them a finding reports, and all findings. */
  planted: number;
  found: number;
  findings: number;
}


/** A normalized text as a Document whose original is itself. */
function syntheticDocument(id: string, text: string): Document {
  return identityDocument(text, { id, path: id });
}

interface Corpus {
  documents: Document[];
  /** Per document: the planted copy's source document and its text, when one was planted. */
  planted: Map<number, { from: number; text: string }>;
}

/** Synthetic texts (see the top of this file), with the copies planted in them. */
export interface SyntheticTexts {
  texts: string[];
  planted: Map<number, { from: number; text: string }>;
}

async function syntheticCorpus(count: number): Promise<Corpus> {
  const { texts, planted } = await syntheticTexts(count);
  return { documents: texts.map((text, i) => syntheticDocument(syntheticName(i), text)), planted };
}

/** `synthetic-00042.txt` */
export function syntheticName(index: number): string {
  return `synthetic-${String(index).padStart(5, '0')}.txt`;
}

/** The first `count` texts of the synthetic corpus (the same texts on every run). */
export async function syntheticTexts(count: number): Promise<SyntheticTexts> {
  const sentences: string[] = [];
  for (const file of realDocuments()) {
    const doc = buildDocument(await decodeBuffer(readFileSync(file), file));
    for (const sentence of doc.normalized.split(/(?<=[。!?;\n])/)) {
      const trimmed = sentence.trim();
      if (trimmed.length >= 8) sentences.push(trimmed);
    }
  }
  const next = random(20250114);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  const texts: string[] = [];
  const planted = new Map<number, { from: number; text: string }>();
  for (let i = 0; i < count; i++) {
    // 2–30 KB of UTF-8: Chinese characters take 3 bytes.
    const chars = Math.floor((2000 + next() * 28000) / 3);
    const parts: string[] = [];
    let length = 0;
    while (length < chars) {
      const clauses = shuffle(pick(sentences).split(/(?<=[,、:])/));
      const sentence = clauses.join('').replace(/\d/g, () => String(Math.floor(next() * 10)));
      parts.push(sentence, next() < 0.15 ? '\n' : '');
      length += sentence.length;
    }
    let text = parts.join('');
    if (i >= 10 && i % 100 === 50) {
      const from = Math.floor(next() * i);
      const source = texts[from]!;
      const size = 300 + Math.floor(next() * 900);
      const at = Math.floor(next() * Math.max(1, source.length - size));
      const copy = source.slice(at, at + size);
      const into = Math.floor(next() * text.length);
      text = `${text.slice(0, into)}\n${copy}\n${text.slice(into)}`;
      planted.set(i, { from, text: copy });
    }
    texts.push(text);
  }
  return { texts, planted };
}

/**
 * Runs the duplicate-section check (default settings) on the first n documents of one synthetic
 * corpus for each n in `sizes`, smallest first.
 */
export async function benchDuplicates(sizes = [1000, 2500, 5000, 10000]): Promise<DuplicateBenchResult[]> {
  const ordered = [...sizes].sort((a, b) => a - b);
  const corpus = await syntheticCorpus(ordered[ordered.length - 1] ?? 0);
  const rules = coreRules();
  const results: DuplicateBenchResult[] = [];
  for (const n of ordered) {
    const documents = corpus.documents.slice(0, n);
    const megabytes = documents.reduce((sum, d) => sum + Buffer.byteLength(d.normalized), 0) / (1024 * 1024);
    (globalThis as { gc?: () => void }).gc?.();
    const context: CheckContext = createCheckContext(documents, [], rules, 'en', new Map());
    const start = process.hrtime.bigint();
    const findings = duplicatesCheck.run(context, { type: 'duplicates' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const peakRssMB = process.resourceUsage().maxRSS / 1024;
    let planted = 0;
    let found = 0;
    for (const [index, copy] of corpus.planted) {
      if (index >= n) continue;
      planted++;
      // Found when a finding in the document spans the copy (against its source, or against an
      // earlier copy of the same text when the source had it planted too).
      const into = documents[index]!.path;
      const middle = copy.text.slice(20, -20);
      const hit = findings.some((f) => f.locations[0]!.path === into && (f.locations[0]!.text ?? '').includes(middle));
      if (hit) found++;
    }
    results.push({ documents: n, megabytes, seconds, peakRssMB, planted, found, findings: findings.length });
  }
  return results;
}
