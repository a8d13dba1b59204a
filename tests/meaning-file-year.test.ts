/**
 * An undated document's year from its file's name (src/meaning/document-time.ts fileNameYear): a year only where it
 * stands apart from letters and digits, as corpora name reports; a numbered file (`d1999.txt`, `v2000`) names
 * no year (read as one, 1,999 synthetic documents once took years of their own and a check went quadratic).
 */
import { describe, expect, it } from 'vitest';
import { fileNameYear } from '../src/meaning/document-time.js';

const titles = { titles: [{ words: ['统计公报'], year: 'review' as const }] };

describe("the year of a file's name", () => {
  it('reads a year set apart by separators or Chinese text', () => {
    expect(fileNameYear('corpus/cn_national_1983_gwr_state_council.txt', true, titles)).toEqual({ year: 1983, kind: 'delivery' });
    expect(fileNameYear('gwr-2025-hubei.txt', true, titles)).toEqual({ year: 2025, kind: 'delivery' });
    expect(fileNameYear('2024年统计公报.txt', false, titles)).toEqual({ year: 2024, kind: 'review' });
  });

  it('reads no year inside a number or a name', () => {
    expect(fileNameYear('d1999.txt', true, titles)).toBeNull();
    expect(fileNameYear('report-v2000.txt', true, titles)).toBeNull();
    expect(fileNameYear('20240305.txt', true, titles)).toBeNull();
    // two years: no date
    expect(fileNameYear('2019-2020.txt', true, titles)).toBeNull();
  });
});
