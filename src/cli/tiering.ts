/**
 * When V8 optimizes figcheck's code. V8 hands a function to its optimizing compiler (TurboFan) once it has
 * used up its interrupt budget a few times (67,584 bytes of bytecode run, by default). A `check` is hundreds
 * of functions, each run over objects of many shapes (figures, subjects, statements of every kind) for a
 * few seconds: with the default budget they are optimized on thin type feedback, deoptimized and optimized
 * again, and the compiling (on another thread, but CPU all the same) costs more than the optimized code
 * gains. A budget thirty times larger lets the feedback settle first; the functions a long run spends its
 * time in are still optimized within its first seconds.
 *
 * Measured (cold `figcheck check`, CPU seconds, user + system, 2 cores shared with other work): the 43 real
 * documents of the bench 3.1–3.2 s → 1.85–2.0 s; 2,500 synthetic documents 14.9 s → 12.2 s. Only the
 * executable sets it (src/cli/run.ts): a program using the library keeps its own V8 settings. V8 reads the
 * budget each time it resets a function's, so setting it as the process starts takes effect; the bundle's
 * code cache was already read by then (bin/code-cache.cjs), and the flag does not change its bytecode.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode run between two looks at whether a function is worth optimizing (V8's default: 67,584). */
export const INTERRUPT_BUDGET = 2_000_000;

export function settleBeforeOptimizing(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
