import * as http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { WebSocketRouteModel, WebSocketStageModel } from '../model';
import { authorizeConnect, ConnectAuthorization, ConnectAuthorizationDeps } from './connect-authorization';
import { ConnectionSession } from './connection-session';
import { ConnectionRegistry } from './connections';
import { limitFrameSize } from './frame-size-limit';
import { newConnectionId, refuse } from './handshake';
import { handleManagementRequest } from './management-api';
import { connectStatus, invokeRoute, RouteInvocationDeps } from './route-invocation';
import { connectEvent, ConnectionContext, Handshake } from './websocket-events';
import { HANDSHAKE_REFUSALS, MAX_FRAME_BYTES, MAX_MESSAGE_BYTES, SERVER_CLOSES } from './websocket-limits';
import { WebSocketMetering } from './websocket-metering';
import { servesConnection, WebSocketServing } from './websocket-serving';
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

  constructor(private serving: WebSocketServing) {
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    this.server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
      const current = this.serving;
      void current.inFlight.track(this.onUpgrade(current, req, socket, head).catch((error: unknown) => {
        current.deps.requestLog?.(`${current.api.origin.path} $connect internal error: ${error instanceof Error ? error.stack : String(error)}`);
        refuse(socket, 'INTEGRATION_FAILURE');
      }));
    });
    this.sweeper = setInterval(() => this.closeExpired(), SWEEP_INTERVAL_MS).unref();
  }

  /**
   * Serves `next` from now on (watch mode's new app): open connections stay and their next messages run on it, but
   * those of a stage it does not serve, or of an API whose id changed, are closed with 1001 (`$disconnect` runs on it).
   */
  public serve(next: WebSocketServing): void {
    this.serving = next;
    this.connections.closeIf((c) => !servesConnection(next, c.context), SERVER_CLOSES.SHUTDOWN);
  }

  /** Closes the connections idle for 10 minutes or open for 2 hours by the runtime's clock; returns how many. */
  public closeExpired(): number {
    return this.connections.closeExpired(this.serving.deps.clock.now());
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
    this.connections.closeIf(() => true, SERVER_CLOSES.SHUTDOWN);
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
      const { deps, api } = this.serving;
      const request = toApiRequest(req, Buffer.concat(chunks), deps.clock.now());
      const answer = handleManagementRequest(request.method, request.rawPath, request.body, this.connections, deps.clock)
        ?? { status: 403, headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': 'ForbiddenException' }, body: '{"message":"Forbidden"}' };
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
      res.end(answer.body);
      deps.requestLog?.(`${api.origin.path} ${request.method} ${request.rawPath} ${answer.status}`);
    });
  }

  private async onUpgrade(serving: WebSocketServing, req: http.IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const { api, deps } = serving;
    const upgrade = toApiRequest(req, Buffer.alloc(0), deps.clock.now());
    const stage = decodeURIComponent(upgrade.rawPath.replace(/^\/|\/$/g, ''));
    const stageModel = serving.stages.get(stage);
    if (stageModel === undefined) {
      refuse(socket, 'FORBIDDEN');
      return;
    }
    const handshake: Handshake = { headers: upgrade.headers, query: parseQuery(upgrade.rawQuery) };
    const userAgent = upgrade.headers.find(([name]) => name.toLowerCase() === 'user-agent')?.[1];
    const context: ConnectionContext = {
      apiId: api.apiId,
      domainName: serving.domainName,
      stage,
      connectionId: newConnectionId(),
      connectedAt: upgrade.receivedAt,
      sourceIp: upgrade.sourceIp,
      ...(userAgent !== undefined ? { userAgent } : {}),
    };
    const connectRoute = api.routes.get('$connect');
    const authorization = await authorizeConnect(api, connectRoute, upgrade, handshake, context, stageModel.variables, deps);
    const metered = authorization.ok ? meterConnect(serving, connectRoute, stageModel, upgrade, authorization) : authorization;
    if (!metered.ok) {
      log(serving, context, '$connect', HANDSHAKE_REFUSALS[metered.refusal].status, metered.note);
      refuse(socket, metered.refusal);
      return;
    }
    const connection: ConnectionContext = { ...context, authorizer: metered.authorizer, iamIdentity: metered.iamIdentity };
    if (connectRoute) {
      const outcome = await invokeRoute(connectRoute, connectEvent(connection, handshake, deps.clock.now()), deps);
      const status = outcome.kind === 'result' ? connectStatus(outcome.payload) : HANDSHAKE_REFUSALS.INTEGRATION_FAILURE.status;
      if (status < 200 || status > 299) {
        log(serving, connection, '$connect', status, outcome.kind === 'failed' ? outcome.note : undefined);
        refuse(socket, outcome.kind === 'result' ? { status, body: '' } : 'INTEGRATION_FAILURE');
        return;
      }
    }
    this.sockets.handleUpgrade(req, socket, head, (ws) => {
      const session = new ConnectionSession(ws, connection, handshake, metered.apiKey, this.connections, () => this.serving);
      session.start();
      limitFrameSize(socket, MAX_FRAME_BYTES, () => session.close(SERVER_CLOSES.FRAME_TOO_BIG));
      if (!servesConnection(this.serving, connection)) {
        // A new app took over during the handshake and does not serve this stage.
        session.close(SERVER_CLOSES.SHUTDOWN);
      }
      log(serving, connection, '$connect', 101);
    });
  }
}

/** The handshake's API key, when `$connect` requires one, and its share of the throttles and quota. */
function meterConnect(
  { api, deps }: WebSocketServing, route: WebSocketRouteModel | undefined, stage: WebSocketStageModel, upgrade: ApiRequest,
  authorization: ConnectAuthorization & { readonly ok: true },
): (ConnectAuthorization & { readonly ok: true; readonly apiKey?: StageApiKey }) | (ConnectAuthorization & { readonly ok: false }) {
  const apiKey = route?.apiKeyRequired
    ? deps.metering.stageKey(api, stage.stageName, (name) => headerValue(upgrade, name), authorization.usageIdentifierKey)
    : undefined;
  if (route?.apiKeyRequired && !apiKey) {
    return { ok: false, refusal: 'FORBIDDEN', note: 'no API key of a usage plan of this stage' };
  }
  const refusal = deps.metering.meter(api, stage, '$connect', apiKey);
  return refusal ? { ok: false, refusal, note: refusal } : { ...authorization, apiKey };
}

function log({ api, deps }: WebSocketServing, connection: ConnectionContext, routeKey: string, status: number, note?: string): void {
  deps.requestLog?.(`${api.origin.path} ${routeKey} ${connection.connectionId} ${status}${note ? ` (${note})` : ''}`);
}
