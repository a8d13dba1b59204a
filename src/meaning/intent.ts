/**
 * Intent: whether a figure states an actual, an estimate or a target. Sources: 预计 and target words in
 * the figure's sentence (力争, 目标, 控制在), a sentence opening that announces targets (`主要预期目标是:`),
 * a target section or a period set as a target (`到2025年`, `今后五年`), a report's own year before its
 * outcome can exist.
 */
import { allMatches } from '../matches.js';
import type { Document, Figure, Modality } from '../model.js';
import { alternation, type Knowledge } from '../extract/knowledge.js';
import { namesPopulation, statesPresent } from './present.js';
import { MAX_CLAUSE_LOOKBACK, sentenceEnd } from './clauses.js';
import { periodWordsOf } from './period-words.js';
import type { PeriodContext, TimeReading } from './time.js';

/** A 、 after a figure (digits, then at most a unit of two characters) opening an item with a subject of its own. */
const NEW_ITEM = /\d[^\s、,，;；。\p{Script=Han}]*\p{Script=Han}{0,2}\s*、\s*\p{Script=Han}/u;
const HAN_BEFORE = /\p{Script=Han}/u;

/** Modality of the figure starting at `pos`, given its time reading. */
export function intentOf(doc: Document, pos: number, time: TimeReading, ctx: PeriodContext, k: Knowledge, end = pos): Modality {
  const text = doc.normalized;
  const iw = intentWordsOf(k);
  const { period, sentenceStart: start, baseYear, targetSection, reviewSection, glossary, marker: last, carry } = time;
  // 预计 or a target word in the sentence before the figure, or a target section.
  const words = sentenceWords(text, start, ctx, k);
  let clause = pos;
  const floor = Math.max(start, pos - MAX_CLAUSE_LOOKBACK);
  while (clause > floor && !CLAUSE_BREAK[text.charCodeAt(clause - 1)]) clause--;
  let semicolon = start;
  for (const at of words.semicolons) if (at < pos) semicolon = at;
  // a year before the section's (去年一季度… in a target section) states an actual
  // (and so does a span back from it, `两年来`, or any period over before the report's year, as a
  // start value's: `由50.2%提高到…`)
  // (a span running into the report's own year, `"十四五"期间` in 2025, is not over: no past)
  const past = (last?.year != null && last.year < (baseYear ?? Infinity)) || (last?.source === 'span' && !last.target && !periodEndsAtOrAfterOwnYear(last.period, ctx)) || periodIsPast(period, ctx);
  let modality: Modality = 'actual';
  const inClause = (at: number) => at >= clause && at < pos;
  const clauseText = text.slice(clause, pos);
  const quotedTarget = iw.targetAfter?.test(text.slice(end, end + 12)) ?? false;
  const achieved = achievedIn(clauseText, iw, quotedTarget);
  const stated = statedModality(text, { pos, end, clauseText, quotedTarget, achieved }, iw, k);
  if (stated) return stated;
  // a sentence in a plan part saying what is already so (`国家已经组织了57户企业集团试点`) states an actual
  // (the figure's own: `比现有的86个减少27个` says 86 is so, not the 27 to go)
  // (and so does a figure whose clause goes on to say what is not so or what exists, `有43%没有恢复到历史最高水平`,
  // `有24%的企业存在着亏损`: plans set no such thing)
  const present = statesPresent(doc, pos, start, k) || statedAsFact(text, end, k);
  // 预计 reaches to the end of its ;-part of the sentence (预计产煤…,完成…,发电…;), or opens it, but not
  // past a clause setting a budget's amount (`预计…收入增长8%左右,一般公共预算支出规模15.3万亿元`)
  const budgetSince = (at: number) => words.budgets.some((b) => b > at && b < pos && hasClauseBreak(text, at, b));
  // (nor, written after its item's subject, past the 、 that opens the next item: `主营业务收入预计达到4200亿元、从业人员
  // 达到43.8万人`; opening its clause, `预计产煤…、…`, it reaches the whole list)
  const itemOnly = (at: number) => at > 0 && HAN_BEFORE.test(text[at - 1]!) && NEW_ITEM.test(text.slice(at, pos));
  // (nor, right after a budget's amount named, `2026年…预算收入预计完成226亿元`, in the report presenting that year's budget: the
  // budget says what it expects to collect, a target)
  const budgeted = (at: number) => period !== null && period === ctx.ownYearIsPlan && at >= clause && budgetNamedBefore(text, clause, at, k);
  // (nor, in a report presenting a numbered plan whose years are all ahead, of the plan's years: `"九五"时期,…预计城镇居民人均
  // 生活费收入年均增长5%左右` is how the plan projects what it sets, a target)
  const projected = period !== null && period === ctx.planSpan && ctx.deliveryYear !== null && Number(period.slice(0, 4)) >= ctx.deliveryYear;
  if (!projected && words.estimates.some((at) => at < pos && (at >= semicolon || at < words.firstClauseEnd) && !budgetSince(at) && !itemOnly(at) && !budgeted(at))) modality = 'estimate';
  // a start value is the level things started from (`力争从50.2%提高到…` too), but in a sentence setting a
  // budget it is last year's budget (`拟安排财政赤字…,赤字率从去年的2.1%提高到2.3%`)
  // (`由今年预计的44%提高到45%`: the start value is what the base year is expected to end with)
  else if (time.startValue && words.baseEstimates.some(inClause)) modality = 'estimate';
  else if (time.startValue) modality = words.budgets.some((at) => at < pos) && targetSection && !reviewSection ? 'target' : 'actual';
  else if (
    wordedAsTarget(words, pos, inClause, reviewSection, period, ctx) ||
    modalAim(clauseText, { reviewSection, present, past, period }, ctx, k) ||
    placedAsTarget({ text, pos, last, carry, glossary, targetSection, reviewSection, past, present, achieved }, ctx, k) ||
    timedAsTarget(words, { start, pos, period, last, glossary, present }, ctx)
  )
    modality = 'target';
  return modality === 'actual' && !time.startValue && forecastActual(text, { start, pos, semicolon, present, last, period }, words, ctx, k) ? 'estimate' : modality;
}

