/**
 * How a plan and its review restate one thing in other words (alignment.restatement, rules/core/checks.yaml): a
 * label read as (verb of doing) + (tier) + what is counted + (category noun), or with the verb after what it acts on, so that `改建认知障碍照护床位` and `新增认知障碍照护
 * 床位`, `国家专精特新小巨人企业` and `专精特新小巨人企业`, `重点产业项目` and `省级重点产业项目`, `新增国家制造业单项冠军` and `新增
 * 制造业单项冠军企业`, `改造排水、供水、供热、燃气管网` and `改造水热气等管网` name one thing, while `新开工X` and `建成X` (two stages),
 * `新建X` and `改造X` (two acts), `新增X` and `X` (what a year added, all there are) and `国家级X` and `省级X` (two tiers) name
 * two. The soft match (align-soft.ts) pairs by it only where the pairing is unique; this file only reads labels.
 */
import type { AlignmentSettings, RestatementSettings } from '../rules/types.js';
import { normalizeLabel } from '../rules/metrics.js';

/** A label as a restatement reads it. */
export interface RestatedLabel {
  /** The verb of doing opening it ('' for none) and its family (`general` goes with any). */
  verb: string;
  family: string;
  /** The tier of designation named before what is counted ('' for none): a scope id of indicators.yaml. */
  tier: string;
  /** What is counted: the rest, its category noun left out. */
  core: string;
}

/** A rule set's restatement knowledge, compiled once per settings object (look-ups by prefix length, no word loop). */
export interface RestatementKnowledge {
  /** Verb → family, and the verbs' lengths, longest first. */
  verbs: Map<string, string>;
  verbLengths: number[];
  /** Tier word → tier scope id, and their lengths, longest first. */
  tiers: Map<string, string>;
  tierLengths: number[];
  /** Words before a label's verb or name that say nothing of the thing (`再`, `今年`, `全省`), and their lengths. */
  fillers: Map<string, string>;
  fillerLengths: number[];
  categorySuffixes: string[];
  /** Words ending a label that name only what its unit measures (`面积` of 亩, `里程` of 公里). */
  measureWords: string[];
  abbreviationEnds: string[];
  joiners: RegExp | null;
  general: string;
  /** The family of verbs of carrying out, going with any label (`carryOutFamily`, default `carry-out`). */
  carryOut: string;
  /** Labels too generic to name a thing (alignment.genericLabels). */
  generic: Set<string>;
}

const compiled = new WeakMap<AlignmentSettings, RestatementKnowledge | null>();

/** The knowledge of alignment.restatement, with the tier words of indicatorWords.scopes; null when there is none. */
export function restatementKnowledge(settings: AlignmentSettings, scopes: Record<string, string[]>): RestatementKnowledge | null {
  let known = compiled.get(settings);
  if (known !== undefined) return known;
  const r: RestatementSettings | undefined = settings.restatement;
  if (!r || r.enabled === false) {
    compiled.set(settings, null);
    return null;
  }
  const verbs = new Map<string, string>();
  for (const [family, list] of Object.entries(r.doingVerbs ?? {})) for (const verb of list) if (verb) verbs.set(normalizeLabel(verb), family);
  const tiers = new Map<string, string>();
  for (const scope of r.tierScopes ?? []) for (const word of scopes[scope] ?? []) if (word) tiers.set(normalizeLabel(word), scope);
  for (const [word, scope] of Object.entries(r.tierWords ?? {})) if (word) tiers.set(normalizeLabel(word), scope);
  const fillers = new Map<string, string>();
  for (const word of r.fillers ?? []) if (word) fillers.set(normalizeLabel(word), '');
  const lengths = (words: Iterable<string>) => [...new Set([...words].map((w) => w.length))].sort((a, b) => b - a);
  const joiners = (r.listJoiners ?? []).filter(Boolean);
  known = {
    verbs,
    verbLengths: lengths(verbs.keys()),
    tiers,
    tierLengths: lengths(tiers.keys()),
    fillers,
    fillerLengths: lengths(fillers.keys()),
    categorySuffixes: (r.categorySuffixes ?? []).map(normalizeLabel).filter(Boolean),
    measureWords: (r.measureWords ?? []).map(normalizeLabel).filter(Boolean).sort((a, b) => b.length - a.length),
    abbreviationEnds: (r.abbreviationEnds ?? []).map(normalizeLabel).filter(Boolean),
    joiners: joiners.length ? new RegExp(joiners.map((j) => j.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'u') : null,
    general: r.generalFamily ?? 'general',
    carryOut: r.carryOutFamily ?? 'carry-out',
    generic: new Set((settings.genericLabels ?? []).map(normalizeLabel)),
  };
  compiled.set(settings, known);
  return known;
}

/** The longest word of `words` (by `lengths`) opening `text` with at least `keep` characters after it. */
function opening(text: string, words: Map<string, string>, lengths: number[], keep: number): string {
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    if (text.length - length < keep) continue;
    const word = text.slice(0, length);
    if (words.has(word)) return word;
  }
  return '';
}

