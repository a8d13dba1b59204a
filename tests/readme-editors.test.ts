/**
 * The README's sections for editors run as written: `check --annotate` on examples/word (the copy holds
 * one comment per finding, with the other side quoted as the README shows it) and `figcheck init` followed
 * by the check it prints, on a copy of the example corpus without its config.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/model.js';
import { ensureBuilt, ROOT } from './helpers/cli.js';

const BIN = resolve(ROOT, 'bin', 'figcheck.js');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

/** The `sh` blocks of the README section whose heading starts with `heading`. */
function shLines(heading: string): string[] {
  const start = readme.indexOf(`\n### ${heading}`);
  expect(start, heading).toBeGreaterThan(0);
  const end = readme.indexOf('\n#', start + 1);
  const section = readme.slice(start, end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.trim().split('\n'));
}

const work = mkdtempSync(join(tmpdir(), 'figcheck-readme-editors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function workspace(name: string): string {
  const dir = join(work, name);
  cpSync(resolve(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  cpSync(resolve(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  return dir;
}

function run(line: string, cwd: string): { code: number; stdout: string; stderr: string } {
  const script = line.replaceAll('npx figcheck', `"${process.execPath}" "${BIN}"`);
  const result = spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => ensureBuilt());

describe('README: Word documents (--annotate)', () => {
  it('writes the annotated copy the section names, one comment per finding, quoting the other side', async () => {
    const cwd = workspace('annotate');
    const [line] = shLines('Word documents');
    expect(line).toBe('npx figcheck check --config examples/word/figcheck.yaml --annotate annotated');
    const result = run(`${line} --format json`, cwd);
    // The draft disagrees with the report: errors, exit 1.
    expect(result.code, result.stderr).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings.filter((f) => f.locations.some((l) => l.path.endsWith('gwr-2025-beijing.docx')));
    const copy = join(cwd, 'annotated', 'gwr-2025-beijing.figcheck.docx');
    expect(existsSync(copy)).toBe(true);
    const comments = await (await JSZip.loadAsync(readFileSync(copy))).file('word/comments.xml')!.async('string');
    expect(comments.match(/<w:comment /g)).toHaveLength(findings.length);
    expect(comments).toContain('Other side: draft (examples/word/draft.md), line 5: “7.4万套”');
    expect(readme).toContain('`Other side: draft (examples/word/draft.md), line 5: “7.4万套”`');
    expect(result.stderr).toContain(`${findings.length} comment(s) written to annotated/gwr-2025-beijing.figcheck.docx`);
  });
});

describe('README: Starting a project (figcheck init)', () => {
  it('init on a folder of documents, then the check it prints: the four cross-check findings of the example', () => {
    const cwd = workspace('init');
    cpSync(join(cwd, 'examples', 'nmg'), join(cwd, 'drafts'), { recursive: true, filter: (source) => !source.endsWith('figcheck.yaml') });
    const [init, check] = shLines('Starting a project');
    const made = run(init!, cwd);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`run:\n  ${check!.replace('npx ', '')}\n`);
    const checked = run(`${check} --format json`, cwd);
    expect(checked.code, checked.stderr).toBe(1);
    const cross = (JSON.parse(checked.stdout) as { findings: Finding[] }).findings.filter((f) => f.rule === 'figure-mismatch' || f.rule === 'target-missed');
    expect(cross).toHaveLength(4);
  });
});
