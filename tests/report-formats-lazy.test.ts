/** The CLI's lazily loaded formats (src/report/formats.ts) are exactly the registry's formatters. */
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, loadFormatter } from '../src/report/formats.js';
import { FORMATTERS } from '../src/report/registry.js';

describe('formats loaded on demand', () => {
  it('names every registered formatter, in order, and loads the same module', async () => {
    expect(FORMAT_NAMES).toEqual(FORMATTERS.map((f) => f.name));
    for (const formatter of FORMATTERS) expect(await loadFormatter(formatter.name)).toBe(formatter);
  });

  it('loads nothing for an unknown name, including inherited keys', async () => {
    expect(await loadFormatter('xml')).toBeUndefined();
    expect(await loadFormatter('toString')).toBeUndefined();
  });
});
