/**
 * LibreOffice as an independent reader of the .docx files figcheck writes: `soffice --headless
 * --convert-to odt` (Debian's libreoffice-writer, installed by scripts/ensure-libreoffice.sh), then the
 * comments read back from the OpenDocument text: each `<office:annotation>` with its author, its text and
 * the document text between it and its `<office:annotation-end>` (what the comment is anchored on).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';

const OFFICE_NS = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

export interface ReadBackComment {
  author: string;
  /** The comment's paragraphs joined by "\n". */
  text: string;
  /** The text it is anchored on ('' for a comment at a point). */
  anchored: string;
}

/** Where soffice is, or a message saying how to get it (tests fail with it: CI installs LibreOffice). */
export function soffice(): string {
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const path = found.stdout.trim().split('\n')[0];
  if (!path) throw new Error('soffice not found: run scripts/ensure-libreoffice.sh (installs libreoffice-writer-nogui)');
  return path;
}

/**
 * Converts .docx files to .odt with LibreOffice headless (one process for all, a profile of its own so
 * that runs in parallel do not share one) and returns each one's comments, by input file name.
 */
export async function readCommentsWithLibreOffice(files: string[]): Promise<Map<string, ReadBackComment[]>> {
  const work = mkdtempSync(join(tmpdir(), 'figcheck-lo-'));
  try {
    const profile = pathToFileURL(join(work, 'profile')).href;
    const out = join(work, 'out');
    const result = spawnSync(soffice(), [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'odt', '--outdir', out, ...files], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (result.status !== 0) throw new Error(`soffice failed (${result.status ?? result.signal}): ${result.stderr}`);
    const comments = new Map<string, ReadBackComment[]>();
    for (const file of files) {
      const odt = join(out, basename(file).replace(/\.docx$/, '.odt'));
      let bytes: Buffer;
      try {
        bytes = readFileSync(odt);
      } catch {
        throw new Error(`soffice did not convert ${file}: ${result.stdout}${result.stderr}`);
      }
      const content = await (await JSZip.loadAsync(bytes)).file('content.xml')!.async('string');
      comments.set(basename(file), commentsOf(content));
    }
    return comments;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The comments of an ODF content.xml, in document order. */
export function commentsOf(contentXml: string): ReadBackComment[] {
  const document = new DOMParser().parseFromString(contentXml, 'text/xml');
  const found: ReadBackComment[] = [];
  const open = new Map<string, ReadBackComment>();
  const append = (text: string) => {
    for (const comment of open.values()) comment.anchored += text;
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        append((child as Text).data);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const ns = element.namespaceURI;
      const name = element.localName;
      if (ns === OFFICE_NS && name === 'annotation') {
        const author = Array.from(element.getElementsByTagNameNS(DC_NS, 'creator'))[0]?.textContent ?? '';
        const text = Array.from(element.getElementsByTagNameNS(TEXT_NS, 'p'))
          .map((p) => p.textContent ?? '')
          .join('\n');
        const comment = { author, text, anchored: '' };
        found.push(comment);
        const id = element.getAttributeNS(OFFICE_NS, 'name');
        if (id) open.set(id, comment);
        continue;
      }
      if (ns === OFFICE_NS && name === 'annotation-end') {
        open.delete(element.getAttributeNS(OFFICE_NS, 'name') ?? '');
        continue;
      }
      if (ns === TEXT_NS && name === 's') {
        append(' '.repeat(Number(element.getAttributeNS(TEXT_NS, 'c') ?? '1') || 1));
        continue;
      }
      if (ns === TEXT_NS && name === 'tab') {
        append('\t');
        continue;
      }
      if (ns === TEXT_NS && name === 'line-break') {
        append('\u2028');
        continue;
      }
      walk(element);
      if (ns === TEXT_NS && (name === 'p' || name === 'h')) append('\n');
    }
  };
  const body = document.getElementsByTagNameNS(OFFICE_NS, 'text')[0];
  if (body) walk(body as unknown as Node);
  return found;
}
