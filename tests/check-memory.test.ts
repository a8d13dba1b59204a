/** A run holds every document until the checks end: their segment trees keep sections and sentences, not clauses. */
import { describe, expect, it } from 'vitest';
import { check } from '../src/pipeline.js';
import type { Segment } from '../src/model.js';
import { EXAMPLES } from './helpers/paths.js';

function kinds(segment: Segment, out = new Set<string>()): Set<string> {
  out.add(segment.kind);
  for (const child of segment.children) kinds(child, out);
  return out;
}

describe('documents held by a run', () => {
  it('keep sections, paragraphs and sentences but no clauses, and their figures and findings', async () => {
    const run = await check([EXAMPLES], { config: false });
    expect(run.documents.length).toBeGreaterThan(2);
    for (const document of run.documents) {
      const seen = kinds(document.segments);
      expect(seen.has('sentence')).toBe(true);
      expect(seen.has('clause')).toBe(false);
    }
    expect(run.figures.length).toBeGreaterThan(100);
    expect(run.findings.length).toBeGreaterThan(0);
  });
});
