/**
 * The city a city's document reports on, named by the document itself: a city's communiqué or budget report names
 * its city over and over (`焦作市`, `2025年新乡市国民经济和社会发展统计公报`), other cities rarely. For the cities no
 * list names (rules/core/checks.yaml lists provinces with a few major cities), the two characters before `市` most
 * often written, when they clearly outnumber the next (jurisdiction.ts `dominant`), are the city: two cities'
 * reports then never align as one place's.
 */

/** Two characters before 市 that name no city: the level words (全市, 我市), kinds of market and city (市场 is excluded after). */
const NOT_A_CITY = /^(?:.[全我本各该每超上股夜集门县省区]|[全我本各该每此]|城市|都市|来自|落实|安排|预计|按照|根据|支持|推动|全年|引导|组织|提请|提交|报告)/u;
/**
 * `XX市` not followed by what makes 市 part of another word (市场, 市民) or the city's bodies and levels (`来自市统计局`,
 * `落实市委`, `预计市本级`: a verb before 市, no name).
 */
const CITY = /(\p{Script=Han}{2})市(?![场值容貌民委政级属直区县统财人本])/gu;
/** How far into a document its title names its city, when counting decides nothing (a short abstract). */
const TITLE_CHARS = 200;

/** The city a text names most often as `XX市`, when it has at least `minMentions` and `dominance` times the next; else null. */
export function namedCity(text: string, minMentions: number, dominance: number): string | null {
  // (the city the title names first: `关于新乡市2025年预算执行情况…`, `2025年焦作市国民经济和社会发展统计公报`)
  const titled = [...text.slice(0, TITLE_CHARS).matchAll(CITY)].map((m) => m[1]!).find((name) => !NOT_A_CITY.test(name));
  if (titled) return titled;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(CITY)) {
    const name = m[1]!;
    if (NOT_A_CITY.test(name)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  return first && first[1] >= minMentions && !(second && first[1] < dominance * second[1]) ? first[0] : null;
}
