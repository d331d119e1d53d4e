import http from 'node:http';
import https from 'node:https';
import { parseUrl, requestUrl } from './outbound-interception';

type RequestFunction = (...args: unknown[]) => unknown;

/**
 * Sends requests for the given origins to local origins instead, path and query kept, by patching
 * `http.request/get`, `https.request/get` and `globalThis.fetch`: an `https://{apiId}.execute-api…` URL a handler
 * builds from its event (`https://${domainName}/${stage}`), as `@aws-sdk/client-apigatewaymanagementapi` is given it,
 * reaches the runtime's WebSocket API over plain HTTP. The request's own headers (its signed `host`) are kept.
 */
export function redirectOutboundRequests(redirects: ReadonlyMap<string, string>): void {
  if (redirects.size === 0) {
    return;
  }
  const localUrl = (url: URL | undefined): URL | undefined => {
    const origin = url && redirects.get(url.origin);
    return origin === undefined ? undefined : new URL(`${url!.pathname}${url!.search}`, origin);
  };
  const originalHttpRequest = http.request as RequestFunction;
  for (const [target, protocol] of [[http, 'http:'], [https, 'https:']] as const) {
    const original = { request: target.request as RequestFunction, get: target.get as RequestFunction };
    const redirected = (name: 'request' | 'get') => function redirect(...args: unknown[]): unknown {
      const local = localUrl(requestUrl(args, protocol));
      if (local === undefined) {
        return original[name].apply(target, args);
      }
      const request = originalHttpRequest(...localArguments(args, local)) as http.ClientRequest;
      if (name === 'get') request.end();
      return request;
    };
    (target as { request: unknown }).request = redirected('request');
    (target as { get: unknown }).get = redirected('get');
  }
  const originalFetch = globalThis.fetch;
  globalThis.fetch = function fetch(input, init) {
    const request = new Request(input, init);
    const local = localUrl(parseUrl(request.url));
    return local === undefined ? originalFetch(input, init) : originalFetch(new Request(local, request));
  };
}

/** The arguments of `http.request(options[, callback])` for the local URL: the caller's options, its agent dropped. */
function localArguments(args: readonly unknown[], local: URL): unknown[] {
  const [first, second] = args;
  const optionsArgument = typeof first === 'string' || first instanceof URL ? second : first;
  const options = typeof optionsArgument === 'object' && optionsArgument !== null ? optionsArgument as Record<string, unknown> : {};
  const callback = args.find((arg) => typeof arg === 'function');
  const localOptions = {
    ...options,
    protocol: 'http:',
    hostname: local.hostname,
    host: undefined,
    port: local.port,
    path: `${local.pathname}${local.search}`,
    agent: undefined,
  };
  return callback === undefined ? [localOptions] : [localOptions, callback];
}
