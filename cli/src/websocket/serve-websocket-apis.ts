import * as path from 'node:path';
import { LOCAL_DUMMY_CREDENTIALS } from '../gateway/aws-service-endpoint';
import { AppModel, WebSocketApiModel } from '../model';
import { WebSocketApiServer, WebSocketApiServerDeps } from './websocket-api-server';
import { webSocketServing } from './websocket-serving';
import type { InFlight } from '../server/in-flight';
import type { ListenerSet } from '../server/listener-set';

/** One WebSocket API the runtime serves. */
export interface ServedWebSocketApi {
  readonly model: WebSocketApiModel;
  readonly port: number;
  /** Stage name -> `ws://host:port/{stage}`. */
  readonly urls: Readonly<Record<string, string>>;
  readonly server: WebSocketApiServer;
}

export interface ListenOptions {
  readonly host: string;
  /** The address this process reaches the listeners at (loopback for a wildcard host). */
  readonly connectableHost: string;
  /** The port of the first WebSocket API, each further one the next; 0 for free ports. */
  readonly firstPort: number;
  readonly onlyStage?: string;
}

/**
 * Serves every WebSocket API of the app (sorted by construct path, so that ports are the same on every run), each on
 * its own port, kept in `listeners` (watch mode's next app keeps the server, its port and its connections); with
 * `onlyStage`, only APIs having that stage, serving only it.
 */
export async function serveWebSocketApis(
  model: AppModel, deps: WebSocketApiServerDeps, options: ListenOptions, listeners: ListenerSet, inFlight: InFlight,
): Promise<ServedWebSocketApi[]> {
  const apis = [...model.webSocketApis].sort((a, b) => a.origin.path.localeCompare(b.origin.path));
  const served: ServedWebSocketApi[] = [];
  for (const api of apis) {
    const stageNames = api.stages.map((s) => s.stageName).filter((name) => options.onlyStage === undefined || name === options.onlyStage);
    if (stageNames.length === 0) continue;
    const serving = webSocketServing(api, stageNames, executeApiHost(api.apiId, model.region), deps, inFlight);
    const firstPort = options.firstPort === 0 ? 0 : options.firstPort + served.length;
    const { listener: server, port } = await listeners.listen(`WEBSOCKET ${api.origin.path}`, serving, inFlight, (s) => new WebSocketApiServer(s), firstPort, options.host);
    const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
    served.push({ model: api, port, server, urls: Object.fromEntries(stageNames.map((name) => [name, `ws://${shownHost}:${port}/${name}`])) });
  }
  return served;
}

/** The API's host in AWS, which events carry as `domainName`. */
export function executeApiHost(apiId: string, region: string): string {
  return `${apiId}.execute-api.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/**
 * What the WebSocket APIs and the local DynamoDB add to every sandbox: the execute-api origin of each API goes to its
 * local port (its `@connections`), the DynamoDB clients to the local endpoint (`AWS_ENDPOINT_URL_DYNAMODB`), the AWS
 * SDK clients Lambda's Node.js runtime provides are on `NODE_PATH` (handlers bundled with the SDK external, as
 * NodejsFunction and the library's bundled handlers are, find them), and functions have credentials to sign with when
 * the host gives none, as every Lambda function has its role's.
 */
export function localServiceSandboxExtras(
  served: readonly ServedWebSocketApi[], region: string, connectableHost: string, dynamoDbEndpoint?: string,
): {
    environment: Record<string, string>; origins: Array<[string, string]>;
  } {
  return {
    environment: {
      NODE_PATH: runtimeProvidedModules(),
      AWS_ACCESS_KEY_ID: LOCAL_DUMMY_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_DUMMY_CREDENTIALS.secretAccessKey,
      ...(dynamoDbEndpoint !== undefined ? { AWS_ENDPOINT_URL_DYNAMODB: dynamoDbEndpoint } : {}),
    },
    origins: served.map((api) => [executeApiHost(api.model.apiId, region), `http://${connectableHost}:${api.port}`]),
  };
}

/** The node_modules folder holding the runtime's AWS SDK clients. */
function runtimeProvidedModules(): string {
  return path.resolve(path.dirname(require.resolve('@aws-sdk/client-apigatewaymanagementapi/package.json')), '..', '..');
}
