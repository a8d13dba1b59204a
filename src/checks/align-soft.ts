/**
 * The soft match: a target and the one outcome of its period that restate one thing in other words (a verb of doing,
 * a tier, a category noun or a list abbreviated: align-soft-labels.ts), for the targets the identity key (align.ts)
 * left without an outcome. A plan sets `改建3000张认知障碍照护床位`, its review reports `新增认知障碍照护床位3326张`; a plan
 * `实施1000个重点产业项目`, its review `1000个省级重点产业项目`.
 *
 * Precision first: the two share period, unit, kind, change and jurisdiction (the bucket), the scopes that make another
 * fact (year-end vs average, central vs local, cumulative…), and no two indicators; the match must be unique both ways
 * (no other outcome of the bucket says the same thing with another value, no other target says it with another value),
 * with a margin (no outcome of the bucket names a part or a whole of it: `重点项目` beside `省级重点项目`), and a tier or
 * a modifier counts only where the documents of the place make it count (RunNames): `省级X` and `X` are two things when
 * they name X with two tiers, or one document names it with a tier and without for one period (a part and its whole);
 * else a plan's `X` is its review's `省级X`. No modifier is read away from a growth rate.
 */
import type { Figure } from '../model.js';
import type { CheckContext } from './types.js';
import { autoLabel } from './align.js';
import { consistent } from './compare.js';
import { documentDate, periodOverBy } from './document-date.js';
import { jurisdictionKey } from './jurisdiction.js';
import { sameSentence } from './align.js';
import { pairable } from './wording-statements.js';
import { foldedLabel, indicatorOf, measureOf } from '../meaning/metric.js';
import { isStartOfEnd } from '../meaning/start-end.js';
import { subjectOf } from '../meaning/subject.js';
import { restatedLabel, restatementKnowledge, sameAct, sameCore, verbClosing, type RestatedLabel, type RestatementKnowledge } from './align-soft-labels.js';
import type { WordingPair } from './wording.js';

/** A figure as the soft match reads it. */
interface Soft {
  figure: Figure;
  label: string;
  restated: RestatedLabel;
  /** Period, measure and jurisdiction, and the last two characters of the core (the head noun's end). */
  bucket: string;
  /** The scopes that make another fact, tiers aside (`+`-joined). */
  scopes: string;
  /** The base id of its indicator, '' for none. */
  indicator: string;
  /** Its document's jurisdiction (jurisdiction.ts): the documents whose wording makes a distinction count for it. */
  place: string;
}

/** How the run names one core: with which tiers, and which documents (and periods) name it with a tier and without, or at all. */
interface CoreUse {
  tiers: Set<string>;
  bare: Set<string>;
  tiered: Set<string>;
  documents: Set<string>;
}

/**
 * The distinctions the run itself makes (a tier or a modifier counts only where the documents make it): every core
 * the run's statements name, where and with which tiers, per jurisdiction (another region's wording says nothing of
 * how this one tells its things apart).
 */
class RunNames {
  private readonly uses = new Map<string, CoreUse>();
  /** Cores by their last two characters (the cores one may end). */
  private readonly byHead = new Map<string, Set<string>>();

  note(soft: Soft): void {
    const core = `${soft.place}\u0000${soft.restated.core}`;
    let use = this.uses.get(core);
    if (!use) {
      this.uses.set(core, (use = { tiers: new Set(), bare: new Set(), tiered: new Set(), documents: new Set() }));
      const head = `${soft.place}\u0000${soft.restated.core.slice(-2)}`;
      const cores = this.byHead.get(head);
      if (cores) cores.add(core);
      else this.byHead.set(head, new Set([core]));
    }
    // (one document's statements of one period: a review naming `省级X` for its year and its plan naming `X` for the next
    // restate one thing; a part and its whole are of one period)
    const where = `${soft.figure.document}\u0000${soft.figure.period}`;
    use.documents.add(where);
    if (soft.restated.tier) {
      use.tiers.add(soft.restated.tier);
      use.tiered.add(where);
    } else use.bare.add(where);
  }

  /** Whether the run makes a tier of `core` count: two tiers named, or one document naming it with a tier and without for one period. */
  tierCounts(place: string, core: string): boolean {
    const use = this.uses.get(`${place}\u0000${core}`);
    if (!use) return false;
    if (use.tiers.size > 1) return true;
    for (const document of use.tiered) if (use.bare.has(document)) return true;
    return false;
  }

