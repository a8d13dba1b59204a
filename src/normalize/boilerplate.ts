/**
 * Boilerplate (web chrome) lines: breadcrumbs, copyright and ICP lines, news-site source headers.
 * Patterns come from the rule set's `boilerplate` section (rules/core/boilerplate.yaml); each is a
 * case-insensitive regular expression tested against one line of normalized text.
 */
import type { Boilerplate } from '../model.js';
import { InputError } from '../model.js';
import type { BoilerplatePattern, RuleSet } from '../rules/types.js';

const compiledCache = new WeakMap<object, { id: string; re: RegExp }[]>();

function compile(patterns: BoilerplatePattern[]): { id: string; re: RegExp }[] {
  const hit = compiledCache.get(patterns);
  if (hit) return hit;
  const compiled = patterns.map(({ id, pattern }) => {
    try {
      return { id, re: new RegExp(pattern, 'iu') };
    } catch (error) {
      throw new InputError(`rules: boilerplate pattern "${id}": ${(error as Error).message}`);
    }
  });
  compiledCache.set(patterns, compiled);
  return compiled;
}

/** Lines longer than this are prose, not chrome (keeps the per-line regex cost bounded). */
const MAX_LINE = 300;

/** The boilerplate lines of a normalized text, each as its line span (without the line break). */
export function findBoilerplate(normalized: string, rules: RuleSet): Boilerplate[] {
  const patterns = (rules.boilerplate ?? []) as BoilerplatePattern[];
  if (!patterns.length) return [];
  const compiled = compile(patterns);
  const found: Boilerplate[] = [];
  let start = 0;
  while (start <= normalized.length) {
    let end = normalized.indexOf('\n', start);
    if (end < 0) end = normalized.length;
    if (end > start && end - start <= MAX_LINE) {
      const line = normalized.slice(start, end);
      for (const { id, re } of compiled) {
        if (re.test(line)) {
          found.push({ start, end, pattern: id });
          break;
        }
      }
    }
    start = end + 1;
  }
  return found;
}
