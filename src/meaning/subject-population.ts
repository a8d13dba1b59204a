/**
 * The country's people named after a count (`我国是有十亿人口的大国`, `你们代表着全国九亿多人民`, `做好党在八亿农民中的工作`):
 * the count in 亿 is an attribute of the country (periods.yaml populationAttribute, read by present.ts), and what it
 * counts is the noun after it, not the words before it (`有`, `我们这样一个`, `做好党在`). A step of
 * resolveFigureMetrics, for a figure whose own words name no indicator.
 */
import type { Figure } from '../model.js';
import type { Lexicon } from './lexicon.js';
import { namesPopulation } from './present.js';
import type { Subject } from './subject.js';

/** The subject of a count naming the country's people after it (indicatorWords.populationNouns), else `subject`. */
export function populationSubject(figure: Figure, subject: Subject, text: string, lex: Lexicon): Subject {
  if (subject.indicator || !lex.populationNouns.length || (figure.kind !== 'count' && figure.kind !== 'level')) return subject;
  const { start, end } = figure.span;
  if (!namesPopulation(text, start, end, lex.knowledge)) return subject;
  // (the unit 人 may be the figure's own, `十亿人` of `十亿人口`: the noun is read from it)
  const from = text[end - 1] === '人' ? end - 1 : end;
  const found = lex.populationNouns.find(([noun]) => text.startsWith(noun, from));
  const indicator = found ? lex.byId.get(found[1]) : undefined;
  if (!found || !indicator) return subject;
  figure.label = found[0];
  return { indicator, core: indicator.id, scopes: [], change: null, changeNoun: false };
}
