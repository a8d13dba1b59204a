/**
 * Loading and validating YAML rule files. Every error, syntax or schema, is an InputError
 * reading `file:line:column: message`, with positions from the yaml library's CST.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Document as YamlDocument, Node as YamlNode } from 'yaml';
import { InputError } from '../model.js';
import { unsafePatterns } from './safe-patterns.js';
import type { RuleFile, RuleSet } from './types.js';

// yaml and ajv are loaded on first use (~60 ms of start-up together): a run with only the shipped
// rules reads them precompiled (compiledCore below) and needs neither. `require` keeps the loaders
// synchronous, as every caller of this module is; both packages ship CommonJS.
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= require('yaml') as typeof import('yaml'));

/** The `rules/` folder shipped with figcheck: the nearest one above this module (src/, dist/ or a bench build). */
export const RULES_DIR = findRulesDir(dirname(fileURLToPath(import.meta.url)));

function findRulesDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'rules', 'schema.json'))) return join(dir, 'rules');
    if (dirname(dir) === dir) return resolve(from, '..', '..', 'rules');
  }
}
export const SCHEMA_PATH = join(RULES_DIR, 'schema.json');

/**
 * The ajv instance for figcheck's schemas. `format: regex` means "a pattern figcheck can compile"
 * (with or without the `u` flag), so a broken pattern in a rule file is caught with its line.
 */
export function createAjv(): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('regex', (pattern: string) => compiles(pattern, 'u') || compiles(pattern, ''));
  return ajv;
}

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

const validators = new Map<string, ValidateFunction>();
/** The compiled validator of a JSON Schema file, compiled once per process (rule files, figcheck.yaml). */
export function validatorFor(schemaPath: string): ValidateFunction {
  let validator = validators.get(schemaPath);
  if (!validator) {
    validator = createAjv().compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    validators.set(schemaPath, validator);
  }
  return validator;
}

/** Walks a YAML document to the node at a JSON pointer path, as deep as it exists. */
function nodeAt(doc: YamlDocument, path: (string | number)[]): { node: YamlNode | undefined; key: YamlNode | undefined } {
  const { isMap, isSeq } = yaml();
  let node: unknown = doc.contents;
  let key: YamlNode | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const k = p.key as { value?: unknown } | null;
        return k != null && String(k.value ?? k) === String(part);
      });
      if (!pair) break;
      key = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node)) {
      const next = node.items[Number(part)];
      if (next === undefined) break;
      key = undefined;
      node = next;
    } else break;
  }
  return { node: node as YamlNode | undefined, key };
}

