import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { CheckRun } from '../src/model.js';
import { escapeHtml, escapeMarkdown } from '../src/report/escape.js';
import { FORMATTERS, type FormatOptions } from '../src/report/registry.js';
import { utf8Column } from '../src/report/rdjsonl.js';
import { sampleRun } from './report-fixtures.js';

const CWD = '/srv/project';
const OPTIONS: FormatOptions = { cwd: CWD, color: false, locale: 'en', version: '0.1.0' };

function format(name: string, run: CheckRun, options: Partial<FormatOptions> = {}): string {
  const formatter = FORMATTERS.find((f) => f.name === name);
  if (!formatter) throw new Error(`no formatter ${name}`);
  return formatter.format(run, { ...OPTIONS, ...options });
}

/** The run with document paths absolute under CWD, as a run from disk has them. */
function absoluteRun(): ReturnType<typeof sampleRun> {
  return sampleRun({ dir: `${CWD}/docs-in` });
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

describe('formatter registry', () => {
  it('offers every format of the issue, each with a description', () => {
    expect(FORMATTERS.map((f) => f.name).sort()).toEqual(['github', 'json', 'junit', 'rdjsonl', 'sarif', 'stylish', 'unix']);
    for (const formatter of FORMATTERS) expect(formatter.description.length).toBeGreaterThan(5);
  });
});

describe('unix format', () => {
  it('prints file:line:column: severity: message [rule] for each active finding, paths relative to cwd', () => {
    const { run, figures } = absoluteRun();
    const lines = format('unix', run).trimEnd().split('\n');
    expect(lines).toHaveLength(3); // the baselined finding is left out
    for (const line of lines) expect(line).toMatch(/^docs-in\/[\w-]+\.txt:\d+:\d+: (error|warning|info): .+ \[[a-z-]+\]$/);
    const funds = figures.fundsYearbook.location;
    expect(lines).toContain(
      `docs-in/yearbook-2023.txt:${funds.line}:${funds.column}: error: ${run.findings[0]!.message} [figure-mismatch]`,
    );
  });

  it('keeps a multi-line message on one line', () => {
    const { run } = sampleRun();
    run.findings[0]!.message = 'first\nsecond';
    expect(format('unix', run)).toContain(': error: first second [figure-mismatch]');
  });
});

describe('json format', () => {
  it('follows the version 1 contract, marking suppressed findings and counting them apart', () => {
    const { run, figures } = absoluteRun();
    const output = JSON.parse(format('json', run));
    expect(Object.keys(output)).toEqual(['version', 'documents', 'findings', 'summary']);
    expect(output.version).toBe(1);
    expect(output.documents).toEqual([
      { id: 'yearbook-gov', path: 'docs-in/yearbook-2023.txt', period: '2022', status: 'final', encoding: 'UTF-8', script: 'simplified', figures: 4 },
      { id: 'report-2023', path: 'docs-in/work-report-2023.txt', period: '2022', status: 'preliminary', encoding: 'UTF-8', script: 'traditional', figures: 3 },
    ]);
    expect(output.summary).toEqual({ error: 1, warning: 1, info: 1, suppressed: 1 });
    const mismatch = output.findings.find((f: { rule: string }) => f.rule === 'figure-mismatch');
    expect(Object.keys(mismatch)).toEqual(['fingerprint', 'rule', 'severity', 'message', 'metric', 'locations']);
    expect(mismatch.locations).toHaveLength(2);
    expect(mismatch.locations[1]).toEqual({
      path: 'docs-in/work-report-2023.txt',
      line: figures.fundsReport.location.line,
      column: figures.fundsReport.location.column,
      endLine: figures.fundsReport.location.endLine,
      endColumn: figures.fundsReport.location.endColumn,
      text: '3300多億元',
    });
    const suppressed = output.findings.filter((f: { suppressed?: boolean }) => f.suppressed);
    expect(suppressed.map((f: { rule: string }) => f.rule)).toEqual(['encoding-damage']);
    expect(output.findings.filter((f: { suppressed?: boolean }) => 'suppressed' in f)).toHaveLength(1);
  });
});

describe('stylish format', () => {
  it('groups findings by file with line:column, severity, message, rule and a summary line', () => {
    const { run } = absoluteRun();
    const text = format('stylish', run);
    expect(text).not.toMatch(/\u001b\[/);
    const lines = text.split('\n');
    expect(lines.filter((l) => l === 'docs-in/yearbook-2023.txt')).toHaveLength(1);
    expect(lines.filter((l) => l === 'docs-in/work-report-2023.txt')).toHaveLength(1);
    expect(text).toMatch(/^ {2}\d+:\d+ +error +引进到位资金: .+ {2}figure-mismatch$/m);
    // The other statement of the mismatch is shown under it.
    expect(text).toMatch(/↳ docs-in\/work-report-2023\.txt:1:\d+ {2}3300多億元/);
    expect(text).toContain('✖ 3 problems (1 error, 1 warning, 1 info, 1 suppressed by the baseline)');
    expect(text).not.toContain('damaged text near');
  });

  it('colours only when asked, and speaks Chinese for zh-CN', () => {
    const { run } = sampleRun();
    expect(format('stylish', run, { color: true })).toMatch(/\u001b\[31m/);
    expect(format('stylish', run, { locale: 'zh-CN' })).toContain('共 3 个问题（1 个错误，1 个警告，1 个提示，1 个已由基线抑制）');
  });

  it('prints nothing for a clean run', () => {
    const { run } = sampleRun();
    run.findings = [];
    expect(format('stylish', run)).toBe('');
  });
});

describe('sarif format', () => {
  const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('validates against the official SARIF 2.1.0 schema', () => {
    const { run } = absoluteRun();
    const log = JSON.parse(format('sarif', run));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check is real: a broken log fails it', () => {
    const { run } = absoluteRun();
    const log = JSON.parse(format('sarif', run));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('describes the tool and every rule used, with relative URIs, regions and related locations', () => {
    const { run, figures } = absoluteRun();
    const log = JSON.parse(format('sarif', run, { version: '1.2.3' }));
    const sarifRun = log.runs[0];
    expect(sarifRun.tool.driver.name).toBe('figcheck');
    expect(sarifRun.tool.driver.version).toBe('1.2.3');
    expect(sarifRun.columnKind).toBe('utf16CodeUnits');
    const ruleIds = sarifRun.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const finding of run.findings) expect(ruleIds).toContain(finding.rule);
    for (const rule of sarifRun.tool.driver.rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.help.text).toBeTruthy();
      expect(rule.helpUri).toMatch(new RegExp(`^https://.+#${rule.id}$`));
    }
    const mismatch = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'figure-mismatch');
    expect(mismatch.level).toBe('error');
    expect(sarifRun.tool.driver.rules[mismatch.ruleIndex].id).toBe('figure-mismatch');
    const loc = figures.fundsYearbook.location;
    expect(mismatch.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'docs-in/yearbook-2023.txt' },
      region: { startLine: loc.line, startColumn: loc.column, endLine: loc.endLine, endColumn: loc.endColumn },
    });
    expect(mismatch.relatedLocations).toHaveLength(1);
    expect(mismatch.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('docs-in/work-report-2023.txt');
    expect(mismatch.partialFingerprints).toEqual({ 'figcheckFingerprint/v1': run.findings[0]!.fingerprint });
    const info = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'placeholder');
    expect(info.level).toBe('note');
    const suppressed = sarifRun.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(suppressed.map((r: { ruleId: string }) => r.ruleId)).toEqual(['encoding-damage']);
  });

  it('gives a file outside the working directory as a file: URI', () => {
    const { run } = sampleRun({ dir: '/elsewhere/docs' });
    const log = JSON.parse(format('sarif', run));
    expect(validate(log)).toBe(true);
    const mismatch = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'figure-mismatch');
    expect(mismatch.locations[0].physicalLocation.artifactLocation.uri).toBe('file:///elsewhere/docs/yearbook-2023.txt');
  });

  it('percent-encodes Chinese file names so URIs stay valid', () => {
    const { run } = sampleRun({ dir: `${CWD}/年鉴 2023` });
    const log = JSON.parse(format('sarif', run));
    expect(validate(log)).toBe(true);
    const mismatch = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'figure-mismatch');
    expect(mismatch.locations[0].physicalLocation.artifactLocation.uri).toBe(
      `${encodeURIComponent('年鉴 2023')}/yearbook-2023.txt`,
    );
  });
});

