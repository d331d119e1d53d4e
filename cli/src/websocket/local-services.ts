import { LOCAL_DUMMY_CREDENTIALS } from '../gateway/aws-service-endpoint';
import type { SandboxExtras } from '../lambda';
import { AppModel } from '../model';
import { ListenOptions, localServiceSandboxExtras, ServedWebSocketApi, serveWebSocketApis } from './serve-websocket-apis';
import { WebSocketApiServerDeps } from './websocket-api-server';
import { WebSocketMetering, WebSocketMeteringDeps } from './websocket-metering';
import type { InFlight } from '../server/in-flight';
import type { ListenerSet } from '../server/listener-set';

/** The WebSocket APIs and the local DynamoDB, and what they add to every sandbox. */
export interface LocalServices {
  readonly webSocketApis: readonly ServedWebSocketApi[];
  readonly sandboxExtras: SandboxExtras;
}

/**
 * Starts the local DynamoDB (when the app has tables or an endpoint is given) and serves the WebSocket APIs, both kept
 * in `listeners`, which closes them.
 */
export async function startLocalServices(
  model: AppModel, deps: Omit<WebSocketApiServerDeps, 'metering'> & WebSocketMeteringDeps,
  options: ListenOptions & { readonly dynamoDbEndpoint?: string }, listeners: ListenerSet, inFlight: InFlight,
): Promise<LocalServices> {
  const dynamoDb = await listeners.localDynamoDb(model.dynamoDbTables, {
    endpoint: options.dynamoDbEndpoint, region: model.region, credentials: LOCAL_DUMMY_CREDENTIALS,
  });
  const metering = new WebSocketMetering(model.usagePlans, deps);
  const webSocketApis = await serveWebSocketApis(model, { ...deps, metering }, options, listeners, inFlight);
  const used = webSocketApis.length > 0 || dynamoDb !== undefined;
  return {
    webSocketApis,
    sandboxExtras: used
      ? localServiceSandboxExtras(webSocketApis, deps.region, options.connectableHost, dynamoDb?.endpoint)
      : { environment: {}, origins: [] },
  };
}
