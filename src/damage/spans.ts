/**
 * Damaged text: replacement characters, control characters, mojibake (text decoded with the wrong
 * encoding, double-encoded pinyin such as `變?yōu)楝F`) and ASCII `?` left where a character was
 * lost (`老化管?500公里`). Patterns and settings: the `damage` section of rules/core/damage.yaml.
 *
 * Seeds (pattern matches and lost-character question marks) grow into runs over neighbouring
 * suspect characters (rare characters, stray ASCII marks), so one garbled stretch is one run.
 */
import { iconv } from '../read/legacy-codecs.js';
import type { Boilerplate, Document, Figure, Span } from '../model.js';
import { coreRules } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { compilePattern, damageSettings, type DamageKind } from './settings.js';
import { searchAll, searchOf, type Search } from '../matches.js';

export type { DamageKind } from './settings.js';

/** A damaged run of a document's normalized text. */
export interface DamagedSpan extends Span {
  kind: DamageKind;
  /** The run as it reads in the original file. */
  text: string;
  /** Id of the rule pattern that found it (`question-mark` for a lost-character `?`). */
  pattern: string;
}

/** Worse kinds win when seeds of several kinds form one run. */
const KIND_RANK: Record<DamageKind, number> = { 'question-mark': 0, mojibake: 1, control: 2, 'replacement-char': 3 };

interface Compiled {
  patterns: { id: string; kind: DamageKind; search: Search }[];
  before: RegExp;
  after: RegExp;
  question: RegExp;
  stray: RegExp;
  /** BMP code unit → 1 when a common character (GB2312 level 1), null when every character is. */
  common: Uint8Array | null;
  maxChars: number;
  bridge: number;
  mergeGap: number;
}

const compiledCache = new WeakMap<RuleSet, Compiled>();

let gb2312Level1: Uint8Array | undefined;
/**
 * GB2312 level 1 (rows 16–55: the 3,755 most used characters), decoded once from its byte range
 * rather than shipped as a character list: with Node's built-in (ICU) decoder, as iconv-lite's GBK
 * codec takes ~70 ms of start-up to build (iconv-lite where Node has no GBK decoder).
 */
function commonHanzi(): Uint8Array {
  if (gb2312Level1) return gb2312Level1;
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  let text: string;
  try {
    text = new TextDecoder('gbk').decode(Uint8Array.from(bytes));
  } catch {
    text = iconv().decode(Buffer.from(bytes), 'gbk');
  }
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c !== 0xfffd) table[c] = 1;
  }
  gb2312Level1 = table;
  return table;
}

function compile(rules: RuleSet): Compiled {
  const hit = compiledCache.get(rules);
  if (hit) return hit;
  const settings = damageSettings(rules);
  const q = settings.questionMark;
  const compiled: Compiled = {
    // (a pattern opening with a lookbehind is searched from its first consuming part: searchOf)
    patterns: settings.patterns.map((p) => ({ id: p.id, kind: p.kind, search: searchOf(compilePattern(`damage.patterns ${p.id}`, p.pattern)) })),
    before: compilePattern('damage.questionMark.before', `^(?:${q.before})$`, 'u'),
    after: compilePattern('damage.questionMark.after', `^(?:${q.after})$`, 'u'),
    question: compilePattern('damage.questionMark.question', `(?:${q.question})`, 'u'),
    stray: compilePattern('damage.extend.stray', `^(?:${settings.extend.stray})$`, 'u'),
    common: settings.extend.commonHanzi === 'gb2312-level1' ? commonHanzi() : null,
    maxChars: settings.extend.maxChars,
    bridge: settings.extend.bridge,
    mergeGap: settings.mergeGap,
  };
  compiledCache.set(rules, compiled);
  return compiled;
}

/** The code point at or before a UTF-16 offset, as a string. */
function charAt(text: string, index: number): string {
  if (index < 0 || index >= text.length) return '';
  return String.fromCodePoint(text.codePointAt(index)!);
}
function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1]!;
}

const SENTENCE_END = /[。!?;\n]/;
const HAN = /^\p{Script=Han}$/u;
/** Never inside a bridge between suspect characters: a run must not swallow a number or a line. */
const UNBRIDGEABLE = /[\s0-9。]/;

function insideBoilerplate(boilerplate: Boilerplate[], start: number, end: number): boolean {
  return boilerplate.some((b) => start < b.end && b.start < end);
}

