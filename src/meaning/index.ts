/**
 * The meaning stage: what each figure the extract stage read is about. Runs once per document right
 * after extractFigures (pipeline.ts, and every test that checks figures as the CLI sees them):
 * time.ts gives the period (the document's own time, section and sentence markers), intent.ts the
 * modality (actual, estimate, target). Extract reads numbers, units, intervals, labels and kinds;
 * knowledge for both steps lives in rules/core/periods.yaml and words.yaml.
 */
import type { Document, Figure } from '../model.js';
import { knowledgeOf } from '../extract/knowledge.js';
import { coreRules } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { intentOf, measureQuotedTargets, partOfPrevious } from './intent.js';
import { statesPresent } from './present.js';
import { deliveredEarly, periodContext, timeOf } from './time.js';
import { resolveFigureMetrics } from './metric.js';
import { afterCarriedIn, budgetLabels, budgetStatus, carriedInPeriod, type CarriedIn } from './budget.js';


/** Gives each figure of `doc` (in text order, as extractFigures returns them) its period and modality, in place. */
export function interpret(doc: Document, figures: Figure[], rules: RuleSet = coreRules()): Figure[] {
  const k = knowledgeOf(rules);
  const ctx = periodContext(doc, k);
  const periods = new Map<string, string>();
  let previous: Figure | undefined;
  let carry: CarriedIn | null = null;
  for (const figure of figures) {
    const pos = figure.span.start;
    let time = timeOf(doc, pos, ctx, k, figure.span.end, figure);
    // (the year before, named by an opening balance `上年结转收入`, is not the year of the figures after it in its sentence)
    const uncarried = afterCarriedIn(doc, pos, carry, time.period, rules);
    if (uncarried) time = { ...time, period: uncarried };
    const period = time.period;
    // one string per period across the document's figures (a large run keeps every Figure)
    figure.period = period === null ? null : (periods.get(period) ?? (periods.set(period, period), period));
    figure.modality = budgetStatus(doc, pos, intentOf(doc, pos, time, ctx, k, figure.span.end), rules, period, ctx);
    // what is so as a report delivered early in its year is written (`目前已建成…`) is the state the year before ended with
    if (figure.modality === 'actual' && period !== null && period === ctx.ownYearIsPlan && deliveredEarly(ctx, k) && statesPresent(doc, pos, time.sentenceStart, k)) {
      const before = String(Number(period) - 1);
      figure.period = periods.get(before) ?? (periods.set(before, before), before);
    }
    // a budget year's opening balance (`上年结转收入`) is the closing balance of the year before its sentence's year
    const carried = carriedInPeriod(doc, pos, previous, rules);
    if (carried) figure.period = periods.get(carried) ?? (periods.set(carried, carried), carried);
    if (carried || !uncarried) carry = carried ? { period: carried, before: previous!.period!, end: figure.span.end } : null;
    // a part (`其中…`) is planned, estimated or done as the whole before it is
    if (previous && partOfPrevious(doc, pos, previous, k)) figure.modality = previous.modality;
    previous = figure;
  }
  // what each figure is about: the user metric or core indicator its statement names (metric.ts), budget status words
  // aside (budget.ts)
  budgetLabels(doc, figures, rules);
  resolveFigureMetrics(doc, figures, rules);
  // a target quoted beside its outcome (`上涨3.9%,没有完成3.5%左右的调控目标`) measures what the outcome does
  measureQuotedTargets(doc, figures, k);
  return figures;
}
