/**
 * Reading a subject: a label parsed as (neutral words) + (scope words) + name + (change word) against the
 * lexicon (parseSubject, readSubject), the key and metric a subject stands for (subjectKey, subjectMetric),
 * and the subject a figure holds once resolved (holdSubject, heldSubject, subjectOf). Split out of metric.ts
 * unchanged.
 */
import type { Change, Figure } from '../model.js';
import type { RuleSet } from '../rules/types.js';
import { normalizeSubject, normalizeSubjectOnce } from './subject-normalize.js';
import { foldSubject } from './label-folds.js';
import { type Indicator, type Lexicon, lexiconOf } from './lexicon.js';
import { holdsAnyWord, longestNameStart } from './subject-lookup.js';

/** What a subject (a figure's label, or a metric's alias) says. */
export interface Subject {
  /** The indicator named, or null. */
  indicator: Indicator | null;
  /** Without an indicator: the subject without neutral and scope words, change words and synonyms folded. */
  core: string;
  /** Scope ids (sorted, the indicator's default removed). */
  scopes: string[];
  /** Change stated by the subject's own words (`…增长`, `…涨幅`), null when none. */
  change: Change;
  /** True when a change noun (涨幅, 增速) ended the subject. */
  changeNoun: boolean;
  /** True when the figure is a part of what the subject names (`国家财政收入的60%`): no fact of its own to align on. */
  part?: boolean;
  /** The unit a bare number counts in, read from the people noun after it (`6069万农民`: 人); unset when its own. */
  counts?: string;
  /** True for a start value (`由上年的1.2%`) given the metric and period of the end value it starts: not aligned. */
  startOfEnd?: boolean;
}

/** Splits leading neutral and scope words off `text`; null when something else is left. */
function prefixScopes(text: string, lex: Lexicon, scopes: Set<string>): boolean {
  let rest = text;
  // `政府工作报告提出国内生产总值增长7.5%左右`: who set or stated a figure is no part of the fact
  let said = -1;
  for (const verb of lex.reportingVerbs) {
    const at = rest.lastIndexOf(verb);
    if (at >= 0) said = Math.max(said, at + verb.length);
  }
  if (said >= 0) rest = rest.slice(said);
  // `一般公共预算收入中税收`: a part named after the whole it is of (indicatorWords.partOf: 中) is the part, of the whole's scopes
  if (lex.partOf.some((w) => rest.endsWith(w))) return wholeBefore(rest, lex, scopes);
  while (rest) {
    const hit = lex.prefixBuckets.get(rest.charCodeAt(0))?.find(([w]) => rest.startsWith(w));
    if (!hit) return false;
    if (hit[1]) scopes.add(hit[1]);
    rest = rest.slice(hit[0].length);
  }
  return true;
}

/** Whether `text` is an indicator's name (after neutral and scope words) and a word of being part of it: its scopes join `scopes`. */
function wholeBefore(text: string, lex: Lexicon, scopes: Set<string>): boolean {
  const word = lex.partOf.find((w) => text.endsWith(w))!;
  const whole = text.slice(0, text.length - word.length);
  for (let i = Math.max(0, whole.length - lex.longestName); i < whole.length - 1; i++) {
    if (!lex.byName.has(whole.slice(i))) continue;
    const own = new Set<string>();
    if (!lex.partOf.some((w) => whole.slice(0, i).endsWith(w)) && prefixScopes(whole.slice(0, i), lex, own)) {
      for (const scope of own) scopes.add(scope);
      return true;
    }
  }
  return false;
}

/** Reads a subject (a label or an alias): indicator, scopes, change. */
export function parseSubject(text: string, rules: RuleSet, extraScopes: readonly string[] = []): Subject {
  return parseWith(text, lexiconOf(rules), extraScopes);
}

export function parseWith(text: string, lex: Lexicon, extraScopes: readonly string[]): Subject {
  // labels recur across a document and a run: each (label, clause scopes) is read once per rule set
  let subject = lex.parsed.get(text);
  if (!subject) {
    if (lex.parsed.size >= 50_000) lex.parsed.clear();
    subject = readSubject(text, lex);
    lex.parsed.set(text, subject);
  }
  if (!extraScopes.length || extraScopes.every((s) => subject!.scopes.includes(s))) return scopedIndicator(subject, lex);
  // the clause's scopes join the subject's own (an indicator's default scope is no scope)
  const scopes = new Set([...subject.scopes, ...extraScopes]);
  if (subject.indicator?.scope) scopes.delete(subject.indicator.scope);
  return scopedIndicator({ ...subject, scopes: [...scopes].sort() }, lex);
}

/**
 * The indicator a text names, as parseWith(text, lex, []) reads it, without remembering the text: for the many
 * texts tried once (list-subjects.ts listedAfter's candidates), which would fill the cache (speed only).
 */
export function indicatorNamed(text: string, lex: Lexicon): Indicator | null {
  return scopedIndicator(readSubject(text, lex, true), lex).indicator;
}

/** What readSubject returns, asked for an indicator only, when the text names none (its core is never read). */
const NAMES_NONE: Subject = { indicator: null, core: '', scopes: [], change: null, changeNoun: false };

/**
 * A subject of an indicator with a scope that makes it another indicator (indicator `scoped`: `居民人均可支配收入` of
 * 城镇, `城镇和农村居民人均可支配收入分别…`) is that indicator: one fact, one id, however its scope was written.
 */
function scopedIndicator(subject: Subject, lex: Lexicon): Subject {
  const scoped = subject.indicator?.scoped;
  if (!scoped) return subject;
  const scope = subject.scopes.find((s) => scoped[s]);
  const to = scope ? lex.byId.get(scoped[scope]!) : undefined;
  if (!to) return subject;
  return { ...subject, indicator: to, core: to.id, scopes: subject.scopes.filter((s) => s !== scope && s !== to.scope) };
}

