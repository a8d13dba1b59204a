/**
 * Subjects written around a figure rather than before it: the indicator named after it (`8%左右的国内生产总值
 * 增长目标`), the object of a bare action or of a verb of setting (`把增长预期目标定在…`), the name a bare word
 * makes with a programme named earlier in its sentence, and a people noun right after it. Steps of
 * resolveFigureMetrics. Split out of metric.ts unchanged.
 */
import type { Figure } from '../model.js';
import { normalizeSubject } from './subject-normalize.js';
import type { Lexicon } from './lexicon.js';
import { type Subject, parseWith } from './subject.js';
import { CLAUSE_BREAK, SENTENCE_END } from './clause-marks.js';

/**
 * The indicator a figure's subject names after it (`提出8%左右的国内生产总值增长目标`): `的`, then a subject stating
 * a change or a target (a bare name after 的 is what the figure is a part of: `70%的财政收入用于民生`). Null when none.
 */
export function subjectAfter(figure: Figure, text: string, lex: Lexicon, scopes: readonly string[]): Subject | null {
  let at = figure.span.end;
  while (at < text.length && /\s/u.test(text[at]!)) at++;
  if (text[at] !== '的') return null;
  let end = at + 1;
  while (end < text.length && end - at < 24 && !CLAUSE_BREAK[text.charCodeAt(end)]) end++;
  const after = normalizeSubject(text.slice(at + 1, end));
  for (let length = after.length; length >= 2; length--) {
    const phrase = after.slice(0, length);
    const subject = parseWith(phrase, lex, scopes);
    if (subject.indicator && (subject.change !== null || lex.targetWords.some((w) => phrase.endsWith(w)))) return subject;
  }
  // `5.5%左右的预期增长目标`: a growth target naming no subject is the economy's (indicators.yaml bareGrowthOf)
  if (lex.bareGrowthOf && (figure.unit === '%' || figure.kind === 'change')) {
    for (let length = after.length; length >= 2; length--) {
      const phrase = after.slice(0, length);
      if (!lex.targetWords.some((w) => phrase.endsWith(w))) continue;
      // (the phrase names nothing of its own, and with the economy before it names its growth: `增长目标`, `预期增长目标`)
      if (parseWith(phrase, lex, scopes).indicator) continue;
      const subject = parseWith(lex.bareGrowthOf + phrase, lex, scopes);
      if (subject.indicator && subject.change === 'increase') return { ...subject, changeNoun: true };
    }
  }
  return null;
}

/**
 * The object of a bare action (`新开工`) from the indicator name ending latest in the figure's sentence before its
 * clause: action + a part of that name that makes an indicator name (新开工 + 保障性安居工程), or null.
 */
export function objectOf(action: string, text: string, floor: number, at: number, lex: Lexicon): string | null {
  let clause = at;
  while (clause > floor && !CLAUSE_BREAK[text.charCodeAt(clause - 1)]) clause--;
  if (clause <= floor) return null;
  let start = clause - 1;
  while (start > floor && !SENTENCE_END.test(text[start - 1]!)) start--;
  return objectIn(action, normalizeSubject(text.slice(Math.max(start, clause - 80), clause - 1)), lex);
}

/** The name ending latest in `sentence` (normalized) that gives `action` its object (see objectOf). */
export function objectIn(action: string, sentence: string, lex: Lexicon): string | null {
  for (let end = sentence.length; end > 1; end--) {
    if (!lex.nameEnds[sentence.charCodeAt(end - 1)]) continue;
    for (let from = Math.max(0, end - lex.longestName); from < end - 1; from++) {
      const name = sentence.slice(from, end);
      if (!lex.byName.has(name)) continue;
      // (any part of it, longest first: 城镇保障性住房基本建成 gives 新开工建设 its 保障性住房)
      for (let length = name.length; length >= 2; length--) {
        for (let k = 0; k + length <= name.length; k++) {
          const part = name.slice(k, k + length);
          for (const candidate of [action + part, part + action]) if (candidate !== name && lex.byName.has(candidate)) return candidate;
        }
      }
    }
  }
  return null;
}

/**
 * The subject a verb takes from after its figure (`解决6000万人安全饮水问题`, `取消和下放246项行政审批事项`,
 * `6600多万农村人口饮水安全问题得到解决`): the figure's own subject is empty or ends in an object verb, and the
 * subject + the words after the figure (a people noun and `的` skipped) name an indicator. `people`: a people noun
 * followed the figure. Null when none.
 */
/** Whether a people noun (农民, 群众, 农村人口) follows the figure right after it. */
export function peopleAfter(figure: Figure, text: string, lex: Lexicon): boolean {
  let at = figure.span.end;
  while (at < text.length && /\s/u.test(text[at]!)) at++;
  return lex.peopleNouns.some((n) => text.startsWith(n, at));
}

