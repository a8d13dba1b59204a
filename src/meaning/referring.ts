/**
 * Figures whose subject names nothing of its own and refers to a statement (`涨幅仍然高达21.7%`, `实现7%左右的
 * 增长速度`): whether a figure refers (referringOf), to which statement (refersTo, statementReferredTo), and the
 * topics and heads a sentence names before a figure's clause (topicOf, headBefore). Steps of
 * resolveFigureMetrics. Split out of metric.ts unchanged.
 */
import type { Change, Figure } from '../model.js';
import { cleanLabel } from '../extract/labels.js';
import { affixHit } from './word-index.js';
import { normalizeSubject } from './subject-normalize.js';
import type { Lexicon } from './lexicon.js';
import { type Subject, parseWith, withScopes, heldSubject } from './subject.js';
import { CLAUSE_BREAK, SENTENCE_END, FULL_STOP } from './clause-marks.js';

/**
 * The indicator name that a subject ends (`存款余额` of `城乡居民储蓄存款余额`) when the rest of the name stands
 * earlier in the figure's sentence (`城乡居民储蓄大幅度增加，存款余额达到…`): a subject whose head noun was named
 * in a clause before. Null when none (the longest name first).
 */
export function headBefore(core: string, text: string, at: number, lex: Lexicon): string | null {
  // (a generic two-character head, `企业`, `项目`, `产值`, names any of many things: only a longer tail recalls its name
  // from anywhere in the sentence; a two-character one, or a name's two-character modifier, only from the sentence's
  // topic, its opening words standing as a clause of their own with no figure: `重工业生产，由于正在调整中，今年的产值预计比去年下降5%左右` is 重工业产值,
  // `高新技术企业增长20%，8家企业成为示范企业` no count of 高新技术企业)
  const names = core.length >= 2 ? lex.nameTails.get(core) : undefined;
  if (!names) return null;
  let start = at;
  while (start > 0 && at - start < 120 && !SENTENCE_END.test(text[start - 1]!)) start--;
  // (the head in an earlier clause: `中央财政用于“三农”的支出` names no 财政支出, its modifier making another fact)
  let clause = at;
  while (clause > start && !CLAUSE_BREAK[text.charCodeAt(clause - 1)]) clause--;
  if (clause <= start) return null;
  const before = normalizeSubject(text.slice(start, clause));
  for (const name of names) {
    const head = name.slice(0, name.length - core.length);
    // (a two-character head, `工业`, only as the sentence's topic: `工业生产增长较快，总产值比上年增长…` is 工业总产值)
    if (head.length >= 3 ? (core.length >= 3 ? before.includes(head) : before.startsWith(head) && topicClause(text.slice(start, clause))) : head.length === 2 && before.startsWith(head) && topicClause(text.slice(start, clause))) return name;
  }
  return null;
}

/** Whether a sentence's text opens with a clause stating no figure (`重工业生产，…`): a topic, not a statement. */
function topicClause(lead: string): boolean {
  let end = 0;
  while (end < lead.length && !CLAUSE_BREAK[lead.charCodeAt(end)]) end++;
  return end < lead.length && !/[0-9０-９%％]|百分之|千分之/u.test(lead.slice(0, end));
}

/** How a figure refers to a statement: the change its words state, whether by a change noun, or by having no subject at all. */
export interface Referring {
  change: Change;
  noun: boolean;
  /** No subject at all: it refers across the clauses of a sentence (`；`). */
  bare?: boolean;
}

/**
 * Whether a figure's subject names nothing of its own: its label is only function words, neutral endings and
 * change nouns (`涨幅仍然`, `虽然略`), or the figure is followed by `的` and a change noun (`实现7%左右的增长速度`).
 * Returns the change its change noun states (null: none), or null when the subject names something.
 */
export function referringOf(figure: Figure, text: string, lex: Lexicon): Referring | null {
  let change: Change = null;
  let noun = false;
  // `7%左右的增长速度…`: the change noun after the figure is what it measures, whatever predicate follows
  const after = text.slice(figure.span.end, figure.span.end + 8).replace(/^\s+/u, '');
  if (after.startsWith('的')) {
    const word = lex.referring.find(([w, c]) => c && after.startsWith(w, 1));
    if (word && normalizeSubject(figure.label ?? '').startsWith(word[0])) return { change: word[1] as Change, noun: true };
  }
  let rest = normalizeSubject(figure.label ?? '');
  if (!rest) return null;
  for (let round = 0; round < 8 && rest; round++) {
    // (scope words name no subject either: `平均每年递增百分之四` after `计划增长百分之二十一点七` is its average;
    // the clause's scopes join the subject referred to)
    const hit = affixHit(lex.referring, lex.scopeOnly, rest);
    if (!hit) return null;
    rest = rest.startsWith(hit[0]) ? rest.slice(hit[0].length) : rest.slice(0, rest.length - hit[0].length);
    if (hit[1]) {
      noun = true;
      change ??= hit[1];
    }
  }
  return rest ? null : { change, noun };
}

/**
 * The subject of the statement a referring figure refers to (its clause's scopes joined), or null when it refers to
 * none. The figure takes that statement's label, and its change when it states a rate without one (`实际达到4.6%`
 * after `增长速度，计划为3.7%`).
 */
