/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, VS Code SARIF viewer). One run; the
 * driver lists every rule with its description and a README link; each result has its primary
 * location, the other statements as relatedLocations, and a line-independent partial fingerprint.
 * Baseline-suppressed findings are kept with an external suppression, as SARIF intends.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckRun, Finding, Location, Severity } from '../model.js';
import { displayPath, readmeUrl, ruleHelpUri, ruleInfos, shorten, sortedFindings } from './common.js';
import type { Formatter } from './registry.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Key under `partialFingerprints`; versioned so a future change of the hash can coexist. */
export const FINGERPRINT_KEY = 'figcheckFingerprint/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A shown path as a URI reference: relative paths segment by segment percent-encoded (Chinese
 * names, spaces, #); an absolute path (outside the working directory) as a file: URI.
 */
export function pathToUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

function physicalLocation(location: Location, cwd: string) {
  return {
    artifactLocation: { uri: pathToUri(displayPath(location.path, cwd)) },
    region: {
      startLine: location.line,
      startColumn: location.column,
      endLine: location.endLine,
      endColumn: location.endColumn,
      ...(location.text ? { snippet: { text: location.text } } : {}),
      // SARIF regions have no pages: a PDF's page goes in the region's property bag, its lines counting within it.
      ...(location.page !== undefined ? { properties: { page: location.page } } : {}),
    },
  };
}

function result(finding: Finding, ruleIndex: number, cwd: string) {
  const [primary, ...others] = finding.locations;
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: primary ? [{ physicalLocation: physicalLocation(primary, cwd) }] : [],
    ...(others.length
      ? {
          relatedLocations: others.map((location, i) => ({
            id: i + 1,
            physicalLocation: physicalLocation(location, cwd),
            ...(location.text ? { message: { text: shorten(location.text, 80) } } : {}),
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.metric ? { properties: { metric: finding.metric } } : {}),
    ...(finding.suppressed ? { suppressions: [{ kind: 'external', justification: 'recorded in the figcheck baseline' }] } : {}),
  };
}

/**
 * The run's property bag: coverage (totals, and each document's counts with its path) and the findings
 * suppression comments removed (SARIF has no result for them: they are gone, only counted).
 */
function runProperties(run: CheckRun, cwd: string) {
  const coverage = run.figureCoverage;
  if (!coverage && run.suppressedInText === undefined) return {};
  const paths = new Map(run.documents.map((d) => [d.id, displayPath(d.path, cwd)]));
  return {
    properties: {
      ...(run.suppressedInText !== undefined ? { suppressedInText: run.suppressedInText } : {}),
      ...(coverage
        ? {
            coverage: {
              documents: coverage.documents,
              figures: coverage.figures,
              withMetric: coverage.withMetric,
              compared: coverage.compared,
              comparedAcross: coverage.comparedAcross,
              findings: coverage.findings,
              perDocument: coverage.perDocument.map((row) => ({ ...row, path: paths.get(row.document) ?? null })),
            },
          }
        : {}),
    },
  };
}

export const sarifFormatter: Formatter = {
  name: 'sarif',
  description: 'SARIF 2.1.0, for code-scanning tools',
  format(run, options) {
    const rules = ruleInfos(run.findings);
    const index = new Map(rules.map((rule, i) => [rule.id, i]));
    const log = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'figcheck',
              version: options.version,
              semanticVersion: options.version,
              informationUri: readmeUrl(),
              rules: rules.map((rule) => ({
                id: rule.id,
                name: rule.id,
                shortDescription: { text: rule.description },
                fullDescription: { text: rule.description },
                help: {
                  text: `${rule.description} See ${ruleHelpUri(rule.id)}`,
                  markdown: `${rule.description} See [${rule.id}](${ruleHelpUri(rule.id)}).`,
                },
                helpUri: ruleHelpUri(rule.id),
                defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
              })),
            },
          },
          columnKind: 'utf16CodeUnits',
          results: sortedFindings(run.findings).map((finding) => result(finding, index.get(finding.rule)!, options.cwd)),
          ...runProperties(run, options.cwd),
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};