export function objectAfter(figure: Figure, text: string, lex: Lexicon, scopes: readonly string[]): Subject | null {
  if (figure.kind === 'change' || figure.unit === '%' || figure.unit === '个百分点') return null;
  let own = normalizeSubject(figure.label ?? '');
  // (a one-character label, `有` of `又有80万户…`, is what cleaning left of a clause: it names nothing)
  if (own.length === 1) own = '';
  if (own && !lex.objectVerbs.some((v) => own.endsWith(v))) return null;
  let at = figure.span.end;
  while (at < text.length && /\s/u.test(text[at]!)) at++;
  // (a measure's other name in brackets after it, `7万套（间）保障性租赁住房`, is no part of the object)
  const note = /^[（(][^（）()]{1,3}[）)]/u.exec(text.slice(at, at + 5));
  if (note) at += note[0].length;
  const noun = lex.peopleNouns.find((n) => text.startsWith(n, at));
  if (noun) at += noun.length;
  if (text[at] === '的') at++;
  let end = at;
  while (end < text.length && end - at < 24 && !CLAUSE_BREAK[text.charCodeAt(end)]) end++;
  const after = normalizeSubject(text.slice(at, end));
  for (let length = after.length; length >= 2; length--) {
    const subject = parseWith(own + after.slice(0, length), lex, scopes);
    if (subject.indicator) return subject;
  }
  return null;
}

/**
 * The subject of a verb of setting (`把增长预期目标定在7.5%左右`): the words between 把 (or 将) and the verb in the
 * figure's clause. An object that is only a change and target words (`增长预期目标`) names the indicator its
 * paragraph stated the change of before it, no figure between (`保持合理的经济增长速度。…把增长预期目标定在…`).
 */
export function setObject(figure: Figure, text: string, floor: number, lex: Lexicon, scopes: readonly string[]): Subject | null {
  let clause = figure.span.start;
  while (clause > floor && !CLAUSE_BREAK[text.charCodeAt(clause - 1)]) clause--;
  const own = text.slice(clause, figure.span.start);
  let at = -1;
  let marker = '';
  for (const w of lex.objectMarkers) {
    const i = own.lastIndexOf(w);
    if (i > at) [at, marker] = [i, w];
  }
  if (at < 0) return null;
  let object = normalizeSubject(own.slice(at + marker.length));
  const verb = [...lex.setVerbs].sort((a, b) => b.length - a.length).find((v) => object.endsWith(v));
  if (verb) object = object.slice(0, object.length - verb.length);
  const direct = parseWith(object, lex, scopes);
  if (direct.indicator) return direct;
  // (the object with its target words set apart is a change word alone)
  let rest = object;
  for (let hit = lex.referring.find(([w]) => rest.length > w.length && rest.endsWith(w)); hit; hit = lex.referring.find(([w]) => rest.length > w.length && rest.endsWith(w))) rest = rest.slice(0, rest.length - hit[0].length);
  const change = lex.changeWords.find(([w]) => w === rest)?.[1];
  if (!change) return null;
  let start = clause;
  while (start > floor && start > figure.span.start - 200 && text[start - 1] !== '\n') start--;
  const paragraph = normalizeSubject(text.slice(start, clause));
  for (let end = paragraph.length; end > 1; end--) {
    if (!lex.nameEnds[paragraph.charCodeAt(end - 1)]) continue;
    for (let from = Math.max(0, end - lex.longestName); from < end - 1; from++) {
      const found = lex.byName.get(paragraph.slice(from, end));
      // (a name stating a change, or followed by a change noun: `经济增长速度`)
      if (found && (lex.changeWords.some(([w]) => paragraph.slice(from, end).endsWith(w)) || [...lex.changeNouns].some((n) => paragraph.startsWith(n, end)))) {
        return { ...parseWith(paragraph.slice(from, end), lex, scopes), change, changeNoun: true };
      }
    }
  }
  return null;
}

/**
 * The name a bare word (`覆盖面`) makes with what its sentence named before the figure's clause, across the
 * figures between (`开展新型农村社会养老保险试点，3.58亿人参保，…，覆盖面扩大到`): the words ending latest that
 * make word + them or them + word an indicator's name. Null when none.
 */
export function programmeBefore(word: string, text: string, at: number, lex: Lexicon): string | null {
  let clause = at;
  while (clause > 0 && !CLAUSE_BREAK[text.charCodeAt(clause - 1)]) clause--;
  let start = clause;
  while (start > 0 && at - start < 160 && !SENTENCE_END.test(text[start - 1]!)) start--;
  if (clause <= start) return null;
  const sentence = normalizeSubject(text.slice(start, clause));
  for (let end = sentence.length; end >= 2; end--) {
    for (let from = Math.max(0, end - lex.longestName); from < end - 1; from++) {
      const part = sentence.slice(from, end);
      if (lex.byName.has(part + word)) return part + word;
      if (lex.byName.has(word + part)) return word + part;
    }
  }
  return null;
}
