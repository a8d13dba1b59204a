import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT } from './helpers/paths.js';

/**
 * CLI tests run the real bin/figcheck.js, so dist/ must match src/: build once per test run, before
 * any worker starts (parallel compiles would race on dist/). A failed compile does not stop the other
 * tests; CLI tests report it through `inject('buildError')`.
 */
export default function setup(project: TestProject): void {
  const result = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // The rest of `npm run build`: the shipped rules, validated and precompiled (dist/core-rules.json).
  const rules = result.status === 0 ? spawnSync(process.execPath, [resolve(ROOT, 'scripts/precompile.mjs')], { cwd: ROOT, encoding: 'utf8' }) : undefined;
  // And the command line's bundle (scripts/bundle.mjs), which bin/figcheck.js runs.
  const bundle = rules?.status === 0 ? spawnSync(process.execPath, [resolve(ROOT, 'scripts/bundle.mjs')], { cwd: ROOT, encoding: 'utf8' }) : undefined;
  const error =
    result.status !== 0
      ? `tsc failed:\n${result.stdout}${result.stderr}`
      : rules?.status !== 0
        ? `precompile failed:\n${rules?.stderr}`
        : bundle?.status !== 0
          ? `bundle failed:\n${bundle?.stderr}`
          : '';
  project.provide('buildError', error);
}

declare module 'vitest' {
  export interface ProvidedContext {
    buildError: string;
  }
}
