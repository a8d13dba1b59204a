/**
 * Tables over every BMP code unit that every run reads and that cost a cold process ~12 ms to build
 * (loops over 64K units and a regex over all of them, before the JIT has warmed up): the script classes
 * of normalize/index.ts and the compared units of the duplicate detector (damage/winnow.ts). The build
 * (scripts/precompile.mjs) writes them to dist/unit-tables.json; a run reads them there (~1 ms) while they
 * were built under its key (the character tables' and this Node's Unicode and V8), and builds them itself
 * otherwise (running from source, another Node). tests/precompiled-units.test.ts checks they are equal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_DIR } from '../rules/load.js';
import { charTablesKey } from './traditional.js';

export interface UnitTables {
  /** Code unit → script-detection bits (normalize/index.ts). */
  scriptClasses: Uint8Array;
  /** Code unit → 1 when the duplicate detector compares it (damage/winnow.ts). */
  compared: Uint8Array;
}

/** Where the build writes the tables. */
export const UNIT_TABLES_PATH = join(RULES_DIR, '..', 'dist', 'unit-tables.json');

/** What the tables are built from: the character tables, and the Unicode data of this Node's regular expressions. */
export function unitTablesKey(): string {
  return `1|${charTablesKey()}|unicode ${process.versions.unicode ?? ''}|v8 ${process.versions.v8}`;
}

export function serializeUnitTables(tables: UnitTables): string {
  const base64 = (array: Uint8Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  return JSON.stringify({ key: unitTablesKey(), scriptClasses: base64(tables.scriptClasses), compared: base64(tables.compared) });
}

let stored: Partial<UnitTables> | undefined;

/** A table as the build left it, or undefined when there is none for this key (then the caller builds it). */
export function precompiledUnitTable(name: keyof UnitTables): Uint8Array | undefined {
  if (!stored) {
    stored = {};
    try {
      const file = JSON.parse(readFileSync(UNIT_TABLES_PATH, 'utf8')) as Record<string, string>;
      if (file.key === unitTablesKey()) {
        for (const table of ['scriptClasses', 'compared'] as const) {
          const bytes = Buffer.from(file[table] ?? '', 'base64');
          if (bytes.length === 0x10000) stored[table] = new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
        }
      }
    } catch {
      // not built (running from source): the callers build the tables
    }
  }
  return stored[name];
}
