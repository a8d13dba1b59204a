/**
 * JUnit XML for CI test-report views: one <testsuite> per document, one <testcase> per rule id
 * (each check's verdict on that document), one <failure> per finding whose primary location is in
 * the document. `failures` counts failed test cases (JUnit's meaning), so tests ≥ failures.
 * Baseline-suppressed findings are left out. A document's coverage (figures read, with a metric,
 * compared) is its suite's `<properties>`.
 */
import type { DocumentCoverage, Finding } from '../model.js';
import { coverageById } from './coverage.js';
import { activeFindings, displayPath, pageText, ruleInfos, shorten, sortedFindings } from './common.js';
import { escapeXml } from './escape.js';
import type { Formatter } from './registry.js';

interface Suite {
  name: string;
  id: string;
  findings: Finding[];
}

/** A suite's coverage as JUnit properties (read by CI report views that show suite properties). */
function coverageProperties(counts: DocumentCoverage): string[] {
  const names = ['figures', 'withMetric', 'compared', 'comparedAcross', 'findings'] as const;
  return ['    <properties>', ...names.map((name) => `      <property name="figcheck.${name}" value="${counts[name]}"/>`), '    </properties>'];
}

export const junitFormatter: Formatter = {
  name: 'junit',
  description: 'JUnit XML: a test suite per document, a test case per check',
  format(run, options) {
    const rules = ruleInfos(run.findings);
    const coverage = coverageById(run);
    const suites = new Map<string, Suite>();
    for (const document of run.documents) {
      suites.set(document.path, { name: displayPath(document.path, options.cwd), id: document.id, findings: [] });
    }
    for (const finding of sortedFindings(activeFindings(run.findings))) {
      const path = finding.locations[0]?.path ?? '-';
      let suite = suites.get(path);
      if (!suite) {
        suite = { name: displayPath(path, options.cwd), id: path, findings: [] };
        suites.set(path, suite);
      }
      suite.findings.push(finding);
    }

    const body: string[] = [];
    let totalTests = 0;
    let totalFailures = 0;
    for (const suite of suites.values()) {
      const cases: string[] = [];
      let failed = 0;
      for (const rule of rules) {
        const findings = suite.findings.filter((f) => f.rule === rule.id);
        const attributes = `classname="${escapeXml(suite.name)}" name="${escapeXml(rule.id)}"`;
        if (!findings.length) {
          cases.push(`    <testcase ${attributes}/>`);
          continue;
        }
        failed++;
        const failures = findings.map((finding) => {
          const where = finding.locations.map((l) => `${displayPath(l.path, options.cwd)}${pageText(l)}:${l.line}:${l.column}${l.text ? ` ${shorten(l.text, 80)}` : ''}`);
          const detail = [`${finding.severity}: ${finding.message}`, ...where, `fingerprint: ${finding.fingerprint}`].join('\n');
          return `      <failure type="${finding.severity}" message="${escapeXml(finding.message)}">${escapeXml(detail)}</failure>`;
        });
        cases.push(`    <testcase ${attributes}>\n${failures.join('\n')}\n    </testcase>`);
      }
      totalTests += rules.length;
      totalFailures += failed;
      const counts = coverage.get(suite.id);
      body.push(
        `  <testsuite name="${escapeXml(suite.name)}" id="${escapeXml(suite.id)}" tests="${rules.length}" failures="${failed}" errors="0" skipped="0">`,
        ...(counts ? coverageProperties(counts) : []),
        ...cases,
        '  </testsuite>',
      );
    }
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="figcheck" tests="${totalTests}" failures="${totalFailures}" errors="0">`,
      ...body,
      '</testsuites>',
      '',
    ].join('\n');
  },
};
