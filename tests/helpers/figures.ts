/**
 * Figures as the CLI sees them: the extract stage, then the meaning stage (period, modality), as
 * src/pipeline.ts runs them for every document.
 */
import { extractFigures as readFigures } from '../../src/extract/index.js';
import { interpret } from '../../src/meaning/index.js';
import type { Document, Figure } from '../../src/model.js';
import { coreRules } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/types.js';

export function extractFigures(doc: Document, rules: RuleSet = coreRules()): Figure[] {
  return interpret(doc, readFigures(doc, rules), rules);
}
