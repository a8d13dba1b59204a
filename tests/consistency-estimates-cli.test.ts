/**
 * End to end: `figcheck check` on two made-up documents, a December budget report estimating its year and the
 * communiqué stating the final figures. The estimate agreeing with its final figure is silent; the one revised is an
 * `estimate-revised` finding that every output names as the estimate's side: the unix line, JSON, SARIF, and the
 * discrepancy report (report.md marks the statement `estimate`; index.html holds the message).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'figcheck-estimates-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MESSAGE =
  '一般公共预算支出: 693.40亿元 (communique-2025) vs 664.2亿元 (budget-2025, estimate): the estimate (预计) in budget-2025 differs from the final figure in communique-2025';

beforeAll(() => {
  writeFileSync(
    join(dir, 'budget-2025.txt'),
    [
      '关于江城市2025年预算执行情况与2026年预算草案的报告',
      '——2025年12月26日在江城市第九届人民代表大会第六次会议上',
      '各位代表：',
      '一、2025年预算执行情况',
      '2025年，全市一般公共预算收入预计完成207亿元左右。',
      '全市一般公共预算支出预计完成664.2亿元。',
      '二、2026年预算草案',
      '2026年全市一般公共预算收入预计完成226亿元。',
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(dir, 'communique-2025.txt'),
    ['江城市2025年国民经济和社会发展统计公报', '江城市统计局', '2026年4月', '全年全市一般公共预算收入207.10亿元。全市一般公共预算支出693.40亿元。年末全市常住人口为120万人。'].join('\n') + '\n',
  );
});

const check = (...args: string[]) => runCli(['check', 'budget-2025.txt', 'communique-2025.txt', '--no-config', '--fail-on', 'warning', ...args], { cwd: dir });

describe('figcheck check on a December estimate and the final figures', () => {
  it('reports the revised estimate once, as info (the gate at warning passes), and nothing of the agreeing one or the next year\'s', () => {
    const result = check('--format', 'unix');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => /\[(estimate-revised|figure-mismatch)\]$/.test(line));
    expect(lines).toEqual([`communique-2025.txt:4:${'全年全市一般公共预算收入207.10亿元。全市一般公共预算支出'.length + 1}: info: ${MESSAGE} (aligned automatically by label, unit and period 2025; add a metric rule to confirm) [estimate-revised]`]);
  });

  it('names the preliminary side in JSON and SARIF', () => {
    const json = JSON.parse(check('--format', 'json').stdout);
    const revised = json.findings.filter((f: { rule: string }) => f.rule === 'estimate-revised');
    expect(revised.map((f: { severity: string; message: string }) => [f.severity, f.message.slice(0, MESSAGE.length)])).toEqual([['info', MESSAGE]]);
    expect(revised[0].locations.map((l: { path: string; text: string }) => [l.path, l.text])).toEqual([
      ['communique-2025.txt', '693.40亿元'],
      ['budget-2025.txt', '664.2亿元'],
    ]);
    const sarif = JSON.parse(check('--format', 'sarif').stdout);
    const results = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'estimate-revised');
    expect(results.map((r: { level: string; message: { text: string } }) => [r.level, r.message.text.slice(0, MESSAGE.length)])).toEqual([['note', MESSAGE]]);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('estimate-revised');
  });

  it('marks the estimate in the discrepancy report', () => {
    const reports = join(dir, 'reports');
    expect(check('--report-dir', reports).code).toBe(0);
    const markdown = readFileSync(join(reports, 'report.md'), 'utf8');
    expect(markdown).toContain(MESSAGE);
    // the comparison's rows: the estimate marked, both statements reported as disagreeing
    expect(markdown).toMatch(/\| ✗ \| budget-2025 \| estimate \| 2025 \| [^\n]*\*\*664\.2亿元\*\*/);
    expect(markdown).toMatch(/\| ✗ \| communique-2025 \| — \| 2025 \| [^\n]*\*\*693\.40亿元\*\*/);
    const html = readFileSync(join(reports, 'index.html'), 'utf8');
    expect(html).toContain('the estimate (预计) in budget-2025 differs from the final figure in communique-2025');
    // (the page's data: the estimate's statement record ends in its estimate mark, 1)
    expect(html).toMatch(/"664\.2亿元","\[664\.15亿, 664\.25亿\]","[^"]*","[^"]*","2025",1\]/);
    expect(html).toMatch(/"693\.40亿元","\[693\.395亿, 693\.405亿\]","[^"]*","[^"]*","2025"\]/);
  });
});
