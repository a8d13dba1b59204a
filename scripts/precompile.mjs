#!/usr/bin/env node
/**
 * Build step (package.json "build", after tsc): validates rules/core/*.yaml against rules/schema.json
 * and writes them parsed to dist/core-rules.json with a hash of their contents, so that a run with
 * the shipped rules neither loads the YAML parser and ajv nor parses eleven files (src/rules/load.ts
 * uses the file only while the hash matches the YAML files); likewise the Traditional → Simplified
 * character tables (dist/char-tables.json), ~60 ms of every start-up otherwise.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { buildCharTables, CHAR_TABLES_PATH, serializeCharTables } from '../dist/normalize/traditional.js';
import { COMPILED_CORE_PATH, coreRuleFiles, coreRulesHash, loadRuleFile } from '../dist/rules/load.js';

/** Writes a file whole (a concurrent reader sees the old file or the new one, never half of it). */
function writeWhole(path, text) {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

try {
  const files = coreRuleFiles();
  const compiled = { hash: coreRulesHash(files), files: files.map((file) => loadRuleFile(file)) };
  writeWhole(COMPILED_CORE_PATH, JSON.stringify(compiled));
  // The Traditional → Simplified tables (src/normalize/traditional.ts), built from opencc-js's dictionaries.
  writeWhole(CHAR_TABLES_PATH, serializeCharTables(buildCharTables()));
} catch (error) {
  process.stderr.write(`precompile: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
