import * as http from 'http';
import { AddressInfo } from 'net';
import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import { BASE_CONFIG, captureLogs, createSigningKit, tokenEvent } from './jwt-fixtures';
import { BoundedJwksFetcher, createJwtAuthorizer, JwksTooLargeError, MAX_JWKS_BYTES, RequestFunction } from '../../src/handlers/jwt-authorizer.lambda';

/** Far more than any JWKS, and than the cap plus every buffer between the two ends of a loopback connection. */
const ENDLESS_LIMIT = 512 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x20);

interface LocalServer {
  readonly url: string;
  /** Requests received so far. */
  requests: number;
  /** Body bytes the server handed to the socket, summed over every response. */
  written: number;
  /** Resolves when a response's connection closed before the server ended it. */
  readonly closedEarly: Promise<void>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 answering every request with `respond`. */
async function localServer(respond: (response: http.ServerResponse, server: LocalServer) => void): Promise<LocalServer> {
  let markClosedEarly: () => void = () => undefined;
  const httpServer = http.createServer((_request, response) => {
    state.requests += 1;
    response.on('close', () => {
      if (!response.writableEnded) {
        markClosedEarly();
      }
    });
    respond(response, state);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const state: LocalServer = {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/.well-known/jwks.json`,
    requests: 0,
    written: 0,
    closedEarly: new Promise((resolve) => { markClosedEarly = resolve; }),
    close: () => {
      httpServer.closeAllConnections();
      return new Promise((resolve) => httpServer.close(() => resolve()));
    },
  };
  servers.push(state);
  return state;
}

/** Writes 64 KiB chunks as fast as the client reads them, until the client goes away (or far past any cap). */
function streamEndlessly(response: http.ServerResponse, server: LocalServer): void {
  const pump = () => {
    while (!response.destroyed && server.written < ENDLESS_LIMIT) {
      server.written += CHUNK.length;
      if (!response.write(CHUNK)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  pump();
}

/** `http.request` that counts the response body bytes it delivers to the fetcher. */
function countingRequest(): { request: RequestFunction; bytesRead: () => number } {
  let bytes = 0;
  const request: RequestFunction = (url, options, callback) => http.request(url, options, (response) => {
    response.on('data', (chunk: Buffer) => { bytes += chunk.length; });
    callback(response);
  });
  return { request, bytesRead: () => bytes };
}

const servers: LocalServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  jest.restoreAllMocks();
});

describe('BoundedJwksFetcher', () => {
  test('returns the body of a 200 response', async () => {
    const server = await localServer((response) => response.end('{"keys":[]}'));

    const body = await new BoundedJwksFetcher({ request: http.request }).fetch(server.url);

    expect(Buffer.from(body).toString()).toBe('{"keys":[]}');
  });

  test('accepts a body of exactly the cap', async () => {
    const server = await localServer((response) => response.end(Buffer.alloc(MAX_JWKS_BYTES, 0x20)));

    const body = await new BoundedJwksFetcher({ request: http.request }).fetch(server.url);

    expect(body.byteLength).toBe(MAX_JWKS_BYTES);
  });

  test('refuses a body one byte over the cap', async () => {
    const server = await localServer((response) => response.end(Buffer.alloc(MAX_JWKS_BYTES + 1, 0x20)));

    await expect(new BoundedJwksFetcher({ request: http.request }).fetch(server.url))
      .rejects.toThrow(new RegExp(`Response body exceeds ${MAX_JWKS_BYTES} bytes`));
  });

  test('stops reading an endless body just past the cap, closes the connection and does not retry', async () => {
    const server = await localServer(streamEndlessly);
    const { request, bytesRead } = countingRequest();

    const fetched = new BoundedJwksFetcher({ request }).fetch(server.url);

    await expect(fetched).rejects.toBeInstanceOf(JwksTooLargeError);
    await server.closedEarly;
    expect(bytesRead()).toBeLessThanOrEqual(MAX_JWKS_BYTES + CHUNK.length);
    expect(server.written).toBeLessThan(ENDLESS_LIMIT / 4);
    expect(server.requests).toBe(1);
  });

  test('refuses a Content-Length over the cap without reading the body', async () => {
    const server = await localServer((response, state) => {
      response.writeHead(200, { 'content-length': String(400 * 1024 * 1024) });
      streamEndlessly(response, state);
    });
    const { request, bytesRead } = countingRequest();

    await expect(new BoundedJwksFetcher({ request }).fetch(server.url)).rejects.toBeInstanceOf(JwksTooLargeError);
    await server.closedEarly;
    expect(bytesRead()).toBe(0);
  });

  test('gives up on a body that trickles forever once the response time-out passes, after one retry', async () => {
    const server = await localServer((response) => {
      response.write('{"keys":[');
      const drip = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(drip));
    });
    const started = Date.now();

    await expect(new BoundedJwksFetcher({ request: http.request, responseTimeoutMs: 200 }).fetch(server.url))
      .rejects.toThrow(/Response time-out \(after 200 ms\.\)/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.requests).toBe(2);
  });

  test('retries once, at once, when the connection drops mid-body', async () => {
    const server = await localServer((response, state) => {
      if (state.requests === 1) {
        response.write('{"keys"');
        response.destroy();
      } else {
        response.end('{"keys":[]}');
      }
    });

    const body = await new BoundedJwksFetcher({ request: http.request }).fetch(server.url);

    expect(Buffer.from(body).toString()).toBe('{"keys":[]}');
    expect(server.requests).toBe(2);
  });

  test('refuses a status other than 200 without retrying', async () => {
    const server = await localServer((response) => {
      response.statusCode = 404;
      response.end();
    });

    const fetched = new BoundedJwksFetcher({ request: http.request }).fetch(server.url);

    await expect(fetched).rejects.toBeInstanceOf(NonRetryableFetchError);
    await expect(fetched).rejects.toThrow(/Status code is 404, expected 200/);
    expect(server.requests).toBe(1);
  });

  test('reports a connection refused as a retryable fetch error', async () => {
    const server = await localServer((response) => response.end());
    await server.close();

    const fetched = new BoundedJwksFetcher({ request: http.request }).fetch(server.url);

    await expect(fetched).rejects.toBeInstanceOf(FetchError);
    await expect(fetched).rejects.not.toBeInstanceOf(NonRetryableFetchError);
  });
});

describe('the authorizer whose JWKS endpoint sends an endless body', () => {
  test('is Unauthorized, logs oversized-jwks at ERROR level, and reads no more than the cap', async () => {
    const kit = await createSigningKit();
    const logs = captureLogs();
    const server = await localServer(streamEndlessly);
    const { request, bytesRead } = countingRequest();
    const authorizer = createJwtAuthorizer({ ...BASE_CONFIG, jwksUri: server.url }, { fetcher: new BoundedJwksFetcher({ request }) });

    await expect(authorizer(tokenEvent(await kit.sign()))).rejects.toThrow(/^Unauthorized$/);

    await server.closedEarly;
    expect(bytesRead()).toBeLessThanOrEqual(MAX_JWKS_BYTES + CHUNK.length);
    expect(JSON.parse(logs.lines().at(-1)!)).toMatchObject({
      level: 'ERROR', decision: 'unauthorized', reason: 'oversized-jwks', errorName: 'JwksTooLargeError',
    });
  });
});
