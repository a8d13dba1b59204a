/**
 * Tables as tables (src/tables/): cells of .docx and HTML tables are figures with the labels, units, periods
 * and changes of their headers, located on the cell; a table cell and a sentence stating the same fact
 * align as two sentences do; a table total that is not the sum of its parts is an arithmetic finding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/engine.js';
import { documentFromText } from '../src/document.js';
import type { Document, Figure, Finding } from '../src/model.js';
import { runDocumentTask } from '../src/parallel/document-task.js';
import { coreRules } from '../src/rules/load.js';
import { extractFigures } from './helpers/figures.js';

const rules = coreRules();
const DIR = join(import.meta.dirname, 'fixtures', 'tables');

async function read(name: string, bytes: Uint8Array | string, period?: string): Promise<{ document: Document; figures: Figure[] }> {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const outcome = await runDocumentTask({ file: name, shown: name, id: name.replace(/\.\w+$/, ''), period }, data, rules);
  if (outcome.kind !== 'document') throw new Error(`${name}: ${JSON.stringify(outcome)}`);
  return outcome;
}

function findings(...read: { document: Document; figures: Figure[] }[]): Finding[] {
  return runChecks(read.map((r) => r.document), read.flatMap((r) => r.figures), rules, { locale: 'en' }).findings;
}

const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>公报</title></head><body>${body}</body></html>`;

/** A communiqué-style table: a caption with the year and a unit note, merged headers, a change column. */
const COMMUNIQUE = page(`<p>表1 2024年全市主要经济指标</p><p>单位：亿元</p>
<table>
<tr><th rowspan="2">指标</th><th colspan="2">2024年</th></tr>
<tr><th>绝对数</th><th>比上年增长（%）</th></tr>
<tr><td>地区生产总值</td><td>3409.2</td><td>5.6</td></tr>
<tr><td>第一产业增加值</td><td>409.1</td><td>-1.2</td></tr>
</table>`);

describe('a table cell as a figure', () => {
  it('takes label, unit, period and change from the caption, the unit note and the merged headers', async () => {
    const { figures } = await read('communique.html', COMMUNIQUE);
    const shape = (raw: string) => {
      const f = figures.find((g) => g.raw === raw)!;
      return [f.label, f.unit, f.value, f.period, f.kind, f.change];
    };
    expect(shape('3409.2')).toEqual(['地区生产总值', '元', 340920000000, '2024', 'level', null]);
    expect(shape('5.6')).toEqual(['地区生产总值', '%', 5.6, '2024', 'change', 'increase']);
    expect(shape('-1.2')).toEqual(['第一产业增加值', '%', 1.2, '2024', 'change', 'decrease']);
    // the header's year and the caption are no figures of their own
    expect(figures.map((f) => f.raw)).toEqual(['3409.2', '5.6', '409.1', '-1.2']);
  });

  it('points each figure at its cell in the original markup', async () => {
    const { figures } = await read('communique.html', COMMUNIQUE);
    for (const figure of figures) {
      const line = COMMUNIQUE.split('\n')[figure.location.line - 1]!;
      expect(line.slice(figure.location.column - 1, figure.location.endColumn - 1)).toBe(figure.raw);
    }
  });

  it('gives a real table’s cells the metric a sentence about the same fact gets', async () => {
    const table = await read('communique.html', COMMUNIQUE, '2024');
    const sentence = extractFigures(documentFromText('2024年全市地区生产总值增长5.6%。', { id: 'report', period: '2024' }), rules);
    const cell = table.figures.find((f) => f.raw === '5.6')!;
    expect(cell.metric).toBeTruthy();
    expect(cell.metric).toBe(sentence[0]!.metric);
  });
});

