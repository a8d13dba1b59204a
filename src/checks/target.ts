/**
 * `target-missed`: a target (`预期目标`, `力争` …) and an actual of the same metric and period that do
 * not meet, direction-aware (SEMANTICS.md). Met and indeterminate outcomes go to context.targets only.
 */
import type { Document, Figure, Finding, Interval, Severity } from '../model.js';
import type { CheckRule, ConsistencySettings, MetricRule } from '../rules/types.js';
import { indicatorOf } from '../meaning/metric.js';
import { t } from '../i18n.js';
import { ambiguousLabel, sameSentence, type MetricGroup } from './align.js';
import { metricGroupsOnce } from './groups-once.js';
import { outcomesOf } from './consistency-estimates.js';
import { comparable, comparedTarget, consistent, describeReading, formatInterval, plainWidth, precision, targetOutcome, type Direction } from './compare.js';
import { locationOf, readingsOf, restatements, type Reading } from './consistency.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';
import { recordPair, recordWordingPair } from '../coverage/compared.js';
import { wordingTargetPairs, type WordingPair } from './wording.js';
import { comparableIndex } from './comparable-index.js';
import { negated, oppositeChanges } from './opposite-changes.js';

export { negated };
import { knowledgeOf } from '../extract/knowledge.js';
import type { RuleSet } from '../rules/types.js';

export const TARGET_MISSED = 'target-missed';

/**
 * The direction of a target: the metric rule's, else the core indicator's (gdp is a floor, cpi a ceiling),
 * else the target's own shape (`以上` is a floor, `以内` a ceiling; not for a target compared with, `低于8%的
 * 预定目标`), else the lower-is-better word list (CPI, unemployment), else higher-is-better.
 */
export function directionOf(
  target: Figure,
  metric: MetricRule | undefined,
  lowerIsBetter: string[],
  indicator?: Direction,
  compared = false,
): Direction | undefined {
  // A decrease (`单位国内生产总值能耗降低2.5%左右`) states how much lower the metric is to go: for a metric
  // where lower is better, the bigger the decrease the better.
  const ofMetric = (direction: Direction): Direction =>
    direction === 'lower-is-better' && target.change === 'decrease' ? 'higher-is-better' : direction;
  if (metric?.direction) return ofMetric(metric.direction);
  if (indicator && (compared || !target.qualifier)) return ofMetric(indicator);
  const i = compared ? null : target.interval;
  if (i && i.lo !== null && i.hi === null) return 'higher-is-better';
  if (i && i.hi !== null && (i.lo === null || i.lo === 0) && target.qualifier) return 'lower-is-better';
  if (lowerIsBetter.some((word) => word && target.label.includes(word))) return ofMetric('lower-is-better');
  return 'higher-is-better';
}

/** A closed interval of one point. */
function point(value: number): Interval {
  return { lo: value, loClosed: true, hi: value, hiClosed: true };
}

/**
 * The intervals a target and its actual are judged by: their own, except that a plain target is a value
 * set (setting `consistency.plainTargetIsSetValue`): its point, and a plain actual's stated value against it.
 */
export function judgedIntervals(target: Figure, actual: Figure, settings: ConsistencySettings, quoted = false): [Interval, Interval] {
  if (!settings.plainTargetIsSetValue || (plainWidth(target) === null && !quoted) || target.value === null) return [aboutRate(target, settings) ?? target.interval!, actual.interval!];
  const stated = plainWidth(actual) !== null && actual.value !== null ? point(actual.value) : actual.interval!;
  return [point(target.value), stated];
}

/**
 * A target said about a rate whose last digit is a zero (`固定资产投资增长10%左右` beside `8%左右`, `12%左右`): the
 * zero is a written digit, the rate set in whole percents, so it is judged at `aboutRateWidth` percentage points
 * ([9.5, 10.5]), not at the tens its trailing zero would give a count ([5, 15], which 7.2% would meet). Null when the
 * setting is off or the target is no such rate.
 */
function aboutRate(target: Figure, settings: ConsistencySettings): Interval | null {
  const width = settings.aboutRateWidth;
  const i = target.interval;
  if (!width || target.unit !== '%' || target.kind === 'level' || !target.qualifier || target.value === null || !i || i.lo === null || i.hi === null) return null;
  // (an about-interval only: symmetric around the value, both ends closed, wider than the setting)
  const half = (i.hi - i.lo) / 2;
  if (!i.loClosed || !i.hiClosed || Math.abs(i.lo + half - target.value) > 1e-9 * Math.max(1, Math.abs(target.value)) || half <= width / 2) return null;
  return { lo: target.value - width / 2, hi: target.value + width / 2, loClosed: true, hiClosed: true };
}

