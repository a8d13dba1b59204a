/**
 * The jurisdiction a document reports on (the nation, one province, one city …), so that auto-alignment
 * never takes two regions' figures for two statements of one fact: Anhui's `地区生产总值增长5.8%` and
 * Fujian's `5.5%`, or the nation's `技术合同成交额增长11.2%` and Inner Mongolia's `33.6%`, share a label
 * and a period but are different facts. Read from the text itself, with word lists from
 * rules/core/checks.yaml (alignment.jurisdiction):
 *  - the level: the words a document uses for its own area (`我国`, `全省`/`我省`, `全区`, `全市` …), when
 *    one level's words clearly outnumber the others';
 *  - below the national level, the place: the listed place the text names most often (its cities'
 *    names count for it), when it clearly outnumbers the next one (a province's report names itself
 *    dozens of times, others rarely); for a city's report, also which of the place's cities.
 * Either part may stay unknown (short or unusual texts); a document whose jurisdiction is entirely
 * unknown aligns only with others of unknown jurisdiction. Counting is hand-written: it is a handful of
 * substring counts over text already normalized to Simplified, no library does this better.
 */
import type { Document } from '../model.js';
import type { JurisdictionSettings } from '../rules/types.js';
import { namedCity } from './jurisdiction-city.js';

export interface Jurisdiction {
  /** Level key from the settings (`national`, `province`, …); null when unclear. */
  level: string | null;
  /** Place from the settings (`内蒙古`; below a province `广东/深圳`, or `北京/` for a municipality);
   * null for the national level or when unclear. */
  place: string | null;
}

/** The words of occurrencesOf, indexed once per word list: each distinct word, and which start with a given character. */
interface WordIndex {
  /** Every distinct word, '' included, in the order given (the order of the counts). */
  distinct: string[];
  /** The non-empty distinct words, and for each character the places in it of the words starting with it. */
  searched: string[];
  byFirst: Map<number, number[]>;
  /** 1 for a character some word starts with (most characters of a text start none: one array read). */
  first: Uint8Array;
}

function wordIndex(words: readonly string[]): WordIndex {
  const distinct = [...new Set(words)];
  const searched = distinct.filter((word) => word);
  const byFirst = new Map<number, number[]>();
  const first = new Uint8Array(0x10000);
  searched.forEach((word, w) => {
    const c = word.charCodeAt(0);
    first[c] = 1;
    const list = byFirst.get(c);
    if (list) list.push(w);
    else byFirst.set(c, [w]);
  });
  return { distinct, searched, byFirst, first };
}

/**
 * How often each word occurs in `text`, as `text.indexOf` counts it (leftmost first, a word's occurrences never
 * overlapping each other; '' counts 0), for all the words in one pass over the text: a document is read once,
 * not once per listed place and city.
 */
function occurrencesOf(text: string, index: WordIndex): Map<string, number> {
  const { searched, byFirst, first } = index;
  const tally = new Int32Array(searched.length);
  // Where each word may next be found (after the end of its last occurrence).
  const free = new Int32Array(searched.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!first[c]) continue;
    for (const w of byFirst.get(c)!) {
      if (i < free[w]! || !text.startsWith(searched[w]!, i)) continue;
      tally[w]!++;
      free[w] = i + searched[w]!.length;
    }
  }
  const counts = new Map<string, number>();
  let w = 0;
  for (const word of index.distinct) counts.set(word, word ? tally[w++]! : 0);
  return counts;
}

/** The word index of each settings object's words (one per run, read for every document). */
const indexes = new WeakMap<JurisdictionSettings, WordIndex>();

/** The key whose count is at least `minMentions` and `dominance` times every other key's; else null. */
function dominant(counts: Map<string, number>, minMentions: number, dominance: number): string | null {
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < minMentions) return null;
  if (second && first[1] < dominance * second[1]) return null;
  return first[0];
}

export function detectJurisdiction(text: string, settings: JurisdictionSettings | undefined): Jurisdiction {
  if (!settings) return { level: null, place: null };
  const minMentions = settings.minMentions ?? 3;
  const dominance = settings.dominance ?? 2;
  const levels = Object.entries(settings.levels ?? {});
  const places = Object.entries(settings.places ?? {});
  let index = indexes.get(settings);
  if (!index) indexes.set(settings, (index = wordIndex([...levels.flatMap(([, words]) => words), ...places.flatMap(([place, cities]) => [place, ...cities])])));
  const counted = occurrencesOf(text, index);
  const occurrences = (word: string) => counted.get(word) ?? 0;
  const levelCounts = new Map<string, number>();
  for (const [level, words] of levels) {
    levelCounts.set(level, words.reduce((sum, word) => sum + occurrences(word), 0));
  }
  const level = dominant(levelCounts, minMentions, dominance);
  if (level !== null && (settings.placelessLevels ?? []).includes(level)) return { level, place: null };
  const placeCounts = new Map<string, number>();
  const cityCounts = new Map<string, Map<string, number>>();
  for (const [place, cities] of places) {
    const counts = new Map(cities.map((city) => [city, occurrences(city)]));
    cityCounts.set(place, counts);
    // A province's report names its capital often: its cities' mentions count for it.
    placeCounts.set(place, occurrences(place) + [...counts.values()].reduce((sum, n) => sum + n, 0));
  }
  const place = dominant(placeCounts, minMentions, dominance);
  if (level === null || !(settings.cityLevels ?? []).includes(level)) return { level, place };
  // A city's report (level `city`): which city of the place (one the list names, else the one the text names itself:
  // jurisdiction-city.ts). Unclear stays unknown, apart from the province itself.
  const listed = place === null ? null : dominant(cityCounts.get(place) ?? new Map(), minMentions, dominance);
  if (listed !== null) return { level, place: `${place}/${listed}` };
  // (a city no list names, keyed by its name alone: its communiqué may name its province too seldom to place it; a
  // municipality, whose list names no city, has none below it: `国际大都市`)
  const named = place === null || (settings.places?.[place] ?? []).length > 0 ? namedCity(text, settings, minMentions, dominance) : null;
  if (named !== null) return { level, place: `/${named}` };
  return { level, place: place === null ? null : `${place}/` };
}

const cache = new WeakMap<Document, { settings: JurisdictionSettings | undefined; key: string }>();

/**
 * A document's jurisdiction as a grouping key (`province:安徽`, `national:`); '' when nothing is known.
 * Cached per document and settings object.
 */
export function jurisdictionKey(document: Document | undefined, settings: JurisdictionSettings | undefined): string {
  if (!document || !settings) return '';
  const cached = cache.get(document);
  if (cached && cached.settings === settings) return cached.key;
  const { level, place } = detectJurisdiction(document.normalized, settings);
  const key = level === null && place === null ? '' : `${level ?? '?'}:${place ?? ''}`;
  cache.set(document, { settings, key });
  return key;
}
