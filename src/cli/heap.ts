/**
 * `check` holds every document and its figures until the checks end (they are compared across documents):
 * ~45 KB of heap a document, 410 MB for the 10,000 documents of the bench. V8's default lets the old
 * generation grow to up to four times what survived the last collection before it collects again, and on a
 * busy machine, where its concurrent marking runs late, that slack is what took such a run past 1 GB
 * (1.14–1.18 GB peak RSS at a load of 8 on 2 cores; 0.93–0.94 GB with growth held to 1.2 times). Holding
 * the growth costs no measurable CPU there: a heap that grows this steadily is collected about as often.
 * A small run is another matter: its heap stays far from any limit, and collecting it five times as often
 * cost the 43 real documents of the bench ~7% of their CPU (2.37 → 2.21 s without it); so the growth is held
 * only for a run of HELD_FROM documents or more (~45 MB of heap kept). A V8 flag read at every collection, so
 * setting it when the run knows its documents, before the first is read, takes effect.
 */
import { setFlagsFromString } from 'node:v8';

/** Percent by which the old generation may grow past what the last collection kept alive. */
export const HEAP_GROWING_PERCENT = 20;

/** Runs of this many documents or more hold the heap's growth. */
export const HELD_FROM = 1000;

/** Holds the heap's growth for a run of `documents` documents, when it is a large one. */
export function holdHeapGrowth(documents: number): void {
  if (documents >= HELD_FROM) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
