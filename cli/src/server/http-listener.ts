import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { Clock } from '../clock';
import { ApiRequest, ApiResponse } from '../gateway/api-request';

/** API Gateway's payload limit: a larger request is refused before any processing. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** Answers one request of one API; the listener turns what it returns into the HTTP response. */
export type ApiRequestHandler = (request: ApiRequest) => Promise<ApiResponse>;

/** The API's own answers to requests it refuses for their size, before any other processing. */
export interface SizeRefusals {
  /** The answer to a request whose body passes {@link MAX_PAYLOAD_BYTES}. */
  bodyTooLarge(request: ApiRequest): ApiResponse;
  /** The answer to a request whose URL and headers pass the API's quota; undefined for one within it. */
  headTooLarge(request: ApiRequest): ApiResponse | undefined;
}

/**
 * Node's own bound on the request line and headers, which it answers itself (431); the APIs' quotas (10,240 bytes)
 * are far below, so that they, not Node, answer requests over them.
 */
const MAX_HEADER_BYTES = 1024 * 1024;
const NO_BODY = Buffer.alloc(0);

/**
 * A `node:http` server for one API. It reads each request whole (refusing more than 10 MB, and URLs and headers over
 * the API's quota), hands it to `handle`, and
 * writes the answer. Nothing a client sends can stop it: malformed HTTP gets a 400 from Node, a failing handler a 500,
 * and a client that goes away mid-request is forgotten.
 */
export class HttpListener {
  private readonly server: http.Server;

  constructor(handle: ApiRequestHandler, refusals: SizeRefusals, clock: Clock, onInternalError: (error: unknown) => void) {
    this.server = http.createServer({ keepAliveTimeout: 5_000, maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
      const head = toApiRequest(req, NO_BODY, clock.now());
      const chunks: Buffer[] = [];
      let size = 0;
      const headRefusal = refusals.headTooLarge(head);
      let refused = headRefusal !== undefined;
      if (headRefusal) {
        write(res, headRefusal, true);
      }
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_PAYLOAD_BYTES) {
          if (!refused) {
            refused = true;
            write(res, refusals.bodyTooLarge(head), true);
          }
          return;
        }
        chunks.push(chunk);
      });
      req.on('error', () => res.destroy());
      req.on('end', () => {
        if (refused) {
          return;
        }
        handle({ ...head, body: Buffer.concat(chunks) }).then(
          (response) => write(res, response, false),
          (error: unknown) => {
            onInternalError(error);
            write(res, { status: 500, headers: [['content-type', 'application/json']], body: '{"message":"Internal server error"}' }, false);
          },
        );
      });
    });
    this.server.on('clientError', (_error, socket) => {
      if (socket.writable) {
        socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      } else {
        socket.destroy();
      }
    });
  }

  /** Listens on `host:port` (0 for any free port) and resolves to the port. */
  public listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /**
   * Stops listening at once and resolves when every connection is closed: cut at once, or, with `drain`, once the
   * requests in flight are answered (Node answers them with `connection: close`).
   */
  public close(drain = false): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      if (!drain) {
        this.server.closeAllConnections();
      }
    });
  }
}

/** The request as the API pipelines read it. */
export function toApiRequest(req: http.IncomingMessage, body: Buffer, receivedAt: number): ApiRequest {
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const headers: [string, string][] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    rawPath: queryAt < 0 ? url : url.slice(0, queryAt),
    rawQuery: queryAt < 0 ? '' : url.slice(queryAt + 1),
    headers,
    body,
    sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    protocol: `HTTP/${req.httpVersion}`,
    receivedAt,
  };
}

function write(res: http.ServerResponse, response: ApiResponse, close: boolean): void {
  if (res.headersSent || res.destroyed) {
    return;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) {
    const existing = headers[name];
    headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const { body } = response;
  if (close) {
    headers.connection = 'close';
  }
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) {
    // Streamed: chunked transfer, each write sent as the integration produces it; a failure cuts the response off.
    res.writeHead(response.status, headers);
    res.flushHeaders();
    body.on('error', () => res.destroy());
    body.pipe(res);
    return;
  }
  headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.length);
  res.writeHead(response.status, headers);
  // A string body goes out with the headers in one write; a Buffer takes a second one.
  res.end(body);
}
