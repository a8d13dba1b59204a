/**
 * `target-missed`: a target (`预期目标`, `力争` …) and an actual of the same metric and period that do
 * not meet, direction-aware (SEMANTICS.md). Met and indeterminate outcomes go to context.targets only.
 */
import type { Document, Figure, Finding, Severity } from '../model.js';
import type { CheckRule, MetricRule } from '../rules/types.js';
import { t } from '../i18n.js';
import { ambiguousLabel, metricGroups, sameSentence } from './align.js';
import { comparable, describeReading, precision, targetOutcome, type Direction } from './compare.js';
import { locationOf, readingsOf } from './consistency.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';
import { recordPair } from '../coverage/compared.js';

export const TARGET_MISSED = 'target-missed';

/**
 * The direction of a target: the metric rule's, else the target's own shape (`以上` is a floor, `以内`
 * a ceiling), else the lower-is-better word list (CPI, unemployment), else higher-is-better.
 */
export function directionOf(target: Figure, metric: MetricRule | undefined, lowerIsBetter: string[]): Direction | undefined {
  // A decrease (`单位国内生产总值能耗降低2.5%左右`) states how much lower the metric is to go: for a metric
  // where lower is better, the bigger the decrease the better.
  const ofMetric = (direction: Direction): Direction =>
    direction === 'lower-is-better' && target.change === 'decrease' ? 'higher-is-better' : direction;
  if (metric?.direction) return ofMetric(metric.direction);
  const i = target.interval;
  if (i && i.lo !== null && i.hi === null) return 'higher-is-better';
  if (i && i.hi !== null && (i.lo === null || i.lo === 0) && target.qualifier) return 'lower-is-better';
  if (lowerIsBetter.some((word) => word && target.label.includes(word))) return ofMetric('lower-is-better');
  return 'higher-is-better';
}

const STATUS_RANK: Record<string, number> = { final: 0, preliminary: 1, draft: 2 };

/** The actual to judge a target by: final documents before preliminary ones, actuals before estimates, most precise. */
function referenceActual(actuals: Figure[], documents: ReadonlyMap<string, Document>): Figure {
  const rank = (f: Figure) => STATUS_RANK[documents.get(f.document)?.status ?? 'final'] ?? 0;
  return [...actuals].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.modality === 'estimate' ? 1 : 0) - (b.modality === 'estimate' ? 1 : 0) ||
      precision(a) - precision(b),
  )[0]!;
}

export const targetCheck: CheckModule = {
  type: 'target',
  ruleIds: [TARGET_MISSED],
  defaultSeverity: 'info',
  description: 'A target and the actual of the same metric and period that do not meet (direction-aware).',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const documents = context.documentById;
    const lowerIsBetter = context.rules.alignment?.lowerIsBetter ?? [];
    const auto = rule.auto !== false && (rule.metrics === undefined || rule.metrics === '*');
    const findings: Finding[] = [];
    const severity: Severity = rule.severity ?? targetCheck.defaultSeverity;
    for (const group of metricGroups(context, rule, { auto })) {
      const targets = group.figures.filter((f) => f.modality === 'target');
      const actuals = group.figures.filter((f) => f.modality !== 'target');
      if (!targets.length || !actuals.length) continue;
      if (group.auto && ambiguousLabel(actuals, documents, context.rules)) continue;
      const actual = referenceActual(actuals, documents);
      const actualReading = readingsOf(actuals, documents).find((r) => r.figures.includes(actual))!;
      for (const reading of readingsOf(targets, documents)) {
        const target = reading.figures[0]!;
        if (!comparable(target, actual) || sameSentence(documents.get(target.document), target, actual)) continue;
        const direction = directionOf(target, group.rule, lowerIsBetter);
        const outcome = targetOutcome(target.interval!, actual.interval!, direction);
        context.targets.push({ metric: group.metric, name: group.name, target, actual, outcome });
        recordPair(context.compared, reading.figures, actualReading.figures);
        if (outcome !== 'missed') continue;
        const { locale } = context;
        const directionText =
          direction === 'lower-is-better'
            ? t(locale, { en: 'a ceiling', zh: '上限' })
            : t(locale, { en: 'a floor', zh: '下限' });
        let message = t(locale, {
          en: `${group.name} (${group.period}): target ${describeReading(target, documents.get(target.document), locale)} missed (${directionText}): actual ${describeReading(actual, documents.get(actual.document), locale)}`,
          zh: `${group.name}（${group.period}）：目标 ${describeReading(target, documents.get(target.document), locale)} 未完成（目标为${directionText}），实际 ${describeReading(actual, documents.get(actual.document), locale)}`,
        });
        if (group.auto) message += t(locale, { en: ' (aligned automatically)', zh: '（自动对齐）' });
        findings.push({
          fingerprint: fingerprint(TARGET_MISSED, group.metric, [
            { document: reading.document, text: reading.text },
            { document: actualReading.document, text: actualReading.text },
          ]),
          rule: TARGET_MISSED,
          severity,
          message,
          metric: group.metric,
          locations: [...reading.figures, ...actualReading.figures].map(locationOf),
        });
      }
    }
    return findings;
  },
};
