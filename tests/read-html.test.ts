/**
 * HTML input: what a reader sees becomes the text, and every text offset maps back into the markup exactly,
 * because findings point at the markup's lines and columns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { DecodedText } from '../src/model.js';
import { decodeBuffer } from '../src/read/decode.js';
import { htmlToText } from '../src/read/html.js';

const SEEDS_DIR = join(import.meta.dirname, '..', 'examples', 'nmg');
const seed = (name: string): string => readFileSync(join(SEEDS_DIR, name), 'utf8');

const decodeHtml = (markup: string | Buffer): Promise<DecodedText> =>
  decodeBuffer(typeof markup === 'string' ? Buffer.from(markup, 'utf8') : markup, 'page.html');

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The text offset of a needle, and the markup it maps to. */
function mapped(decoded: DecodedText, needle: string): string {
  const at = decoded.text.indexOf(needle);
  expect(at, `"${needle}" in text`).toBeGreaterThanOrEqual(0);
  const from = decoded.textOffsets![at]!;
  return decoded.original.slice(from, from + needle.length);
}

describe('visible text', () => {
  const page = `<!DOCTYPE html>
<html><head>
<meta charset="utf-8"><title>2022年政府工作报告</title>
<style>p { color: red } .x:before { content: "隐藏样式1" }</style>
<script>var total = "全区生产总值增长99%"; document.write("<p>脚本</p>");</script>
<link rel="stylesheet" href="a.css">
</head>
<body>
<noscript>请启用脚本</noscript>
<template><p>模板3409亿元</p></template>
<div class="crumb">首页 &gt; 新闻</div>
<h1>一、2021年工作回顾</h1>
<p>全区生产总值
   增长<b>6.3</b>%，引进到位资金<span>3409</span>亿元。</p>
<ul><li>粮食产量768亿斤</li><li>发电量6465亿度</li></ul>
<table><tr><th>指标</th><th>2022</th></tr><tr><td>GDP</td> <td>23159亿元</td></tr></table>
<p>第一行<br>第二行<br><br><br><br>第三段</p>
<pre>  表 1
  合计  100</pre>
<!-- 注释：增长50% -->
</body></html>`;

  it('drops scripts, styles, noscript, templates, comments and head metadata', async () => {
    const decoded = await decodeHtml(page);
    for (const hidden of ['隐藏样式1', '99%', '脚本', '请启用脚本', '模板', '注释', 'stylesheet', 'utf-8']) {
      expect(decoded.text).not.toContain(hidden);
    }
    expect(decoded.original).toBe(page);
    expect(decoded.format).toBe('html');
    expect(decoded.encoding).toBe('UTF-8');
  });

  it('makes block elements lines, collapses whitespace, keeps table rows on one line with tab-separated cells', async () => {
    const lines = (await decodeHtml(page)).text.split('\n');
    expect(lines).toEqual([
      '2022年政府工作报告',
      '首页 > 新闻',
      '一、2021年工作回顾',
      '全区生产总值 增长6.3%，引进到位资金3409亿元。',
      '粮食产量768亿斤',
      '发电量6465亿度',
      '指标\t2022',
      'GDP\t23159亿元',
      '第一行',
      '第二行',
      '',
      '第三段',
      '  表 1',
      '  合计  100',
    ]);
  });

  it('never glues the numbers of two cells or two blocks together', async () => {
    const decoded = await decodeHtml('<table><tr><td>12</td><td>34</td></tr></table><div>56</div><div>78</div>');
    expect(decoded.text).toBe('12\t34\n56\n78');
  });

  it('a head without a closing tag does not hide the body', async () => {
    const decoded = await decodeHtml('<html><head><title>标题</title><p>正文增长4.2%</p></html>');
    expect(decoded.text).toBe('标题\n正文增长4.2%');
  });

  it('decodes entities, named and numeric, and maps each to its "&"', async () => {
    const markup = '<p>A&amp;B 增长&lt;5&gt;%&nbsp;&#x4E07;&#19975;元 &copy; &#x1F600;尾</p>';
    const decoded = await decodeHtml(markup);
    expect(decoded.text).toBe('A&B 增长<5>%\u00a0万万元 © 😀尾');
    for (let i = 0; i < decoded.text.length; i++) {
      const from = decoded.textOffsets![i]!;
      if (decoded.original[from] !== decoded.text[i]) expect(decoded.original[from], `text[${i}]`).toBe('&');
    }
    expect(mapped(decoded, '<5>')).toBe('&lt');
    expect(mapped(decoded, '万万元')).toBe('&#x');
  });

  it('locates text in the markup: figures in the text map to the same characters in the markup', async () => {
    const decoded = await decodeHtml(page);
    for (const figure of ['6.3', '3409', '768亿斤', '6465亿度', '23159亿元', '第三段', '合计  100']) {
      expect(mapped(decoded, figure)).toBe(figure);
    }
    // The offset map is complete and ends just past the last text.
    expect(decoded.textOffsets).toHaveLength(decoded.text.length + 1);
    expect(decoded.original.slice(decoded.textOffsets![decoded.text.length]!)).toMatch(/^<\/pre>/);
  });

  it('a seed document wrapped in HTML paragraphs reads back line by line', async () => {
    const text = seed('work-report-2022.txt');
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const markup = `<html><head><title>报告</title></head><body>\n${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}\n</body></html>`;
    const decoded = await decodeHtml(markup);
    expect(decoded.text.split('\n')).toEqual(['报告', ...lines.map((line) => line.replace(/[ \t]+/g, ' ').trim())]);
    expectPlainCharactersMapExactly(decoded);
  });
});

