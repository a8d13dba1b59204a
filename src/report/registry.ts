/**
 * Output formats of `figcheck check --format`. Adding a format = one module and one line here.
 */
import type { CheckRun, Locale } from '../model.js';
import { githubFormatter } from './github.js';
import { jsonFormatter } from './json.js';
import { junitFormatter } from './junit.js';
import { rdjsonlFormatter } from './rdjsonl.js';
import { sarifFormatter } from './sarif.js';
import { stylishFormatter } from './stylish.js';
import { unixFormatter } from './unix.js';

export interface FormatOptions {
  /** Paths are shown relative to this directory. */
  cwd: string;
  /** ANSI colours (stylish only); the caller decides (TTY, NO_COLOR, --no-color). */
  color: boolean;
  locale: Locale;
  /** figcheck's version, for formats that name the tool (SARIF). */
  version: string;
}

export interface Formatter {
  name: string;
  description: string;
  format(run: CheckRun, options: FormatOptions): string;
}

export const FORMATTERS: Formatter[] = [
  stylishFormatter,
  unixFormatter,
  jsonFormatter,
  sarifFormatter,
  junitFormatter,
  githubFormatter,
  rdjsonlFormatter,
];

export function formatter(name: string): Formatter | undefined {
  return FORMATTERS.find((f) => f.name === name);
}
