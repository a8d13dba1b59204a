/**
 * The target check stays linear where one jurisdiction states one metric thousands of times: a metric rule
 * without a unit groups the metric's levels (`地区生产总值达到1234亿元`) with its growth target and outcome
 * (`增长6%左右`), and a target meets only the actuals it can be compared with (the same unit), never every
 * actual of the group. Ten times the documents may take 40 times as long (measured: 9–29 times); asking each
 * target about every actual took 180 times as long (4,000 documents: 2.0 s where 400 take 11 ms) and fails.
 * The output grows ten times too: three documents state the outcome, so each target is judged three times.
 * The minimum of several runs is compared, so one slow run cannot fail it.
 */
import { describe, expect, it } from 'vitest';
import { createCheckContext } from '../src/checks/context.js';
import { targetCheck } from '../src/checks/target.js';
import { documentFromText } from '../src/document.js';
import type { Document, Figure } from '../src/model.js';
import { coreRules } from '../src/rules/load.js';
import type { RuleSet } from '../src/rules/types.js';
import { extractFigures } from './helpers/figures.js';

const rules: RuleSet = { ...coreRules(), metrics: [{ id: 'gdp', name: '地区生产总值', aliases: ['地区生产总值'] }] };

function generated(count: number): { documents: Document[]; figures: Figure[] } {
  const documents: Document[] = [];
  const figures: Figure[] = [];
  for (let d = 0; d < count; d++) {
    const lines = [`第${d + 1}号材料`, `2024年预期目标：地区生产总值增长${5 + (d % 3)}%左右。`, `2024年，地区生产总值达到${1000 + d}亿元。`];
    if (d < 3) lines.push(`据统计，2024年地区生产总值增长${8 + d / 2}%。`);
    const document = documentFromText(lines.join('\n'), { id: `d${d}`, path: `d${d}.txt` }, rules);
    documents.push(document);
    figures.push(...extractFigures(document, rules));
  }
  return { documents, figures };
}

/** The fastest of `times` runs of the target check alone, and what the last run judged. */
function fastest(corpus: { documents: Document[]; figures: Figure[] }, times: number): { ms: number; findings: number; judged: number } {
  let best = { ms: Infinity, findings: 0, judged: 0 };
  for (let i = 0; i < times; i++) {
    const context = createCheckContext(corpus.documents, corpus.figures, rules, 'en');
    const start = performance.now();
    const findings = targetCheck.run(context, { type: 'target' }).length;
    const ms = performance.now() - start;
    best = { ms: Math.min(best.ms, ms), findings, judged: context.targets.length };
  }
  return best;
}

describe('target check at scale', () => {
  it('judges 4,000 documents of one jurisdiction within 40 times the time of 400', () => {
    const large = generated(4000);
    const inSmall = new Set(large.documents.slice(0, 400).map((d) => d.id));
    const small = { documents: large.documents.slice(0, 400), figures: large.figures.filter((f) => inSmall.has(f.document)) };
    // The group mixes units: the levels in 元 and the growth in %, targets and actuals alike.
    const units = new Set(large.figures.filter((f) => f.period === '2024').map((f) => `${f.modality}:${f.unit}`));
    expect(units).toEqual(new Set(['target:%', 'actual:元', 'actual:%']));

    fastest(small, 2); // warm the JIT
    const inSmallRun = fastest(small, 15);
    const inLargeRun = fastest(large, 5);
    console.log(`target check: 400 documents ${inSmallRun.ms.toFixed(1)} ms, 4,000 ${inLargeRun.ms.toFixed(1)} ms`);
    // Every target judged by each of the three outcomes, none by a level.
    expect(inSmallRun.judged).toBe(400 * 3);
    expect(inLargeRun.judged).toBe(4000 * 3);
    // (every target met: the time is the pairing's, not the writing of findings)
    expect(inLargeRun.findings).toBe(0);
    expect(inLargeRun.ms / Math.max(inSmallRun.ms, 1)).toBeLessThanOrEqual(40);
  });
});
