/** The exit code of `figcheck check`: --fail-on and --max-warnings over the active findings. */
import { SEVERITY_ORDER, type Finding, type Severity } from '../model.js';

export interface GateOptions {
  /** Fail when an active finding is at or above this severity; 'never' disables it. */
  failOn: Severity | 'never';
  /** Fail when there are more active warnings than this. */
  maxWarnings?: number;
}

/** 1 when the run should fail CI, else 0. Baseline-suppressed findings never count. */
export function exitCode(findings: readonly Finding[], options: GateOptions): 0 | 1 {
  const active = findings.filter((f) => !f.suppressed);
  const { failOn, maxWarnings } = options;
  if (failOn !== 'never' && active.some((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[failOn])) return 1;
  if (maxWarnings !== undefined && active.filter((f) => f.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}
