import * as http from 'node:http';
import { AddressInfo } from 'node:net';

/** What the upstream received, as tests read it back. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  /** Lower-case names. */
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface UpstreamAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

/** A local HTTP server standing for an integration's endpoint, on 127.0.0.1. */
export interface Upstream {
  readonly url: string;
  /** The requests received, oldest first. */
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a server that answers each request with `answer` (default: 200 and the request as JSON); a request to a path
 * starting with `/hang` never gets an answer, for integration timeouts.
 */
export async function startUpstream(
  answer: (request: ReceivedRequest) => UpstreamAnswer | Promise<UpstreamAnswer> = (request) => ({
    status: 200, headers: { 'content-type': 'application/json', 'x-upstream': 'yes' }, body: JSON.stringify(request),
  }),
): Promise<Upstream> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      if (request.url.startsWith('/hang')) {
        return;
      }
      void Promise.resolve(answer(request)).then(({ status, headers, body }) => res.writeHead(status, headers).end(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A URL on 127.0.0.1 where nothing listens: a port that was free a moment ago. */
export async function unreachableUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
