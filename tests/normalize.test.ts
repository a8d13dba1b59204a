import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { InputError, type DecodedText } from '../src/model.js';
import { detectScript, normalize } from '../src/normalize/index.js';
import { coreRuleFiles, coreRules, loadRuleFile, mergeRuleFiles, parseRuleFile } from '../src/rules/load.js';

const SEEDS = join(import.meta.dirname, '..', 'examples', 'nmg');
const SEED_NAMES = [
  'yearbook-2023-government.txt',
  'yearbook-2023-party.txt',
  'work-report-2022.txt',
  'rectification-2021.txt',
  'work-report-2023.txt',
];
const seed = (name: string): string => readFileSync(join(SEEDS, name), 'utf8');
const txt = (text: string): DecodedText => ({ path: 't.txt', format: 'txt', encoding: 'UTF-8', original: text, text });
const norm = (text: string) => normalize(txt(text), coreRules());

/** Full-width digits fold to ASCII; everything else compares as is. */
const fold = (c: string): string => {
  const code = c.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xfee0) : c;
};

describe('normalize on the seed documents', () => {
  for (const name of SEED_NAMES) {
    it(`${name}: every digit maps back to the same digit in the original`, () => {
      const doc = documentFromText(seed(name), { path: name });
      let digits = 0;
      for (let i = 0; i < doc.normalized.length; i++) {
        const ch = doc.normalized[i]!;
        if (ch < '0' || ch > '9') continue;
        digits++;
        const at = doc.originalOffset(i);
        expect(fold(doc.original[at]!), `normalized offset ${i}`).toBe(ch);
        // The location of a one-digit span shows that digit.
        expect(fold(doc.locate(i, i + 1).text!)).toBe(ch);
      }
      expect(digits).toBeGreaterThan(150);
    });
  }

  it('reads the Traditional seeds as Simplified', () => {
    const rectification = documentFromText(seed('rectification-2021.txt'));
    const report = documentFromText(seed('work-report-2023.txt'));
    expect(rectification.script).toBe('traditional');
    expect(report.script).toBe('traditional');
    for (const phrase of ['内蒙古', '亿元', '万吨', '关于', '发展', '今后', '公里', '个', '产业']) {
      expect(rectification.normalized + report.normalized).toContain(phrase);
    }
    expect(rectification.normalized).toContain('全面加强和改进民族工作');
    expect(rectification.normalized).toContain('关于加强和改进民族工作');
    expect(report.normalized).toContain('当前位置: 首页 > 光伏 > 国内新闻');
    expect(report.normalized).toContain('政府工作报告');
    // Traditional-only characters are gone (mojibake lines aside, none survive).
    for (const c of ['內', '億', '萬', '噸', '個', '產', '關', '發', '後', '裏', '們', '國']) {
      expect(report.normalized.includes(c), c).toBe(false);
      expect(rectification.normalized.includes(c), c).toBe(false);
    }
  });

  it('leaves the Simplified seeds character for character (apart from widths)', () => {
    for (const name of ['yearbook-2023-government.txt', 'yearbook-2023-party.txt']) {
      const text = seed(name);
      const doc = documentFromText(text);
      expect(doc.script).toBe('simplified');
      expect(doc.normalized).toBe(text.replace(/\r\n?/g, '\n'));
    }
  });

  it('folds the full-width ％ and （） of work-report-2022', () => {
    const text = seed('work-report-2022.txt');
    expect(text).toContain('％');
    const doc = documentFromText(text);
    expect(doc.normalized).not.toMatch(/[％（）０-９，：；]/);
    expect(doc.normalized.split('%').length).toBe(text.split('％').length + text.split('%').length - 1);
    // Chinese punctuation without an ASCII twin stays.
    expect(doc.normalized).toContain('。');
    expect(doc.normalized).toContain('、');
  });

  it('removes the pinyin annotations of work-report-2023', () => {
    const text = seed('work-report-2023.txt');
    const doc = documentFromText(text);
    // Counted independently of the rule pattern: a parenthesised run of lowercase (toned) latin.
    const annotation = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/g;
    const before = text.match(annotation)!.length;
    const after = doc.normalized.match(annotation)?.length ?? 0;
    expect(before).toBe(3405);
    // 3,398 follow a CJK character and go; 7 follow mojibake latin letters (`W(xué)`) and stay.
    expect(before - after).toBe(3398);
    expect(doc.normalized).not.toContain('(dāng)');
    expect(doc.normalized).not.toContain('(gè)');
    // Between a number and its measure word: 54 `<digit>個(gè)` become `<digit>个`.
    const numberMeasure = text.match(/[0-9０-９]個[(（]gè[)）]/g)!.length;
    expect(numberMeasure).toBe(54);
    expect(doc.normalized.match(/[0-9]个/g)!.length).toBeGreaterThanOrEqual(54);
    expect(text).toContain('57個(gè)');
    expect(doc.normalized).toContain('57个');
    // Mojibake is left for the damage check.
    expect(doc.normalized).toContain('?yōu');
  });

  it('finds the web chrome lines of the news-site and web seeds, and none in the yearbooks', () => {
    const report = documentFromText(seed('work-report-2023.txt'));
    const lines = report.boilerplate.map((b) => [b.pattern, report.normalized.slice(b.start, b.end)]);
    expect(lines).toEqual([
      ['breadcrumb', '当前位置: 首页 > 光伏 > 国内新闻'],
      ['source-header', '中国电力网发布时间:2023-01-18 11:29:31'],
      // The comment box and related-links block after the article.
      ['comments', '评论'],
      ['comments', '用户名:   匿名发表  '],
      ['comments', '密码:  '],
      ['comments', '验证码:'],
      ['comments', '最新评论0'],
      ['comments', '相关阅读'],
      ['comments', '无相关信息'],
    ]);
    const rectification = documentFromText(seed('rectification-2021.txt'));
    expect(rectification.boilerplate).toHaveLength(1);
    const chrome = rectification.boilerplate[0]!;
    expect(rectification.normalized.slice(chrome.start, chrome.end)).toMatch(/^Copyright .*版权所有 冀ICP备16014214号-2$/);
    // The line stays in the text and its location is the last line of the original.
    expect(rectification.locate(chrome.start, chrome.end).line).toBe(seed('rectification-2021.txt').trimEnd().split('\n').length);
    for (const name of ['yearbook-2023-government.txt', 'yearbook-2023-party.txt', 'work-report-2022.txt']) {
      expect(documentFromText(seed(name)).boilerplate, name).toEqual([]);
    }
  });
});

