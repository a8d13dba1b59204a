/**
 * duplicate-section: repeated passages within and across documents, on hand-made documents (hits
 * and near misses), on the seeds, and on all 43 real documents in the repository at once.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { duplicatesCheck } from '../src/checks/duplicates.js';
import { createCheckContext } from '../src/checks/context.js';
import type { CheckContext } from '../src/checks/types.js';
import { duplicateSettings, findDuplicateBlocks } from '../src/damage/index.js';
import { buildDocument, documentFromText } from '../src/document.js';
import type { Document, Finding, Locale } from '../src/model.js';
import { decodeFile } from '../src/read/decode.js';
import type { CheckRule } from '../src/rules/types.js';
import { coreRules } from '../src/rules/load.js';
import { EXAMPLES, NATIONAL, PROVINCES, ROOT } from './helpers/paths.js';

function check(documents: Document[], entry: Partial<CheckRule> = {}, locale: Locale = 'en'): Finding[] {
  const context: CheckContext = createCheckContext(documents, [], coreRules(), locale, new Map());
  return duplicatesCheck.run(context, { type: 'duplicates', ...entry });
}

// Three unrelated paragraphs of about 270 characters each (about 240 compared: minLength is 200).
const P1 =
  '一年来,我们坚持稳中求进工作总基调,统筹推进疫情防控和经济社会发展,全区经济运行总体平稳、稳中有进。' +
  '粮食产量达到780亿斤,连续多年稳定在较高水平;规模以上工业增加值增长7.2%,新能源装机规模突破5000万千瓦,' +
  '居全国前列。引进到位资金3409亿元,新登记市场主体30万户,营商环境持续改善,群众办事更加便利。' +
  '城乡居民人均可支配收入分别增长4.3%和7.1%,城镇新增就业18万人,基本民生保障更加有力,社会大局和谐稳定。' +
  '科技创新能力明显增强,研发经费投入增长15%,高新技术企业数量达到1500家,一批关键核心技术攻关取得突破。';
const P2 =
  '生态环境质量持续改善。全面完成中央生态环境保护督察反馈问题整改任务,黄河、一湖两海、察汗淖尔等重点河湖' +
  '流域治理成效显著。累计造林3700多万亩、种草1.2亿多亩、防沙治沙5400多万亩,创建10个国家生态文明建设示范区' +
  '和8个绿水青山就是金山银山实践创新基地。地级及以上城市空气质量优良天数比例达到90.7%,重点区域细颗粒物' +
  '浓度持续下降,黑臭水体基本消除,草原综合植被盖度稳定在45%以上,生态屏障更加牢固。' +
  '大力推进山水林田湖草沙一体化保护和系统治理,实施重要生态系统保护和修复重大工程,荒漠化和沙化土地面积持续减少。';
const P3 =
  '今后一个时期,要坚定不移走以生态优先、绿色发展为导向的高质量发展新路子,加快建设国家重要能源和战略资源基地、' +
  '农畜产品生产基地,打造我国向北开放重要桥头堡。要着力扩大有效投资,全年计划实施重大项目3000个以上,' +
  '完成投资6300亿元;着力促进消费恢复,力争社会消费品零售总额增长6%以上;着力稳定外贸外资,推动进出口总额' +
  '突破1500亿元,让发展成果更多更公平惠及全区各族人民,为全面建设社会主义现代化作出新贡献。' +
  '各级政府要强化责任担当,狠抓工作落实,以钉钉子精神推动各项决策部署落地见效,确保全年目标任务圆满完成。';

/** P with characters replaced at the given indices (by a character P never uses there). */
function changed(paragraph: string, indices: number[]): string {
  const chars = [...paragraph];
  for (const i of indices) chars[i] = chars[i] === '某' ? '另' : '某';
  return chars.join('');
}

