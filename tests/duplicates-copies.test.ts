/**
 * Many copies of one block (issue 10): ten or more copies of a passage were taken for a set phrase
 * (`maxFanout`) and never reported. Every copy is now reported against the first; a short set
 * phrase in every document still is not a duplicated section.
 */
import { describe, expect, it } from 'vitest';
import { createCheckContext } from '../src/checks/context.js';
import { duplicatesCheck } from '../src/checks/duplicates.js';
import { documentFromText } from '../src/document.js';
import type { Document, Finding } from '../src/model.js';
import { coreRules } from '../src/rules/load.js';

const rules = coreRules();

function check(documents: Document[]): Finding[] {
  return duplicatesCheck.run(createCheckContext(documents, [], rules, 'en', new Map()), { type: 'duplicates' });
}

// A notice paragraph (about 260 characters compared, above minLength 200).
const NOTICE =
  '根据国家统计局统一部署,本地区开展了第五次全国经济普查,普查标准时点为2023年12月31日,普查时期资料为2023年年度资料。' +
  '本公报数据为初步汇总结果,部分数据因四舍五入的原因,存在总计与分项合计不等的情况。普查对象是在我国境内从事第二产业和第三产业活动的全部法人单位、' +
  '产业活动单位和个体经营户,主要内容包括普查对象的基本情况、组织结构、人员工资、生产能力、财务状况、生产经营、能源生产和消费、研发活动、信息化建设和电子商务交易情况等。';

/** A passage of its own for document i: 120 pseudo-random Han characters, shared with no other. */
function own(i: number): string {
  let seed = i * 7919 + 13;
  let text = '';
  for (let k = 0; k < 120; k++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    text += String.fromCharCode(0x4e00 + (seed % 0x5000));
    if (k % 30 === 29) text += '。';
  }
  return text;
}

describe('many copies of one block', () => {
  it('reports each of twelve copies across documents against the first', () => {
    const documents = Array.from({ length: 12 }, (_, i) =>
      documentFromText(`${own(i)}\n${NOTICE}\n${own(i + 20)}\n`, { id: `county-${i}`, path: `county-${i}.txt` }),
    );
    const findings = check(documents);
    expect(findings).toHaveLength(11);
    for (const finding of findings) {
      expect(finding.locations[1]!.path).toBe('county-0.txt');
      expect(finding.message).toMatch(/^line 2 repeats line 2 of county-0\.txt \(100% similar/);
    }
    expect(new Set(findings.map((f) => f.locations[0]!.path)).size).toBe(11);
  });

  it('reports ten copies of a paragraph within one document', () => {
    const lines = [own(0), ...Array.from({ length: 10 }, (_, i) => `${NOTICE}\n${own(i + 1)}`)];
    const findings = check([documentFromText(`${lines.join('\n')}\n`, { id: 'doubled', path: 'doubled.txt' })]);
    expect(findings).toHaveLength(9);
    expect(findings.every((f) => f.locations[1]!.line === 2)).toBe(true);
  });

  it('near miss: a short set phrase in every one of thirty documents is no duplicated section', () => {
    const formula = '坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神,完整、准确、全面贯彻新发展理念,';
    const documents = Array.from({ length: 30 }, (_, i) =>
      documentFromText(`${formula}${own(i)}\n${own(i + 40)}\n`, { id: `r${i}`, path: `r${i}.txt` }),
    );
    expect(check(documents)).toEqual([]);
  });
});
