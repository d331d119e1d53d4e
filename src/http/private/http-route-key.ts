import { IConstruct } from 'constructs';
import { routeArnPath } from '../../private/arns';
import { parseRouteKey, ParsedRouteKey } from '../../private/route-key';

/** The route key of the HTTP API route that serves every request no other route matches. */
export const DEFAULT_ROUTE_KEY = '$default';

/** An HTTP API route key: `$default`, or `METHOD /path` parsed once. */
export interface ParsedHttpRouteKey {
  /** The key as API Gateway stores it: `$default`, or `GET /items/{id}` (method uppercase, one space). */
  readonly key: string;
  /** The parsed `METHOD /path`; undefined for `$default`. */
  readonly route?: ParsedRouteKey;
}

/** Parses `$default` or `METHOD /path`; throws an error naming `prop` and the offending part otherwise. */
export function parseHttpRouteKey(scope: IConstruct, prop: string, routeKey: string): ParsedHttpRouteKey {
  if (routeKey.trim() === DEFAULT_ROUTE_KEY) {
    return { key: DEFAULT_ROUTE_KEY };
  }
  const route = parseRouteKey(scope, prop, routeKey);
  return { key: route.key, route };
}

/**
 * The construct id of a route, derived from its key alone so that adding or removing another route never replaces
 * it: `Route-GET|items|{id}` ('/' is reserved in construct ids), `Route-$default`.
 */
export function httpRouteId(key: ParsedHttpRouteKey): string {
  return key.route ? `Route-${key.route.method}${key.route.path.replace(/\//g, '|')}` : `Route-${DEFAULT_ROUTE_KEY}`;
}

/**
 * The `execute-api` resource path of the requests a route serves, below `{apiId}/{stage}/`: `GET/items/*` for
 * `GET /items/{id}`, with `*` as the method of an ANY route; `*` alone for `$default`, which serves any request.
 */
export function httpRouteArnPath(key: ParsedHttpRouteKey): string {
  if (!key.route) {
    return '*';
  }
  return routeArnPath(key.route);
}
