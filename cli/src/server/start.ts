import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeAll, lambdaRuntimeFor, loadServedModel, ServedModel } from './app-runtime';
import { ControlPlaneSettings, RunningControlPlane, startControlPlane } from '../control-plane';
import { InFlight } from './in-flight';
import { httpServing, listenForApi } from './kept-http-listener';
import { ListenerSet, releaseListeners } from './listener-set';
import { planServedApis, stageUrl } from './served-apis';
import { ReportedApi, startupReport } from './startup-report';
import { synthesize } from './synth';
import { DEFAULT_ISSUER_KEY_FILE, LocalIssuer } from '../auth';
import { Clock, systemClock } from '../clock';
import { AwsCredentials, AwsServiceEndpoint, credentialsFromEnvironment } from '../gateway/aws-service-endpoint';
import { LocalApiEndpoints } from '../gateway/local-endpoints';
import { LambdaRuntime, LambdaRuntimeOptions } from '../lambda';
import { ACCOUNT_THROTTLE, ThrottleBuckets, throttleLevel } from '../metering';
import { AppModel } from '../model';
import { seededRandom } from './seeded-random';
import { UsageMetering } from '../rest/usage-metering';
import { LocalServices, startLocalServices } from '../websocket/local-services';
import type { ServedWebSocketApi } from '../websocket/serve-websocket-apis';


/** Options of {@link start}; every one has a default that serves a CDK app in the current folder. */
export interface StartOptions {
  /** A synthesized cloud assembly (a `cdk.out` folder). Default: run `cdk synth` in `cwd` and serve its output. */
  readonly app?: string;
  /** The folder of the CDK app (its `cdk.json`) and of `.gatewaykit/`. Default: the current folder. */
  readonly cwd?: string;
  /** The port of the first API; each further API takes the next port. 0 gives every API a free port. Default 3000. */
  readonly port?: number;
  /** The address to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Serve only this stage of each API (and only the APIs having it). Default: every stage. */
  readonly stage?: string;
  /** The local credentials SigV4-signed (IAM) requests are checked against. Default: none, so IAM routes answer 403. */
  readonly credentials?: readonly { readonly accessKeyId: string; readonly secretAccessKey: string }[];
  /** The region and account of stacks that do not set them. Default `us-east-1`, `123456789012`. */
  readonly region?: string;
  readonly accountId?: string;
  /** Where the local issuer keeps its key. Default `.gatewaykit/local-issuer.json` under `cwd`. */
  readonly issuerKeyFile?: string;
  /** The clock of caches, throttles, quotas and token checks. Default: the system clock. */
  readonly clock?: Clock;
  /** Seeds the random source that sends requests to canaries, so that a test sees the same split every run. */
  readonly seed?: number;
  /**
   * The account's throttle, which every API of the app passes. Default API Gateway's: 10,000 requests per second with
   * bursts of 5,000 (AWS raises it on request).
   */
  readonly accountThrottle?: { readonly rateLimit: number; readonly burstLimit: number };
  /** Concurrent executions per function (each a worker thread). Default 4. */
  readonly maxWorkersPerFunction?: number;
  /**
   * Where AWS service integrations (REST `AwsIntegration`, HTTP API `IntegrationSubtype`s) send their signed requests,
   * e.g. a local emulator's URL. Default: none, so those routes answer as failed integrations.
   */
  readonly awsEndpoint?: string;
  /**
   * The credentials those requests are signed with. Default: `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`
   * (`AWS_SESSION_TOKEN`) from the environment when set, else fixed local dummies.
   */
  readonly awsCredentials?: AwsCredentials;
  /**
   * The DynamoDB endpoint the app's handlers are given, with the app's tables created in it, e.g. DynamoDB Local's
   * `http://localhost:8000`. Default: an embedded in-memory DynamoDB (dynalite) when the app has tables.
   */
  readonly dynamoDbEndpoint?: string;
  /** Where startup and request lines go. Default: standard output. */
  readonly log?: (line: string) => void;
  /** Leave out the line per request. Default false. */
  readonly quiet?: boolean;
  /** Receives what handlers print, line by line. Default: standard error, prefixed with the function name. */
  readonly onHandlerOutput?: (functionName: string, line: string) => void;
  /**
   * Hosts whose requests from handlers go to a local origin, besides the execute-api hosts of the served APIs (which
   * always reach their local listener). Default: none.
   */
  readonly outboundOrigins?: ReadonlyMap<string, string>;
  /** Variables a function's sandbox gets over everything else in its environment. Default: none. */
  readonly extraEnvironment?: LambdaRuntimeOptions['extraEnvironment'];
  /**
   * Also serve the local control plane (API Gateway's management API over the app's live state, and the CloudFormation
   * and Secrets Manager calls of the operations commands), as {@link ControlPlaneSettings} say. Default: no control
   * plane.
   */
  readonly controlPlane?: ControlPlaneSettings;
}

