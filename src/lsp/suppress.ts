/**
 * The code action's edit: the suppression comment agreed for each format, on a line of its own above
 * the finding's line (src/suppress reads them in the pipeline). In .md and .html an HTML comment
 * `<!-- figcheck-disable-next-line RULE -->`; in .txt the line comment `//figcheck-disable-next-line RULE`.
 * A comment already there for other rules gains this one (`RULE…` takes several).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../i18n.js';
import type { Format, Locale } from '../model.js';
import { SOURCE } from './convert.js';

const HTML_COMMENT = /^([ \t]*)<!--\s*figcheck-disable-next-line\b([^>]*?)\s*-->[ \t]*$/;
const LINE_COMMENT = /^()\/\/figcheck-disable-next-line\b(.*?)[ \t]*$/;

export function suppressionComment(format: Format, rules: string[], indent = ''): string {
  const names = rules.join(' ');
  return format === 'txt' ? `//figcheck-disable-next-line ${names}` : `${indent}<!-- figcheck-disable-next-line ${names} -->`;
}

/** Lines of a text with the break that ends each (\n, \r\n or a lone \r, as the offset map counts lines). */
function linesOf(text: string): { text: string; eol: string }[] {
  const lines: { text: string; eol: string }[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/**
 * The edit that suppresses `rule` on 0-based `line` of `text`. In .md/.html the comment takes the line's
 * indentation (so it stays inside a list item); in .txt it starts the line, where it cannot be content.
 * Null when the line above already suppresses the rule.
 */
export function suppressionEdit(text: string, line: number, format: Format, rule: string): TextEdit | null {
  const lines = linesOf(text);
  const eol = lines.find((l) => l.eol)?.eol ?? '\n';
  const above = line > 0 ? lines[line - 1] : undefined;
  const existing = above && (format === 'txt' ? LINE_COMMENT : HTML_COMMENT).exec(above.text);
  if (above && existing) {
    const rules = existing[2]!.trim().split(/[\s,]+/).filter(Boolean);
    // A comment with no rule already silences every rule on the line below: nothing to add.
    if (!rules.length || rules.includes(rule)) return null;
    return {
      range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.text.length } },
      newText: suppressionComment(format, [...rules, rule], existing[1]),
    };
  }
  const indent = format === 'txt' ? '' : (/^[ \t]*/.exec(lines[line]?.text ?? '')?.[0] ?? '');
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${suppressionComment(format, [rule], indent)}${eol}` };
}

/** One quick fix per figcheck diagnostic (rule and line once), unless the line above already suppresses it. */
export function suppressionActions(document: TextDocument, format: Format, diagnostics: readonly Diagnostic[], locale: Locale): CodeAction[] {
  const actions: CodeAction[] = [];
  const done = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
    const rule = diagnostic.code;
    const line = diagnostic.range.start.line;
    if (done.has(`${rule}\u0000${line}`)) continue;
    done.add(`${rule}\u0000${line}`);
    const edit = suppressionEdit(document.getText(), line, format, rule);
    if (!edit) continue;
    actions.push({
      title: t(locale, { en: `Suppress ${rule} on this line (figcheck)`, zh: `在此行停用 ${rule}（figcheck）` }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [edit] } },
    });
  }
  return actions;
}
