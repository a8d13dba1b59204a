/**
 * Escaping for output that holds one item a line. Its own module, free of the check registry, so the
 * command line's messages (loaded by every run, `--version` too) do not load every check to use it.
 */

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A path for a format that holds one finding a line (unix, stylish): control characters a file name may
 * hold (a newline, a tab) written as `\n`, `\t`, `\xHH`, so that the name cannot break the line.
 */
export function oneLinePath(path: string): string {
  return path.replace(/[\u0000-\u001f\u007f]/g, (c) => CONTROL_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
