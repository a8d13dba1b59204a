/**
 * The statements of the wording pass (wording.ts): which figures it may pair, and for each its clause, the
 * sentence's lead, its bigrams and the scopes they name, read once per run (StatementBuilder), then weighed by
 * inverse document frequency over the run's clauses once all are read.
 */
import type { Document, Figure } from '../model.js';
import type { CheckContext } from './types.js';
import { indicatorOf, isPart } from '../meaning/metric.js';
import type { Statement, StatementWords } from './wording.js';
import type { JurisdictionSettings, WordingSettings } from '../rules/types.js';
import { clauseAround, type ClauseBounds, inTextOrder } from './wording-clauses.js';
import { scopeFinder, type ScopeFinder, scopesOfRange, scopeWords } from './wording-scopes.js';
import { BigramReader } from './wording-bigrams.js';
import { jurisdictionKey } from './jurisdiction.js';

/** A figure this pass may pair: a value, an interval, a period, nothing unreliable, no metric rule over it. */
export function pairable(figure: Figure, context: CheckContext): boolean {
  return (
    !figure.placeholder &&
    !figure.unreliable &&
    figure.value !== null &&
    figure.interval !== null &&
    Boolean(figure.period) &&
    !context.metricOf.has(figure) &&
    !isPart(figure)
  );
}

export const statementsCache = new WeakMap<CheckContext, Map<Figure, Statement>>();

/** The statements of the run's pairable figures, built once per check context (both passes read them). */
export function runStatements(context: CheckContext, pool: Figure[], settings: Required<WordingSettings>): Map<Figure, Statement> {
  let statements = statementsCache.get(context);
  if (!statements) {
    statements = new Map(statementsOf(pool, context, settings).map((s) => [s.figure, s]));
    statementsCache.set(context, statements);
  }
  return statements;
}

/** A statement being read: where its bigrams lie in the reader's buffer (own from `own`, lead from `lead` to `end`). */
interface Reading {
  figure: Figure;
  own: number;
  lead: number;
  end: number;
  clause: ClauseBounds;
  scopes: string;
  leadScopes: string;
}

/** Builds the statements of some figures and weighs their bigrams by inverse frequency over all of them. */
export function statementsOf(figures: Figure[], context: CheckContext, settings: Required<WordingSettings>): Statement[] {
  const builder = new StatementBuilder(context, settings, figures.length);
  for (const figure of figures) builder.read(figure);
  return builder.weigh();
}

/**
 * statementsOf's state: each figure read (its clause, bigrams and scopes), then each statement weighed once
 * the run's frequencies are known. (One method per figure, not one loop over all of them: V8 optimizes a
 * method called thousands of times early, where a loop run once stays interpreted for most of its length.)
 */
class StatementBuilder {
  private readonly documents: ReadonlyMap<string, Document>;
  private readonly order = new Map<string, Figure[]>();
  private readonly finder: ScopeFinder;
  private readonly jurisdiction: JurisdictionSettings | undefined;
  private readonly reader: BigramReader;
  private readonly readings: Reading[] = [];
  private readonly own: string[] = [];
  private readonly candidates: number[] = [];
  private readonly buckets = new Map<string, number>();

  constructor(
    private readonly context: CheckContext,
    private readonly settings: Required<WordingSettings>,
    expected: number,
  ) {
    this.documents = context.documentById;
    this.finder = scopeFinder(scopeWords(context.rules));
    this.jurisdiction = context.rules.alignment?.jurisdiction;
    this.reader = new BigramReader(expected * 4);
  }

