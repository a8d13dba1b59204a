/**
 * A CheckRun as a run over many documents makes it, built directly (no pipeline) so the HTML report
 * can be tested and benchmarked at 10,000 documents in seconds: regions × years, each with a yearbook
 * (final) and a work report (preliminary) restating the same figures in sentences of real length.
 * Seeded, so every run builds the same report. About 8% of restated figures differ (figure-mismatch),
 * every report sets a growth target checked against the yearbook (target-missed when missed), 1% of
 * reports hold a placeholder, every yearbook a figure stated nowhere else (a single statement), and
 * two metrics are aligned automatically (their ids are internal `auto:` keys a reader must not see).
 */
import type { CheckRun, Document, Figure, MetricComparison, TargetOutcome } from '../../src/model.js';
import { closed, figureIn, finding, textDocument } from '../report-fixtures.js';
import { seededRandom as random } from './random.js';


const FIRST = '东西南北中上下新安永宁平长延清河山云海江湖';
const SECOND = '阳安宁兴平城州源泉川林峰原田水台港湾岭溪丰乐庆昌和泰康福华盛远通明德政文武利吉祥瑞鸿福恒隆泰盛达荣';

interface Metric {
  metric: string;
  name: string;
  auto: boolean;
  unit: string;
  /** The figure as written, from a value. */
  text: (value: number) => string;
  value: () => number;
}

/**
 * `documents` documents (an even number): documents / 2 region-years. Region names are Chinese
 * place-like names; ids and paths are `r0042-2021-yearbook` and `corpus/r0042/2021-yearbook.txt`.
 */
