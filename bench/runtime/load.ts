import autocannon from 'autocannon';

/** What one fixed-duration load run at one concurrency measured. */
export interface Load {
  readonly connections: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  /** The non-2xx responses by status code, to tell a throttle (429) from a failure. */
  readonly non2xxByStatus: Readonly<Record<string, number>>;
  /** Connection errors and timeouts. */
  readonly errors: number;
}

/** How long to load each server at each concurrency. */
export interface LoadSettings {
  readonly durationSeconds: number;
  /** Run first at the same concurrency and discarded: cold starts, JIT and worker spawning stay out of the numbers. */
  readonly warmUpSeconds: number;
}

/**
 * Loads `url` from this process with `connections` keep-alive connections. The bench process is the only client and
 * the server runs alone, so on two cores each has one.
 */
export async function measureLoad(
  url: string, headers: Readonly<Record<string, string>>, connections: number, settings: LoadSettings,
): Promise<Load> {
  const result = await autocannon({
    url,
    headers,
    connections,
    duration: settings.durationSeconds,
    warmup: { connections, duration: settings.warmUpSeconds },
  });
  return {
    connections,
    // Completed requests over the measured time, rather than the mean of per-second samples that a partial last second skews.
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    non2xxByStatus: non2xxByStatus(result),
    errors: result.errors,
  };
}

function non2xxByStatus(result: autocannon.Result): Record<string, number> {
  const counts = Object.entries(result.statusCodeStats).map(([status, { count }]): [string, number] => [status, count]);
  return Object.fromEntries(counts.filter(([status]) => !status.startsWith('2')));
}
