/**
 * The city a city's document reports on, named by the document itself: a city's communiqué or budget report names
 * its city over and over (`焦作市`, `2025年新乡市国民经济和社会发展统计公报`), other cities rarely. For the cities no
 * list names (rules/core/checks.yaml lists provinces with a few major cities), the two characters before `市` most
 * often written, when they clearly outnumber the next (jurisdiction.ts `dominant`), are the city: two cities'
 * reports then never align as one place's. What is no name, and what makes `市` part of another word, is
 * alignment.jurisdiction.unlistedCities in rules/core/checks.yaml.
 */
import { alternation, charClass, escapeRegex } from '../extract/knowledge.js';
import type { JurisdictionSettings } from '../rules/types.js';

interface CityPatterns {
  /** `XX市` (group 1 the two characters) not followed by what makes 市 part of another word. */
  city: RegExp;
  /** Two characters that name no city; null when the rules list none. */
  notACity: RegExp | null;
}

/** Words as one pattern: a character class when every word is one character (as the lists are), else an alternation. */
function oneOf(words: string[]): string {
  return words.every((w) => [...w].length === 1) ? `[${charClass(words)}]` : `(?:${alternation(words)})`;
}

const compiled = new WeakMap<JurisdictionSettings, CityPatterns | null>();

/** The settings' unlistedCities compiled once per settings object; null when the rules give none (no city is read). */
function cityPatternsOf(settings: JurisdictionSettings): CityPatterns | null {
  let patterns = compiled.get(settings);
  if (patterns !== undefined) return patterns;
  const u = settings.unlistedCities;
  patterns = null;
  if (u?.suffix) {
    const after = u.notAfter ?? [];
    const notA = [
      ...(u.notNameEnds?.length ? [`.${oneOf(u.notNameEnds)}`] : []),
      ...(u.notNameStarts?.length ? [oneOf(u.notNameStarts)] : []),
      ...(u.notNames?.length ? [alternation(u.notNames)] : []),
    ];
    patterns = {
      city: new RegExp(`(\\p{Script=Han}{2})${escapeRegex(u.suffix)}${after.length ? `(?!${oneOf(after)})` : ''}`, 'gu'),
      notACity: notA.length ? new RegExp(`^(?:${notA.join('|')})`, 'u') : null,
    };
  }
  compiled.set(settings, patterns);
  return patterns;
}

/** How far into a document its title names its city, when counting decides nothing (a short abstract). */
const TITLE_CHARS = 200;

/**
 * The city a text names most often as `XX市`, when it has at least `minMentions` and `dominance` times the next; else
 * null (also when `settings` has no unlistedCities).
 */
export function namedCity(text: string, settings: JurisdictionSettings, minMentions: number, dominance: number): string | null {
  const patterns = cityPatternsOf(settings);
  if (!patterns) return null;
  const { city, notACity } = patterns;
  const isName = (name: string) => !notACity?.test(name);
  // (the city the title names first: `关于新乡市2025年预算执行情况…`, `2025年焦作市国民经济和社会发展统计公报`)
  const titled = [...text.slice(0, TITLE_CHARS).matchAll(city)].map((m) => m[1]!).find(isName);
  if (titled) return titled;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(city)) {
    const name = m[1]!;
    if (!isName(name)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  return first && first[1] >= minMentions && !(second && first[1] < dominance * second[1]) ? first[0] : null;
}