  read(figure: Figure): void {
    const document = this.documents.get(figure.document);
    if (!document) return;
    const { reader, finder, own, candidates } = this;
    const text = document.normalized;
    const clause = clauseAround(document, figure, inTextOrder(this.context, figure.document, this.order));
    const label = figure.label ?? '';
    // (stamps 2i+1 for the clause's own words, 2i+2 for the lead's and the label's, which leave out the own ones)
    const stamp = 2 * this.readings.length + 1;
    reader.reserve(clause.end - clause.lead + label.length);
    const ownFrom = reader.used;
    reader.read(text, clause.start, figure.span.start, stamp, stamp);
    reader.read(text, figure.span.end, clause.end, stamp, stamp);
    const leadFrom = reader.used;
    reader.read(text, clause.lead, clause.start, stamp + 1, stamp);
    reader.read(label, 0, label.length, stamp + 1, stamp);
    // The scopes of the statement's own words, and with its sentence's lead too (each text read on its own and
    // once: the union of theirs).
    own.length = 0;
    scopesOfRange(text, clause.start, figure.span.start, finder, own, candidates);
    scopesOfRange(text, figure.span.end, clause.end, finder, own, candidates);
    scopesOfRange(label, 0, label.length, finder, own, candidates);
    const scopes = own.length ? [...own].sort().join('+') : '';
    const ownCount = own.length;
    scopesOfRange(text, clause.lead, clause.start, finder, own, candidates);
    const leadScopes = own.length === ownCount ? scopes : own.sort().join('+');
    this.readings.push({ figure, own: ownFrom, lead: leadFrom, end: reader.used, clause, scopes, leadScopes });
  }

  /** The statements of the figures read, their bigrams weighed (each statement's written over its read ones, never past them). */
  weigh(): Statement[] {
    const words: StatementWords = { grams: this.reader.grams, weights: new Float64Array(this.reader.used), size: this.reader.numbers.size };
    const statements: Statement[] = [];
    let written = 0;
    for (const r of this.readings) {
      const statement = this.statement(r, statements.length, words, written);
      written = statement.end;
      statements.push(statement);
    }
    return statements;
  }

  /**
   * Inverse document frequency over the run's own clauses: ln(N / df). A bigram in more than `maxShare` of
   * them says nothing about which fact a statement states. Words of the label and of the sentence's lead
   * count at `leadWeight`: they are what the sentence is about, not what the figure's own clause says.
   */
  private statement(r: Reading, id: number, words: StatementWords, start: number): Statement {
    const { settings } = this;
    const { grams, weights } = words;
    const df = this.reader.df;
    const n = Math.max(this.readings.length, 1);
    const common = settings.maxShare * n;
    let written = start;
    let norm = 0;
    // The clause's own words; a clause that says little of its own (`覆盖面扩大到60%以上`) is read with its
    // sentence's lead and its label (at `leadWeight`), one that says enough is not: siblings of one sentence
    // share its lead, and only their own words tell them apart.
    let ownWeight = 0;
    for (let k = r.own; k < r.lead; k++) {
      const g = grams[k]!;
      const count = df[g]!;
      const w = count > common ? 0 : Math.log(n / count);
      if (w <= 0) continue;
      grams[written] = g;
      weights[written++] = w;
      norm += w * w;
      ownWeight += w;
    }
    if (ownWeight < settings.richClause) {
      for (let k = r.lead; k < r.end; k++) {
        const g = grams[k]!;
        const count = df[g]!;
        const w = (count > common ? 0 : Math.log(n / count)) * settings.leadWeight;
        if (w <= 0) continue;
        grams[written] = g;
        weights[written++] = w;
        norm += w * w;
      }
    }
    // (a figure whose own clause says nearly nothing, `…7253亿元，增长21.8%`, continues the statement before it;
    // an item of a list shares its words with its siblings: neither is paired by wording)
    const ownWords = ownWeight >= settings.minEvidence / 2 && !r.clause.listed;
    const f = r.figure;
    const indicator = f.metric && indicatorOf(f.metric, this.context.rules) ? f.metric : null;
    const place = jurisdictionKey(this.documents.get(f.document), this.jurisdiction);
    const key = `${f.period}\u0000${f.unit ?? ''}\u0000${f.kind}\u0000${f.change ?? ''}\u0000${place}`;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) this.buckets.set(key, (bucket = this.buckets.size));
    return {
      id,
      figure: f,
      words,
      start,
      end: written,
      norm: Math.sqrt(norm),
      ownWords,
      clauseStart: r.clause.start,
      clauseEnd: r.clause.end,
      bucket,
      scopes: r.scopes,
      leadScopes: r.leadScopes,
      indicator,
    };
  }
}