/** One served API: where it listens and the URL of each of its stages. */
export interface ServedApi {
  readonly kind: 'REST' | 'HTTP' | 'WEBSOCKET';
  /** The API's name in the template. */
  readonly name: string;
  /** Its construct path, e.g. `MyStack/Api`. */
  readonly path: string;
  readonly apiId: string;
  readonly port: number;
  /** Stage name -> URL, ending with `/` (a WebSocket API's: `ws://host:port/{stage}`). */
  readonly urls: Readonly<Record<string, string>>;
}

/** A running local API Gateway. */
export interface RunningApp {
  readonly apis: readonly ServedApi[];
  /** The model read from the assembly. */
  readonly model: AppModel;
  /** The local issuer, whose tokens every Cognito and JWT authorizer of the app accepts. */
  readonly issuer: LocalIssuer;
  /** The URL of the local control plane (an AWS SDK's or the AWS CLI's endpoint URL), when it was started. */
  readonly controlPlaneUrl?: string;
  /** Invokes a function of the app, by ARN; its invocations and cold starts; new code for functions (watch mode). */
  readonly lambda: Pick<LambdaRuntime, 'stats' | 'invoke' | 'replaceFunctions'>;
  /** The WebSocket APIs, with their open connections. */
  readonly webSocketApis: readonly ServedWebSocketApi[];
  /**
   * The URL of a stage: of the API whose name or construct path ends with `api` (default: the only API), stage
   * `stage` (default: its only stage).
   */
  url(api?: string, stage?: string): string;
  /**
   * Stops listening and terminates every worker; with `drain`, the ports are free at once but the requests in flight
   * are answered before the workers end (WebSocket connections are closed either way).
   */
  stop(options?: { readonly drain?: boolean }): Promise<void>;
}

/**
 * Serves the REST, HTTP and WebSocket APIs of a synthesized CDK app on localhost, running the real handlers, as API Gateway
 * would; resolves once every API listens.
 */
export function start(options: StartOptions = {}): Promise<RunningApp> {
  return startOn(options);
}

/**
 * {@link start}, on the listeners watch mode keeps: the new app takes over those of its APIs once it has started, and
 * stopping it closes only those no later app took over. `loaded` is the assembly's model when the caller has read it
 * already (watch mode compares it with the running one); its folder becomes the app's.
 */
export async function startOn(options: StartOptions, kept?: ListenerSet, loaded?: ServedModel): Promise<RunningApp> {
  const startedAt = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const assemblyDir = options.app ? path.resolve(cwd, options.app) : synthesize(cwd);
  const issuer = await LocalIssuer.loadOrCreate(options.issuerKeyFile ?? path.join(cwd, DEFAULT_ISSUER_KEY_FILE));
  const { model, workDir } = loaded ?? loadServedModel(assemblyDir, options);
  const region = options.region ?? model.region;
  const accountId = options.accountId ?? model.accountId;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));

  const localEndpoints = new LocalApiEndpoints();
  let services: LocalServices | undefined;
  const lambda = lambdaRuntimeFor(model, options, { region, accountId }, issuer, localEndpoints, () => services?.sandboxExtras);
  const common = {
    localEndpoints,
    invoke: (arn: string, event: unknown) => lambda.invoke(arn, event),
    invokeStreaming: (arn: string, event: unknown) => lambda.invokeStreaming(arn, event),
    awsEndpoint: awsEndpointOf(options),
    clock,
    region,
    accountId,
    jwks: issuer.jwks(),
    credentials: new Map((options.credentials ?? []).map((c) => [c.accessKeyId, c.secretAccessKey])),
    functions: model.functions,
  };
  const random = options.seed === undefined ? Math.random : seededRandom(options.seed);
  const throttles = new ThrottleBuckets(clock);
  const accountThrottle = throttleLevel(`account:${region}`, options.accountThrottle ?? ACCOUNT_THROTTLE)!;
  const metering = new UsageMetering(model.usagePlans, clock, throttles, accountThrottle);
  const plans = planServedApis(
    model,
    { ...common, userPools: model.userPools, metering, random },
    { ...common, throttles, accountThrottle },
    options.stage,
  );

  const host = options.host ?? '127.0.0.1';
  const listeners = kept ?? new ListenerSet();
  const inFlight = new InFlight();
  const apis: ServedApi[] = [];
  let controlPlane: RunningControlPlane | undefined;
  const requestLog = options.quiet ? undefined : log;
  try {
    for (const [index, plan] of plans.entries()) {
      const port = await listenForApi(listeners, plan, httpServing(plan, clock, inFlight, requestLog, log), portOf(options, index), host);
      common.localEndpoints.register(plan.model.apiId, `http://${connectableHost(host)}:${port}`);
      const urls = Object.fromEntries(plan.stageNames.map((stageName) => [stageName, stageUrl(host, port, stageName)]));
      apis.push({ kind: plan.kind, name: plan.model.name, path: plan.model.origin.path, apiId: plan.model.apiId, port, urls });
    }
    const servicesDeps = { ...common, requestLog, throttles, accountThrottle };
    services = await startLocalServices(model, servicesDeps, listening(options, host, plans.length), listeners, inFlight);
    apis.push(...services.webSocketApis.map(servedWebSocketApi));
    const defaultPort = portOf(options, apis.length);
    const served = { assemblyDir, model, region, accountId, metering, plans, clock, host, defaultPort, log, listeners, inFlight };
    controlPlane = options.controlPlane && await startControlPlane(options.controlPlane, served);
    listeners.commit(inFlight);
  } catch (error) {
    await closeAll(releaseListeners(listeners, inFlight, kept !== undefined), inFlight, lambda, workDir);
    throw error;
  }

  const runtime = { hasCredentials: common.credentials.size > 0, awsEndpoint: common.awsEndpoint?.url.href, controlPlaneUrl: controlPlane?.url };
  startupReport(assemblyDir, model, apis.map(reportedApi), performance.now() - startedAt, runtime).forEach((line) => log(line));
  if (controlPlane) {
    log(`Control plane (API Gateway, CloudFormation, Secrets Manager): --endpoint-url ${controlPlane.url}`);
  }

  return {
    apis,
    model,
    issuer,
    lambda,
    webSocketApis: services.webSocketApis,
    controlPlaneUrl: controlPlane?.url,
    url: (api?: string, stage?: string) => urlOf(apis, api, stage),
    stop: ({ drain } = {}) => closeAll(releaseListeners(listeners, inFlight, kept !== undefined, drain), inFlight, lambda, workDir, drain),
  };
}

