/**
 * Applying the suppression comments of the documents (./syntax.ts, ./docx.ts) to a run's findings: a
 * finding any of whose locations lies where a directive for its rule holds is removed (and counted); a
 * directive that removed nothing — or names a rule it never met — becomes an `unused-suppression` info
 * finding at the directive, so stale comments do not pile up. Cost: documents without a directive are
 * skipped by one `includes`; a finding is tested only against its documents' directives.
 */
import { normalizedOffsetAt } from '../document.js';
import { fingerprint } from '../checks/fingerprint.js';
import { t } from '../i18n.js';
import type { Document, Finding, Locale, Location } from '../model.js';
import { textDirectives, type TextDirective } from './syntax.js';

export const UNUSED_SUPPRESSION = 'unused-suppression';

export const UNUSED_SUPPRESSION_DESCRIPTION = 'A suppression comment (figcheck-disable…) that suppressed no finding: remove it, or fix the rule id it names.';

/** One directive's reach in a document: original offsets [from, to), the rules it silences (null: all). */
interface Suppression {
  rules: string[] | null;
  from: number;
  to: number;
  /** Where the directive is written (the unused-suppression finding's location). */
  location: Location;
  /** A `disable` naming rules: also silences those rules' findings about the whole document (at 1:1). */
  wholeDocument: boolean;
  /** Rule ids it silenced. */
  used: Set<string>;
}

const MESSAGES = {
  unusedAll: { en: 'unused suppression: no finding here to suppress (remove the comment)', zh: '未使用的抑制注释：此处没有可抑制的问题（请删除该注释）' },
  unusedRules: (rules: string) => ({
    en: `unused suppression: no ${rules} finding here to suppress (remove the rule id, or the comment)`,
    zh: `未使用的抑制注释：此处没有 ${rules} 问题可抑制（请删除该规则名或注释）`,
  }),
};

/** 1-based line and column of an original offset, through the document's own line index (offsetAt). */
function positionOf(document: Document, offset: number): { line: number; column: number } {
  let hi = 1;
  while (document.offsetAt(hi * 2, 1) !== null) hi *= 2;
  hi *= 2;
  let lo = 1;
  // Largest line whose start is at or before the offset.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = document.offsetAt(mid, 1);
    if (start !== null && start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, column: offset - document.offsetAt(lo, 1)! + 1 };
}

function locationOf(document: Document, start: number, end: number): Location {
  const a = positionOf(document, start);
  const b = positionOf(document, end);
  return { path: document.path, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, text: document.original.slice(start, end) };
}

/** Original offsets of the line after the one a directive ends on (.txt, .md: source lines). */
function nextSourceLine(document: Document, end: number): [number, number] {
  const { line } = positionOf(document, end);
  const from = document.offsetAt(line + 1, 1);
  if (from === null) return [end, end];
  return [from, document.offsetAt(line + 2, 1) ?? document.original.length];
}

/**
 * Original offsets of the next line of visible text after an HTML comment: the line the reader sees
 * (a block), wherever the markup breaks its lines (a page written on one line included).
 */
function nextVisibleLine(document: Document, end: number): [number, number] {
  const text = document.normalized;
  let at = normalizedOffsetAt(document, end);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  // A comment inside a line of text: the next line is the one after it.
  if (text.slice(lineStart, at).trim()) {
    const next = text.indexOf('\n', at);
    if (next < 0) return [end, end];
    at = next + 1;
  }
  while (at < text.length && /\s/.test(text[at]!)) at++;
  if (at >= text.length) return [end, end];
  const lineEnd = text.indexOf('\n', at);
  return [document.originalOffset(at), lineEnd < 0 ? document.original.length : document.originalOffset(lineEnd)];
}

/** Whether a disable block with `open` rules is closed by an enable naming `closing` (null: all). */
function closes(closing: string[] | null, open: string[] | null): boolean {
  if (closing === null) return true;
  return open !== null && open.every((rule) => closing.includes(rule));
}

