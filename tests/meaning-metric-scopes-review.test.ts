/**
 * Metric identity between a year's target list and the next year's review (src/meaning/metric.ts, rules/core/
 * indicators.yaml): made-up statements of each shape. Scopes that make another fact stay apart: the year-end rate an
 * end value reaches (`年末…从上半年5.5%降到5.3%`), tiers of designation (`省级…`, `国家级…`).
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/pipeline.js';
import { extractFigures } from '../src/extract/index.js';
import { interpret } from '../src/meaning/index.js';
import { autoIdentity } from '../src/checks/align.js';
import { coreRules } from '../src/rules/load.js';
import type { Figure } from '../src/model.js';

async function figure(text: string, raw: string): Promise<Figure> {
  const doc = await readDocument(Buffer.from(text), { path: 'statement.txt' });
  const found = interpret(doc, extractFigures(doc, coreRules()), coreRules()).find((f) => f.raw === raw);
  if (!found) throw new Error(`${raw} not read in ${text}`);
  return found;
}
const identity = (f: Figure) => autoIdentity(f, coreRules())?.id ?? null;

describe('scopes of a fact between a target list and the next review', () => {
  it('an end value reached from a start value keeps the scope its subject names (年末)', async () => {
    const text = '城镇新增就业42.3万人，年末城镇调查失业率从上半年5.5%降到5.3%。';
    expect((await figure(text, '5.3%')).metric).toBe('surveyed-unemployment-rate@year-end');
    const target = await figure('全区城镇调查失业率5.5%左右，城镇新增就业32万人以上。', '5.5%左右');
    expect(identity(await figure(text, '5.3%'))).not.toBe(identity(target));
  });

  it('tiers of designation are scopes: a provincial cluster is not a national one, nor a plain count', async () => {
    const provincial = await figure('新增省级先进制造业集群10个。', '10个');
    const national = await figure('国家级先进制造业集群达到6个。', '6个');
    const plain = await figure('先进制造业集群达到6个。', '6个');
    expect(identity(provincial)).not.toBe(identity(national));
    expect(identity(provincial)).not.toBe(identity(plain));
    const model = await figure('建成300个省级和美乡村。', '300个');
    const villages = await figure('在500个行政村实施和美乡村建设工程。', '500个');
    expect(identity(model)).not.toBe(identity(villages));
  });
});

describe('one fact named two ways in a target list and the next review', () => {
  it('incomes of permanent residents (常住居民) are the residents’ incomes', async () => {
    const target = await figure('城镇常住居民人均可支配收入增长5%左右。', '5%左右');
    const outcome = await figure('城镇居民人均可支配收入增长4.6%。', '4.6%');
    expect(target.metric).toBe('urban-disposable-income-per-capita');
    expect(identity(target)).toBe(identity(outcome));
    expect((await figure('农村常住居民人均可支配收入增长7%左右。', '7%左右')).metric).toBe('rural-disposable-income-per-capita');
  });
});
