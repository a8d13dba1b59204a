/**
 * What a walk must not read back: the run's own outputs (its report folder, its baseline) and any folder
 * figcheck wrote a report into (marked with REPORT_MARKER), so that a report inside the checked folder
 * never becomes input of the next run.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { REPORT_MARKER } from './guard.js';

/** The name ending of an annotated copy: `report.docx` → `report.figcheck.docx`. */
export const ANNOTATED_SUFFIX = '.figcheck.docx';

/**
 * A predicate over absolute file paths found by walking: true for a file to leave out. `outputs` are
 * files or folders; one that holds a path given to walk (`--report-dir .`) excludes nothing (the output
 * guard refuses it instead).
 */
export function outputExclusion(outputs: readonly string[], walked: readonly string[], cwd: string): (file: string) => boolean {
  const given = walked.filter((p) => p !== '-').map((p) => resolve(cwd, p));
  const roots = outputs
    .map((root) => resolve(cwd, root))
    .filter((root) => !given.some((path) => isInsideFolder(path, root)))
    .flatMap((root) => {
      try {
        return [root, realpathSync(root)];
      } catch {
        return [root];
      }
    });
  // A folder holding figcheck's report marker is an earlier report, whatever this run's --report-dir.
  const reportFolders = new Map<string, boolean>();
  const inReportFolder = (file: string) => {
    const folder = dirname(file);
    if (!reportFolders.has(folder)) reportFolders.set(folder, existsSync(join(folder, REPORT_MARKER)));
    return reportFolders.get(folder)!;
  };
  // figcheck's annotated copies of .docx files (`check --annotate`) are its output too, wherever they lie.
  return (file) => file.endsWith(ANNOTATED_SUFFIX) || inReportFolder(file) || roots.some((root) => isInsideFolder(file, root));
}

function isInsideFolder(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