function describe(error: ErrorObject): { path: (string | number)[]; message: string } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const where = path.length ? path.join('.') : 'top level';
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      return { path: [...path, extra], message: `unknown key "${extra}" in ${where}` };
    }
    case 'enum':
      return {
        path,
        message: `${where}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'required':
      return { path, message: `${where}: missing required key "${(error.params as { missingProperty: string }).missingProperty}"` };
    default:
      return { path, message: `${where}: ${error.message ?? 'invalid'}` };
  }
}

/**
 * Parses YAML text and validates it with an ajv validator; every problem, syntax or schema, becomes
 * one `path:line:column: message` line of an InputError. Shared by rule files and figcheck.yaml.
 */
export function parseYamlWithSchema(path: string, text: string, validate: ValidateFunction | null, schemaName: string): unknown {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: string[] = [];
  for (const error of doc.errors) {
    // With prettyErrors off the yaml library leaves `linePos` unset: the position comes from the line counter.
    const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    problems.push(`${path}:${pos.line}:${pos.col}: YAML syntax error: ${error.message.split('\n')[0]}`);
  }
  if (problems.length) throw new InputError(problems.join('\n'));
  const value = doc.toJS() ?? {};
  if (validate && !validate(value)) {
    // Report the most specific errors: ajv also emits parents of anyOf/oneOf failures.
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      if (error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
      const { path: at, message } = describe(error);
      const { node, key } = nodeAt(doc, at);
      const offset = (key ?? node)?.range?.[0] ?? 0;
      const pos = lineCounter.linePos(offset);
      const line = `${path}:${pos.line}:${pos.col}: ${message}`;
      if (!seen.has(line)) {
        seen.add(line);
        problems.push(line);
      }
    }
    throw new InputError(problems.join('\n') || `${path}: does not match ${schemaName}`);
  }
  return value;
}

/**
 * Parses and validates one rule file's text. `path` is used in messages only.
 * Throws InputError with `path:line:column: message` lines.
 */
export function parseRuleFile(path: string, text: string): RuleFile {
  const file = parseYamlWithSchema(path, text, validatorFor(SCHEMA_PATH), 'rules/schema.json') as RuleFile;
  // A user's pattern that can backtrack super-linearly would hang the run on one long line: refused here.
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const unsafe = unsafePatterns(parseDocument(text, { lineCounter }).contents, lineCounter);
  if (unsafe.length) throw new InputError(unsafe.map((u) => `${path}:${u.line}:${u.column}: ${u.message}`).join('\n'));
  return file;
}

export function loadRuleFile(path: string, options: { validate?: boolean } = {}): RuleFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read rule file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (options.validate === false) return parseYamlWithSchema(path, text, null, 'rules/schema.json') as RuleFile;
  return parseRuleFile(path, text);
}

/** The core knowledge files, rules/core/*.yaml, in name order. */
export function coreRuleFiles(): string[] {
  const dir = join(RULES_DIR, 'core');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Merges rule files in order: list sections are concatenated, setting objects are merged key by
 * key (a later file overrides an earlier one), so a user file can retune a width from rules/core.
 */
export function mergeRuleFiles(files: RuleFile[]): RuleSet {
  const merged: Record<string, unknown> = {};
  for (const file of files) {
    for (const [key, value] of Object.entries(file)) {
      if (key === 'version') continue;
      const prior = merged[key];
      if (Array.isArray(value)) merged[key] = [...((prior as unknown[]) ?? []), ...value];
      else if (value && typeof value === 'object') merged[key] = { ...((prior as object) ?? {}), ...value };
      else merged[key] = value;
    }
  }
  return merged as RuleSet;
}

let core: RuleSet | undefined;
/** rules/core merged and validated; cached for the process. */
export function coreRules(): RuleSet {
  core ??= mergeRuleFiles(coreFiles());
  return core;
}

let coreParsed: RuleFile[] | undefined;
/**
 * The shipped rules/core files, parsed once. They are not validated here: the build validates each
 * against rules/schema.json (scripts/precompile.mjs) and so does the test suite
 * (tests/rules-core.test.ts); compiling the schema would cost every run ~75 ms of start-up, which an
 * editor linting on save would feel. The build leaves them parsed in dist/core-rules.json, used while
 * it matches the YAML files (a content hash), so an edited rule file is never shadowed by a stale build.
 */
function coreFiles(): RuleFile[] {
  coreParsed ??= compiledCore() ?? coreRuleFiles().map((file) => loadRuleFile(file, { validate: false }));
  return coreParsed;
}

/** Where the build writes the parsed core rules (see package.json "build"). */
export const COMPILED_CORE_PATH = join(RULES_DIR, '..', 'dist', 'core-rules.json');

/** A hash of the core rule files' names and contents: what the compiled form was built from. */
export function coreRulesHash(files: string[] = coreRuleFiles()): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.slice(RULES_DIR.length)}\u0000`).update(readFileSync(file)).update('\u0000');
  return hash.digest('hex');
}

function compiledCore(): RuleFile[] | undefined {
  let compiled: { hash?: string; files?: RuleFile[] };
  try {
    compiled = JSON.parse(readFileSync(COMPILED_CORE_PATH, 'utf8')) as typeof compiled;
  } catch {
    return undefined; // not built (running from source): the YAML files are parsed instead
  }
  return compiled.hash === coreRulesHash() && Array.isArray(compiled.files) ? compiled.files : undefined;
}

/** Core rules followed by the given rule files (validated). */
export function loadRuleSet(paths: string[]): RuleSet {
  if (!paths.length) return coreRules();
  const files = paths.map((path) => {
    const file = loadRuleFile(path);
    // each metric remembers its file: a metric that catches nothing is reported by file and id
    const shown = relative(process.cwd(), path);
    const source = shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
    for (const metric of file.metrics ?? []) Object.defineProperty(metric, 'source', { value: source, enumerable: false });
    return file;
  });
  return mergeRuleFiles([...coreFiles(), ...files]);
}