/** Whether the `?` at `index` of normalized text stands for a lost character. */
function lostCharacter(doc: Document, compiled: Compiled, index: number): boolean {
  const text = doc.normalized;
  // normalize folds a full-width `？` to `?`: only an ASCII `?` in the original is suspect.
  if (doc.original[doc.originalOffset(index)] !== '?') return false;
  const before = charBefore(text, index);
  const after = charAt(text, index + 1);
  if (!compiled.before.test(before) || !compiled.after.test(after)) return false;
  if (HAN.test(after)) {
    let from = index - 1;
    while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
    if (compiled.question.test(text.slice(from, index))) return false;
  }
  return true;
}

interface Run {
  start: number;
  end: number;
  kind: DamageKind;
  pattern: string;
}

const cache = new WeakMap<Document, { rules: RuleSet; spans: DamagedSpan[] }>();

/**
 * Damaged runs of a document, in order, in normalized offsets; boilerplate lines are skipped.
 * Cached per document and rule set (the check and markDamagedFigures both ask).
 */
export function damagedSpans(doc: Document, rules: RuleSet = coreRules()): DamagedSpan[] {
  const hit = cache.get(doc);
  if (hit && hit.rules === rules) return hit.spans;
  const compiled = compile(rules);
  const text = doc.normalized;

  const seeds: Run[] = [];
  for (const { id, kind, search } of compiled.patterns) {
    for (const m of searchAll(text, search)) {
      if (!m[0].length) continue;
      seeds.push({ start: m.index, end: m.index + m[0].length, kind, pattern: id });
    }
  }
  for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
    if (lostCharacter(doc, compiled, i)) seeds.push({ start: i, end: i + 1, kind: 'question-mark', pattern: 'question-mark' });
  }
  const kept = seeds.filter((s) => !insideBoilerplate(doc.boilerplate, s.start, s.end)).sort((a, b) => a.start - b.start || b.end - a.end);

  const suspect = (i: number): boolean => {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return false;
    if (compiled.common && ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf))) return compiled.common[c] === 0;
    return compiled.stray.test(text[i]!);
  };

  // Grow each seed over suspect characters, bridging `bridge` ordinary ones; merge runs mergeGap apart.
  const runs: Run[] = [];
  for (const seed of kept) {
    const run = { ...seed };
    let grown = 0;
    for (let i = run.end, gap = 0; i < text.length && grown < compiled.maxChars; i++) {
      if (suspect(i)) {
        run.end = i + 1;
        grown++;
        gap = 0;
      } else if (UNBRIDGEABLE.test(text[i]!) || ++gap > compiled.bridge) break;
    }
    grown = 0;
    for (let i = run.start - 1, gap = 0; i >= 0 && grown < compiled.maxChars; i--) {
      if (suspect(i)) {
        run.start = i;
        grown++;
        gap = 0;
      } else if (UNBRIDGEABLE.test(text[i]!) || ++gap > compiled.bridge) break;
    }
    if (run.kind === 'question-mark' && run.end - run.start > 1) run.kind = 'mojibake';
    const last = runs[runs.length - 1];
    if (last && run.start <= last.end + compiled.mergeGap && !UNBRIDGEABLE.test(text.slice(last.end, Math.max(last.end, run.start)))) {
      last.end = Math.max(last.end, run.end);
      if (KIND_RANK[run.kind] > KIND_RANK[last.kind]) {
        last.kind = run.kind;
        last.pattern = run.pattern;
      } else if (last.kind === 'question-mark') last.kind = 'mojibake';
    } else runs.push(run);
  }

  const spans = runs.map((r) => ({ ...r, text: doc.locate(r.start, r.end).text ?? text.slice(r.start, r.end) }));
  cache.set(doc, { rules, spans });
  return spans;
}

/**
 * Marks every figure inside or touching a damaged run as unreliable (`figure.unreliable` says
 * why), so the consistency checks skip it: in `老化管?500公里` the 500 may be 1500.
 */
export function markDamagedFigures(figures: Figure[], documents: Document[], rules: RuleSet = coreRules()): void {
  const byId = new Map(documents.map((d) => [d.id, d]));
  for (const figure of figures) {
    const doc = byId.get(figure.document);
    if (!doc) continue;
    // damagedSpans caches per document and rule set; the encoding-damage check reuses the same spans.
    const hit = damagedSpans(doc, rules).find((s) => s.start <= figure.span.end && figure.span.start <= s.end);
    if (!hit) continue;
    const reason = `touches damaged text "${hit.text}" (${hit.kind}): a digit may be lost`;
    figure.unreliable = figure.unreliable ? `${figure.unreliable}; ${reason}` : reason;
  }
}
