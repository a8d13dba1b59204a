/**
 * Property tests of the extractor (fast-check): it never throws, every location lies inside the
 * document, and re-extracting a figure's own original text gives the same figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures } from './helpers/figures.js';
import type { Figure } from '../src/model.js';

/** Pieces of government prose, numerals, units and qualifiers, shuffled into random text. */
const PIECES = [
  '增长', '下降', '全区', '地区生产总值', '引进到位资金', '达到', '分别', '、', ',', '。', '\n', '第', '全国', '位',
  '万', '亿', '萬', '億', '元', '吨', '噸', '%', '％', '个百分点', '倍', '成', '多', '余', '近', '超过', '以上', '左右',
  '一', '二', '两', '三', '十', '百', '千', '〇', '点', '几', '数', '百分之', '×', 'X', '□', '年', '月', '—', '至',
  '[2]', '12345', '十四五', '二十大', '(gè)', '個(gè)', '1', '2', '0', '.', ',', '3409', '4.2', '１２', '预计', '力争',
];

const prose = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 99999 }).map(String)), { maxLength: 40 }).map((parts) => parts.join(''));

function inside(text: string, f: Figure): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  const { line, column, endLine, endColumn } = f.location;
  if (line < 1 || endLine < line || endLine > lines.length) return false;
  if (column < 1 || column > lines[line - 1]!.length + 1) return false;
  if (endColumn < 1 || endColumn > lines[endLine - 1]!.length + 1) return false;
  return endLine > line || endColumn >= column;
}

describe('extractor properties', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 60 }), prose), (text) => {
        extractFigures(documentFromText(text));
      }),
      { numRuns: 600 },
    );
  });

  it('puts every location inside the document, at text that is the raw figure', () => {
    fc.assert(
      fc.property(prose, (text) => {
        for (const f of extractFigures(documentFromText(text))) {
          expect(inside(text, f), `${f.raw} in ${JSON.stringify(text)}`).toBe(true);
          expect(f.location.text).toBe(f.raw);
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.end).toBeLessThanOrEqual(text.length + 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same figure when its own original text is extracted again', () => {
    fc.assert(
      fc.property(prose, (text) => {
        // A rank is one only in its context (全国第三); 第三 alone is not a figure, by design.
        for (const f of extractFigures(documentFromText(text)).filter((g) => g.kind !== 'rank')) {
          const again = extractFigures(documentFromText(f.raw));
          const same = again.find((g) => g.raw === f.raw);
          expect(same, `${f.raw} from ${JSON.stringify(text)}`).toBeDefined();
          expect([same!.value, same!.unit, same!.interval, same!.placeholder]).toEqual([f.value, f.unit, f.interval, f.placeholder]);
        }
      }),
      { numRuns: 400 },
    );
  });
});