describe('normalize: variants of the same seed give the same text', () => {
  it('CRLF line ends', () => {
    for (const name of SEED_NAMES) {
      const text = seed(name);
      expect(norm(text.replace(/\n/g, '\r\n')).normalized, name).toBe(norm(text).normalized);
    }
  });

  it('Simplified seeds converted to Traditional by OpenCC normalize back to the same text', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    for (const name of ['yearbook-2023-government.txt', 'yearbook-2023-party.txt']) {
      const text = seed(name);
      const traditional = toTraditional(text);
      expect(traditional).not.toBe(text);
      const n = norm(traditional);
      expect(n.script).toBe('traditional');
      expect(n.normalized, name).toBe(norm(text).normalized);
    }
    // Documented difference: OpenCC's phrase table writes 想象 as 想像, which one character at a
    // time stays 想像 (像 is also Simplified). That is the only difference in work-report-2022.
    const report = seed('work-report-2022.txt');
    const a = norm(report).normalized;
    const b = norm(toTraditional(report)).normalized;
    expect(b.length).toBe(a.length);
    const differences = [...a].flatMap((c, i) => (c === b[i] ? [] : [a.slice(i - 1, i + 1) + '/' + b.slice(i - 1, i + 1)]));
    expect(differences).toEqual(['想象/想像']);
  });

  it('Traditional seeds converted to Simplified by OpenCC differ only where OpenCC keeps 著', () => {
    const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    for (const name of ['rectification-2021.txt', 'work-report-2023.txt']) {
      const text = seed(name);
      const a = norm(text).normalized;
      const b = norm(toSimplified(text)).normalized;
      expect(b.length).toBe(a.length);
      // OpenCC's phrase table keeps 著力/软著陆/执著 (Taiwan usage); figcheck reads 著 as 着
      // (mainland government prose: 着力, 着眼, 随着), keeping 显著/著名 (rules/core/normalize.yaml).
      for (let i = 0; i < a.length; i++) {
        if (a[i] !== b[i]) expect(`${a[i]}/${b[i]}`).toBe('着/著');
      }
    }
  });

  it('inserted pinyin, zero-width characters and odd spaces leave the text unchanged', () => {
    const text = seed('yearbook-2023-party.txt');
    const annotated = text.replace(/([内个发产])/g, '$1(nèi)').replace(/ /g, '\u3000').replace(/。/g, '。\u200b');
    expect(norm(annotated).normalized).toBe(norm(text).normalized);
  });
});

