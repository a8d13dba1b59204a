/**
 * `arithmetic-mismatch`: relations the text itself states, checked with interval arithmetic so that
 * rounding never raises an alarm (2302 of 2339 → [98.40%, 98.44%] overlaps `98.42%`):
 * - a share or rate right after an amount, with the total stated just before that amount
 *   (`项目2339个,已办理…2302个,首次登记率98.42%`; `32.77亿元,其中脱贫地区7.54亿元,占23%`);
 * - a completion rate (`完成全年目标任务的100.8%`) against the target of the same metric and period;
 * - a part after `其中` that exceeds its stated total;
 * - growth between two stated levels (`从A增加到B,年均增长x%`; arithmetic/growth.ts);
 * - listed parts against a stated total, where the text makes them the whole (arithmetic/parts.ts).
 * Word lists and gaps live in rules/core/checks.yaml (`arithmetic`).
 */
import type { Figure, Finding, Interval, Severity } from '../model.js';
import type { ArithmeticSettings, CheckRule } from '../rules/types.js';
import { t } from '../i18n.js';
import { usable } from './align.js';
import { describeReading, figureText, formatInterval, overlaps } from './compare.js';
import { ARITHMETIC_MISMATCH, arithmeticFinding, between, bounded, hasValue, isAmount, metricKey, sentenceBefore, shownInterval, shownValue, decimalsOf } from './arithmetic/common.js';
import { growthFindings, growthPatterns } from './arithmetic/growth.js';
import { partsFindings, partsRules } from './arithmetic/parts.js';
import { tableTotalFindings } from './arithmetic/table-totals.js';
import type { CheckContext, CheckModule } from './types.js';

export { ARITHMETIC_MISMATCH } from './arithmetic/common.js';

/** [a/b] for positive intervals, as a percentage; null when b may be zero or an end is infinite. */
export function ratioPercent(part: Interval, whole: Interval): Interval | null {
  const p = bounded(part);
  const w = bounded(whole);
  if (!p || !w || w.lo <= 0 || p.lo < 0) return null;
  return { lo: (p.lo / w.hi) * 100, hi: (p.hi / w.lo) * 100, loClosed: true, hiClosed: true };
}

/** Both labels end in the same `length` characters (the head noun of a Chinese noun phrase is last). */
function sameHead(a: string, b: string, length: number): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length < length || y.length < length) return false;
  return x.slice(-length).join('') === y.slice(-length).join('');
}

function isRate(figure: Figure): boolean {
  return figure.unit === '%' && figure.change === null && figure.modality !== 'target';
}

