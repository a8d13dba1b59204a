/**
 * `figure-mismatch`: two statements of one metric for the same period whose intervals do not overlap
 * (SEMANTICS.md), across documents and inside one. Metrics come from metric rules, or, for figures no
 * rule covers, from auto-alignment (align.ts; those findings say so and use the alignment severity).
 * Targets are left to the target check: a target and an actual are not a contradiction.
 */
import type { Document, Figure, Finding, Location, Severity } from '../model.js';
import type { CheckRule } from '../rules/types.js';
import { t } from '../i18n.js';
import { ambiguousLabel, metricGroups, sameSentence, type MetricGroup } from './align.js';
import { comparable, consistent, describeReading, figureText, precision } from './compare.js';
import { fingerprint } from './fingerprint.js';
import type { CheckContext, CheckModule } from './types.js';

export const FIGURE_MISMATCH = 'figure-mismatch';

/** A figure's location with its original text filled in. */
export function locationOf(figure: Figure): Location {
  return { ...figure.location, text: figure.location.text ?? figure.raw };
}

/** Statements with the same document and text are one reading (a doubled body repeats them). */
export interface Reading {
  document: string;
  text: string;
  figures: Figure[];
}

export function readingsOf(figures: Figure[], documents: Map<string, Document>): Reading[] {
  const readings = new Map<string, Reading>();
  for (const figure of figures) {
    const text = figureText(figure, documents.get(figure.document));
    const key = `${figure.document}\u0000${text}\u0000${figure.modality}`;
    const reading = readings.get(key) ?? { document: figure.document, text, figures: [] };
    reading.figures.push(figure);
    readings.set(key, reading);
  }
  return [...readings.values()];
}

function mismatchFinding(
  group: MetricGroup,
  involved: Reading[],
  context: CheckContext,
  documents: Map<string, Document>,
  severity: Severity,
): Finding {
  const { locale } = context;
  // Most precise reading first: it is the reference value.
  const ordered = [...involved].sort((a, b) => precision(a.figures[0]!) - precision(b.figures[0]!));
  const shown = ordered.map((r) => describeReading(r.figures[0]!, documents.get(r.document), locale));
  let message = `${group.name}: ${shown.join(t(locale, { en: ' vs ', zh: ' 与 ' }))}`;
  if (locale === 'zh-CN') message += ' 不一致';
  if (group.auto) {
    message += t(locale, {
      en: ` (aligned automatically by label, unit and period ${group.period}; add a metric rule to confirm)`,
      zh: `（按指标名称、单位和期间 ${group.period} 自动对齐；可写入规则文件确认）`,
    });
  }
  const figures = ordered.flatMap((r) => r.figures);
  return {
    fingerprint: fingerprint(
      FIGURE_MISMATCH,
      group.metric,
      ordered.map((r) => ({ document: r.document, text: r.text })),
    ),
    rule: FIGURE_MISMATCH,
    severity,
    message,
    metric: group.metric,
    locations: figures.map(locationOf),
  };
}

/** True when every pairing of the two readings' figures lies inside one sentence of one document. */
function onlyInOneSentence(a: Reading, b: Reading, documents: Map<string, Document>): boolean {
  return a.figures.every((fa) => b.figures.every((fb) => sameSentence(documents.get(fa.document), fa, fb)));
}

export const consistencyCheck: CheckModule = {
  type: 'consistency',
  ruleIds: [FIGURE_MISMATCH],
  defaultSeverity: 'error',
  description: 'Two statements of one metric for the same period whose intervals do not overlap.',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const settings = context.rules.consistency ?? {};
    const alignment = context.rules.alignment ?? {};
    const documents = new Map(context.documents.map((d) => [d.id, d]));
    const auto = rule.auto !== false && (rule.metrics === undefined || rule.metrics === '*');
    const findings: Finding[] = [];
    for (const group of metricGroups(context, rule, { auto })) {
      const statements = group.figures.filter((f) => f.modality !== 'target');
      if (!statements.length) continue;
      const ambiguous = group.auto && ambiguousLabel(statements, documents, context.rules);
      const readings = readingsOf(statements, documents);
      const involved = new Set<Reading>();
      for (let i = 0; i < readings.length; i++) {
        for (let j = i + 1; j < readings.length; j++) {
          const a = readings[i]!;
          const b = readings[j]!;
          if (group.auto && a.document === b.document && alignment.withinDocument === false) continue;
          const fa = a.figures[0]!;
          const fb = b.figures[0]!;
          if (ambiguous || !comparable(fa, fb)) continue;
          if (!consistent(fa, fb, settings) && !onlyInOneSentence(a, b, documents)) {
            involved.add(a);
            involved.add(b);
          }
        }
      }
      context.comparisons.push({
        metric: group.metric,
        name: group.name,
        auto: group.auto,
        period: group.period,
        statements,
        verdict: readings.length < 2 ? 'single' : involved.size ? 'mismatch' : 'consistent',
      });
      if (!involved.size) continue;
      const severity: Severity = group.auto
        ? (alignment.severity ?? 'warning')
        : (rule.severity ?? consistencyCheck.defaultSeverity);
      findings.push(mismatchFinding(group, [...involved], context, documents, severity));
    }
    return findings;
  },
};
