import { LIMIT, Measurement } from './measure';
import { Suite } from './variants';

/** Where a variant's linear resource model crosses the stack limit. */
export interface Threshold {
  readonly variant: string;
  /** Resources with no routes, counted in the construct tree (an API without methods cannot synthesize). */
  readonly zeroRoutes: number;
  /** The model fitted through the measured sizes: resources = intercept + slope * N. */
  readonly model: LinearModel;
  /** First N with intercept + slope * N > 500. */
  readonly firstOver: number;
  /** Tree counts at firstOver - 1 and firstOver, to confirm the computed N. */
  readonly check: [number, number];
}

export interface LinearModel {
  readonly intercept: number;
  readonly slope: number;
  /** Whether every point lies on the line. */
  readonly linear: boolean;
  /** The counts the line was fitted to. */
  readonly points: Point[];
}

/** Synth time at most this many times aws-cdk-lib's best option's, up to SYNTH_RATIO_UP_TO routes (issue 20). */
const SYNTH_RATIO_TARGET = 1.0;
const SYNTH_RATIO_UP_TO = 240;
const DASH = '—';

/** A resource count at a number of routes. */
export interface Point {
  readonly n: number;
  readonly resources: number;
}

/**
 * The line through the first and last of `points` (sorted by N, at least two). Callers leave N=0 out whenever they
 * can, because per-function resources (the construct's one permission) appear with the first route, not at N=0.
 */
export function fitLinearModel(points: Point[]): LinearModel {
  const first = points[0];
  const last = points[points.length - 1];
  const slope = (last.resources - first.resources) / (last.n - first.n);
  const intercept = first.resources - slope * first.n;
  const linear = points.every((m) => Math.abs(intercept + slope * m.n - m.resources) < 1e-9);
  return { intercept, slope, linear, points };
}

/** The first N for which intercept + slope * N exceeds the limit. */
export function firstNOverLimit(model: LinearModel): number {
  return model.slope > 0 ? Math.floor((LIMIT - model.intercept) / model.slope + 1e-9) + 1 : Infinity;
}

export function printReport(suite: Suite, rows: Measurement[], thresholds: Threshold[], runs: number, defaultContextNote: string | undefined): void {
  const constants = new Map(thresholds.map((t) => [t.variant, t.zeroRoutes]));
  const out: string[] = [];
  out.push(`## ${suite.secure.name} vs ${suite.plain.name}: synthesis of N routes to one Lambda function (median of ${runs} runs; aws-cdk-lib ${cdkVersion()}, node ${process.version})`, '');
  out.push(...table(suite, rows, constants, defaultContextNote !== undefined), '');
  out.push(...legend(suite, thresholds, defaultContextNote), '');
  out.push(...thresholdLines(thresholds), '');
  out.push(...targetLines(suite, rows, thresholds), '');
  console.log(out.join('\n'));
}

function table(suite: Suite, rows: Measurement[], constants: Map<string, number>, footnote: boolean): string[] {
  const header = ['variant', 'N', 'resources', 'per route', 'slope', 'stacks', 'per stack (largest)', 'permissions', 'template KB', 'build ms', 'synth ms',
    'ratio res', 'ratio perms', 'ratio KB', 'ratio ms', 'status'];
  const lines = [row(header), row(header.map((_, i) => (i < 1 || i === header.length - 1 ? '---' : '---:')))];
  for (const m of rows) {
    const own = rows.filter((r) => r.variant === m.variant);
    const index = own.indexOf(m);
    const constant = constants.get(m.variant)!;
    const prev = index > 0 ? own[index - 1] : { n: 0, resources: constant };
    const plain = m.variant === suite.secure.name ? rows.find((r) => r.variant === suite.plain.name && r.n === m.n) : undefined;
    lines.push(row([
      m.variant,
      String(m.n),
      String(m.resources),
      fixed((m.resources - constant) / m.n),
      fixed((m.resources - prev.resources) / (m.n - prev.n)),
      String(m.stacks),
      `${(m.resources / m.stacks).toFixed(0)} (${m.largestStack})`,
      String(m.permissions),
      m.bytes === undefined ? DASH : (m.bytes / 1024).toFixed(1),
      m.buildMs.toFixed(0),
      m.synthMs === undefined ? DASH : m.synthMs.toFixed(0),
      plain ? ratio(m.resources, plain.resources) : '',
      plain ? ratio(m.permissions, plain.permissions) : '',
      plain ? ratio(m.bytes, plain.bytes) : '',
      plain ? ratio(m.synthMs, plain.synthMs) : '',
      status(m, footnote),
    ]));
  }
  return lines;
}

function legend(suite: Suite, thresholds: Threshold[], defaultContextNote: string | undefined): string[] {
  const constants = thresholds.map((t) => `${t.variant} ${t.zeroRoutes}`).join(', ');
  const lines = [
    `- per route = (resources - constant) / N, with constant = resources at N=0 counted in the construct tree (${constants}); an API without methods cannot synthesize, so N=0 is counted, not synthesized. It includes per-function resources spread over N routes.`,
    '- slope = resources added per route between this N and the previous measured N (N=0 for the first row): the marginal cost of a route.',
    `- ratios are ${suite.secure.name} / ${suite.plain.name} at the same N; build ms (constructing the app) is not part of synth ms (\`app.synth()\` only).`,
    '- template KB = bytes of JSON.stringify(template) / 1024; resource and permission counts come from the construct tree and equal the template\'s whenever it synthesizes.',
    `- ${suite.plain.name} is measured with context '@aws-cdk/core:stackResourceLimit': 0 so that templates over ${LIMIT} resources can be written and timed.`,
  ];
  if (defaultContextNote) {
    lines.push(`- ¹ ${defaultContextNote}`);
  }
  return lines;
}

