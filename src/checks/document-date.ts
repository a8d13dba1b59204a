/**
 * When a document was delivered, and whether a period was over by then. A work report delivered in
 * January 2025 cannot state how 2025 turned out: a figure it gives for 2025 that the extractor did not
 * mark as a target (`城镇新增就业50万人` in the plan for the year, `城镇调查失业率控制在5.5%左右`) is a plan,
 * and comparing it as an actual is a false alarm (it was 50万人 against another region's target of
 * 68万人以上 on the 2025 provincial reports). The date is read from the document's dated delivery line
 * (a `dated-line` section heading, `——2025年1月14日在…会议上`) with the pattern in rules/core/checks.yaml
 * (alignment.documentDate); a document without one has no date and nothing is filtered.
 */
import type { Document, Segment } from '../model.js';
import type { DocumentDateSettings } from '../rules/types.js';
import { packedSegmentsOf, sectionHeadings } from '../segment/packed.js';

export interface YearMonth {
  year: number;
  month: number;
}

/** Headings open sections: the walk never descends into paragraphs, sentences and clauses (most of the tree). */
function datedHeadings(segment: Segment, out: string[]): string[] {
  if (segment.headingKind === 'dated-line' && segment.heading) out.push(segment.heading);
  for (const child of segment.children) if (child.kind === 'section') datedHeadings(child, out);
  return out;
}

const cache = new WeakMap<Document, { settings: DocumentDateSettings | undefined; date: YearMonth | null }>();

/** Year and month of the document's first dated delivery line; null when it has none. */
export function documentDate(document: Document | undefined, settings: DocumentDateSettings | undefined): YearMonth | null {
  if (!document || !settings?.pattern) return null;
  const cached = cache.get(document);
  if (cached && cached.settings === settings) return cached.date;
  let date: YearMonth | null = null;
  const pattern = new RegExp(settings.pattern, 'u');
  // (a document held packed is read without rebuilding its tree: src/segment/packed.ts)
  const packed = packedSegmentsOf(document);
  for (const heading of packed ? sectionHeadings(packed, 'dated-line') : datedHeadings(document.segments, [])) {
    const groups = pattern.exec(heading)?.groups;
    const year = Number(groups?.year);
    const month = Number(groups?.month);
    if (Number.isInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12) {
      date = { year, month };
      break;
    }
  }
  cache.set(document, { settings, date });
  return date;
}

/**
 * The last month of a period (`2022` → 2022-12, `2021-01/2021-08` → 2021-08, `2018/2022` → 2022-12);
 * null for a form it does not know.
 */
export function periodEnd(period: string): YearMonth | null {
  const end = knownPeriodEnd(period);
  return end && { ...end };
}

const periodEnds = new Map<string, YearMonth | null>();

/** periodEnd, shared: asked for every figure of every grouping, of a few hundred distinct periods, each is read once. */
function knownPeriodEnd(period: string): Readonly<YearMonth> | null {
  let end = periodEnds.get(period);
  if (end === undefined) periodEnds.set(period, (end = readPeriodEnd(period)));
  return end;
}

function readPeriodEnd(period: string): YearMonth | null {
  const last = period.split('/').pop() ?? '';
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(last);
  if (!match) return null;
  return { year: Number(match[1]), month: match[2] ? Number(match[2]) : 12 };
}

/**
 * False when the period had not ended by the month the document was delivered (an outcome of it cannot
 * be stated yet); true otherwise, and whenever the date or the period's form is unknown.
 */
export function periodOverBy(period: string | null, date: YearMonth | null): boolean {
  if (!period || !date) return true;
  const end = knownPeriodEnd(period);
  if (!end) return true;
  return end.year < date.year || (end.year === date.year && end.month < date.month);
}
