import * as os from 'os';
import { ApiType } from './apps';
import { Load, LoadSettings } from './load';
import { ratio, row, verdict } from '../report';

/** One server variant at one concurrency. */
export interface RuntimeRow {
  readonly variant: string;
  /** Undefined for the bare `node:http` baseline. */
  readonly apiType?: ApiType;
  readonly authorizer: boolean;
  readonly load: Load;
  readonly peakRssMiB: number;
  readonly startupMs: number;
}

const BARE_RATIO_TARGET = 0.25;
const CACHED_AUTHORIZER_RATIO_TARGET = 0.8;
const PEAK_RSS_TARGET_MIB = 300;
const PEAK_RSS_CONNECTIONS = 50;
const STARTUP_TARGET_MS = 1500;
const API_TYPES: ApiType[] = ['REST', 'HTTP'];

export function printRuntimeReport(rows: RuntimeRow[], settings: LoadSettings): void {
  const out = [
    `## gatewaykit serve vs a bare node:http server: one hello-world Lambda handler (autocannon, ${settings.durationSeconds} s per row after a ` +
      `${settings.warmUpSeconds} s warm-up; node ${process.version}, ${os.cpus().length} cores)`, '',
    ...table(rows), '',
    ...legend(), '',
    '### Targets', '',
    ...API_TYPES.map((apiType) => bareRatioTarget(rows, apiType)),
    ...API_TYPES.map((apiType) => authorizerRatioTarget(rows, apiType)),
    peakRssTarget(rows),
    startupTarget(rows),
    errorsTarget(rows),
    '',
  ];
  console.log(out.join('\n'));
}

function table(rows: RuntimeRow[]): string[] {
  const header = ['variant', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'peak RSS MiB', 'startup ms', 'ratio req/s', 'status'];
  const lines = [row(header), row(header.map((_, i) => (i < 1 || i === header.length - 1 ? '---' : '---:')))];
  for (const r of rows) {
    lines.push(row([
      r.variant,
      String(r.load.connections),
      r.load.requestsPerSecond.toFixed(0),
      String(r.load.p50Ms),
      String(r.load.p99Ms),
      String(r.load.non2xx),
      r.peakRssMiB.toFixed(0),
      r.startupMs.toFixed(0),
      ratio(r.load.requestsPerSecond, bareAt(rows, r.load.connections).load.requestsPerSecond),
      failed(r) ? `FLAGGED: ${flaggedDetail(r)}` : 'ok',
    ]));
  }
  return lines;
}

function legend(): string[] {
  return [
    '- ratio req/s = req/s / the bare node:http server\'s req/s at the same number of connections; req/s = completed requests / measured seconds; ' +
      'latencies have autocannon\'s 1 ms resolution.',
    '- every request sends the same `Authorization` header; with an authorizer (results cached 300 s), only the first request of the server misses the cache.',
    '- peak RSS = VmHWM of the server process, worker threads running the handlers included, since it started: the 50-connection row covers its whole life.',
    '- startup = from spawning the process to the first 200 response (polled every few ms), once per server: for gatewaykit, `serve --app <cdk.out>` ' +
      'loading the assembly, listening, and cold-starting the handler (and authorizer) for that response. The local issuer\'s key exists already ' +
      '(made by an untimed first start), as on every run but a project\'s first.',
    '- serverless-offline reaches about 0.02 to 0.1 of the bare server on these machines (from the issue; not measured here).',
    '- gatewaykit runs with `--account-throttle 1000000000:1000000000`: API Gateway\'s account limit (10,000 requests per second by default) ' +
      'would answer most of this load 429, and the bench measures the runtime\'s own cost.',
  ];
}

/** Which statuses came back, and how often, in place of the 2xx every request should get. */
function flaggedDetail(r: RuntimeRow): string {
  const statuses = Object.entries(r.load.non2xxByStatus).map(([status, count]) => `${count} x ${status}`);
  return [...statuses, ...(r.load.errors ? [`${r.load.errors} connection errors`] : [])].join(', ');
}

