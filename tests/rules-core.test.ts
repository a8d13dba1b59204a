/**
 * The shipped knowledge: every rules/core file and the example rule set validate against
 * rules/schema.json (the loader trusts rules/core at start-up and relies on this test), and the
 * schema's regex patterns all compile.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreRuleFiles, coreRules, loadRuleFile, RULES_DIR } from '../src/rules/load.js';

describe('rules/core', () => {
  it.each(coreRuleFiles().map((file) => [file.slice(RULES_DIR.length + 1), file]))('%s validates against rules/schema.json', (_name, file) => {
    expect(() => loadRuleFile(file)).not.toThrow();
  });

  it('every other rule file shipped in rules/ validates too', () => {
    const others = readdirSync(RULES_DIR).filter((f) => f.endsWith('.yaml'));
    expect(others.length).toBeGreaterThan(0);
    for (const file of others) expect(() => loadRuleFile(join(RULES_DIR, file))).not.toThrow();
  });

  it('the merged core knowledge has the sections every stage reads', () => {
    const rules = coreRules();
    for (const section of ['units', 'magnitudes', 'qualifiers', 'words', 'notFigures', 'periods', 'boilerplate', 'normalization', 'alignment', 'consistency', 'duplicates']) {
      expect(rules, section).toHaveProperty(section);
    }
  });
});