/**
 * What the figure's own phrase says of its modality, whatever its section: a population named as an attribute (`九亿多人口的
 * 大国`: the country as it is, an actual), a target quoted (`低于12%的预期目标`, unless achieved: `实现了8%的目标`), a task's
 * quoted name (`超额完成…“两个200万亩”任务`: the task's own value, achieved or not), a plan's size (`实施两年新增4万亿元的投资
 * 计划`) and a plan's figure stated as such (`一九八二年计划为百分之四`): targets. Null when it says none of these.
 */
function statedModality(
  text: string,
  at: { pos: number; end: number; clauseText: string; quotedTarget: boolean; achieved: boolean },
  iw: IntentWords,
  k: Knowledge,
): Modality | null {
  const { pos, end, clauseText, quotedTarget, achieved } = at;
  if (namesPopulation(text, pos, end, k)) return 'actual';
  if (!achieved && quotedTarget) return 'target';
  if (iw.namedTaskAfter?.test(text.slice(end, end + 14))) return 'target';
  if (!achieved && iw.planSizeAfter?.test(text.slice(end, end + 14))) return 'target';
  if (iw.planValue?.test(clauseText)) return 'target';
  return null;
}

/**
 * Whether a figure read as an actual is a forecast (an estimate): its paragraph opens on an estimate word alone (`初步预计,
 * 全区地区生产总值增长4.2%左右,…`), a policy's expected effect or what would have been stands before it in its part of the
 * sentence (`将使企业减轻负担900亿元`, `如果不采取有力措施…,还会有一百几十亿元的赤字`), or a work report delivered late in its year
 * tells of its own year as a whole, or of years ending with it (`今年…将比上年增长3%以上`, `这三年城镇共安排两千多万人就业` in
 * November), with no outcome yet; what is so now (`present`) and what was counted (`据不完全统计,…`) stay actuals, and so
 * does a level stated alone (`全国高等学校七百二十九所`).
 */
function forecastActual(
  text: string,
  at: { start: number; pos: number; semicolon: number; present: boolean; last: TimeReading['marker']; period: string | null },
  words: SentenceWords,
  ctx: PeriodContext,
  k: Knowledge,
): boolean {
  const { start, pos, semicolon, present, last, period } = at;
  if (words.paragraphEstimate) return true;
  if ([...words.forecasts, ...words.counterfactuals].some((at) => at < pos && (at >= semicolon || at < words.firstClauseEnd))) return true;
  const ofOwnYear = last?.source === 'relative' || (period?.includes('/') ?? false);
  const measured = () => (k.periods.measuredWords ?? []).some((w) => text.slice(start, pos).includes(w));
  return !present && ofOwnYear && endsInUnfinishedOwnYear(period, ctx, k) && !measured();
}

