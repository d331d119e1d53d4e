import { LocalDynamoDb, startLocalDynamoDb } from '../dynamodb/local-dynamodb';
import { LOCAL_DUMMY_CREDENTIALS } from '../gateway/aws-service-endpoint';
import type { SandboxExtras } from '../lambda';
import { AppModel } from '../model';
import { ListenOptions, localServiceSandboxExtras, ServedWebSocketApi, serveWebSocketApis } from './serve-websocket-apis';
import { WebSocketApiServerDeps } from './websocket-api-server';
import { WebSocketMetering, WebSocketMeteringDeps } from './websocket-metering';

/** The WebSocket APIs and the local DynamoDB, and what they add to every sandbox. */
export interface LocalServices {
  readonly webSocketApis: readonly ServedWebSocketApi[];
  readonly sandboxExtras: SandboxExtras;
  close(): Promise<void>;
}

/** Starts the local DynamoDB (when the app has tables or an endpoint is given) and serves the WebSocket APIs. */
export async function startLocalServices(
  model: AppModel, deps: Omit<WebSocketApiServerDeps, 'metering'> & WebSocketMeteringDeps, options: ListenOptions & { readonly dynamoDbEndpoint?: string },
): Promise<LocalServices> {
  const dynamoDb: LocalDynamoDb | undefined = await startLocalDynamoDb(model.dynamoDbTables, {
    endpoint: options.dynamoDbEndpoint, region: model.region, credentials: LOCAL_DUMMY_CREDENTIALS,
  });
  let webSocketApis: ServedWebSocketApi[];
  try {
    webSocketApis = await serveWebSocketApis(model, { ...deps, metering: new WebSocketMetering(model.usagePlans, deps) }, options);
  } catch (error) {
    await dynamoDb?.close();
    throw error;
  }
  const used = webSocketApis.length > 0 || dynamoDb !== undefined;
  return {
    webSocketApis,
    sandboxExtras: used
      ? localServiceSandboxExtras(webSocketApis, deps.region, options.connectableHost, dynamoDb?.endpoint)
      : { environment: {}, origins: [] },
    close: async () => {
      await Promise.all(webSocketApis.map((api) => api.server.close()));
      await dynamoDb?.close();
    },
  };
}
