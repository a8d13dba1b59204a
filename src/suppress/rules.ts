/**
 * The rule ids made after the checks (src/suppress/index.ts), described as check modules describe theirs,
 * so that SARIF's rule list, JUnit's test cases and the README name them like every other rule.
 */
import { NOTHING_COMPARED, NOTHING_COMPARED_DESCRIPTION } from '../coverage/index.js';
import type { Severity } from '../model.js';
import { UNUSED_SUPPRESSION, UNUSED_SUPPRESSION_DESCRIPTION } from './apply.js';

export const RUN_RULES: { id: string; description: string; defaultSeverity: Severity }[] = [
  { id: NOTHING_COMPARED, description: NOTHING_COMPARED_DESCRIPTION, defaultSeverity: 'info' },
  { id: UNUSED_SUPPRESSION, description: UNUSED_SUPPRESSION_DESCRIPTION, defaultSeverity: 'info' },
];
