import { WebSocketApiModel, WebSocketStageModel } from '../model';
import type { WebSocketApiServerDeps } from './websocket-api-server';
import type { ConnectionContext } from './websocket-events';
import { InFlight } from '../server/in-flight';

/**
 * What a WebSocket API's server serves: the API's model and the app's functions. Watch mode replaces it when it serves
 * a new app on the same server; each handshake, message and disconnect runs on the one serving when it began.
 */
export interface WebSocketServing {
  readonly api: WebSocketApiModel;
  /** The stages served, by name. */
  readonly stages: ReadonlyMap<string, WebSocketStageModel>;
  /** The route keys messages are selected among: every route but `$connect` and `$disconnect`. */
  readonly routeKeys: ReadonlySet<string>;
  /** The API's host in AWS, which events carry as `domainName`. */
  readonly domainName: string;
  readonly deps: WebSocketApiServerDeps;
  /** The work under way on this app's functions, which end only after it. */
  readonly inFlight: InFlight;
}

/** The serving of `api`'s stages named `stageNames`. */
export function webSocketServing(
  api: WebSocketApiModel, stageNames: readonly string[], domainName: string, deps: WebSocketApiServerDeps, inFlight: InFlight,
): WebSocketServing {
  return {
    api,
    stages: new Map(api.stages.filter((s) => stageNames.includes(s.stageName)).map((s) => [s.stageName, s])),
    routeKeys: new Set([...api.routes.keys()].filter((key) => key !== '$connect' && key !== '$disconnect')),
    domainName,
    deps,
    inFlight,
  };
}

/** Whether `serving` can carry a connection: it serves the connection's API (same id) and stage. */
export function servesConnection(serving: WebSocketServing, connection: ConnectionContext): boolean {
  return connection.apiId === serving.api.apiId && serving.stages.has(connection.stage);
}
