/**
 * The command line: a thin layer over the library (src/pipeline.ts) and the formatters.
 * Exit codes: 0 clean, 1 findings at or above --fail-on (or over --max-warnings), 2 usage or input error.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { detectLocale, t } from '../i18n.js';
import { InputError, type Locale, type Severity } from '../model.js';
import type { CheckOptions } from '../pipeline.js';
import type { FiguresFormat } from '../report/figures/index.js';
import { parseSize } from '../read/unreadable.js';
import { createProgress } from '../report/progress.js';
import { FORMAT_NAMES, loadFormatter } from '../report/formats.js';
import { Destinations, type MainOutput } from './destinations.js';
import { holdHeapGrowth } from './heap.js';
import { errorLine, localeFromArgv, localizeCommander, text, warningLine } from './messages.js';
import { StdoutClosed, watchOutputStreams } from './stdout.js';

// The pipeline, formatters, reports, baselines and suggest are loaded by the command that uses them
// (start-up: `figcheck --version` loads none of them, a check loads no report folder or YAML writer).
const lazy = {
  pipeline: () => import('../pipeline.js'),
  baseline: () => import('../baseline.js'),
  figures: () => import('../report/figures/index.js'),
  discrepancy: () => import('../report/discrepancy/index.js'),
  gate: () => import('../report/gate.js'),
  suggest: () => import('../suggest.js'),
  metric: () => import('../meaning/metric.js'),
  metrics: () => import('../rules/metrics.js'),
  decode: () => import('../read/decode.js'),
  annotate: () => import('../annotate/index.js'),
  init: () => import('../init/index.js'),
  lsp: () => import('../lsp/server.js'),
};

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
  maxDocumentSize?: number;
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
  annotate?: string;
}

const repeatable = (value: string, previous: string[]) => [...previous, value];

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(text('en', 'wholeNumber'));
  return n;
}

function documentSize(value: string): number {
  const bytes = parseSize(value);
  if (bytes === null) throw new InvalidArgumentError('must be a size such as 64MB, 500KB or 1GB');
  return bytes;
}

function withCommonOptions(command: Command, locale: Locale): Command {
  const say = (key: Parameters<typeof text>[1]) => text(locale, key);
  return command
    .argument('[paths...]', say('paths'))
    .option('-c, --config <file>', say('config'))
    .option('--no-config', say('noConfig'))
    .option('-r, --rules <file>', say('rules'), repeatable, [])
    .option('--ignore <glob>', say('ignore'), repeatable, [])
    .option('--stdin-filename <name>', say('stdinFilename'), 'stdin.txt')
    .addOption(new Option('--locale <locale>', say('locale')).choices(['en', 'zh-CN']))
    .option('--no-color', say('noColor'))
    .option('-o, --output <file>', say('output'))
    .option('--max-document-size <size>', say('maxDocumentSize'), documentSize)
    .option('-q, --quiet', say('quiet'))
    .option('-j, --jobs <n>', say('jobs'), jobsOption, 'auto')
    .option('--cache', say('cache'))
    .option('--cache-location <dir>', say('cacheLocation'))
    .addOption(new Option('--cache-strategy <strategy>', say('cacheStrategy')).choices(['metadata', 'content']).default('metadata'));
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

function libraryOptions(options: CommonOptions, locale: Locale, destinations: Destinations): CheckOptions {
  // The bar goes to stderr, only on a terminal, so it never mixes into machine-readable stdout.
  const enabled = Boolean(process.stderr.isTTY) && !options.quiet;
  return {
    config: options.config === false ? false : options.config,
    rules: options.rules,
    ignore: options.ignore,
    locale,
    stdinFilename: options.stdinFilename,
    // Outputs are checked against the documents before the first is read, and never read back as input.
    exclude: destinations.exclude,
    onPlan: destinations.check,
    maxDocumentSize: options.maxDocumentSize,
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

/**
 * Writes a whole output at once, through the same destination handling as streamed output. A reader that
 * closed standard output early (`| head`) ends the writing quietly.
 */
async function emit(text: string, output: MainOutput): Promise<void> {
  try {
    await output.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
    output.commit();
  } catch (error) {
    output.abandon();
    if (!(error instanceof StdoutClosed)) throw error;
  }
}

function warn(warnings: string[], locale: Locale): void {
  for (const warning of warnings) process.stderr.write(warningLine(warning, locale));
}

