import { formatBench, runBenchmark } from './bench.js';

// A smoke measurement under Jest (which runs TypeScript through a VM and is
// several times slower than plain Node). The real figure comes from the
// compiled build: `node dist/articles/pipeline/bench.js 3000`.
describe('extraction throughput', () => {
  it('extracts generated 3-5 KB articles', () => {
    const r = runBenchmark(Number(process.env.BENCH_ARTICLES ?? 150));
    console.log(formatBench(r));
    expect(r.stancesPerArticle).toBeGreaterThan(1);
    expect(r.perSecond).toBeGreaterThan(10);
  });
});
