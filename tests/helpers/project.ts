import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small figcheck project in a fresh folder under `parent`: a yearbook (final) and a report
 * (preliminary) for 2022, a rule file with two metrics checked for consistency at error level, and a
 * figcheck.yaml tying them together. Returns the folder.
 */
export function writeProject(parent: string, yearbook: string, report: string): string {
  const root = mkdtempSync(join(parent, 'project-'));
  writeFileSync(join(root, 'yearbook.txt'), yearbook);
  writeFileSync(join(root, 'report.txt'), report);
  writeFileSync(
    join(root, 'rules.yaml'),
    [
      'version: 1',
      'metrics:',
      '  - { id: funds-attracted, name: 引进到位资金, aliases: [引进到位资金], unit: 元, kind: level }',
      '  - { id: grain-output, name: 粮食产量, aliases: [粮食产量], unit: 吨, kind: level }',
      'checks:',
      '  - { type: consistency, metrics: "*", severity: error }',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(root, 'figcheck.yaml'),
    [
      'documents:',
      '  - { id: yearbook, path: yearbook.txt, period: "2022", status: final }',
      '  - { id: report, path: report.txt, period: "2022", status: preliminary }',
      'rules: [rules.yaml]',
      '',
    ].join('\n'),
  );
  return root;
}
