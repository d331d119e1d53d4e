import { IConstruct } from 'constructs';
import { check } from './errors';

/** HTTP methods API Gateway accepts on a route; `ANY` matches every method. */
export const ROUTE_METHODS = ['ANY', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;
export type RouteMethod = typeof ROUTE_METHODS[number];

/** A route key such as `GET /items/{id}`, parsed and validated once. */
export interface ParsedRouteKey {
  /** The key as the user wrote it, normalised to one space (`GET /items/{id}`). */
  readonly key: string;
  readonly method: RouteMethod;
  /** Always starts with `/`; `/` alone is the root. */
  readonly path: string;
  /** Path segments without the leading slash; empty for the root. */
  readonly segments: readonly string[];
}

const LITERAL_SEGMENT = /^[A-Za-z0-9._~:@!$&'()*,;=-]+$/;
const VARIABLE_SEGMENT = /^\{([A-Za-z0-9._-]+)(\+?)\}$/;
const EXPECTED = "'METHOD /path', e.g. 'GET /items/{id}' or 'ANY /{proxy+}'";

/** Parses `METHOD /path`; throws an error naming `prop` and the offending part otherwise. */
export function parseRouteKey(scope: IConstruct, prop: string, routeKey: string): ParsedRouteKey {
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(routeKey);
  check(match !== null, scope, 'InvalidRouteKey', () => `${prop} must look like ${EXPECTED}, got '${routeKey}'`);
  const method = match[1].toUpperCase();
  const path = match[2];
  check((ROUTE_METHODS as readonly string[]).includes(method), scope, 'UnknownHttpMethod', () =>
    `${prop} has the unknown HTTP method '${match[1]}'; expected one of ${ROUTE_METHODS.join(', ')}`);
  check(path.startsWith('/'), scope, 'InvalidRouteKey', () =>
    `${prop} has a path that does not start with '/'; expected ${EXPECTED}`);
  check(path === '/' || !path.endsWith('/'), scope, 'InvalidRouteKey', () =>
    `${prop} has a trailing '/'; write the path without it`);

  const segments = path === '/' ? [] : path.slice(1).split('/');
  const variables = new Set<string>();
  segments.forEach((segment, index) => {
    check(segment.length > 0, scope, 'InvalidRouteKey', () => `${prop} has an empty path segment ('//')`);
    const variable = VARIABLE_SEGMENT.exec(segment);
    if (!variable) {
      check(LITERAL_SEGMENT.test(segment), scope, 'InvalidRouteKey', () =>
        `${prop} has the invalid path segment '${segment}'; segments are letters, digits and ._~:@!$&'()*,;=- or a variable such as {id} or {proxy+}`);
      return;
    }
    const [, name, greedy] = variable;
    check(!greedy || index === segments.length - 1, scope, 'InvalidRouteKey', () =>
      `${prop} has the greedy variable '${segment}' before the last segment; a {name+} variable must end the path`);
    check(!variables.has(name), scope, 'InvalidRouteKey', () =>
      `${prop} uses the path variable '{${name}}' twice; each variable needs its own name`);
    variables.add(name);
  });

  return { key: `${method} ${path}`, method: method as RouteMethod, path, segments };
}

/** True for `{id}` and `{proxy+}` segments. */
export function isVariableSegment(segment: string): boolean {
  return VARIABLE_SEGMENT.test(segment);
}
