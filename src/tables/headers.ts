/**
 * What a table header says about the cells under it or beside it: the metric words (`引进到位资金`), a unit
 * (`（亿元）`, `/km²`, `%`, `单位：万吨`), a period (`2024年`, `1—11月`, `2014—2017年`) and a change
 * (`比上年增长`). Words come from rules/core/tables.yaml, words.yaml and units.yaml; nothing here names a table.
 */
import { alternation, escapeRegex, knowledgeOf, type Knowledge } from '../extract/knowledge.js';
import type { Modality } from '../model.js';
import { unitAt } from '../extract/units.js';
import type { RuleSet, TableSettings } from '../rules/types.js';

export interface HeaderReading {
  /** The header's words without unit, period and change words: what it adds to a cell's label. */
  name: string;
  /** The unit as written (`亿元`, `km²`, `%`), magnitude included; null when none. */
  unit: string | null;
  /** The period as written (`2024年`, `1—11月`); null when none. */
  period: string | null;
  /** A change word (`增长`, `增减`): the cell is a change, its sign says which way. */
  change: string | null;
  /** The status the header names (`预算数` target, `预计数` estimate, `决算数` actual; tables.statusHeaders); null when none. */
  status: Modality | null;
  /** A column header naming a scope of the rows' facts (`城市`, `农村`): written before the row's name, as a statement does. */
  scope?: boolean;
}

export interface TableWords {
  k: Knowledge;
  settings: Required<TableSettings>;
  changeWords: string[];
  /** A header ending in a count word (tables.countEnds: `企业个数`, `从业人数`): group 1 the character before it. */
  counted: RegExp;
  /** Matches a period written in a header (tables.headerPeriod); matches nothing when the rules give none. */
  period: RegExp;
  /** `单位：万吨`: group 1 the unit. */
  unitNotes: RegExp[];
  /** A status word (tables.statusHeaders) → the status it names. */
  statuses: Map<string, Modality>;
  /** The comparison base before a change word (`比上年`, `比上年预计数`, `同比`): no part of a label. */
  changeBase: RegExp;
  /** What may follow a change word ending a header (tables.changeTails: `增长率`, `增减量`), notes in brackets included. */
  changeTail: RegExp;
  /** What is left of a header naming only a change (tables.changeOnlyTails: `率` of `增长率`). */
  changeOnly: RegExp;
  /** An index's base note (tables.indexBase: `以上年为100`), or null when the rules give none. */
  indexBase: RegExp | null;
  /** The same note in brackets after a header's words (`指数（上年=100）`), all of them. */
  indexNote: RegExp | null;
  /** A note in brackets (tables.noteBrackets: `（不含农户）`), all of them; `notesAfter` with the spaces before it. */
  note: RegExp;
  notesAfter: RegExp;
  /** A short note in brackets (`（亿元）`), all of them: group 1 what they enclose. */
  bracketed: RegExp;
  /** A table's caption: its number (tables.tableNumber: `表5`, `附表1`, `表 1：`) opening the line, the spaces after it included; null when the rules give none. */
  caption: RegExp | null;
  /** The scope words of the indicator lexicon (indicators.yaml indicatorWords.scopes: 城市, 农村, 中央 …). */
  scopeWords: Set<string>;
}

const cache = new WeakMap<RuleSet, TableWords>();

