/**
 * The rows a table's caption names the subject of (`表1 2025年年末某市常住人口数及其构成`: 常住人口; src/meaning/captions.ts).
 * A statistical table states a fact per row the way its text does, but leaves out what the caption says once: the
 * total row (`合计`, `全市`) is the subject itself; a row naming no measure of its own (`城镇`, `工业`, a year) is that
 * part of the subject (城镇常住人口, 工业固定资产投资), as is one narrowing the words the subject opens with (`城镇居民` under
 * `居民人均可支配收入`: 城镇居民人均可支配收入); a row sharing other words with the subject names its own measure
 * (`出口` under `货物进出口总值`, `各项存款余额` under `人民币存贷款余额`) and keeps its name, taking only the caption's
 * scope words (tables.captionScopes: 人民币各项存款余额). The rows under such a row (`其中：一般贸易` under `出口`) are
 * its parts, not the subject's: they keep their names (precision first: which whole they are of is the row's, unsaid).
 */
import type { HeaderReading, TableWords } from './headers.js';

export class CaptionRows {
  /**
   * The rows of a table whose caption names `subject` (null: none), given its value columns' header readings: the
   * subject names rows only where no column names a measure of its own (`产量（万吨）` names what `原煤` is measured by;
   * tables.shareHeaders, `比重`, and scopes, `农村`, name none).
   */
  static of(subject: string | null, valueColumns: HeaderReading[][], w: TableWords): CaptionRows {
    const measured = valueColumns.some((parts) => parts.some((p) => p.name && !p.scope && !w.settings.shareHeaders.includes(p.name)));
    return new CaptionRows(measured ? null : subject, w);
  }

  /** Whether the rows read now are parts of the subject itself (no row naming its own measure read since the whole). */
  private ofSubject = true;
  private readonly scope: string | null;

  private constructor(
    private readonly subject: string | null,
    private readonly w: TableWords,
  ) {
    this.scope = subject === null ? null : (w.settings.captionScopes.find((s) => subject.includes(s)) ?? null);
  }

  /**
   * A data row's header readings, in order, with the name its figures take written into the first (the others'
   * names then empty); `total` when the row heads the whole (`合计`, `全市`). Unchanged without a subject.
   */
  named(parts: HeaderReading[], total: boolean): HeaderReading[] {
    const subject = this.subject;
    if (subject === null || !parts.length) return parts;
    const row = parts.map((p) => p.name).join('');
    const name = this.nameOf(row, total, subject);
    return name === row ? parts : [{ ...parts[0]!, name }, ...parts.slice(1).map((p) => ({ ...p, name: '' }))];
  }

  private nameOf(row: string, total: boolean, subject: string): string {
    if (total || row.includes(subject)) {
      this.ofSubject = true;
      return total ? subject : row;
    }
    // `城镇居民` over `居民人均可支配收入`: the row narrows the words the subject opens with (城镇居民人均可支配收入)
    const joined = overlapOf(row, subject);
    if (joined > 0) return this.ofSubject ? row + subject.slice(joined) : this.scoped(row);
    if (sharesWord(row, subject)) {
      this.ofSubject = false;
      return this.scoped(row);
    }
    return this.ofSubject ? row + subject : this.scoped(row);
  }

  /** A row's own name with the caption's scope word before it, unless it writes one itself. */
  private scoped(row: string): string {
    if (this.scope === null || this.w.settings.captionScopes.some((s) => row.includes(s))) return row;
    return this.scope + row;
  }
}

/** How many characters (two at least) that `row` ends with `subject` opens with: `城镇居民` and `居民人均可支配收入`, 2. */
function overlapOf(row: string, subject: string): number {
  for (let n = Math.min(row.length - 1, subject.length - 1); n >= 2; n--) if (row.endsWith(subject.slice(0, n))) return n;
  return 0;
}

/** Whether two names share a word (two characters in a row): `出口` and `货物进出口总值`, `存款余额` and `存贷款余额`. */
function sharesWord(a: string, b: string): boolean {
  for (let i = 0; i + 2 <= a.length; i++) if (b.includes(a.slice(i, i + 2))) return true;
  return false;
}