async function runCheck(paths: string[], options: CheckCommandOptions): Promise<number> {
  const locale = detectLocale(options.locale);
  const color = useColor(options);
  const formatName = options.format ?? (process.stdout.isTTY && !options.output ? 'stylish' : 'unix');
  const formatter = await loadFormatter(formatName);
  if (!formatter) throw new InputError(`unknown --format "${formatName}" (one of: ${FORMAT_NAMES.join(', ')})`);
  if (options.updateBaseline && !options.baseline) throw new InputError('--update-baseline needs --baseline FILE');
  const [{ check }, { exitCode }] = await Promise.all([lazy.pipeline(), lazy.gate()]);
  const { applyBaseline, readBaseline, writeBaseline } = options.baseline ? await lazy.baseline() : ({} as Awaited<ReturnType<typeof lazy.baseline>>);
  const { writeReportDir } = options.reportDir ? await lazy.discrepancy() : ({} as Awaited<ReturnType<typeof lazy.discrepancy>>);

  const destinations = new Destinations(options, locale);
  const checkOptions = libraryOptions(options, locale, destinations);
  const run = await check(paths, { ...checkOptions, onStart: (total) => (holdHeapGrowth(total), checkOptions.onStart?.(total)) });
  warn(run.warnings, locale);
  if (options.baseline) {
    if (options.updateBaseline) {
      writeBaseline(options.baseline, run.findings);
      process.stderr.write(
        t(locale, {
          en: `figcheck: wrote ${run.findings.length} finding(s) to ${options.baseline}\n`,
          zh: `figcheck：已把 ${run.findings.length} 个问题写入 ${options.baseline}\n`,
        }),
      );
      return 0;
    }
    applyBaseline(run.findings, readBaseline(options.baseline));
  }
  const formatOptions = { cwd: process.cwd(), color, locale, version: PACKAGE.version };
  await emit(formatter.format(run, formatOptions), destinations.openMain());
  if (options.reportDir) {
    writeReportDir(run, options.reportDir, formatOptions, destinations.guard());
    const [html, md] = [join(options.reportDir, 'index.html'), join(options.reportDir, 'report.md')];
    process.stderr.write(
      t(locale, { en: `figcheck: discrepancy report written to ${html} and ${md}\n`, zh: `figcheck：差异报告已写入 ${html} 和 ${md}\n` }),
    );
  }
  if (options.annotate) await annotate(run, paths, options, locale, destinations);
  return exitCode(run.findings, { failOn: options.failOn, maxWarnings: options.maxWarnings });
}

/** `--annotate DIR`: the Word copies with one comment per finding (src/annotate/). */
async function annotate(run: Awaited<ReturnType<Awaited<ReturnType<typeof lazy.pipeline>>['check']>>, paths: string[], options: CheckCommandOptions, locale: Locale, destinations: Destinations): Promise<void> {
  const { writeAnnotations } = await lazy.annotate();
  const stdinPaths = paths.includes('-') && options.stdinFilename ? [options.stdinFilename] : [];
  const result = await writeAnnotations(run, { dir: options.annotate!, locale, guard: destinations.guard(), stdinPaths });
  warn(result.notes, locale);
  if (options.quiet) return;
  for (const { output, comments } of result.written)
    process.stderr.write(t(locale, { en: `figcheck: ${comments} comment(s) written to ${output}\n`, zh: `figcheck：已把 ${comments} 条批注写入 ${output}\n` }));
}

async function runFigures(paths: string[], options: CommonOptions & { format: FiguresFormat; metric?: string }): Promise<number> {
  const locale = detectLocale(options.locale);
  const [{ eachDocument }, { figuresWriter }, { knownMetric }, { unusedMetricWarnings }] = await Promise.all([
    lazy.pipeline(),
    lazy.figures(),
    lazy.metric(),
    lazy.metrics(),
  ]);
  const writer = figuresWriter(options.format, { color: useColor(options), cwd: process.cwd() });
  const destinations = new Destinations(options, locale);
  const output = destinations.openMain();
  try {
    let total = 0;
    let started = false;
    // One document at a time: a large folder is listed in the memory of its largest document. The head is
    // written with the first document, after the outputs were checked against the documents.
    // --metric: only what the metric catches (a user metric's id, or a core indicator's with any scope)
    const wanted = options.metric;
    const caught = new Set<string>();
    const { warnings, rules } = await eachDocument(paths, libraryOptions(options, locale, destinations), async (doc, figures) => {
      if (!started) await output.write(writer.head());
      started = true;
      for (const figure of figures) if (figure.metric) caught.add(figure.metric);
      const shown = wanted ? figures.filter((f) => f.metric === wanted || f.metric?.startsWith(`${wanted}@`)) : figures;
      total += shown.length;
      await output.write(writer.document(doc, shown));
    });
    if (!started) await output.write(writer.head());
    if (wanted && !knownMetric(wanted, rules)) throw new InputError(`--metric ${wanted}: no rule file metric and no core indicator has this id`);
    warnings.push(...unusedMetricWarnings(rules, caught));
    await output.write(writer.tail(total));
    output.commit();
    warn(warnings, locale);
    return 0;
  } catch (error) {
    output.abandon();
    // The reader of standard output has gone (`| head`): nothing more to say, and no failure.
    if (error instanceof StdoutClosed) return 0;
    throw error;
  }
}