function thresholdLines(thresholds: Threshold[]): string[] {
  const lines = [
    `### First N over ${LIMIT} resources (constant + slope * N > ${LIMIT})`, '',
    'constant and slope: the line through the smallest and largest measured N (with one measured N, through the tree count at N=1 and that N).', '',
  ];
  for (const t of thresholds) {
    const { intercept, slope, linear } = t.model;
    const fit = linear ? 'every measured N on the line' : 'NOT linear: some measured N off the line';
    const extra = intercept - t.zeroRoutes;
    const perFunction = extra ? `; ${fixed(extra)} more than at N=0, created with the first route` : '';
    lines.push(`- ${t.variant}: ${fixed(intercept)} + ${fixed(slope)} * N (${fit}${perFunction}) -> first N over ${LIMIT}: ${t.firstOver}` +
      ` (tree count at N=${t.firstOver - 1}: ${t.check[0]}, at N=${t.firstOver}: ${t.check[1]})`);
  }
  return lines;
}

function targetLines(suite: Suite, rows: Measurement[], thresholds: Threshold[]): string[] {
  const secure = rows.filter((r) => r.variant === suite.secure.name);
  const secureModel = thresholds.find((t) => t.variant === suite.secure.name)!;
  return [
    '### Targets', '',
    resourcesTarget(suite, secure, secureModel),
    permissionsTarget(suite, secure),
    synthTimeTarget(suite, rows),
  ];
}

/**
 * Judged on the marginal cost of a route (slopes between measured N): the constant may hold per-function resources.
 * The nested stacks' own resources (one `AWS::CloudFormation::Stack` per nested stack, a stack per
 * `routesPerNestedStack` routes) are what lets an API pass 500 resources, so they are counted beside the routes'.
 */
function resourcesTarget(suite: Suite, secure: Measurement[], t: Threshold): string {
  const points = [...secure].sort((a, b) => a.n - b.n).map((m) => ({ n: m.n, routeResources: m.resources - (m.stacks - 1) }));
  const marginal = points.slice(1).map((p, i) => (p.routeResources - points[i].routeResources) / (p.n - points[i].n));
  const pass = marginal.every((s) => s <= suite.maxResourcesPerRoute + 1e-9);
  return `- ${verdict(pass)} at most ${suite.maxResourcesPerRoute} resource${suite.maxResourcesPerRoute > 1 ? 's' : ''} per route plus a constant, ` +
    `besides one nested-stack resource per nested stack: ${suite.secure.name} adds ${marginal.map(fixed).join(', ')} resources per route ` +
    `between N = ${points.map((p) => p.n).join(', ')}; all resources = ${fixed(t.model.intercept)} + ${fixed(t.model.slope)} * N`;
}

function permissionsTarget(suite: Suite, secure: Measurement[]): string {
  const counts = secure.map((m) => `N=${m.n}: ${m.permissions}`).join(', ');
  return `- ${verdict(secure.every((m) => m.permissions === 1))} exactly one permission per function (1 function), ${suite.secure.name}: ${counts}`;
}

function synthTimeTarget(suite: Suite, rows: Measurement[]): string {
  const plainAt = (n: number) => rows.find((r) => r.variant === suite.plain.name && r.n === n)!;
  const pairs = rows.filter((r) => r.variant === suite.secure.name).map((s) => ({ s, p: plainAt(s.n) }));
  const compared = pairs.filter(({ s, p }) => s.synthMs !== undefined && p.synthMs !== undefined);
  const skipped = pairs.filter((pair) => !compared.includes(pair)).map(({ s }) => s.n);
  const skippedNote = skipped.length ? `; not compared at N = ${skipped.join(', ')} (${suite.secure.name} fails at synth, resource limit)` : '';
  if (!compared.length) {
    return `- n/a synth time <= ${SYNTH_RATIO_TARGET}x ${suite.plain.name}: no N where both synthesize${skippedNote}`;
  }
  const detail = compared.map(({ s, p }) => `N=${s.n}: ${ratio(s.synthMs, p.synthMs)}x`).join(', ');
  const pass = compared.filter(({ s }) => s.n <= SYNTH_RATIO_UP_TO).every(({ s, p }) => s.synthMs! <= SYNTH_RATIO_TARGET * p.synthMs!);
  const withBuild = compared.map(({ s, p }) => `N=${s.n}: ${ratio(s.synthMs! + s.buildMs, p.synthMs! + p.buildMs)}x`).join(', ');
  return `- ${verdict(pass)} synth time <= ${SYNTH_RATIO_TARGET}x ${suite.plain.name} up to N=${SYNTH_RATIO_UP_TO}: ${detail}${skippedNote}\n` +
    `  (for information, build + synth: ${withBuild})`;
}

function status(m: Measurement, footnote: boolean): string {
  if (m.error !== undefined) {
    return `fails at synth (resource limit): ${m.resources} > ${LIMIT}`;
  }
  return m.largestStack > LIMIT ? `> ${LIMIT}: over the stack limit${footnote ? ' ¹' : ''}` : 'ok';
}

export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || b === 0) {
    return DASH;
  }
  const r = a / b;
  return r >= 0.1 ? r.toFixed(2) : r.toPrecision(2);
}

/** Two decimals, without trailing zeros, so that exact per-route counts read as integers. */
function fixed(value: number): string {
  return String(Number(value.toFixed(2)));
}

export function verdict(pass: boolean): string {
  return pass ? 'PASS' : 'FAIL';
}

export function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function cdkVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('aws-cdk-lib/package.json') as { version: string }).version;
}
