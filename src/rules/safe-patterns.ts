/**
 * Patterns in a user's rule file must not hang a run. figcheck runs them with JavaScript's backtracking
 * engine (they use lookbehind and `\p{…}`, which the linear-time engines within reach do not support: RE2
 * has no lookaround, V8's experimental linear engine no `u` flag), so a pattern that can backtrack
 * super-linearly, `(a+)+$` or `\s*\d*\s*$`, is refused when the file is loaded, with its
 * `file:line:column` and the reason. The analysis is scslre's (the one behind eslint-plugin-regexp's
 * no-super-linear-backtracking): it finds exponential and polynomial backtracking for inputs that repeat
 * one character, the common shape of such inputs (a long line of digits, spaces or one character).
 */
import { createRequire } from 'node:module';
import type { analyse as Analyse } from 'scslre';
import type { LineCounter, Node as YamlNode } from 'yaml';

/** scslre, loaded on first use: it takes ~90 ms to load, which a run without rule files of its own should not pay. */
let analyseLoaded: typeof Analyse | undefined;
function analyse(...args: Parameters<typeof Analyse>): ReturnType<typeof Analyse> {
  analyseLoaded ??= (createRequire(import.meta.url)('scslre') as { analyse: typeof Analyse }).analyse;
  return analyseLoaded(...args);
}

/** Keys whose values are regular expressions in rules/schema.json. */
const PATTERN_KEY = /^(?:pattern|patterns|deliveryLine|[a-z][A-Za-z]*Patterns?)$/;
/** `{numeral}`-style slots that rule sections fill with word lists before compiling (damage.yaml). */
const SLOT = /\{(token|unit|magnitude|verb|numeral)\}/g;

export interface UnsafePattern {
  line: number;
  column: number;
  message: string;
}

/** The patterns of a parsed rule file that can take super-linear time, with where they stand. */
export function unsafePatterns(contents: unknown, lineCounter: LineCounter): UnsafePattern[] {
  // yaml is loaded lazily by the rule loader (start-up); by the time a parsed file is here, it is loaded.
  const { isMap, isScalar, isSeq } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const found: UnsafePattern[] = [];
  const visit = (node: unknown, underPatternKey: boolean): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        visit(pair.value, PATTERN_KEY.test(key));
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, underPatternKey);
    } else if (underPatternKey && isScalar(node) && typeof node.value === 'string') {
      const problem = superLinear(node.value);
      if (problem) {
        const pos = lineCounter.linePos((node as YamlNode).range?.[0] ?? 0);
        found.push({ line: pos.line, column: pos.col, message: problem });
      }
    }
  };
  visit(contents, false);
  return found;
}

/** Why a pattern can take super-linear time, or null when the analysis finds no way. */
export function superLinear(pattern: string, slots: Record<string, string> = {}): string | null {
  // A slot stands for an alternation of words (given, or one word, which keeps the pattern's shape).
  const source = pattern.replace(SLOT, (_, name: string) => `(?:${slots[name] ?? '词'})`);
  let reports: ReturnType<typeof analyse>['reports'];
  try {
    reports = analyse({ source, flags: 'u' }).reports;
  } catch (error) {
    // Not a `u` pattern (the schema accepts both): analysed without the flag.
    try {
      reports = analyse({ source, flags: '' }).reports;
    } catch {
      return `cannot be checked for linear time (${(error as Error).message.split('\n')[0]})`;
    }
  }
  // The worst first: exponential before polynomial.
  const report = reports.find((r) => r.exponential) ?? reports[0];
  if (!report) return null;
  const char = JSON.stringify(report.character.pick);
  const growth = report.exponential ? 'exponential' : 'polynomial';
  return (
    `pattern ${JSON.stringify(pattern)} can take ${growth} time on a long run of ${char}: two of its repetitions can ` +
    `match the same text, so a failing match retries every way of splitting it; rewrite it so each character can ` +
    `be matched by one repetition only (e.g. (a+)+ → a+, \\s*\\d*\\s* → \\s*(?:\\d+\\s*)?)`
  );
}
