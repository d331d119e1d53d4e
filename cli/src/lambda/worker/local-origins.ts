import http from 'node:http';
import https from 'node:https';
import { parseUrl, requestUrl, responseCallback } from './outbound-interception';

type RequestFunction = (...args: unknown[]) => unknown;

/**
 * Sends the requests a handler makes to the given hosts (`https://{apiId}.execute-api.{region}.amazonaws.com/...`) to
 * a local origin (`http://127.0.0.1:3001`) instead, path and query unchanged, by patching `http.request/get`,
 * `https.request/get` and `globalThis.fetch`: the request then really travels, over loopback, to a local listener.
 * Runs before the handler loads, after the fixed answers of `interceptOutboundRequests`, which therefore win.
 */
export function redirectToLocalOrigins(origins: ReadonlyMap<string, string>): void {
  if (origins.size === 0) {
    return;
  }
  const localRequest = http.request as RequestFunction;
  const localGet = http.get as RequestFunction;
  for (const [target, protocol] of [[http, 'http:'], [https, 'https:']] as const) {
    const originalRequest = target.request as RequestFunction;
    const originalGet = target.get as RequestFunction;
    target.request = function request(...args: unknown[]) {
      const local = localArguments(args, protocol, origins);
      return local ? localRequest.apply(http, local) : originalRequest.apply(target, args);
    } as typeof target.request;
    target.get = function get(...args: unknown[]) {
      const local = localArguments(args, protocol, origins);
      return local ? localGet.apply(http, local) : originalGet.apply(target, args);
    } as typeof target.get;
  }
  const originalFetch = globalThis.fetch;
  globalThis.fetch = function fetch(input, init) {
    const url = parseUrl(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const origin = url === undefined ? undefined : origins.get(url.hostname);
    if (url === undefined || origin === undefined) {
      return originalFetch(input, init);
    }
    const local = new URL(`${url.pathname}${url.search}`, origin);
    return originalFetch(input instanceof Request ? new Request(local, input) : local, init);
  };
}

/** The arguments of an `http.request` to the local origin, when the request's host has one. */
function localArguments(args: readonly unknown[], protocol: string, origins: ReadonlyMap<string, string>): unknown[] | undefined {
  const url = requestUrl(args, protocol);
  const origin = url === undefined ? undefined : origins.get(url.hostname);
  if (url === undefined || origin === undefined) {
    return undefined;
  }
  const [first, second] = args;
  const optionsArgument = typeof first === 'string' || first instanceof URL ? second : first;
  const given = typeof optionsArgument === 'object' && optionsArgument !== null ? optionsArgument : {};
  const local = new URL(origin);
  // The agent (an https.Agent, for TLS) and the TLS server name do not apply to a plain HTTP request on loopback.
  const options = {
    ...given,
    protocol: 'http:',
    hostname: local.hostname,
    host: local.hostname,
    port: local.port,
    path: `${url.pathname}${url.search}`,
    agent: undefined,
    servername: undefined,
  };
  const callback = responseCallback(args);
  return callback ? [options, callback] : [options];
}
