/**
 * Metric identity: what a figure is about, resolved from the statement's own wording to an indicator of
 * the core lexicon (rules/core/indicators.yaml) or to a user metric (a rule file's `metrics`), the
 * user metric winning. A subject is read as (neutral words) + (scope words) + name + (change word):
 * `全国城镇调查失业率平均为5.2%` is surveyed-unemployment-rate with scope average, `国内生产总值增长5%`
 * is gdp with change increase, `居民消费价格涨幅3%` is cpi, a change. The name is the longest indicator
 * name ending the subject; whatever stands before it must be neutral or a scope word, else the subject
 * is something else (`新能源发电量` is not `发电量`) and resolves to nothing.
 *
 * Scope words that change the fact (年末 vs 平均, 中央 vs 地方, 规模以上) are part of the identity
 * (`surveyed-unemployment-rate@year-end`); an indicator's default scope (a stock is a year-end figure)
 * is the same fact written out or not. User metrics' names and aliases are parsed the same way, so an
 * alias written from the text (`国内生产总值增长`, `议事协调机构` with `unit: "%"`) catches what a reader
 * expects.
 *
 * Everything a figure needs is compiled once per rule set (WeakMap) into maps keyed by whole strings:
 * resolving a figure is a handful of map look-ups over its label's suffixes.
 *
 * This file ties the parts: resolveFigureMetrics and its steps' order, and what the checks ask of a figure's
 * metric (foldedLabel, indicatorOf, knownMetric, measureOf, isPart, labelScopes). The parts live beside it:
 * subject-normalize.ts (a subject's text as compared), label-folds.ts (folds of labels), lexicon.ts (the
 * lexicon of a rule set), subject.ts (reading a subject, the subject a figure holds), user-metrics.ts (user
 * metrics), clause-marks.ts (clause and sentence marks), figure-scopes.ts (a figure's scopes and base year),
 * subject-objects.ts (subjects written after or around a figure), referring.ts (figures referring to a
 * statement), list-subjects.ts (list items and their shared subjects) and start-end.ts (start and end values,
 * plan outcomes).
 */
import type { Document, Figure } from '../model.js';
import { afterMilestone, anaphorSubject } from './subject-reference.js';
import type { FigureKind } from '../model.js';
import type { RuleSet } from '../rules/types.js';
import { normalizedSubjects, normalizeSubject } from './subject-normalize.js';
import { foldSubject } from './label-folds.js';
import { type Indicator, type Lexicon, lexiconOf } from './lexicon.js';
import { parseWith, subjectMetric, SUBJECT, type Subject, type WithSubject, subjectOf, heldSubject, holdSubject } from './subject.js';
import { userMetricOf } from './user-metrics.js';
import { SENTENCE_END } from './clause-marks.js';
import { figureScopes } from './figure-scopes.js';
import { subjectAfter, objectOf, objectIn, peopleAfter, objectAfter, setObject, programmeBefore } from './subject-objects.js';
import { headBefore, type Referring, referringOf, statementReferredTo, topicOf } from './referring.js';
import { listItemAfter, listLabelled, parallelName, listedAfter } from './list-subjects.js';
import { stretchOf } from './stretch.js';
import { populationSubject } from './subject-population.js';
import { partShare } from './subject-parts.js';
import { pivotLabel } from './pivot.js';
import { startedIn, startsValue, planOutcome, changeToPhrase, endOf, startDatedAsEnd } from './start-end.js';

/** A label as auto-alignment compares it: normalized (no `的`) and folded like a subject (`X占国内生产总值的比重` = `X比重`). */
export function foldedLabel(label: string, rules: RuleSet): string {
  return foldSubject(normalizeSubject(label), lexiconOf(rules).folds);
}

/** The indicator of an id in a rule set's lexicon. */
export function indicatorOf(id: string, rules: RuleSet): Indicator | undefined {
  return lexiconOf(rules).byId.get(id.split('@')[0]!);
}

/** Whether an id names a user metric or a core indicator of the rule set. */
export function knownMetric(id: string, rules: RuleSet): boolean {
  return (rules.metrics ?? []).some((m) => m.id === id) || lexiconOf(rules).byId.has(id.split('@')[0]!);
}

/**
 * The meaning stage's metric step for one document: reads each figure's subject (its label, and the scope
 * words of its clause), makes a change noun's figure a change (`居民消费价格涨幅3%`), and sets
 * `figure.metric` to the user metric it names, else the indicator (with scopes), else null.
 */
