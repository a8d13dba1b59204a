/**
 * Fingerprints kept for documents that do not change (the language server's reference set): the blocks
 * found are the same whether a document's fingerprints are computed afresh or kept from an earlier call,
 * and a kept document compared with a changed draft finds the draft's new copy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duplicateSettings, findDuplicateBlocks, keepFingerprints } from '../src/damage/index.js';
import { documentFromText } from '../src/document.js';
import { coreRules } from '../src/rules/load.js';
import { EXAMPLES } from './helpers/paths.js';

describe('kept fingerprints', () => {
  it('give the same duplicate blocks as fresh ones, call after call', () => {
    const settings = duplicateSettings(coreRules());
    const yearbook = readFileSync(join(EXAMPLES, 'yearbook-2023-government.txt'), 'utf8');
    const party = readFileSync(join(EXAMPLES, 'yearbook-2023-party.txt'), 'utf8');
    const fresh = () => [documentFromText(yearbook, { id: 'gov' }), documentFromText(party, { id: 'party' })];
    const expected = findDuplicateBlocks(fresh(), settings);
    expect(expected.length).toBeGreaterThan(0);

    const kept = fresh();
    kept.forEach(keepFingerprints);
    expect(findDuplicateBlocks(kept, settings)).toEqual(expected);
    expect(findDuplicateBlocks(kept, settings)).toEqual(expected);

    // A draft that copies a paragraph of the kept yearbook, edited twice: each version is compared anew.
    const paragraph = yearbook.split('\n').filter((line) => line.length > 200)[0]!;
    for (const draftText of [`草稿开头。\n${paragraph}\n`, `另一个开头，没有重复。\n`]) {
      const draft = documentFromText(draftText, { id: 'draft', path: 'draft.txt' });
      const blocks = findDuplicateBlocks([kept[0]!, draft], settings);
      expect(blocks.some((block) => block.repeat.document === 1 || block.original.document === 1)).toBe(draftText.includes(paragraph));
    }
  });
});
