import autocannon from 'autocannon';

export interface LoadResult {
  /** Milliseconds, from every response's own timing (autocannon's histogram keeps whole milliseconds only). */
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  /** Non-2xx answers and answers carrying GraphQL errors: a run with any is void. */
  failures: number;
  seconds: number;
  /** Every latency, sorted (to pool rounds). */
  latencies: number[];
}

/** Pools several runs of the same measurement: percentiles over all their latencies, rate over all their time. */
export function pooled(runs: LoadResult[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  return summarise(
    latencies,
    seconds,
    runs.reduce((s, r) => s + r.failures, 0),
  );
}

function summarise(latencies: number[], seconds: number, failures: number): LoadResult {
  const q = (p: number) =>
    latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN;
  return {
    p50: round(q(0.5)),
    p99: round(q(0.99)),
    rps: round(latencies.length / seconds, 1),
    requests: latencies.length,
    failures,
    seconds,
    latencies,
  };
}

export interface Target {
  url: string;
  headers?: Record<string, string>;
  /** Request bodies, rotated. */
  bodies: string[];
}

/**
 * Load with autocannon: `clients` connections, each sending its next request
 * when the last one answered, for `seconds`. Latencies are recorded from the
 * 'response' event (fractional milliseconds), so percentiles of
 * few-millisecond requests are not rounded to whole ones.
 */
export async function load(target: Target, clients: number, seconds: number): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  let failures = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        connections: clients,
        duration: seconds,
        headers: { 'content-type': 'application/json', ...target.headers },
        requests: [
          {
            setupRequest: (req) => ({ ...req, body: target.bodies[next++ % target.bodies.length] }),
            onResponse: (status, body) => {
              if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[')) failures += 1;
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return summarise(latencies, result.duration || seconds, failures + result.errors + result.timeouts + result.non2xx);
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
