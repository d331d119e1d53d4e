/** Command-line options of the benchmark. */
export interface BenchOptions {
  /** Route counts to measure. */
  readonly sizes: number[];
  /** Timed synths per variant and size; the median is reported. */
  readonly runs: number;
}

/** A wrong command line. */
export class UsageError extends Error {}

const DEFAULTS: BenchOptions = { sizes: [50, 200, 400, 1000], runs: 3 };
const USAGE = 'usage: ts-node --transpile-only bench/run.ts [--sizes 50,200,400,1000] [--runs 3]';

/** Reads `--sizes a,b,c` and `--runs n` (also as `--sizes=a,b,c`); anything else is an error, not silently ignored. */
export function parseArgs(argv: string[]): BenchOptions {
  let sizes = DEFAULTS.sizes;
  let runs = DEFAULTS.runs;
  const args = argv.flatMap((arg) => (arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg]));
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (flag === '--sizes' && value !== undefined) {
      sizes = value.split(',').map((s) => positiveInteger('--sizes', s));
      i++;
    } else if (flag === '--runs' && value !== undefined) {
      runs = positiveInteger('--runs', value);
      i++;
    } else {
      throw new UsageError(`unexpected argument '${flag}'\n${USAGE}`);
    }
  }
  // Sorted and unique: the slope between consecutive sizes is only meaningful in increasing order.
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), runs };
}

function positiveInteger(flag: string, text: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`${flag} expects positive integers, got '${text}'\n${USAGE}`);
  }
  return value;
}