  /**
   * Whether the run makes a modifier count: `longer` is `shorter` with `modifier` written in at `at` (`重点产业项目` is
   * `产业项目` with 重点 at 0, `钢铁过剩产能` is `钢铁产能` with 过剩 at 2); it counts when one document names both for one
   * period, or the run
   * names the thing with another modifier there (`养老床位` and `康复护理床位` beside `床位`).
   */
  modifierCounts(place: string, shorter: string, longer: string, at: number): boolean {
    const a = this.uses.get(`${place}\u0000${shorter}`)?.documents;
    const b = this.uses.get(`${place}\u0000${longer}`)?.documents;
    if (a && b) for (const document of a) if (b.has(document)) return true;
    const before = `${place}\u0000${shorter.slice(0, at)}`;
    const after = shorter.slice(at);
    const [x, y] = [`${place}\u0000${shorter}`, `${place}\u0000${longer}`];
    for (const core of this.byHead.get(`${place}\u0000${shorter.slice(-2)}`) ?? []) {
      if (core !== x && core !== y && core.length > x.length && core.startsWith(before) && core.endsWith(after)) return true;
    }
    return false;
  }
}

/** A core a modifier may be read away from names a thing of three characters at least (`产业项目`, not `床位`). */
const MIN_SHORTER = 3;

/** Values further apart than this are no target and its outcome (byWording.maxRatio, as the wording pass). */
const DEFAULT_MAX_RATIO = 3;

/**
 * Target/outcome pairs by restatement, for the targets the identity pass left unpaired (`settled` holds the figures
 * it paired or found too ambiguous to pair). A pair's `a` is the target, `b` the outcome.
 */
export function softTargetPairs(context: CheckContext, settled: ReadonlySet<Figure>): WordingPair[] {
  const rules = context.rules;
  const settings = rules.alignment ?? {};
  const scopes = ((rules.indicatorWords as { scopes?: Record<string, string[]> } | undefined)?.scopes ?? {}) as Record<string, string[]>;
  const k = restatementKnowledge(settings, scopes);
  if (!k) return [];
  const tierScopes = new Set(k.tiers.values());
  const documents = context.documentById;
  const maxRatio = settings.byWording?.maxRatio ?? DEFAULT_MAX_RATIO;
  const byBucket = new Map<string, Soft[]>();
  const names = new RunNames();
  const targets: Soft[] = [];
  for (const figure of context.figures) {
    const soft = softOf(figure, context, k, tierScopes);
    if (!soft) continue;
    names.note(soft);
    if (figure.modality !== 'target' && figure.modality !== 'actual') continue;
    if (figure.modality === 'actual' && !periodOverBy(figure.period, documentDate(documents.get(figure.document), settings.documentDate))) continue;
    const list = byBucket.get(soft.bucket);
    if (list) list.push(soft);
    else byBucket.set(soft.bucket, [soft]);
    if (figure.modality === 'target' && !settled.has(figure)) targets.push(soft);
  }
  const order = context.documentOrder;
  const inOrder = (x: Soft, y: Soft) => (order.get(x.figure.document) ?? 0) - (order.get(y.figure.document) ?? 0) || x.figure.span.start - y.figure.span.start;
  const settingsOfValues = rules.consistency;
  const agree = (x: Figure, y: Figure) => x.unit === y.unit && consistent(x, y, settingsOfValues);
  const pairs: WordingPair[] = [];
  for (const t of targets) {
    const bucket = byBucket.get(t.bucket)!;
    const matches = bucket.filter((a) => a.figure.modality === 'actual' && restates(t, a, names, k, context, maxRatio)).sort(inOrder);
    const outcome = matches[0];
    // (unique: every outcome saying the same thing states one value, none of them paired already)
    if (!outcome || matches.some((a) => settled.has(a.figure) || !agree(a.figure, outcome.figure))) continue;
    // (both ways: every target saying the same thing as the outcome is a restatement of this one)
    const setters = bucket.filter((x) => x.figure.modality === 'target' && restates(x, outcome, names, k, context, maxRatio));
    if (setters.some((x) => settled.has(x.figure) || !agree(x.figure, t.figure))) continue;
    // (a margin: no outcome of the bucket names a part or a whole of what the target names)
    if (bucket.some((a) => a.figure.modality === 'actual' && !matches.includes(a) && partOrWhole(t.restated.core, a.restated.core))) continue;
    pairs.push({
      a: t.figure,
      b: outcome.figure,
      similarity: 1,
      name: t.figure.label || outcome.figure.label,
      metric: `restated:${t.label}|${t.figure.unit ?? ''}|${t.figure.kind}|${t.figure.change ?? ''}`,
      basis: 'restatement',
    });
  }
  return pairs;
}

