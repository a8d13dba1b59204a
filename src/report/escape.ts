/**
 * The escape functions of the reports. Everything taken from a document (its text, id, path, the
 * messages quoting it) goes through one of these before it reaches HTML, XML or Markdown.
 * Hand-written because each is a handful of replacements; a library would add nothing.
 */

/** Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * For HTML text and (double- or single-quoted) attribute values alike. Control characters are
 * dropped: damaged documents contain them and they mean nothing to a reader.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** XML text and attribute values (JUnit): as HTML, with characters XML cannot carry removed. */
export const escapeXml = escapeHtml;

/**
 * Markdown text inside a table cell: Markdown punctuation and raw HTML neutralised, `|` escaped
 * so it does not split the cell, line breaks turned into spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}
