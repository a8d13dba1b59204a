/** Every check type. Adding a check = adding one module and one line here. */
import type { CheckModule } from './types.js';

export const CHECKS: CheckModule[] = [];

export function checkModule(type: string): CheckModule | undefined {
  return CHECKS.find((c) => c.type === type);
}
