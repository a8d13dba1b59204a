/**
 * Standard output that may be closed under us: `figcheck … | head -1` closes the pipe after one line,
 * and the next write fails with EPIPE. That is no error of the run: writing stops quietly and the run
 * ends with the exit code its findings call for.
 */

/** Thrown by writeStdout once the reader has gone; callers stop writing and finish the run. */
export class StdoutClosed extends Error {
  constructor() {
    super('standard output was closed by its reader');
    this.name = 'StdoutClosed';
  }
}

let closed = false;
let watching = false;

function isClosedPipe(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** Listens for the streams' errors once, so that EPIPE never reaches Node as an unhandled 'error' event. */
export function watchOutputStreams(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error) => {
    if (isClosedPipe(error)) closed = true;
    // Other errors reach the pending write's callback, which rejects with them.
  });
  // Warnings on a closed standard error (`2>&1 | head -1`) are lost quietly too.
  process.stderr.on('error', () => undefined);
}

/** Writes to standard output, resolving once the text is handed over (back-pressure respected). */
export function writeStdout(text: string): Promise<void> {
  watchOutputStreams();
  if (closed) return Promise.reject(new StdoutClosed());
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => {
      if (!error) resolve();
      else if (isClosedPipe(error)) {
        closed = true;
        reject(new StdoutClosed());
      } else reject(error);
    });
  });
}
