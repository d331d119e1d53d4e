import * as http from 'node:http';
import * as https from 'node:https';

/** A request to an integration endpoint (an HTTP upstream or an AWS service endpoint). */
export interface ForwardedRequest {
  readonly url: URL;
  readonly method: string;
  /** Names as they should be sent; hop-by-hop headers are dropped here. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer | string;
  /** The integration timeout: the whole exchange, response body included, must end within it. */
  readonly timeoutMs: number;
}

/** The endpoint's response, or why there is none (each API type answers these with its own error). */
export type ForwardOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly headers: [string, string][]; readonly body: Buffer }
  | { readonly kind: 'timeout' | 'unreachable'; readonly note: string };

/**
 * Headers that belong to one connection, which a proxy neither forwards nor returns (RFC 9110 section 7.6.1), and the
 * framing headers the outgoing side computes again.
 */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

/** Headers without the hop-by-hop ones and those the `Connection` header names. */
export function endToEndHeaders(headers: readonly (readonly [string, string])[]): [string, string][] {
  const named = new Set(headers.filter(([name]) => name.toLowerCase() === 'connection')
    .flatMap(([, value]) => value.split(',').map((token) => token.trim().toLowerCase())));
  return headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()) && !named.has(name.toLowerCase())).map(([name, value]) => [name, value]);
}

/**
 * Sends the request with Node's HTTP client and reads the whole response. A connection that fails is `unreachable`;
 * no complete response within `timeoutMs` is `timeout` (the request is aborted then).
 */
export function forwardHttp(request: ForwardedRequest): Promise<ForwardOutcome> {
  const client = request.url.protocol === 'https:' ? https : http;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of endToEndHeaders(request.headers)) {
    const existing = headers[name];
    headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  headers['content-length'] = String(Buffer.byteLength(request.body));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: ForwardOutcome) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      }
    };
    const outgoing = client.request(request.url, { method: request.method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => settle({ kind: 'unreachable', note: `the response from ${request.url.origin} broke off: ${error.message}` }));
      response.on('end', () => {
        const received: [string, string][] = [];
        for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
          received.push([response.rawHeaders[i], response.rawHeaders[i + 1]]);
        }
        settle({ kind: 'response', status: response.statusCode ?? 502, headers: endToEndHeaders(received), body: Buffer.concat(chunks) });
      });
    });
    const timer = setTimeout(() => {
      settle({ kind: 'timeout', note: `${request.method} ${request.url.href} gave no complete answer within ${request.timeoutMs} ms` });
      outgoing.destroy();
    }, request.timeoutMs);
    outgoing.on('error', (error: Error & { code?: string }) =>
      settle({ kind: 'unreachable', note: `${request.method} ${request.url.href} failed: ${error.code ?? error.message}` }));
    outgoing.end(request.body);
  });
}
