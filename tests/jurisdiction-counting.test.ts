/**
 * A document's jurisdiction counts every listed word (levels, places, cities) in one pass over its text
 * (src/checks/jurisdiction.ts, for speed). The counts must be what one search per word gives: leftmost
 * first, a word's own occurrences never overlapping, words that overlap each other (`内蒙古` and `蒙古`,
 * `全区` and `区`) each counted on their own. Checked against that search on generated texts.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectJurisdiction, type Jurisdiction } from '../src/checks/jurisdiction.js';
import { namedCity } from '../src/checks/jurisdiction-city.js';
import { loadRuleFile, mergeRuleFiles, RULES_DIR } from '../src/rules/load.js';
import type { JurisdictionSettings } from '../src/rules/types.js';

const core = mergeRuleFiles([loadRuleFile(join(RULES_DIR, 'core', 'checks.yaml'))]).alignment!.jurisdiction!;

/** The jurisdiction as one indexOf search per word reads it (the definition the one-pass count keeps). */
function bySearch(text: string, settings: JurisdictionSettings): Jurisdiction {
  const occurrences = (word: string) => {
    if (!word) return 0;
    let count = 0;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++;
    return count;
  };
  const minMentions = settings.minMentions ?? 3;
  const dominance = settings.dominance ?? 2;
  const dominant = (counts: Map<string, number>) => {
    const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
    if (!first || first[1] < minMentions) return null;
    if (second && first[1] < dominance * second[1]) return null;
    return first[0];
  };
  const level = dominant(new Map(Object.entries(settings.levels ?? {}).map(([id, words]) => [id, words.reduce((sum, w) => sum + occurrences(w), 0)])));
  if (level !== null && (settings.placelessLevels ?? []).includes(level)) return { level, place: null };
  const cityCounts = new Map<string, Map<string, number>>();
  const placeCounts = new Map<string, number>();
  for (const [place, cities] of Object.entries(settings.places ?? {})) {
    const counts = new Map(cities.map((city) => [city, occurrences(city)]));
    cityCounts.set(place, counts);
    placeCounts.set(place, occurrences(place) + [...counts.values()].reduce((sum, n) => sum + n, 0));
  }
  const place = dominant(placeCounts);
  if (level === null || !(settings.cityLevels ?? []).includes(level)) return { level, place };
  const listed = place === null ? null : dominant(cityCounts.get(place) ?? new Map());
  if (listed !== null) return { level, place: `${place}/${listed}` };
  // (a city no list names, by the name the text gives itself: src/checks/jurisdiction-city.ts, not a count of listed words)
  const named = place === null || (settings.places?.[place] ?? []).length > 0 ? namedCity(text, settings, minMentions, dominance) : null;
  if (named !== null) return { level, place: `/${named}` };
  return { level, place: place === null ? null : `${place}/` };
}

/** Words that overlap one another and themselves, as levels, places and cities. */
const overlapping: JurisdictionSettings = {
  levels: { province: ['全区', '区区'], city: ['全市', '市'], national: ['我国', '国'] },
  placelessLevels: ['national'],
  cityLevels: ['city'],
  places: { 内蒙古: ['呼和浩特', '蒙古'], 蒙古国: ['乌兰巴托'], 区: ['区区区'] },
  minMentions: 2,
  dominance: 2,
};

/** Texts made of pieces of the listed words (so that they occur, overlap and break off often). */
function textOf(settings: JurisdictionSettings) {
  const words = [...Object.values(settings.levels ?? {}).flat(), ...Object.entries(settings.places ?? {}).flat(2)];
  const pieces = [...new Set(words.flatMap((w) => [w, w.slice(0, 1), w.slice(1), w.slice(0, -1)]))].filter(Boolean);
  return fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom('，', '。', '经济', '增长')), { maxLength: 120 }).map((parts) => parts.join(''));
}

describe('jurisdiction: all listed words counted in one pass', () => {
  it('reads what one search per word reads, with words overlapping each other and themselves', () => {
    fc.assert(fc.property(textOf(overlapping), (text) => {
      expect(detectJurisdiction(text, overlapping)).toEqual(bySearch(text, overlapping));
    }), { numRuns: 2000 });
  });

  it('reads what one search per word reads, with the core rule set', () => {
    fc.assert(fc.property(textOf(core), (text) => {
      expect(detectJurisdiction(text, core)).toEqual(bySearch(text, core));
    }), { numRuns: 500 });
  });

  it('counts self-overlapping words as the search does (区区 in 区区区区区 twice)', () => {
    const settings: JurisdictionSettings = { levels: { a: ['区区'], b: ['市'] }, places: {}, minMentions: 2, dominance: 2 };
    expect(detectJurisdiction('区区区区区', settings)).toEqual({ level: 'a', place: null });
    expect(detectJurisdiction('区区区', settings)).toEqual({ level: null, place: null });
  });
});

describe('a city no list names', () => {
  it('is the city its title names, so two cities of one province never align as one place', () => {
    const report = (city: string) => `关于${city}市2030年预算执行情况和2031年预算草案的报告\n全市一般公共预算收入100亿元。全市支出200亿元。全市税收70亿元。数据来自市统计局。`;
    const a = detectJurisdiction(report('甲乙'), core);
    const b = detectJurisdiction(report('丙丁'), core);
    expect(a).toEqual({ level: 'city', place: '/甲乙' });
    expect(b.place).not.toBe(a.place);
    // (`来自市统计局`: a verb before 市 names no city; a municipality has no city below it)
    expect(namedCity('数据来自市统计局，来自市财政局，来自市商务局。', core, 3, 2)).toBeNull();
    expect(detectJurisdiction('上海市是国际大都市。全市…全市…全市…上海…上海…上海', core).place).toBe('上海/');
  });

  it('reads what is no name from the rules (alignment.jurisdiction.unlistedCities), which a rule file may retune', () => {
    const text = '推进甲乙市建设。推进甲乙市发展。推进甲乙市改革。丙丁市来函。';
    expect(namedCity(text, core, 3, 2)).toBe('甲乙');
    // (a rule file naming 甲乙 no city, or making `市建` `市发` `市改` other words: the title's next city; without the
    // key no city is read at all)
    const retuned = { ...core, unlistedCities: { ...core.unlistedCities, notNames: [...(core.unlistedCities?.notNames ?? []), '甲乙'] } };
    expect(namedCity(text, retuned, 3, 2)).toBe('丙丁');
    expect(namedCity(text, { ...core, unlistedCities: { ...core.unlistedCities, notAfter: ['建', '发', '改'] } }, 3, 2)).toBe('丙丁');
    expect(namedCity(text, { ...core, unlistedCities: undefined }, 1, 1)).toBeNull();
  });
});
