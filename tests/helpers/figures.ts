/**
 * Figures as the CLI sees them: the extract stage, then the meaning stage (period, modality), as
 * src/pipeline.ts runs them for every document.
 */
import { expect } from 'vitest';
import { documentFromText, type DocumentMeta } from '../../src/document.js';
import { extractFigures as readFigures } from '../../src/extract/index.js';
import { interpret } from '../../src/meaning/index.js';
import type { Document, Figure } from '../../src/model.js';
import { coreRules } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/types.js';

export function extractFigures(doc: Document, rules: RuleSet = coreRules()): Figure[] {
  return interpret(doc, readFigures(doc, rules), rules);
}

/** The figures of a small made-up text, as the CLI sees them. */
export function figuresOfText(text: string, meta: DocumentMeta & { path?: string } = {}): Figure[] {
  return extractFigures(documentFromText(text, meta));
}

/** The figure written `raw` in a small made-up text, as the CLI sees it (throws when none is). */
export function figureOfText(text: string, raw: string, meta: DocumentMeta & { path?: string } = {}): Figure {
  const found = figuresOfText(text, meta).find((f) => f.raw === raw);
  if (!found) throw new Error(`${raw} not read in ${text}`);
  return found;
}

/** The one figure of `found` written `raw` (fails when it is not found exactly once). */
export function figureWritten(found: Figure[], raw: string): Figure {
  const matching = found.filter((f) => f.raw === raw);
  expect(matching.map((f) => f.raw), raw).toHaveLength(1);
  return matching[0]!;
}

/** [period, modality] of the figure written `raw` (fails when it is not found exactly once). */
export function reading(found: Figure[], raw: string): [string | null, string] {
  const figure = figureWritten(found, raw);
  return [figure.period, figure.modality];
}
