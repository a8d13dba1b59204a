/**
 * The scopes of a figure read from its clause (年末, 累计, 平均; comparison bases removed) and the base year a
 * change is measured against (`比2002年`, else the year framing its sentence), Chinese-digit years made Arabic.
 * A step of resolveFigureMetrics. Split out of metric.ts unchanged.
 */
import type { Figure } from '../model.js';
import type { Lexicon } from './lexicon.js';
import { CLAUSE_BREAK, SENTENCE_END } from './clause-marks.js';
import { holdsAnyWord } from './subject-lookup.js';

/** Scope words of the clause before a figure (年末, 累计, 平均), comparison bases (`比上年末`) removed. */
function clauseScopes(text: string, from: number, to: number, lex: Lexicon): string[] {
  if (!lex.clauseWords.length || to <= from) return [];
  let any = false;
  for (let i = from; i < to && !any; i++) if (lex.clauseFirst[text.charCodeAt(i)]) any = true;
  if (!any) return [];
  let clause = text.slice(from, to);
  // (the comparison pattern is long: only a clause holding a scope word pays for it)
  if (!holdsAnyWord(clause, lex.clauseWords)) return [];
  clause = clause.replace(lex.comparison, ' ');
  const found = new Set<string>();
  for (const [w, scope] of lex.clauseWords) {
    const at = clause.indexOf(w);
    if (at < 0) continue;
    found.add(scope);
    clause = clause.slice(0, at) + ' ' + clause.slice(at + w.length);
  }
  return [...found];
}

/**
 * The scopes of a figure's clause (年末, 累计, 平均…) and, for a change, the year it is measured against when that is
 * not the year before its period (`比2002年增长65.5%`, or a sentence framed by `一九八二年同一九七八年相比，`): `since-YEAR`.
 */
export function figureScopes(figure: Figure, previous: Figure | null, text: string, lex: Lexicon): string[] {
  let from = figure.span.start;
  const floor = Math.max(previous && previous.span.end <= figure.span.start ? previous.span.end : 0, figure.span.start - 60);
  while (from > floor && !CLAUSE_BREAK[text.charCodeAt(from - 1)]) from--;
  const scopes = clauseScopes(text, from, figure.span.start, lex);
  // `扣除房地产开发投资后，固定资产投资增长2.7%`: a part left out of the sentence's figures
  if (lex.exclusionFrame && lex.exclusionFrame.test(sentenceLead(text, from))) scopes.push('excluding');
  if (figure.kind !== 'change') return scopes;
  const year = baseYearOf(figure, text, from, lex);
  // (a change of a year against the year before, `一九八一年比一九八○年增长`, is the year's own change, and so is a
  // span's against the year before it: `到一九八五年…将比一九八○年增长百分之二十二` of 1981/1985 is the plan's change)
  const first = figure.period?.split('/')[0];
  return year && first !== String(Number(year) + 1) ? [...scopes, `since-${year}`] : scopes;
}

/** The year (Arabic digits) a change is measured against: its clause's base (`比2002年`), else its sentence's frame. */
function baseYearOf(figure: Figure, text: string, from: number, lex: Lexicon): string | null {
  const yearAt = lex.baseYear ? text.indexOf('年', from) : -1;
  const clause = text.slice(from, figure.span.start);
  const base = yearAt >= 0 && yearAt < figure.span.start ? clause.match(lex.baseYear!) : null;
  // (a clause naming its own base, `比上年增长`, is not framed by the sentence's)
  const year = base?.groups?.year ?? (!base && !/[比较]/u.test(clause) ? frameYear(text, from, lex) : null);
  return year ? asciiYear(year) : null;
}

/** The text of a sentence before a clause starting at `clause` (at most 160 characters back). */
function sentenceLead(text: string, clause: number): string {
  let start = clause;
  while (start > 0 && clause - start < 160 && !endsSentence(text.charCodeAt(start - 1))) start--;
  return text.slice(start, clause);
}

/** SENTENCE_END's answer by UTF-16 unit, asked once per unit (0: not yet, 1: ends a sentence, 2: does not). */
const sentenceEnds = new Uint8Array(65536);
/** Whether the UTF-16 unit `c` ends a sentence (SENTENCE_END), without a one-character string per character looked at. */
function endsSentence(c: number): boolean {
  let known = sentenceEnds[c]!;
  if (known === 0) sentenceEnds[c] = known = SENTENCE_END.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/**
 * The base year of a comparison framing the figure's sentence before its clause (`一九八一年比一九八○年，原煤增长…`):
 * the last frame between the sentence's start (at most 160 characters back) and `clause`; null when none.
 */
function frameYear(text: string, clause: number, lex: Lexicon): string | null {
  if (!lex.baseYearFrame) return null;
  const lead = sentenceLead(text, clause);
  if (!lead.includes('年')) return null;
  let year: string | null = null;
  lex.baseYearFrame.lastIndex = 0;
  for (const m of lead.matchAll(lex.baseYearFrame)) year = m.groups?.year ?? year;
  return year;
}

/** A year written in Chinese digits (`一九八○`) in Arabic ones, so that both writings make one base year. */
function asciiYear(year: string): string {
  return year.replace(/[〇零○一二三四五六七八九]/gu, (c) => String('〇零○一二三四五六七八九'.indexOf(c) < 3 ? 0 : '〇零○一二三四五六七八九'.indexOf(c) - 2));
}
