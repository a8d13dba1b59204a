/** Every check type. Adding a check = adding one module and one line here. */
import type { CheckModule } from './types.js';
import { arithmeticCheck } from './arithmetic.js';
import { boilerplateCheck } from './boilerplate.js';
import { consistencyCheck } from './consistency.js';
import { duplicatesCheck } from './duplicates.js';
import { encodingDamageCheck } from './encoding-damage.js';
import { inputErrorCheck } from './input-error.js';
import { placeholderCheck } from './placeholder.js';
import { requiredCheck } from './required.js';
import { targetCheck } from './target.js';

export const CHECKS: CheckModule[] = [
  consistencyCheck,
  targetCheck,
  arithmeticCheck,
  requiredCheck,
  duplicatesCheck,
  placeholderCheck,
  encodingDamageCheck,
  boilerplateCheck,
  inputErrorCheck,
];

export function checkModule(type: string): CheckModule | undefined {
  return CHECKS.find((c) => c.type === type);
}