/** Parses XML with htmlparser2, noting any element the document did not close itself. */
function parseXml(xml: string) {
  const stack: string[] = [];
  const selfClosing: boolean[] = [];
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        stack.push(name);
        selfClosing.push(xml.slice(parser.startIndex, parser.endIndex + 1).endsWith('/>'));
        const element = { name, attributes, text: '' };
        elements.push(element);
        open.push(element);
      },
      ontext(text) {
        const top = open[open.length - 1];
        if (top) top.text += text;
      },
      onclosetag(name, isImplied) {
        if (isImplied && !selfClosing.pop()) problems.push(`unclosed <${name}>`);
        else if (!isImplied) selfClosing.pop();
        if (stack.pop() !== name) problems.push(`mismatched </${name}>`);
        open.pop();
      },
      onerror(error) {
        problems.push(error.message);
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(xml);
  parser.end();
  return { elements, problems, unclosed: stack };
}

describe('junit format', () => {
  it('is well-formed XML with a suite per document, a case per rule and a failure per active finding', () => {
    const { run } = absoluteRun();
    const xml = format('junit', run);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const { elements, problems, unclosed } = parseXml(xml);
    expect(problems).toEqual([]);
    expect(unclosed).toEqual([]);
    const suites = elements.filter((e) => e.name === 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['docs-in/yearbook-2023.txt', 'docs-in/work-report-2023.txt']);
    const failures = elements.filter((e) => e.name === 'failure');
    expect(failures).toHaveLength(3);
    expect(failures.map((f) => f.attributes.message)).toContain(run.findings[0]!.message);
    const cases = elements.filter((e) => e.name === 'testcase');
    const root = elements.find((e) => e.name === 'testsuites')!;
    expect(Number(root.attributes.tests)).toBe(cases.length);
    for (const suite of suites) expect(Number(suite.attributes.failures)).toBeLessThanOrEqual(Number(suite.attributes.tests));
    const yearbookFailures = Number(suites[0]!.attributes.failures);
    expect(yearbookFailures).toBe(2); // figure-mismatch and arithmetic-mismatch cases failed
    expect(Number(root.attributes.failures)).toBe(3);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const { run } = sampleRun();
    run.findings[0]!.message = 'a <b> & "c" \u0001 d';
    const { elements, problems } = parseXml(format('junit', run));
    expect(problems).toEqual([]);
    const failure = elements.find((e) => e.name === 'failure' && e.attributes.type === 'error')!;
    expect(failure.attributes.message).toBe('a <b> & "c"  d');
    expect(failure.text).toContain('error: a <b> & "c"  d');
  });
});