/**
 * The outcome of a target against an actual, judged by their judged intervals (judgedIntervals) with the ends that
 * rounding leaves out (setting `consistency.roundHalfAwayFromZero`): under 四舍五入 a value at the end of a rounding
 * interval farther from zero rounds to the next figure, so a plain `4%` is [3.5, 4.5) and `5%左右` is [4.5, 5.5): the
 * two share no point, and 4% misses 5%左右 as 7.4% misses 7.5%左右; an end set by a word (`以上`, `以内`) stays closed.
 */
export function judgeOutcome(target: Figure, actual: Figure, settings: ConsistencySettings, rules: RuleSet, compared: boolean, direction: Direction | undefined, flipped = false): TargetOutcomeKind {
  let [goal, stated] = judgedIntervals(target, actual, settings, compared);
  if (settings.roundHalfAwayFromZero) {
    // (a point, the value a plain target sets or a plain actual states against it, has no end to leave out)
    if (plainWidth(actual) !== null) stated = openRoundedEnd(stated);
    if (aboutForm(target, rules)) goal = openRoundedEnd(goal);
  }
  return targetOutcome(goal, flipped ? negated(stated) : stated, direction);
}

type TargetOutcomeKind = ReturnType<typeof targetOutcome>;

/** Whether a figure's qualifier says it about (`左右`, `约`): its interval is the rounding interval of its roundness. */
function aboutForm(figure: Figure, rules: RuleSet): boolean {
  if (!figure.qualifier) return false;
  const k = knowledgeOf(rules);
  return [...k.before, ...k.after].some((q) => q.word === figure.qualifier && q.form === 'about');
}

/** A rounding interval without its end farther from zero (an interval across zero, or of one point, as it is). */
function openRoundedEnd(i: Interval): Interval {
  if (i.lo === null || i.hi === null || !(i.lo < i.hi)) return i;
  if (i.lo >= 0) return { ...i, hiClosed: false };
  if (i.hi <= 0) return { ...i, loClosed: false };
  return i;
}

const CLAUSE_END = /[。!！?？;；\n]/u;

/** Whether the sentence holding a target and an actual names the target as one (alignment.targetNamingWords). */
function namesTarget(document: Document, target: Figure, actual: Figure, words: string[]): boolean {
  const text = document.normalized;
  let start = Math.min(target.span.start, actual.span.start);
  while (start > 0 && !CLAUSE_END.test(text[start - 1]!)) start--;
  let end = Math.max(target.span.end, actual.span.end);
  while (end < text.length && !CLAUSE_END.test(text[end]!)) end++;
  const sentence = text.slice(start, end);
  return words.some((w) => sentence.includes(w));
}

const STATUS_RANK: Record<string, number> = { final: 0, preliminary: 1, draft: 2 };

/** Actuals in the order a target is judged by them: final documents before preliminary ones, actuals before estimates, most precise. */
function byReference(actuals: Figure[], documents: ReadonlyMap<string, Document>): Figure[] {
  const rank = (f: Figure) => STATUS_RANK[documents.get(f.document)?.status ?? 'final'] ?? 0;
  return [...actuals].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.modality === 'estimate' ? 1 : 0) - (b.modality === 'estimate' ? 1 : 0) ||
      precision(a) - precision(b),
  );
}

/**
 * Per document, the statements of an indicator's outcome that agree with the first one (figures come in
 * text order): a report states the year's outcome in its review before any figure that restates it in
 * another scope or as a base of comparison (`比上年…`), so the first is the one a target is judged by.
 */
function headlineActuals(actuals: Figure[], context: CheckContext): Figure[] {
  const first = new Map<string, Figure>();
  const settings = context.rules.consistency;
  return actuals.filter((f) => {
    const headline = first.get(f.document);
    if (!headline) {
      first.set(f.document, f);
      return true;
    }
    return f.unit === headline.unit && consistent(f, headline, settings);
  });
}

