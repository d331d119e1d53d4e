import type { RawData, WebSocket } from 'ws';
import { WebSocketApiModel, WebSocketStageModel } from '../model';
import { ConnectionRegistry, OpenConnection } from './connections';
import { invokeRoute, routeResponseBody } from './route-invocation';
import { selectRoute } from './route-selection';
import type { WebSocketApiServerDeps } from './websocket-api-server';
import { ConnectionContext, disconnectEvent, Handshake, messageEvent } from './websocket-events';
import { errorFrame, FRAME_MESSAGES } from './websocket-limits';
import type { StageApiKey } from '../rest/usage-metering';

/** A close without a status code: API Gateway's `$disconnect` reports 1005 and this reason (uncertain wording). */
const NO_STATUS = { code: 1005, reason: 'Client-side close frame status not set' };

/** One accepted connection: routes its messages, answers two-way routes, and runs `$disconnect` when it closes. */
export class ConnectionSession {
  private readonly connection: OpenConnection;
  private readonly routeKeys: ReadonlySet<string>;

  constructor(
    socket: WebSocket, context: ConnectionContext, handshake: Handshake,
    private readonly api: WebSocketApiModel, private readonly stage: WebSocketStageModel, private readonly apiKey: StageApiKey | undefined,
    private readonly registry: ConnectionRegistry, private readonly deps: WebSocketApiServerDeps,
  ) {
    this.connection = { socket, context, handshake, lastActiveAt: deps.clock.now() };
    this.routeKeys = new Set([...api.routes.keys()].filter((key) => key !== '$connect' && key !== '$disconnect'));
  }

  public start(): void {
    const { socket } = this.connection;
    this.registry.add(this.connection);
    socket.on('message', (data: RawData, isBinary: boolean) => {
      void this.onMessage(toBuffer(data), isBinary);
    });
    socket.on('close', (code: number, reason: Buffer) => {
      void this.onClose(code, reason.toString('utf8'));
    });
    socket.on('error', () => socket.terminate());
  }

  private async onMessage(data: Buffer, isBinary: boolean): Promise<void> {
    const { context, socket } = this.connection;
    const now = this.deps.clock.now();
    this.connection.lastActiveAt = now;
    const routeKey = selectRoute(this.api.routeSelectionExpression, isBinary ? '' : data.toString('utf8'), this.routeKeys);
    const route = routeKey === undefined ? undefined : this.api.routes.get(routeKey);
    const event = messageEvent(context, routeKey ?? '$default', data, isBinary, now);
    const requestId = (event.requestContext as { requestId: string }).requestId;
    if (!route) {
      send(socket, errorFrame(FRAME_MESSAGES.NO_ROUTE, context.connectionId, requestId));
      this.log(routeKey ?? '(no route)', 'no route matches and the API has no $default route');
      return;
    }
    const refusal = this.deps.metering.meter(this.api, this.stage, route.routeKey, this.apiKey);
    if (refusal) {
      send(socket, errorFrame(FRAME_MESSAGES[refusal], context.connectionId, requestId));
      this.log(route.routeKey, refusal);
      return;
    }
    const outcome = await invokeRoute(route, event, this.deps);
    if (outcome.kind !== 'result') {
      const note = outcome.kind === 'failed' ? outcome.note : 'the integration timed out';
      send(socket, errorFrame(outcome.kind === 'timeout' ? FRAME_MESSAGES.TIMEOUT : FRAME_MESSAGES.FAILED, context.connectionId, requestId));
      this.log(route.routeKey, note);
      return;
    }
    const body = route.twoWay ? routeResponseBody(outcome.payload) : undefined;
    if (body !== undefined) {
      this.connection.lastActiveAt = this.deps.clock.now();
      send(socket, body);
    }
    this.log(route.routeKey);
  }

  private async onClose(code: number, reason: string): Promise<void> {
    this.registry.remove(this.connection.context.connectionId);
    const closed = this.connection.closedBy ?? (code === 1005 ? NO_STATUS : { code, reason });
    const route = this.api.routes.get('$disconnect');
    if (route) {
      const event = disconnectEvent(this.connection.context, this.connection.handshake, closed.code, closed.reason, this.deps.clock.now());
      const outcome = await invokeRoute(route, event, this.deps);
      this.log('$disconnect', outcome.kind === 'failed' ? outcome.note : undefined);
    }
  }

  private log(routeKey: string, note?: string): void {
    this.deps.requestLog?.(`${this.api.origin.path} ${routeKey} ${this.connection.context.connectionId}${note ? ` (${note})` : ''}`);
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
