/**
 * periods.yaml's and words.yaml's time and modality word lists compiled into searches, once per rule
 * set: the period and modality words (periodWordsOf), a year's parts (yearPart, partialWordsOf),
 * numbered plans (planWordsOf), decades, spans of years (`五年来`) and the words of a respective list
 * (`分别`). Knowledge lives in the rules; this file only builds the searches the readings share.
 */
import { alternation, type Knowledge } from '../extract/knowledge.js';
import { MONTH_NUMBER, YEAR_DIGITS } from './year-numerals.js';

/**
 * What may follow a year and narrow it (`2022年1—8月`, `今年6月底`, `去年前三季度`, `2022年底`): one group,
 * the same after an explicit year and after a relative one, so a partial period wins over the whole
 * year either way. Built from the rules' partial years and edges (see periodWordsOf).
 */
function yearPart(k: Knowledge): string {
  const p = k.periods;
  const month = String.raw`${MONTH_NUMBER}\s*[—–\-~至到]\s*${MONTH_NUMBER}\s*月|${MONTH_NUMBER}\s*月`;
  // (and its first months counted, `2022年前五个月`: periods.firstMonths, its group made non-capturing)
  const firstMonths = p.firstMonths ? `|${p.firstMonths.replace(/\((?!\?)/gu, '(?:')}` : '';
  return `(${alternation([...Object.keys(p.partialYears), ...p.yearEdges])}|(?:${month})(?:${alternation(p.monthEdges)})?${firstMonths})?`;
}

const decadeCache = new WeakMap<Knowledge, { re: RegExp; century: number } | null>();
export function decadeWordsOf(k: Knowledge) {
  let words = decadeCache.get(k);
  if (words === undefined) {
    const d = k.periods.decades;
    words = d ? { re: new RegExp(d.pattern, 'gu'), century: d.century } : null;
    decadeCache.set(k, words);
  }
  return words;
}

const planWordCache = new WeakMap<Knowledge, { re: RegExp; goal: RegExp | null } | null>();
/** A numbered plan (`"十三五"`, `第十个五年`: group 1 or 2 its number), then its kind (计划) and a period word or a goal word. */
export function planWordsOf(k: Knowledge) {
  let words = planWordCache.get(k);
  if (words === undefined) {
    const p = k.periods;
    const plan = p.planPeriods;
    const named = `(?:([一二三四五六七八九十]{1,3})五["”’]?${plan?.ordinal ? `|${plan.ordinal}` : ''})`;
    const kind = p.planNames?.length ? `(?:${alternation(p.planNames)})?` : '';
    words = plan?.words.length
      ? {
          re: new RegExp(`${named}${kind}(?:${alternation(plan.words)})`, 'gu'),
          // (a few words between the plan and its goal, no clause break nor figure: `"十二五"节能减排目标`,
          // `"十二五"规划确定的淘汰落后产能任务`)
          goal: p.planGoals?.length ? new RegExp(`${named}${kind}[^,，;；:：。、\\d\\n]{0,12}?(?:${alternation(p.planGoals)})`, 'gu') : null,
        }
      : null;
    planWordCache.set(k, words);
  }
  return words;
}

const periodWordCache = new WeakMap<
  Knowledge,
  { changeToEnd: RegExp; changeTo: RegExp; any: RegExp; explicitYear: RegExp; relativeYear: RegExp; target: RegExp; targetUnlessPast: RegExp; estimate: RegExp; nonTargets: RegExp; paragraphLead: RegExp; opening: RegExp }
>();
/** The period and modality word lists as single searches (does a sentence hold any of them?). */
export function periodWordsOf(k: Knowledge) {
  let words = periodWordCache.get(k);
  if (!words) {
    const p = k.periods;
    words = {
      // a change word and 到/至 (`增加到`, `降至`) at the end of a text
      changeToEnd: new RegExp(`(?:${alternation([...k.words.increase, ...k.words.decrease, ...p.shortChanges])})(?:${alternation(k.words.changeTo)})$`, 'u'),
      changeTo: new RegExp(`(?:${alternation([...k.words.increase, ...k.words.decrease, ...p.shortChanges])})(?:${alternation(k.words.changeTo)})`, 'u'),
      any: new RegExp(alternation([...Object.keys(p.relativeYears), ...Object.keys(p.partialYears), ...p.spans.flatMap((s) => s.words), ...(p.wholeYear ?? []), ...(p.yearStartWords ?? [])]), 'u'),
      // `2022年`, `2022年1—8月`, `2022年前三季度` (not `2021—2023年`'s first year: see YEAR_SPAN_START); group 1 the year, 2 its part
      explicitYear: new RegExp(String.raw`(?<![\d.〇零○一二三四五六七八九十])(${YEAR_DIGITS})\s*年(?!\s*[—–\-~至到]\s*\d)` + yearPart(k), 'gu'),
      // `今年`, `今年1—2月`, `去年前三季度`: group 1 the word, 2 its part
      relativeYear: new RegExp(`(${alternation(Object.keys(p.relativeYears))})` + yearPart(k), 'gu'),
      target: new RegExp(alternation(k.words.target), 'u'),
      targetUnlessPast: new RegExp(alternation(k.words.targetUnlessPast), 'u'),
      estimate: new RegExp(alternation(k.words.estimate), 'u'),
      nonTargets: new RegExp(alternation(k.words.nonTargets), 'u'),
      // a line's first 14 characters, after indentation, dashes, a yearbook entry's 【…】 heading
      // (`【各项事业全面发展】 2022年,…`) and an address (各位代表!)
      paragraphLead: new RegExp(`^[ \\t—]*(?:【[^】\\n]{0,40}】[ \\t]*)?(?:(?:${alternation(p.salutations)})[!！]?)?(.{0,14})`, 'gmu'),
      opening: new RegExp(`^[^,，;；]*?(?:${alternation(p.targetOpenings)})[^,，;；]*[:：]`, 'u'),
    };
    periodWordCache.set(k, words);
  }
  return words;
}

const partialWordCache = new WeakMap<Knowledge, { word: string; months: [number, number] }[]>();
/** Parts of a year, longest first (前三季度 before 三季度, 第一季度 before 一季度). */
export function partialWordsOf(k: Knowledge) {
  let words = partialWordCache.get(k);
  if (!words) {
    words = Object.entries(k.periods.partialYears)
      .map(([word, months]) => ({ word, months }))
      .sort((a, b) => b.word.length - a.word.length);
    partialWordCache.set(k, words);
  }
  return words;
}

const spanWordCache = new WeakMap<Knowledge, { span: Knowledge['periods']['spans'][number]; word: string }[]>();
export function spanWordsOf(k: Knowledge) {
  let words = spanWordCache.get(k);
  if (!words) {
    words = k.periods.spans.flatMap((span) => span.words.map((word) => ({ span, word }))).sort((a, b) => b.word.length - a.word.length);
    spanWordCache.set(k, words);
  }
  return words;
}

const respectiveCache = new WeakMap<Knowledge, { gap: RegExp; joiner: RegExp } | null>();
export function respectiveWordsOf(k: Knowledge) {
  let words = respectiveCache.get(k);
  if (words === undefined) {
    const joiners = k.words.listJoiners ?? [];
    words =
      k.words.respectively?.length && joiners.length
        ? {
            // one period word and a joiner (`2011年、`, `去年和`)
            gap: new RegExp(`^[^,，;；:：。]{1,10}?(?:${alternation(joiners)})\\s*$`, 'u'),
            joiner: new RegExp(alternation(joiners), 'gu'),
          }
        : null;
    respectiveCache.set(k, words);
  }
  return words;
}