/** The `target-missed` finding of a target reading and the actual reading it is judged by. */
function missedFinding(
  context: CheckContext,
  group: MetricGroup,
  reading: Reading,
  actualReading: Reading,
  direction: Direction | undefined,
  compared: boolean,
  severity: Severity,
): Finding {
  const { locale } = context;
  const documents = context.documentById;
  const settings = context.rules.consistency ?? {};
  const target = reading.figures[0]!;
  const actual = actualReading.figures[0]!;
  const directionText = direction === 'lower-is-better' ? t(locale, { en: 'a ceiling', zh: '上限' }) : t(locale, { en: 'a floor', zh: '下限' });
  let message = t(locale, {
    en: `${group.name} (${group.period}): target ${describeReading(target, documents.get(target.document), locale)} missed (${directionText}): actual ${describeReading(actual, documents.get(actual.document), locale)}`,
    zh: `${group.name}（${group.period}）：目标 ${describeReading(target, documents.get(target.document), locale)} 未完成（目标为${directionText}），实际 ${describeReading(actual, documents.get(actual.document), locale)}`,
  });
  const plain = settings.plainTargetIsSetValue && (plainWidth(target) !== null || compared);
  if (plain)
    message += t(locale, { en: ' (a plain target read as the value set: consistency.plainTargetIsSetValue)', zh: '（不带限定词的目标按所定数值本身判断：consistency.plainTargetIsSetValue）' });
  // (the interval the target was judged by, when it is not the one its reading shows: `10%左右 = [5%, 15%]` judged at [9.5%, 10.5%])
  const [interval] = judgedIntervals(target, actual, settings, compared);
  const shown = target.interval;
  if (!plain && shown && (interval.lo !== shown.lo || interval.hi !== shown.hi)) {
    const judged = formatInterval(interval, target.unit);
    message += t(locale, {
      en: ` (judged at ${judged}: a rate said about is set in whole percentage points, consistency.aboutRateWidth)`,
      zh: `（按 ${judged} 判断：约数形式的增长率目标按整数个百分点设定，consistency.aboutRateWidth）`,
    });
  }
  if (group.auto) message += t(locale, { en: ' (aligned automatically)', zh: '（自动对齐）' });
  return {
    fingerprint: fingerprint(TARGET_MISSED, group.metric, [
      { document: reading.document, text: reading.text },
      { document: actualReading.document, text: actualReading.text },
    ]),
    rule: TARGET_MISSED,
    severity,
    message,
    metric: group.metric,
    locations: [...reading.figures, ...actualReading.figures].map(locationOf),
  };
}