/**
 * Whether its sentence's wording makes the figure at `pos` a target: a target word in its clause or an opening that
 * announces targets (`主要预期目标是:`), a target word for periods not over (控制在), a plan quoted (`去年政府工作报告提出,要把
 * …控制在10%以内`) up to what came of it (`实际回落到6.1%`), a plan set against its outcome (`计划新建…20万公里,实际建成…`) or
 * against what it is expected to come to (`…,预计可以达到…`).
 */
function wordedAsTarget(words: SentenceWords, pos: number, inClause: (at: number) => boolean, reviewSection: boolean, period: string | null, ctx: PeriodContext): boolean {
  return (
    words.targets.some((at) => (inClause(at) || (at < words.openingEnd && words.openingEnd <= pos)) && !(words.cutOffs.includes(at) && ctx.deliveryYear !== null && periodIsPast(period, ctx))) ||
    (words.targetsUnlessPast.some(inClause) && !reviewSection && !periodIsPast(period, ctx)) ||
    words.quotes.some((q) => q < pos && !words.outcomes.some((o) => o > q && o < pos)) ||
    words.contrasts.some((q) => q < pos && [...words.outcomes, ...words.estimates].some((o) => o > pos) && !words.outcomes.some((o) => o > q && o < pos))
  );
}

/**
 * Whether a modal verb before a verb of reaching or changing (periods.modalAims: `钢产量要达到`, `将比上年增长`) ends the clause
 * before the figure, outside a review and for a period not over: a plan's figure. (Of its own year in a report delivered
 * late in it, `今年工农业总产值将比上年增长3%` in November, it is what the year is expected to end with: an estimate, below.)
 */
function modalAim(clauseText: string, at: { reviewSection: boolean; present: boolean; past: boolean; period: string | null }, ctx: PeriodContext, k: Knowledge): boolean {
  const { reviewSection, present, past, period } = at;
  if (reviewSection || present || past || periodIsPast(period, ctx) || endsInUnfinishedOwnYear(period, ctx, k)) return false;
  return intentWordsOf(k).modalAims?.test(clauseText) ?? false;
}

/**
 * Whether where the figure stands makes it a target: a target marker or carry (`到2025年`, a plan part's title), a target
 * section (unless its period is past or it states what is so), an item of a target list (`主要预期目标是:…;…;…`).
 */
function placedAsTarget(
  at: { text: string; pos: number; last: TimeReading['marker']; carry: TimeReading['carry']; glossary: boolean; targetSection: boolean; reviewSection: boolean; past: boolean; present: boolean; achieved: boolean },
  ctx: PeriodContext,
  k: Knowledge,
): boolean {
  const { text, pos, last, carry, glossary, targetSection, reviewSection, past, present, achieved } = at;
  return (last?.target ?? false) || (carry?.target === true && !glossary) || (targetSection && !reviewSection && !past && !present) || (!achieved && inTargetList(text, pos, ctx, k));
}

/**
 * Whether the figure's period makes it a target: its report's own year delivered before its outcome can exist (in
 * January, unless it states what is already so: `国家已经组织了57户企业集团试点`), years after the report's own (`九十年代…
 * 增长百分之八到九是可能的` in 1992), a glossary's sentence naming years not over yet (`三年行动(2025—2027年)`) or a target
 * word before the figure in it (`力争用5年时间,…打造商圈100个`).
 */
function timedAsTarget(
  words: SentenceWords,
  at: { start: number; pos: number; period: string | null; last: TimeReading['marker']; glossary: boolean; present: boolean },
  ctx: PeriodContext,
): boolean {
  const { start, pos, period, last, glossary, present } = at;
  return (
    (ctx.ownYearIsPlan !== null && period === ctx.ownYearIsPlan && !present) ||
    periodEndsAhead(period, ctx) ||
    (glossary && last !== undefined && periodIsAhead(period, ctx)) ||
    (glossary && words.targets.some((at) => at >= start && at < pos))
  );
}

/** How far after a figure its clause is read for a word stating a fact (periods.stateAfter). */
const STATE_AFTER = 24;