/** The port of the `index`th API: the REST and HTTP APIs', then the WebSocket APIs', from `port` on; 0 for free ports. */
function portOf(options: StartOptions, index: number): number {
  const firstPort = options.port ?? 3000;
  return firstPort === 0 ? 0 : firstPort + index;
}

function listening(options: StartOptions, host: string, httpListeners: number) {
  return {
    host,
    connectableHost: connectableHost(host),
    firstPort: portOf(options, httpListeners),
    onlyStage: options.stage,
    dynamoDbEndpoint: options.dynamoDbEndpoint,
  };
}

function servedWebSocketApi(api: ServedWebSocketApi): ServedApi {
  return { kind: 'WEBSOCKET', name: api.model.name, path: api.model.origin.path, apiId: api.model.apiId, port: api.port, urls: api.urls };
}

function reportedApi(api: ServedApi): ReportedApi {
  const stages = Object.entries(api.urls).map(([stageName, url]) => ({ stageName, url }));
  return { kind: api.kind === 'WEBSOCKET' ? 'WS' : api.kind, path: api.path, stages };
}

/** Where this process reaches a listener bound to `host`: a wildcard address is reached on loopback. */
function connectableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function awsEndpointOf(options: StartOptions): AwsServiceEndpoint | undefined {
  if (options.awsEndpoint === undefined) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(options.awsEndpoint);
  } catch {
    throw new Error(`awsEndpoint '${options.awsEndpoint}' is not an absolute URL; expected e.g. http://localhost:4566`);
  }
  return { url, credentials: options.awsCredentials ?? credentialsFromEnvironment(process.env) };
}

function urlOf(apis: readonly ServedApi[], api: string | undefined, stage: string | undefined): string {
  const candidates = api === undefined ? apis : apis.filter((a) => a.name === api || a.path === api || a.path.endsWith(`/${api}`));
  if (candidates.length !== 1) {
    throw new Error(`url(${api === undefined ? '' : JSON.stringify(api)}): ${candidates.length === 0 ? 'no API matches' : 'several APIs match'}; served APIs are ${apis.map((a) => a.path).join(', ')}`);
  }
  const [chosen] = candidates;
  const stages = Object.keys(chosen.urls);
  const stageName = stage ?? (stages.length === 1 ? stages[0] : undefined);
  const url = stageName === undefined ? undefined : chosen.urls[stageName];
  if (url === undefined) {
    throw new Error(`url(${JSON.stringify(api ?? chosen.path)}, ${JSON.stringify(stage)}): ${chosen.path} has the stages ${stages.join(', ')}; name one`);
  }
  return url;
}
