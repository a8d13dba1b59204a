/**
 * Where a run's outputs go (`--output`, `--report-dir`, `--baseline` with `--update-baseline`): checked
 * against the run's documents before the first one is read (src/output/guard.ts), kept out of the walk,
 * and written through a temporary so that nothing is left half-written (src/output/write.ts).
 */
import { resolve } from 'node:path';
import type { Locale } from '../model.js';
import { t } from '../i18n.js';
import { checkAnnotateDir, checkDistinctOutputs, checkOutputFile, checkReportDir, InputSet, OutputRefused, type GuardContext } from '../output/guard.js';
import { openOutputFile, type FileSink } from '../output/write.js';
import { writeStdout } from './stdout.js';

export interface DestinationOptions {
  output?: string;
  reportDir?: string;
  baseline?: string;
  updateBaseline?: boolean;
  /** `--annotate DIR`: the folder of the annotated .docx copies. */
  annotate?: string;
}

export class Destinations {
  private context: GuardContext | undefined;

  constructor(
    private readonly options: DestinationOptions,
    private readonly locale: Locale,
    private readonly cwd: string = process.cwd(),
  ) {
    // `-o ""` (an unset shell variable) must not fall back to standard output without a word.
    for (const [flag, value] of [['--output', options.output], ['--report-dir', options.reportDir], ['--baseline', options.baseline], ['--annotate', options.annotate]] as const) {
      if (value !== undefined && value.trim() === '')
        throw new OutputRefused(t(locale, { en: `${flag}: the name is empty; give a file or folder name`, zh: `${flag}：名称为空；请给出文件或文件夹名` }));
    }
  }

  /** Files and folders the walk must not read back: the report folder and the baseline. */
  get exclude(): string[] {
    return [this.options.reportDir, this.options.baseline, this.options.annotate].flatMap((path) => (path ? [resolve(this.cwd, path)] : []));
  }

  /** Checks every output against the run's documents, config and rule files (the pipeline's onPlan); throws OutputRefused. */
  readonly check = (files: string[], sources: string[] = []): void => {
    this.context = { inputs: new InputSet(files, sources), locale: this.locale, cwd: this.cwd };
    const outputs: { name: string; path: string; folder?: boolean }[] = [];
    const { output, reportDir, baseline, updateBaseline } = this.options;
    if (output) outputs.push({ name: `--output ${output}`, path: checkOutputFile(output, output, this.context) });
    if (reportDir) outputs.push({ name: `--report-dir ${reportDir}`, path: checkReportDir(reportDir, reportDir, this.context), folder: true });
    if (baseline) {
      const path = updateBaseline ? checkOutputFile(baseline, baseline, this.context) : resolve(this.cwd, baseline);
      outputs.push({ name: `--baseline ${baseline}`, path });
    }
    if (this.options.annotate) checkAnnotateDir(this.options.annotate, this.context);
    checkDistinctOutputs(outputs, this.locale);
  };

  /** The guard context of the run (its documents), once they are known. */
  guard(): GuardContext {
    this.context ??= { inputs: new InputSet([]), locale: this.locale, cwd: this.cwd };
    return this.context;
  }

  /**
   * The main output: standard output, or the --output file, opened at the first write (after the check
   * above) through a temporary that is renamed into place by commit().
   */
  openMain(): MainOutput {
    const { output } = this.options;
    if (!output) return { write: writeStdout, commit: () => undefined, abandon: () => undefined };
    let sink: FileSink | undefined;
    const open = () => (sink ??= openOutputFile(checkOutputFile(output, output, this.guard()), output));
    return {
      write: async (text) => open().write(text),
      commit: () => open().commit(() => checkOutputFile(output, output, this.guard())),
      abandon: () => sink?.abandon(),
    };
  }
}

export interface MainOutput {
  write(text: string): Promise<void>;
  commit(): void;
  abandon(): void;
}
