/**
 * Cache writes in flight (deflate, write, rename): they run beside the reading, the reader waits when too
 * many are pending (a slow disk holds the run back rather than letting encoded documents pile up in
 * memory), and all are settled before a run ends.
 */
export class PendingWrites {
  private readonly writes = new Set<Promise<void>>();

  /** A write started: kept until it settles. */
  add(write: Promise<void>): void {
    const settled = write.finally(() => this.writes.delete(settled));
    this.writes.add(settled);
  }

  get size(): number {
    return this.writes.size;
  }

  /** Until one of the pending writes settles. */
  race(): Promise<void> {
    return Promise.race(this.writes);
  }

  /** Until every write started so far has settled (failed ones included). */
  settle(): Promise<PromiseSettledResult<void>[]> {
    return Promise.allSettled([...this.writes]);
  }
}
