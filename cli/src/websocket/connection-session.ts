import type { RawData, WebSocket } from 'ws';
import { ConnectionRegistry, OpenConnection } from './connections';
import { invokeRoute, routeResponseBody } from './route-invocation';
import { selectRoute } from './route-selection';
import { ConnectionContext, disconnectEvent, Handshake, messageEvent } from './websocket-events';
import { errorFrame, FRAME_MESSAGES, SERVER_CLOSES } from './websocket-limits';
import { WebSocketServing } from './websocket-serving';
import type { StageApiKey } from '../rest/usage-metering';

/** A close without a status code: API Gateway's `$disconnect` reports 1005 and this reason (uncertain wording). */
const NO_STATUS = { code: 1005, reason: 'Client-side close frame status not set' };

/**
 * One accepted connection: routes its messages, answers two-way routes, and runs `$disconnect` when it closes, each on
 * the API's serving at the time (watch mode may serve a new app while the connection stays open).
 */
export class ConnectionSession {
  private readonly connection: OpenConnection;

  constructor(
    socket: WebSocket, context: ConnectionContext, handshake: Handshake, private readonly apiKey: StageApiKey | undefined,
    private readonly registry: ConnectionRegistry, private readonly serving: () => WebSocketServing,
  ) {
    this.connection = { socket, context, handshake, lastActiveAt: serving().deps.clock.now() };
  }

  public start(): void {
    const { socket } = this.connection;
    this.registry.add(this.connection);
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        this.close(SERVER_CLOSES.BINARY_FRAME);
        return;
      }
      const serving = this.serving();
      void serving.inFlight.track(this.onMessage(serving, toBuffer(data)));
    });
    socket.on('close', (code: number, reason: Buffer) => {
      const serving = this.serving();
      void serving.inFlight.track(this.onClose(serving, code, reason.toString('utf8')));
    });
    socket.on('error', () => socket.terminate());
  }

  /** Closes the connection for a reason of the runtime's; a message it has not delivered yet is not routed. */
  public close(why: { readonly code: number; readonly reason: string }): void {
    this.registry.close(this.connection, why);
  }

  private async onMessage(serving: WebSocketServing, data: Buffer): Promise<void> {
    const { context, socket } = this.connection;
    const { api, deps } = serving;
    const stage = serving.stages.get(context.stage);
    if (socket.readyState !== socket.OPEN || stage === undefined) {
      return;
    }
    const now = deps.clock.now();
    this.connection.lastActiveAt = now;
    const routeKey = selectRoute(api.routeSelectionExpression, data.toString('utf8'), serving.routeKeys);
    const route = routeKey === undefined ? undefined : api.routes.get(routeKey);
    const event = messageEvent(context, routeKey ?? '$default', data, now);
    const requestId = (event.requestContext as { requestId: string }).requestId;
    if (!route) {
      send(socket, errorFrame(FRAME_MESSAGES.NO_ROUTE, context.connectionId, requestId));
      this.log(serving, routeKey ?? '(no route)', 'no route matches and the API has no $default route');
      return;
    }
    const refusal = deps.metering.meter(api, stage, route.routeKey, this.apiKey);
    if (refusal) {
      send(socket, errorFrame(FRAME_MESSAGES[refusal], context.connectionId, requestId));
      this.log(serving, route.routeKey, refusal);
      return;
    }
    const outcome = await invokeRoute(route, event, deps);
    if (outcome.kind !== 'result') {
      const note = outcome.kind === 'failed' ? outcome.note : 'the integration timed out';
      send(socket, errorFrame(outcome.kind === 'timeout' ? FRAME_MESSAGES.TIMEOUT : FRAME_MESSAGES.FAILED, context.connectionId, requestId));
      this.log(serving, route.routeKey, note);
      return;
    }
    const body = route.twoWay ? routeResponseBody(outcome.payload) : undefined;
    if (body !== undefined) {
      this.connection.lastActiveAt = deps.clock.now();
      send(socket, body);
    }
    this.log(serving, route.routeKey);
  }

  private async onClose(serving: WebSocketServing, code: number, reason: string): Promise<void> {
    this.registry.remove(this.connection.context.connectionId);
    const closed = this.connection.closedBy ?? (code === 1005 ? NO_STATUS : { code, reason });
    const route = serving.api.routes.get('$disconnect');
    if (route) {
      const event = disconnectEvent(this.connection.context, this.connection.handshake, closed.code, closed.reason, serving.deps.clock.now());
      const outcome = await invokeRoute(route, event, serving.deps);
      this.log(serving, '$disconnect', outcome.kind === 'failed' ? outcome.note : undefined);
    }
  }

  private log({ api, deps }: WebSocketServing, routeKey: string, note?: string): void {
    deps.requestLog?.(`${api.origin.path} ${routeKey} ${this.connection.context.connectionId}${note ? ` (${note})` : ''}`);
  }
}

/** Sends unless the connection closed meanwhile (the client went away while its route ran). */
function send(socket: WebSocket, data: string): void {
  if (socket.readyState === socket.OPEN) {
    socket.send(data);
  }
}

function toBuffer(data: RawData): Buffer {
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
}