export function resolveFigureMetrics(doc: Document, figures: Figure[], rules: RuleSet): void {
  // (what was remembered may be a slice holding the last document's text alive)
  normalizedSubjects.clear();
  const lex = lexiconOf(rules);
  const users = Boolean(rules.metrics?.length);
  const text = doc.normalized;
  let previous: Figure | null = null;
  let previousScopes: string[] = [];
  /** The last few figures with their clause scopes, latest first. */
  const recent: Array<[Figure, string[]]> = [];
  /** The last figure naming an indicator (what a rank after it ranks). */
  let named: Figure | null = null;
  const listed = listLabelled(figures, text, lex);
  const regional = regionalOf(text, lex);
  for (const figure of figures) {
    // `重庆成为中西部地区首个经济总量超过3万亿元的城市`: the subject stands after a milestone's rank
    if (lex.milestoneFrame && figure.label) figure.label = afterMilestone(figure.label, lex.milestoneFrame);
    const scopes = clauseScopesOf(figure, previous, previousScopes, recent, text, lex);
    let subject = statedSubject(figure, previous, scopes, text, lex);
    subject = objectSubject(figure, previous, subject, scopes, text, lex);
    subject = populationSubject(figure, subject, text, lex);
    subject = partShare(figure, subject, text, lex, scopes);
    subject = sentenceSubject(figure, previous, named, subject, scopes, text, lex);
    subject = measuredSubject(figure, previous, subject, scopes, text, lex);
    subject = settleMetric(figure, subject, users, regional, listed, rules, text);
    // `1979年人口自然增长率由上年的1.2%下降到1.17%`: a start value dated as its end value is was dated wrongly, not a
    // second statement of the end's fact: it is not aligned
    if (previous && startDatedAsEnd(previous, figure, text, lex)) holdSubject(previous, { ...heldSubject(previous)!, startOfEnd: true });
    if (subject.indicator && figure.kind !== 'rank') named = figure;
    previous = figure;
    previousScopes = scopes;
    recent.unshift([figure, scopes]);
    if (recent.length > RECENT) recent.pop();
  }
}

/** How many figures back a figure may take its label (and its holder's scopes) from. */
const RECENT = 3;

/** The scope words of a figure's clause: its own steps read them once, whoever else shares the clause. */
function clauseScopesOf(figure: Figure, previous: Figure | null, previousScopes: string[], recent: Array<[Figure, string[]]>, text: string, lex: Lexicon): string[] {
  // the next item of a list (`分别增长8.9%、7.7%`) shares its clause
  let scopes = previous && listItemAfter(previous, figure, text) ? previousScopes : figureScopes(figure, previous, text, lex);
  // `年末城镇调查失业率从上半年5.5%降到5.3%`: an end value is of the scopes its start value's clause names
  if (previous && lex.toEnd && previous.span.end <= figure.span.start && previous.unit === figure.unit && lex.toEnd.test(text.slice(previous.span.end, figure.span.start)) && startedIn(previous, text, lex)) scopes = [...new Set([...previousScopes, ...scopes])];
  // `市级…收入预算90.1亿元，执行中调整为90.3亿元`: a figure taking the label of the one before in its sentence is of its holder
  // (across a bracketed part between them, `90.1亿元（含高新区0.9亿元），执行中调整为90.3亿元`)
  const carried = lex.holderScopes.size ? recent.find(([before]) => carriesLabel(before, figure, text)) : undefined;
  const held = carried ? carried[1].filter((s) => lex.holderScopes.has(s) && !scopes.includes(s)) : [];
  if (held.length) scopes = [...scopes, ...held];
  return scopes;
}

/** Whether `figure` took its label from `previous` in one sentence: the same label, not written again between them. */
function carriesLabel(previous: Figure, figure: Figure, text: string): boolean {
  if (!figure.label || figure.label !== previous.label || previous.span.end > figure.span.start) return false;
  const between = text.slice(previous.span.end, figure.span.start);
  return !SENTENCE_END.test(between) && !between.includes(figure.label);
}

