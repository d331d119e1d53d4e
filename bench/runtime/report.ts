import * as os from 'os';
import { ApiType } from './apps';
import { Load } from './load';
import type { RuntimeSettings } from './suite';
import { median } from '../measure';
import { ratio, row, verdict } from '../report';

/** One server variant at one concurrency, in one round. */
export interface RuntimeRow {
  readonly variant: string;
  /** Undefined for the bare `node:http` baseline. */
  readonly apiType?: ApiType;
  readonly authorizer: boolean;
  readonly load: Load;
  readonly peakRssMiB: number;
  readonly startupMs: number;
}

/** One variant at one concurrency over every round. */
interface Summary {
  readonly variant: string;
  readonly apiType?: ApiType;
  readonly authorizer: boolean;
  readonly connections: number;
  /** The rounds' rows, in round order. */
  readonly rounds: readonly RuntimeRow[];
}

const BARE_RATIO_TARGET = 0.25;
const CACHED_AUTHORIZER_RATIO_TARGET = 0.8;
const PEAK_RSS_TARGET_MIB = 300;
const PEAK_RSS_CONNECTIONS = 50;
const STARTUP_TARGET_MS = 1500;
const API_TYPES: ApiType[] = ['REST', 'HTTP'];

/** `rounds[r]` holds round r's rows; every round measured every variant at every concurrency. */
export function printRuntimeReport(rounds: RuntimeRow[][], settings: RuntimeSettings): void {
  const summaries = summarize(rounds);
  const out = [
    `## gatewaykit serve vs a bare node:http server: one hello-world Lambda handler (autocannon, ${settings.durationSeconds} s per row after a ` +
      `${settings.warmUpSeconds} s warm-up, ${settings.runs} rounds; node ${process.version}, ${os.cpus().length} cores)`, '',
    ...table(summaries), '',
    ...legend(settings.runs), '',
    '### Targets', '',
    ...API_TYPES.map((apiType) => bareRatioTarget(summaries, apiType)),
    ...API_TYPES.map((apiType) => authorizerRatioTarget(summaries, apiType)),
    peakRssTarget(summaries),
    startupTarget(summaries),
    errorsTarget(summaries),
    '',
  ];
  console.log(out.join('\n'));
}

function summarize(rounds: RuntimeRow[][]): Summary[] {
  const byKey = new Map<string, RuntimeRow[]>();
  for (const r of rounds.flat()) {
    const key = `${r.variant}/${r.load.connections}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  // In the first round's order, which starts with the baseline.
  return rounds[0].map((first) => ({
    variant: first.variant,
    apiType: first.apiType,
    authorizer: first.authorizer,
    connections: first.load.connections,
    rounds: byKey.get(`${first.variant}/${first.load.connections}`)!,
  }));
}

function table(summaries: Summary[]): string[] {
  const header = ['variant', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'peak RSS MiB', 'startup ms', 'ratio req/s', 'ratio range', 'status'];
  const lines = [row(header), row(header.map((_, i) => (i < 1 || i === header.length - 1 ? '---' : '---:')))];
  for (const s of summaries) {
    const ratios = ratiosPerRound(s, bareAt(summaries, s.connections));
    lines.push(row([
      s.variant,
      String(s.connections),
      medianOf(s, (r) => r.load.requestsPerSecond).toFixed(0),
      String(medianOf(s, (r) => r.load.p50Ms)),
      String(medianOf(s, (r) => r.load.p99Ms)),
      String(sumOf(s, (r) => r.load.non2xx)),
      maxOf(s, (r) => r.peakRssMiB).toFixed(0),
      maxOf(s, (r) => r.startupMs).toFixed(0),
      ratio(median(ratios), 1),
      `${ratio(Math.min(...ratios), 1)}–${ratio(Math.max(...ratios), 1)}`,
      failed(s) ? `FLAGGED: ${flaggedDetail(s)}` : 'ok',
    ]));
  }
  return lines;
}

function legend(runs: number): string[] {
  return [
    `- req/s, p50 and p99 = the median over the ${runs} rounds; ratio req/s = the median over the rounds of req/s / the bare node:http ` +
      'server\'s req/s at the same number of connections in the same round, and ratio range its lowest and highest round; ' +
      'req/s = completed requests / measured seconds; latencies have autocannon\'s 1 ms resolution.',
    '- every round measures every server, in the opposite order to the round before, one server at a time.',
    '- every request sends the same `Authorization` header; with an authorizer (results cached 300 s), only the first request of the server misses the cache.',
    '- peak RSS = VmHWM of the server process, worker threads running the handlers included, since it started: the 50-connection row covers ' +
      'its whole life; the highest of the rounds.',
    '- startup = from spawning the process to the first 200 response (polled every few ms), once per server and round, the highest of the rounds: ' +
      'for gatewaykit, `serve --app <cdk.out>` loading the assembly, listening, and cold-starting the handler (and authorizer) for that response. ' +
      'The local issuer\'s key exists already (made by an untimed first start), as on every run but a project\'s first.',
    '- serverless-offline reaches about 0.02 to 0.1 of the bare server on these machines (from the issue; not measured here).',
    '- gatewaykit runs with `--account-throttle 1000000000:1000000000`: API Gateway\'s account limit (10,000 requests per second by default) ' +
      'would answer most of this load 429, and the bench measures the runtime\'s own cost.',
  ];
}

/** Which statuses came back, and how often over the rounds, in place of the 2xx every request should get. */
function flaggedDetail(s: Summary): string {
  const counts = new Map<string, number>();
  for (const r of s.rounds) {
    for (const [status, count] of Object.entries(r.load.non2xxByStatus)) {
      counts.set(status, (counts.get(status) ?? 0) + count);
    }
  }
  const errors = sumOf(s, (r) => r.load.errors);
  return [...[...counts].map(([status, count]) => `${count} x ${status}`), ...(errors ? [`${errors} connection errors`] : [])].join(', ');
}

function bareRatioTarget(summaries: Summary[], apiType: ApiType): string {
  const plain = summaries.filter((s) => s.apiType === apiType && !s.authorizer);
  return ratioTarget(`without an authorizer, ${apiType} at least ${BARE_RATIO_TARGET}x the bare server's req/s`,
    plain.map((s) => ({ summary: s, baseline: bareAt(summaries, s.connections) })), BARE_RATIO_TARGET);
}

