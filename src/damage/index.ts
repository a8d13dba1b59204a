/**
 * Shared detection of damaged text, placeholders and repeated passages (rules/core/damage.yaml).
 * The checks duplicate-section, placeholder and encoding-damage report what these find; the
 * pipeline calls markDamagedFigures after extraction so the consistency checks skip such figures.
 */
export { damagedSpans, markDamagedFigures, type DamagedSpan, type DamageKind } from './spans.js';
export { placeholderSpans, type PlaceholderSpan } from './placeholders.js';
export { findDuplicateBlocks, type DuplicateBlock, type DuplicateSource, type Passage } from './duplicates.js';
export { damageSettings, duplicateSettings, placeholderSettings, type DuplicateSettings } from './settings.js';