/** Whether the clause after a figure ending at `end` says what is not so or what exists (periods.stateAfter: 没有恢复到, 存在着). */
function statedAsFact(text: string, end: number, k: Knowledge): boolean {
  const words = k.periods.stateAfter;
  if (!words?.length) return false;
  let stop = end;
  const limit = Math.min(text.length, end + STATE_AFTER);
  while (stop < limit && !CLAUSE_BREAK[text.charCodeAt(stop)] && !/[。;；!！?？\n]/u.test(text[stop]!)) stop++;
  const after = text.slice(end, stop);
  return words.some((w) => after.includes(w));
}

/** Whether whole years `period` end with the delivery year of a work report delivered late in it (after periods.reviewsPreviousYearUntilMonth). */
function endsInUnfinishedOwnYear(period: string | null, ctx: PeriodContext, k: Knowledge): boolean {
  if (!ctx.workReport || ctx.deliveryYear === null || ctx.deliveryMonth === null || ctx.deliveryMonth <= k.periods.reviewsPreviousYearUntilMonth) return false;
  // (in the year's last month its outcomes are known but for the last weeks: stated without an estimate word, they are told as done)
  if (k.periods.ownYearKnownFromMonth !== undefined && ctx.deliveryMonth >= k.periods.ownYearKnownFromMonth) return false;
  const last = period?.match(/^(?:\d{4}\/)?(\d{4})$/u);
  return last != null && Number(last[1]) === ctx.deliveryYear;
}

/**
 * Whether a clause states a target achieved (`实现了8%的目标`): an achievement word not negated (`没有完成`),
 * unless the figure is a target quoted (`…的目标` after it) that a word after the achievement word names as
 * set (`超额完成年初确定的5.4亿吨以上的目标`: the figure is the target's value, not what was reached).
 */
function achievedIn(clauseText: string, iw: IntentWords, quotedTarget: boolean): boolean {
  if (!iw.achievements) return false;
  let last = -1;
  for (const m of allMatches(clauseText, iw.achievementsAll!)) last = m.index + m[0].length;
  if (last < 0) return false;
  return !(quotedTarget && iw.setters?.test(clauseText.slice(last)));
}

/**
 * Whether the figure at `pos` states a part of `previous` (`…9000亿元,其中中央财政赤字7000亿元`): its clause
 * opens with a part word and the figure before it stands in the same sentence.
 */
export function partOfPrevious(doc: Document, pos: number, previous: { span: { end: number } } | undefined, k: Knowledge): boolean {
  const words = k.periods.partOf;
  if (!previous || !words?.length || previous.span.end > pos) return false;
  const between = doc.normalized.slice(previous.span.end, pos);
  if (/[。;；!！?？\n]/u.test(between)) return false;
  // the first clause after the previous figure's opens with the part word (`,其中,新增中央投资1.18万亿元`)
  let clause = 0;
  while (clause < between.length && !CLAUSE_BREAK[between.charCodeAt(clause)]) clause++;
  if (clause === between.length) return false;
  const opening = between.slice(clause + 1).trimStart();
  return words.some((w) => opening.startsWith(w));
}

/**
 * A target quoted right after the outcome it is set against (`居民消费价格上涨3.9%,没有完成3.5%左右的调控目标`,
 * `增长7.7%,高于年初确定的7.5%左右的预期目标`) measures what that outcome measures: with no metric of its own,
 * it takes the outcome's metric, label, kind and change (its own clause names no subject, only the target).
 * Runs after the metrics are resolved (index.ts), on the figures of one document in text order.
 */
export function measureQuotedTargets(doc: Document, figures: Figure[], k: Knowledge): void {
  const quoted = intentWordsOf(k).targetAfter;
  if (!quoted) return;
  const text = doc.normalized;
  for (let i = 1; i < figures.length; i++) {
    const target = figures[i]!;
    const outcome = figures[i - 1]!;
    if (target.modality !== 'target' || outcome.modality === 'target' || target.metric || (!outcome.metric && !outcome.label)) continue;
    if (outcome.unit !== target.unit || outcome.period !== target.period || outcome.span.end > target.span.start) continue;
    if (!quoted.test(text.slice(target.span.end, target.span.end + 12))) continue;
    // the outcome in the clause right before the target's (one clause break at most, no sentence end)
    const between = text.slice(outcome.span.end, target.span.start);
    if (/[。;；!！?？\n]/u.test(between)) continue;
    let breaks = 0;
    for (let j = 0; j < between.length; j++) breaks += CLAUSE_BREAK[between.charCodeAt(j)]!;
    if (breaks > 1) continue;
    target.metric = outcome.metric;
    target.label = outcome.label;
    target.kind = outcome.kind;
    target.change = outcome.change;
  }
}

