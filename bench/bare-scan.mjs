#!/usr/bin/env node
/**
 * The floor any checker of these files stands on: read every .txt file under the given folders (one at a
 * time, as figcheck does) and count the digits in its text (Arabic and Chinese numerals). Prints the
 * file count, bytes and digits as JSON. Used by bench/bench.ts beside figcheck and AutoCorrect.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(path, out) {
  if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name), out);
  else if (path.endsWith('.txt')) out.push(path);
  return out;
}

const DIGIT = /[0-9０-９〇零一二三四五六七八九十百千万亿]/g;
let bytes = 0;
let digits = 0;
const files = process.argv.slice(2).flatMap((path) => walk(path, []));
for (const file of files) {
  const buffer = readFileSync(file);
  bytes += buffer.length;
  digits += buffer.toString('utf8').match(DIGIT)?.length ?? 0;
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, digits })}\n`);
