/**
 * The data model every stage speaks. Defined here once; stages import these types and never
 * redefine them. Offsets named `start`/`end` are UTF-16 offsets into a document's *normalized*
 * text unless a name says otherwise; a `Location` is always in the *original* file's coordinates
 * (1-based line, 1-based UTF-16 column, endColumn exclusive), obtained only through
 * `Document.locate` / `Document.toOriginal`, which use the single offset map built by `normalize`.
 */

export type Format = 'txt' | 'md' | 'html' | 'docx' | 'pdf';
export type Script = 'simplified' | 'traditional' | 'mixed' | 'none';
export type DocumentStatus = 'final' | 'preliminary' | 'draft';
export type Severity = 'error' | 'warning' | 'info';

/** A position in the original file. */
export interface Position {
  /** 1-based line (for .docx: the paragraph number; for .pdf: the line counted within `page`). */
  line: number;
  /** 1-based column in UTF-16 code units of that line. */
  column: number;
  /** PDF only: the 1-based page. */
  page?: number;
}

/** A span of the original file, as every output format shows it. */
export interface Location {
  path: string;
  line: number;
  column: number;
  endLine: number;
  /** Exclusive. */
  endColumn: number;
  /**
   * PDF only: the 1-based page of the start; `line` and `endLine` count the text lines of that page from
   * its top (running headers included), so a span running onto the next page has an endLine past the page's end.
   */
  page?: number;
  /** The original text of the span (optional: findings fill it in). */
  text?: string;
}

/** A half-open range [start, end) of normalized text. */
export interface Span {
  start: number;
  end: number;
}

export type SegmentKind = 'document' | 'section' | 'paragraph' | 'sentence' | 'clause';

/** A node of the segmentation tree; offsets into normalized text. */
export interface Segment extends Span {
  kind: SegmentKind;
  /** Sections only: the heading text (e.g. `【各项事业全面发展】`, `一、…`, `——2022年1月21日在…`). */
  heading?: string;
  /** Sections only: what kind of heading opened it. */
  headingKind?: 'bracket' | 'chinese-numeral' | 'parenthesized' | 'arabic-item' | 'dated-line';
  /** Nesting depth of sections (document = 0). */
  level: number;
  children: Segment[];
}

/**
 * A line of normalized text recognised as web chrome (breadcrumb, copyright, ICP, source header).
 * Later stages skip these spans; the `boilerplate` check reports them.
 */
export interface Boilerplate extends Span {
  /** Which pattern id from the rules matched. */
  pattern: string;
}

/** A .docx Word comment starting `figcheck-disable` (src/suppress/docx.ts): the paragraphs whose findings it suppresses. */
export interface CommentDirective {
  /** The comment's w:id. */
  id: string;
  /** The comment's text. */
  text: string;
  /** Rule ids named after `figcheck-disable`; null: every rule. */
  rules: string[] | null;
  /** First and last line (paragraph number) it is anchored on. */
  firstLine: number;
  lastLine: number;
}

export interface Document {
  /** Id from figcheck.yaml, or the path when there is no config. */
  id: string;
  /** Path as given (relative to cwd when read from disk), or the --stdin-filename. */
  path: string;
  format: Format;
  /** Detected encoding, e.g. `UTF-8`, `UTF-8 BOM`, `GB18030`, `UTF-16LE`, `Big5`; `docx` for Word. */
  encoding: string;
  /** Script detected in the original text. */
  script: Script;
  /** Period the document's figures describe, from the config (e.g. "2022"); undefined without one. */
  period?: string;
  status?: DocumentStatus;
  /** The decoded original text. For .docx: one paragraph per line. For .html: the source markup. */
  original: string;
  /** The text every later stage reads (Simplified, half-width, pinyin removed). */
  normalized: string;
  /** Boilerplate lines found in normalized text. */
  boilerplate: Boilerplate[];
  /** .docx only: its `figcheck-disable` Word comments (the text formats' directives are read from `original`). */
  commentDirectives?: CommentDirective[];
  /** Segmentation tree root (kind `document`). */
  segments: Segment;
  /** The document's tables as the table stage read them (src/tables/); absent when it has none. */
  tables?: DocumentTable[];
  /** Offset in the original text for an offset in normalized text (end offsets map to end). */
  originalOffset(normalizedOffset: number): number;
  /** Line and column in the original file for an offset in normalized text. */
  toOriginal(normalizedOffset: number): Position;
  /** The original-file location of a normalized span [start, end). */
  locate(start: number, end: number): Location;
  /**
   * Offset in the original text of a 1-based line and UTF-16 column; null for a line that does not exist.
   * For a PDF, `line` counts within `page` (default 1), as in a Location.
   */
  offsetAt(line: number, column: number, page?: number): number | null;
  /** The original text of a 1-based line (within `page` for a PDF), without its line break; null for a line that does not exist. */
  lineText(line: number, page?: number): string | null;
}