/** The subject the figure's own words state, or the statement it ends or restates, or the subject written after it. */
function statedSubject(figure: Figure, previous: Figure | null, scopes: string[], text: string, lex: Lexicon): Subject {
  let subject = parseWith(figure.label ?? '', lex, scopes);
  // `从2009年的2.8%降到去年的1.5%左右`: an end value is of what its start value is of
  if (!subject.indicator && previous && lex.toEnd && previous.span.end <= figure.span.start && previous.unit === figure.unit) {
    const start = heldSubject(previous);
    if (start?.indicator && lex.toEnd.test(text.slice(previous.span.end, figure.span.start)) && startsValue(previous, text, lex)) subject = { ...start, change: subject.change, changeNoun: subject.changeNoun };
  }
  // `实际使用外资175亿美元左右、约合1243亿元人民币`: a restatement in another measure is of the figure before's subject
  if (previous && restates(previous, figure, text, lex)) {
    figure.label = previous.label;
    subject = heldSubject(previous) ?? subject;
  }
  // `提出8%左右的国内生产总值增长目标`: the subject written after the figure
  if (!subject.indicator) subject = subjectAfter(figure, text, lex, scopes) ?? subject;
  return subject;
}

/** A verb's or a plan's subject when the label names none: the object the verb takes, the plan sized, the programme covered. */
function objectSubject(figure: Figure, previous: Figure | null, subject: Subject, scopes: string[], text: string, lex: Lexicon): Subject {
  // `加大保障性安居工程建设力度，今年新开工700万套`: an action without its object takes the one named before it
  if (!subject.indicator && lex.bareActions.has(normalizeSubject(figure.label ?? ''))) {
    const floor = previous && previous.span.end <= figure.span.start ? previous.span.end : 0;
    const action = normalizeSubject(figure.label ?? '');
    // (the sentence before the figure's clause, or the statement just before in its sentence: `…基本建成470万套、新开工630万套`)
    const before = previous && previous.span.end <= figure.span.start && !SENTENCE_END.test(text.slice(previous.span.end, figure.span.start)) ? normalizeSubject(previous.label ?? '') : '';
    const name = objectOf(action, text, floor, figure.span.start, lex) ?? (before ? objectIn(action, before, lex) : null);
    if (name) subject = { ...parseWith(name, lex, scopes), change: subject.change, changeNoun: subject.changeNoun };
  }
  // `再解决6000万人安全饮水问题`, `国务院各部门取消和下放246项行政审批事项`: a verb whose object follows the figure
  if (!subject.indicator) {
    const after = objectAfter(figure, text, lex, scopes);
    if (after) subject = { ...after, change: subject.change ?? after.change, changeNoun: subject.changeNoun || after.changeNoun };
  }
  // `实施总额4万亿元的两年投资计划`, `实施两年新增4万亿元的投资计划`: the size of a plan is the plan's, whatever verbs
  // stand before it (its years are its period: periods.yaml programme words)
  if (!subject.indicator && lex.planSizeAfter) {
    const after = text.slice(figure.span.end, figure.span.end + 14);
    const plan = lex.planSizeAfter.exec(after);
    if (plan) {
      const name = normalizeSubject(plan[0].slice(plan[0].indexOf('的') + 1)).replace(/^[两二三四五六七八九十\d]+年/u, '');
      if (name.length >= 3) {
        figure.label = name;
        subject = parseWith(name, lex, scopes);
      }
    }
  }
  // `把增长预期目标定在7.5%左右`: a verb of setting takes the object 把 put before it
  if (!subject.indicator && lex.setVerbs.has(normalizeSubject(figure.label ?? ''))) {
    const set = setObject(figure, text, previous && previous.span.end <= figure.span.start ? previous.span.end : 0, lex, scopes);
    if (set) subject = set;
  }
  // `开展新型农村社会养老保险试点，…，覆盖面扩大到60%以上`: a bare coverage word covers the programme of its sentence
  if (!subject.indicator && lex.folds.coverageWord && foldSubject(normalizeSubject(figure.label ?? ''), lex.folds) === lex.folds.coverageWord) {
    const name = programmeBefore(lex.folds.coverageWord, text, figure.span.start, lex);
    if (name) subject = { ...parseWith(name, lex, scopes), change: subject.change, changeNoun: subject.changeNoun };
  }
  // `计划建成投产大中型项目118个，实际建成128个`: the outcome set against the plan before it is of the plan's subject
  if (!subject.indicator && previous && planOutcome(previous, figure, text, lex)) {
    figure.label = previous.label;
    subject = heldSubject(previous) ?? subject;
  }
  return subject;
}

