/**
 * Suppression comments in a .docx: a Word comment whose text starts with `figcheck-disable` (then,
 * optionally, rule ids) suppresses the findings in the paragraphs it is anchored on — from the paragraph
 * of its commentRangeStart to that of its commentRangeEnd (or of its commentReference when Word wrote no
 * range). Read from the package with jszip and htmlparser2's XML mode (a real tokenizer: entities, CDATA,
 * attributes in any order), never with regular expressions over XML.
 *
 * The paragraphs are found in the lines the docx reader made (one paragraph per line, ./../read/docx.ts):
 * each `w:p` of document.xml is matched, in order, to the next line with the same text, so a location's
 * line (the paragraph number the reader gave) is what a directive names, whatever the reader skipped.
 * The extracted text and its locations are not touched.
 */
import JSZip from 'jszip';
import { Parser } from 'htmlparser2';
import type { CommentDirective } from '../model.js';
import type { InflatedDocx } from '../read/docx-size.js';
import { DOCX_LINE_BREAK } from '../read/docx.js';
import { parseRules } from './syntax.js';

const KEYWORD = /^\s*figcheck-disable(?![\w-])([\s\S]*)$/;
const COMMENTS_TYPE = /\/comments$/;
const DOCUMENT_TYPE = /\/officeDocument$/;

/** Relationship targets of a .rels part, by type (resolved against the folder of the part they belong to). */
function relationships(xml: string, folder: string): { type: string; target: string }[] {
  const found: { type: string; target: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'Relationship' || attributes.TargetMode === 'External' || !attributes.Target || !attributes.Type) return;
        const target = attributes.Target.startsWith('/') ? attributes.Target.slice(1) : `${folder}${attributes.Target}`;
        found.push({ type: attributes.Type, target: normalizePart(target) });
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return found;
}

/** `word/../word/x.xml` → `word/x.xml`. */
function normalizePart(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part && part !== '.') out.push(part);
  }
  return out.join('/');
}

async function partText(zip: JSZip, name: string, inflated?: ReadonlyMap<string, Buffer>): Promise<string | null> {
  const entry = zip.file(name);
  if (!entry) return null;
  // (jszip's 'string' is the bytes' Buffer#toString: the same text from the size check's bytes, read/docx-size.ts)
  return inflated?.get(name)?.toString('utf-8') ?? entry.async('string');
}

