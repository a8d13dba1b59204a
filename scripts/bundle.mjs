#!/usr/bin/env node
/**
 * Build step (package.json "build", after tsc and precompile): bundles the command line with esbuild,
 * so a run loads one file instead of resolving ~100 modules one by one (start-up).
 *
 * - `dist/bundle/figcheck.cjs`, what bin/figcheck.js runs: src/cli/run.ts and everything it imports, as
 *   one CommonJS file, with V8's code cache of a check of the example corpus beside it
 *   (`figcheck.cjs.cache`, bin/code-cache.cjs). CommonJS because Node 20 caches no compiled code for ES
 *   modules, and because its require() runs a module's code only when first asked for, so the formatters,
 *   readers and reports a command does not use are never evaluated (measured on a one-file check: ~70 ms
 *   less CPU than the split ES module bundle, a third from the code cache). `import.meta.url` becomes the
 *   bundle's own URL.
 * - `dist/bundle/pool-worker.js`, the pool's worker, an ES module entry with its chunks
 *   (src/parallel/index.ts finds it next to the bundle).
 * npm packages stay outside the bundles (node_modules), as the library (dist/index.js, compiled by tsc)
 * uses them; bundled in are chalk and opencc-js's dictionaries, ES modules whose default export require()
 * cannot hand over, and the packages every check loads (commander, decimal.js, signal-exit), so that they
 * run from the code cache too (a one-file check: ~15 ms less CPU than resolving, reading and compiling them
 * from node_modules); so are the packages every .docx loads (jszip, htmlparser2 for its running headers),
 * evaluated only when a .docx is read, with a .docx in the check the code cache is made from (a one-.docx
 * check: 0.22 → 0.17 s of CPU; a text file's check unchanged). Every bundle sits two folders below the repository, like
 * dist/<stage>/<file>.js, so paths that the sources find from their own location (package.json, rules/)
 * hold in the bundle too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * commander requires node:child_process when it loads, for executable subcommands (figcheck has none): with
 * net and dgram behind it, ~3 ms of every start-up. In the bundle it is required when first spawned instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`${args.path}: no ${eager} to load lazily`);
      const lazy = "const childProcess = { spawn: (...spawned) => require('node:child_process').spawn(...spawned) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};
/**
 * fdir (tinyglobby's directory crawler) requires picomatch from node_modules when it loads, for its own
 * glob() that tinyglobby never calls (tinyglobby matches with the picomatch bundled beside it): 12 files,
 * ~5 ms of every folder walk. In the bundle fdir requires it when its glob() is first called instead.
 */
const lazyPicomatch = {
  name: 'lazy-picomatch',
  setup(build) {
    build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      const eager = 'try {\n\t__require.resolve("picomatch");\n\tpm = __require("picomatch");\n} catch {}';
      const use = 'const globFn = this.globFunction || pm;';
      if (!source.includes(eager) || !source.includes(use)) throw new Error(`${args.path}: no eager picomatch to load lazily`);
      const lazy = 'const globFn = this.globFunction || (pm ??= (() => { try { return __require("picomatch"); } catch { return null; } })());';
      source = source.replace(eager, '').replace(use, lazy);
      return { contents: source, loader: 'js' };
    });
  },
};
const bundle = join(root, 'dist', 'bundle', 'figcheck.cjs');
const INLINED = ['chalk', 'opencc-js', 'commander', 'decimal.js', 'signal-exit', 'jszip', 'htmlparser2', 'tinyglobby'];
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
rmSync(join(root, 'dist', 'bundle'), { recursive: true, force: true });
// The ES module bundle of an earlier build, which bin/figcheck.js no longer runs.
for (const old of ['figcheck.js', 'figcheck.js.map']) rmSync(join(root, 'dist', 'cli', old), { force: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints: { 'bundle/pool-worker': 'src/parallel/pool-worker.ts' },
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
  const cli = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/run.ts'],
    outfile: bundle,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: Object.keys(dependencies).filter((name) => !INLINED.includes(name)).flatMap((name) => [name, `${name}/*`]),
    define: { 'import.meta.url': '__bundleUrl' },
    plugins: [lazyChildProcess, lazyPicomatch],
    banner: { js: '"use strict";\nvar __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    sourcemap: true,
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  writeCliBundle(cli);
} catch (error) {
  process.stderr.write(`bundle: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

/**
 * Writes the command line's bundle with each dynamic import() of an npm package as a call of `__impt`,
 * the importer bin/code-cache.cjs hands in (code run by vm.Script cannot import() itself). The name has
 * the length of `import`, so the source map stays true.
 */
function writeCliBundle(result) {
  const js = result.outputFiles.find((file) => file.path === bundle);
  const dynamic = new Set(
    Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => i.path)),
  );
  let text = js.text;
  for (const specifier of dynamic) {
    const call = `import(${JSON.stringify(specifier)})`;
    if (!text.includes(call)) throw new Error(`no ${call} in the bundle to hand to the importer`);
    text = text.split(call).join(`__impt(${JSON.stringify(specifier)})`);
  }
  if (/\bimport\(/.test(text)) throw new Error(`an import() the importer does not handle is left in ${bundle}`);
  mkdirSync(dirname(bundle), { recursive: true });
  for (const file of result.outputFiles) writeFileSync(file.path, file === js ? text : file.contents);
}

// The code cache: a check of the example corpus and of one .docx (when the repository has its fixtures),
// run from the bundle, compiles what a check runs.
const example = join(root, 'examples', 'nmg');
const wordFile = join(root, 'tests', 'fixtures', 'gwr-2025-provinces', 'gwr-2025-hebei.docx');
const args = existsSync(example) ? ['check', '--no-config', '--quiet', '--no-color', '--format', 'unix', '--fail-on', 'never', example, ...(existsSync(wordFile) ? [wordFile] : [])] : ['--version'];
const warm = spawnSync(
  process.execPath,
  ['-e', `process.argv.splice(1, 0, 'figcheck'); require(${JSON.stringify(join(root, 'bin', 'code-cache.cjs'))}).writeCodeCache(${JSON.stringify(bundle)});`, ...args],
  { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
);
if (warm.status !== 0 || !existsSync(`${bundle}.cache`)) {
  process.stderr.write(`bundle: the code cache was not written (the command line runs without it):\n${warm.stderr}`);
}
