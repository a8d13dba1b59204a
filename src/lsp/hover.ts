/**
 * Hover on a figure: what figcheck understood of it — its value as an interval, unit, metric, period,
 * modality and label — so an editor can see why two statements were (or were not) compared.
 */
import type { Hover, Position } from 'vscode-languageserver/node';
import { t } from '../i18n.js';
import type { Figure, Locale } from '../model.js';
import { intervalText } from '../notation.js';
import { rangeOf } from './convert.js';

/** The figure under a 0-based LSP position (ends included: the cursor just after a figure is on it). */
export function figureAt(figures: readonly Figure[], position: Position): Figure | undefined {
  const line = position.line + 1;
  const column = position.character + 1;
  return figures.find(({ location: l }) => {
    const afterStart = line > l.line || (line === l.line && column >= l.column);
    const beforeEnd = line < l.endLine || (line === l.endLine && column <= l.endColumn);
    return afterStart && beforeEnd;
  });
}

const FIELDS = {
  interval: { en: 'interval', zh: '区间' },
  unit: { en: 'unit', zh: '单位' },
  metric: { en: 'metric', zh: '指标' },
  period: { en: 'period', zh: '时期' },
  modality: { en: 'modality', zh: '性质' },
  label: { en: 'label', zh: '标签' },
  kind: { en: 'kind', zh: '类型' },
  qualifier: { en: 'qualifier', zh: '限定词' },
  unreliable: { en: 'unreliable', zh: '不可靠' },
  none: { en: '(none)', zh: '（无）' },
  unknown: { en: '(unknown)', zh: '（未知）' },
  placeholder: { en: 'placeholder: no value', zh: '占位符：无数值' },
};

const MODALITY = {
  actual: { en: 'actual', zh: '实际' },
  estimate: { en: 'estimate', zh: '预计' },
  target: { en: 'target', zh: '目标' },
};

/** Markdown inline code that holds any text (a backtick inside gets a longer fence). */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest ? ` ${text} ` : text}${fence}`;
}

export function hoverOf(figure: Figure, locale: Locale): Hover {
  const say = (key: keyof typeof FIELDS) => t(locale, FIELDS[key]);
  const rows: [string, string][] = [];
  if (figure.placeholder) rows.push([say('interval'), say('placeholder')]);
  else rows.push([say('interval'), figure.interval ? code(intervalText(figure.interval, figure.unit)) : say('unknown')]);
  rows.push([say('unit'), figure.unit ? code(figure.unit) : say('none')]);
  rows.push([say('metric'), figure.metric ? code(figure.metric) : say('none')]);
  rows.push([say('period'), figure.period ? code(figure.period) : say('unknown')]);
  rows.push([say('modality'), t(locale, MODALITY[figure.modality])]);
  rows.push([say('label'), figure.label ? code(figure.label) : say('none')]);
  rows.push([say('kind'), figure.change ? `${figure.kind} (${figure.change})` : figure.kind]);
  if (figure.qualifier) rows.push([say('qualifier'), code(figure.qualifier)]);
  if (figure.unreliable) rows.push([say('unreliable'), figure.unreliable]);
  const value = [`**figcheck** ${code(figure.raw)}`, '', ...rows.map(([key, text]) => `- ${key}: ${text}`)].join('\n');
  return { contents: { kind: 'markdown', value }, range: rangeOf(figure.location) };
}
