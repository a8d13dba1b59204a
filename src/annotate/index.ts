/**
 * `check --annotate DIR`: the findings of a run written back into the Word documents they are about. For
 * each checked .docx with findings, DIR/<name>.figcheck.docx is a copy holding one Word comment per finding,
 * anchored on the finding's span in that document, authored `figcheck`, saying what the finding says and
 * where the other side of the comparison is. The input is only read; every copy passes the output guard.
 */
import { basename } from 'node:path';
import { t } from '../i18n.js';
import type { CheckRun, Document, Finding, Locale, Location } from '../model.js';
import { checkOutputFile, type GuardContext } from '../output/guard.js';
import { ANNOTATED_SUFFIX } from '../output/exclude.js';
import { writeOutputFile } from '../output/write.js';
import { readInputFile } from '../read/decode.js';
import { activeFindings, compareFindings, displayPath, severityLabel } from '../report/common.js';
import { annotateDocx, type CommentNote } from './docx.js';

export { annotateDocx, COMMENT_AUTHOR, type AnnotatedDocx, type CommentNote } from './docx.js';

export interface AnnotateOptions {
  /** The folder the copies go to (as the user gave it; resolved against `guard.cwd`). */
  dir: string;
  locale: Locale;
  guard: GuardContext;
  /** Documents read from standard input (their path is only a name): nothing to copy. */
  stdinPaths?: readonly string[];
}

export interface AnnotationResult {
  /** One entry a copy written. */
  written: { document: string; output: string; comments: number; unanchored: number }[];
  /** What the user should know (a format left as it is, a document that could not be copied). */
  notes: string[];
}

/** The comments of one document: the run's findings with a location in it, in reading order. */
export function notesFor(document: Document, findings: readonly Finding[], byPath: ReadonlyMap<string, Document>, locale: Locale, cwd: string): CommentNote[] {
  const notes: { note: CommentNote; finding: Finding }[] = [];
  for (const finding of activeFindings(findings)) {
    const anchor = finding.locations.find((location) => location.path === document.path);
    if (!anchor) continue;
    const others = finding.locations.filter((location) => location !== anchor);
    const paragraphs = [`${severityLabel(finding.severity, locale)} · ${finding.rule}: ${finding.message}`];
    for (const other of others) paragraphs.push(otherSide(other, byPath.get(other.path), locale, cwd));
    notes.push({ finding, note: { line: anchor.line, column: anchor.column, endLine: anchor.endLine, endColumn: anchor.endColumn, paragraphs } });
  }
  notes.sort((a, b) => a.note.line - b.note.line || a.note.column - b.note.column || compareFindings(a.finding, b.finding));
  return notes.map(({ note }) => note);
}

/** `Other side: report-2023 (examples/nmg/work-report-2023.txt), line 12: "增长4.2%"`. */
function otherSide(location: Location, document: Document | undefined, locale: Locale, cwd: string): string {
  const path = displayPath(location.path, cwd);
  const named = document && document.id !== location.path && document.id !== path;
  const where = named ? t(locale, { en: `${document.id} (${path})`, zh: `${document.id}（${path}）` }) : path;
  const paragraph = document?.format === 'docx';
  const text = location.text ? t(locale, { en: `: “${location.text}”`, zh: `：“${location.text}”` }) : '';
  return paragraph
    ? t(locale, { en: `Other side: ${where}, paragraph ${location.line}${text}`, zh: `对照：${where}，第 ${location.line} 段${text}` })
    : t(locale, { en: `Other side: ${where}, line ${location.line}${text}`, zh: `对照：${where}，第 ${location.line} 行${text}` });
}

/** The copy's file name: `report.docx` → `report.figcheck.docx`; a second `report.docx` elsewhere → `report-2.figcheck.docx`. */
function copyName(path: string, taken: Set<string>): string {
  const stem = basename(path).replace(/\.docx$/i, '');
  let name = `${stem}${ANNOTATED_SUFFIX}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}${ANNOTATED_SUFFIX}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Writes the annotated copies of a run's .docx documents into `options.dir`. */
export async function writeAnnotations(run: CheckRun, options: AnnotateOptions): Promise<AnnotationResult> {
  const { locale, guard } = options;
  const result: AnnotationResult = { written: [], notes: [] };
  const byPath = new Map(run.documents.map((document) => [document.path, document]));
  const others = run.documents.filter((document) => document.format !== 'docx');
  if (others.length)
    result.notes.push(
      t(locale, {
        en: `--annotate writes comments into .docx files only; the ${others.length} .txt/.md/.html document(s) are left as they are`,
        zh: `--annotate 只给 .docx 文件加批注；其余 ${others.length} 个 .txt/.md/.html 文档保持原样`,
      }),
    );
  const taken = new Set<string>();
  for (const document of run.documents) {
    if (document.format !== 'docx') continue;
    const notes = notesFor(document, run.findings, byPath, locale, guard.cwd);
    if (!notes.length) continue;
    if (options.stdinPaths?.includes(document.path)) {
      result.notes.push(
        t(locale, {
          en: `${document.path}: read from standard input, so there is no file to copy; not annotated`,
          zh: `${document.path}：读自标准输入，没有可复制的文件；未加批注`,
        }),
      );
      continue;
    }
    const name = `${options.dir.replace(/[\\/]+$/, '')}/${copyName(document.path, taken)}`;
    const target = checkOutputFile(name, name, guard);
    let annotated;
    try {
      const bytes = await readInputFile(document.path, document.path);
      annotated = await annotateDocx(bytes, document.original.split('\n'), notes);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      result.notes.push(t(locale, { en: `${document.path}: not annotated (${reason})`, zh: `${document.path}：未加批注（${reason}）` }));
      continue;
    }
    // Checked again just before the rename: the folder may have changed while the copy was made.
    writeOutputFile(target, name, annotated.bytes, () => checkOutputFile(name, name, guard));
    result.written.push({ document: document.path, output: name, comments: notes.length, unanchored: annotated.unanchored });
    if (annotated.unanchored)
      result.notes.push(
        t(locale, {
          en: `${name}: ${annotated.unanchored} comment(s) could not be anchored on their text (the paragraph reads differently in the Word XML) and sit at the top of the document`,
          zh: `${name}：有 ${annotated.unanchored} 条批注无法定位到原文（该段在 Word XML 中的文字不同），放在文档开头`,
        }),
      );
  }
  return result;
}
