import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { WebSocketApiModel, WebSocketRouteModel, WebSocketStageModel } from '../model';
import { authorizeConnect, ConnectAuthorization, ConnectAuthorizationDeps } from './connect-authorization';
import { ConnectionSession } from './connection-session';
import { ConnectionRegistry } from './connections';
import { handleManagementRequest } from './management-api';
import { connectStatus, invokeRoute, RouteInvocationDeps } from './route-invocation';
import { connectEvent, ConnectionContext, Handshake } from './websocket-events';
import { HANDSHAKE_REFUSALS, HandshakeRefusal, MAX_MESSAGE_BYTES } from './websocket-limits';
import { WebSocketMetering } from './websocket-metering';
import { ApiRequest, headerValue, parseQuery } from '../gateway/api-request';
import type { StageApiKey } from '../rest/usage-metering';
import { toApiRequest } from '../server/http-listener';

export interface WebSocketApiServerDeps extends ConnectAuthorizationDeps, RouteInvocationDeps {
  readonly metering: WebSocketMetering;
  /** One line per handshake, message and disconnect; undefined for none. */
  readonly requestLog?: (line: string) => void;
}

/** How often idle and too-old connections are looked for; the clock decides whether they are. */
const SWEEP_INTERVAL_MS = 1000;

/**
 * One WebSocket API on a port of its own: handshakes on `/{stage}` (authorized and run through `$connect` before the
 * upgrade completes), messages routed by the API's route selection expression, `$disconnect` after every close, and
 * the `@connections` management API on the same port.
 */
export class WebSocketApiServer {
  public readonly connections = new ConnectionRegistry();
  private readonly server: http.Server;
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly sweeper: NodeJS.Timeout;
  private readonly stages: ReadonlyMap<string, WebSocketStageModel>;

