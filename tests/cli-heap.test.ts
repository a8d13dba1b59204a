/**
 * The heap's growth is held for large runs only (src/cli/heap.ts): a run of a few documents keeps V8's
 * default, whose rarer collections cost it less CPU; a run of HELD_FROM documents or more holds it, so that
 * 10,000 documents stay under 1 GB.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const flags: string[] = [];
vi.mock('node:v8', async (original) => ({ ...(await original<typeof import('node:v8')>()), setFlagsFromString: (flag: string) => flags.push(flag) }));

const { HEAP_GROWING_PERCENT, HELD_FROM, holdHeapGrowth } = await import('../src/cli/heap.js');

describe('holding the heap\'s growth', () => {
  beforeEach(() => {
    flags.length = 0;
  });

  it('leaves a small run to V8\'s default', () => {
    holdHeapGrowth(1);
    holdHeapGrowth(HELD_FROM - 1);
    expect(flags).toEqual([]);
  });

  it('holds a large run\'s growth', () => {
    holdHeapGrowth(HELD_FROM);
    expect(flags).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });
});
