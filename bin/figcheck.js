#!/usr/bin/env node
// figcheck's command line. The TypeScript sources are compiled and bundled to dist/ by `npm ci` (prepare) or
// `npm run build`; dist/bundle/figcheck.cjs is the bundle of src/cli/run.ts (scripts/bundle.mjs), run from
// V8's code cache (./code-cache.cjs); without the bundle, tsc's dist/cli/run.js runs.
// This file is CommonJS (bin/package.json): as an ES module it would start Node's ES module loader (fifteen
// internal modules, ~5 ms of every run) for a bundle that is CommonJS itself.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const bundle = join(__dirname, '..', 'dist', 'bundle', 'figcheck.cjs');
const compiled = join(__dirname, '..', 'dist', 'cli', 'run.js');
if (existsSync(bundle)) require('./code-cache.cjs').runBundle(bundle);
else if (existsSync(compiled)) import(pathToFileURL(compiled).href);
else {
  process.stderr.write('figcheck: dist/ is missing; run `npm run build` (npm ci does it) first.\n');
  process.exit(2);
}
