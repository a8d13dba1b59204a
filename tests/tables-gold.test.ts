/**
 * Tables read as tables, measured on real published tables (tests/fixtures/tables/, sources in its README):
 * every labelled cell of gold.json must come out as a figure with the gold label parts, unit, period, value
 * and change. The dev set is what the table stage was built on; the holdout tables were labelled before the
 * tool was run on them. Misses are printed with the score.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../src/model.js';
import { figureAt, gold, misses, readTableFixture, TABLES_DIR as DIR, type GoldCell } from './helpers/table-gold.js';

describe('labelled cells of real published tables', async () => {
  const files = [...new Set(gold.map((g) => g.file))];
  const outcomes = new Map(await Promise.all(files.map(async (file) => [file, await readTableFixture(DIR, file)] as const)));
  const score = (set: GoldCell['set']) => {
    const cells = gold.filter((g) => g.set === set);
    const wrong = cells.flatMap((cell) => {
      const { document, figures } = outcomes.get(cell.file)!;
      const found = misses(cell, figureAt(document, figures, cell.row, cell.column));
      return found.length ? [`${cell.file} r${cell.row}c${cell.column} ${cell.raw}: ${found.join('; ')}`] : [];
    });
    const byFile = [...new Set(cells.map((c) => c.file))].map((file) => {
      const total = cells.filter((c) => c.file === file).length;
      return { file, total, right: total - wrong.filter((w) => w.startsWith(`${file} `)).length };
    });
    const perFile = byFile.map((t) => `${t.file} ${t.right}/${t.total}`).join(', ');
    console.log(`${set}: ${cells.length - wrong.length}/${cells.length} cells right (${perFile})${wrong.length ? `\n  ${wrong.slice(0, Number(process.env.GOLD_MISSES ?? 40)).join('\n  ')}` : ''}`);
    return { total: cells.length, right: cells.length - wrong.length, tables: byFile.length, byFile };
  };

  it('holds at least 300 cells from at least 5 tables', () => {
    expect(gold.length).toBeGreaterThanOrEqual(300);
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it('reads at least 95% of the dev cells right', () => {
    const { total, right, tables } = score('dev');
    expect(tables).toBeGreaterThanOrEqual(5);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the holdout cells (labelled before the tool saw them) at today’s floor, table by table', () => {
    const { byFile } = score('holdout');
    const below = byFile.filter((t) => t.right / t.total < (HOLDOUT_FLOORS[t.file] ?? HOLDOUT_FLOOR) - 1e-9);
    expect(below.map((t) => `${t.file} ${t.right}/${t.total}`)).toEqual([]);
  });

  it('reads a table the same from .docx and from HTML', () => {
    const docx = outcomes.get('guangdong-biomedicine.docx')!.figures;
    return readTableFixture(DIR, 'guangdong-biomedicine.html').then(({ figures: html }) => {
      const shape = (f: Figure) => [f.raw, f.label, f.unit, f.value, f.period, f.kind, f.change].join('|');
      expect(docx.map(shape)).toEqual(html.map(shape));
    });
  });
});

/**
 * The holdout, table by table. The journal tables: 131/137 when first run, 132/137 (96%) today; xilin-landscape
 * 72/77, its misses a rate unit (km²·a⁻¹) figcheck has no name for. The NBS release tables (nbs-industry-2024-05, nbs-income-2023): 109/260
 * when first run (a lone month `5月` over a column read as the year; section heads `(一)…` not carried to their
 * rows; 万重量箱), 260/260 today; nbs-investment-2023, labelled after those fixes and before its first run: 38/38;
 * nbs-income-national-2023, the same way: 21/36 when first run (a note in brackets after the change word,
 * `比上年增长(%)(括号内为实际增速)`, hid the change), 36/36 today.
 */
const HOLDOUT_FLOOR = 0.95;
const HOLDOUT_FLOORS: Record<string, number> = { 'xilin-landscape.html': 72 / 77 };