/** Whether a period of whole years starts in the delivery year or later (not over when the report was delivered). */
function periodIsAhead(period: string | null, ctx: PeriodContext): boolean {
  const first = period?.match(/^(\d{4})(?:\/\d{4})?$/u);
  return ctx.deliveryYear !== null && first != null && Number(first[1]) >= ctx.deliveryYear;
}

/** The document's own year: the delivery year, or the year after the reviewed one; null when neither is known. */
function ownYear(ctx: PeriodContext): number | null {
  return ctx.deliveryYear ?? (ctx.reviewYear !== null ? ctx.reviewYear + 1 : null);
}

/** Whether a period of whole years runs past the document's own year (the delivery year, or the year after the reviewed one). */
function periodEndsAhead(period: string | null, ctx: PeriodContext): boolean {
  const own = ownYear(ctx);
  const last = period?.match(/^(?:\d{4}\/)?(\d{4})$/u);
  return own !== null && last != null && Number(last[1]) > own;
}

/** Whether a span of whole years ends in the document's own year or later (`"十四五"期间` in a report of 2025). */
function periodEndsAtOrAfterOwnYear(period: string | null, ctx: PeriodContext): boolean {
  const own = ownYear(ctx);
  const last = period?.match(/^\d{4}\/(\d{4})$/u);
  return own !== null && last != null && Number(last[1]) >= own;
}

/**
 * Whether a period ended before the document's own year (the delivery year, or the year after the reviewed one), or is
 * a part of the delivery year over before the month it was delivered in (`今年上半年` in a report of August).
 */
function periodIsPast(period: string | null, ctx: PeriodContext): boolean {
  const own = ownYear(ctx);
  const last = period?.match(/(\d{4})(?:-(\d{2}))?$/u);
  if (own === null || last === null || last === undefined) return false;
  const year = Number(last[1]);
  return year < own || (last[2] !== undefined && year === ctx.deliveryYear && ctx.deliveryMonth !== null && Number(last[2]) < ctx.deliveryMonth);
}

interface IntentWords {
  achievements: RegExp | null;
  targetAfter: RegExp | null;
  planSizeAfter: RegExp | null;
  /** The achievement words (global, for matchAll) and the setter words. */
  achievementsAll: RegExp | null;
  setters: RegExp | null;
  listOpening: RegExp | null;
  planQuotes: RegExp | null;
  outcomes: RegExp | null;
  contrasts: RegExp | null;
  forecasts: RegExp | null;
  counterfactuals: RegExp | null;
  /** A plan's figure stated as such, at the end of the clause before the figure (`计划为`). */
  planValue: RegExp | null;
  planAmounts: RegExp | null;
  /** A comparison base or start right before an estimate word (`比1980年`, `由今年` of `由今年预计的44%`). */
  estimatedBase: RegExp | null;
  /** A modal verb before a verb of reaching or changing, in the clause before a figure (`要达到`, `将比上年增长`: periods.modalAims). */
  modalAims: RegExp | null;
  /** Right after a figure, the rest of a quoted name closed before a task word (`”任务` of `“两个200万亩”任务`: periods.namedTaskAfter). */
  namedTaskAfter: RegExp | null;
}
const intentWordCache = new WeakMap<Knowledge, IntentWords>();
/** periods.yaml's modality entries, compiled once per rule set. */
function intentWordsOf(k: Knowledge): IntentWords {
  let words = intentWordCache.get(k);
  if (!words) {
    const p = k.periods;
    const list = (w: string[] | undefined) => (w?.length ? new RegExp(alternation(w), 'u') : null);
    words = {
      // (a negated achievement, `没有完成…目标`, achieves nothing)
      achievements: p.achievements?.length
        ? new RegExp(`${p.achievementNegators?.length ? `(?<!${alternation(p.achievementNegators)})` : ''}(?:${alternation(p.achievements)})`, 'u')
        : null,
      planQuotes: list(p.planQuotes),
      outcomes: list(p.outcomeWords),
      contrasts: list(p.planContrasts),
      forecasts: list(p.forecastEffects),
      counterfactuals: list(p.counterfactuals),
      planValue: p.planValue ? new RegExp(p.planValue, 'u') : null,
      planAmounts: list(p.planAmounts),
      achievementsAll: null,
      setters: list(p.targetSetters),
      planSizeAfter: p.planSizeAfter ? new RegExp(p.planSizeAfter, 'u') : null,
      targetAfter: p.targetAfter ? new RegExp(p.targetAfter, 'u') : null,
      // a target word, then a colon in its clause: `今年发展的主要预期目标是:`
      listOpening: p.targetOpenings.length ? new RegExp(`(?:${alternation(p.targetOpenings)})[^,，;；。:：\n]{0,10}[:：]`, 'gu') : null,
      estimatedBase: estimatedBaseOf(k),
      modalAims: p.modalAims ? new RegExp(p.modalAims, 'u') : null,
      namedTaskAfter: p.namedTaskAfter ? new RegExp(p.namedTaskAfter, 'u') : null,
    };
    words.achievementsAll = words.achievements ? new RegExp(words.achievements.source, 'gu') : null;
    intentWordCache.set(k, words);
  }
  return words;
}

