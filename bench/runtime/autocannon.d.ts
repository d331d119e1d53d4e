// autocannon ships no types and @types/autocannon is not installed: this declares the part bench/runtime/load.ts uses.
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      readonly url: string;
      readonly connections: number;
      /** Seconds. */
      readonly duration: number;
      readonly headers?: Readonly<Record<string, string>>;
      /** A run before the measured one, whose results are attached as `warmup` and not counted. */
      readonly warmup?: { readonly connections: number; readonly duration: number };
    }

    /** hdr-histogram-percentiles-obj: `total` is set on `requests`; latencies are in milliseconds. */
    interface Histogram {
      readonly average: number;
      readonly p50: number;
      readonly p99: number;
      readonly total: number;
    }

    interface Result {
      readonly requests: Histogram;
      readonly latency: Histogram;
      /** Seconds the measured run took. */
      readonly duration: number;
      readonly non2xx: number;
      /** Responses per status code, e.g. `{ "200": { "count": 500 } }`. */
      readonly statusCodeStats: Readonly<Record<string, { readonly count: number }>>;
      /** Connection errors, timeouts included. */
      readonly errors: number;
    }
  }

  /** Without a callback, the returned instance is also a promise of the results. */
  function autocannon(options: autocannon.Options): PromiseLike<autocannon.Result>;
  export = autocannon;
}
