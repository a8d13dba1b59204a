/**
 * Two look-ups of subject.ts readSubject, which reads the label of every figure and each candidate of
 * list-subjects.ts listedAfter (~24,000 texts on the 43 documents of the bench), made cheap; speed only, the
 * answers are those of the plain loops they replace:
 *
 * - longestNameStart: the longest name ending a text, by walking the text backwards through a trie of the
 *   names written backwards (one small-integer look-up per character), where trying each suffix
 *   (`names.get(text.slice(i))`) sliced and hashed a new string per length tried. One node per distinct
 *   name suffix (~5,000 for the ~1,200 names of the core lexicon), built once per map of names.
 * - holdsAnyWord: whether a text holds any of a list of words, one compiled pattern for the list (most
 *   texts hold none, and then nothing is replaced), where `includes` was asked word by word.
 */
import { alternation } from '../extract/knowledge.js';

/** A node: the node of each character before it, and whether the characters walked so far are a whole name. */
interface Node {
  next: Map<number, Node>;
  name: boolean;
}

const tries = new WeakMap<ReadonlyMap<string, unknown>, Node>();

function trieOf(names: ReadonlyMap<string, unknown>): Node {
  let root = tries.get(names);
  if (root) return root;
  root = { next: new Map(), name: false };
  for (const name of names.keys()) {
    let node = root;
    for (let i = name.length - 1; i >= 0; i--) {
      const code = name.charCodeAt(i);
      let next = node.next.get(code);
      if (!next) node.next.set(code, (next = { next: new Map(), name: false }));
      node = next;
    }
    node.name = true;
  }
  tries.set(names, root);
  return root;
}

/**
 * Where the longest key of `names` ending `text` starts (the least `i < text.length` with
 * `names.has(text.slice(i))`), or -1 when no key ends it. The empty key is never found.
 */
export function longestNameStart(text: string, names: ReadonlyMap<string, unknown>): number {
  let node: Node | undefined = trieOf(names);
  let start = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    node = node.next.get(text.charCodeAt(i));
    if (!node) break;
    if (node.name) start = i;
  }
  return start;
}

const patterns = new WeakMap<readonly (readonly [string, unknown])[], RegExp>();

/** Whether `text` includes any of the words (the first of each pair), as `pairs.some(([w]) => text.includes(w))`. */
export function holdsAnyWord(text: string, pairs: readonly (readonly [string, unknown])[]): boolean {
  let pattern = patterns.get(pairs);
  if (!pattern) patterns.set(pairs, (pattern = anyWordPattern(pairs.map(([w]) => w))));
  return pattern.test(text);
}

/** A pattern (not global) matching where a text includes any of the words, as `words.some((w) => text.includes(w))`; never for none. */
export function anyWordPattern(words: readonly string[]): RegExp {
  return new RegExp(alternation(words), 'u');
}
