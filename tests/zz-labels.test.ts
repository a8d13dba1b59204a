import { it } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../src/index.js';
import { coreRules } from '../src/rules/load.js';
const root = resolve(import.meta.dirname, '..');
const F = resolve(root, 'tests/fixtures/national-history');
it('labels', async () => {
  const docs = readdirSync(F).filter((f) => f.endsWith('.txt') && !/200[4-8]_|17th/.test(f)).map((f) => resolve(F, f));
  const run = await check(docs, { config: false, cwd: root });
  const rules: any = coreRules();
  const names: string[] = [];
  for (const i of rules.indicators ?? []) names.push(i.name, ...(i.aliases ?? []));
  const longNames = names.filter((n) => n.length >= 3);
  const counts = new Map<string, number>();
  for (const f of run.figures) {
    if (f.metric || !f.label) continue;
    const hit = longNames.filter((n) => f.label.includes(n)).sort((a, b) => b.length - a.length)[0];
    if (!hit) continue;
    const k = `${f.label} [${hit}] ${f.kind}/${f.unit}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  console.log([...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v} ${k}`).join('\n'));
  const c2 = run.comparisons.filter((c) => c.verdict !== 'single');
  console.log('comparisons', run.comparisons.length, 'multi', c2.length, 'targets', run.targets.length, 'findings', run.findings.filter(f=>f.severity!=='info').length);
});
