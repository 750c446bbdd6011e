import { formatBench, runBenchmark } from './extraction.js';

// A smoke run of the throughput script's generator and loop, not a timing:
// timings belong to `node dist-tools/bench/extraction.js 3000` and
// `npm run bench`, where the figures are reported side by side.
describe('extraction throughput script', () => {
  it('extracts stances from generated 3-5 KB articles', () => {
    const r = runBenchmark(Number(process.env.BENCH_ARTICLES ?? 30));
    console.log(formatBench(r));
    expect(r.stancesPerArticle).toBeGreaterThan(1);
  });
});
