/**
 * The suppression comments, as written in a document's original text (the agreed syntax, README
 * "Suppressing findings"):
 *
 * - .md and .html: `<!-- figcheck-disable-next-line RULE… -->`, `<!-- figcheck-disable RULE… -->` …
 *   `<!-- figcheck-enable RULE… -->`;
 * - .txt: a line of its own `//figcheck-disable-next-line RULE…`, `//figcheck-disable RULE…`,
 *   `//figcheck-enable RULE…` (`//` then the keyword, no space needed: a form no Chinese report holds);
 * - .docx: a Word comment whose text starts with `figcheck-disable` (./docx.ts).
 *
 * RULE is a finding's rule id (JSON `rule`, SARIF `ruleId`), several separated by spaces or commas;
 * none means every rule. Offsets here are offsets into the ORIGINAL text (for .html: the markup, where
 * the html reader's comments still are), the coordinates every Location is in.
 */
import type { Format } from '../model.js';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

/** One directive as written: its kind, the rules it names (null: all), and where it stands. */
export interface TextDirective {
  kind: DirectiveKind;
  rules: string[] | null;
  /** [start, end) of the whole comment in the original text. */
  start: number;
  end: number;
}

/** `<!-- figcheck-… -->` (any whitespace inside, the comment may span lines). */
const COMMENT = /<!--\s*figcheck-(disable-next-line|disable|enable)(?![\w-])([\s\S]*?)-->/g;
/** `//figcheck-…` alone on its line (leading blanks allowed, ideographic space included; LF, CRLF or CR endings). */
const LINE = /^[ \t\u3000]*\/\/[ \t]*figcheck-(disable-next-line|disable|enable)(?![\w-])([^\r\n]*)(?=\r|\n|$)/gm;

/**
 * Rule ids of a directive's tail: split on spaces and commas (ASCII or full-width); none → every rule.
 * A reason may follow ` -- ` (as ESLint's directives allow): it is for people, never read as a rule id.
 */
export function parseRules(tail: string): string[] | null {
  const rules = tail
    .replace(/(?:^|\s)--(?:\s[\s\S]*)?$/, '')
    .split(/[\s,，、]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  return rules.length ? rules : null;
}

/** The directives written in a text/markup original, in order. Cheap for a text without `figcheck-`. */
export function textDirectives(original: string, format: Format): TextDirective[] {
  if (format === 'docx' || !original.includes('figcheck-')) return [];
  const pattern = format === 'txt' ? LINE : COMMENT;
  const directives: TextDirective[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(original); match; match = pattern.exec(original)) {
    directives.push({ kind: match[1] as DirectiveKind, rules: parseRules(match[2] ?? ''), start: match.index, end: match.index + match[0].length });
  }
  return directives;
}

/**
 * The text later stages read, with the directives of a .txt or .md blanked (spaces, line breaks kept):
 * a directive is an instruction to figcheck, never content, so it yields no figure, no label and no
 * finding, and every offset stays where it was (same length, so no offset map is needed).
 */
export function blankDirectives(original: string, format: Format): string {
  if (format !== 'txt' && format !== 'md') return original;
  const directives = textDirectives(original, format);
  if (!directives.length) return original;
  let out = '';
  let at = 0;
  for (const { start, end } of directives) {
    out += original.slice(at, start) + original.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + original.slice(at);
}
