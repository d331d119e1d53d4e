import * as fs from 'fs';
import * as path from 'path';
import { Variant, buildApp, countTree } from './variants';

/** The resource limit of a CloudFormation stack. */
export const LIMIT = 500;

/** One timed build and synth. */
export interface Sample {
  readonly resources: number;
  readonly stacks: number;
  readonly largestStack: number;
  readonly permissions: number;
  /** Milliseconds to construct the app (not part of the synth timing). */
  readonly buildMs: number;
  /** Undefined when synth failed on the resource limit. */
  readonly synth?: { readonly ms: number; readonly bytes: number };
  /** The resource-limit error synth failed with. */
  readonly error?: string;
}

/** The median sample of several runs of one variant and size. */
export interface Measurement {
  readonly variant: string;
  readonly n: number;
  readonly resources: number;
  readonly stacks: number;
  readonly largestStack: number;
  readonly permissions: number;
  readonly buildMs: number;
  readonly synthMs?: number;
  readonly bytes?: number;
  /** The resource-limit error synth failed with; undefined when it synthesized. */
  readonly error?: string;
}

/** Builds and synthesizes `n` routes once, in a fresh App with its own outdir. */
export function sample(variant: Variant, n: number, outRoot: string): Sample {
  const outdir = fs.mkdtempSync(path.join(outRoot, 'app-'));
  try {
    collectGarbage();
    const buildStart = process.hrtime.bigint();
    const { app, stack } = buildApp(variant, n, outdir);
    const buildMs = elapsedMs(buildStart);
    const { ownResources, ...tree } = countTree(stack);

    collectGarbage();
    const start = process.hrtime.bigint();
    let assembly;
    try {
      assembly = app.synth();
    } catch (err) {
      if (err instanceof Error && err.message.includes('[StackResourceLimit]')) {
        return { ...tree, buildMs, error: err.message };
      }
      throw err;
    }
    const ms = elapsedMs(start);
    const template = assembly.getStackArtifact(stack.artifactId).template;
    checkTreeMatchesTemplate(variant.name, n, ownResources, template);
    return { ...tree, buildMs, synth: { ms, bytes: Buffer.byteLength(JSON.stringify(template)) } };
  } finally {
    // Templates of 1000 routes are megabytes; do not let them pile up over the run.
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Runs `runs` samples and keeps the median times; resource counts do not vary between runs. */
export function summarize(variant: Variant, n: number, samples: Sample[]): Measurement {
  const first = samples[0];
  const synthed = samples.flatMap((s) => (s.synth ? [s.synth] : []));
  return {
    variant: variant.name,
    n,
    resources: first.resources,
    stacks: first.stacks,
    largestStack: first.largestStack,
    permissions: first.permissions,
    buildMs: median(samples.map((s) => s.buildMs)),
    synthMs: synthed.length ? median(synthed.map((s) => s.ms)) : undefined,
    bytes: synthed.length ? synthed[0].bytes : undefined,
    error: samples.find((s) => s.error)?.error,
  };
}

/** Resource count with no routes, from the tree: an API without methods cannot synthesize (RestApi validation). */
export function constantResources(variant: Variant, outRoot: string): number {
  return withOutdir(outRoot, (outdir) => countTree(buildApp(variant, 0, outdir).stack).resources);
}

/** Resource count at `n` routes from the tree only (no synth), to check a computed threshold cheaply. */
export function treeResources(variant: Variant, n: number, outRoot: string): number {
  return withOutdir(outRoot, (outdir) => countTree(buildApp(variant, n, outdir).stack).resources);
}

/**
 * Whether aws-cdk-lib's own check rejects the template with its default context, and with what message.
 * Verifies, rather than asserts, how the plain L2 behaves above 500 resources in an app with default settings.
 */
export function defaultContextError(variant: Variant, n: number, outRoot: string): string | undefined {
  return withOutdir(outRoot, (outdir) => {
    try {
      buildApp(variant, n, outdir, {}).app.synth();
      return undefined;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function withOutdir<T>(outRoot: string, fn: (outdir: string) => T): T {
  const outdir = fs.mkdtempSync(path.join(outRoot, 'app-'));
  try {
    return fn(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function checkTreeMatchesTemplate(variant: string, n: number, treeCount: number, template: { Resources?: object }): void {
  const templateCount = Object.keys(template.Resources ?? {}).length;
  // The failing case is counted from the tree, so the two counts must agree for the columns to be comparable.
  if (templateCount !== treeCount) {
    throw new Error(`${variant} N=${n}: construct tree has ${treeCount} resources but the template ${templateCount}`);
  }
}

/** Keeps garbage from one sample out of the next one's timing when node runs with --expose-gc. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