export const arithmeticCheck: CheckModule = {
  type: 'arithmetic',
  ruleIds: [ARITHMETIC_MISMATCH],
  defaultSeverity: 'warning',
  description: 'Shares, completion rates, growth between two levels and parts of a total that do not add up with their stated figures.',
  onByDefault: true,
  run(context: CheckContext, rule: CheckRule): Finding[] {
    const settings: ArithmeticSettings = context.rules.arithmetic ?? {};
    const shareWords = settings.shareWords ?? [];
    const rateSuffixes = settings.rateLabelSuffixes ?? [];
    const completion = (settings.completionPatterns ?? []).map((p) => new RegExp(p));
    const maxGap = settings.maxGap ?? 12;
    const shareTail = new RegExp(settings.shareTailPattern ?? '^$', 'u');
    const siblingSeparators = settings.siblingSeparators ?? [];
    const sharedHead = settings.sharedHeadLength ?? 2;
    const severity: Severity = rule.severity ?? arithmeticCheck.defaultSeverity;
    const documents = context.documentById;
    const { locale } = context;
    const findings: Finding[] = [];
    const growth = growthPatterns(settings.growth ?? {});
    const parts = partsRules(settings.parts ?? {});

    // Targets by metric and period, for completion rates.
    const targets = new Map<string, Figure[]>();
    for (const figure of context.figures) {
      if (figure.modality !== 'target' || !usable(figure)) continue;
      const key = metricKey(context, figure);
      if (!key) continue;
      const list = targets.get(`${key}\u0000${figure.period}`) ?? [];
      list.push(figure);
      targets.set(`${key}\u0000${figure.period}`, list);
    }

    const byDocument = new Map<string, Figure[]>();
    for (const figure of context.figures) {
      if (rule.documents && !rule.documents.includes(figure.document)) continue;
      const list = byDocument.get(figure.document) ?? [];
      list.push(figure);
      byDocument.set(figure.document, list);
    }
    for (const [id, all] of byDocument) {
      const document = documents.get(id);
      if (!document) continue;
      const figures = [...all].sort((a, b) => a.span.start - b.span.start);
      if (growth) findings.push(...growthFindings(context, document, figures, growth, documents, severity));
      findings.push(...partsFindings(context, document, figures, parts, documents, severity));
      if (document.tables) findings.push(...tableTotalFindings(context, document, figures, parts, documents, severity));
      for (let i = 1; i < figures.length; i++) {
        const rate = figures[i]!;
        const amount = figures[i - 1]!;
        if (!hasValue(rate) || !hasValue(amount)) continue;

        // A part after 其中 that exceeds its total.
        if (isAmount(rate) && isAmount(amount) && rate.unit === amount.unit && rate.kind === amount.kind) {
          const gap = between(document, amount, rate);
          // A per-capita or average "total" (`每千人6.5批次,其中…4万批次`) is no total of anything.
          const names = `${sentenceBefore(document, amount.span.start, 40)}${amount.label}`;
          if (parts.nonAdditiveWords.some((w) => names.includes(w))) continue;
          if (gap !== null && gap.includes('其中') && gap.length <= maxGap * 2) {
            const whole = amount.interval!;
            const part = rate.interval!;
            if (whole.hi !== null && part.lo !== null && part.lo > whole.hi) {
              findings.push(
                arithmeticFinding([rate, amount], documents, metricKey(context, amount), severity,
                  t(locale, {
                    en: `part larger than its total: ${figureText(rate, document)} (其中) > ${figureText(amount, document)}`,
                    zh: `其中部分大于总数：${figureText(rate, document)} > ${figureText(amount, document)}`,
                  })),
              );
            }
          }
          continue;
        }

        if (!isRate(rate) || !isAmount(amount)) continue;
        const gap = between(document, amount, rate);
        if (gap === null || gap.length > maxGap) continue;

        // Completion rate of a target: the target implied by amount / rate must fit the stated target.
        const gapAndLabel = document.normalized.slice(amount.span.end, rate.span.start);
        if (completion.some((re) => re.test(gapAndLabel))) {
          const key = metricKey(context, amount);
          const stated = key ? (targets.get(`${key}\u0000${amount.period}`) ?? []).filter((f) => f.unit === amount.unit) : [];
          const a = bounded(amount.interval!);
          const r = bounded(rate.interval!);
          if (!a || !r || r.lo <= 0) continue;
          const implied: Interval = { lo: (a.lo / r.hi) * 100, hi: (a.hi / r.lo) * 100, loClosed: true, hiClosed: true };
          for (const target of stated) {
            if (overlaps(implied, target.interval!)) continue;
            findings.push(
              arithmeticFinding([rate, amount, target], documents, key, severity,
                t(locale, {
                  en: `completion rate: ${figureText(amount, document)} at ${figureText(rate, document)} implies a target of ${formatInterval(implied, amount.unit)}, but the target is ${describeReading(target, documents.get(target.document), locale)}`,
                  zh: `完成率：${figureText(amount, document)} 完成 ${figureText(rate, document)} 推算目标为 ${formatInterval(implied, amount.unit)}，而目标为 ${describeReading(target, documents.get(target.document), locale)}`,
                })),
            );
          }
          continue;
        }

        // A share or rate of the amount, with the total stated right before the amount.
        // `占` names the denominator: only a bare `占` / `占比重` refers to the total just stated
        // (`占全国34.5%` is a share of an unstated national total; `占比由18%增至71%` is no share of the amount).
        const shareAt = Math.max(...shareWords.map((w) => {
          const at = gap.lastIndexOf(w);
          return at < 0 ? -1 : at + w.length;
        }), -1);
        const byWord = shareAt >= 0 && shareTail.test(gap.slice(shareAt));
        const byLabel = shareAt < 0 && rateSuffixes.some((s) => rate.label.endsWith(s));
        if ((!byWord && !byLabel) || i < 2) continue;
        const total = figures[i - 2]!;
        if (!hasValue(total) || !isAmount(total) || total.unit !== amount.unit || total.kind !== amount.kind) continue;
        const totalGap = between(document, total, amount);
        if (totalGap === null) continue;
        // `面积1800平方公里、石漠化面积183平方公里`: items of one list are siblings, not a total and its part.
        if (siblingSeparators.some((w) => totalGap.includes(w))) continue;
        // A rate known only by its label (…率) is about the amount only when the amount is a kind of the
        // total: their labels end in the same head noun (`办证难项目`…`大房本项目`).
        if (byLabel && !sameHead(total.label, amount.label, sharedHead)) continue;
        // An amount larger than the "total" is not its part: the rate is about something else.
        if (amount.value! > total.value!) continue;
        const computed = ratioPercent(amount.interval!, total.interval!);
        if (!computed || overlaps(computed, rate.interval!)) continue;
        const decimals = decimalsOf(rate) + 1;
        const shown = shownValue((amount.value! / total.value!) * 100, '%', decimals);
        const range = shownInterval(computed, '%', decimals);
        findings.push(
          arithmeticFinding([rate, amount, total], documents, metricKey(context, rate), severity,
            t(locale, {
              en: `share: ${figureText(amount, document)} of ${figureText(total, document)} is ${shown} (interval ${range}), but the text says ${figureText(rate, document)}`,
              zh: `占比：${figureText(amount, document)} / ${figureText(total, document)} = ${shown}（区间 ${range}），而文中为 ${figureText(rate, document)}`,
            })),
        );
      }
    }
    return findings;
  },
};
