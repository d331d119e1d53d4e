/** Command-line options of the benchmark. */
export interface BenchOptions {
  /** Route counts to measure. */
  readonly sizes: number[];
  /** Timed synths per variant and size, and rounds of every server in the runtime suite; medians are reported. */
  readonly runs: number;
  /** What to measure: `rest` (SecureLambdaApi synthesis), `http` (SecureHttpApi synthesis), `runtime` (gatewaykit serve under load). */
  readonly suites: string[];
  /** Seconds of load per runtime row. */
  readonly durationSeconds: number;
  /** Seconds of discarded load before each runtime row. */
  readonly warmUpSeconds: number;
}

/** A wrong command line. */
export class UsageError extends Error {}

const SUITE_NAMES = ['rest', 'http', 'runtime'];
/**
 * The runtime's warm-up is 3 s: its worker pools grow and their JIT settles for several seconds (two 5 s runs of one
 * server back to back measured 5,500 then 7,500 req/s), and 1 s measured that growth rather than the steady cost.
 */
const DEFAULTS: BenchOptions = { sizes: [50, 240, 1000, 2000, 5000], runs: 3, suites: SUITE_NAMES, durationSeconds: 5, warmUpSeconds: 3 };
/** `--quick`: what a shared 2-core machine measures in a few minutes. */
const QUICK: Partial<BenchOptions> = { sizes: [50, 240, 1000, 2000], runs: 1, suites: ['rest', 'http'] };
const USAGE = 'usage: ts-node --transpile-only bench/run.ts [--quick] [--sizes 50,240,1000,2000,5000] [--runs 3] ' +
  `[--suites ${SUITE_NAMES.join(',')}] [--duration 5] [--warm-up 3]`;

/**
 * Reads `--quick` (sizes 50,240,1000,2000, one run, suites rest and http; flags after it override), `--sizes a,b,c`, `--runs n`, `--suites rest,http,runtime`, `--duration s` and `--warm-up s` (also as
 * `--sizes=a,b,c`); anything else is an error, not silently ignored.
 */
export function parseArgs(argv: string[]): BenchOptions {
  let sizes = DEFAULTS.sizes;
  let runs = DEFAULTS.runs;
  let suites = DEFAULTS.suites;
  let durationSeconds = DEFAULTS.durationSeconds;
  let warmUpSeconds = DEFAULTS.warmUpSeconds;
  const args = argv.flatMap((arg) => (arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg]));
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (flag === '--quick') {
      ({ sizes, runs, suites } = { sizes, runs, suites, ...QUICK });
    } else if (flag === '--sizes' && value !== undefined) {
      sizes = value.split(',').map((s) => positiveInteger('--sizes', s));
      i++;
    } else if (flag === '--runs' && value !== undefined) {
      runs = positiveInteger('--runs', value);
      i++;
    } else if (flag === '--suites' && value !== undefined) {
      suites = value.split(',').map((name) => suiteName(name));
      i++;
    } else if (flag === '--duration' && value !== undefined) {
      durationSeconds = positiveNumber('--duration', value);
      i++;
    } else if (flag === '--warm-up' && value !== undefined) {
      warmUpSeconds = positiveNumber('--warm-up', value);
      i++;
    } else {
      throw new UsageError(`unexpected argument '${flag}'\n${USAGE}`);
    }
  }
  // Sorted and unique: the slope between consecutive sizes is only meaningful in increasing order.
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), runs, suites, durationSeconds, warmUpSeconds };
}

function suiteName(text: string): string {
  const name = text.trim();
  if (!SUITE_NAMES.includes(name)) {
    throw new UsageError(`--suites expects ${SUITE_NAMES.join(', ')}, got '${text}'\n${USAGE}`);
  }
  return name;
}

function positiveInteger(flag: string, text: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`${flag} expects positive integers, got '${text}'\n${USAGE}`);
  }
  return value;
}

function positiveNumber(flag: string, text: string): number {
  const value = Number(text.trim());
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${flag} expects a positive number of seconds, got '${text}'\n${USAGE}`);
  }
  return value;
}
