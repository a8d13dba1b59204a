/**
 * What is so when a document is written (`目前全省已建成5G基站10万个`, `现有…`, `到现在为止`): a present word in the
 * figure's clause (periods.presentWords). time.ts dates such a figure at the document's date, intent.ts reads it as an
 * actual (not the plan of the part it stands in), and a report delivered early in its year, which has no outcome of
 * that year yet, states the year before ended with it (index.ts).
 */
import type { Document } from '../model.js';
import { alternation, type Knowledge } from '../extract/knowledge.js';
import { periodPattern } from './period-patterns.js';

/** How far back a figure's clause is looked for (clauses.ts MAX_CLAUSE_LOOKBACK: a line with no punctuation stays linear). */
const LOOKBACK = 200;

/** Clause punctuation as a lookup table. */
const CLAUSE_BREAK = new Uint8Array(65536);
for (const c of ',，:：;；') CLAUSE_BREAK[c.charCodeAt(0)] = 1;

const presentCache = new WeakMap<Knowledge, RegExp | null>();
/** A present word not after a verb taking `现有X` as its object (`利用现有闲置资源`: the resources used, not what is so). */
function presentWordsOf(k: Knowledge): RegExp | null {
  let re = presentCache.get(k);
  if (re === undefined) {
    const p = k.periods;
    // (`国务院已经决定:今年…要比上年压缩…`: what was decided is planned, no state; periods.presentBeforeDecision)
    const decided = p.presentBeforeDecision?.length ? `(?!\\s*(?:${alternation(p.presentBeforeDecision)}))` : '';
    re = p.presentWords?.length ? new RegExp(`${p.presentAsObject?.length ? `(?<!${alternation(p.presentAsObject)})` : ''}(?:${alternation(p.presentWords)})${decided}`, 'u') : null;
    presentCache.set(k, re);
  }
  return re;
}

function attributiveOf(k: Knowledge): RegExp | null {
  return periodPattern(k, 'presentAttributive', 'u');
}

/**
 * Whether the figure at `pos` (its sentence starting at `start`) states what is so when the document is written: a present
 * word in its clause with no other figure between, or a short sentence opening on the present alone (`截至目前,…`).
 */
export function statesPresent(doc: Document, pos: number, start: number, k: Knowledge): boolean {
  const text = doc.normalized;
  const present = presentWordsOf(k);
  if (!present) return false;
  let clause = pos;
  const floor = Math.max(start, pos - LOOKBACK);
  while (clause > floor && !CLAUSE_BREAK[text.charCodeAt(clause - 1)]) clause--;
  if (presentIn(text.slice(clause, pos), present)) return true;
  // (`已批建的3家省实验室`: what a short 已-verb right before it describes is there already)
  if (attributiveOf(k)?.test(text.slice(Math.max(clause, pos - 40), pos))) return true;
  // (or a sentence opening on the present alone, `截至目前,全省5G基站达到10万个`: a clause of no figure before it;
  // a short opening only, so a long line without punctuation is not scanned for every figure)
  let opening = start;
  const limit = Math.min(clause, start + 9);
  while (opening < limit && !CLAUSE_BREAK[text.charCodeAt(opening)]) opening++;
  return opening < limit && presentIn(text.slice(start, opening), present) && clause - opening <= LOOKBACK && !/[0-9０-９]/u.test(text.slice(opening, clause));
}

/** Whether a present word (已经, 现有) stands in the clause before the figure with no other figure between. */
function presentIn(clauseText: string, present: RegExp): boolean {
  const m = present.exec(clauseText);
  // (digits inside a name are no figure: `目前全省已建成5G基站10万个`, `PM2.5`)
  return m !== null && !/(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９.．])[0-9０-９]+(?:[.．][0-9０-９]+)?(?![A-Za-zＡ-Ｚａ-ｚ0-9０-９.．])/u.test(clauseText.slice(m.index + m[0].length));
}

/**
 * Whether the figure ending at `end` names the size of the country's people as an attribute (periods.populationAttribute:
 * `九亿多人口的大国`, `全国九亿多人民`, `十四亿人口大国`, a count in 亿 at `pos`..`end`): said of the country as it is when the document is written, an
 * actual wherever it stands (a plan part too). Its period is the part's: reports differ on whether the present of one
 * delivered early in its year is that year or the one before, and nothing in an undated report tells its month.
 */
export function namesPopulation(text: string, pos: number, end: number, k: Knowledge): boolean {
  // (a country's people are counted in 亿: `5000万农民` is a group of them, often a plan's)
  if (!text.slice(pos, end).includes('亿')) return false;
  const re = periodPattern(k, 'populationAttribute', 'u');
  // (the unit 人 may be the figure's own, `九亿多人` of `九亿多人口`: the phrase is read from it)
  const from = text[end - 1] === '人' ? end - 1 : end;
  return re?.test(text.slice(from, from + 14)) ?? false;
}