/**
 * A year set as a comparison base or start (periods.comparisonStart, changeBase, startBefore) right before an estimate
 * word: the estimate is the base's (`粮食产量34250万吨,比1980年预计增加1000万吨`, `由今年预计的44%提高到45%`: what
 * the year is expected to end with), not the figure's.
 */
function estimatedBaseOf(k: Knowledge): RegExp | null {
  const p = k.periods;
  const bases = [...(p.comparisonStart ?? []), ...(p.changeBase ?? []), ...p.startBefore];
  const years = [String.raw`(?:19|20)\d{2}\s*年度?`, String.raw`[一二][九〇零○0][〇零○0一二三四五六七八九]{2}年度?`, ...Object.keys(p.relativeYears)];
  return bases.length ? new RegExp(String.raw`(?:${alternation(bases)})\s*(?:${years.join('|')})\s*$`, 'u') : null;
}

const listCache = new WeakMap<PeriodContext, { start: number; end: number }[]>();
/**
 * Target lists of a document: from an opening (`主要预期目标是:`) to the list's end, the first `。` or
 * the end of the line, or, when the line ends in `;` or `:` (items one a line: `——…;`), the first
 * line that does not.
 */
function targetLists(text: string, ctx: PeriodContext, k: Knowledge): { start: number; end: number }[] {
  let lists = listCache.get(ctx);
  if (lists) return lists;
  lists = [];
  const opening = intentWordsOf(k).listOpening;
  if (opening) {
    opening.lastIndex = 0;
    for (const m of text.matchAll(opening)) {
      const lead = text.slice(Math.max(0, m.index - 6), m.index);
      // (`完成全年目标任务:` opens no target list)
      if (k.words.targetNegators.some((n) => lead.includes(n))) continue;
      const start = m.index + m[0].length;
      let end = start;
      for (;;) {
        while (end < text.length && text[end] !== '。' && text[end] !== '\n') end++;
        if (end >= text.length || text[end] === '。') break;
        const line = text.slice(text.lastIndexOf('\n', end - 1) + 1, end).trimEnd();
        if (end > start && !/[;；:：]$/u.test(line)) break;
        end++;
      }
      lists.push({ start, end });
    }
  }
  listCache.set(ctx, lists);
  return lists;
}

function inTargetList(text: string, pos: number, ctx: PeriodContext, k: Knowledge): boolean {
  return targetLists(text, ctx, k).some((l) => pos >= l.start && pos < l.end);
}

/** Whether `at` is inside a quotation of `text` opened before it and closed after it (“…”, 「…」, "…"). */
function insideQuotes(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('“', at), text.lastIndexOf('「', at));
  if (open >= 0 && Math.max(text.lastIndexOf('”', at), text.lastIndexOf('」', at)) < open) return /[”」]/u.test(text.slice(at, at + 12));
  let ascii = 0;
  for (let i = text.indexOf('"'); i >= 0 && i < at; i = text.indexOf('"', i + 1)) ascii++;
  return ascii % 2 === 1 && text.indexOf('"', at) >= 0 && text.indexOf('"', at) < at + 12;
}

/**
 * Whether the figure at `pos` is a budget's amount of the year a report plans stated with an estimate word after the budget's
 * name (`2026年全市社会保险基金预算收入预计完成226亿元`): the budget's figure, a target, whatever status the estimate word gives.
 */