describe('duplicate-section within a document', () => {
  it('reports a paragraph repeated with two characters changed once, as a warning with both locations', () => {
    const doc = documentFromText(`标题\n${P1}\n${P2}\n${changed(P1, [40, 150])}\n${P3}\n`, { id: 'draft', path: 'draft.txt' });
    const findings = check([doc]);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.rule).toBe('duplicate-section');
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toMatch(/^line 4 repeats line 2 \((9\d)% similar, \d+ characters\)$/);
    expect(finding!.locations.map((l) => [l.line, l.endLine])).toEqual([
      [4, 4],
      [2, 2],
    ]);
    // Both locations span the whole paragraph, punctuation included.
    expect(finding!.locations[1]!.text).toBe(P1);
  });

  it('reports a doubled body as one block spanning all its lines', () => {
    const body = `【一】${P1}\n【二】${P2}\n【三】${P3}`;
    const doc = documentFromText(`2023卷\n${body}\n${body}`, { id: 'yearbook', path: 'yearbook.txt' });
    const findings = check([doc]);
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/^lines 5–7 repeat lines 2–4 \(100% similar/)]);
    expect(findings[0]!.locations[0]).toMatchObject({ line: 5, column: 1, endLine: 7 });
  });

  it('does not report two different paragraphs that share a set phrase', () => {
    const formula = '坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神,完整、准确、全面贯彻新发展理念,';
    const doc = documentFromText(`${formula}${P1}\n${formula}${P3}\n`, { id: 'formula' });
    expect(check([doc])).toEqual([]);
  });

  it('does not report a paragraph rewritten beyond the threshold, unless the threshold is lowered', () => {
    // A clause of 30 characters in the middle replaced by another: about 87% similar.
    const rewritten = P2.slice(0, 100) + P3.slice(40, 70) + P2.slice(130);
    const doc = documentFromText(`${P2}\n${P1}\n${rewritten}\n`, { id: 'rewritten' });
    expect(check([doc])).toEqual([]);
    const lowered = check([doc], { threshold: 0.8 });
    expect(lowered).toHaveLength(1);
    expect(lowered[0]!.message).toMatch(/line 3 repeats line 1 \(\d\d% similar/);
  });

  it('reads minLength from the check entry', () => {
    const sentence = '全年接待国内外游客2.3亿人次,旅游收入增长18%。';
    const doc = documentFromText(`${sentence}${P1}\n${P3}${sentence}\n`, { id: 'short' });
    expect(check([doc])).toEqual([]);
    expect(check([doc], { minLength: 20 })).toHaveLength(1);
  });
});

describe('duplicate-section across documents', () => {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });

  it('finds a passage repeated in another document in Traditional script, as info', () => {
    const report = documentFromText(`${P1}\n${P2}\n`, { id: 'report', path: 'report.txt' });
    const yearbook = documentFromText(`${P3}\n${toTraditional(P2)}\n`, { id: 'yearbook', path: 'yearbook.txt' });
    const findings = check([report, yearbook]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('info');
    expect(findings[0]!.message).toBe(`line 2 repeats line 2 of report.txt (100% similar, ${findings[0]!.message.match(/(\d+) characters/)![1]} characters)`);
    expect(findings[0]!.locations.map((l) => l.path)).toEqual(['yearbook.txt', 'report.txt']);
  });

  it('finds a single sentence repeated in Traditional script when minLength allows a sentence', () => {
    const sentence = '城乡居民人均可支配收入分别增长4.3%和7.1%,城镇新增就业18万人,基本民生保障更加有力,社会大局和谐稳定。';
    const a = documentFromText(`${P3}${sentence}\n`, { id: 'a', path: 'a.txt' });
    const b = documentFromText(`${toTraditional(sentence)}${P2}\n`, { id: 'b', path: 'b.txt' });
    expect(check([a, b])).toEqual([]);
    const findings = check([a, b], { minLength: 40 });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.locations[0]!.text).toBe(toTraditional(sentence));
  });

  it('does not link documents that share nothing long enough', () => {
    const a = documentFromText(`${P1}\n`, { id: 'a' });
    const b = documentFromText(`${P2}\n${P3}\n`, { id: 'b' });
    expect(check([a, b])).toEqual([]);
  });

  it('reports a passage in three documents once per repetition, against its first copy', () => {
    const docs = ['a', 'b', 'c'].map((id, i) => documentFromText(`${['甲', '乙', '丙'][i]}\n${P1}\n`, { id, path: `${id}.txt` }));
    const findings = check(docs).filter((f) => f.locations[0]!.text === P1);
    expect(findings.map((f) => f.message.match(/of (\w)\.txt/)![1]).sort()).toEqual(['a', 'a']);
  });

  it('speaks Chinese', () => {
    const a = documentFromText(`${P1}\n`, { id: 'a', path: 'a.txt' });
    const b = documentFromText(`${P2}\n${P1}\n`, { id: 'b', path: 'b.txt' });
    expect(check([a, b], {}, 'zh-CN')[0]!.message).toMatch(/^第2行与 a\.txt 第1行重复（相似度100%，\d+字）$/);
  });
});