/** For every text character that came from a text node, the markup holds that character at its offset. */
function expectPlainCharactersMapExactly(decoded: DecodedText): void {
  const { text, original, textOffsets } = decoded;
  let checked = 0;
  for (let i = 0; i < text.length; i++) {
    const from = textOffsets![i]!;
    if (i > 0) expect(from).toBeGreaterThanOrEqual(textOffsets![i - 1]!);
    if (text[i] === '\n' || text[i] === ' ' || text[i] === '\t') continue; // breaks map to a tag, spaces to a whitespace run
    if (original[from] === '&') continue; // a decoded entity
    expect(original[from], `text[${i}] = ${JSON.stringify(text[i])}`).toBe(text[i]);
    checked++;
  }
  expect(checked).toBeGreaterThan(0);
}

describe('offset map, on any markup', () => {
  const textChunk = fc.constantFrom('全区', '增长4.2%', '3409亿元', ' ', '\n  ', '\t', 'GDP', '，', '一、', '(一)', '&amp;', '&lt;', '&#x4E07;', '&nbsp;', '&#128512;', 'a < b', '5 & 6', '&amp', '&unknown;', '&#0;', '\u3000', '(dāng)');
  const tag = fc.constantFrom('<p>', '</p>', '<div class="x">', '</div>', '<br>', '<br/>', '<b>', '</b>', '<span>', '</span>', '<td>', '<tr>', '</tr>', '<li>', '<pre>', '</pre>', '<!-- c -->', '<script>x<1</script>', '<style>p{}</style>', '<h2>', '</h2>', '<img src="a.png" alt="图">', '<?xml x?>', '<!DOCTYPE html>', '<a title="1>2">', '</a>', '<textarea>', '</textarea>', '<title>', '</title>', '</>', '<![CDATA[x]]>');
  const markup = fc.array(fc.oneof(textChunk, tag), { maxLength: 40 }).map((parts) => parts.join(''));

  it('maps every text-node character to itself in the markup, offsets never decrease', () => {
    fc.assert(
      fc.property(markup, (source) => {
        const { text, textOffsets } = htmlToText(source);
        expect(textOffsets).toHaveLength(text.length + 1);
        for (let i = 0; i < text.length; i++) {
          const from = textOffsets[i]!;
          expect(from).toBeGreaterThanOrEqual(i > 0 ? textOffsets[i - 1]! : 0);
          expect(textOffsets[i + 1]!).toBeGreaterThanOrEqual(from);
          const c = text[i]!;
          if (c === '\n' || c === ' ' || c === '\t') continue;
          if (source[from] === '&') continue;
          expect(source[from]).toBe(c);
        }
        expect(textOffsets[text.length]!).toBeLessThanOrEqual(source.length);
        // Never more than one blank line, except as written inside <pre>.
        if (!/<pre>|<textarea>/.test(source)) expect(text).not.toMatch(/\n\n\n/);
      }),
      { numRuns: 400 },
    );
  });
});