/** Comment id → its text, for the comments whose text starts with `figcheck-disable`. */
function disablingComments(xml: string): Map<string, string> {
  const texts = new Map<string, string>();
  let id: string | null = null;
  let text: string[] = [];
  let inText = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'w:comment') {
          id = attributes['w:id'] ?? null;
          text = [];
        } else if (name === 'w:t') inText = true;
        else if (name === 'w:p' && text.length) text.push(' ');
        else if (name === 'w:tab' || name === 'w:br') text.push(' ');
      },
      ontext(data) {
        if (inText && id !== null) text.push(data);
      },
      onclosetag(name) {
        if (name === 'w:t') inText = false;
        else if (name === 'w:comment') {
          if (id !== null) {
            const whole = text.join('');
            if (KEYWORD.test(whole)) texts.set(id, whole.trim());
          }
          id = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return texts;
}

interface Anchors {
  /** Paragraph texts of document.xml, in the order the reader writes them (a paragraph when it closes). */
  paragraphs: string[];
  /** Comment id → index into `paragraphs` of its range start, range end and reference. */
  start: Map<string, number>;
  end: Map<string, number>;
  reference: Map<string, number>;
}

/** The paragraphs of document.xml with the comment anchors in them. */
function anchors(xml: string, wanted: ReadonlySet<string>): Anchors {
  const result: Anchors = { paragraphs: [], start: new Map(), end: new Map(), reference: new Map() };
  /** Open paragraphs (a text box's paragraphs nest inside a run of another). */
  const open: { text: string[]; pending: [Map<string, number>, string][] }[] = [];
  /** Anchors met between paragraphs: they belong to the next paragraph. */
  let between: [Map<string, number>, string][] = [];
  let inText = false;
  let deleted = 0;
  const anchor = (map: Map<string, number>, id: string | undefined) => {
    if (id === undefined || !wanted.has(id)) return;
    const top = open[open.length - 1];
    if (top) top.pending.push([map, id]);
    else between.push([map, id]);
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const top = open[open.length - 1];
        switch (name) {
          case 'w:p':
            open.push({ text: [], pending: between });
            between = [];
            return;
          case 'w:t':
            inText = true;
            return;
          case 'w:tab':
            top?.text.push('\t');
            return;
          case 'w:br':
          case 'w:cr':
            top?.text.push(DOCX_LINE_BREAK);
            return;
          case 'w:del':
            deleted++;
            return;
          case 'w:commentRangeStart':
            anchor(result.start, attributes['w:id']);
            return;
          case 'w:commentRangeEnd':
            anchor(result.end, attributes['w:id']);
            return;
          case 'w:commentReference':
            anchor(result.reference, attributes['w:id']);
            return;
        }
      },
      ontext(data) {
        if (inText && !deleted) open[open.length - 1]?.text.push(data);
      },
      onclosetag(name) {
        if (name === 'w:t') inText = false;
        else if (name === 'w:del') deleted--;
        else if (name === 'w:p') {
          const paragraph = open.pop();
          if (!paragraph) return;
          const index = result.paragraphs.length;
          result.paragraphs.push(paragraph.text.join('').replace(/[\r\n]/g, ' '));
          for (const [map, id] of paragraph.pending) if (!map.has(id)) map.set(id, index);
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return result;
}

/** For each paragraph of document.xml, the 1-based line the reader gave it (matched by text, in order); null when not found. */
function lineOfParagraphs(paragraphs: readonly string[], lines: readonly string[]): (number | null)[] {
  const out: (number | null)[] = [];
  let next = 0;
  for (const text of paragraphs) {
    let found = -1;
    for (let i = next; i < lines.length; i++) {
      if (lines[i] === text) {
        found = i;
        break;
      }
    }
    if (found < 0 && text.trim()) {
      // A reader that joins paragraphs (a table row on one line): the next line holding the text.
      for (let i = Math.max(0, next - 1); i < lines.length; i++) {
        if (lines[i]!.includes(text)) {
          found = i;
          break;
        }
      }
    }
    if (found < 0) {
      out.push(null);
      continue;
    }
    out.push(found + 1);
    next = found + 1;
  }
  return out;
}

/**
 * The `figcheck-disable` comments of a .docx with the lines (paragraph numbers) they cover, given the
 * reader's lines. Nothing is inflated beyond the comments part unless a comment is a directive.
 */
export async function docxCommentDirectives(bytes: Uint8Array, lines: readonly string[], inflated?: InflatedDocx): Promise<CommentDirective[]> {
  // (the archive and XML parts the size check read, when given: read/docx-size.ts)
  const zip = inflated?.zip ?? (await JSZip.loadAsync(bytes));
  const parts = inflated?.parts;
  const packageRels = await partText(zip, '_rels/.rels', parts);
  const main = (packageRels ? relationships(packageRels, '') : []).find((r) => DOCUMENT_TYPE.test(r.type))?.target ?? 'word/document.xml';
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const mainRels = await partText(zip, `${folder}_rels/${main.slice(folder.length)}.rels`, parts);
  const commentsPart = (mainRels ? relationships(mainRels, folder) : []).find((r) => COMMENTS_TYPE.test(r.type))?.target;
  if (!commentsPart) return [];
  const commentsXml = await partText(zip, commentsPart, parts);
  if (!commentsXml || !commentsXml.includes('figcheck-disable')) return [];
  const comments = disablingComments(commentsXml);
  if (!comments.size) return [];
  const documentXml = await partText(zip, main, parts);
  if (!documentXml) return [];
  const found = anchors(documentXml, new Set(comments.keys()));
  const lineOf = lineOfParagraphs(found.paragraphs, lines);
  const directives: CommentDirective[] = [];
  for (const [id, text] of comments) {
    const first = found.start.get(id) ?? found.reference.get(id) ?? found.end.get(id);
    const last = found.end.get(id) ?? found.reference.get(id) ?? first;
    if (first === undefined || last === undefined) continue;
    const lo = Math.min(first, last);
    const hi = Math.max(first, last);
    // The first and last paragraphs the reader has a line for.
    let firstLine: number | null = null;
    let lastLine: number | null = null;
    for (let p = lo; p <= hi; p++) {
      const line = lineOf[p];
      if (line == null) continue;
      firstLine ??= line;
      lastLine = line;
    }
    if (firstLine === null || lastLine === null) continue;
    directives.push({ id, text, rules: parseRules(KEYWORD.exec(text)![1]!), firstLine, lastLine });
  }
  return directives.sort((a, b) => a.firstLine - b.firstLine || a.lastLine - b.lastLine);
}
