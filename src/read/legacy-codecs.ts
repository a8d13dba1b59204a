/**
 * iconv-lite and chardet, loaded on first use. Most documents are UTF-8 and never need them, and loading
 * both costs ~10 ms of every start-up; both are CommonJS packages, so a synchronous require serves the
 * synchronous decoders that call them.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let iconvModule: typeof import('iconv-lite') | undefined;
let chardetModule: typeof import('chardet') | undefined;

export function iconv(): typeof import('iconv-lite') {
  return (iconvModule ??= require('iconv-lite') as typeof import('iconv-lite'));
}

export function chardet(): typeof import('chardet') {
  return (chardetModule ??= require('chardet') as typeof import('chardet'));
}