export function budgetedEstimate(text: string, pos: number, period: string | null, ctx: PeriodContext, k: Knowledge): boolean {
  if (period === null || period !== ctx.ownYearIsPlan || !(k.periods.budgetNames ?? []).length) return false;
  let clause = pos;
  const floor = Math.max(0, pos - MAX_CLAUSE_LOOKBACK);
  while (clause > floor && !CLAUSE_BREAK[text.charCodeAt(clause - 1)] && !SENTENCE_BREAK.test(text[clause - 1]!)) clause--;
  const lead = text.slice(clause, pos);
  const at = Math.max(...k.words.estimate.map((w) => lead.lastIndexOf(w)));
  return at >= 0 && budgetNamedBefore(text, clause, clause + at, k);
}
const SENTENCE_BREAK = /[。!！?？\n]/u;

/** Whether a budget's amount is named right before `at` in its clause (periods.budgetNames: `…预算收入预计完成`). */
function budgetNamedBefore(text: string, clause: number, at: number, k: Knowledge): boolean {
  const before = text.slice(Math.max(clause, at - 10), at).trimEnd();
  return (k.periods.budgetNames ?? []).some((w) => before.endsWith(w));
}

function hasClauseBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_BREAK[text.charCodeAt(i)]) return true;
  return false;
}

/** Clause punctuation as a lookup table (tested for every character back to a figure's clause start). */
const CLAUSE_BREAK = new Uint8Array(65536);
for (const c of ',，:：;；') CLAUSE_BREAK[c.charCodeAt(0)] = 1;

interface SentenceWords {
  /** Offsets of estimate words (预计) and valid target words (力争, 目标 …, not 完成目标 or 预期寿命). */
  estimates: number[];
  /** Offsets of estimate words of a comparison base or start (`比1980年预计`): the start value's own modality only. */
  baseEstimates: number[];
  targets: number[];
  /** Those of the target words that name the end of a year (到年底): of a year over before the document's own, a cut-off. */
  cutOffs: number[];
  /** Offsets of target words for periods not over yet (控制在). */
  targetsUnlessPast: number[];
  semicolons: number[];
  /** Offsets of words quoting a plan (报告提出, 原定) and of words stating what came of one (实际, 仍然). */
  quotes: number[];
  outcomes: number[];
  /** Offsets of words stating a plan that quote one only before an outcome word (计划…,实际…), and of a policy's expected effect (将使). */
  contrasts: number[];
  forecasts: number[];
  /** Offsets of words opening a condition contrary to what was done (如果不). */
  counterfactuals: number[];
  /** Offsets of words setting a budget amount (安排, 支出规模). */
  budgets: number[];
  /** Whether the sentence's paragraph opens on an estimate word alone (`初步预计,…`). */
  paragraphEstimate: boolean;
  /** End of the first clause, and of an opening like `主要预期目标是:` (0 when none). */
  firstClauseEnd: number;
  openingEnd: number;
}

/** How far back a sentence's paragraph start is looked for (a text with no line breaks has no paragraphs to read). */
const PARAGRAPH_LOOKBACK = 3000;
const estimateOpeningCache = new WeakMap<Knowledge, RegExp | null>();
/** Whether the paragraph of the sentence at `start` opens on an estimate word as a clause of its own (`初步预计,`, `据初步预计,`). */
function opensOnEstimate(text: string, start: number, k: Knowledge): boolean {
  let re = estimateOpeningCache.get(k);
  if (re === undefined) {
    re = k.words.estimate.length ? new RegExp(`^[\\s　]*(?:据)?(?:初步)?(?:${alternation(k.words.estimate)})[,，]`, 'u') : null;
    estimateOpeningCache.set(k, re);
  }
  if (!re) return false;
  // (the line start looked for within the lookback only: a text of one long line costs no scan to its start per sentence)
  const floor = Math.max(0, start - PARAGRAPH_LOOKBACK);
  let line = start - 1;
  while (line >= floor && text.charCodeAt(line) !== 10) line--;
  if (line < floor && floor > 0) return false;
  return re.test(text.slice(line + 1, line + 12));
}

const sentenceWordCache = new WeakMap<PeriodContext, Map<number, SentenceWords>>();

