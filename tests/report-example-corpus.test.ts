/**
 * Every output format and the discrepancy report on the example corpus (examples/nmg), through
 * the whole pipeline: what `npm start` and CI users see.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRun, Finding } from '../src/model.js';
import { check } from '../src/pipeline.js';
import { writeReportDir } from '../src/report/discrepancy/index.js';
import { FORMATTERS, type FormatOptions } from '../src/report/registry.js';

const CWD = resolve(import.meta.dirname, '..');
const OPTIONS: FormatOptions = { cwd: CWD, color: false, locale: 'en', version: '0.1.0' };
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let run: CheckRun;
let active: Finding[];
const output = (name: string) => FORMATTERS.find((f) => f.name === name)!.format(run, OPTIONS);

beforeAll(async () => {
  run = await check([], { config: join(CWD, 'examples/nmg/figcheck.yaml'), cwd: CWD, locale: 'en' });
  active = run.findings.filter((f) => !f.suppressed);
});

describe('formats on the example corpus', () => {
  it('has findings to show (the corpus has known discrepancies)', () => {
    expect(run.documents.length).toBe(5);
    expect(active.some((f) => f.rule === 'figure-mismatch' && f.severity === 'error')).toBe(true);
  });

  it('sarif: valid against the official SARIF 2.1.0 schema, one result per finding', () => {
    const schema = JSON.parse(readFileSync(join(CWD, 'tests/sarif/sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(output('sarif'));
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
    const results = log.runs[0].results;
    expect(results).toHaveLength(run.findings.length);
    const rules = new Set(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id));
    for (const result of results) {
      expect(rules.has(result.ruleId)).toBe(true);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^examples\/nmg\/[\w.-]+$/);
    }
    const fingerprints = results.map((r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('junit: well-formed, a suite per document, a failure per active finding', () => {
    const xml = output('junit');
    const stack: string[] = [];
    const problems: string[] = [];
    let suites = 0;
    let failures = 0;
    let failedCases = 0;
    let inFailedCase = false;
    let declaredFailures = -1;
    const parser = new Parser(
      {
        onopentag(name, attributes) {
          const selfClosing = xml.slice(parser.startIndex, parser.endIndex + 1).endsWith('/>');
          if (!selfClosing) stack.push(name);
          if (name === 'testsuites') declaredFailures = Number(attributes.failures);
          if (name === 'testsuite') suites++;
          if (name === 'testcase') inFailedCase = false;
          if (name === 'failure') {
            failures++;
            if (!inFailedCase) failedCases++;
            inFailedCase = true;
          }
        },
        onclosetag(name, isImplied) {
          if (!isImplied && stack.pop() !== name) problems.push(`mismatched </${name}>`);
        },
        onerror(error) {
          problems.push(error.message);
        },
      },
      { xmlMode: true, recognizeSelfClosing: true },
    );
    parser.write(xml);
    parser.end();
    expect(problems).toEqual([]);
    expect(stack).toEqual([]);
    expect(suites).toBe(run.documents.length);
    expect(failures).toBe(active.length);
    expect(declaredFailures).toBe(failedCases);
  });

  it('github: every line is a workflow command naming an existing file and position', () => {
    const lines = output('github').trimEnd().split('\n');
    expect(lines).toHaveLength(active.length);
    for (const line of lines) {
      const match = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=[^:]+::[^\n]+$/.exec(line);
      expect(match, line).not.toBeNull();
      expect(run.documents.map((d) => d.path)).toContain(match![2]);
      expect(Number(match![3])).toBeGreaterThan(0);
    }
  });

  it('rdjsonl: every line parses, and its UTF-8 byte columns select the statement in the file', () => {
    const lines = output('rdjsonl').trimEnd().split('\n');
    expect(lines).toHaveLength(active.length);
    const sorted = [...active];
    let checked = 0;
    for (const line of lines) {
      const diagnostic = JSON.parse(line);
      const { start, end } = diagnostic.location.range;
      if (start.line !== end.line) continue;
      const file = readFileSync(join(CWD, diagnostic.location.path), 'utf8').replace(/^\uFEFF/, '');
      const text = file.split(/\r\n|\r|\n/)[start.line - 1]!;
      const selected = Buffer.from(text, 'utf8').subarray(start.column - 1, end.column - 1).toString('utf8');
      const finding = sorted.find((f) => f.message === diagnostic.message && f.rule === diagnostic.code.value)!;
      // A finding about a whole document (nothing-compared) has a zero-width location and no text.
      expect(selected).toBe(finding.locations[0]!.text ?? '');
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('json: summary counts match the findings', () => {
    const json = JSON.parse(output('json'));
    const count = (severity: string) => active.filter((f) => f.severity === severity).length;
    expect(json.summary).toEqual({
      error: count('error'),
      warning: count('warning'),
      info: count('info'),
      suppressed: run.findings.length - active.length,
      suppressedInText: 0,
    });
    expect(json.documents.map((d: { path: string }) => d.path)).toEqual(run.documents.map((d) => d.path));
  });

  it('unix and stylish list every active finding', () => {
    expect(output('unix').trimEnd().split('\n')).toHaveLength(active.length);
    expect(output('stylish')).toMatch(new RegExp(`✖ ${active.length} problems`));
  });
});

describe('discrepancy report on the example corpus', () => {
  let dir: string;
  let report: { markdown: string; html: string };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'figcheck-report-'));
    report = writeReportDir(run, dir, OPTIONS);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes report.md and index.html', () => {
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe(report.markdown);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(report.html);
  });

  it('shows the funds-attracted mismatch side by side, the figures marked in their sentences', () => {
    const funds = run.comparisons.find((c) => c.metric === 'funds-attracted');
    expect(funds?.verdict).toBe('mismatch');
    expect(report.markdown).toMatch(/### 引进到位资金 \(funds-attracted, 2022\): mismatch/);
    expect(report.markdown).toContain('**3409亿元**');
    // report-2023 is Traditional in the file: the report quotes the file.
    expect(report.markdown).toMatch(/\*\*3300多億元\*\*/);
    // index.html carries each statement once, the figure apart from its sentence (the page marks it).
    const data = JSON.parse(report.html.match(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/)![1]!) as { st: string[][] };
    const statement = data.st.find((record) => record[2] === '3409亿元');
    expect(statement?.[4]).toMatch(/全区引进到位资金$/);
  });

  it('has every section, and is self-contained', () => {
    for (const id of ['documents', 'findings', 'comparisons', 'targets', 'arithmetic', 'duplicates', 'missing', 'damage', 'coverage']) {
      expect(report.html).toContain(`<section id="${id}">`);
    }
    expect(report.html).not.toMatch(/<(link|img|iframe)\b|src=|href="http/);
  });

  it('names automatically aligned metrics by their display name, never by their internal key', () => {
    expect(run.comparisons.some((c) => c.auto && c.metric.startsWith('auto:'))).toBe(true);
    expect(report.html).not.toContain('auto:');
    expect(report.markdown).not.toContain('auto:');
  });
});