/**
 * A subject the figure's sentence gives when its own words name nothing: the sentence's topic, an anaphor's
 * antecedent, the metric a rank ranks, a name's head said before, the statement a referring figure refers to.
 */
function sentenceSubject(figure: Figure, previous: Figure | null, named: Figure | null, subject: Subject, scopes: string[], text: string, lex: Lexicon): Subject {
  // (a figure with no subject at all after a statement, `一九八一年计划为3.7%，实际达到4.6%；一九八二年计划为4%`, refers
  // to it as a subject of function words does, across the clauses of one sentence)
  const referring: Referring | null = subject.indicator ? null : (referringOf(figure, text, lex) ?? (!normalizeSubject(figure.label ?? '') && previous ? { change: null, noun: false, bare: true } : null));
  // a one-character label (名, 使, 有) is what label cleaning left of a clause: it names nothing itself
  // and so is a verb of change with its `到` (`增加到`, `提高到`): the subject stands before it (`全国高等学校由…增加到…`)
  const verbOnly = !subject.indicator && changeToPhrase(normalizeSubject(figure.label ?? ''), lex);
  const junk = normalizeSubject(figure.label ?? '').length === 1 || verbOnly;
  // `确保物价上涨幅度比去年有明显回落，力争控制在百分之十五左右`: a figure with no subject of its own in a
  // sentence whose earlier clause names an indicator (and no figure between) is that indicator's
  if ((!figure.label || referring || junk) && !subject.indicator) {
    const topic = topicOf(text, previous && previous.span.end <= figure.span.start ? previous.span.end : 0, figure.span.start, lex);
    if (topic) {
      subject = parseWith(topic, lex, scopes);
      if (referring?.change && !subject.change) subject = { ...subject, change: referring.change, changeNoun: true };
      // (its label was only the verb: the subject's words are what it is aligned by)
      if (verbOnly) figure.label = topic;
    }
    // (the end value of a start value is of the start's subject, `由675所增加到729所`; with no subject found, a verb
    // names no fact of its own: never aligned by its words)
    if (!topic && verbOnly && previous?.label && endOf(previous, figure, text, lex)) {
      figure.label = previous.label;
      subject = { ...(heldSubject(previous) ?? parseWith(previous.label, lex, scopes)), change: subject.change, changeNoun: subject.changeNoun };
    } else if (!topic && verbOnly) subject = { ...subject, core: '' };
  }
  // `…保持一定规模的固定资产投资。第六个五年计划在这方面安排了三千六百亿元的投资`: an anaphor's subject is the sentence before's
  if (!subject.indicator && lex.anaphors.length) {
    const name = anaphorSubject(normalizeSubject(figure.label ?? ''), text, figure.span.start, lex.anaphors, lex, normalizeSubject);
    // (pointing back to nothing the lexicon names, it names nothing of its own either: never aligned by its words)
    if (name) subject = parseWith(name, lex, scopes);
    else if (name === '') subject = { ...subject, core: '' };
  }
  // `进出口总额…增加到6208亿美元，世界排名由第十位上升到第五位`: a rank with no subject of its own ranks the metric
  // stated before it in its sentence
  // (not a start rank with no year of its own, `从世界第六位上升到第三位`: when it held is not said)
  // (of the same period, and a level's: a rank after a growth rate may rank the growth or the level)
  if (figure.kind === 'rank' && !subject.indicator && (!figure.label || junk) && previous && named === previous && previous.kind !== 'change' && previous.period === figure.period && previous.span.end <= figure.span.start && !SENTENCE_END.test(text.slice(previous.span.end, figure.span.start)) && !startsValue(figure, text, lex)) {
    subject = { ...heldSubject(previous)!, change: null, changeNoun: false };
  }
  // `城乡居民储蓄大幅度增加，存款余额达到46280亿元`: the end of a name whose head the sentence named before
  if (!subject.indicator && subject.core && !referring) {
    const name = headBefore(subject.core, text, figure.span.start, lex) ?? (previous ? parallelName(normalizeSubject(figure.label ?? ''), previous, figure, text, lex) ?? listedAfter(subject.core, previous, figure, text, lex) : null);
    if (name) subject = { ...parseWith(name, lex, scopes), change: subject.change, changeNoun: subject.changeNoun };
  }
  // `增长7.8%，虽然略低于8%的预定目标`, `涨幅仍然高达21.7%`: a subject naming nothing is the indicator just stated
  if (referring && !subject.indicator && previous) subject = statementReferredTo(previous, figure, referring, scopes, text) ?? subject;
  return subject;
}