async function runSuggest(paths: string[], options: CommonOptions): Promise<number> {
  const locale = detectLocale(options.locale);
  const [{ extract }, { suggestRules }] = await Promise.all([lazy.pipeline(), lazy.suggest()]);
  const destinations = new Destinations(options, locale);
  const { documents, figures, warnings, rules } = await extract(paths, libraryOptions(options, locale, destinations));
  warn(warnings, locale);
  await emit(suggestRules(documents, figures, rules), destinations.openMain());
  return 0;
}

/** `figcheck init [DIR]`: a figcheck.yaml and a metrics rule file for the documents of a folder (src/init/). */
async function runInit(dir: string | undefined, options: { force?: boolean; locale?: string }): Promise<number> {
  const locale = detectLocale(options.locale);
  const { initProject } = await lazy.init();
  const result = await initProject({ dir, force: options.force, locale });
  warn(result.warnings, locale);
  const config = relative(process.cwd(), result.config) || result.config;
  const rules = relative(process.cwd(), result.rules) || result.rules;
  const guessed = result.documents.filter((d) => d.period === null).length;
  process.stdout.write(
    t(locale, {
      en: `figcheck: wrote ${config} (${result.documents.length} document(s); periods and statuses are guesses, marked "guess"${guessed ? `; ${guessed} without a period` : ''}) and ${rules} (${result.metrics} suggested metric(s))\nNext, check the guesses and run:\n  ${result.next}\n`,
      zh: `figcheck：已写入 ${config}（${result.documents.length} 个文档；期间和状态是推测，已标注 "guess"${guessed ? `；${guessed} 个没有期间` : ''}）和 ${rules}（${result.metrics} 个建议指标）\n下一步：核对推测后运行\n  ${result.next}\n`,
    }),
  );
  return 0;
}

/** The program with its help and usage errors in `locale` (read from argv before parsing: see main). */
export function buildProgram(setExit: (code: number) => void, locale: Locale = 'en'): Command {
  const say = (key: Parameters<typeof text>[1]) => text(locale, key);
  const program = new Command('figcheck').description(say('program')).version(PACKAGE.version, '-v, --version', say('version')).exitOverride();
  localizeCommander(program, locale);

  withCommonOptions(program.command('check', { isDefault: true }).description(say('check')), locale)
    .addOption(new Option('-f, --format <format>', say('checkFormat')).choices([...FORMAT_NAMES]))
    .option('--report-dir <dir>', say('reportDir'))
    .addOption(new Option('--fail-on <severity>', say('failOn')).choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('--max-warnings <n>', say('maxWarnings'), nonNegativeInteger)
    .option('--baseline <file>', say('baseline'))
    .option('--update-baseline', say('updateBaseline'))
    .option('--annotate <dir>', say('annotate'))
    .action(async (paths: string[], options: CheckCommandOptions) => setExit(await runCheck(paths, options)));

  withCommonOptions(program.command('figures').description(say('figures')), locale)
    .addOption(new Option('-f, --format <format>', say('figuresFormat')).choices(['table', 'json', 'csv']).default('table'))
    .option('--metric <id>', say('metric'))
    .action(async (paths: string[], options: CommonOptions & { format: 'table' | 'json' | 'csv'; metric?: string }) => setExit(await runFigures(paths, options)));

  withCommonOptions(program.command('suggest').description(say('suggest')), locale)
    .action(async (paths: string[], options: CommonOptions) => setExit(await runSuggest(paths, options)));

  program
    .command('init')
    .description(say('init'))
    .argument('[dir]', say('initDir'))
    .option('--force', say('force'))
    .addOption(new Option('--locale <locale>', say('locale')).choices(['en', 'zh-CN']))
    .action(async (dir: string | undefined, options: { force?: boolean; locale?: string }) => setExit(await runInit(dir, options)));
  // `--stdio` is what editors' clients (vscode-languageclient) add; stdio is the only transport.
  program.command('lsp').description(say('lsp')).option('--stdio', say('stdio')).action(() => lazy.lsp().then(({ startServer }) => void startServer()));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  watchOutputStreams();
  const locale = localeFromArgv(argv);
  const program = buildProgram((c) => (code = c), locale);
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
      process.stderr.write(errorLine(error.message, locale));
      return 2;
    }
    // A file-system error that escaped its stage still names its file: the environment's problem, not a bug.
    const fsError = error as NodeJS.ErrnoException;
    if (fsError instanceof Error && typeof fsError.code === 'string' && typeof fsError.path === 'string') {
      const { describeFsError } = await lazy.decode();
      process.stderr.write(errorLine(`${fsError.path}: ${describeFsError(fsError)}`, locale));
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`figcheck: internal error: ${message}\n`);
    if (process.env.FIGCHECK_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('figcheck: set FIGCHECK_DEBUG=1 for details, and please report this.\n');
    return 2;
  }
}
