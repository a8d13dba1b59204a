/**
 * figcheck.yaml: the documents to check (with their period and status), the rule files, severity
 * overrides per rule id, and ignore globs. Validated against rules/config.schema.json; errors read
 * `file:line:column: message` through the same machinery as rule files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { InputError, type DocumentStatus, type Severity } from './model.js';
import { parseSize } from './read/unreadable.js';
import { parseYamlWithSchema, RULES_DIR, validatorFor } from './rules/load.js';
import type { RuleSet } from './rules/types.js';

/** Looked for in this order in each folder (YAML's two extensions, visible or hidden). */
export const CONFIG_NAMES = ['figcheck.yaml', 'figcheck.yml', '.figcheck.yaml', '.figcheck.yml'];
export const CONFIG_SCHEMA_PATH = join(RULES_DIR, 'config.schema.json');

export interface ConfigDocument {
  id: string;
  /** File or glob, relative to the config's folder. */
  path: string;
  period?: string;
  status?: DocumentStatus;
}

export interface Config {
  /** Absolute path of the config file. */
  path: string;
  /** Absolute folder of the config file; document paths and rule files are relative to it. */
  dir: string;
  documents: ConfigDocument[];
  /** Absolute paths of the rule files. */
  rules: string[];
  /** Rule id → severity or 'off'. */
  severity: Record<string, Severity | 'off'>;
  ignore: string[];
  /** Most bytes of decoded content per document (`maxDocumentSize`), when the config sets it. */
  maxDocumentSize?: number;
}

/** A CONFIG_NAMES file in `cwd` or the nearest parent that has one; null when none. */
export function findConfig(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * When no config was found: files in `cwd` whose name looks like a config figcheck does not read
 * (`Figcheck.yaml`, `figcheck.yaml.txt`, `figcheck.json`, `figcheck-config.yml`), for a hint.
 */
export function similarConfigNames(cwd: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(cwd);
  } catch {
    return [];
  }
  return entries.filter((name) => /^\.?figcheck[-_.]/i.test(name) && /\.(ya?ml|json|toml|txt)$/i.test(name) && !CONFIG_NAMES.includes(name) && name !== '.figcheckignore');
}

/**
 * Document ids of the files one config entry matched: the entry's id for a single file; for several, each
 * file its own id `<id>/<file name without extension>` (`-2`, `-3` … when two names repeat), so messages
 * quote the right file and the files are cross-checked against each other.
 */
export function idsOfMatches(id: string, files: readonly string[]): string[] {
  if (files.length === 1) return [id];
  const taken = new Set<string>();
  return files.map((file) => {
    const stem = basename(file, extname(file));
    let candidate = `${id}/${stem}`;
    for (let n = 2; taken.has(candidate); n++) candidate = `${id}/${stem}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}

interface ConfigFile {
  documents?: ConfigDocument[];
  rules?: string[];
  severity?: Record<string, Severity | 'off'>;
  ignore?: string[];
  maxDocumentSize?: string | number;
}

/** Parses config text; `path` (absolute or relative to cwd) names the file in messages and anchors relative paths. */
export function parseConfig(path: string, text: string): Config {
  const file = parseYamlWithSchema(path, text, validatorFor(CONFIG_SCHEMA_PATH), 'rules/config.schema.json') as ConfigFile;
  const absolute = resolve(path);
  const dir = dirname(absolute);
  const documents = file.documents ?? [];
  const seen = new Set<string>();
  for (const document of documents) {
    if (seen.has(document.id)) throw new InputError(`${path}: document id "${document.id}" is used twice`);
    seen.add(document.id);
  }
  return {
    path: absolute,
    dir,
    documents,
    rules: (file.rules ?? []).map((rule) => resolve(dir, rule)),
    severity: file.severity ?? {},
    ignore: file.ignore ?? [],
    ...(file.maxDocumentSize !== undefined ? { maxDocumentSize: maxDocumentSizeOf(path, file.maxDocumentSize) } : {}),
  };
}

function maxDocumentSizeOf(path: string, value: string | number): number {
  const bytes = parseSize(value);
  if (bytes === null) throw new InputError(`${path}: maxDocumentSize: "${value}" is not a size (e.g. 64MB, 500KB)`);
  return bytes;
}

/** Reads and validates a figcheck.yaml. Throws InputError naming the file on any problem. */
export function loadConfig(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such config file' : `cannot read config file (${code ?? String(error)})`}`);
  }
  return parseConfig(path, text);
}

/**
 * A rule's `documents: [id]` naming a config entry whose glob matched several files means all of them:
 * the list is rewritten to their ids. Returns a rule set with new check objects where one changed (the
 * loaded rule set may be cached and shared).
 */
export function expandDocumentGroups(rules: RuleSet, groups: ReadonlyMap<string, string[]>): RuleSet {
  if (!groups.size || !rules.checks?.some((check) => check.documents?.some((id) => groups.has(id)))) return rules;
  const checks = rules.checks.map((check) =>
    check.documents?.some((id) => groups.has(id)) ? { ...check, documents: check.documents.flatMap((id) => groups.get(id) ?? [id]) } : check,
  );
  return { ...rules, checks };
}
