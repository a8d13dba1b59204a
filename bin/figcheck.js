#!/usr/bin/env node
// figcheck's command line. The TypeScript sources are compiled and bundled to dist/ by `npm ci` (prepare) or
// `npm run build`; dist/cli/figcheck.js is the bundle of src/cli/run.ts (scripts/bundle.mjs).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/figcheck.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('figcheck: dist/ is missing; run `npm run build` (npm ci does it) first.\n');
  process.exit(2);
}
await import(entry.href);