function authorizerRatioTarget(summaries: Summary[], apiType: ApiType): string {
  const authorized = summaries.filter((s) => s.apiType === apiType && s.authorizer);
  const withoutAt = (connections: number) => summaries.find((b) => b.apiType === apiType && !b.authorizer && b.connections === connections)!;
  return ratioTarget(`with a cached authorizer, ${apiType} at least ${CACHED_AUTHORIZER_RATIO_TARGET}x the same API's req/s without one`,
    authorized.map((s) => ({ summary: s, baseline: withoutAt(s.connections) })), CACHED_AUTHORIZER_RATIO_TARGET);
}

/** On the median of the per-round ratios. A ratio counts only when neither side has errors: fast error answers would inflate it. */
function ratioTarget(title: string, pairs: { summary: Summary; baseline: Summary }[], target: number): string {
  const medians = pairs.map(({ summary, baseline }) => median(ratiosPerRound(summary, baseline)));
  const details = pairs.map(({ summary, baseline }, i) =>
    `${summary.connections} connections: ${ratio(medians[i], 1)}${failed(summary) || failed(baseline) ? ' (rows with errors)' : ''}`);
  const pass = pairs.every(({ summary, baseline }, i) => medians[i] >= target && !failed(summary) && !failed(baseline));
  return `- ${verdict(pass)} ${title}: ${details.join(', ')}`;
}

function peakRssTarget(summaries: Summary[]): string {
  const measured = summaries.filter((s) => s.apiType !== undefined && s.connections === PEAK_RSS_CONNECTIONS);
  const peaks = measured.map((s) => maxOf(s, (r) => r.peakRssMiB));
  return `- ${verdict(peaks.every((peak) => peak <= PEAK_RSS_TARGET_MIB))} peak RSS at most ${PEAK_RSS_TARGET_MIB} MiB at ${PEAK_RSS_CONNECTIONS} connections: ` +
    measured.map((s, i) => `${s.variant} ${peaks[i].toFixed(0)}`).join(', ');
}

function startupTarget(summaries: Summary[]): string {
  const servers = firstPerVariant(summaries).filter((s) => s.apiType !== undefined);
  const startups = servers.map((s) => maxOf(s, (r) => r.startupMs));
  return `- ${verdict(startups.every((ms) => ms <= STARTUP_TARGET_MS))} startup from cdk.out to the first response at most ${STARTUP_TARGET_MS / 1000} s: ` +
    servers.map((s, i) => `${s.variant} ${startups[i].toFixed(0)} ms`).join(', ');
}

function errorsTarget(summaries: Summary[]): string {
  const flagged = summaries.filter(failed);
  const detail = flagged.length ? flagged.map((s) => `${s.variant} at ${s.connections} connections`).join(', ') : 'none in any row';
  return `- ${verdict(flagged.length === 0)} no non-2xx responses or connection errors: ${detail}`;
}

/** The variant's req/s over the baseline's, round by round: both were measured minutes apart at most. */
function ratiosPerRound(s: Summary, baseline: Summary): number[] {
  return s.rounds.map((r, i) => r.load.requestsPerSecond / baseline.rounds[i].load.requestsPerSecond);
}

function bareAt(summaries: Summary[], connections: number): Summary {
  return summaries.find((s) => s.apiType === undefined && s.connections === connections)!;
}

/** Startup is measured once per server and round, and every connection count of a variant shares it. */
function firstPerVariant(summaries: Summary[]): Summary[] {
  return summaries.filter((s, i) => summaries.findIndex((other) => other.variant === s.variant) === i);
}

function medianOf(s: Summary, value: (r: RuntimeRow) => number): number {
  return median(s.rounds.map(value));
}

function maxOf(s: Summary, value: (r: RuntimeRow) => number): number {
  return Math.max(...s.rounds.map(value));
}

function sumOf(s: Summary, value: (r: RuntimeRow) => number): number {
  return s.rounds.reduce((total, r) => total + value(r), 0);
}

function failed(s: Summary): boolean {
  return s.rounds.some((r) => r.load.non2xx > 0 || r.load.errors > 0);
}