export function statementReferredTo(previous: Figure, figure: Figure, referring: Referring, scopes: readonly string[], text: string): Subject | null {
  const before = heldSubject(previous);
  if (!before?.indicator || !refersTo(previous, figure, referring, text)) return null;
  // (its own words name nothing, `没有完成3.5%左右的调控目标`: it is stated under the statement's label)
  if (previous.label) figure.label = previous.label;
  const change = previous.kind === 'change' ? previous.change : referring.change;
  if (change && figure.kind !== 'change' && figure.unit === previous.unit && (figure.unit === '%' || figure.unit === '个百分点')) {
    figure.kind = 'change';
    figure.change = change;
  }
  return withScopes(before, scopes);
}

/** Whether a subject is made only of function words, neutral endings, change nouns and scope words (`相应地`, `平均每年`). */
function referringWords(subject: string, lex: Lexicon): boolean {
  let rest = subject;
  for (let round = 0; round < 8 && rest; round++) {
    const hit = affixHit(lex.referring, lex.scopeOnly, rest);
    if (!hit) return false;
    rest = rest.startsWith(hit[0]) ? rest.slice(hit[0].length) : rest.slice(0, rest.length - hit[0].length);
  }
  return !rest;
}

/**
 * Whether a referring figure refers to the figure just before it: the same unit, and in its sentence (a bare
 * `虽然略低于8%`), or for a change noun in its paragraph, the previous figure stating a change (`…控制在10%以内。
 * 虽然做了很大努力，涨幅仍然高达21.7%`).
 */
function refersTo(previous: Figure, figure: Figure, referring: Referring, text: string): boolean {
  // (`国内生产总值达89404亿元，平均每年增长8.3%`: a rate of change after an amount in its sentence is the amount's growth)
  // (an amount stating its own subject, not one carried from before it: `…，人均达到7000元，平均每年增长7%` is no GDP growth)
  const growthOf = figure.kind === 'change' && figure.unit === '%' && (previous.kind === 'level' || previous.kind === 'count') && previous.unit !== null && previous.unit !== '%' && statesOwnLabel(previous, text);
  if (previous.span.end > figure.span.start || (previous.unit !== figure.unit && !growthOf)) return false;
  const between = text.slice(previous.span.end, figure.span.start);
  if (referring.bare) return !FULL_STOP.test(between);
  if (!referring.noun) return !SENTENCE_END.test(between);
  return previous.kind === 'change' && between.length <= 200 && !between.includes('\n');
}

/** Whether a figure's label is written in its own clause right before it (not carried from a statement before). */
function statesOwnLabel(figure: Figure, text: string): boolean {
  if (!figure.label) return false;
  let from = figure.span.start;
  while (from > 0 && figure.span.start - from < 40 && !CLAUSE_BREAK[text.charCodeAt(from - 1)]) from--;
  return text.slice(from, figure.span.start).includes(figure.label);
}

export function topicOf(text: string, floor: number, at: number, lex: Lexicon): string | null {
  let clause = at;
  while (clause > floor && !CLAUSE_BREAK[text.charCodeAt(clause - 1)]) clause--;
  // `发电装机容量由1997年的2.54亿千瓦增加到…`: a start value's subject stands before the start word in its own clause
  const own = text.slice(clause, at);
  let startSubject: string | null = null;
  for (const word of lex.startWords) {
    const i = own.lastIndexOf(word);
    // (read as a label: `到一九八五年全日制高等学校招生数将从一九八○年的` is of 全日制高等学校招生数)
    if (i > 0 && lex.startTail.test(own.slice(i + word.length))) startSubject = normalizeSubject(cleanLabel(own.slice(0, i), lex.knowledge) || own.slice(0, i));
    if (startSubject !== null) break;
  }
  // (unless what stands there names nothing, `积累所占的比重，相应地由36.5%降到…`: the sentence's subject is before it)
  if (startSubject !== null && (parseWith(startSubject, lex, []).indicator || !referringWords(startSubject, lex))) return startSubject;
  if (clause <= floor) return startSubject;
  let start = clause - 1;
  while (start > floor && !SENTENCE_END.test(text[start - 1]!)) start--;
  if (clause - start > 80) start = clause - 80;
  const sentence = normalizeSubject(text.slice(start, clause - 1));
  // the name ending latest (the longest one ending there), found from the end of the sentence backward
  let best: { end: number; name: string } | null = null;
  for (let end = sentence.length; end > 1 && !best; end--) {
    if (!lex.nameEnds[sentence.charCodeAt(end - 1)]) continue;
    for (let from = Math.max(0, end - lex.longestName); from < end - 1; from++) {
      const name = sentence.slice(from, end);
      if (lex.byName.has(name)) {
        best = { end, name };
        break;
      }
    }
  }
  if (!best) return startSubject;
  const noun = [...lex.changeNouns].find((n) => sentence.startsWith(n, best!.end));
  // The whole subject of that clause, not the name alone: what stands before the name in its clause is read as
  // in any subject (`下半年国有单位固定资产投资增长显著加快，全年增长19.5%` is no 全社会固定资产投资).
  let head = best.end - best.name.length;
  while (head > 0 && !CLAUSE_BREAK[sentence.charCodeAt(head - 1)]) head--;
  return sentence.slice(head, best.end) + (noun ?? '');
}
