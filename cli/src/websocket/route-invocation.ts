import { Clock } from '../clock';
import { invokeWithIntegrationTimeout } from '../gateway/integration-timeout';
import type { InvokeOutcome } from '../lambda';
import { FunctionModel, WebSocketRouteModel } from '../model';

export interface RouteInvocationDeps {
  readonly invoke: (functionArn: string, event: unknown) => Promise<InvokeOutcome>;
  readonly functions: ReadonlyMap<string, FunctionModel>;
  readonly clock: Clock;
}

/** How a route's integration answered: its result, or why there is none. */
export type RouteOutcome =
  | { readonly kind: 'result'; readonly payload: unknown; readonly coldStart?: boolean }
  | { readonly kind: 'failed'; readonly note: string }
  | { readonly kind: 'timeout' };

/** Runs the route's integration on `event`: a Lambda proxy within API Gateway's 29-second timeout, or a MOCK. */
export async function invokeRoute(route: WebSocketRouteModel, event: unknown, deps: RouteInvocationDeps): Promise<RouteOutcome> {
  const integration = route.integration;
  if (integration.type === 'MOCK') {
    return { kind: 'result', payload: { statusCode: 200 } };
  }
  if (integration.type === 'UNSUPPORTED') {
    return { kind: 'failed', note: `the ${integration.integrationType} integration of ${route.routeKey} is not served` };
  }
  const fn = deps.functions.get(integration.functionArn);
  let outcome: InvokeOutcome | 'INTEGRATION_TIMEOUT';
  try {
    outcome = await invokeWithIntegrationTimeout(() => deps.invoke(integration.functionArn, event), integration.timeoutMs, fn?.timeoutSeconds ?? 3);
  } catch (error) {
    return { kind: 'failed', note: error instanceof Error ? error.message : String(error) };
  }
  if (outcome === 'INTEGRATION_TIMEOUT') {
    return { kind: 'timeout' };
  }
  if (outcome.kind !== 'result') {
    return { kind: 'failed', note: `the function failed: ${outcome.errorMessage}` };
  }
  return { kind: 'result', payload: outcome.payload, coldStart: outcome.coldStart };
}

/** The status of a `$connect` result: a proxy result's `statusCode`, 200 when it has none. */
export function connectStatus(payload: unknown): number {
  const statusCode = typeof payload === 'object' && payload !== null ? (payload as { statusCode?: unknown }).statusCode : undefined;
  const status = typeof statusCode === 'string' ? Number(statusCode) : statusCode;
  return typeof status === 'number' && Number.isInteger(status) ? status : 200;
}

/**
 * What a two-way route sends back: the proxy result's `body` (a string result as it is, any other value as JSON);
 * undefined when the result has no body.
 */
export function routeResponseBody(payload: unknown): string | undefined {
  if (typeof payload === 'string') return payload;
  if (typeof payload === 'object' && payload !== null && 'statusCode' in payload) {
    const body = (payload as { body?: unknown }).body;
    return body === undefined || body === null ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  }
  return payload === undefined || payload === null ? undefined : JSON.stringify(payload);
}
