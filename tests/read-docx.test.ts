/**
 * Word input: one paragraph per line (so a location's line is the paragraph number), on generated
 * documents and on the 31 real provincial reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { decodeBuffer, decodeFile } from '../src/read/decode.js';
import { DOCX_LINE_BREAK } from '../src/read/docx.js';
import { makeDocx, makeDocxFromBody, paragraphXml } from './helpers/docx.js';
import { PROVINCES } from './helpers/paths.js';

const SEEDS_DIR = join(import.meta.dirname, '..', 'examples', 'nmg');

describe('seed documents saved as .docx', () => {
  for (const name of readdirSync(SEEDS_DIR).filter((file) => file.endsWith('.txt')).sort()) {
    it(`${name} reads back with the same paragraphs`, async () => {
      const lines = readFileSync(join(SEEDS_DIR, name), 'utf8').split('\n').filter((line) => line.trim() !== '');
      const decoded = await decodeBuffer(await makeDocx(lines), name.replace(/\.txt$/, '.docx'));
      expect(decoded.format).toBe('docx');
      expect(decoded.encoding).toBe('docx');
      expect(decoded.text).toBe(decoded.original);
      expect(decoded.original.split('\n')).toEqual(lines);
    });
  }
});

describe('paragraph structure', () => {
  it('keeps empty paragraphs as empty lines, so line numbers are paragraph numbers', async () => {
    const decoded = await decodeBuffer(await makeDocx(['标题', '', '第三段 增长4.2%']), 'a.docx');
    expect(decoded.original).toBe('标题\n\n第三段 增长4.2%');
  });

  it('a manual line break stays inside its paragraph but still separates the text', async () => {
    // As in gwr-2025-jiangxi.docx: "来源：江西省人民政府<w:br/>2025年1月17日在…".
    const decoded = await decodeBuffer(await makeDocx(['来源：江西省人民政府\n2025年1月17日在会议上', '各位代表：']), 'a.docx');
    expect(decoded.original.split('\n')).toEqual([`来源：江西省人民政府${DOCX_LINE_BREAK}2025年1月17日在会议上`, '各位代表：']);
  });

  it('keeps tabs, and joins runs split in the middle of a number', async () => {
    const body =
      '<w:p><w:r><w:t>指标</w:t></w:r><w:r><w:tab/><w:t>2022</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>引进到位资金34</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>09</w:t></w:r><w:r><w:t xml:space="preserve">亿元 </w:t></w:r></w:p>';
    const decoded = await decodeBuffer(await makeDocxFromBody(body), 'a.docx');
    expect(decoded.original).toBe('指标\t2022\n引进到位资金3409亿元 ');
  });

  it('puts every table cell paragraph and list item on its own line', async () => {
    const cell = (text: string) => `<w:tc>${paragraphXml(text)}</w:tc>`;
    const body =
      paragraphXml('主要指标') +
      `<w:tbl><w:tr>${cell('指标')}${cell('数值')}</w:tr><w:tr>${cell('地区生产总值')}<w:tc>${paragraphXml('23159')}${paragraphXml('亿元')}</w:tc></w:tr></w:tbl>` +
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>粮食产量768亿斤</w:t></w:r></w:p>' +
      paragraphXml('表后段落');
    const decoded = await decodeBuffer(await makeDocxFromBody(body), 'a.docx');
    expect(decoded.original.split('\n')).toEqual(['主要指标', '指标', '数值', '地区生产总值', '23159', '亿元', '粮食产量768亿斤', '表后段落']);
  });

  it('escapes XML in the helper: text with <, > and & reads back unchanged', async () => {
    const lines = ['A&B <增长> 5%', '"引号" \'单引号\''];
    expect((await decodeBuffer(await makeDocx(lines), 'a.docx')).original.split('\n')).toEqual(lines);
  });
});

describe('the 31 provincial 2025 government work reports (.docx)', () => {
  const files = readdirSync(PROVINCES).filter((file) => file.endsWith('.docx')).sort();

  it('are all there', () => {
    expect(files).toHaveLength(31);
  });

  for (const file of files) {
    it(`${file} decodes to many lines of Chinese text`, async () => {
      const decoded = await decodeFile(join(PROVINCES, file));
      const lines = decoded.original.split('\n').filter((line) => line.trim() !== '');
      expect(lines.length).toBeGreaterThan(40);
      const text = lines.join('');
      const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
      expect(han / text.length).toBeGreaterThan(0.7);
      expect(text.length).toBeGreaterThan(10_000);
      // Figures survive: a government work report states growth rates.
      expect(text).toMatch(/[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]/);
      expect(decoded.original).not.toContain('\ufffd');
      // No text lost against mammoth's own plain-text extraction (which ends each paragraph with "\n\n"
      // and drops manual line breaks).
      const raw = await mammoth.extractRawText({ path: join(PROVINCES, file) });
      expect(decoded.original.replaceAll(DOCX_LINE_BREAK, '')).toBe(raw.value.replace(/\n\n$/, '').split('\n\n').join('\n'));
    });
  }
});
