/**
 * `figcheck init [DIR]`: a figcheck.yaml for the documents in a folder, so that `figcheck check` there works
 * at once. Each document gets the id `check` gives it without a config (its file name without extension),
 * and a period and status guessed from what the document says about its own time (src/meaning/document-time.ts:
 * its title, its delivery or date line, its review headings), each marked as a guess in a YAML comment;
 * the metrics `figcheck suggest` finds go to a rule file beside it (figcheck-metrics.yaml), which the
 * config loads. Nothing is overwritten without --force.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { escapePath, isDynamicPattern } from 'tinyglobby';
import { Document as YamlDocument, isMap, isSeq, type YAMLMap } from 'yaml';
import { CONFIG_NAMES, CONFIG_SCHEMA_PATH } from '../config.js';
import { knowledgeOf } from '../extract/knowledge.js';
import { t } from '../i18n.js';
import { periodContext } from '../meaning/time.js';
import { InputError, type Document, type DocumentStatus, type Figure, type Locale } from '../model.js';
import { checkOutputFile, InputSet } from '../output/guard.js';
import { writeOutputFile } from '../output/write.js';
import { extract } from '../pipeline.js';
import type { RuleSet } from '../rules/types.js';
import { suggestRules } from '../suggest.js';

/** The rule file init writes beside the config. */
export const METRICS_FILE = 'figcheck-metrics.yaml';

export interface InitOptions {
  /** The folder of the documents (default: cwd). */
  dir?: string;
  /** Replace an existing figcheck.yaml and rule file. */
  force?: boolean;
  locale?: Locale;
  cwd?: string;
}

export interface GuessedDocument {
  id: string;
  /** Relative to the folder, as the config holds it. */
  path: string;
  period: string | null;
  status: DocumentStatus;
  /** Why, in a few words (the YAML comment). */
  because: { period: string; status: string };
}

export interface InitResult {
  config: string;
  rules: string;
  documents: GuessedDocument[];
  metrics: number;
  /** The command to run next, as the user would type it from `cwd`. */
  next: string;
  warnings: string[];
}

/**
 * A document's period and status, guessed from its own time: the year its actual figures describe (a work
 * report delivered in January 2023 reviews 2022) and, for a report that states a year's outcome before the
 * year's statistics are final (a work report reviewing the year before its delivery), `preliminary`.
 */
export function guessDocument(
  doc: Document,
  figures: readonly Figure[],
  rules: RuleSet,
): { period: string | null; status: DocumentStatus; because: { period: string; status: string } } {
  const ctx = periodContext(doc, knowledgeOf(rules));
  const { reviewYear, deliveryYear, workReport } = ctx;
  const dated = deliveryYear !== null ? `, dated ${deliveryYear}` : '';
  const mostly = reviewYear === null ? prevailingYear(doc, figures) : null;
  const period = reviewYear !== null ? String(reviewYear) : mostly;
  const because = {
    period:
      reviewYear !== null
        ? `guess: its figures describe ${period}${dated} (from its title, date line and headings)`
        : mostly !== null
          ? `guess: most of its actual figures are about ${mostly} (its title, date line and headings name no year)`
          : 'no year found in its title, date line, headings or figures: set the year its figures describe',
    status: '',
  };
  const early = workReport && reviewYear !== null && deliveryYear !== null && reviewYear < deliveryYear;
  const status: DocumentStatus = early ? 'preliminary' : 'final';
  because.status = early
    ? `guess: a work report of ${deliveryYear} states ${reviewYear}'s outcome before the final statistics`
    : 'guess: final (set preliminary or draft if its figures are not yet final)';
  return { period, status, because };
}

/**
 * The year most of a document's actual figures describe (from their own sentences and sections), when it is
 * the year of at least half of them: a yearbook volume (`2023卷`) names no year in a title line, but its
 * entries say `2022年,…`.
 */
function prevailingYear(doc: Document, figures: readonly Figure[]): string | null {
  const counts = new Map<string, number>();
  let dated = 0;
  for (const figure of figures) {
    if (figure.document !== doc.id || figure.modality !== 'actual' || !figure.period) continue;
    dated++;
    if (/^\d{4}$/.test(figure.period)) counts.set(figure.period, (counts.get(figure.period) ?? 0) + 1);
  }
  const [year, count] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0] ?? [null, 0];
  return year !== null && count * 2 >= dated ? year : null;
}

