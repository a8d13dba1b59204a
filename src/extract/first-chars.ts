/**
 * The characters a match of a regular expression can start with, read from its source: the
 * not-figure patterns scan every document, and V8 has no fast skip for a pattern that starts with a
 * class of Chinese characters (`[一二三四五六七八九十]+号…` tries every position at full cost). When
 * the first characters are known, scan.ts tries such a pattern only where one of them stands, with
 * the same matches as a global scan.
 *
 * Hand-written: no maintained library exposes first-character sets of JavaScript regular
 * expressions. It understands the subset the rule files use (literals, escapes, `\d`, `\s`, classes
 * with ranges, groups, alternation, lookarounds, anchors, quantifiers) and answers `null` (unknown:
 * scan everywhere) for anything else (`.`, negated classes, `\p{…}`, back-references).
 */

const WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const DIGITS = '0123456789';

class Unknown extends Error {}

/** What `.`, a negated class or `\p{…}` can start with: unknown, an error only if it starts a match. */
const ANY: Set<string> = new Set();

interface Parsed {
  /** Characters a match of this part can start with. */
  first: Set<string>;
  /** Whether this part can match the empty string (then what follows can start the match too). */
  nullable: boolean;
}

/** First characters of a match of `source` (a `u`-flag regular expression), or null when unknown. */
export function firstChars(source: string): Set<string> | null {
  try {
    const parser = new Parser(source);
    const result = parser.alternation();
    if (parser.pos !== source.length || result.nullable) return null;
    return result.first;
  } catch (error) {
    if (error instanceof Unknown) return null;
    throw error;
  }
}

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  /** a|b|c */
  alternation(): Parsed {
    const first = new Set<string>();
    let nullable = false;
    for (;;) {
      const branch = this.sequence();
      for (const c of branch.first) first.add(c);
      nullable ||= branch.nullable;
      if (this.peek() !== '|') return { first, nullable };
      this.pos++;
    }
  }

  /** Elements in a row: the first non-nullable one ends the first-character set. */
  private sequence(): Parsed {
    const first = new Set<string>();
    let nullable = true;
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const element = this.quantified();
      if (nullable && element.first === ANY) throw new Unknown();
      if (nullable) for (const c of element.first) first.add(c);
      nullable &&= element.nullable;
    }
    return { first, nullable };
  }

  private quantified(): Parsed {
    const atom = this.atom();
    const q = this.peek();
    let nullable = atom.nullable;
    if (q === '?' || q === '*') {
      this.pos++;
      nullable = true;
    } else if (q === '+') {
      this.pos++;
    } else if (q === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/u.exec(this.src.slice(this.pos));
      if (!m) throw new Unknown();
      this.pos += m[0].length;
      if (Number(m[1]) === 0) nullable = true;
    } else return atom;
    if (this.peek() === '?') this.pos++; // lazy
    return { first: atom.first, nullable };
  }

  private atom(): Parsed {
    const c = this.src[this.pos++];
    if (c === undefined) throw new Unknown();
    if (c === '^' || c === '$') return { first: new Set(), nullable: true };
    if (c === '.') return { first: ANY, nullable: false };
    if (c === '[') return { first: this.charClass(), nullable: false };
    if (c === '\\') return { first: this.escape(false), nullable: false };
    if (c === '(') {
      let zeroWidth = false;
      if (this.src.startsWith('?:', this.pos)) this.pos += 2;
      else if (this.src.startsWith('?=', this.pos) || this.src.startsWith('?!', this.pos)) {
        this.pos += 2;
        zeroWidth = true;
      } else if (this.src.startsWith('?<=', this.pos) || this.src.startsWith('?<!', this.pos)) {
        this.pos += 3;
        zeroWidth = true;
      } else if (this.peek() === '?') throw new Unknown(); // named groups and the like
      const inner = this.alternation();
      if (this.src[this.pos++] !== ')') throw new Unknown();
      // a lookaround consumes nothing: what follows it starts the match
      return zeroWidth ? { first: new Set(), nullable: true } : inner;
    }
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{') throw new Unknown();
    const code = c.codePointAt(0)!;
    if (code > 0xffff) throw new Unknown();
    return { first: new Set([c]), nullable: false };
  }

  /** After a backslash, outside or inside a class. */
  private escape(inClass: boolean): Set<string> {
    const c = this.src[this.pos++];
    if (c === undefined) throw new Unknown();
    if (c === 'd') return new Set(DIGITS);
    if (c === 's') return new Set(WHITESPACE);
    if (c === 'n') return new Set('\n');
    if (c === 't') return new Set('\t');
    if (c === 'r') return new Set('\r');
    if (c === 'u' && /^[0-9a-fA-F]{4}/u.test(this.src.slice(this.pos, this.pos + 4))) {
      const ch = String.fromCharCode(parseInt(this.src.slice(this.pos, this.pos + 4), 16));
      this.pos += 4;
      return new Set([ch]);
    }
    if (/[$^\\.*+?()[\]{}|/-]/u.test(c) || (inClass && c === '-')) return new Set([c]);
    if ((c === 'p' || c === 'P') && this.peek() === '{') {
      const close = this.src.indexOf('}', this.pos);
      if (close < 0) throw new Unknown();
      this.pos = close + 1;
      return ANY;
    }
    throw new Unknown(); // \w, \b, back-references, other escapes
  }

  private charClass(): Set<string> {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const out = new Set<string>();
    let prev: string | null = null;
    while (this.peek() !== ']') {
      if (this.pos >= this.src.length) throw new Unknown();
      let chars: Set<string>;
      const c = this.src[this.pos++]!;
      if (c === '\\') {
        chars = this.escape(true);
        if (chars === ANY) {
          if (!negated) return this.skipClass();
          prev = null;
          continue;
        }
      }
      else if (c === '-' && prev !== null && this.peek() !== ']') {
        // a range prev-next
        const nextRaw = this.src[this.pos++]!;
        const next = nextRaw === '\\' ? [...this.escape(true)] : [nextRaw];
        if (next.length !== 1) throw new Unknown();
        const from = prev.charCodeAt(0);
        const to = next[0]!.charCodeAt(0);
        if (to < from || to - from > 4096) throw new Unknown();
        for (let code = from; code <= to; code++) out.add(String.fromCharCode(code));
        prev = null;
        continue;
      } else {
        if (c >= '\ud800' && c <= '\udfff') throw new Unknown(); // astral: two units
        chars = new Set([c]);
      }
      for (const ch of chars) out.add(ch);
      prev = chars.size === 1 ? [...chars][0]! : null;
    }
    this.pos++;
    return negated ? ANY : out;
  }

  /** The rest of a class holding `\p{…}`: its members are not listed, so it can start with anything. */
  private skipClass(): Set<string> {
    while (this.peek() !== ']') {
      if (this.pos >= this.src.length) throw new Unknown();
      if (this.src[this.pos] === '\\') this.pos++;
      this.pos++;
    }
    this.pos++;
    return ANY;
  }
}