describe('headers as statistical tables write them', () => {
  const cellOf = async (caption: string, header: string, value: string) => {
    const html = page(`<p>${caption}</p><table><tr><th>指标</th><th>${header}</th></tr><tr><td>社会消费品零售总额</td><td>${value}</td></tr></table>`);
    const { figures } = await read('h.html', html);
    expect(figures, header).toHaveLength(1);
    const [f] = figures;
    return [f!.label, f!.unit, f!.value, f!.period, f!.kind, f!.change];
  };

  it('reads units in parentheses, after a slash, alone, and in a unit note over the table', async () => {
    expect(await cellOf('表2 主要指标', '2024年（亿元）', '12039.5')).toEqual(['社会消费品零售总额', '元', 1203950000000, '2024', 'level', null]);
    expect(await cellOf('表2 主要指标', '零售额/万元', '35')).toEqual(['社会消费品零售总额零售额', '元', 350000, null, 'level', null]);
    expect(await cellOf('单位：万吨', '2023年', '1.5')).toEqual(['社会消费品零售总额', '吨', 15000, '2023', 'level', null]);
    expect(await cellOf('表2 主要指标', '占比%', '38.2')).toEqual(['社会消费品零售总额占比', '%', 38.2, null, 'share', null]);
  });

  it('reads a months header under a caption naming the year, and a change column', async () => {
    expect(await cellOf('表3 2024年主要指标', '1—11月同比增长（%）', '3.0')).toEqual(['社会消费品零售总额', '%', 3, '2024-01/2024-11', 'change', 'increase']);
    expect(await cellOf('表3 2024年主要指标', '比上年下降（%）', '-0.5')).toEqual(['社会消费品零售总额', '%', 0.5, '2024', 'change', 'increase']);
    expect(await cellOf('表3 2024年主要指标', '比上年增长(%)(括号内为实际增速)', '6.3')).toEqual(['社会消费品零售总额', '%', 6.3, '2024', 'change', 'increase']);
  });

  it('reads a lone month over a column as the month of its cells, and a caption ending in a figure as no unit note', async () => {
    expect(await cellOf('2024年5月份规模以上工业生产主要数据', '5月同比增长（%）', '5.6')).toEqual(['社会消费品零售总额', '%', 5.6, '2024-05', 'change', 'increase']);
    const html = page('<p>2024年5月份规模以上工业增加值增长5.6%</p><table><tr><th>指标</th><th>2023年</th></tr><tr><td>规模以上工业增加值</td><td>6.2</td></tr></table>');
    const { figures } = await read('headline.html', html);
    const cell = figures.find((f) => f.raw === '6.2')!;
    expect([cell.label, cell.unit, cell.value, cell.period]).toEqual(['规模以上工业增加值', null, 6.2, '2023']);
  });

  it('carries a section head row ((一)…) to the rows below it, up to the next head, and names its own figure without its number', async () => {
    const html = page(`<p>2023年居民收入和消费支出情况</p><table><tr><td>指标</td><td>绝对量(元)</td></tr>
      <tr><td>(一)城镇居民人均可支配收入</td><td>51821</td></tr><tr><td>按收入来源分:</td><td></td></tr><tr><td>工资性收入</td><td>31321</td></tr>
      <tr><td>(二)农村居民人均可支配收入</td><td>21691</td></tr><tr><td>工资性收入</td><td>9163</td></tr></table>`);
    const { figures } = await read('sections.html', html);
    expect(figures.map((f) => [f.label, f.value])).toEqual([
      ['城镇居民人均可支配收入', 51821],
      ['城镇居民人均可支配收入按收入来源分工资性收入', 31321],
      ['农村居民人均可支配收入', 21691],
      ['农村居民人均可支配收入工资性收入', 9163],
    ]);
  });

  it('reads a table whose cells are never closed (`<td>` without `</td>`), as browsers do', async () => {
    const html = page('<p>单位：亿元</p><table><tr><th>指标<th>2024年<tr><td>一般公共预算收入<td>3409</table>');
    const { figures } = await read('open.html', html);
    expect(figures.map((f) => [f.raw, f.label, f.value, f.period])).toEqual([['3409', '一般公共预算收入', 340900000000, '2024']]);
  });
});

describe('a table and a sentence stating the same fact', () => {
  const report = (text: string) => {
    const document = documentFromText(text, { id: 'report', path: 'report.txt', period: '2024' });
    return { document, figures: extractFigures(document, rules) };
  };

  it('agree: no finding when the sentence rounds the cell (3409.2亿元 as 3400多亿元, 5.6 as 5.6%)', async () => {
    const table = await read('communique.html', COMMUNIQUE, '2024');
    const text = report('2024年,全市地区生产总值3400多亿元,比上年增长5.6%。');
    const mismatches = findings(table, text).filter((f) => f.rule === 'figure-mismatch');
    expect(mismatches).toEqual([]);
  });

  it('disagree: a mismatch naming the cell when the sentence states another growth rate', async () => {
    const table = await read('communique.html', COMMUNIQUE, '2024');
    const text = report('2024年,全市地区生产总值3400多亿元,比上年增长5.8%。');
    const mismatches = findings(table, text).filter((f) => f.rule === 'figure-mismatch');
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]!.locations.map((l) => l.text).sort()).toEqual(['5.6', '5.8%']);
  });
});

