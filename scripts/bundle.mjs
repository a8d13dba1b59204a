#!/usr/bin/env node
/**
 * Build step (package.json "build", after tsc and precompile): bundles the command line with esbuild,
 * so a run loads one file and the chunks it uses instead of resolving ~100 modules one by one
 * (start-up). `dist/cli/figcheck.js` is what bin/figcheck.js runs; formatters, readers, reports and
 * the pipeline stay in chunks (dist/bundle/) loaded when a command uses them, and the pool's worker is
 * an entry of its own beside them (src/parallel/index.ts finds it next to its own chunk). npm packages
 * stay outside the bundle (node_modules), as the library (dist/index.js, compiled by tsc) uses them.
 * Every chunk sits two folders below the repository, like dist/<stage>/<file>.js, so paths that the
 * sources find from their own location (package.json, rules/) hold in the bundle too.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist', 'bundle'), { recursive: true, force: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints: { 'cli/figcheck': 'src/cli/run.ts', 'bundle/pool-worker': 'src/parallel/pool-worker.ts' },
    outdir: 'dist',
    chunkNames: 'bundle/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
} catch (error) {
  process.stderr.write(`bundle: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