/** An interval of real numbers; `null` is an open (infinite) end. */
export interface Interval {
  lo: number | null;
  hi: number | null;
  loClosed: boolean;
  hiClosed: boolean;
}

export type FigureKind = 'level' | 'change' | 'share' | 'rank' | 'count' | 'ratio';
export type Change = 'increase' | 'decrease' | null;
export type Modality = 'actual' | 'estimate' | 'target';

export interface Figure {
  /** Document id this figure came from. */
  document: string;
  /** As written in the original. */
  raw: string;
  /** Exact decimal string of the value in base units (e.g. "204900"); null for placeholders. */
  exact: string | null;
  /** The value in base units (3409亿元 → 340900000000); null for placeholders. */
  value: number | null;
  /** Canonical unit name (元, 吨, 千瓦时, %, 个百分点, 倍, 名次, …); null when none. */
  unit: string | null;
  interval: Interval | null;
  /** The word that made it approximate or open (左右, 以上, 多, 近, 超过 …). */
  qualifier: string | null;
  kind: FigureKind;
  change: Change;
  /** The metric phrase, cleaned of filler (`引进到位资金`). */
  label: string;
  /**
   * What the figure is about (src/meaning/metric.ts): the user metric's id, else the core indicator's id with
   * its scopes (`gdp`, `surveyed-unemployment-rate@year-end`), else null. Absent before the meaning stage.
   */
  metric?: string | null;
  /** e.g. `2022`, `2021-01/2021-08`, `2018/2022`; null when unknown. */
  period: string | null;
  modality: Modality;
  placeholder: boolean;
  /** Low confidence reading (几, 数 …) or figure touching damaged text. */
  unreliable?: string;
  /** Normalized-text span of the figure. */
  span: Span;
  location: Location;
}

export interface Finding {
  /** Stable across unrelated edits: rule + metric + documents + figures' text, never line numbers. */
  fingerprint: string;
  rule: string;
  severity: Severity;
  message: string;
  metric: string | null;
  /** Every location involved; the first is the primary one. */
  locations: Location[];
  /** Set by baselines. */
  suppressed?: boolean;
}

export const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** An error from bad input (file, config, rule file). The CLI prints its message and exits 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * A document the run could not read (unreadable, corrupt, over the size limit). The run goes on without
 * it; the `input-error` check reports it as a finding, so every output format and CI see it.
 */
export interface InputFailure {
  /** The path as shown in messages (relative to cwd when under it; undecodable name bytes escaped). */
  path: string;
  /** Why, in a few words, without the path. */
  reason: string;
}

/** What the read stage hands to normalize: a decoded file and its text content. */
export interface DecodedText {
  path: string;
  format: Format;
  encoding: string;
  /**
   * The decoded file (html: the markup; docx: one paragraph per line; pdf: one text line per line, each page
   * ended by a form feed). Locations point into it.
   */
  original: string;
  /** The document's text content (docx: identical to `original`; txt/md: `original` with figcheck's directives blanked; html: visible text). */
  text: string;
  /** text offset → original offset, length text.length + 1; absent when each text offset is its original offset. */
  textOffsets?: Int32Array;
  /** .docx only: its `figcheck-disable` Word comments. */
  commentDirectives?: CommentDirective[];
  /**
   * Lines the reader itself knows to be boilerplate (a PDF's running headers, footers and page numbers, a
   * .docx's running headers and footers), as
   * spans of `original`; normalize adds them to Document.boilerplate.
   */
  boilerplate?: Boilerplate[];
  /** The tables the reader found (.docx `w:tbl`, HTML `<table>`), in original offsets; absent when none. */
  tables?: TableGrid[];
}

