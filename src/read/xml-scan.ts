/**
 * A strict scanner of well-formed XML for the fast .docx path (./docx-plain.ts): start tags, end tags,
 * text, comments and processing instructions, in document order, with attributes and text left raw
 * (attributesOf reads a tag's attributes when the caller needs them; entities are decoded by the caller).
 * Cold, as a run reads it, it reads the provincial reports' word/document.xml in about a third of the CPU
 * of htmlparser2's tokenizer, which is written for HTML's error recovery and steps through a character at
 * a time; the fast path has no use for recovery.
 *
 * Whatever is not plainly well formed (a `<` that opens no tag, an attribute without a quoted value, a `<`
 * in an attribute value, CDATA, a DOCTYPE or any other `<!` declaration, an unclosed comment, processing
 * instruction or tag) stops the scan with `false`: the caller then leaves the document to mammoth, whose
 * reading is the reference. Names are the ASCII names Word writes. Every pattern here is linear-time.
 */

export interface XmlHandlers {
  /** A start tag and its attribute text (well formed; '' when none). A self-closing tag's onclose follows at once. */
  onopen(name: string, attributes: string): void;
  /** Text between two tags (never empty), raw. */
  ontext(text: string): void;
  /** An end tag, or the end of a self-closing tag. */
  onclose(name: string): void;
  /** A comment (`<!-- … -->`). */
  oncomment(): void;
}

/** A start tag: name, attributes (each `name="value"` or `name='value'`), an optional `/`, `>`. */
const START_TAG = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
/** One attribute of START_TAG's second group. */
const ATTRIBUTE = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
/** An end tag. */
const END_TAG = /<\/([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*>/y;

/**
 * Scans `xml` from start to end, calling `handlers` in document order; false (and stops) at the first
 * thing that is not plainly well-formed XML. Nesting is the caller's to check (it keeps its own stack).
 */
export function scanXml(xml: string, handlers: XmlHandlers): boolean {
  let at = 0;
  const length = xml.length;
  while (at < length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > at) handlers.ontext(xml.slice(at, textEnd));
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      END_TAG.lastIndex = lt;
      const end = END_TAG.exec(xml);
      if (!end) return false;
      handlers.onclose(end[1]!);
      at = END_TAG.lastIndex;
    } else if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', lt + 2);
      if (close < 0) return false;
      at = close + 2;
    } else if (next === 0x21 /* ! */) {
      if (!xml.startsWith('<!--', lt)) return false;
      const close = xml.indexOf('-->', lt + 4);
      if (close < 0) return false;
      handlers.oncomment();
      at = close + 3;
    } else {
      START_TAG.lastIndex = lt;
      const start = START_TAG.exec(xml);
      if (!start) return false;
      handlers.onopen(start[1]!, start[2]!);
      if (start[3]) handlers.onclose(start[1]!);
      at = START_TAG.lastIndex;
    }
  }
  return true;
}

/**
 * The attributes of a start tag's attribute text (as onopen gave it), in order, values raw; of an attribute
 * given twice, the first (as htmlparser2 keeps it).
 */
export function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(text); match; match = ATTRIBUTE.exec(text)) {
    const name = match[1]!;
    if (!Object.prototype.hasOwnProperty.call(attributes, name)) attributes[name] = match[2] ?? match[3]!;
  }
  return attributes;
}