describe('normalize: characters', () => {
  it('folds full-width ASCII, odd spaces and line breaks; removes zero-width characters', () => {
    const n = norm('增长（６．５％），目标：１００\u3000亿元；Ａｂ\u00a0c\u200b\u2060\ufeffd\r\ne\rf\u2028g');
    expect(n.normalized).toBe('增长(6.5%),目标:100 亿元;Ab cd\ne\nf\ng');
    expect(n.offsets.length).toBe(n.normalized.length + 1);
  });

  it('joins letter-spaced figures, and only those', () => {
    const spaced = '１ ９ ９ ７ 年国内生产总值达到7 4 7 7 2 亿元，增长8 ．8 ％，粮食1 0 0 0 万吨以上';
    const n = norm(spaced);
    expect(n.normalized).toBe('1997年国内生产总值达到74772亿元,增长8.8%,粮食1000万吨以上');
    // Every kept unit still maps back to its own character of the original.
    const at = n.normalized.indexOf('8.8%');
    expect(spaced.slice(n.offsets[at]!, n.offsets[at + 4]!)).toBe('8 ．8 ％');
    // Spaces between whole numbers, before Latin text and after a CJK character stay.
    expect(norm('2020 2021 2022年, 5 km, 增长 5%, 第3 名').normalized).toBe('2020 2021 2022年, 5 km, 增长 5%, 第3名');
    // Zero-width characters are not there: inside a whole number they do not make it a lone digit.
    expect(norm('时间:2023-01-1\u200b8 11:00').normalized).toBe('时间:2023-01-18 11:00');
    expect(norm('1\u200b 9 9 7 年').normalized).toBe('1997年');
    // The end of a decimal, and a lone digit before a whole number, are not letter-spaced figures.
    expect(norm('3409.2 5.6 12.0').normalized).toBe('3409.2 5.6 12.0');
    expect(norm('表1 2024年主要指标').normalized).toBe('表1 2024年主要指标');
    expect(norm('率为1 0 ．0 6 ‰').normalized).toBe('率为10.06‰');
    // A space between thousands, as scientific tables write them.
    expect(norm('面积3 278.85平方公里').normalized).toBe('面积3278.85平方公里');
  });

  it('joins a number to its unit across one space, as PDF text layers set them', () => {
    const spaced = '全年新增就业 6.48 万人，收入完成 171.59 亿元，占 72.8 %，2025 年末';
    const n = norm(spaced);
    expect(n.normalized).toBe('全年新增就业 6.48万人,收入完成 171.59亿元,占 72.8%,2025年末');
    // The figure still maps back to what the original wrote, space included.
    const at = n.normalized.indexOf('6.48万人');
    expect(spaced.slice(n.offsets[at]!, n.offsets[at + '6.48万人'.length]!)).toBe('6.48 万人');
    // A digit or a point after the space, Latin units, two spaces and tabs between table cells stay.
    expect(norm('2020 2021, 3409.2 5.6, 5 km, 6  万人, 609.1\t100.0').normalized).toBe('2020 2021, 3409.2 5.6, 5 km, 6  万人, 609.1\t100.0');
  });

  it('keeps Chinese punctuation that has no ASCII twin', () => {
    expect(norm('“两率先”、【民生】——《纲要》。').normalized).toBe('“两率先”、【民生】——《纲要》。');
  });

  it('removes only plausible pinyin after a CJK character', () => {
    expect(norm('當(dāng)前57個(gè)內（nèi）').normalized).toBe('当前57个内');
    expect(norm('提升(tí shēng)质量').normalized).toBe('提升质量');
    // Not pinyin: no tone mark, capitals, a number, after a non-CJK character, three syllables.
    expect(norm('方案(a)和(an)及(GDP)与(2022)').normalized).toBe('方案(a)和(an)及(GDP)与(2022)');
    expect(norm('x(dāng) 1(gè)').normalized).toBe('x(dāng) 1(gè)');
    expect(norm('词(yī èr sān)').normalized).toBe('词(yī èr sān)');
    expect(norm('绿(lǜ)').normalized).toBe('绿');
  });

  it('converts Traditional lines and leaves 乾坤 and 著 in Simplified text alone', () => {
    expect(norm('乾坤显著著名').normalized).toBe('乾坤显著著名');
    expect(norm('國家著力推進,成效顯著,著名').normalized).toBe('国家着力推进,成效显著,著名');
    expect(norm('裡程碑;臺灣;什么').normalized).toBe('里程碑;台湾;什么');
  });

  it('keeps a phrase\'s 著 across what normalizing removes inside it (a pinyin note, a zero-width character)', () => {
    // found by the offset-map property test: `顯(xiǎn)著` read as 显着 while `顯著` read as 显著
    expect(norm('成效顯(xiǎn)著,國家著力').normalized).toBe('成效显著,国家着力');
    expect(norm('成效顯（xiǎn）\u200b著。').normalized).toBe('成效显著。');
    expect(norm('成效顯(xiǎn) 著力').normalized).toBe('成效显 着力');
  });

  it('detects the script', () => {
    expect(detectScript('Annual report 2022')).toBe('none');
    expect(detectScript('经济增长6%')).toBe('simplified');
    expect(detectScript('經濟增長6%')).toBe('traditional');
    expect(detectScript('经济增长,經濟增長')).toBe('mixed');
    expect(detectScript('今天天气好')).toBe('simplified'); // no distinguishing character
  });

  it('composes the map with the read stage offsets (HTML text content)', () => {
    const original = '<p>增長<b>６</b>％</p>';
    const text = '增長６％';
    const textOffsets = Int32Array.from([3, 4, 8, 13, 14]);
    const n = normalize({ path: 'a.html', format: 'html', encoding: 'UTF-8', original, text, textOffsets }, coreRules());
    expect(n.normalized).toBe('增长6%');
    expect([...n.offsets]).toEqual([3, 4, 8, 13, 14]);
    expect(original[n.offsets[2]!]).toBe('６');
  });

  it('rejects a read-stage map of the wrong length with an InputError naming the file', () => {
    expect(() =>
      normalize({ path: 'bad.html', format: 'html', encoding: 'UTF-8', original: '<p>a</p>', text: 'a', textOffsets: Int32Array.from([3]) }, coreRules()),
    ).toThrow(/bad\.html/);
  });
});