export const targetCheck: CheckModule = {
  type: 'target',
  ruleIds: [TARGET_MISSED],
  defaultSeverity: 'info',
  description: 'A target and the actual of the same metric and period that do not meet (direction-aware).',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const documents = context.documentById;
    const lowerIsBetter = context.rules.alignment?.lowerIsBetter ?? [];
    const settings = context.rules.consistency ?? {};
    const naming = [...(context.rules.alignment?.targetNamingWords ?? []), ...(context.rules.alignment?.planOutcomeWords ?? [])];
    const auto = rule.auto !== false && (rule.metrics === undefined || rule.metrics === '*');
    const findings: Finding[] = [];
    const severity: Severity = rule.severity ?? targetCheck.defaultSeverity;
    // Figures the identity pass paired, or found too ambiguous to pair: left out of the pairing by wording.
    const settled = new Set<Figure>();
    const groups = [...metricGroupsOnce(context, rule, { auto })];
    const oppositeOf = oppositeChanges(groups);
    for (const group of groups) {
      const targets = group.figures.filter((f) => f.modality === 'target');
      let actuals = outcomesOf(group.figures, context);
      // `居民消费价格涨幅3%左右` met by `居民消费价格下降0.3%`: with no outcome stated as the target's change, an
      // indicator's outcome stated as the opposite change judges it, as a negative change
      const flipped = !actuals.length && targets.length > 0 && oppositeOf.has(group);
      if (flipped) actuals = outcomesOf(oppositeOf.get(group)!.figures, context);
      if (!targets.length || !actuals.length) continue;
      if (group.auto && ambiguousLabel(actuals, documents, context.rules)) {
        // A bare label stated with two values in one document names two things: no outcome to judge by. An
        // indicator (its scope words kept apart) is the year's outcome as the document first states it.
        if (!actuals.every((f) => f.metric)) {
          for (const figure of group.figures) settled.add(figure);
          continue;
        }
        actuals = headlineActuals(actuals, context);
      }
      // Every statement of the outcome judges the target (a report's review and the communiqué both state it);
      // the finding comes from the reference one: final before preliminary, actual before estimate, most precise.
      const actualReadings = readingsOf(byReference(actuals, documents), documents);
      // (each target meets only the actuals it is comparable with, found by unit: not every actual of the group)
      const comparableTo = comparableIndex(actualReadings);
      const actualsStated = new Map<Reading, Figure[]>();
      for (const reading of readingsOf(targets, documents)) {
        const target = reading.figures[0]!;
        const compared = comparedTarget(target, documents.get(target.document), context.rules);
        const indicator = target.metric ? indicatorOf(target.metric, context.rules)?.direction : undefined;
        const direction = directionOf(target, group.rule, lowerIsBetter, indicator, compared);
        let judged = false;
        const targetsStated = restatements(reading, documents);
        for (const actualReading of comparableTo(target)) {
          const actual = actualReading.figures[0]!;
          if (!comparable(target, actual)) continue;
          // (one sentence may state a target and its outcome when it names the target: `增长7.8%，略低于8%的预定目标`)
          if (sameSentence(documents.get(target.document), target, actual) && !namesTarget(documents.get(target.document)!, target, actual, naming)) continue;
          const outcome = judgeOutcome(target, actual, settings, context.rules, compared, direction, flipped);
          // (each statement of the outcome in its document: the review's and the plan part's restatement; and each
          // statement of the target: the list's and its explanation's, `提出8%左右的…增长目标`, one text, one outcome)
          let statedActuals = actualsStated.get(actualReading);
          if (!statedActuals) actualsStated.set(actualReading, (statedActuals = restatements(actualReading, documents)));
          for (const stated of statedActuals) {
            for (const set of targetsStated) context.targets.push({ metric: group.metric, name: group.name, target: set, actual: stated, outcome });
          }
          recordPair(context.compared, reading.figures, actualReading.figures);
          for (const figure of [...reading.figures, ...actualReading.figures]) settled.add(figure);
          if (judged) continue;
          judged = true;
          if (outcome !== 'missed') continue;
          findings.push(missedFinding(context, group, reading, actualReading, direction, compared, severity));
        }
      }
    }
    // Targets no identity paired, against outcomes worded apart (wording.ts): only when alignment is automatic.
    if (auto) for (const pair of wordingTargetPairs(context, settled)) judgeWordingPair(context, pair, severity, findings);
    return findings;
  },
};

/**
 * Judges a target and the outcome paired with it by wording (wording.ts) as an identity pair is judged; its
 * finding says how the two were paired and is a warning at most: the pairing is a guess a metric rule confirms.
 */
function judgeWordingPair(context: CheckContext, pair: WordingPair, severity: Severity, findings: Finding[]): void {
  const documents = context.documentById;
  const settings = context.rules.consistency ?? {};
  const lowerIsBetter = context.rules.alignment?.lowerIsBetter ?? [];
  const { a: target, b: actual } = pair;
  if (!comparable(target, actual)) return;
  const compared = comparedTarget(target, documents.get(target.document), context.rules);
  const indicator = target.metric ? indicatorOf(target.metric, context.rules)?.direction : undefined;
  const direction = directionOf(target, undefined, lowerIsBetter, indicator, compared);
  const outcome = judgeOutcome(target, actual, settings, context.rules, compared, direction);
  context.targets.push({ metric: pair.metric, name: pair.name, target, actual, outcome });
  recordWordingPair(context.compared, [target], [actual]);
  if (outcome !== 'missed') return;
  const group: MetricGroup = { metric: pair.metric, name: pair.name, auto: false, period: target.period!, figures: [target, actual] };
  const [reading] = readingsOf([target], documents);
  const [actualReading] = readingsOf([actual], documents);
  const finding = missedFinding(context, group, reading!, actualReading!, direction, compared, severity === 'error' ? 'warning' : severity);
  finding.message += pair.basis === 'restatement'
    ? t(context.locale, { en: ' (paired as a restatement of the target\'s label: add a metric rule to confirm)', zh: '（按同一事项的不同说法配对：可写入规则文件确认）' })
    : t(context.locale, {
        en: ` (paired by wording, similarity ${pair.similarity.toFixed(2)}: add a metric rule to confirm)`,
        zh: `（按措辞配对，相似度 ${pair.similarity.toFixed(2)}：可写入规则文件确认）`,
      });
  findings.push(finding);
}