describe('declared charsets', () => {
  const body = seed('yearbook-2023-government.txt').split('\n').slice(0, 6);
  const page = (meta: string, lines: string[]) =>
    `<html><head>${meta}<title>年鉴</title></head><body>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</body></html>`;

  it('honours <meta http-equiv> charset=gb2312 (decoded as GB18030)', async () => {
    const markup = page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', body);
    const decoded = await decodeHtml(iconv.encode(markup, 'gbk'));
    expect(decoded.encoding).toBe('GB18030');
    expect(decoded.original).toBe(markup);
    expect(decoded.text.split('\n')).toEqual(['年鉴', ...body.map((line) => line.trim())]);
  });

  it('honours <meta charset> where detection alone would misread the page', async () => {
    // Short Traditional phrases shaped like GB2312 bytes: without a declaration they read as GB18030.
    const text = seed('rectification-2021.txt');
    const phrases = [...text.matchAll(/[\u4e00-\u9fff]{4}/g)].map((m) => m[0]).slice(0, 400);
    const misread = phrases.filter((phrase) => {
      const bytes = iconv.encode(`<p>${phrase}</p>`, 'big5');
      return iconv.decode(bytes, 'big5') === `<p>${phrase}</p>` && iconv.decode(bytes, 'gb18030') !== `<p>${phrase}</p>`;
    });
    let demonstrated = 0;
    for (const phrase of misread) {
      const undeclared = await decodeHtml(iconv.encode(`<p>${phrase}</p>`, 'big5'));
      if (undeclared.text === phrase) continue;
      demonstrated++;
      const declared = await decodeHtml(iconv.encode(`<meta charset="big5"><p>${phrase}</p>`, 'big5'));
      expect(declared.encoding).toBe('Big5');
      expect(declared.text).toBe(phrase);
    }
    expect(demonstrated).toBeGreaterThan(0);
  });

  it('an ASCII page declaring gb2312 reports the declared encoding', async () => {
    const decoded = await decodeHtml('<meta charset="GB2312"><p>&#20840;&#21306; 4.2%</p>');
    expect(decoded.encoding).toBe('GB18030');
    expect(decoded.text).toBe('全区 4.2%');
  });

  it('a page re-saved as UTF-8 that kept its old gb2312 meta is read as UTF-8', async () => {
    const markup = page('<meta charset="gb2312">', body);
    const decoded = await decodeHtml(Buffer.from(markup, 'utf8'));
    expect(decoded.encoding).toBe('UTF-8');
    expect(decoded.text).toContain(body[1]!.trim().slice(0, 20));
  });

  it('a page declaring UTF-8 that is really GBK is detected, not read as garbage', async () => {
    const markup = page('<meta charset="utf-8">', body);
    const decoded = await decodeHtml(iconv.encode(markup, 'gbk'));
    expect(decoded.encoding).toBe('GB18030');
    expect(decoded.original).toBe(markup);
  });

  it('a GBK page wrongly declaring iso-8859-1 (a common template default) is read as Chinese', async () => {
    const markup = page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', body);
    const decoded = await decodeHtml(iconv.encode(markup, 'gbk'));
    expect(decoded.encoding).toBe('GB18030');
    expect(decoded.original).toBe(markup);
  });

  it('a Western page declaring iso-8859-1 is read as declared', async () => {
    const markup = '<meta charset="iso-8859-1"><p>Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9: 4.2% growth.</p>';
    const decoded = await decodeHtml(iconv.encode(markup, 'latin1'));
    expect(decoded.encoding).toBe('iso-8859-1');
    expect(decoded.text).toBe('Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9: 4.2% growth.');
  });

  it('a UTF-16 page with a BOM ignores its meta', async () => {
    const markup = page('<meta charset="gb2312">', body);
    const decoded = await decodeHtml(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(markup, 'utf-16le')]));
    expect(decoded.encoding).toBe('UTF-16LE');
    expect(decoded.original).toBe(markup);
  });
});