export function tableWords(rules: RuleSet): TableWords {
  let words = cache.get(rules);
  if (words) return words;
  const k = knowledgeOf(rules);
  const s = rules.tables ?? {};
  const settings: Required<TableSettings> = {
    totals: s.totals ?? [],
    scopeTotals: s.scopeTotals ?? [],
    subsetMarkers: s.subsetMarkers ?? [],
    valueHeaders: s.valueHeaders ?? [],
    captionTails: s.captionTails ?? [],
    captionBreakdowns: s.captionBreakdowns ?? [],
    captionScopes: s.captionScopes ?? [],
    captionPlace: s.captionPlace ?? '',
    captionConjunctions: s.captionConjunctions ?? [],
    shareHeaders: s.shareHeaders ?? [],
    captionChanges: s.captionChanges ?? [],
    indexBase: s.indexBase ?? '',
    tableNumber: s.tableNumber ?? '',
    headerPeriod: s.headerPeriod ?? '',
    countEnds: s.countEnds ?? [],
    noteBrackets: s.noteBrackets ?? [],
    changeHeaders: s.changeHeaders ?? [],
    changeTails: s.changeTails ?? [],
    changeOnlyTails: s.changeOnlyTails ?? [],
    changeComparers: s.changeComparers ?? [],
    changeBases: s.changeBases ?? [],
    changeBaseQualifiers: s.changeBaseQualifiers ?? [],
    changeBaseWords: s.changeBaseWords ?? [],
    stubHeaders: s.stubHeaders ?? [],
    unitNotes: s.unitNotes ?? [],
    placeholders: s.placeholders ?? [],
    maxContextLines: s.maxContextLines ?? 2,
    sectionPattern: s.sectionPattern ?? '',
    statusHeaders: s.statusHeaders ?? {},
  };
  const statuses = new Map<string, Modality>();
  for (const status of ['target', 'estimate', 'actual'] as const) for (const word of settings.statusHeaders[status] ?? []) statuses.set(word, status);
  // (`比上年预计数增长`: the base may name the status of last year's figure it is set against)
  const baseStatus = statuses.size ? `(?:${alternation([...statuses.keys()])})?` : '';
  // Change words as headers write them: 比上年增长, 同比增长, 增长, then tables.changeHeaders (增速, 增减, 变化).
  // (the words of words.yaml first, longest first: `同比增长` is a 增长 after its base 同比)
  const changeWords = [...[...k.words.increase, ...k.words.decrease].sort((a, b) => b.length - a.length), ...settings.changeHeaders];
  // (a note in brackets: an opening bracket, no bracket, a closing one; no brackets in the rules, no note)
  const opens = settings.noteBrackets.map((pair) => escapeRegex(pair[0] ?? '')).join('');
  const closes = settings.noteBrackets.map((pair) => escapeRegex(pair[1] ?? '')).join('');
  const [open, close, inner] = opens ? [`[${opens}]`, `[${closes}]`, `[^${opens}${closes}]`] : ['[^\\s\\S]', '[^\\s\\S]', '[^\\s\\S]'];
  const scopes = (rules.indicatorWords as { scopes?: Record<string, string[]> } | undefined)?.scopes ?? {};
  words = {
    k,
    settings,
    scopeWords: new Set(Object.values(scopes).flat()),
    changeWords,
    unitNotes: settings.unitNotes.map((note) => new RegExp(`${escapeRegex(note)}\\s*[:：]\\s*([^,，;；\\s)）]+)`, 'u')),
    statuses,
    indexBase: settings.indexBase ? new RegExp(settings.indexBase, 'u') : null,
    caption: settings.tableNumber ? new RegExp(`^\\s*(?:${settings.tableNumber})\\s*`, 'u') : null,
    indexNote: settings.indexBase ? new RegExp(`${open}\\s*(?:${settings.indexBase})\\s*${close}`, 'gu') : null,
    note: new RegExp(`${open}${inner}*${close}`, 'gu'),
    notesAfter: new RegExp(`\\s*${open}${inner}*${close}`, 'gu'),
    bracketed: new RegExp(`${open}\\s*(${inner}{1,12}?)\\s*${close}`, 'gu'),
    changeBase: new RegExp(
      `(?:${alternation(settings.changeComparers)})(?:${alternation(settings.changeBases)})?(?:${alternation(settings.changeBaseQualifiers)})?${baseStatus}$|(?:${alternation(settings.changeBaseWords)})$`,
      'u',
    ),
    changeTail: new RegExp(`^(?:${alternation(settings.changeTails)})?(?:\\s*${open}${inner}*${close})*$`, 'u'),
    changeOnly: new RegExp(`^(?:${alternation(settings.changeOnlyTails)})$`, 'u'),
    counted: new RegExp(`(.)(?:${alternation(settings.countEnds)})$`, 'u'),
    period: settings.headerPeriod ? new RegExp(settings.headerPeriod, 'u') : /[^\s\S]/u,
  };
  cache.set(rules, words);
  return words;
}

/** True when `text` is a unit as a header writes it: `亿元`, `万吨`, `%`, `km²`, `个`, `10⁴元`. */
export function isUnit(text: string, w: TableWords): boolean {
  const t = text.replace(/\s+/g, '');
  if (!t) return false;
  if (t === '%' || t === '‰' || t === '个百分点' || t === '倍') return true;
  let at = 0;
  const magnitude = w.k.magnitudes.find((m) => t.startsWith(m.word));
  if (magnitude) at = magnitude.word.length;
  else if (/^10[⁴⁸]/u.test(t)) at = 3;
  const unit = unitAt(t, at, w.k, at > 0);
  if (unit) return at + unit.spelling.length === t.length;
  // a magnitude alone (`万`, `亿`) is a unit note too: 单位：万
  return at > 0 && at === t.length;
}

