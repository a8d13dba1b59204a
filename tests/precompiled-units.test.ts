/**
 * The tables over every code unit that the build stores (dist/unit-tables.json, scripts/precompile.mjs, run
 * by the test global setup) are the tables the sources build, and a file built under another key is never used.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { buildComparedTable, isCompared } from '../src/damage/winnow.js';
import { buildScriptClassTable, detectScript } from '../src/normalize/index.js';
import { precompiledUnitTable, serializeUnitTables, UNIT_TABLES_PATH, unitTablesKey } from '../src/normalize/unit-tables.js';

describe('precompiled unit tables', () => {
  it('equal the tables built from the character tables and the Unicode data', () => {
    expect(inject('buildError')).toBe('');
    const built = { scriptClasses: buildScriptClassTable(), compared: buildComparedTable() };
    expect(readFileSync(UNIT_TABLES_PATH, 'utf8')).toBe(serializeUnitTables(built));
    expect(precompiledUnitTable('scriptClasses')).toEqual(built.scriptClasses);
    expect(precompiledUnitTable('compared')).toEqual(built.compared);
  });

  it('are what script detection and the duplicate detector read', () => {
    expect(detectScript('這個國家經濟發展')).toBe('traditional');
    expect(detectScript('这个国家经济发展')).toBe('simplified');
    expect(isCompared('中'.charCodeAt(0))).toBe(true);
    expect(isCompared('，'.charCodeAt(0))).toBe(false);
  });

  it('are keyed by what they are built from', () => {
    expect(unitTablesKey()).toContain(process.versions.v8);
    expect(JSON.parse(readFileSync(UNIT_TABLES_PATH, 'utf8')).key).toBe(unitTablesKey());
  });
});
