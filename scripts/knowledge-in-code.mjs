#!/usr/bin/env node
/**
 * Knowledge written in code instead of rules/core/*.yaml (the architecture: code reads knowledge, never duplicates
 * it): lists the regular-expression literals, the RegExp constructions from literal sources, and the string arrays
 * and the tables (objects keyed by words) under src/ that hold Chinese characters, one a line, `file:line<TAB>kind<TAB>Han characters<TAB>text`. A list to
 * review, not a verdict: a particle (的) or a numeral class may be structure, a word list is knowledge.
 *
 *   node scripts/knowledge-in-code.mjs [src/meaning]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const han = /\p{Script=Han}/u;
const hanCount = (s) => [...s].filter((c) => han.test(c)).length;
const short = (s) => (s.length > 160 ? `${s.slice(0, 157)}...` : s);

function tsFiles(dir) {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const found = [];
for (const file of tsFiles(resolve(root, process.argv[2] ?? 'src'))) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const at = (node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const add = (node, kind, text, count) => found.push(`${at(node)}\t${kind}\t${count}\t${short(text.replace(/\s+/g, ' '))}`);
  const visit = (node) => {
    if (ts.isRegularExpressionLiteral(node) && han.test(node.text)) add(node, 'regex', node.text, hanCount(node.text));
    else if (ts.isArrayLiteralExpression(node)) {
      const words = node.elements.filter((e) => (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && han.test(e.text));
      // (an array of two or more such strings is a word list; its elements are not listed again)
      if (words.length >= 2) return add(node, 'array', node.getText(), words.length);
    } else if (ts.isObjectLiteralExpression(node)) {
      // (a table keyed by such words: `{ 〇: '0', 一: '1' }`; not a message's `{ en, zh }`)
      const entries = node.properties.filter((p) => p.name && han.test(p.name.getText()));
      if (entries.length >= 2) return add(node, 'object', node.getText(), entries.length);
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const first = node.arguments?.[0];
      if (first && (ts.isStringLiteral(first) || ts.isTemplateExpression(first) || ts.isNoSubstitutionTemplateLiteral(first)) && han.test(first.getText())) {
        add(node, 'new RegExp', node.getText(), hanCount(first.getText()));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
process.stdout.write(found.map((line) => `${line}\n`).join(''));
process.stderr.write(`${found.length} places in ${new Set(found.map((line) => line.split(':')[0])).size} files\n`);
