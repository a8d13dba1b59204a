'use strict';
/**
 * Runs the command line's CommonJS bundle (dist/bundle/figcheck.cjs, built by scripts/bundle.mjs) with
 * V8's code cache: the bytecode of the functions a check runs, written at build time beside the bundle,
 * so a cold process neither parses the bundle's 0.9 MB nor compiles those functions again (Node 20 has no
 * compile cache for ES modules; `module.enableCompileCache` came in Node 22). This is what
 * v8-compile-cache does for require(), with the cache made once by the build instead of at run time: a
 * run never writes it.
 *
 * The cache is used only when it was made from this very bundle (its size and modification time, and
 * this Node), since V8 itself checks no more than the source's length; otherwise the bundle is compiled
 * as usual, and so it is when V8 rejects the cache (other flags, another V8).
 */
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

/** What a cache is valid for: this bundle file, this Node and platform. */
function cacheKey(bundle) {
  const stats = statSync(bundle);
  return JSON.stringify([stats.size, stats.mtimeMs, process.version, process.arch]);
}

/**
 * The bundle's dynamic import() of npm packages (readers, the pool, formats' libraries) is compiled as a
 * call of `__impt` (scripts/bundle.mjs), handed in here: an import() from this file, resolved from the
 * package like any other. Code run by vm.Script cannot import() itself without an experimental Node
 * option, and not at all from a code cache in Node 20.
 */
const importExternal = (specifier) => import(specifier);

/** The bundle as a function of what a CommonJS module receives, and `__impt`. */
function compile(bundle, cachedData) {
  const source = `(function (exports, require, module, __filename, __dirname, __impt) {${readFileSync(bundle, 'utf8')}\n})`;
  return new vm.Script(source, { filename: bundle, cachedData });
}

/** Runs the compiled bundle as the CommonJS module it is. */
function run(script, bundle) {
  const module = new Module(bundle, null);
  module.filename = bundle;
  module.paths = Module._nodeModulePaths(dirname(bundle));
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle), importExternal);
}

/** Runs the bundle, from its code cache when one was made for it. */
function runBundle(bundle) {
  let cachedData;
  try {
    if (readFileSync(`${bundle}.cache-key`, 'utf8') === cacheKey(bundle)) cachedData = readFileSync(`${bundle}.cache`);
  } catch {
    // no cache (not built yet, or removed): compiled as usual
  }
  run(compile(bundle, cachedData), bundle);
}

/**
 * The build's step (scripts/bundle.mjs): runs the bundle with the process's arguments (a check of the
 * example corpus) and, when the process exits, writes the code cache of everything that ran.
 */
function writeCodeCache(bundle) {
  // A V8 flag set while running (the check's heap growth, src/cli/heap.ts) would stamp the cache with
  // flags no fresh process has, and V8 would reject it: this run keeps the flags it started with.
  require('node:v8').setFlagsFromString = () => {};
  const script = compile(bundle, undefined);
  process.once('exit', () => {
    for (const [path, data] of [[`${bundle}.cache`, script.createCachedData()], [`${bundle}.cache-key`, cacheKey(bundle)]]) {
      writeFileSync(`${path}.${process.pid}.partial`, data);
      renameSync(`${path}.${process.pid}.partial`, path);
    }
  });
  run(script, bundle);
}

module.exports = { runBundle, writeCodeCache };
