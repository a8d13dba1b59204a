/**
 * Unfinished figures in drafts, found in the text itself: a token standing for digits before a unit
 * (`增长×%`, `XX亿元`, `占比□□%`) or a unit with no number (`增长%`, `达到亿元`). Patterns: the
 * `placeholders` section of rules/core/damage.yaml.
 */
import type { Document, Span } from '../model.js';
import { coreRules } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { compilePattern, escapeRegExp, placeholderSettings } from './settings.js';
import { searchAll, searchOf, type Search } from '../matches.js';

export interface PlaceholderSpan extends Span {
  /** Id of the rule pattern that matched. */
  pattern: string;
  /** As written in the original. */
  text: string;
}

const compiledCache = new WeakMap<RuleSet, { id: string; search: Search }[]>();

/** Longest first, so `XX` is not read as `X` followed by `X`. */
function alternation(words: string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

function compile(rules: RuleSet): { id: string; search: Search }[] {
  const hit = compiledCache.get(rules);
  if (hit) return hit;
  const settings = placeholderSettings(rules);
  const lists: Record<string, string> = {
    token: alternation(settings.tokens),
    unit: alternation(settings.units),
    magnitude: alternation(settings.magnitudes),
    verb: alternation(settings.verbs),
    numeral: settings.numerals,
  };
  const patterns = settings.patterns.map(({ id, pattern }) => ({
    id,
    // (the patterns open with lookbehinds: searched from their first consuming part, see searchOf)
    search: searchOf(
      compilePattern(
        `placeholders.patterns ${id}`,
        pattern.replace(/\{(token|unit|magnitude|verb|numeral)\}/g, (_, name: string) => lists[name]!),
      ),
    ),
  }));
  compiledCache.set(rules, patterns);
  return patterns;
}

const spansCache = new WeakMap<Document, { rules: RuleSet; spans: PlaceholderSpan[] }>();

/**
 * Placeholders of a document in text order; boilerplate lines are skipped, overlaps kept once. Cached per
 * document and rule set (a language server re-checks a draft against kept documents on every edit).
 */
export function placeholderSpans(doc: Document, rules: RuleSet = coreRules()): PlaceholderSpan[] {
  const hit = spansCache.get(doc);
  if (hit && hit.rules === rules) return hit.spans;
  const spans = findPlaceholderSpans(doc, rules);
  spansCache.set(doc, { rules, spans });
  return spans;
}

function findPlaceholderSpans(doc: Document, rules: RuleSet): PlaceholderSpan[] {
  const found: PlaceholderSpan[] = [];
  for (const { id, search } of compile(rules)) {
    for (const m of searchAll(doc.normalized, search)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) continue;
      if (doc.boilerplate.some((b) => start < b.end && b.start < end)) continue;
      found.push({ start, end, pattern: id, text: doc.locate(start, end).text ?? m[0] });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((p, i) => i === 0 || p.start >= found[i - 1]!.end);
}
