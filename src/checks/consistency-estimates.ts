/**
 * An estimate (`预计`) against the final figure of the same fact (SEMANTICS.md, "estimate"): a December budget
 * report's `全市一般公共预算地方收入预计完成207亿元左右` and the communiqué's `207.10亿元` are one fact, the first stated
 * before its year was over. They are compared by the same interval rules as two finals (an estimate without a
 * qualifier has the width of its written digits: `113.5亿元` against `113.89亿元` disagrees); when they disagree the
 * estimate was revised, and the finding (`estimate-revised`) says which side is preliminary.
 *
 * Its severity is one step below what two finals disagreeing would get (a rule's `error` → `warning`, an
 * automatic alignment's `warning` → `info`): neither document is wrong, since an estimate is published as
 * one and the final figure replaces it; but an editor restating the fact wants to know that the figure moved
 * (and a later document still quoting the estimate is stale). Two estimates of one fact disagreeing, or two
 * finals, are plain `figure-mismatch` findings.
 */
import type { Figure, Locale, Severity } from '../model.js';
import { t } from '../i18n.js';
import { documentDate, periodEnd, periodOverBy, type YearMonth } from './document-date.js';
import type { Reading } from './consistency.js';
import type { CheckContext } from './types.js';
import { autoIdentityOnce, usable } from './identity.js';
import { consistent } from './compare.js';
import { measureOf } from '../meaning/metric.js';

export const ESTIMATE_REVISED = 'estimate-revised';

/** True for a reading of an estimate (readings are of one modality each: consistency.ts readingsOf). */
export function isEstimate(reading: Reading): boolean {
  return reading.figures[0]!.modality === 'estimate';
}

/** Two readings of one fact of which exactly one is preliminary (an estimate) and the other final. */
export function estimateAndFinal(a: Reading, b: Reading): boolean {
  return isEstimate(a) !== isEstimate(b);
}

/** True when a group's readings hold both an estimate and a final figure (only then is a revision possible). */
export function mixesEstimates(readings: readonly Reading[]): boolean {
  return readings.some(isEstimate) && readings.some((r) => !isEstimate(r));
}

/**
 * An estimate of a period about to close when its document was delivered: its period ends at most
 * `documentDate.estimateMonths` months after the delivery month (a budget report of 27 December 2025 estimating
 * 2025). Such an estimate is a preliminary figure of that period and is compared with its final figures, though
 * the period was not over (a statement not so marked, of a period not over, is still a plan: document-date.ts).
 * An estimate of a period further ahead (the next year's budget, `2026年…预计完成226亿元`) is a projection, never.
 */
export function estimateOfClosingPeriod(figure: Figure, delivered: YearMonth | null, context: CheckContext): boolean {
  if (figure.modality !== 'estimate' || !figure.period || !delivered) return false;
  const months = context.rules.alignment?.documentDate?.estimateMonths;
  if (months === undefined || months < 0) return false;
  const end = periodEnd(figure.period);
  if (!end) return false;
  const ahead = (end.year - delivered.year) * 12 + (end.month - delivered.month);
  return ahead >= 0 && ahead <= months && statedOnce(figure, context);
}

/**
 * Whether the estimate's document states its fact (metric or auto identity, and period) with no other value,
 * counting the statements left out as plans too. A report written before its year closed states the whole
 * place's figure beside its levels' (`全市…完成664.2亿元，其中市本级预计完成一般公共预算支出124.9亿元`), and the next
 * year's budget beside the year's estimate: a label that loses the level or the year names two facts there. The
 * identity pass sets such a label aside only when both statements are compared (align.ts ambiguousLabel); here
 * the other one may be a statement it never sees (an actual of the open period), so the estimate is not compared
 * either. (The same value stated again is the estimate restated, as reports restate their headline figures.)
 */
function statedOnce(figure: Figure, context: CheckContext): boolean {
  const key = identityKey(figure, context);
  if (key === null) return true;
  const same = statementsByIdentity(figure.document, context).get(key) ?? [];
  const unit = measureOf(figure).unit;
  return same.every((other) => other === figure || measureOf(other).unit !== unit || consistent(figure, other, context.rules.consistency));
}

/** What groups a statement (align.ts metricGroups): its metric rule's id, else its auto identity; with its period. */
function identityKey(figure: Figure, context: CheckContext): string | null {
  const id = context.metricOf.get(figure)?.id ?? autoIdentityOnce(figure, context.rules)?.id;
  return id === undefined ? null : `${id}\u0000${figure.period}`;
}

/** Per context, each document asked about: its usable actuals and estimates by identity key. */
const statementsOf = new WeakMap<CheckContext, Map<string, Map<string, Figure[]>>>();

/** A document's statements (actuals and estimates, usable ones) by identity key, built once per context and document. */
function statementsByIdentity(document: string, context: CheckContext): Map<string, Figure[]> {
  let documents = statementsOf.get(context);
  if (!documents) statementsOf.set(context, (documents = new Map()));
  let byKey = documents.get(document);
  if (!byKey) {
    documents.set(document, (byKey = new Map()));
    for (const figure of context.figuresOf(document)) {
      if (figure.modality === 'target' || !usable(figure)) continue;
      const key = identityKey(figure, context);
      if (key === null) continue;
      const list = byKey.get(key) ?? [];
      list.push(figure);
      byKey.set(key, list);
    }
  }
  return byKey;
}

/**
 * The statements of a group a target is judged by (target.ts): its actuals and estimates, but not an estimate of a
 * period still open when its document was delivered. Such an estimate is compared with the final figure as one
 * fact (consistency), but a target is judged by what the period came to: a December budget report's estimate
 * sits beside the next year's budget and the levels' and zones' figures, and judging the year's targets by it
 * pairs them with the wrong statement more often than it finds an outcome the final figure would not.
 */
export function outcomesOf(figures: readonly Figure[], context: CheckContext): Figure[] {
  return figures.filter((f) => f.modality !== 'target' && !(f.modality === 'estimate' && !periodOverBy(f.period, documentDate(context.documentById.get(f.document), context.rules.alignment?.documentDate))));
}

/** One step below: a revision of an estimate weighs less than two finals disagreeing. */
export function revisionSeverity(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : 'info';
}

/** Finals first (the reference value), then estimates, each most precise first (`precision`: smaller is finer). */
export function finalsFirst(readings: readonly Reading[], precision: (figure: Figure) => number): Reading[] {
  return [...readings].sort((a, b) => Number(isEstimate(a)) - Number(isEstimate(b)) || precision(a.figures[0]!) - precision(b.figures[0]!));
}

/** What a revision finding adds to its message: which side is preliminary, which final, by document. */
export function revisionNote(readings: readonly Reading[], locale: Locale): string {
  const documents = (estimate: boolean) => [...new Set(readings.filter((r) => isEstimate(r) === estimate).map((r) => r.document))].join(', ');
  return t(locale, {
    en: `: the estimate (预计) in ${documents(true)} differs from the final figure in ${documents(false)}`,
    zh: `：${documents(true)} 的预计数与 ${documents(false)} 的最终数不符`,
  });
}
