/**
 * Temporary files and folders of the outputs being written (`out.json` is written as a hidden
 * `.out.json.figcheck-….partial` beside it, then renamed into place). Every one registered here is
 * removed however the process ends: normally, on an error, or on SIGINT, SIGTERM or SIGHUP.
 *
 * signal-exit does the signal handling because doing it right is subtle: a listener on SIGINT turns
 * off Node's default "exit on SIGINT", so the handler must re-raise the signal once it has cleaned up,
 * and only when no other part of the process (the progress bar) still handles it.
 */
import { rmSync } from 'node:fs';
import { onExit } from 'signal-exit';

const pending = new Set<string>();
let hooked = false;

/** Removes `path` (file or folder) when the process ends unless `release()` is called first. */
export function removeOnExit(path: string): { release(): void } {
  if (!hooked) {
    hooked = true;
    onExit(() => {
      removeTemporaries();
    });
  }
  pending.add(path);
  return { release: () => void pending.delete(path) };
}

/** Removes every registered temporary now (also called when the process ends). */
export function removeTemporaries(): void {
  for (const path of pending) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Nothing more can be done while exiting; the name starts with a dot and ends in .partial.
    }
  }
  pending.clear();
}
