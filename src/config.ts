/**
 * figcheck.yaml: the documents to check (with their period and status), the rule files, severity
 * overrides per rule id, and ignore globs. Validated against rules/config.schema.json; errors read
 * `file:line:column: message` through the same machinery as rule files.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError, type DocumentStatus, type Severity } from './model.js';
import { parseSize } from './read/unreadable.js';
import { parseYamlWithSchema, RULES_DIR, validatorFor } from './rules/load.js';

export const CONFIG_NAMES = ['figcheck.yaml', '.figcheck.yaml'];
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

/** figcheck.yaml or .figcheck.yaml in `cwd` or the nearest parent that has one; null when none. */
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
