/**
 * Labels: the metric phrase a figure quantifies, from the text of its clause before it, cleaned of
 * filler (全区, 全年, 其中, 累计, 实现, 完成, 达到 …), change and modality words, comparison bases
 * (比上年, 同比) and period words (2022年, 1—8月). Word lists come from rules/core/words.yaml and
 * periods.yaml. An empty result means the figure has no subject of its own (it inherits one).
 *
 * Cleaning runs for every figure, so the word lists are compiled once per Knowledge: period words
 * into one regular expression, filler into buckets keyed by a word's first (or last) character, so
 * a label is checked only against the few words that could match at its edge.
 */
import { alternation, charClass, chineseDigits, CHINESE_YEAR, type Knowledge } from './knowledge.js';

/** The compiled cleaning of one Knowledge. */
interface Cleaner {
  /** Period words (2022年, 1—8月, 上半年, 今年底, 截至目前), global. */
  periodWords: RegExp;
  /** Characters any period word or comparison base starts with (a table by UTF-16 unit; null: any). */
  periodStarts: Uint8Array;
  comparisonStarts: Uint8Array | null;
  /** Removed wherever they stand (第三产业实现增加值 → 第三产业增加值), global. */
  inside: RegExp | null;
  /** Trimmed from both ends: whitespace and the edge punctuation of words.yaml. */
  edge: Set<number>;
  /** Words stripped from the start, by first UTF-16 unit, longest first; for labels and rank labels. */
  start: [Map<number, string[]>, Map<number, string[]>];
  /** Words stripped from the end, by last UTF-16 unit, longest first. */
  end: [Map<number, string[]>, Map<number, string[]>];
  boundHeads: string[];
  /** Words opening with a filler word that are words of their own (再就业, 要求): kept whole at the start. */
  startWords: string[];
  /** Start-only filler words (把, 这将使, 如期完成). */
  fillerStart: Set<string>;
  /** Rank context words: a rank label made of one of them alone names nothing (世界排名). */
  rankWords: Set<string>;
  /** Words ending in a qualifier or a filler word that are words of their own (qualifiers.yaml notIn: 签约; words.yaml endWords: 税比): kept whole at the end. */
  wholeEnds: string[];
  /** Change words (增长, 下降), longest first. */
  changeWords: string[];
}

function buckets(words: Iterable<string>, at: (w: string) => number): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of [...new Set(words)].sort((a, b) => b.length - a.length)) {
    const key = at(w);
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(w);
  }
  return map;
}