/**
 * The verb of doing closing a text (the words before a figure, `实施1000个重点产业项目`: the verb before the number acts on
 * the label after it), '' for none.
 */
export function verbClosing(text: string, k: RestatementKnowledge): string {
  return closing(text, k.verbs, k.verbLengths, 0);
}

/** The longest word of `words` (by `lengths`) closing `text` with at least `keep` characters before it. */
function closing(text: string, words: Map<string, string>, lengths: number[], keep: number): string {
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    if (text.length - length < keep) continue;
    const word = text.slice(text.length - length);
    if (words.has(word)) return word;
  }
  return '';
}

/**
 * A label without the fillers opening it (`今年再新增` → `新增`), repeatedly; a filler of one character only before a verb
 * of doing (`再新增…`, never the `再` of `再生资源`).
 */
function withoutFillers(label: string, k: RestatementKnowledge): string {
  let rest = label;
  for (let word = opening(rest, k.fillers, k.fillerLengths, MIN_CORE); word; word = opening(rest, k.fillers, k.fillerLengths, MIN_CORE)) {
    if (word.length === 1 && !opening(rest.slice(1), k.verbs, k.verbLengths, MIN_CORE)) break;
    rest = rest.slice(word.length);
  }
  return rest;
}

/** What must stay of a label once its verb and tier are read: two characters name a thing (`床位`, `管网`). */
const MIN_CORE = 2;

/**
 * A label (as auto-alignment cleans it) read as verb + tier + core: the verb of doing opening it, then a tier word
 * (`国家`, `省级`), then what is counted, a category noun ending it (`企业`) left out when three characters stay.
 */
export function restatedLabel(label: string, k: RestatementKnowledge, verbBefore = ''): RestatedLabel {
  let rest = withoutFillers(label, k);
  // (or the verb closing it, written after what it acts on: `重大水利工程开工`, `高速公路建成通车`)
  const own = opening(rest, k.verbs, k.verbLengths, MIN_CORE) || closing(rest, k.verbs, k.verbLengths, MIN_CORE);
  rest = rest.startsWith(own) ? withoutFillers(rest.slice(own.length), k) : rest.slice(0, rest.length - own.length);
  // (a label with no verb of its own takes the one written before its figure, `实施1000个重点产业项目`)
  const verb = own || verbBefore;
  const tierWord = opening(rest, k.tiers, k.tierLengths, MIN_CORE);
  rest = rest.slice(tierWord.length);
  const measure = k.measureWords.find((s) => rest.endsWith(s) && rest.length - s.length >= MIN_CORE);
  if (measure) rest = rest.slice(0, rest.length - measure.length);
  const suffix = k.categorySuffixes.find((s) => rest.endsWith(s) && rest.length - s.length >= 3);
  if (suffix) rest = rest.slice(0, rest.length - suffix.length);
  return { verb, family: verb ? k.verbs.get(verb)! : '', tier: tierWord ? k.tiers.get(tierWord)! : '', core: rest };
}

/**
 * Whether two verbs of doing may name one act: the same verb or family, or a general one (`新增`) with any other; a
 * label with no verb only with another with none (`新增X` is what a year added, `X` all there are), or with a verb of
 * carrying out (`实施1000个重点产业项目` and `1000个省级重点产业项目`).
 */
export function sameAct(a: RestatedLabel, b: RestatedLabel, k: RestatementKnowledge): boolean {
  // (a verb of carrying out, `实施`, `开展`, says nothing of the act: it goes with any label, one with no verb too)
  if (a.family === k.carryOut || b.family === k.carryOut) return true;
  if (!a.verb || !b.verb) return !a.verb && !b.verb;
  return a.family === b.family || a.family === k.general || b.family === k.general;
}

/**
 * Whether two cores name one thing: the same, or one a list abbreviated (`水热气等管网`) and the other the list written
 * out (`排水和供水和供热和燃气管网`): the same head noun after both (two characters at least), and each character of the
 * abbreviation, in order, in its own item of the list.
 */
export function sameCore(a: string, b: string, k: RestatementKnowledge): boolean {
  if (a === b) return true;
  return abbreviates(a, b, k) || abbreviates(b, a, k);
}

function abbreviates(short: string, long: string, k: RestatementKnowledge): boolean {
  if (!k.joiners || !k.abbreviationEnds.length) return false;
  let head = 0;
  while (head < short.length && head < long.length && short[short.length - 1 - head] === long[long.length - 1 - head]) head++;
  if (head < MIN_CORE) return false;
  const modifier = short.slice(0, short.length - head);
  const end = k.abbreviationEnds.find((e) => modifier.endsWith(e));
  if (!end) return false;
  const letters = [...modifier.slice(0, modifier.length - end.length)];
  const items = long.slice(0, long.length - head).split(k.joiners).filter(Boolean);
  if (letters.length < 2 || items.length < letters.length) return false;
  let item = 0;
  for (const letter of letters) {
    while (item < items.length && !items[item]!.includes(letter)) item++;
    if (item === items.length) return false;
    item++;
  }
  return true;
}
