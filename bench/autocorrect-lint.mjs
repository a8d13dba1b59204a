#!/usr/bin/env node
/**
 * AutoCorrect's lint (autocorrect-node, the Rust linter for CJK text) over every .txt file under the given
 * folders, one file at a time on one thread: the yardstick `figcheck check` is compared with in
 * bench/bench.ts. Prints the file count and the lines it flags as JSON.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lintFor } from 'autocorrect-node';

function walk(path, out) {
  if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name), out);
  else if (path.endsWith('.txt')) out.push(path);
  return out;
}

let flagged = 0;
const files = process.argv.slice(2).flatMap((path) => walk(path, []));
for (const file of files) flagged += lintFor(readFileSync(file, 'utf8'), file).lines.length;
process.stdout.write(`${JSON.stringify({ files: files.length, flagged })}\n`);