/** One cell of a table, spans expanded: its place in the grid and its range of the original file. */
export interface TableCell {
  /** 0-based row and column of its top-left corner in the grid (merged cells already placed). */
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  /** [start, end) of the cell's content: original offsets in a DecodedText, normalized ones in a Document. */
  start: number;
  end: number;
  /** A header cell by markup (`<th>`, a .docx header row); the table stage also finds headers by content. */
  header?: boolean;
}

/** A table as the reader found it: its cells in reading order. */
export interface TableGrid {
  cells: TableCell[];
}

/** What a cell is in its table (src/tables/): a header over columns, a row header, a value, or the corner. */
export type CellRole = 'column-header' | 'row-header' | 'corner' | 'value';

/** A table of a Document, read by the table stage: cells in normalized offsets with their roles. */
export interface DocumentTable {
  /** Normalized span of the whole table. */
  start: number;
  end: number;
  rows: number;
  columns: number;
  cells: (TableCell & { role: CellRole })[];
  /** Rows and columns whose header names the sum of the others (合计, 总计). */
  totalRows: number[];
  totalColumns: number[];
  /** Rows and columns headed by a whole area (全国, 全省): the others may be a selection of it. */
  scopeRows: number[];
  scopeColumns: number[];
  /** Rows whose header opens with a subset marker (其中): the table is not summed by rows. */
  subsetRows: number[];
}

export type Locale = 'en' | 'zh-CN';

/** One metric's statements across documents, as the discrepancy report shows them side by side. */
export interface MetricComparison {
  /** Metric id (from a rule) or an auto-aligned key. */
  metric: string;
  /** Display name (e.g. 引进到位资金). */
  name: string;
  /** True when aligned automatically rather than by a metric rule. */
  auto: boolean;
  period: string | null;
  statements: Figure[];
  verdict: 'consistent' | 'mismatch' | 'single';
}

/** A target set in one place and the actual reported elsewhere. */
export interface TargetOutcome {
  metric: string;
  name: string;
  target: Figure;
  actual: Figure;
  outcome: 'met' | 'missed' | 'indeterminate';
}

/** For two documents describing the same period: which metrics each states. */
export interface Coverage {
  period: string;
  documents: [string, string];
  both: string[];
  onlyFirst: string[];
  onlySecond: string[];
}

/** How much of one document a run read and checked (src/coverage/). */
export interface DocumentCoverage {
  /** Document id. */
  document: string;
  /** Figures read. */
  figures: number;
  /** Figures whose metric is known (a rule file's metric or a core indicator). */
  withMetric: number;
  /** Figures a check compared with another statement (of this document or another). */
  compared: number;
  /** Of those, figures compared with a statement of another document. */
  comparedAcross: number;
  /** Figures compared only through a pairing by wording (src/checks/wording.ts), not counted in `compared`. */
  byWording: number;
  /** Findings whose primary location is in this document (after suppressions). */
  findings: number;
}

/** The run's coverage: the sums over its documents, and each document's (in run order). */
export interface RunCoverage extends Omit<DocumentCoverage, 'document'> {
  documents: number;
  perDocument: DocumentCoverage[];
}

/** Everything a run produced; formatters and the discrepancy report read this. */
export interface CheckRun {
  documents: Document[];
  figures: Figure[];
  findings: Finding[];
  comparisons: MetricComparison[];
  targets: TargetOutcome[];
  coverage: Coverage[];
  /** Warnings about skipped inputs (unsupported or binary files). */
  warnings: string[];
  /** Figures read, with a metric, compared, and findings, per document and in all (absent for hand-made runs). */
  figureCoverage?: RunCoverage;
  /** Findings removed by suppression comments in the documents (src/suppress/): counted, never shown. */
  suppressedInText?: number;
  /**
   * The figures the checks compared with another statement, true when with one of another document
   * (src/coverage/compared.ts); the discrepancy report marks each figure by it. Absent for hand-made runs.
   */
  compared?: ReadonlyMap<Figure, boolean>;
}
