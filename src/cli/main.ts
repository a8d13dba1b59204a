/**
 * The command line: a thin layer over the library (src/pipeline.ts) and the formatters.
 * Exit codes: 0 clean, 1 findings at or above --fail-on (or over --max-warnings), 2 usage or input error.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { applyBaseline, readBaseline, writeBaseline } from '../baseline.js';
import { detectLocale } from '../i18n.js';
import { InputError, type Locale, type Severity } from '../model.js';
import { check, eachDocument, extract, type CheckOptions } from '../pipeline.js';
import { figuresWriter, type FiguresFormat } from '../report/figures/index.js';
import { writeReportDir } from '../report/discrepancy/index.js';
import { exitCode } from '../report/gate.js';
import { createProgress } from '../report/progress.js';
import { FORMATTERS } from '../report/registry.js';
import { suggestRules } from '../suggest.js';

const PACKAGE = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

interface CommonOptions {
  config?: string | false;
  rules: string[];
  ignore: string[];
  stdinFilename?: string;
  locale?: string;
  color: boolean;
  output?: string;
  quiet?: boolean;
  jobs: number | 'auto';
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy: 'metadata' | 'content';
}

interface CheckCommandOptions extends CommonOptions {
  format?: string;
  reportDir?: string;
  failOn: Severity | 'never';
  maxWarnings?: number;
  baseline?: string;
  updateBaseline?: boolean;
}

const repeatable = (value: string, previous: string[]) => [...previous, value];

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number, 0 or more');
  return n;
}

function withCommonOptions(command: Command): Command {
  return command
    .argument('[paths...]', 'files or directories (.txt .md .html .docx); - reads standard input')
    .option('-c, --config <file>', 'figcheck.yaml to use (default: found in the working directory or its parents)')
    .option('--no-config', 'ignore any figcheck.yaml')
    .option('-r, --rules <file>', 'add a rule file (repeatable)', repeatable, [])
    .option('--ignore <glob>', 'skip files matching a glob (repeatable)', repeatable, [])
    .option('--stdin-filename <name>', 'file name for standard input, deciding its format', 'stdin.txt')
    .addOption(new Option('--locale <locale>', 'language of messages (default: from LANG / LC_ALL)').choices(['en', 'zh-CN']))
    .option('--no-color', 'no colours (also NO_COLOR=1; colours are only used on a terminal)')
    .option('-o, --output <file>', 'write the output to a file instead of standard output')
    .option('-q, --quiet', 'no progress bar')
    .option('-j, --jobs <n>', 'threads reading documents: auto (a pool on all cores for runs of many documents), 1 (none) or a number', jobsOption, 'auto')
    .option('--cache', 'reuse the figures of unchanged documents from earlier runs')
    .option('--cache-location <dir>', 'folder of the cache (default: .figcheckcache in the working directory)')
    .addOption(
      new Option('--cache-strategy <strategy>', 'how the cache knows a file is unchanged: by its size and times, or by its bytes')
        .choices(['metadata', 'content'])
        .default('metadata'),
    );
}

function jobsOption(value: string): number | 'auto' {
  if (value === 'auto') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be auto or a whole number, 1 or more');
  return n;
}

/** Colours only on a terminal, never into a file; NO_COLOR and FORCE_COLOR respected. */
function useColor(options: CommonOptions): boolean {
  if (!options.color || options.output) return false;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(process.stdout.isTTY);
}

/** The run's progress bar, stopped when the run ends, however it ends. */
let progress: ReturnType<typeof createProgress> | undefined;

function libraryOptions(options: CommonOptions, locale: Locale): CheckOptions {
  // The bar goes to stderr, only on a terminal, so it never mixes into machine-readable stdout.
  const enabled = Boolean(process.stderr.isTTY) && !options.quiet;
  return {
    config: options.config === false ? false : options.config,
    rules: options.rules,
    ignore: options.ignore,
    locale,
    stdinFilename: options.stdinFilename,
    jobs: options.jobs,
    cache: options.cache || options.cacheLocation ? (options.cacheLocation ?? true) : false,
    cacheStrategy: options.cacheStrategy,
    onReadStats: ({ cache, documents, extracted, pooled, threads }) => {
      if (cache && !options.quiet) process.stderr.write(`figcheck: cache ${cache.location}: ${cache.hits} of ${documents} document(s) reused, ${extracted} extracted, ${cache.read} file(s) read\n`);
      if (process.env.FIGCHECK_DEBUG) process.stderr.write(`figcheck: debug: ${extracted} of ${documents} document(s) extracted, ${pooled} by ${threads} worker thread(s)\n`);
    },
    // Created when the run starts, so its one-second delay counts from there, not from the first document.
    onStart: (total) => {
      progress = createProgress(total, { enabled });
    },
    onDocument: (path, index, total) => {
      progress?.tick(path);
      if (index + 1 === total) progress?.stop();
    },
  };
}

/** Writes a whole output at once, through the same destination handling as streamed output. */
async function emit(text: string, options: CommonOptions): Promise<void> {
  const output = openOutput(options);
  await output.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  output.commit();
}

