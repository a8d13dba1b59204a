/**
 * The command line's contract, through the real bin/figcheck.js: help and version, usage errors, exit codes,
 * bad input, standard input, the figures JSON/CSV contract, colours, locale, `npm start` and `suggest`.
 * Each spawn costs about half a second, so one run answers several questions where it can.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './helpers/cli.js';
import { makeDocx } from './helpers/docx.js';
import { ROOT } from './helpers/paths.js';

const VERSION = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const EXAMPLES = resolve(ROOT, 'examples', 'nmg');

/** A line of a Node stack trace; figcheck must never print one, whatever the input. */
const STACK_LINE = /^\s+at\s/m;
const ANSI = /\x1b\[/;

let dir: string;
const hashesBefore = new Map<string, string>();

/** Runs figcheck in the temp dir (unless told otherwise) and checks what holds for every run. */
function figcheck(args: string[], options: Parameters<typeof runCli>[1] = {}): CliResult {
  const result = runCli(args, { cwd: dir, ...options });
  expect(result.stderr, `stack trace from figcheck ${args.join(' ')}`).not.toMatch(STACK_LINE);
  expect(result.stderr).not.toMatch(/internal error/);
  expect([0, 1, 2], `exit code of figcheck ${args.join(' ')}: ${result.stderr}`).toContain(result.code);
  return result;
}

const runs = new Map<string, CliResult>();
/** The same run, made once: several tests read the output of one command. */
function figcheckOnce(args: string[], options: { cwd?: string } = {}): CliResult {
  const key = JSON.stringify([args, options.cwd]);
  if (!runs.has(key)) runs.set(key, figcheck(args, options));
  return runs.get(key)!;
}

const GRAIN_RULES = [
  'version: 1',
  'metrics:',
  '  - { id: grain-output, name: 粮食产量, aliases: [粮食产量], unit: 吨, kind: level }',
  'checks:',
  '  - { type: consistency, metrics: [grain-output], severity: error }',
  '',
].join('\n');

/** A short text with a few figures, saved in several encodings and formats. */
const SAMPLE = '2022年，全区粮食产量达到800万吨，比上年增长3.5%。全年新建高标准农田约450万亩，引进到位资金3409亿元。\n城镇新增就业18.5万人。\n';

function hashFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((file) => statSync(file).isFile());
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'figcheck-cli-'));
  const write = (name: string, content: string | Uint8Array) => {
    mkdirSync(resolve(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  };
  // Two documents that disagree on a figure, and two that agree.
  write('disagree/yearbook.txt', '2022年，全区粮食产量达到800万吨。\n');
  write('disagree/report.txt', '2022年，全区粮食产量达到760万吨。\n');
  write('agree/yearbook.txt', '2022年，全区粮食产量达到800万吨。\n');
  // The same year's statement (a figure with no period would be compared with nothing: a nothing-compared finding).
  write('agree/report.txt', '2022年全年粮食产量800万吨，创历史新高。\n');
  write('grain-rules.yaml', GRAIN_RULES);
  // Bad input.
  write('bad/empty.txt', '');
  write('bad/binary.txt', Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00\x00\x00'), Buffer.alloc(64, 0), Buffer.from([0xff, 0xfe, 0x00, 0x90])]));
  const docx = await makeDocx(SAMPLE.trim().split('\n'));
  write('bad/photo.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  write('bad/half.docx', docx.subarray(0, Math.floor(docx.length / 2)));
  write('sample.utf8.txt', SAMPLE);
  write('sample.gbk.txt', iconv.encode(SAMPLE, 'gbk'));
  write('sample.docx', docx);
  // Line 4 is indented one space less than the mapping it continues.
  write('rules-syntax.yaml', 'version: 1\nmetrics:\n  - id: grain-output\n   name: 粮食产量\n');
  write('rules-schema.yaml', 'version: 1\nmetrics:\n  - id: grain-output\n    name: 粮食产量\n    colour: red\n');
  write('config-schema/figcheck.yaml', 'documents:\n  - id: yearbook\n    path: yearbook.txt\n    period: twenty-two\n');
  write('config-schema/yearbook.txt', '2022年，全区粮食产量达到800万吨。\n');
  write('config-syntax/figcheck.yaml', 'documents:\n  - id: yearbook\n   path: yearbook.txt\n');
  write('config-syntax/yearbook.txt', '2022年，全区粮食产量达到800万吨。\n');
  for (const file of [...filesUnder(dir), ...filesUnder(EXAMPLES)]) hashesBefore.set(file, hashFile(file));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('help, version and usage errors', () => {
  it('--help lists the commands and exits 0', () => {
    const { code, stdout } = figcheck(['--help']);
    expect(code).toBe(0);
    for (const command of ['check', 'figures', 'suggest']) expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('--version prints the version of package.json', () => {
    const { code, stdout } = figcheck(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(VERSION);
  });

  it.each([
    [['--no-such-option'], /--no-such-option/],
    [['check', '--format', 'nope', 'agree'], /nope/],
    [['check', '--fail-on', 'sometimes', 'agree'], /sometimes/],
    [['check', '--max-warnings', 'many', 'agree'], /many|whole number/],
    [['figures', '--format', 'xml', 'agree'], /xml/],
  ])('%j is a usage error: exit 2 with a message', (args, mentions) => {
    const { code, stderr, stdout } = figcheck(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(mentions);
    expect(stdout).toBe('');
  });
});

describe('exit codes', () => {
  it('0 for documents without discrepancies, with nothing printed', () => {
    const { code, stdout, stderr } = figcheck(['check', 'agree', '--rules', 'grain-rules.yaml', '--format', 'unix']);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('1 when a rule makes a disagreement an error; 0 with --fail-on never, same findings', () => {
    const failing = figcheck(['check', 'disagree', '--rules', 'grain-rules.yaml', '--format', 'json']);
    expect(failing.code).toBe(1);
    const findings = (JSON.parse(failing.stdout) as { findings: { rule: string; severity: string; metric: string | null; locations: { path: string }[] }[] }).findings;
    const mismatch = findings.find((f) => f.metric === 'grain-output');
    expect(mismatch).toMatchObject({ severity: 'error' });
    expect(new Set(mismatch!.locations.map((l) => l.path))).toEqual(new Set(['disagree/yearbook.txt', 'disagree/report.txt']));

    const never = figcheck(['check', 'disagree', '--rules', 'grain-rules.yaml', '--format', 'json', '--fail-on', 'never']);
    expect(never.code).toBe(0);
    expect(JSON.parse(never.stdout).findings).toEqual(findings);
  });

  it('warnings (an automatic alignment) fail only with --fail-on warning or over --max-warnings', () => {
    const plain = figcheckOnce(['check', 'disagree', '--format', 'unix']);
    expect(plain.code).toBe(0);
    const warnings = plain.stdout.split('\n').filter((line) => /: warning: /.test(line));
    expect(warnings.length).toBeGreaterThan(0);
    expect(plain.stdout).not.toMatch(/: error: /);
    expect(figcheck(['check', 'disagree', '--format', 'unix', '--fail-on', 'warning']).code).toBe(1);
    expect(figcheck(['check', 'disagree', '--format', 'unix', '--max-warnings', '0']).code).toBe(1);
    expect(figcheck(['check', 'disagree', '--format', 'unix', '--max-warnings', String(warnings.length)]).code).toBe(0);
  });
});

describe('bad input', () => {
  it('an empty file, a binary file and an unsupported one are skipped with a warning naming each; the rest is checked (exit 0)', () => {
    const { code, stdout, stderr } = figcheck(['check', 'bad/empty.txt', 'bad/binary.txt', 'bad/photo.png', 'agree', '--rules', 'grain-rules.yaml', '--format', 'json']);
    expect(code).toBe(0);
    for (const name of ['empty.txt', 'binary.txt', 'photo.png']) expect(stderr).toMatch(new RegExp(`warning: .*bad/${name.replace('.', '\\.')}`));
    const run = JSON.parse(stdout) as { documents: { path: string }[]; findings: unknown[] };
    expect(run.documents.map((d) => d.path).sort()).toEqual(['agree/report.txt', 'agree/yearbook.txt']);
    expect(run.findings).toEqual([]);
  });

  it('a .docx cut in half among good files: a warning and an input-error naming it, the rest checked; --fail-on decides the exit code', () => {
    const { code, stdout, stderr } = figcheck(['check', 'bad/half.docx', 'agree', '--rules', 'grain-rules.yaml', '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/warning: bad\/half\.docx: not a readable \.docx file/);
    const run = JSON.parse(stdout) as { documents: { path: string }[]; findings: { rule: string; severity: string; locations: { path: string }[] }[] };
    expect(run.documents.map((d) => d.path).sort()).toEqual(['agree/report.txt', 'agree/yearbook.txt']);
    expect(run.findings.map((f) => [f.rule, f.severity, f.locations[0]!.path])).toEqual([['input-error', 'error', 'bad/half.docx']]);
    expect(figcheck(['check', 'bad/half.docx', 'agree', '--fail-on', 'never']).code).toBe(0);
  });

  it('figures --output: a corrupt document does not stop the listing; a good run writes it whole', () => {
    const target = join(dir, 'out', 'figures.json');
    const partly = figcheck(['figures', 'sample.utf8.txt', 'bad/half.docx', '--format', 'json', '--output', target]);
    expect(partly.code).toBe(0);
    expect(partly.stderr).toMatch(/warning: bad\/half\.docx: not a readable \.docx file/);
    expect(new Set((JSON.parse(readFileSync(target, 'utf8')) as { figures: { path: string }[] }).figures.map((f) => f.path))).toEqual(new Set(['sample.utf8.txt']));
    expect(readdirSync(join(dir, 'out'))).toEqual(['figures.json']);

    const good = figcheck(['figures', 'sample.utf8.txt', 'sample.docx', '--format', 'json', '--output', target]);
    expect(good.code).toBe(0);
    const written = readFileSync(target, 'utf8');
    const parsed = JSON.parse(written) as { figures: { path: string }[] };
    // Streamed one document at a time, yet byte for byte what a single JSON.stringify writes.
    expect(written).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(new Set(parsed.figures.map((f) => f.path))).toEqual(new Set(['sample.utf8.txt', 'sample.docx']));
  });

  it('a missing path: exit 2, naming it', () => {
    const { code, stderr } = figcheck(['check', 'no-such-report.txt']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no-such-report\.txt/);
  });

  it('a GBK file without BOM is read correctly: the same figures as in UTF-8 and in .docx', () => {
    const { code, stdout } = figcheckOnce(['figures', 'sample.utf8.txt', 'sample.gbk.txt', 'sample.docx', '--format', 'json']);
    expect(code).toBe(0);
    const figures = (JSON.parse(stdout) as { figures: Record<string, unknown>[] }).figures;
    const of = (path: string) => figures.filter((f) => f.path === path).map(({ path: _, ...rest }) => rest);
    expect(of('sample.utf8.txt').length).toBeGreaterThanOrEqual(4);
    expect(of('sample.gbk.txt')).toEqual(of('sample.utf8.txt'));
    // .docx: the same figures, the line being the paragraph number (the sample's lines are its paragraphs).
    expect(of('sample.docx')).toEqual(of('sample.utf8.txt'));
  });

  it('a rule file with a YAML syntax error: exit 2, file:line:column: message', () => {
    const { code, stderr } = figcheck(['check', 'agree', '--rules', 'rules-syntax.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/rules-syntax\.yaml:4:\d+: \S/);
  });

  it('a rule file with a schema error: exit 2, file:line:column: message at the offending key', () => {
    const { code, stderr } = figcheck(['check', 'agree', '--rules', 'rules-schema.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/rules-schema\.yaml:5:5: .*colour/);
  });

  it('a figcheck.yaml with a schema error or a syntax error: exit 2, file:line:column: message', () => {
    const schema = figcheck(['check'], { cwd: join(dir, 'config-schema') });
    expect(schema.code).toBe(2);
    expect(schema.stderr).toMatch(/figcheck\.yaml:4:\d+: .*period/);
    const syntax = figcheck(['check'], { cwd: join(dir, 'config-syntax') });
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/figcheck\.yaml:3:\d+: \S/);
    // The same file given with --config.
    const explicit = figcheck(['check', '--config', 'config-schema/figcheck.yaml', 'agree']);
    expect(explicit.code).toBe(2);
    expect(explicit.stderr).toMatch(/figcheck\.yaml:4:\d+: /);
  });
});

describe('standard input', () => {
  it('- with --stdin-filename draft.md reads Markdown and shows the name', () => {
    const { code, stdout } = figcheck(['figures', '-', '--stdin-filename', 'draft.md', '--format', 'json'], { input: SAMPLE });
    expect(code).toBe(0);
    const fromStdin = (JSON.parse(stdout) as { figures: Record<string, unknown>[] }).figures;
    expect(fromStdin.length).toBeGreaterThanOrEqual(4);
    expect(new Set(fromStdin.map((f) => f.path))).toEqual(new Set(['draft.md']));
    const all = (JSON.parse(figcheckOnce(['figures', 'sample.utf8.txt', 'sample.gbk.txt', 'sample.docx', '--format', 'json']).stdout) as { figures: Record<string, unknown>[] }).figures;
    const fromFile = all.filter((f) => f.path === 'sample.utf8.txt');
    expect(fromStdin.map(({ path: _, ...rest }) => rest)).toEqual(fromFile.map(({ path: _, ...rest }) => rest));
  });

  it('- with --stdin-filename draft.docx reads the bytes as Word', () => {
    const { code, stdout } = figcheck(['figures', '-', '--stdin-filename', 'draft.docx', '--format', 'json'], { input: readFileSync(join(dir, 'sample.docx')) });
    expect(code).toBe(0);
    const figures = (JSON.parse(stdout) as { figures: { path: string; raw: string }[] }).figures;
    expect(figures.length).toBeGreaterThanOrEqual(4);
    expect(figures.every((f) => f.path === 'draft.docx')).toBe(true);
    expect(figures.map((f) => f.raw)).toContain('3409亿元');
  });
});

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('figures: the JSON contract and CSV', () => {
  const KEYS = ['path', 'line', 'column', 'endLine', 'endColumn', 'raw', 'value', 'unit', 'interval', 'qualifier', 'kind', 'change', 'label', 'metric', 'period', 'modality', 'placeholder'];
  // Full-width ％ in one, Traditional with pinyin in the other.
  const SEEDS = ['examples/nmg/work-report-2022.txt', 'examples/nmg/work-report-2023.txt'];

  it('json has exactly the contract keys, and each figure is at its line and column of the file', () => {
    const { code, stdout } = figcheckOnce(['figures', ...SEEDS, '--format', 'json'], { cwd: ROOT });
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { figures: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['figures']);
    expect(parsed.figures.length).toBeGreaterThan(50);
    const lines = new Map(SEEDS.map((path) => [path, readFileSync(resolve(ROOT, path), 'utf8').split(/\r\n|\n|\r/)]));
    for (const figure of parsed.figures) {
      expect(Object.keys(figure)).toEqual(KEYS);
      expect(SEEDS).toContain(figure.path);
      const { line, column, endLine, endColumn, raw, value, interval, placeholder } = figure as {
        line: number; column: number; endLine: number; endColumn: number; raw: string; value: number | null; interval: unknown; placeholder: boolean;
      };
      expect(typeof raw).toBe('string');
      expect(typeof placeholder).toBe('boolean');
      if (!placeholder) {
        expect(typeof value).toBe('number');
        expect(interval).toEqual([expect.toSatisfy((lo) => lo === null || typeof lo === 'number'), expect.toSatisfy((hi) => hi === null || typeof hi === 'number')]);
      }
      if (line === endLine) expect(lines.get(figure.path as string)![line - 1]!.slice(column - 1, endColumn - 1)).toBe(raw);
    }
  });

  it('csv has a header and one row per figure, in the same order as json', () => {
    const json = (JSON.parse(figcheckOnce(['figures', ...SEEDS, '--format', 'json'], { cwd: ROOT }).stdout) as { figures: { raw: string; line: number }[] }).figures;
    const { code, stdout } = figcheck(['figures', ...SEEDS, '--format', 'csv'], { cwd: ROOT });
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    for (const key of ['path', 'line', 'column', 'raw', 'value', 'unit', 'label']) expect(header).toContain(key);
    expect(rows).toHaveLength(json.length);
    const rawColumn = header!.indexOf('raw');
    const lineColumn = header!.indexOf('line');
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
    expect(rows.map((row) => [row[rawColumn], Number(row[lineColumn])])).toEqual(json.map((f) => [f.raw, f.line]));
  });
});

describe('colours and locale', () => {
  it('colours appear only when forced, and --no-color or NO_COLOR turn them off', () => {
    const args = ['check', 'disagree', '--format', 'stylish'];
    expect(figcheck(args, { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(figcheck([...args, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(figcheck(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(figcheck(['figures', 'sample.utf8.txt', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI);
  });

  it('--locale zh-CN (or LANG=zh_CN.UTF-8) gives Chinese messages, English otherwise', () => {
    /** The words of the messages once the figures and document names are taken out. */
    const prose = (stdout: string) =>
      stdout
        .split('\n')
        .filter((line) => line.includes('[figure-mismatch]'))
        .map((line) => line.replace(/^.*?: (?:warning|error|info): /, '').replace(/[\d.]+万?吨|\((?:yearbook|report)\)|粮食产量|\[figure-mismatch\]|2022/g, ''));
    const english = prose(figcheckOnce(['check', 'disagree', '--format', 'unix']).stdout);
    const chinese = prose(figcheck(['check', 'disagree', '--format', 'unix', '--locale', 'zh-CN']).stdout);
    const fromLang = prose(figcheck(['check', 'disagree', '--format', 'unix'], { env: { LANG: 'zh_CN.UTF-8', LC_MESSAGES: '' } }).stdout);
    expect(english.length).toBeGreaterThan(0);
    expect(english.join('')).not.toMatch(/\p{Script=Han}/u);
    expect(chinese).toHaveLength(english.length);
    expect(chinese.join('')).toMatch(/\p{Script=Han}/u);
    expect(chinese.join('')).not.toMatch(/[a-z]{3,}/i);
    expect(fromLang).toEqual(chinese);
  });
});

describe('the example corpus', () => {
  it("npm start's command exits 0, prints findings and writes report.md and index.html", () => {
    const start = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(start).toBe('node bin/figcheck.js check --config examples/nmg/figcheck.yaml --report-dir reports --fail-on never');
    const reports = join(dir, 'reports');
    const args = start.replace(/^node bin\/figcheck\.js /, '').replace('--report-dir reports', `--report-dir ${reports}`).split(' ');
    const { code, stdout } = figcheck(args, { cwd: ROOT });
    expect(code).toBe(0);
    expect(stdout).toMatch(/引进到位资金/);
    expect(stdout.split('\n').filter((line) => /: (error|warning): /.test(line)).length).toBeGreaterThan(0);
    for (const name of ['report.md', 'index.html']) {
      expect(existsSync(join(reports, name))).toBe(true);
      expect(readFileSync(join(reports, name), 'utf8')).toMatch(/引进到位资金/);
    }
  });

  it('check examples/nmg --format json without a config holds the 引进到位资金 mismatch', () => {
    const { code, stdout } = figcheck(['check', 'examples/nmg', '--no-config', '--format', 'json', '--fail-on', 'never'], { cwd: ROOT });
    expect(code).toBe(0);
    const run = JSON.parse(stdout) as { findings: { rule: string; message: string; locations: { path: string; text?: string }[] }[] };
    const funds = run.findings.filter((f) => f.rule === 'figure-mismatch' && f.message.includes('引进到位资金'));
    expect(funds.length).toBeGreaterThan(0);
    // Two documents state different amounts.
    expect(new Set(funds[0]!.locations.map((l) => l.path)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(funds[0]!.locations.map((l) => l.text)).size).toBeGreaterThanOrEqual(2);
  });

  it('suggest prints YAML that check accepts with --rules', () => {
    const suggested = figcheck(['suggest', 'examples/nmg', '--no-config'], { cwd: ROOT });
    expect(suggested.code).toBe(0);
    expect(suggested.stdout).toMatch(/^metrics:/m);
    const file = join(dir, 'suggested.yaml');
    writeFileSync(file, suggested.stdout);
    const checked = figcheck(['check', 'examples/nmg', '--no-config', '--rules', file, '--format', 'json'], { cwd: ROOT });
    expect(checked.code).not.toBe(2);
    expect(JSON.parse(checked.stdout).findings.length).toBeGreaterThan(0);
  });
});

describe('inputs', () => {
  // Last in the file: every run above has happened.
  it('are never modified', () => {
    const changed = [...hashesBefore].filter(([file, hash]) => hashFile(file) !== hash).map(([file]) => file);
    expect(changed).toEqual([]);
  });
});
