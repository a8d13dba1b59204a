/**
 * `figcheck suggest`: the metrics auto-alignment found, written as a rule file the user can edit and
 * load with --rules. Only metrics stated in at least two places (two documents, or two different
 * readings in one) of one period and jurisdiction are written: a metric stated once has nothing to be
 * checked against.
 */
import { Document as YamlDocument, isMap, isSeq, type YAMLMap } from 'yaml';
import type { Document, Figure } from './model.js';
import { ambiguousLabel, metricGroups } from './checks/align.js';
import { figureText } from './checks/compare.js';
import { createCheckContext } from './checks/context.js';
import { SCHEMA_PATH } from './rules/load.js';
import { isAbsolute, relative, sep } from 'node:path';
import type { MetricRule, RuleSet } from './rules/types.js';

interface Suggested {
  metric: MetricRule;
  places: number;
  documents: string[];
  periods: string[];
  example: string;
}

/**
 * @param cwd where the rule file will most likely be saved (`figcheck suggest > rules.yaml`): the
 *            `$schema` line points at figcheck's schema relative to it.
 */
export function suggestRules(documents: Document[], figures: Figure[], rules: RuleSet, cwd: string = process.cwd()): string {
  const context = createCheckContext(documents, figures, rules, 'en');
  const byDocument = new Map(documents.map((d) => [d.id, d]));
  const comparable = (stated: Figure[]) => {
    const docs = new Set(stated.map((f) => f.document));
    const readings = new Set(stated.map((f) => `${f.document}\u0000${figureText(f, byDocument.get(f.document))}`));
    return docs.size >= 2 || readings.size >= 2;
  };
  // One auto key across periods is one metric; a group counts only where its statements could be checked
  // against each other: the same period and jurisdiction (one province's figure is not another's).
  const merged = new Map<string, { name: string; figures: Figure[]; periods: Set<string> }>();
  for (const group of metricGroups(context, { type: 'consistency', metrics: '*' }, { auto: true })) {
    // (a scoped group, `年末…`, has no alias that would name only it: its label is the unscoped name)
    if (!group.auto || !comparable(group.figures) || group.metric.includes('@')) continue;
    const entry = merged.get(group.metric) ?? { name: group.name, figures: [], periods: new Set<string>() };
    entry.figures.push(...group.figures);
    entry.periods.add(group.period);
    merged.set(group.metric, entry);
  }
  const suggested: Suggested[] = [];
  for (const { name, figures: stated, periods } of merged.values()) {
    // A metric rule also compares statements inside one document, which auto-alignment leaves alone: a label one
    // document states with two disagreeing values names two things there (精简要件 2696件 and 238件), and a rule
    // for it would report a false mismatch. Such labels stay with auto-alignment.
    // (targets too: the consistency check compares a restated target with the target first set)
    if (ambiguousLabel(stated, byDocument, rules) || ambiguousLabel(stated, byDocument, rules, 'target')) continue;
    const docs = [...new Set(stated.map((f) => f.document))];
    const readings = new Set(stated.map((f) => `${f.document}\u0000${figureText(f, byDocument.get(f.document))}`));
    const first = stated[0]!;
    const metric: MetricRule = { id: '', name, aliases: [name] };
    if (first.unit) metric.unit = first.unit;
    metric.kind = first.kind;
    if (first.change) metric.change = first.change;
    suggested.push({
      metric,
      places: readings.size,
      documents: docs,
      periods: [...periods].sort(),
      example: figureText(first, byDocument.get(first.document)),
    });
  }
  suggested.sort((a, b) => b.documents.length - a.documents.length || b.places - a.places || (a.metric.name < b.metric.name ? -1 : 1));
  const width = String(suggested.length).length;
  suggested.forEach((s, i) => (s.metric.id = `metric-${String(i + 1).padStart(width, '0')}`));

  const doc = new YamlDocument({
    version: 1,
    metrics: suggested.map((s) => s.metric),
    checks: [{ type: 'consistency', metrics: '*' }],
  });
  doc.commentBefore =
    ` yaml-language-server: $schema=${schemaReference(cwd)}\n` +
    ' Metrics aligned automatically by figcheck suggest: same label (or indicator), unit, kind and change, stated\n' +
    ' in two places or more, and never with two disagreeing values inside one document.\n' +
    ' Rename the ids, merge aliases, add `direction`, then load this file with --rules.';
  const metricsNode = doc.get('metrics', true);
  if (isSeq(metricsNode)) {
    metricsNode.items.forEach((item, i) => {
      const s = suggested[i]!;
      if (isMap(item)) {
        (item as YAMLMap).commentBefore = ` e.g. ${s.example}; in ${s.documents.join(', ')}; period ${s.periods.join(', ')}`;
      }
    });
  }
  return doc.toString({ lineWidth: 0 });
}

/** The schema's path relative to `cwd` (forward slashes), or absolute when it is on another root. */
function schemaReference(cwd: string): string {
  const rel = relative(cwd, SCHEMA_PATH);
  return !rel || isAbsolute(rel) ? SCHEMA_PATH : rel.split(sep).join('/');
}
