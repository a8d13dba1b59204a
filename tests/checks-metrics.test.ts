import { describe, expect, it } from 'vitest';
import { resolveMetrics } from '../src/rules/metrics.js';
import type { RuleSet } from '../src/rules/types.js';
import { closed, figureIn, textDocument } from './checks-fixtures.js';

const rules: RuleSet = {
  alignment: { labelPrefixes: ['全区', '全年'] },
  metrics: [
    { id: 'gdp-growth', name: '地区生产总值增长', aliases: ['地区生产总值'], unit: '%', kind: 'change' },
    { id: 'gdp', name: '地区生产总值', unit: '元', kind: 'level' },
    { id: 'power', name: '发电量', aliases: ['发电量'], unit: '千瓦时' },
    { id: 'twin-a', name: '重复甲', aliases: ['重复'], unit: '个' },
    { id: 'twin-b', name: '重复乙', aliases: ['重复'], unit: '个' },
  ],
};

describe('resolveMetrics', () => {
  const doc = textDocument('d', '全区全年地区生产总值增长4.2%,地区生产总值2.3万亿元,新能源发电1350亿千瓦时,发电量6465亿千瓦时,重复3个', { period: '2022' });
  const figures = [
    figureIn(doc, { raw: '4.2%', value: 4.2, interval: closed(4.15, 4.25), unit: '%', kind: 'change', change: 'increase', label: '全区全年地区生产总值' }),
    figureIn(doc, { raw: '2.3万亿元', value: 2.3e12, interval: closed(2.25e12, 2.35e12), unit: '元', label: '地区生产总值' }),
    figureIn(doc, { raw: '1350亿千瓦时', value: 1350e8, interval: closed(1349.5e8, 1350.5e8), unit: '千瓦时', label: '新能源发电' }),
    figureIn(doc, { raw: '6465亿千瓦时', value: 6465e8, interval: closed(6464.5e8, 6465.5e8), unit: '千瓦时', label: '发电量' }),
    figureIn(doc, { raw: '3个', value: 3, interval: closed(2.5, 3.5), unit: '个', kind: 'count', label: '重复' }),
  ];
  const metricOf = resolveMetrics(figures, rules);
  const id = (i: number) => metricOf.get(figures[i]!)?.id;

  it('matches exactly, after scope words at the start of a label, and picks the metric by unit and kind', () => {
    expect(id(0)).toBe('gdp-growth');
    expect(id(1)).toBe('gdp');
    expect(id(3)).toBe('power');
  });

  it('does not match by containment (新能源发电 is not 发电量) and leaves an ambiguous alias unresolved', () => {
    expect(id(2)).toBeUndefined();
    expect(id(4)).toBeUndefined();
  });
});
