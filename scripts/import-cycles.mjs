#!/usr/bin/env node
/**
 * Import cycles between the modules under src/ (value imports: `import type` and type-only names are erased by tsc
 * and left out): each strongly connected component of more than one module, with its shortest cycles. Exits 1 when
 * there is one. A hand-written Tarjan over tsc's parse rather than madge, which would add a dependency tree for a
 * report of a few lines.
 *
 *   node scripts/import-cycles.mjs
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function tsFiles(dir) {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** The modules a module imports values from (relative imports only). */
function importsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const deps = new Set();
  for (const statement of source.statements) {
    let specifier = null;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      if (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length && named.elements.every((e) => e.isTypeOnly)) continue;
      specifier = statement.moduleSpecifier.text;
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) specifier = statement.moduleSpecifier.text;
    if (!specifier?.startsWith('.')) continue;
    const target = resolve(dirname(file), specifier).replace(/\.js$/u, '.ts');
    deps.add(relative(root, existsSync(target) ? target : join(resolve(dirname(file), specifier), 'index.ts')));
  }
  return deps;
}

const graph = new Map(tsFiles(join(root, 'src')).map((file) => [relative(root, file), importsOf(file)]));

// Tarjan's strongly connected components.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const components = [];
function connect(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v)) {
    if (!graph.has(w)) continue;
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    component.push(w);
  } while (w !== v);
  if (component.length > 1) components.push(component.sort());
}
for (const v of graph.keys()) if (!index.has(v)) connect(v);

/** The shortest path from `from` to `to` inside `within` (breadth first). */
function path(from, to, within) {
  const previous = new Map([[from, null]]);
  for (const queue = [from]; queue.length; ) {
    const v = queue.shift();
    for (const w of graph.get(v)) {
      if (!within.has(w) || previous.has(w)) continue;
      previous.set(w, v);
      queue.push(w);
    }
  }
  if (!previous.has(to)) return null;
  const steps = [];
  for (let v = to; v !== null; v = previous.get(v)) steps.unshift(v);
  return steps;
}

for (const component of components) {
  const within = new Set(component);
  console.log(`${component.length} modules in a cycle: ${component.join(' ')}`);
  const seen = new Set();
  for (const v of component) {
    for (const w of graph.get(v)) {
      if (!within.has(w)) continue;
      const back = path(w, v, within);
      const cycle = [v, ...back];
      const key = cycle.slice(0, -1).sort().join();
      if (seen.has(key)) continue;
      seen.add(key);
      console.log(`  ${cycle.join(' -> ')}`);
    }
  }
}
if (!components.length) console.log('no import cycles under src/');
process.exit(components.length ? 1 : 0);
