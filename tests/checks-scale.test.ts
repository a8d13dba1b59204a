/**
 * Every check is linear (or n log n) in documents and figures, never documents × figures: the whole
 * runChecks over 2,000 generated documents takes at most a fixed multiple of its time over 200. Ten
 * times the documents may take 40 times as long (measured: 10–17 times; the rest is slack for a
 * loaded shared machine, garbage collection and n log n); a quadratic path takes 100 times or more
 * (132 times before the check context indexed figures by document) and fails. The minimum of a few runs is compared, so one slow
 * run cannot fail it. The documents give every check work: a metric stated with different values in
 * every document of one period (consistency, targets), shares after totals (arithmetic), damaged
 * text, placeholders, web chrome and a copied paragraph (duplicates).
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/engine.js';
import { documentFromText } from '../src/document.js';
import { extractFigures } from './helpers/figures.js';
import type { Document, Figure } from '../src/model.js';
import { coreRules } from '../src/rules/load.js';
import { seededRandom as random } from './helpers/random.js';

const rules = coreRules();


const LABELS = ['地区生产总值', '一般公共预算收入', '固定资产投资', '社会消费品零售总额', '城镇居民人均可支配收入', '进出口总额', '粮食产量', '规模以上工业增加值'];

function generated(count: number): { documents: Document[]; figures: Figure[] } {
  const next = random(20_250_101);
  const int = (n: number) => Math.floor(next() * n);
  const documents: Document[] = [];
  const figures: Figure[] = [];
  for (let d = 0; d < count; d++) {
    const lines = [`第${d + 1}号报告`, '首页 > 政务公开 > 工作报告'];
    for (const label of LABELS) {
      lines.push(`2023年，${label}增长${int(9) + 1}.${int(10)}%，${label}达到${int(9000) + 1000}亿元。`);
    }
    lines.push(`2024年预期目标：地区生产总值增长${int(3) + 5}%左右。`);
    lines.push(`全年完成项目${int(900) + 1100}个，其中已办理${int(500) + 300}个，办理率${int(60) + 30}.${int(10)}%。`);
    if (d % 7 === 0) lines.push(`老化管网改造锟斤拷${int(900)}公里。`);
    if (d % 5 === 0) lines.push('农村居民人均可支配收入增长×%。');
    if (d % 3 === 0) {
      lines.push('我们坚持以人民为中心的发展思想，统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设，' +
        '坚定不移贯彻新发展理念，着力推动高质量发展，加快构建新发展格局，切实保障和改善民生，全面深化改革开放，' +
        '持续优化营商环境，扎实推进乡村振兴，深入打好污染防治攻坚战，不断增强人民群众获得感幸福感安全感。');
    }
    const document = documentFromText(lines.join('\n'), { id: `d${d}`, path: `d${d}.txt` }, rules);
    documents.push(document);
    // (periods and metrics come from the meaning stage, as in the pipeline)
    figures.push(...extractFigures(document, rules));
  }
  return { documents, figures };
}

function fastest(run: () => void, times: number): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('checks at scale', () => {
  it('runChecks over 2,000 documents stays within 40 times its time over 200', () => {
    const large = generated(2000);
    const small = { documents: large.documents.slice(0, 200), figures: [] as Figure[] };
    const inSmall = new Set(small.documents.map((d) => d.id));
    small.figures = large.figures.filter((f) => inSmall.has(f.document));

    let found = { small: 0, large: 0 };
    const check = (corpus: { documents: Document[]; figures: Figure[] }) => runChecks(corpus.documents, corpus.figures, rules, { locale: 'en' });
    // Every check has work to do: the corpus is no empty run.
    const rulesFound = new Set(check(small).findings.map((f) => f.rule));
    for (const rule of ['figure-mismatch', 'encoding-damage', 'placeholder', 'boilerplate', 'duplicate-section']) expect(rulesFound).toContain(rule);

    check(small); // warm the JIT
    const smallMs = fastest(() => (found.small = check(small).findings.length), 5);
    const largeMs = fastest(() => (found.large = check(large).findings.length), 3);
    console.log(`runChecks: 200 documents ${smallMs.toFixed(0)} ms, 2,000 ${largeMs.toFixed(0)} ms`);
    expect(found.large).toBeGreaterThan(found.small * 5);
    expect(largeMs / Math.max(smallMs, 1)).toBeLessThanOrEqual(40);
  });
});
