/**
 * The output formats by name, each loaded when a run asks for it (src/report/registry.ts holds the
 * loaded formatters for the library and tests; tests/report-formats.test.ts checks both lists agree).
 * The CLI reads the names at start-up without loading any formatter or the checks they describe.
 */
import type { Formatter } from './registry.js';

const LOADERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylishFormatter,
  unix: async () => (await import('./unix.js')).unixFormatter,
  json: async () => (await import('./json.js')).jsonFormatter,
  sarif: async () => (await import('./sarif.js')).sarifFormatter,
  junit: async () => (await import('./junit.js')).junitFormatter,
  github: async () => (await import('./github.js')).githubFormatter,
  rdjsonl: async () => (await import('./rdjsonl.js')).rdjsonlFormatter,
};

/** Every format name, in the registry's order. */
export const FORMAT_NAMES: readonly string[] = Object.keys(LOADERS);

/** The formatter of that name, loaded; undefined for an unknown name. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name]!() : undefined;
}