/** First characters of regular-expression sources that begin with a literal (else null: unknown). */
function literalStarts(sources: string[]): Uint8Array | null {
  const out = new Uint8Array(65536);
  for (const s of sources) {
    if (!s || /^[\\[(.^$|?*+{]/u.test(s)) return null;
    out[s.charCodeAt(0)] = 1;
  }
  return out;
}


function compileCleaner(k: Knowledge): Cleaner {
  const p = k.periods;
  const sep = charClass(k.rangeSeparators);
  const edges = (list: string[]) => (list.length ? `(?:${alternation(list)})?` : '');
  // Years and months are mechanics (digits); the words around them come from periods.yaml.
  const periodWords = [
    // a duration (三年内, 今后5年内, 两年间) is time, not part of what is counted
    `(?:今后|未来)?[一二三四五六七八九十两\\d]{1,3}年(?:内|间|之内)`,
    // (and the time a plan takes, `用二十年的时间使工农业总产值翻两番`, `花三年时间`: how long, not what is counted)
    `(?:用|花|经过)[一二三四五六七八九十两\\d]{1,3}(?:年|个月)(?:左右)?的?时间`,
    `(?:19|20)\\d{2}\\s*年(?:\\s*[${sep}]\\s*(?:19|20)?\\d{2}\\s*年)?${edges(p.yearEdges)}`,
    // a year written digit by digit in Chinese numerals (`一九八五年`, `一九七九至一九八二年`), as reports of the 1980s and
    // congress reports write them: time, never part of the label (left in, its `五年` would be read as a span of years)
    `${CHINESE_YEAR}(?:\\s*年?\\s*[${sep}]\\s*${CHINESE_YEAR})?\\s*年${edges(p.yearEdges)}`,
    `\\d{1,2}\\s*[${sep}]\\s*\\d{1,2}\\s*月${edges(p.monthEdges)}`,
    `\\d{1,2}\\s*月${edges(p.monthEdges)}`,
  ];
  const relative = Object.keys(p.relativeYears);
  // a relative year is removed here only with an edge (今年底); alone it is filler, stripped at the ends
  if (relative.length && p.yearEdges.length) periodWords.push(`(?:${alternation(relative)})(?:${alternation(p.yearEdges)})`);
  const words = [...p.untilWords, ...Object.keys(p.partialYears)];
  if (words.length) periodWords.push(alternation(words));
  // a point of the century, with the word setting it as a target date (`到本世纪末`): time, never part of the label
  const century = Object.keys(p.centuryPoints ?? {});
  if (century.length) periodWords.push(`${p.targetBefore?.length ? `(?:${alternation(p.targetBefore)})?` : ''}(?:${alternation(century)})`);
  const periodStarts = new Uint8Array(65536);
  for (const w of [...'0123456789一二三四五六七八九十两今未', ...chineseDigits(k), ...relative, ...words, ...century, ...(century.length ? (p.targetBefore ?? []) : [])]) periodStarts[w.charCodeAt(0)] = 1;

  const stripped = (rank: boolean) => [
    ...k.words.filler,
    ...k.words.increase,
    ...k.words.decrease,
    ...k.words.target,
    ...k.words.estimate,
    ...k.before.map((q) => q.word),
    ...k.after.map((q) => q.word),
    ...relative,
    ...Object.keys(p.partialYears),
    ...p.spans.flatMap((s) => s.words),
    ...(rank ? k.words.rankContext : []),
  ];
  const first = (w: string) => w.charCodeAt(0);
  const last = (w: string) => w.charCodeAt(w.length - 1);
  const endOnly = [...k.words.changeGap, ...k.words.fillerEnd];
  return {
    periodWords: new RegExp(periodWords.join('|'), 'gu'),
    periodStarts,
    comparisonStarts: literalStarts(k.words.comparison),
    inside: k.words.fillerInside.length ? new RegExp(alternation(k.words.fillerInside), 'gu') : null,
    edge: new Set([...' \t\r\n\u3000\u00a0', ...k.words.edgePunctuation].map((c) => c.charCodeAt(0))),
    start: [buckets([...stripped(false), ...k.words.fillerStart], first), buckets([...stripped(true), ...k.words.fillerStart], first)],
    end: [buckets([...stripped(false), ...endOnly], last), buckets([...stripped(true), ...endOnly], last)],
    boundHeads: k.words.boundHeads,
    startWords: k.words.startWords,
    fillerStart: new Set(k.words.fillerStart),
    rankWords: new Set(k.words.rankContext),
    wholeEnds: [...k.before.flatMap((q) => q.notIn ?? []), ...(k.words.endWords ?? [])],
    changeWords: [...k.words.increase, ...k.words.decrease].sort((a, b) => b.length - a.length),
  };
}

const cache = new WeakMap<Knowledge, Cleaner>();
function cleanerOf(k: Knowledge): Cleaner {
  let cleaner = cache.get(k);
  if (!cleaner) {
    cleaner = compileCleaner(k);
    cache.set(k, cleaner);
  }
  return cleaner;
}

function containsAny(text: string, chars: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) if (chars[text.charCodeAt(i)]) return true;
  return false;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;

/** The last whitespace-separated phrase of `text` ('' when there is none). */
function lastPhrase(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Cleans the text before a figure into a label ('' when nothing is left). */
export function cleanLabel(pre: string, k: Knowledge, rank = false): string {
  const c = cleanerOf(k);
  let label = pre;
  // footnote markers ([2]) are mechanics, not words
  if (label.includes('[')) label = label.replace(/\[\d{1,3}\]/gu, '');
  if (!c.comparisonStarts || containsAny(label, c.comparisonStarts)) label = label.replace(k.comparisonAnywhere, '');
  // Keep the last phrase: a space left by a removed period splits the clause.
  if (containsAny(label, c.periodStarts)) label = label.replace(c.periodWords, ' ');
  const last = lastPhrase(label);
  if (last === label) return cleanPhrase(label, c, rank);
  const cleaned = cleanPhrase(last, c, rank);
  // (a change word alone after the period, `工业总产值一九七七年比一九七六年增长`: the subject stands before the period)
  if (cleaned || !c.changeWords.some((w) => last.startsWith(w))) return cleaned;
  return cleanPhrase(lastPhrase(label.slice(0, label.lastIndexOf(last))) + last, c, rank);
}

/** Cleans one phrase of a label (no period words left in it). */
function cleanPhrase(phrase: string, c: Cleaner, rank: boolean): string {
  let label = phrase;
  if (c.inside) label = label.replace(c.inside, '');
  const which = rank ? 1 : 0;
  const starts = c.start[which];
  const ends = c.end[which];
  for (let round = 0; round < 12; round++) {
    // `世界排名由第十位…`: a rank label that is only where the rank is names nothing (the rank is the metric's before it)
    if (rank && c.rankWords.has(label)) return '';
    const before = label;
    // a bracketed abbreviation ending the label restates it: 国内生产总值(GDP) is 国内生产总值
    const last = label.charCodeAt(label.length - 1);
    if ((last === 0x29 || last === 0xff09) && /.[(（][A-Za-z0-9.&]{1,8}[)）]$/u.test(label)) label = label.replace(/[(（][A-Za-z0-9.&]{1,8}[)）]$/u, '');
    let a = 0;
    let b = label.length;
    while (a < b && c.edge.has(label.charCodeAt(a))) a++;
    while (b > a && c.edge.has(label.charCodeAt(b - 1))) b--;
    if (a > 0 || b < label.length) label = label.slice(a, b);
    const head = starts.get(label.charCodeAt(0));
    if (head) {
      for (const w of head) {
        if (label.length > w.length && label.startsWith(w) && !c.boundHeads.some((h) => label.startsWith(h, w.length)) && !c.startWords.some((s) => s.startsWith(w) && label.startsWith(s))) {
          label = label.slice(w.length);
          break;
        }
      }
    }
    const tail = ends.get(label.charCodeAt(label.length - 1));
    if (tail && !c.wholeEnds.some((w) => label.endsWith(w))) {
      for (const w of tail) {
        // (`与国内生产总值之比`: 之 + 比 is a noun, the ratio, never a comparison word left over)
        if (label.endsWith(w) && label.charCodeAt(label.length - w.length - 1) !== 0x4e4b) {
          label = label.slice(0, label.length - w.length);
          break;
        }
      }
    }
    if (label === before) break;
  }
  // A label must name something: at least one CJK character or Latin letter.
  return /[\p{Script=Han}A-Za-z]/u.test(label) ? label : '';
}

/**
 * The parts of a list of subjects split at its joiners (`separator` captures them); a one-character piece is
 * no subject but a joiner inside a word (普及率, 涉及) and stays joined to its neighbour.
 */
function splitOn(subject: string, separator: RegExp): string[] {
  const pieces = subject.split(separator);
  const parts: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i]!;
    const joiner = pieces[i - 1] ?? '';
    if (parts.length && (piece.length === 1 || parts[parts.length - 1]!.length === 1) && joiner !== '、') parts[parts.length - 1] += joiner + piece;
    else if (piece) parts.push(piece);
  }
  return parts.filter(Boolean);
}

/**
 * `分别` lists: the subjects before 分别, one per figure (`城乡居民收入` → 城镇居民收入, 农村居民收入;
 * `A、B和C` → A, B, C). Returns null when the subjects cannot be paired with `count` figures.
 */
export function splitSubjects(subject: string, count: number, k: Knowledge): string[] | null {
  if (count < 2) return null;
  const joiners = k.words.listJoiners;
  const parts = joiners.length ? splitOn(subject, new RegExp(`(${alternation(joiners)})`, 'u')) : [subject];
  if (parts.length === count) {
    // 城镇、农村居民人均可支配收入: the shared tail goes to every part
    // (not 原煤、原油、天然气产量 or 钢材、水泥、平板玻璃产量: what stands between the parallel word and the head noun,
    // 气 or 玻璃, is the rest of a longer last word, not a shared modifier such as 居民人均可支配)
    const last = parts[parts.length - 1]!;
    const firstLen = parts[0]!.length;
    const tail = last.slice(firstLen);
    const shared = k.words.sharedTails.find((t) => tail.endsWith(t));
    if (parts.slice(0, -1).every((p) => p.length <= 2) && last.length > firstLen + 1 && shared && tail.length - shared.length >= 3) {
      return parts.map((p, i) => (i === parts.length - 1 ? last : p + tail));
    }
    // 高技术制造业、装备制造业增加值: the head noun ending the last subject is every subject's, when no other has one
    const head = [...k.words.sharedTails].sort((a, b) => b.length - a.length).find((t) => last.endsWith(t) && last.length > t.length);
    const measured = (p: string) => k.words.sharedTails.some((t) => p.endsWith(t)) || k.words.measureEnds.some((e) => p.endsWith(e));
    if (head && parts.slice(0, -1).every((p) => !measured(p))) {
      return parts.map((p, i) => (i === parts.length - 1 ? last : p + head));
    }
    return parts;
  }
  // 城乡居民收入 → 城镇居民收入, 农村居民收入 (words.yaml splitPrefixes)
  for (const [prefix, subjects] of Object.entries(k.words.splitPrefixes)) {
    if (subjects.length === count && subject.startsWith(prefix)) {
      const rest = subject.slice(prefix.length);
      return subjects.map((s) => s + rest);
    }
  }
  return null;
}
