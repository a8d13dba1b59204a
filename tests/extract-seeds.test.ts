/**
 * The extractor on the five real seed documents (examples/nmg): every figure's location points at
 * the figure in the raw file, re-extracting a figure's own text gives the same figure, and what an
 * editor would check first reads right (no years, the headline figures with their labels).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures } from './helpers/figures.js';
import type { Document, Figure } from '../src/model.js';
import { readDocument } from '../src/pipeline.js';

const ROOT = resolve(import.meta.dirname, '..');
const SEEDS = [
  { file: 'yearbook-2023-government.txt', id: 'yearbook-gov', period: '2022' },
  { file: 'yearbook-2023-party.txt', id: 'yearbook-party', period: '2022' },
  { file: 'work-report-2022.txt', id: 'report-2022', period: '2021' },
  { file: 'rectification-2021.txt', id: 'rectification-2021', period: '2021' },
  { file: 'work-report-2023.txt', id: 'report-2023', period: '2022' },
] as const;

const loaded = new Map<string, { doc: Document; figures: Figure[]; raw: string }>();
async function seed(file: string) {
  let entry = loaded.get(file);
  if (!entry) {
    const s = SEEDS.find((x) => x.file === file)!;
    const path = resolve(ROOT, 'examples/nmg', file);
    const doc = await readDocument(path, { id: s.id, period: s.period });
    entry = { doc, figures: extractFigures(doc), raw: readFileSync(path, 'utf8') };
    loaded.set(file, entry);
  }
  return entry;
}

/** Full-width digits and Traditional magnitude characters folded, for comparing a first character. */
const fold = (c: string) => String.fromCharCode(c.charCodeAt(0) >= 0xff10 && c.charCodeAt(0) <= 0xff19 ? c.charCodeAt(0) - 0xfee0 : c.charCodeAt(0)).replace('萬', '万').replace('億', '亿');
// (a doubling is its words: 翻一番, 翻了两番, 翻番)
const NUMERAL_START = /^(?:[0-9一二两三四五六七八九十百千万亿〇零几数×X□]|第|百分之|翻了?[一二两三四五]?番)/u;
const PREFIXES = ['約', '超過', '將近', '大約', '近', '接近', '将近', '超过', '超', '突破', '逾', '约', '大约', '不到', '不足', '不低于', '不少于', '至少', '不超过', '高于', '低于'];

describe('extractor on the seed documents', () => {
  for (const { file } of SEEDS) {
    it(`${file}: every location points at the figure's first numeral in the raw file`, async () => {
      const { figures, raw } = await seed(file);
      expect(figures.length).toBeGreaterThan(40);
      const lines = raw.split(/\r\n|\r|\n/);
      for (const f of figures) {
        const line = lines[f.location.line - 1]!;
        const at = line.slice(f.location.column - 1);
        expect(at.startsWith(f.raw), `${file}:${f.location.line}:${f.location.column} ${f.raw}`).toBe(true);
        let rest = [...at].map(fold).join('');
        const prefix = PREFIXES.filter((p) => rest.startsWith(p)).sort((a, b) => b.length - a.length)[0];
        if (prefix) rest = rest.slice(prefix.length);
        // Traditional numerals (萬, 億, 兩) fold too; a numeral or 第 / 百分之 starts the figure
        expect(NUMERAL_START.test(rest.replace('兩', '两')), `${file}:${f.location.line} ${f.raw}`).toBe(true);
      }
    });
  }

  it('re-extracting each seed figure’s own text gives the same value, unit and interval', async () => {
    let checked = 0;
    for (const { file } of SEEDS) {
      const { figures } = await seed(file);
      // ranks and rank changes (排名提升10位: 名次, not 人) take their unit from the words before them, and a
      // count written before the people it counts (157萬貧困人口) its unit 人 from the words after it
      const countedPeople = (g: { unit: string | null; raw: string }) => g.unit === '人' && !g.raw.includes('人');
      for (const f of figures.filter((g) => g.kind !== 'rank' && g.unit !== '名次' && !countedPeople(g))) {
        const again = extractFigures(documentFromText(f.raw)).find((g) => g.raw === f.raw);
        expect(again, `${file}: ${f.raw}`).toBeDefined();
        expect([again!.value, again!.unit, again!.interval], `${file}: ${f.raw}`).toEqual([f.value, f.unit, f.interval]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('takes no year, date, plan number or list marker as a figure', async () => {
    for (const { file } of SEEDS) {
      const { figures } = await seed(file);
      for (const f of figures) {
        expect(f.raw, `${file}:${f.location.line}`).not.toMatch(/^(?:19|20)\d{2}年|^\d{1,2}月|^[一二三四五六七八九十]+五$|^\d+[.、]$/u);
        if (f.unit === null && !f.placeholder) expect(f.raw, `${file}:${f.location.line}`).toMatch(/[万亿萬億]/u);
      }
    }
  });

  it('reads the headline figures an editor cross-checks', async () => {
    const gov = (await seed('yearbook-2023-government.txt')).figures;
    const funds = gov.find((f) => f.raw === '3409亿元')!;
    expect([funds.label, funds.value, funds.period, funds.modality]).toEqual(['引进到位资金', 340900000000, '2022', 'actual']);
    const report = (await seed('work-report-2023.txt')).figures;
    const funds2023 = report.find((f) => f.raw === '3300多億元')!;
    expect([funds2023.label, funds2023.interval]).toEqual(['引进到位资金', { lo: 330000000000, hi: 340000000000, loClosed: false, hiClosed: false }]);
    const gdp = report.find((f) => f.raw === '4%以上' && f.label === '地区生产总值')!;
    expect([gdp.kind, gdp.change, gdp.period, gdp.modality]).toEqual(['change', 'increase', '2022', 'estimate']);
    const rect = (await seed('rectification-2021.txt')).figures;
    expect(rect.find((f) => f.raw === '6.49億噸')!.period).toBe('2021-01/2021-08');
    const targets = (await seed('work-report-2022.txt')).figures.filter((f) => f.modality === 'target');
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.every((f) => f.period === '2022')).toBe(true);
  });
});
