/**
 * index.html stays under its size budget however much text a run quotes: the data is compressed,
 * and when even that is too big the sentences around the figures are shortened, those no finding
 * cites first. (Rendering in a browser is tested in html-report.test.ts.)
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildView } from '../src/report/discrepancy/view.js';
import { PAGE_BUDGET, renderHtml } from '../src/report/discrepancy/html.js';
import { syntheticRun } from './helpers/synthetic-run.js';

/** Text that does not compress: random CJK characters from a seeded generator. */
function noise(seed: number): (length: number) => string {
  return (length) => {
    let out = '';
    for (let i = 0; i < length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      out += String.fromCharCode(0x4e00 + (seed % 20000));
    }
    return out;
  };
}

describe('index.html size budget', () => {
  it('shortens the sentences, uncited ones first, until the page fits', () => {
    const view = buildView(syntheticRun(4_000), { cwd: '/srv', color: false, locale: 'en', version: 't' });
    const text = noise(7);
    // Every quoted sentence becomes 80 incompressible characters on each side of its figure.
    const rows = [...view.comparisons.flatMap((c) => c.statements), ...view.targets.flatMap((t) => [t.target, t.actual]), ...view.findings.flatMap((f) => f.places)];
    const sides = new Map<string, [string, string]>();
    for (const row of rows) {
      const key = `${row.where}|${row.match}`;
      if (!sides.has(key)) sides.set(key, [text(80), text(80)]);
      [row.before, row.after] = sides.get(key)!;
    }
    const html = renderHtml(view);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(PAGE_BUDGET);
    expect(html).toContain('id="shortened"');
    const block = html.match(/<script type="application\/gzip\+base64" id="report-data">([^<]*)<\/script>/)![1]!;
    const data = JSON.parse(gunzipSync(Buffer.from(block, 'base64')).toString('utf8')) as { st: (string | number)[][]; f: [number, number, string, number[]][] };
    const cited = new Set(data.f.flatMap((f) => f[3]));
    const context = (record: (string | number)[]) => String(record[4] ?? '').length + String(record[5] ?? '').length;
    const average = (records: (string | number)[][]) => records.reduce((n, r) => n + context(r), 0) / records.length;
    const citedRecords = data.st.filter((_, i) => cited.has(i));
    const otherRecords = data.st.filter((_, i) => !cited.has(i));
    expect(citedRecords.length).toBeGreaterThan(100);
    // Cited statements keep more of their sentence than the others, and every figure is still there.
    expect(average(citedRecords)).toBeGreaterThan(average(otherRecords));
    expect(average(citedRecords)).toBeGreaterThan(10);
    expect(data.st.every((record) => typeof record[2] === 'string' && record[2] !== '')).toBe(true);
  }, 120_000);
});