/** Where a sentence's modality words are, found once per sentence (its figures share them). */
function sentenceWords(text: string, start: number, ctx: PeriodContext, k: Knowledge): SentenceWords {
  let cache = sentenceWordCache.get(ctx);
  if (!cache) {
    cache = new Map();
    sentenceWordCache.set(ctx, cache);
  }
  let words = cache.get(start);
  if (words) return words;
  const end = sentenceEnd(text, start);
  const sentence = text.slice(start, end);
  const pw = periodWordsOf(k);
  const iw = intentWordsOf(k);
  const find = (list: string[], any: RegExp) => {
    const out: number[] = [];
    if (!any.test(sentence)) return out;
    for (const w of list) for (let at = sentence.indexOf(w); at >= 0; at = sentence.indexOf(w, at + w.length)) out.push(at);
    return out;
  };
  const blocked = find(k.words.nonTargets, pw.nonTargets).flatMap((at) => [at, at + 8]);
  const valid = (at: number) => {
    // a target word inside a quoted name (`“两个确保”资金`) is part of the name
    if (insideQuotes(sentence, at)) return false;
    if (blocked.some((b, i) => i % 2 === 0 && at >= b && at < blocked[i + 1]! && k.words.nonTargets.some((n) => sentence.startsWith(n, b) && at < b + n.length))) return false;
    const lead = sentence.slice(Math.max(0, at - 6), at);
    return !k.words.targetNegators.some((n) => lead.endsWith(n) || k.words.targetNegatorObjects.some((o) => lead.includes(n + o)));
  };
  // (`到年底累计建成充电桩5万个` in the review of the year before: the end of a year over is a cut-off, periods.pastCutOffs)
  const targets = find(k.words.target, pw.target).filter(valid);
  const cutOffs = targets.filter((at) => (k.periods.pastCutOffs ?? []).some((w) => sentence.startsWith(w, at)));
  const targetsUnlessPast = find(k.words.targetUnlessPast, pw.targetUnlessPast).filter(valid);
  const opening = sentence.match(pw.opening)?.[0] ?? '';
  // (the first clause: up to the first , ; or :, and the ;-parts' starts, in one pass over the sentence)
  let firstClauseLength = -1;
  const semicolons: number[] = [];
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    if (c === 0x3b || c === 0xff1b) semicolons.push(start + i + 1);
    if (firstClauseLength < 0 && (c === 0x3b || c === 0xff1b || c === 0x2c || c === 0xff0c || c === 0x3a || c === 0xff1a)) firstClauseLength = i;
  }
  if (firstClauseLength < 0) firstClauseLength = sentence.length;
  // (not one inside a comparison base's noun: `比上年预计执行数增长8%`, nor one right after a base year: `比1980年预计增加`)
  const estimates = find(k.words.estimate, pw.estimate).filter(
    (at) => !(k.periods.estimateNouns ?? []).some((n) => k.words.estimate.some((w) => n.includes(w) && sentence.startsWith(n, at - n.indexOf(w)))),
  );
  const ofBase = (at: number) => iw.estimatedBase?.test(sentence.slice(Math.max(0, at - 12), at)) ?? false;
  words = {
    estimates: estimates.filter((at) => !ofBase(at)).map((at) => start + at),
    baseEstimates: estimates.filter(ofBase).map((at) => start + at),
    targets: targets.map((at) => start + at),
    cutOffs: cutOffs.map((at) => start + at),
    targetsUnlessPast: targetsUnlessPast.map((at) => start + at),
    semicolons,
    quotes: iw.planQuotes ? find(k.periods.planQuotes ?? [], iw.planQuotes).map((at) => start + at) : [],
    outcomes: iw.outcomes ? find(k.periods.outcomeWords ?? [], iw.outcomes).map((at) => start + at) : [],
    contrasts: iw.contrasts ? find(k.periods.planContrasts ?? [], iw.contrasts).map((at) => start + at) : [],
    forecasts: iw.forecasts ? find(k.periods.forecastEffects ?? [], iw.forecasts).map((at) => start + at) : [],
    counterfactuals: iw.counterfactuals ? find(k.periods.counterfactuals ?? [], iw.counterfactuals).map((at) => start + at) : [],
    budgets: iw.planAmounts ? find(k.periods.planAmounts ?? [], iw.planAmounts).map((at) => start + at) : [],
    firstClauseEnd: start + firstClauseLength,
    openingEnd: opening ? start + opening.length : start,
    paragraphEstimate: opensOnEstimate(text, start, k),
  };
  cache.set(start, words);
  return words;
}