describe('totals of a table', () => {
  it('finds nothing wrong in the real tables, whose totals add up within rounding', async () => {
    for (const file of ['urumqi-land-use.html', 'kezi-vegetation.html', 'pumqu-glaciers.html', 'yinchuan-wetlands.html', 'yanhe-rsei.html', 'xilin-landscape.html']) {
      const table = await read(file, readFileSync(join(DIR, file)));
      expect(table.document.tables?.[0]?.totalRows.length || table.document.tables?.[0]?.totalColumns.length, file).toBeTruthy();
      expect(findings(table).filter((f) => f.rule === 'arithmetic-mismatch'), file).toEqual([]);
    }
  });

  it('reports a wrong 总计 row (one land type’s area changed) and a wrong 总计 column', async () => {
    const urumqi = readFileSync(join(DIR, 'urumqi-land-use.html'), 'utf8');
    const wrongRow = await read('urumqi.html', urumqi.replace('<td>241.43</td>', '<td>341.43</td>'));
    const [finding, ...rest] = findings(wrongRow).filter((f) => f.rule === 'arithmetic-mismatch');
    expect(rest).toEqual([]);
    expect(finding!.locations.map((l) => l.text)).toEqual(['14198.16', '341.43', '5795.47', '7728.13', '433.13']);
    expect(finding!.message).toContain('but the total is 14198.16');

    const yinchuan = readFileSync(join(DIR, 'yinchuan-wetlands.html'), 'utf8');
    const wrongColumn = await read('yinchuan.html', yinchuan.replace('<td>264.86</td>', '<td>274.86</td>'));
    const column = findings(wrongColumn).filter((f) => f.rule === 'arithmetic-mismatch');
    expect(column).toHaveLength(1);
    expect(column[0]!.locations[0]!.text).toBe('274.86');
  });

  it('leaves a layout table (prose in its cells) to the prose reader', async () => {
    const prose = `全年地区生产总值增长5.6%,规模以上工业增加值增长7.1%,城镇新增就业12.3万人,${'各项社会事业全面发展,'.repeat(20)}民生持续改善。`;
    const layout = await read('layout.html', page(`<table><tr><td>首页</td><td>新闻</td></tr><tr><td>导航</td><td><p>${prose}</p></td></tr></table>`));
    const plain = await read('plain.html', page(`<p>${prose}</p>`));
    const shape = (f: Figure) => [f.raw, f.label, f.unit, f.value, f.kind];
    expect(layout.document.tables).toBeUndefined();
    expect(layout.figures.map(shape)).toEqual(plain.figures.map(shape));
    expect(layout.figures).toHaveLength(3);
  });

  it('reads 全国 over a selection of regions as a whole, not a sum: only parts above it are wrong', async () => {
    const regions = (beijing: string) =>
      page(`<p>表5 2024年主要城市地区生产总值</p><p>单位：亿元</p><table><tr><th>地区</th><th>地区生产总值</th></tr>
<tr><td>全国</td><td>1349084</td></tr><tr><td>北京</td><td>${beijing}</td></tr><tr><td>上海</td><td>53927</td></tr></table>`);
    const selection = await read('regions.html', regions('49843'));
    expect(selection.document.tables?.[0]?.scopeRows).toEqual([1]);
    expect(findings(selection).filter((f) => f.rule === 'arithmetic-mismatch')).toEqual([]);
    const above = findings(await read('regions.html', regions('1349843'))).filter((f) => f.rule === 'arithmetic-mismatch');
    expect(above).toHaveLength(1);
    expect(above[0]!.locations[0]!.text).toBe('1349084');
  });

  it('leaves a table with 其中 rows unsummed by rows', async () => {
    const html = page(`<p>单位：亿元</p><table><tr><th>指标</th><th>2024年</th></tr>
<tr><td>合计</td><td>100</td></tr><tr><td>第一产业</td><td>30</td></tr><tr><td>其中：农业</td><td>20</td></tr><tr><td>第二产业</td><td>40</td></tr></table>`);
    expect(findings(await read('subset.html', html)).filter((f) => f.rule === 'arithmetic-mismatch')).toEqual([]);
  });
});

/** A minimal .docx made with jszip: document.xml's body, plus optional parts (footnotes, header). */
async function docx(body: string, parts: Record<string, string> = {}): Promise<Uint8Array> {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"';
  const zip = new JSZip();
  const overrides = Object.keys(parts)
    .map((name) => {
      const type = name.startsWith('footnotes') ? 'footnotes' : name.startsWith('header') ? 'header' : 'footer';
      return `<Override PartName="/word/${name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`;
    })
    .join('');
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${overrides}</Types>`);
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const rels = Object.keys(parts)
    .map((name, i) => {
      const type = name.startsWith('footnotes') ? 'footnotes' : name.startsWith('header') ? 'header' : 'footer';
      return `<Relationship Id="rIdP${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${name}"/>`;
    })
    .join('');
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body>${body}</w:body></w:document>`);
  for (const [name, xml] of Object.entries(parts)) zip.file(`word/${name}`, xml.replace('<w:ROOT', `<w:ROOT ${ns}`).replace(/w:ROOT/g, name.startsWith('footnotes') ? 'w:footnotes' : name.startsWith('header') ? 'w:hdr' : 'w:ftr'));
  return zip.generateAsync({ type: 'uint8array' });
}