/** A unit written `10⁴元` as the magnitude word the extract stage reads (`万元`). */
export function unitText(unit: string): string {
  return unit.replace(/\s+/g, '').replace(/^10⁴/u, '万').replace(/^10⁸/u, '亿');
}

/** Reads one header. */
export function readHeader(raw: string, w: TableWords): HeaderReading {
  let text = raw.replace(/\s+/g, (space, at: number, all: string) => (/[\x21-\x7e]/.test(all[at - 1] ?? '') && /[\x21-\x7e]/.test(all[at + space.length] ?? '') ? ' ' : ''));
  let unit: string | null = null;
  // `指数（上年=100）`: the base of an index column is no part of its name (valueMeanings reads it)
  if (w.indexNote) text = text.replace(w.indexNote, '');
  // `单位：万吨` anywhere
  for (const note of w.unitNotes) {
    const m = note.exec(text);
    if (m && isUnit(m[1]!, w)) {
      unit = m[1]!;
      text = text.slice(0, m.index) + text.slice(m.index + m[0].length);
      break;
    }
  }
  // `（亿元）`, `(%)`
  text = text.replace(w.bracketed, (all, inner: string) => {
    if (unit === null && isUnit(inner, w)) {
      unit = inner;
      return '';
    }
    return all;
  });
  // `面积/km²`, `比例/%`
  const slash = /\s*\/\s*([^/]{1,10})$/u.exec(text);
  if (unit === null && slash && isUnit(slash[1]!, w)) {
    unit = slash[1]!;
    text = text.slice(0, slash.index);
  }
  // `资产负债率 %`, a header that is only a unit (`亿元`); a caption ending in a figure (`增长5.6%`) states no unit
  if (unit === null && /(?<![\d.．])\s*[%‰]$/u.test(text)) {
    unit = text.slice(-1);
    text = text.slice(0, -1);
  } else if (unit === null && isUnit(text, w)) {
    unit = text;
    text = '';
  }
  let period: string | null = null;
  const p = w.period.exec(text);
  if (p) {
    period = p[0];
    text = text.slice(0, p.index) + text.slice(p.index + p[0].length);
  }
  let change: string | null = null;
  for (const word of w.changeWords) {
    const at = text.lastIndexOf(word);
    // a change word ends the header (`比上年增长`, `增长率`, `增减量`), or only a note in brackets follows it
    // (`比上年增长(%)(括号内为实际增速)`); inside a noun it is none (`增加值`)
    const rest = at < 0 ? '' : text.slice(at + word.length);
    if (at < 0 || !w.changeTail.test(rest.trim())) continue;
    change = word;
    // `比上年增长`, `比上年末增长`, `同比增长`: the comparison base goes with the change word
    text = text.slice(0, at).replace(w.changeBase, '') + rest.replace(w.notesAfter, '');
    break;
  }
  // `冰川条数`, `企业个数`, `从业人数`: a count named by its measure word before 数 (tables.countEnds) is counted in that word
  if (unit === null && !w.settings.valueHeaders.includes(text.trim())) {
    const counted = w.counted.exec(text.replace(/[\s:：、,，/]+$/u, ''));
    const spelled = counted ? unitAt(counted[1]!, 0, w.k, false) : undefined;
    if (counted && counted.index > 0 && spelled?.kind === 'count' && spelled.spelling === counted[1]) unit = counted[1]!;
  }
  let name = text.replace(/^[\s:：、,，/]+|[\s:：、,，/]+$/gu, '');
  // what is left of `增长率`, `增长速度`
  if (change && w.changeOnly.test(name)) name = '';
  if (w.settings.valueHeaders.includes(name) || w.settings.stubHeaders.includes(name)) name = '';
  // `2025年预算数`: the status of the column's figures, no part of their label
  const status = w.statuses.get(name) ?? null;
  if (status) name = '';
  // `其中：税收收入`: a part of the row before, named as the part (the row stays a subset row: index.ts)
  const marker = w.settings.subsetMarkers.find((m) => name.startsWith(m));
  // (a marker written once per level, `##粮食` under `#食品`, is as many markers)
  if (marker && name.length > marker.length) while (name.startsWith(marker) && name.length > marker.length) name = name.slice(marker.length).replace(/^[\s:：,，、]+/u, '');
  return { name, unit, period, change, status };
}