  constructor(
    private readonly api: WebSocketApiModel, stageNames: readonly string[], private readonly domainName: string,
    private readonly deps: WebSocketApiServerDeps,
  ) {
    this.stages = new Map(api.stages.filter((s) => stageNames.includes(s.stageName)).map((s) => [s.stageName, s]));
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    this.server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
      this.onUpgrade(req, socket, head).catch((error: unknown) => {
        deps.requestLog?.(`${api.origin.path} $connect internal error: ${error instanceof Error ? error.stack : String(error)}`);
        refuse(socket, 'INTEGRATION_FAILURE');
      });
    });
    this.sweeper = setInterval(() => this.closeExpired(), SWEEP_INTERVAL_MS).unref();
  }

  /** Closes the connections idle for 10 minutes or open for 2 hours by the runtime's clock; returns how many. */
  public closeExpired(): number {
    return this.connections.closeExpired(this.deps.clock.now());
  }

  public listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Closes every connection (each gets its `$disconnect`) and stops listening. */
  public close(): Promise<void> {
    clearInterval(this.sweeper);
    this.connections.closeAll();
    return new Promise((resolve) => {
      this.sockets.close();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = toApiRequest(req, Buffer.concat(chunks), this.deps.clock.now());
      const answer = handleManagementRequest(request.method, request.rawPath, request.body, this.connections, this.deps.clock)
        ?? { status: 403, headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': 'ForbiddenException' }, body: '{"message":"Forbidden"}' };
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
      res.end(answer.body);
      this.deps.requestLog?.(`${this.api.origin.path} ${request.method} ${request.rawPath} ${answer.status}`);
    });
  }

  private async onUpgrade(req: http.IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const upgrade = toApiRequest(req, Buffer.alloc(0), this.deps.clock.now());
    const stage = decodeURIComponent(upgrade.rawPath.replace(/^\/|\/$/g, ''));
    const stageModel = this.stages.get(stage);
    if (stageModel === undefined) {
      refuse(socket, 'FORBIDDEN');
      return;
    }
    const handshake: Handshake = { headers: upgrade.headers, query: parseQuery(upgrade.rawQuery) };
    const userAgent = upgrade.headers.find(([name]) => name.toLowerCase() === 'user-agent')?.[1];
    const context: ConnectionContext = {
      apiId: this.api.apiId,
      domainName: this.domainName,
      stage,
      connectionId: newConnectionId(),
      connectedAt: upgrade.receivedAt,
      sourceIp: upgrade.sourceIp,
      ...(userAgent !== undefined ? { userAgent } : {}),
    };
    const connectRoute = this.api.routes.get('$connect');
    const authorization = await authorizeConnect(this.api, connectRoute, upgrade, handshake, context, stageModel.variables, this.deps);
    const metered = authorization.ok ? this.meterConnect(connectRoute, stageModel, upgrade, authorization) : authorization;
    if (!metered.ok) {
      this.log(context, '$connect', HANDSHAKE_REFUSALS[metered.refusal].status, metered.note);
      refuse(socket, metered.refusal);
      return;
    }
    const connection: ConnectionContext = { ...context, authorizer: metered.authorizer, iamIdentity: metered.iamIdentity };
    if (connectRoute) {
      const outcome = await invokeRoute(connectRoute, connectEvent(connection, handshake, this.deps.clock.now()), this.deps);
      const status = outcome.kind === 'result' ? connectStatus(outcome.payload) : HANDSHAKE_REFUSALS.INTEGRATION_FAILURE.status;
      if (status < 200 || status > 299) {
        this.log(connection, '$connect', status, outcome.kind === 'failed' ? outcome.note : undefined);
        refuse(socket, outcome.kind === 'result' ? { status, body: '' } : 'INTEGRATION_FAILURE');
        return;
      }
    }
    this.sockets.handleUpgrade(req, socket, head, (ws) => {
      new ConnectionSession(ws, connection, handshake, this.api, stageModel, metered.apiKey, this.connections, this.deps).start();
      this.log(connection, '$connect', 101);
    });
  }

  /** The handshake's API key, when `$connect` requires one, and its share of the throttles and quota. */
  private meterConnect(
    route: WebSocketRouteModel | undefined, stage: WebSocketStageModel, upgrade: ApiRequest,
    authorization: ConnectAuthorization & { readonly ok: true },
  ): (ConnectAuthorization & { readonly ok: true; readonly apiKey?: StageApiKey }) | (ConnectAuthorization & { readonly ok: false }) {
    const apiKey = route?.apiKeyRequired
      ? this.deps.metering.stageKey(this.api, stage.stageName, (name) => headerValue(upgrade, name), authorization.usageIdentifierKey)
      : undefined;
    if (route?.apiKeyRequired && !apiKey) {
      return { ok: false, refusal: 'FORBIDDEN', note: 'no API key of a usage plan of this stage' };
    }
    const refusal = this.deps.metering.meter(this.api, stage, '$connect', apiKey);
    return refusal ? { ok: false, refusal, note: refusal } : { ...authorization, apiKey };
  }

  private log(connection: ConnectionContext, routeKey: string, status: number, note?: string): void {
    this.deps.requestLog?.(`${this.api.origin.path} ${routeKey} ${connection.connectionId} ${status}${note ? ` (${note})` : ''}`);
  }
}

/** Connection ids look like API Gateway's: 12 characters of base64 ending in `=` (`L0SM9cOFvHcCIhw=`). */
function newConnectionId(): string {
  return randomBytes(10).toString('base64').replace(/\//g, '_').replace(/\+/g, '-');
}

/** Answers the handshake with an HTTP error instead of switching protocols. */
function refuse(socket: Socket, refusal: HandshakeRefusal | { readonly status: number; readonly body: string }): void {
  const { status, body } = typeof refusal === 'string' ? HANDSHAKE_REFUSALS[refusal] : refusal;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nconnection: close\r\ncontent-type: application/json\r\n`
    + `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, () => socket.destroy());
}