function bareRatioTarget(rows: RuntimeRow[], apiType: ApiType): string {
  const plain = rows.filter((r) => r.apiType === apiType && !r.authorizer);
  return ratioTarget(`without an authorizer, ${apiType} at least ${BARE_RATIO_TARGET}x the bare server's req/s`,
    plain.map((r) => ({ row: r, baseline: bareAt(rows, r.load.connections) })), BARE_RATIO_TARGET);
}

function authorizerRatioTarget(rows: RuntimeRow[], apiType: ApiType): string {
  const authorized = rows.filter((r) => r.apiType === apiType && r.authorizer);
  const withoutAt = (connections: number) => rows.find((b) => b.apiType === apiType && !b.authorizer && b.load.connections === connections)!;
  const pairs = authorized.map((r) => ({ row: r, baseline: withoutAt(r.load.connections) }));
  return ratioTarget(`with a cached authorizer, ${apiType} at least ${CACHED_AUTHORIZER_RATIO_TARGET}x the same API's req/s without one`, pairs,
    CACHED_AUTHORIZER_RATIO_TARGET);
}

/** A ratio counts only when neither row has errors: fast error answers would inflate it. */
function ratioTarget(title: string, pairs: { row: RuntimeRow; baseline: RuntimeRow }[], target: number): string {
  const details = pairs.map(({ row: r, baseline }) =>
    `${r.load.connections} connections: ${ratio(r.load.requestsPerSecond, baseline.load.requestsPerSecond)}` +
    `${failed(r) || failed(baseline) ? ' (rows with errors)' : ''}`);
  const pass = pairs.every(({ row: r, baseline }) =>
    r.load.requestsPerSecond >= target * baseline.load.requestsPerSecond && !failed(r) && !failed(baseline));
  return `- ${verdict(pass)} ${title}: ${details.join(', ')}`;
}

function peakRssTarget(rows: RuntimeRow[]): string {
  const measured = rows.filter((r) => r.apiType !== undefined && r.load.connections === PEAK_RSS_CONNECTIONS);
  const pass = measured.every((r) => r.peakRssMiB <= PEAK_RSS_TARGET_MIB);
  return `- ${verdict(pass)} peak RSS at most ${PEAK_RSS_TARGET_MIB} MiB at ${PEAK_RSS_CONNECTIONS} connections: ` +
    measured.map((r) => `${r.variant} ${r.peakRssMiB.toFixed(0)}`).join(', ');
}

function startupTarget(rows: RuntimeRow[]): string {
  const servers = firstRowPerVariant(rows).filter((r) => r.apiType !== undefined);
  const pass = servers.every((r) => r.startupMs <= STARTUP_TARGET_MS);
  return `- ${verdict(pass)} startup from cdk.out to the first response at most ${STARTUP_TARGET_MS / 1000} s: ` +
    servers.map((r) => `${r.variant} ${r.startupMs.toFixed(0)} ms`).join(', ');
}

function errorsTarget(rows: RuntimeRow[]): string {
  const flagged = rows.filter(failed);
  const detail = flagged.length ? flagged.map((r) => `${r.variant} at ${r.load.connections} connections`).join(', ') : 'none in any row';
  return `- ${verdict(flagged.length === 0)} no non-2xx responses or connection errors: ${detail}`;
}

function bareAt(rows: RuntimeRow[], connections: number): RuntimeRow {
  return rows.find((r) => r.apiType === undefined && r.load.connections === connections)!;
}

/** Startup is measured once per server, and every connection count of a variant shares it. */
function firstRowPerVariant(rows: RuntimeRow[]): RuntimeRow[] {
  return rows.filter((r, i) => rows.findIndex((other) => other.variant === r.variant) === i);
}

function failed(r: RuntimeRow): boolean {
  return r.load.non2xx > 0 || r.load.errors > 0;
}