const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const r = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const cell = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(r(text))}</w:tc>`;

describe('everything in a .docx', () => {
  it('reads a w:tbl with merged cells (gridSpan, vMerge) as a table', async () => {
    const body =
      p(r('表1 2024年主要指标')) +
      '<w:tbl>' +
      `<w:tr>${cell('指标', '<w:vMerge w:val="restart"/>')}${cell('2024年', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${cell('', '<w:vMerge/>')}${cell('绝对数（万吨）')}${cell('比上年增长（%）')}</w:tr>` +
      `<w:tr>${cell('粮食产量')}${cell('1258.6')}${cell('2.1')}</w:tr>` +
      '</w:tbl>' +
      p(r('全年粮食产量1258.6万吨。'));
    const { document, figures } = await read('table.docx', await docx(body));
    expect(document.tables?.[0]).toMatchObject({ rows: 3, columns: 3 });
    const level = figures.find((f) => f.raw === '1258.6' && f.label === '粮食产量')!;
    expect([level.unit, level.value, level.period, level.location.line]).toEqual(['吨', 12586000, '2024', 7]);
    const change = figures.find((f) => f.raw === '2.1')!;
    expect([change.label, change.unit, change.kind, change.change]).toEqual(['粮食产量', '%', 'change', 'increase']);
    // the sentence after the table is read as before
    // (Word keeps no paragraph for the cell merged into the one above it)
    expect(figures.find((f) => f.raw === '1258.6万吨')?.location.line).toBe(9);
  });

  it('keeps a raised exponent and a footnote marker apart from the digits before them (10¹⁸次, 3.5%¹)', async () => {
    const sup = '<w:vertAlign w:val="superscript"/>';
    const body = p(r('运算速度达到每秒10'), r('18', sup), r('次。')) + p(r('增长3.5%'), r('1', sup), r('，居全国前列。')) + p(r('CO'), r('2', '<w:vertAlign w:val="subscript"/>'), r('排放下降2%。'));
    const { document, figures } = await read('sup.docx', await docx(body));
    expect(document.original.split('\n')).toEqual(['运算速度达到每秒10¹⁸次。', '增长3.5%¹，居全国前列。', 'CO₂排放下降2%。']);
    expect(figures.some((f) => f.raw.includes('1018') || f.value === 1018)).toBe(false);
    expect(figures.find((f) => f.raw.startsWith('3.5'))?.value).toBe(3.5);
  });

  it('reads footnotes, text boxes, and headers and footers (as boilerplate)', async () => {
    const footnotes = `<?xml version="1.0" encoding="UTF-8"?><w:ROOT><w:footnote w:type="separator" w:id="-1">${p('<w:r><w:separator/></w:r>')}</w:footnote><w:footnote w:id="1">${p(r('注：全年新增就业12.3万人。'))}</w:footnote></w:ROOT>`;
    const header = `<?xml version="1.0" encoding="UTF-8"?><w:ROOT>${p(r('某市人民政府工作报告'))}</w:ROOT>`;
    const footer = `<?xml version="1.0" encoding="UTF-8"?><w:ROOT>${p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', r('3'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>')}</w:ROOT>`;
    // Word writes a text box twice: as a DrawingML shape and, for older readers, as VML
    const box = `<w:txbxContent>${p(r('专栏：引进到位资金3409亿元。'))}</w:txbxContent>`;
    const textbox = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const body = p(r('城镇新增就业12.3万人'), '<w:r><w:footnoteReference w:id="1"/></w:r>', r('。')) + p(textbox);
    const bytes = await docx(body, { 'footnotes.xml': footnotes, 'header1.xml': header, 'footer1.xml': footer });
    const { document, figures } = await read('notes.docx', bytes);
    const lines = document.original.split('\n');
    expect(lines[0]).toBe('城镇新增就业12.3万人。');
    expect(lines).toContain('专栏：引进到位资金3409亿元。');
    expect(lines).toContain('注：全年新增就业12.3万人。');
    expect(lines).toContain('某市人民政府工作报告');
    // the footer's page number is layout, no line; the header is boilerplate, no figure is read in it
    expect(lines).not.toContain('3');
    const headerLine = lines.indexOf('某市人民政府工作报告') + 1;
    expect(document.boilerplate.map((b) => document.toOriginal(b.start).line)).toContain(headerLine);
    expect(figures.map((f) => f.raw)).toEqual(expect.arrayContaining(['12.3万人', '3409亿元']));
    expect(figures.filter((f) => f.raw === '12.3万人').map((f) => f.location.line)).toEqual([1, lines.indexOf('注：全年新增就业12.3万人。') + 1]);
  });
});