/** A figure the soft match may read: pairable, with a label naming something, not a start value dated as its end. */
function softOf(figure: Figure, context: CheckContext, k: RestatementKnowledge, tierScopes: Set<string>): Soft | null {
  if (!pairable(figure, context) || isStartOfEnd(figure)) return null;
  const rules = context.rules;
  const settings = rules.alignment ?? {};
  const label = autoLabel(figure, settings);
  if (!label) return null;
  const subject = subjectOf(figure, rules);
  if (!subject.core) return null;
  const restated = restatedLabel(foldedLabel(label, rules).toLowerCase(), k, verbBefore(figure, context, k));
  const { unit, kind } = measureOf(figure);
  const place = jurisdictionKey(context.documentById.get(figure.document), settings.jurisdiction);
  const head = restated.core.slice(-2);
  return {
    figure,
    label,
    restated,
    bucket: `${figure.period}\u0000${unit ?? ''}\u0000${kind}\u0000${figure.change ?? ''}\u0000${place}\u0000${head}`,
    scopes: subject.scopes.filter((s) => !tierScopes.has(s)).sort().join('+'),
    indicator: (figure.metric && indicatorOf(figure.metric, rules)?.id) || '',
    place,
  };
}

/** How far back from a figure its verb of doing is looked for (`新开工建设`, with a filler before it). */
const VERB_REACH = 8;

/** The verb of doing written right before a figure in its clause (`实施1000个重点产业项目`), '' for none. */
function verbBefore(figure: Figure, context: CheckContext, k: RestatementKnowledge): string {
  const text = context.documentById.get(figure.document)?.normalized ?? '';
  let from = figure.span.start;
  while (from > 0 && figure.span.start - from < VERB_REACH && !CLAUSE_BREAK.test(text[from - 1]!)) from--;
  return verbClosing(text.slice(from, figure.span.start), k);
}

const CLAUSE_BREAK = /[，,。；;：:、！!？?\n]/u;

/** Whether a target and an actual restate one thing (their bucket aside). */
function restates(t: Soft, a: Soft, names: RunNames, k: RestatementKnowledge, context: CheckContext, maxRatio: number): boolean {
  const x = t.restated;
  const y = a.restated;
  if (t.scopes !== a.scopes) return false;
  if (t.indicator && a.indicator && t.indicator !== a.indicator) return false;
  // (a review states the growth of many parts beside the whole's, `沿边临港产业园区工业投资增长11.7%`: no modifier is read
  // away from a change)
  const modified = t.figure.kind !== 'change' && modifiedCore(t.place, x.core, y.core, names, k);
  if (!sameAct(x, y, k) || !(sameCore(x.core, y.core, k) || modified)) return false;
  if (x.tier !== y.tier && (x.tier && y.tier ? true : names.tierCounts(t.place, x.core) || names.tierCounts(a.place, y.core))) return false;
  const documents = context.documentById;
  if (t.figure.document === a.figure.document) {
    // (one document states a target and its outcome only when its date says the period is over)
    if (!documentDate(documents.get(a.figure.document), context.rules.alignment?.documentDate)) return false;
    if (sameSentence(documents.get(a.figure.document), t.figure, a.figure)) return false;
  }
  return closeEnough(t.figure, a.figure, maxRatio);
}

/**
 * Whether one core is the other with a modifier written in (`产业项目` and `重点产业项目`, `钢铁产能` and `钢铁过剩产能`) that
 * the run never makes count (RunNames.modifierCounts): the same head noun after it (two characters at least), the same
 * words before it, no list in it; the shorter one must name a thing of its own (no generic label: `项目`).
 */
function modifiedCore(place: string, x: string, y: string, names: RunNames, k: RestatementKnowledge): boolean {
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (shorter.length === longer.length || shorter.length < MIN_SHORTER || k.generic.has(shorter)) return false;
  let at = 0;
  while (at < shorter.length && shorter[at] === longer[at]) at++;
  const after = shorter.slice(at);
  if (after.length < 2 || !longer.endsWith(after)) return false;
  const modifier = longer.slice(at, longer.length - after.length);
  // (a list before it names other things beside it: `30万吨级进港航道、北海铁山港` is no kind of `北海铁山港`)
  if (k.joiners?.test(modifier)) return false;
  return !names.modifierCounts(place, shorter, longer, at);
}

/** Whether one core names a part or a whole of the other (`重点项目`, `省级重点项目`): one ends with the other. */
function partOrWhole(x: string, y: string): boolean {
  return x !== y && (x.endsWith(y) || y.endsWith(x));
}

function closeEnough(a: Figure, b: Figure, maxRatio: number): boolean {
  const x = Math.abs(a.value ?? 0);
  const y = Math.abs(b.value ?? 0);
  if (x === 0 || y === 0) return x === y;
  return Math.max(x, y) / Math.min(x, y) <= maxRatio;
}