function warn(warnings: string[]): void {
  for (const warning of warnings) process.stderr.write(`figcheck: warning: ${warning}\n`);
}

async function runCheck(paths: string[], options: CheckCommandOptions): Promise<number> {
  const locale = detectLocale(options.locale);
  const color = useColor(options);
  const formatName = options.format ?? (process.stdout.isTTY && !options.output ? 'stylish' : 'unix');
  const formatter = FORMATTERS.find((f) => f.name === formatName);
  if (!formatter) throw new InputError(`unknown --format "${formatName}" (one of: ${FORMATTERS.map((f) => f.name).join(', ')})`);
  if (options.updateBaseline && !options.baseline) throw new InputError('--update-baseline needs --baseline FILE');

  const run = await check(paths, libraryOptions(options, locale));
  warn(run.warnings);
  if (options.baseline) {
    if (options.updateBaseline) {
      writeBaseline(options.baseline, run.findings);
      process.stderr.write(`figcheck: wrote ${run.findings.length} finding(s) to ${options.baseline}\n`);
      return 0;
    }
    applyBaseline(run.findings, readBaseline(options.baseline));
  }
  const formatOptions = { cwd: process.cwd(), color, locale, version: PACKAGE.version };
  await emit(formatter.format(run, formatOptions), options);
  if (options.reportDir) {
    writeReportDir(run, options.reportDir, formatOptions);
    process.stderr.write(`figcheck: discrepancy report written to ${join(options.reportDir, 'index.html')} and ${join(options.reportDir, 'report.md')}\n`);
  }
  return exitCode(run.findings, { failOn: options.failOn, maxWarnings: options.maxWarnings });
}

/**
 * Where a streamed output goes: standard output, or a file written beside its destination and
 * renamed into place at the end, so a failed run never leaves half a file behind.
 */
function openOutput(options: CommonOptions) {
  if (!options.output) {
    return {
      write: (text: string) =>
        new Promise<void>((done) => (process.stdout.write(text) ? done() : process.stdout.once('drain', () => done()))),
      commit: () => undefined,
      abandon: () => undefined,
    };
  }
  const target = resolve(options.output);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, '');
  return {
    write: async (text: string) => appendFileSync(partial, text),
    commit: () => renameSync(partial, target),
    abandon: () => rmSync(partial, { force: true }),
  };
}

async function runFigures(paths: string[], options: CommonOptions & { format: FiguresFormat }): Promise<number> {
  const locale = detectLocale(options.locale);
  const writer = figuresWriter(options.format, { color: useColor(options), cwd: process.cwd() });
  const output = openOutput(options);
  try {
    let total = 0;
    await output.write(writer.head());
    // One document at a time: a large folder is listed in the memory of its largest document.
    const { warnings } = await eachDocument(paths, libraryOptions(options, locale), async (doc, figures) => {
      total += figures.length;
      await output.write(writer.document(doc, figures));
    });
    await output.write(writer.tail(total));
    output.commit();
    warn(warnings);
    return 0;
  } catch (error) {
    output.abandon();
    throw error;
  }
}

async function runSuggest(paths: string[], options: CommonOptions): Promise<number> {
  const locale = detectLocale(options.locale);
  const { documents, figures, warnings, rules } = await extract(paths, libraryOptions(options, locale));
  warn(warnings);
  await emit(suggestRules(documents, figures, rules), options);
  return 0;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('figcheck')
    .description('Checks the figures in Chinese documents against each other.')
    .version(PACKAGE.version, '-v, --version')
    .showHelpAfterError('(figcheck --help for usage)')
    .exitOverride();

  withCommonOptions(program.command('check', { isDefault: true }).description('cross-check the figures of documents (default command)'))
    .addOption(
      new Option('-f, --format <format>', 'output format (default: stylish on a terminal, unix otherwise)').choices(FORMATTERS.map((f) => f.name)),
    )
    .option('--report-dir <dir>', 'write the discrepancy report (report.md, index.html) into a folder')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInteger)
    .option('--baseline <file>', 'suppress the findings recorded in this baseline file')
    .option('--update-baseline', 'record the current findings in the --baseline file and exit 0')
    .action(async (paths: string[], options: CheckCommandOptions) => setExit(await runCheck(paths, options)));

  withCommonOptions(program.command('figures').description('list every figure with its meaning'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .action(async (paths: string[], options: CommonOptions & { format: 'table' | 'json' | 'csv' }) => setExit(await runFigures(paths, options)));

  withCommonOptions(program.command('suggest').description('write the automatically aligned metrics as a rule file (YAML)'))
    .action(async (paths: string[], options: CommonOptions) => setExit(await runSuggest(paths, options)));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    progress?.stop();
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0; usage errors were already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`figcheck: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`figcheck: internal error: ${message}\n`);
    if (process.env.FIGCHECK_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('figcheck: set FIGCHECK_DEBUG=1 for details, and please report this.\n');
    return 2;
  }
}