describe('findDuplicateBlocks', () => {
  it('finds a passage planted in random text wherever it lands', () => {
    const alphabet = [...new Set([...P1, ...P2, ...P3].filter((c) => /\p{Script=Han}/u.test(c)))];
    const text = fc.array(fc.constantFrom(...alphabet), { minLength: 300, maxLength: 800 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (x, y, i, j) => {
        const at = (s: string, n: number) => n % (s.length + 1);
        const a = documentFromText(x.slice(0, at(x, i)) + P1 + x.slice(at(x, i)), { id: 'a' });
        const b = documentFromText(y.slice(0, at(y, j)) + P1 + y.slice(at(y, j)), { id: 'b' });
        const blocks = findDuplicateBlocks([a, b], duplicateSettings(coreRules())).filter((block) => block.original.document !== block.repeat.document);
        expect(blocks).toHaveLength(1);
        // The block covers the planted passage (random neighbours may extend it by a character or two).
        expect(b.normalized.slice(blocks[0]!.repeat.start, blocks[0]!.repeat.end)).toContain(P1.slice(2, -2));
      }),
      { numRuns: 25 },
    );
  });
});

describe('duplicate-section on real documents', () => {
  const seeds = [
    ['yearbook-2023-government.txt', 'yearbook-gov'],
    ['yearbook-2023-party.txt', 'yearbook-party'],
    ['work-report-2022.txt', 'report-2022'],
    ['rectification-2021.txt', 'rectification-2021'],
    ['work-report-2023.txt', 'report-2023'],
  ].map(([name, id]) => documentFromText(readFileSync(join(EXAMPLES, name!), 'utf8'), { id, path: `examples/nmg/${name}` }));

  it('reports each doubled yearbook body once and nothing within the other seeds', () => {
    const within = check(seeds).filter((f) => f.locations[0]!.path === f.locations[1]!.path);
    expect(within.map((f) => [f.locations[0]!.path, f.message])).toEqual([
      ['examples/nmg/yearbook-2023-government.txt', expect.stringMatching(/^lines 17–31 repeat lines 2–16 \(100% similar/)],
      ['examples/nmg/yearbook-2023-party.txt', expect.stringMatching(/^lines 12–21 repeat lines 2–11 \(100% similar/)],
    ]);
    expect(within.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('finds the Inner Mongolia 2025 report given as .txt and as .docx among all 43 real documents', async () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(txt|docx)$/.test(name)) files.push(path);
      }
    };
    for (const dir of [NATIONAL, PROVINCES, EXAMPLES]) walk(dir);
    expect(files.length).toBe(43);
    const docs: Document[] = [];
    for (const file of files) docs.push(buildDocument(await decodeFile(file), { id: relative(ROOT, file) }));
    const findings = check(docs);
    const imar = findings.filter((f) => {
      const paths = f.locations.map((l) => l.path);
      return paths.some((p) => p.endsWith('imar_2025_gwr_inner_mongolia.txt')) && paths.some((p) => p.endsWith('gwr-2025-neimenggu.docx'));
    });
    expect(imar).toHaveLength(1);
    expect(imar[0]!.severity).toBe('info');
    expect(imar[0]!.message).toMatch(/\((9\d|100)% similar, [\d,]{6,} characters\)/);
    // Within-document findings: only the two doubled yearbooks (the seeds are there too).
    const within = findings.filter((f) => f.locations[0]!.path === f.locations[1]!.path);
    expect(within.map((f) => f.locations[0]!.path.replace(/.*\//, '')).sort()).toEqual(['yearbook-2023-government.txt', 'yearbook-2023-party.txt']);
  });
});
