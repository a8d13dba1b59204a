import { it } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../src/index.js';
const root = resolve(import.meta.dirname, '..');
const F = resolve(root, 'tests/fixtures/national-history');
it('cmp', async () => {
  const docs = readdirSync(F).filter((f) => f.endsWith('.txt') && !/200[4-8]_|17th/.test(f)).map((f) => resolve(F, f));
  const run = await check(docs, { config: false, cwd: root });
  const d = (f: any) => `${f.document.replace('cn_national_', '').replace('_gwr_state_council', '').replace('_report', '')}:${f.location.line}`;
  for (const c of run.comparisons) if (c.verdict !== 'single') console.log('CMP', c.verdict, c.name, c.period, c.statements.map((s) => `${d(s)} ${s.raw}`).join(' ; '));
  for (const t of run.targets) console.log('TGT', t.outcome, t.name, t.target.period, d(t.target), t.target.raw, '→', d(t.actual), t.actual.raw);
  for (const f of run.findings) if (f.severity !== 'info') console.log('FND', f.severity, f.rule, f.message.slice(0, 150));
});