/** `figcheck init`: writes DIR/figcheck.yaml and DIR/figcheck-metrics.yaml. @throws InputError */
export async function initProject(options: InitOptions = {}): Promise<InitResult> {
  const cwd = options.cwd ?? process.cwd();
  const locale = options.locale ?? 'en';
  const given = options.dir ?? '.';
  const dir = resolve(cwd, given);
  let isFolder = false;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    throw new InputError(t(locale, { en: `${given}: no such folder`, zh: `${given}：文件夹不存在` }));
  }
  if (!isFolder) throw new InputError(t(locale, { en: `${given}: is a file, not a folder`, zh: `${given}：是文件，不是文件夹` }));
  const configPath = join(dir, 'figcheck.yaml');
  const rulesPath = join(dir, METRICS_FILE);
  const shown = (path: string) => displayed(path, cwd);
  if (!options.force) {
    for (const existing of [...CONFIG_NAMES.map((name) => join(dir, name)), rulesPath]) {
      if (existsSync(existing))
        throw new InputError(
          t(locale, {
            en: `${shown(existing)}: already exists; figcheck init does not overwrite it (add --force to replace figcheck.yaml and ${METRICS_FILE})`,
            zh: `${shown(existing)}：已存在；figcheck init 不会覆盖它（加 --force 可替换 figcheck.yaml 和 ${METRICS_FILE}）`,
          }),
        );
    }
  }

  const { documents, figures, warnings, rules } = await extract([dir], { config: false, cwd, locale });
  if (!documents.length)
    throw new InputError(t(locale, { en: `${given}: no documents (.txt .md .html .docx) to list`, zh: `${given}：没有可列出的文档（.txt .md .html .docx）` }));
  const guessed: GuessedDocument[] = documents.map((doc) => {
    const path = relative(dir, resolve(cwd, doc.path)).split(sep).join('/');
    return { id: doc.id, path: isDynamicPattern(path) ? escapePath(path) : path, ...guessDocument(doc, figures, rules) };
  });

  const metricsYaml = suggestRules(documents, figures, rules, dir);
  const metrics = (metricsYaml.match(/^ {2}- id: /gm) ?? []).length;
  const configYaml = configText(guessed, dir);

  // The documents are inputs no output may replace (a document named figcheck.yaml is not one, but a
  // link or a folder of that name is refused all the same).
  const guard = { inputs: new InputSet(documents.map((doc) => resolve(cwd, doc.path))), locale, cwd };
  const targets = [configPath, rulesPath].map((path) => checkOutputFile(path, shown(path), guard));
  writeOutputFile(targets[1]!, shown(rulesPath), metricsYaml);
  writeOutputFile(targets[0]!, shown(configPath), configYaml);
  const configArg = shown(configPath);
  const next = resolve(cwd) === dir ? 'figcheck check' : `figcheck check --config ${quote(configArg)}`;
  return { config: configPath, rules: rulesPath, documents: guessed, metrics, next, warnings };
}

function displayed(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** A path as a shell argument: quoted when it holds anything but plain characters. */
function quote(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The config's YAML: documents with their guesses as comments, the rule file, the schema for editors. */
function configText(documents: readonly GuessedDocument[], dir: string): string {
  const entries = documents.map((doc) => ({ id: doc.id, path: doc.path, ...(doc.period ? { period: doc.period } : {}), status: doc.status }));
  const yaml = new YamlDocument({ version: 1, documents: entries, rules: [METRICS_FILE] });
  const schema = relative(dir, CONFIG_SCHEMA_PATH).split(sep).join('/');
  yaml.commentBefore =
    ` yaml-language-server: $schema=${isAbsolute(schema) ? CONFIG_SCHEMA_PATH : schema}\n` +
    ' Written by figcheck init: the documents of this folder. Each period and status is a guess from the\n' +
    ' document\'s title, date line and headings (marked "guess"): check them, then run figcheck check.\n' +
    ` ${METRICS_FILE} holds the metrics figcheck suggest found; rename and extend them as you like.`;
  const list = yaml.get('documents', true);
  if (isSeq(list)) {
    list.items.forEach((item, i) => {
      const doc = documents[i]!;
      if (!isMap(item)) return;
      const map = item as YAMLMap;
      for (const pair of map.items) {
        const key = String((pair.key as { value?: unknown }).value ?? pair.key);
        const value = pair.value as { comment?: string } | null;
        if (key === 'period' && value) value.comment = ` ${doc.because.period}`;
        if (key === 'status' && value) value.comment = ` ${doc.because.status}`;
      }
      if (!doc.period) map.commentBefore = ` period: ${doc.because.period}`;
    });
  }
  return yaml.toString({ lineWidth: 0 });
}
