#!/usr/bin/env node
// figcheck's command line. The TypeScript sources are compiled and bundled to dist/ by `npm ci` (prepare) or
// `npm run build`; dist/bundle/figcheck.cjs is the bundle of src/cli/run.ts (scripts/bundle.mjs), run from
// V8's code cache (./code-cache.cjs); without the bundle, tsc's dist/cli/run.js runs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/bundle/figcheck.cjs', import.meta.url));
const compiled = new URL('../dist/cli/run.js', import.meta.url);
if (existsSync(bundle)) createRequire(import.meta.url)('./code-cache.cjs').runBundle(bundle);
else if (existsSync(compiled)) await import(compiled.href);
else {
  process.stderr.write('figcheck: dist/ is missing; run `npm run build` (npm ci does it) first.\n');
  process.exit(2);
}
