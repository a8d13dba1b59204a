import { it } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../src/index.js';
const root = resolve(import.meta.dirname, '..');
const F = resolve(root, 'tests/fixtures/national-history');
it('dbg', async () => {
  const docs = readdirSync(F).filter((f) => f.endsWith('.txt')).map((f) => resolve(F, f));
  const run = await check(docs, { config: false, cwd: root });
  const want = (process.env.DBG ?? '').split(',').filter(Boolean).map((s) => s.split(':'));
  for (const f of run.figures) {
    const d = f.document.replace('_gwr_state_council', '').replace('_report', '');
    if (!want.some(([doc, line]) => d.endsWith(doc) && f.location.line === Number(line))) continue;
    console.log(`${d}:${f.location.line}:${f.location.column} ${f.raw} | label=${f.label} | metric=${f.metric} | ${f.kind}/${f.change}/${f.unit} | ${f.modality} ${f.period} | [${f.interval?.lo},${f.interval?.hi}] q=${f.qualifier}`);
  }
  if (process.env.CMP) for (const c of run.comparisons) if (c.name.includes(process.env.CMP) || c.metric.includes(process.env.CMP)) console.log('CMP', c.metric, c.period, c.verdict, c.statements.map((s) => `${s.document.slice(12,16)}:${s.location.line} ${s.raw} ${s.modality}`).join(' ; '));
  if (process.env.CMP) for (const t of run.targets) if (t.name.includes(process.env.CMP) || t.metric.includes(process.env.CMP)) console.log('TGT', t.metric, t.outcome, t.target.document.slice(12,16), t.target.raw, t.actual.document.slice(12,16), t.actual.raw);
});