/**
 * What the figure measures of its subject: a target's change word, the unit a count counts in, a pivot's act, a
 * stretch value's change, a measure noun ending the label.
 */
function measuredSubject(figure: Figure, previous: Figure | null, subject: Subject, scopes: string[], text: string, lex: Lexicon): Subject {
  subject = targetChange(figure, subject, text, lex);
  // `农村饮水安全工程使6069万农民受益`: a bare number before a people noun counts people, as its indicator does (the
  // figure's own unit stays what its text says: the count is what alignment measures it in); so does a bare number of
  // an indicator counting people, `把我国人口控制在十二亿以内` (`十亿人口`), `城镇新增就业1100万` (`1100万人`)
  if (figure.unit === null && figure.kind === 'level' && subject.indicator?.unit === '人' && (subject.indicator.kind === 'count' || peopleAfter(figure, text, lex))) subject = { ...subject, counts: '人' };
  // `20项民生实事`: a count in a measure word of one kind with another is counted in that one (`20件民生实事`)
  const synonym = figure.unit !== null && figure.kind === 'count' ? lex.measureSynonyms.get(figure.unit) : undefined;
  if (synonym && !subject.counts) subject = { ...subject, counts: synonym };
  // `支持不低于4万人创业`: a verb, the people it counts, and their act: the act completes the label
  if (!subject.indicator) {
    const pivot = pivotLabel(figure, text, lex);
    if (pivot) {
      figure.label = pivot;
      subject = { ...parseWith(pivot, lex, scopes), change: subject.change, changeNoun: subject.changeNoun };
    }
  }
  // `地区生产总值增长7%以上、力争达到8%`: the stretch value is the same change of the same subject
  if (previous && stretchOf(previous, figure, text, lex)) {
    subject = heldSubject(previous) ?? subject;
    figure.kind = 'change';
    figure.change = previous.change;
  }
  // `医疗旅游人次86.5万`: a bare number after a subject ending in a measure noun counts in that measure, and what is
  // counted is the rest of the subject (aligned with `接待医疗旅游50万人次`)
  if (figure.unit === null && figure.kind === 'level' && !subject.indicator && figure.label) {
    const measured = measureNounOf(figure.label, lex);
    if (measured) {
      figure.label = measured.rest;
      subject = { ...parseWith(measured.rest, lex, scopes), change: subject.change, changeNoun: subject.changeNoun, counts: measured.unit };
    }
  }
  return subject;
}

/** A target stated as a share whose subject's change word stands before the target words: the figure is that change. */
function targetChange(figure: Figure, subject: Subject, text: string, lex: Lexicon): Subject {
  // `经济增长预期目标为8%左右`: a change word right after the subject, target words between it and the figure
  if (subject.indicator && subject.change === null && figure.kind === 'share' && figure.unit === '%' && figure.label) {
    // (within the 40 characters before the figure: a label that is not in the text must not cost a scan of it)
    const window = Math.max(0, figure.span.start - 40);
    const near = text.slice(window, figure.span.start);
    const at = near.lastIndexOf(figure.label);
    if (at >= 0) {
      const between = near.slice(at + figure.label.length);
      const word = lex.changeWords.find(([w]) => between.startsWith(w));
      if (word && !/[\d，,；;。：:]/u.test(between) && lex.targetWords.some((w) => between.includes(w))) {
        subject = { ...subject, change: word[1] };
        figure.kind = 'change';
        figure.change = word[1];
      }
    }
  }
  return subject;
}

/**
 * Holds the figure's subject and sets its metric: a change noun's percentage is a change, a percentage of an amount
 * a part, a user metric first, a region's indicator in a regional report, a shared list label nothing alone.
 */