function textSuppressions(document: Document, directives: TextDirective[]): Suppression[] {
  const out: Suppression[] = [];
  let open: { directive: TextDirective; suppression: Suppression }[] = [];
  for (const directive of directives) {
    const location = locationOf(document, directive.start, directive.end);
    if (directive.kind === 'disable-next-line') {
      const [from, to] = document.format === 'html' ? nextVisibleLine(document, directive.end) : nextSourceLine(document, directive.end);
      out.push({ rules: directive.rules, from, to, location, wholeDocument: false, used: new Set() });
    } else if (directive.kind === 'disable') {
      const suppression: Suppression = { rules: directive.rules, from: directive.end, to: document.original.length, location, wholeDocument: directive.rules !== null, used: new Set() };
      out.push(suppression);
      open.push({ directive, suppression });
    } else {
      open = open.filter(({ suppression }) => {
        if (!closes(directive.rules, suppression.rules)) return true;
        suppression.to = directive.start;
        return false;
      });
    }
  }
  return out;
}

function commentSuppressions(document: Document): Suppression[] {
  return (document.commentDirectives ?? []).flatMap((directive) => {
    const from = document.offsetAt(directive.firstLine, 1);
    if (from === null) return [];
    const to = document.offsetAt(directive.lastLine + 1, 1) ?? document.original.length;
    const lineEnd = document.lineText(directive.lastLine)?.length ?? 0;
    const location: Location = {
      path: document.path,
      line: directive.firstLine,
      column: 1,
      endLine: directive.lastLine,
      endColumn: lineEnd + 1,
      text: directive.text,
    };
    return [{ rules: directive.rules, from, to, location, wholeDocument: directive.rules !== null, used: new Set<string>() }];
  });
}

/** The suppressions written in a document (none for most: one `includes` decides). */
export function suppressionsOf(document: Document): Suppression[] {
  if (document.format === 'docx') return commentSuppressions(document);
  return textSuppressions(document, textDirectives(document.original, document.format));
}

/** A finding about a document as a whole (input-error, nothing-compared): a zero-width location at its start. */
function aboutWholeDocument(location: Location): boolean {
  return location.line === 1 && location.column === 1 && location.endLine === 1 && location.endColumn === 1 && !location.text;
}

export interface Suppressed {
  /** The findings left, and the unused-suppression findings. */
  findings: Finding[];
  /** How many findings the directives removed. */
  suppressed: number;
}

/** Removes the findings the documents' directives silence; adds an unused-suppression finding per unused directive. */
export function applySuppressions(documents: readonly Document[], findings: readonly Finding[], locale: Locale): Suppressed {
  const byPath = new Map<string, Suppression[]>();
  for (const document of documents) {
    const found = suppressionsOf(document);
    if (found.length) byPath.set(document.path, found);
  }
  if (!byPath.size) return { findings: [...findings], suppressed: 0 };
  const documentOf = new Map(documents.map((d) => [d.path, d]));
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const finding of findings) {
    let silenced = false;
    for (const location of finding.locations) {
      const suppressions = byPath.get(location.path);
      if (!suppressions) continue;
      const whole = aboutWholeDocument(location);
      const start = documentOf.get(location.path)!.offsetAt(location.line, location.column);
      for (const suppression of suppressions) {
        if (suppression.rules && !suppression.rules.includes(finding.rule)) continue;
        const inside = start !== null && !whole && start >= suppression.from && start < suppression.to;
        if (!inside && !(whole && suppression.wholeDocument)) continue;
        // Every directive that holds here counts as used: two overlapping ones are both doing their work.
        suppression.used.add(finding.rule);
        silenced = true;
      }
    }
    if (silenced) suppressed++;
    else kept.push(finding);
  }
  for (const suppressions of byPath.values()) {
    for (const suppression of suppressions) {
      const unused = suppression.rules ? suppression.rules.filter((rule) => !suppression.used.has(rule)) : suppression.used.size ? [] : null;
      if (unused && !unused.length) continue;
      kept.push({
        fingerprint: fingerprint(UNUSED_SUPPRESSION, null, [{ document: suppression.location.path, text: `${suppression.location.text ?? ''}\u0000${unused?.join(' ') ?? ''}` }]),
        rule: UNUSED_SUPPRESSION,
        severity: 'info',
        message: t(locale, unused ? MESSAGES.unusedRules(unused.join(', ')) : MESSAGES.unusedAll),
        metric: null,
        locations: [suppression.location],
      });
    }
  }
  return { findings: kept, suppressed };
}
