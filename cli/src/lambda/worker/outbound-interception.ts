import http from 'node:http';
import https from 'node:https';
import type { OutboundResponse } from '../types';
import { LocalClientRequest, LocalIncomingMessage } from './local-http';

/** Statuses whose Response must have a null body (the Fetch standard). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** `http` and `https` seen as what is patched; the real module objects are mutated so every importer sees the change. */
interface RequestModule {
  request: unknown;
  get: unknown;
}

type PassThroughRequest = (...args: unknown[]) => unknown;

/**
 * Answers requests for the given URLs inside this worker and lets every other request through unchanged, by patching
 * `http.request/get`, `https.request/get` and `globalThis.fetch`. Runs before the handler loads: Node builds the ES module view of
 * `node:http(s)` on its first import, so `import { request } from 'https'` in a handler captures the patched function.
 */
export function interceptOutboundRequests(responses: ReadonlyMap<string, OutboundResponse>): void {
  if (responses.size === 0) {
    return;
  }
  const byUrl = new Map<string, OutboundResponse>();
  for (const [url, response] of responses) {
    byUrl.set(urlKey(new URL(url)), response);
  }
  patchRequestModule(http, 'http:', byUrl);
  patchRequestModule(https, 'https:', byUrl);
  patchFetch(byUrl);
}

/** The URL as the map is keyed: protocol, host (with a non-default port) and path, without query or fragment. */
function urlKey(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

function patchRequestModule(target: RequestModule, protocol: string, byUrl: ReadonlyMap<string, OutboundResponse>): void {
  const originalRequest = target.request as PassThroughRequest;
  const originalGet = target.get as PassThroughRequest;
  const localAnswer = (args: readonly unknown[]): LocalClientRequest | undefined => {
    const url = requestUrl(args, protocol);
    const response = url && url.protocol === protocol ? byUrl.get(urlKey(url)) : undefined;
    return response && new LocalClientRequest(response, responseCallback(args));
  };
  target.request = function request(...args: unknown[]): unknown {
    return localAnswer(args) ?? originalRequest.apply(target, args);
  };
  target.get = function get(...args: unknown[]): unknown {
    const local = localAnswer(args);
    return local ? local.end() : originalGet.apply(target, args);
  };
}

function patchFetch(byUrl: ReadonlyMap<string, OutboundResponse>): void {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = function fetch(input, init) {
    const url = parseUrl(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const response = url ? byUrl.get(urlKey(url)) : undefined;
    if (response === undefined) {
      return originalFetch(input, init);
    }
    const body = NULL_BODY_STATUSES.has(response.statusCode) ? null : response.body;
    return Promise.resolve(new Response(body, { status: response.statusCode, headers: response.headers }));
  };
}

interface RequestOptionsLike {
  readonly protocol?: unknown;
  readonly hostname?: unknown;
  readonly host?: unknown;
  readonly port?: unknown;
  readonly path?: unknown;
}

/**
 * The URL of a `request(url[, options][, callback])` or `request(options[, callback])` call, options winning over
 * the URL as in Node; undefined when it cannot be told (Node will then report the problem itself).
 */
export function requestUrl(args: readonly unknown[], defaultProtocol: string): URL | undefined {
  const [first, second] = args;
  const base = typeof first === 'string' || first instanceof URL ? parseUrl(String(first)) : undefined;
  const optionsArgument = base === undefined ? first : second;
  const options: RequestOptionsLike = typeof optionsArgument === 'object' && optionsArgument !== null ? optionsArgument : {};
  const protocol = stringOf(options.protocol) ?? base?.protocol ?? defaultProtocol;
  const hostname = stringOf(options.hostname) ?? stringOf(options.host) ?? base?.hostname ?? 'localhost';
  const port = stringOf(options.port) ?? base?.port ?? '';
  const requestPath = stringOf(options.path) ?? (base ? base.pathname + base.search : '/');
  return parseUrl(`${protocol}//${hostname}${port === '' ? '' : `:${port}`}${requestPath}`);
}

function responseCallback(args: readonly unknown[]): ((response: LocalIncomingMessage) => void) | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as (response: LocalIncomingMessage) => void) : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