describe('github format', () => {
  it('prints one workflow command per active finding that parses back to file, line, col and message', () => {
    const { run, figures } = absoluteRun();
    const lines = format('github', run).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const unescape = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    const parsed = lines.map((line) => {
      const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      const properties = Object.fromEntries(match![2]!.split(',').map((p) => p.split('=') as [string, string]).map(([k, v]) => [k, unescape(v)]));
      return { command: match![1], properties, message: unescape(match![3]!) };
    });
    const mismatch = parsed.find((p) => p.command === 'error')!;
    expect(mismatch.properties).toMatchObject({
      file: 'docs-in/yearbook-2023.txt',
      line: String(figures.fundsYearbook.location.line),
      col: String(figures.fundsYearbook.location.column),
      title: 'figcheck figure-mismatch',
    });
    expect(mismatch.message.startsWith(run.findings[0]!.message)).toBe(true);
    expect(mismatch.message).toContain('docs-in/work-report-2023.txt:1:');
    expect(parsed.map((p) => p.command).sort()).toEqual(['error', 'notice', 'warning']);
  });
});

describe('rdjsonl format', () => {
  it('prints one reviewdog diagnostic per line with UTF-8 byte columns', () => {
    const { run, report } = absoluteRun();
    const lines = format('rdjsonl', run).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const diagnostics = lines.map((line) => JSON.parse(line));
    for (const d of diagnostics) {
      expect(['ERROR', 'WARNING', 'INFO']).toContain(d.severity);
      expect(d.source.name).toBe('figcheck');
      expect(d.location.path).toMatch(/^docs-in\//);
      expect(d.location.range.start.line).toBeGreaterThan(0);
    }
    const placeholder = diagnostics.find((d) => d.code.value === 'placeholder');
    // 城鎮化率達到×% : the placeholder starts after six CJK characters, 18 bytes in UTF-8.
    const line = report.original.split('\n')[2]!;
    expect(line.indexOf('×')).toBe(6);
    expect(placeholder.location.range.start).toEqual({ line: 3, column: 19 });
    // × is 2 bytes, % 1 byte: end (exclusive) at byte 22.
    expect(placeholder.location.range.end).toEqual({ line: 3, column: 22 });
    const mismatch = diagnostics.find((d) => d.code.value === 'figure-mismatch');
    expect(mismatch.related_locations[0].location.path).toBe('docs-in/work-report-2023.txt');
  });

  it('counts a character outside the BMP as 4 bytes (2 UTF-16 units)', () => {
    expect(utf8Column('a𐐀b', 1)).toBe(1);
    expect(utf8Column('a𐐀b', 2)).toBe(2);
    expect(utf8Column('a𐐀b', 4)).toBe(6);
    expect(utf8Column('一二三', 3)).toBe(7);
  });
});

describe('escaping', () => {
  it('escapeHtml neutralises markup in text and attributes', () => {
    expect(escapeHtml(`"><img src=x onerror='alert(1)'>&`)).toBe('&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;');
    expect(escapeHtml('<script>x</script>')).toBe('&lt;script&gt;x&lt;/script&gt;');
    expect(escapeHtml('增长4.2%')).toBe('增长4.2%');
  });

  it('escapeMarkdown keeps a value inside its table cell', () => {
    expect(escapeMarkdown('a|b\nc')).toBe('a\\|b c');
    expect(escapeMarkdown('<b>*x*</b>')).toBe('&lt;b&gt;\\*x\\*&lt;/b&gt;');
  });
});
