import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs, UsageError } from './args';
import { constantResources, defaultContextError, LIMIT, Measurement, sample, Sample, summarize, treeResources } from './measure';
import { progress } from './progress';
import { firstNOverLimit, fitLinearModel, Point, printReport, Threshold } from './report';
import { checkCliCompiled, MissingCliError } from './runtime/servers';
import { runRuntimeSuite } from './runtime/suite';
import { Suite, SUITES, Variant } from './variants';

const WARM_UP_ROUTES = 50;

/**
 * Synthesizes N routes to one Lambda function with SecureLambdaApi and with the plain aws-cdk-lib L2s, and prints
 * resources, permissions, template size and synth time side by side; then (suite `runtime`) serves one handler with
 * `gatewaykit serve` and with a bare server under load. Progress goes to stderr, the report to stdout.
 * With NODE_OPTIONS=--expose-gc, garbage is collected before each timed step (see measure.ts).
 */
async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.suites.includes('runtime')) {
    // Before the synthesis suites, which take minutes: a missing build should not be found at their end.
    checkCliCompiled();
  }
  const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gatewaykit-bench-'));
  // finally does not run on Ctrl-C; leave no megabytes of templates behind in that case either.
  process.once('SIGINT', () => {
    fs.rmSync(outRoot, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    for (const suite of SUITES.filter((s) => options.suites.includes(s.name))) {
      const variants = [suite.secure, suite.plain];
      warmUp(variants, outRoot);
      const rows = measureAll(variants, options.sizes, options.runs, outRoot);
      const thresholds = variants.map((v) => threshold(v, rows.filter((r) => r.variant === v.name), outRoot));
      printReport(suite, rows, thresholds, options.runs, plainDefaultContextNote(suite, rows, outRoot));
    }
    if (options.suites.includes('runtime')) {
      await runRuntimeSuite(options, outRoot);
    }
  } finally {
    fs.rmSync(outRoot, { recursive: true, force: true });
  }
}

/** Loads and JIT-compiles aws-cdk-lib and the library once, so the first timed sample does not pay for it. */
function warmUp(variants: Variant[], outRoot: string): void {
  progress(`warm-up (${WARM_UP_ROUTES} routes per variant)`);
  variants.forEach((v) => sample(v, WARM_UP_ROUTES, outRoot));
}

function measureAll(variants: Variant[], sizes: number[], runs: number, outRoot: string): Measurement[] {
  const samples = new Map<string, Sample[]>();
  for (const n of sizes) {
    for (let run = 0; run < runs; run++) {
      // Alternate which variant goes first so that neither is always timed right after the other's garbage.
      const order = run % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) {
        progress(`${v.name} N=${n} run ${run + 1}/${runs}`);
        const key = `${v.name}/${n}`;
        samples.set(key, [...(samples.get(key) ?? []), sample(v, n, outRoot)]);
      }
    }
  }
  return sizes.flatMap((n) => variants.map((v) => summarize(v, n, samples.get(`${v.name}/${n}`)!)));
}

function threshold(variant: Variant, rows: Measurement[], outRoot: string): Threshold {
  const zeroRoutes = constantResources(variant, outRoot);
  const model = fitLinearModel(fitPoints(variant, rows, outRoot));
  const firstOver = firstNOverLimit(model);
  progress(`${variant.name}: checking the tree count around N=${firstOver}`);
  return {
    variant: variant.name,
    zeroRoutes,
    model,
    firstOver,
    check: [treeResources(variant, firstOver - 1, outRoot), treeResources(variant, firstOver, outRoot)],
  };
}

/** The measured sizes; with only one, N=1 (or 2) from the tree as well, since N=0 lacks per-function resources. */
function fitPoints(variant: Variant, rows: Measurement[], outRoot: string): Point[] {
  if (rows.length > 1) {
    return rows;
  }
  const n = rows[0].n > 1 ? 1 : 2;
  const anchor = { n, resources: treeResources(variant, n, outRoot) };
  return [anchor, rows[0]].sort((a, b) => a.n - b.n);
}

/** Synthesizes the smallest plain L2 over the limit with default context, to report what an ordinary app sees. */
function plainDefaultContextNote(suite: Suite, rows: Measurement[], outRoot: string): string | undefined {
  const plain = suite.plain;
  const over = rows.find((r) => r.variant === plain.name && r.resources > LIMIT);
  if (!over) {
    return undefined;
  }
  progress(`${plain.name} N=${over.n} with default context`);
  const error = defaultContextError(plain, over.n, outRoot);
  return error === undefined
    ? `with default context, ${plain.name} at N=${over.n} (${over.resources} resources) synthesizes too: it fails only at deploy.`
    : `with default context, ${plain.name} at N=${over.n} already fails at synth in aws-cdk-lib itself: "${error.split(':').slice(0, 2).join(':')}: ..."` +
      ' (CloudFormation would reject it at deploy anyway).';
}

main().catch((err: unknown) => {
  // A wrong flag or a missing build deserves its message, not a stack trace; anything else keeps its stack.
  const expected = err instanceof UsageError || err instanceof MissingCliError;
  process.stderr.write(`${expected ? err.message : (err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