export function syntheticRun(documents = 10_000, seed = 20251205): CheckRun {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const years = [2019, 2020, 2021, 2022, 2023];
  const regionCount = Math.ceil(documents / 2 / years.length);
  const metrics: Metric[] = [
    { metric: 'gdp-growth', name: '地区生产总值增长', auto: false, unit: '%', text: (v) => `${v.toFixed(1)}%`, value: () => 2 + pick(80) / 10 },
    { metric: 'fiscal-revenue', name: '一般公共预算收入', auto: false, unit: '元', text: (v) => `${v}亿元`, value: () => 50 + pick(900) },
    { metric: 'auto:城镇新增就业|人|level|', name: '城镇新增就业', auto: true, unit: '人', text: (v) => `${v}万人`, value: () => 1 + pick(40) },
    { metric: 'auto:引进到位资金|元|level|', name: '引进到位资金', auto: true, unit: '元', text: (v) => `${v}亿元`, value: () => 100 + pick(3000) },
  ];
  const run: CheckRun = { documents: [], figures: [], findings: [], comparisons: [], targets: [], coverage: [], warnings: [] };
  const figure = (document: Document, text: string, metric: Metric, value: number, occurrence = 0): Figure =>
    figureIn(document, text, { value, unit: metric.unit, interval: closed(value - 0.05, value + 0.05), label: metric.name }, occurrence);

  let made = 0;
  for (let r = 0; r < regionCount && made < documents; r++) {
    const region = `${FIRST[r % FIRST.length]}${SECOND[Math.floor(r / FIRST.length) % SECOND.length]}${r >= FIRST.length * SECOND.length ? r : ''}市`;
    const code = `r${String(r).padStart(4, '0')}`;
    for (const year of years) {
      if (made >= documents) break;
      const values = metrics.map((m) => m.value());
      const restated = values.map((v, i) => (next() < 0.08 ? metrics[i]!.value() : v));
      const grain = 50 + pick(500);
      const target = 3 + pick(60) / 10;
      const placeholder = next() < 0.01;
      const [gdp, revenue, jobs, funds] = metrics.map((m, i) => m.text(values[i]!));
      const [gdp2, revenue2, jobs2, funds2] = metrics.map((m, i) => m.text(restated[i]!));
      const yearbookText = [
        `【${region}${year}年经济社会发展】`,
        `${year}年，${region}坚持稳中求进工作总基调，统筹推进稳增长、促改革、调结构、惠民生、防风险各项工作，全年地区生产总值增长${gdp}，一般公共预算收入${revenue}，经济运行总体平稳、稳中有进。`,
        `全年城镇新增就业${jobs}，新登记市场主体持续增加，营商环境不断优化，全市引进到位资金${funds}，重大项目建设加快推进，发展后劲进一步增强。`,
        `粮食生产再获丰收，全年粮食产量${grain}万吨，农业综合生产能力稳步提升。`,
        '',
      ].join('\n');
      const reportText = [
        `${region}人民政府工作报告（${year + 1}年）`,
        `过去一年，面对复杂严峻的外部环境，我们坚决贯彻落实各项决策部署，全市地区生产总值增长${gdp2}，一般公共预算收入${revenue2}，主要经济指标好于预期。`,
        `就业形势总体稳定，城镇新增就业${jobs2}，招商引资成效明显，引进到位资金${funds2}，一批强链补链延链项目落地见效。`,
        `${year + 1}年经济社会发展的主要预期目标是：地区生产总值增长${target.toFixed(1)}%左右，居民收入增长与经济增长基本同步。`,
        ...(placeholder ? ['常住人口城镇化率达到×%，城乡区域发展更加协调。'] : []),
        '',
      ].join('\n');
      const yearbook = textDocument(yearbookText, { id: `${code}-${year}-yearbook`, path: `corpus/${code}/${year}-yearbook.txt`, period: String(year), status: 'final' });
      const report = textDocument(reportText, { id: `${code}-${year}-report`, path: `corpus/${code}/${year + 1}-report.txt`, period: String(year), status: 'preliminary' });
      run.documents.push(yearbook, report);
      made += 2;

      const stated: string[] = [];
      const yearbookFigures: Figure[] = [];
      metrics.forEach((metric, i) => {
        const a = figure(yearbook, metric.text(values[i]!), metric, values[i]!);
        yearbookFigures.push(a);
        const b = figure(report, metric.text(restated[i]!), metric, restated[i]!);
        run.figures.push(a, b);
        const mismatch = values[i] !== restated[i];
        const comparison: MetricComparison = { metric: metric.metric, name: metric.name, auto: metric.auto, period: String(year), statements: [a, b], verdict: mismatch ? 'mismatch' : 'consistent' };
        run.comparisons.push(comparison);
        stated.push(metric.metric);
        if (mismatch) {
          const message = `${metric.name}: ${a.raw} (${yearbook.id}, final) vs ${b.raw} (${report.id}, preliminary)`;
          run.findings.push(finding('figure-mismatch', 'error', message, metric.metric, [a, b]));
        }
      });
      const grainFigure = figure(yearbook, `${grain}万吨`, { ...metrics[0]!, unit: '吨', name: '粮食产量' }, grain);
      run.figures.push(grainFigure);
      run.comparisons.push({ metric: 'auto:粮食产量|吨|level|', name: '粮食产量', auto: true, period: String(year), statements: [grainFigure], verdict: 'single' });

      const targetFigure = figureIn(report, `${target.toFixed(1)}%左右`, { value: target, unit: '%', interval: closed(target - 0.5, target + 0.5), modality: 'target', label: '地区生产总值' });
      const actual = yearbookFigures[0]!; // this yearbook's GDP growth
      run.figures.push(targetFigure);
      const outcome: TargetOutcome['outcome'] = actual.value! >= target - 0.5 ? 'met' : 'missed';
      run.targets.push({ metric: 'gdp-growth', name: '地区生产总值增长', target: targetFigure, actual, outcome });
      if (outcome === 'missed') {
        run.findings.push(finding('target-missed', 'warning', `地区生产总值增长: target ${targetFigure.raw} (${report.id}) missed by ${actual.raw} (${yearbook.id})`, 'gdp-growth', [targetFigure, actual]));
      }
      if (placeholder) {
        const hole = figureIn(report, '×%', { value: null, unit: '%', interval: null, placeholder: true, label: '城镇化率' });
        run.figures.push(hole);
        run.findings.push(finding('placeholder', 'info', 'placeholder ×% instead of a number', null, [hole]));
      }
      run.coverage.push({ period: String(year), documents: [yearbook.id, report.id], both: stated, onlyFirst: ['auto:粮食产量|吨|level|'], onlySecond: [] });
    }
  }
  return run;
}