function settleMetric(figure: Figure, subject: Subject, users: boolean, regional: Map<Indicator, Indicator>, listed: Set<Figure>, rules: RuleSet, text: string): Subject {
  (figure as WithSubject)[SUBJECT] = subject;
  if (subject.changeNoun && subject.change && figure.kind !== 'change' && (figure.unit === '%' || figure.unit === '个百分点')) {
    figure.kind = 'change';
    figure.change = subject.change;
  }
  // `国家财政收入的60%以上来自…`, `占国内生产总值的4%`: a percentage *of* an amount is a part of it, not the amount
  if (subject.indicator && figure.kind === 'share' && figure.unit === '%' && subject.indicator.unit !== '%' && subject.indicator.kind === 'level' && /的\s*$/u.test(text.slice(Math.max(0, figure.span.start - 4), figure.span.start))) {
    subject = { ...subject, indicator: null, core: normalizeSubject(figure.label ?? ''), part: true };
    (figure as WithSubject)[SUBJECT] = subject;
  }
  // (a user metric naming the indicator as written catches it first)
  const user = users ? userMetricOf(figure, subject, rules)?.id : undefined;
  // `经济增长6%左右` in a provincial report: the region's economy
  if (!user && subject.indicator && regional.has(subject.indicator) && !normalizeSubject(figure.label ?? '').includes(subject.indicator.name)) {
    const to = regional.get(subject.indicator)!;
    subject = { ...subject, indicator: to, core: to.id };
    (figure as WithSubject)[SUBJECT] = subject;
  }
  // `A、B、C产量达到X、Y、Z` left unpaired: a label listing several subjects, shared by a list of figures, names none
  // of them alone: no fact of its own to align on
  if (!subject.indicator && listed.has(figure)) {
    subject = { ...subject, part: true };
    (figure as WithSubject)[SUBJECT] = subject;
  }
  figure.metric = user ?? (users ? userMetricOf(figure, subject, rules)?.id : undefined) ?? subjectMetric(subject);
  return subject;
}

/**
 * The indicators whose statements are of a region in this document (indicator `regional`): the document names
 * the regional indicator and never the national one (`地区生产总值` but no `国内生产总值`: a provincial report).
 */
/**
 * Whether `figure` restates `previous` in another measure (indicatorWords `restatements`): it follows `previous` in its
 * sentence with nothing between but a mark and a restating word (`约合`, `折合`, the currency it is given in after it:
 * `折合人民币`). Another currency is another unit (never compared); another measure of one unit (`1300万吨、合260亿斤`)
 * is compared, as the same amount it is.
 */
function restates(previous: Figure, figure: Figure, text: string, lex: Lexicon): boolean {
  if (!lex.restatements.size || !previous.label || previous.span.end > figure.span.start) return false;
  const between = text.slice(previous.span.end, figure.span.start);
  if (between.length > 8 || SENTENCE_END.test(between)) return false;
  const word = between.replace(/^[、，,\s]+/u, '').replace(/(?:人民币|美元)$/u, '');
  return lex.restatements.has(word);
}

function regionalOf(text: string, lex: Lexicon): Map<Indicator, Indicator> {
  const map = new Map<Indicator, Indicator>();
  for (const indicator of lex.byId.values()) {
    const to = indicator.regional ? lex.byId.get(indicator.regional) : undefined;
    if (to && text.includes(to.name) && !text.includes(indicator.name)) map.set(indicator, to);
  }
  return map;
}

/** A subject ending in a measure noun (indicators.yaml measureNouns) with something before it: the rest and the unit. */
function measureNounOf(label: string, lex: Lexicon): { rest: string; unit: string } | null {
  const found = lex.measureNouns.find(([noun]) => label.length > noun.length + 1 && label.endsWith(noun));
  return found ? { rest: label.slice(0, label.length - found[0].length), unit: found[1] } : null;
}

/**
 * The unit and kind a figure is measured in for alignment: its own, or for a bare number before the people it counts
 * (`6069万农民`) a count of people, or for a count in a measure word of one kind with another (`20项`) a count in that one.
 */
export function measureOf(figure: Figure): { unit: string | null; kind: FigureKind } {
  const counts = heldSubject(figure)?.counts;
  return counts ? { unit: counts, kind: 'count' } : { unit: figure.unit, kind: figure.kind };
}

/** Whether the meaning stage read a figure as a part of what its subject names (`国家财政收入的60%`). */
export function isPart(figure: Figure): boolean {
  return heldSubject(figure)?.part === true;
}

/** The scopes of a figure without an indicator, for auto-alignment by label (`年末` vs `平均` stay apart). */
export function labelScopes(figure: Figure, rules: RuleSet): string[] {
  return subjectOf(figure, rules).scopes;
}
