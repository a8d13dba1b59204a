/**
 * A progress bar (cli-progress) on stderr for long runs. It appears only once the run has taken
 * more than a second, so quick runs print nothing, and never on stdout, so machine-readable
 * output stays clean. The caller decides `enabled` (stderr is a TTY and not --quiet).
 */
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';

// cli-progress is loaded when a bar is first drawn: most runs end before the bar's delay and never need it.
const require = createRequire(import.meta.url);

export interface ProgressOptions {
  enabled: boolean;
  /** Where to draw (default: process.stderr). */
  stream?: NodeJS.WritableStream;
  /** How long a run must take before the bar shows (default 1000 ms). */
  delayMs?: number;
}

export interface Progress {
  tick(label?: string): void;
  stop(): void;
}

const SILENT: Progress = { tick() {}, stop() {} };

/**
 * cli-progress redraws on a timer it re-arms after every frame; unref each one, so a run that
 * ends without stop() (an input error half-way) still lets the process exit.
 */
function barClass(cliProgress: typeof cliProgressModule) {
  return class Bar extends cliProgress.SingleBar {
    override render(): void {
      super.render();
      (this as unknown as { timer?: NodeJS.Timeout | null }).timer?.unref?.();
    }
  };
}

export function createProgress(total: number, options: ProgressOptions): Progress {
  if (!options.enabled || total <= 0) return SILENT;
  const stream = options.stream ?? process.stderr;
  const delay = options.delayMs ?? 1000;
  let done = 0;
  let label = '';
  let bar: cliProgressModule.SingleBar | undefined;
  let stopped = false;

  const show = () => {
    if (bar || stopped) return;
    const cliProgress = require('cli-progress') as typeof cliProgressModule;
    const Bar = barClass(cliProgress);
    bar = new Bar(
      {
        stream,
        format: '{bar} {value}/{total} {label}',
        clearOnComplete: true,
        hideCursor: false, // a run that dies half-way must not leave the terminal without a cursor
        barsize: 24,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, done, { label });
  };
  // A timer, not only the ticks: a single slow document must still bring the bar up.
  const timer = setTimeout(show, delay);
  timer.unref?.();

  return {
    tick(next?: string) {
      if (stopped) return;
      done = Math.min(total, done + 1);
      label = next ?? '';
      bar?.update(done, { label });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      bar?.stop();
    },
  };
}
