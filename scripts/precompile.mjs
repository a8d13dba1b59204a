#!/usr/bin/env node
/**
 * Build step (package.json "build", after tsc): validates rules/core/*.yaml against rules/schema.json
 * and writes them parsed to dist/core-rules.json with a hash of their contents, so that a run with
 * the shipped rules neither loads the YAML parser and ajv nor parses eleven files (src/rules/load.ts
 * uses the file only while the hash matches the YAML files); likewise the Traditional → Simplified
 * character tables (dist/char-tables.json), ~60 ms of every start-up otherwise, and the tables over every
 * code unit derived from them (dist/unit-tables.json, ~12 ms).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { buildCharTables, CHAR_TABLES_PATH, serializeCharTables } from '../dist/normalize/traditional.js';
import { COMPILED_CORE_PATH, coreRuleFiles, coreRulesHash, loadRuleFile } from '../dist/rules/load.js';
import { buildComparedTable } from '../dist/damage/winnow.js';
import { buildScriptClassTable } from '../dist/normalize/index.js';
import { serializeUnitTables, UNIT_TABLES_PATH } from '../dist/normalize/unit-tables.js';

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
  // Tables over every code unit that normalize and the duplicate detector read (src/normalize/unit-tables.ts).
  writeWhole(UNIT_TABLES_PATH, serializeUnitTables({ scriptClasses: buildScriptClassTable(), compared: buildComparedTable() }));
} catch (error) {
  process.stderr.write(`precompile: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