describe('normalize: rule files', () => {
  it('rejects an unknown normalization key with the file and line', () => {
    expect(() => parseRuleFile('mine.yaml', 'version: 1\nnormalization:\n  pinyinSyllables: "[a-z]+"\n')).toThrow(
      /mine\.yaml:3:\d+: unknown key "pinyinSyllables"/,
    );
  });

  it('reports a broken pattern in a rule file with its file and line', () => {
    expect(() => parseRuleFile('bad.yaml', 'version: 1\nnormalization:\n  pinyinSyllable: "[a-z"\n')).toThrow(InputError);
    expect(() => parseRuleFile('bad.yaml', 'version: 1\nnormalization:\n  pinyinSyllable: "[a-z"\n')).toThrow(
      /bad\.yaml:3:\d+: normalization\.pinyinSyllable: must match format "regex"/,
    );
  });

  it('takes boilerplate patterns and pinyin settings from a user rule file', () => {
    const user = parseRuleFile(
      'site.yaml',
      'version: 1\nboilerplate:\n  - id: site-footer\n    pattern: "^主办单位:"\nnormalization:\n  pinyinMaxSyllables: 1\n',
    );
    const rules = mergeRuleFiles([...coreRuleFiles().map((file) => loadRuleFile(file)), user]);
    const n = normalize(txt('增长5%\n主办单位:某某网\n提升(tí shēng)和当(dāng)'), rules);
    expect(n.boilerplate).toEqual([{ start: 5, end: 13, pattern: 'site-footer' }]);
    // One syllable at most now: the two-syllable annotation stays.
    expect(n.normalized.split('\n')[2]).toBe('提升(tí shēng)和当');
  });
});