/** Words of `list` that `text` ends with, from the bucket of its last character (longest first). */
function endingWith<T extends [string, unknown]>(text: string, buckets: Map<number, T[]>): T | undefined {
  const bucket = buckets.get(text.charCodeAt(text.length - 1));
  return bucket?.find(([w]) => text.length > w.length && text.endsWith(w));
}

function readSubject(text: string, lex: Lexicon, indicatorOnly = false): Subject {
  let s = foldSubject(indicatorOnly ? normalizeSubjectOnce(text) : normalizeSubject(text), lex.folds);
  let change: Change = null;
  let changeNoun = false;
  const scopes = new Set<string>();
  let indicator: Indicator | null = null;
  let afterNeutral = false;
  // the whole subject first (人口自然增长率 is a name), then without its change or neutral ending
  for (let round = 0; round < 5; round++) {
    // (the longest name ending the subject, if any: subject-lookup.ts)
    const from = longestNameStart(s, lex.byName);
    for (let i = from < 0 ? s.length : from; i < s.length; i++) {
      const key = i ? s.slice(i) : s;
      const found = lex.byName.get(key);
      if (!found) continue;
      const own = new Set<string>();
      if (prefixScopes(s.slice(0, i), lex, own)) {
        indicator = found;
        for (const scope of own) scopes.add(scope);
        // `经济增长预期目标定在7.5%左右`: a name of an amount's growth itself (经济增长, 经济增速) states its change
        if (change === null && found.unit !== '%') {
          const word = lex.changeWords.find(([w]) => key.length > w.length && key.endsWith(w)) ?? [...lex.changeNouns].map((w): [string, Change] => [w, null]).find(([w]) => key.length > w.length && key.endsWith(w));
          if (word) {
            change = word[1] ?? (lex.suffixes.find(([w]) => w === word[0])?.[1] || null);
            changeNoun = change !== null;
          }
        }
      }
      break;
    }
    if (indicator) break;
    const scoped = endingWith(s, lex.scopeSuffixBuckets);
    if (scoped) {
      scopes.add(scoped[1]);
      s = s.slice(0, s.length - scoped[0].length);
      continue;
    }
    const hit = endingWith(s, lex.suffixBuckets);
    if (!hit) break;
    s = s.slice(0, s.length - hit[0].length);
    if (hit[1]) {
      // (a change verb before a target word names the change as a noun does: `M2预期增长目标拟定为13%左右`)
      if (change === null && (lex.changeNouns.has(hit[0]) || afterNeutral)) changeNoun = true;
      if (change === null) change = hit[1];
    } else afterNeutral = true;
  }
  let core = s;
  if (!indicator && indicatorOnly) return NAMES_NONE;
  if (!indicator) {
    // a subject outside the lexicon: strip what prefixes it can, fold synonyms
    // (a subject made only of such words, `平均每年`, `全国`, names nothing: its core is empty)
    for (let changed = true; changed && core; ) {
      changed = false;
      const hit = lex.prefixBuckets.get(core.charCodeAt(0))?.find(([w]) => core.length >= w.length && core.startsWith(w));
      if (hit) {
        if (hit[1]) scopes.add(hit[1]);
        core = core.slice(hit[0].length);
        changed = true;
      }
    }
    if (holdsAnyWord(core, lex.synonyms)) for (const [variant, canonical] of lex.synonyms) if (core.includes(variant)) core = core.split(variant).join(canonical);
  } else if (indicator.scope) scopes.delete(indicator.scope);
  return { indicator, core: indicator ? indicator.id : core, scopes: [...scopes].sort(), change, changeNoun };
}

/** A subject with the scopes of a figure's clause joined to its own (an indicator's default scope is no scope). */
export function withScopes(subject: Subject, scopes: readonly string[]): Subject {
  if (!scopes.length || scopes.every((s) => subject.scopes.includes(s))) return subject;
  const all = new Set([...subject.scopes, ...scopes]);
  if (subject.indicator?.scope) all.delete(subject.indicator.scope);
  return { ...subject, scopes: [...all].sort() };
}

/** The metric id of a subject: the indicator id with its scopes (`gdp`, `surveyed-unemployment-rate@year-end`). */
export function subjectMetric(subject: Subject): string | null {
  if (!subject.indicator) return null;
  return subject.scopes.length ? `${subject.indicator.id}@${subject.scopes.join('+')}` : subject.indicator.id;
}

/** The identity of a subject without its change: what a user alias and a figure share when they name one fact. */
export function subjectKey(subject: Subject): string {
  return `${subject.indicator ? 'i' : 'l'}:${subject.core}@${subject.scopes.join('+')}`;
}

/**
 * Each figure's subject, as the meaning stage read it (with the scopes of its clause), kept on the figure
 * under a symbol: not part of its JSON, and cheaper for the garbage collector than a WeakMap of every figure.
 */
export const SUBJECT = Symbol('subject');
export type WithSubject = Figure & { [SUBJECT]?: Subject };

/** The subject of a figure (read from its label alone when the meaning stage did not see it). */
export function subjectOf(figure: Figure, rules: RuleSet): Subject {
  const held = figure as WithSubject;
  return (held[SUBJECT] ??= parseSubject(figure.label ?? '', rules));
}

/**
 * The subject the meaning stage kept on a figure, if any, and the same put back: for figures that cross
 * a worker or the cache as data (src/parallel/), where a symbol-keyed property does not travel.
 */
export function heldSubject(figure: Figure): Subject | undefined {
  return (figure as WithSubject)[SUBJECT];
}

export function holdSubject(figure: Figure, subject: Subject): void {
  (figure as WithSubject)[SUBJECT] = subject;
}
