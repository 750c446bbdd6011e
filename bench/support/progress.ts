/** Progress of a long step on stderr: count, rate and time left, at most every two seconds. */
export class Progress {
  private count = 0;
  private readonly t0 = performance.now();
  private last = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  add(n: number): void {
    this.count += n;
    const now = performance.now();
    if (now - this.last > 2000) {
      this.last = now;
      process.stderr.write(`  ${this.line(now)}\n`);
    }
  }

  done(): void {
    if (this.total > 0) process.stderr.write(`  ${this.line(performance.now())} done\n`);
  }

  private line(now: number): string {
    const seconds = (now - this.t0) / 1000;
    const rate = this.count / Math.max(seconds, 1e-3);
    const left = rate > 0 ? (this.total - this.count) / rate : 0;
    const pct = this.total > 0 ? ((100 * this.count) / this.total).toFixed(0) : '100';
    return `${this.label}: ${this.count}/${this.total} (${pct}%), ${rate.toFixed(0)}/s, ${seconds.toFixed(0)} s elapsed${this.count < this.total ? `, about ${left.toFixed(0)} s left` : ''}`;
  }
}

/** Runs work over items with at most `concurrency` in flight; the first failure stops it. */
export async function pool<T>(
  items: Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const it = items[Symbol.iterator]();
  let failed: unknown = null;
  const next = (): IteratorResult<T> => (failed ? { done: true, value: undefined } : it.next());
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let r = next(); !r.done; r = next()) {
        try {
          await work(r.value);
        } catch (error) {
          failed ??= error;
        }
      }
    }),
  );
  if (failed) throw failed;
}
