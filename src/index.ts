/**
 * figcheck's library API: `import { check, readDocument } from 'figcheck'`.
 * The CLI (src/cli) is a thin layer over these.
 */
export { check, eachDocument, extract, readDocument, type CheckOptions, type DocumentMeta } from './pipeline.js';
export { buildDocument, documentFromText } from './document.js';
export { extractFigures } from './extract/index.js';
export { interpret } from './meaning/index.js';
export { runChecks } from './checks/engine.js';
export { finishFindings } from './suppress/index.js';
export { CHECKS } from './checks/registry.js';
export { loadRuleSet, loadRuleFile, parseRuleFile, coreRules } from './rules/load.js';
export { findConfig, loadConfig } from './config.js';
export * from './model.js';
export type { RuleFile, RuleSet, MetricRule, CheckRule } from './rules/types.js';
