import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { check } from '../../private/errors';
import { checkSeconds } from '../../private/numbers';
import { ParsedRouteKey } from '../../private/route-key';
import { RouteCacheOptions } from '../stage-options';

/** A route's caching, as the method and its integration need it. */
export interface RouteCache {
  readonly ttl?: Duration;
  /** Full request parameter names, e.g. `method.request.querystring.page`. */
  readonly keyParameters: string[];
}

const KEY_PARAMETER = /^(querystring|header|path)\.([^\s.][^\s]*)$/;
/** The prefix of method request parameters, which keyParameters leave out. */
const METHOD_REQUEST = 'method.request.';

/** Validates a route's `cache` option against the route key. */
export function resolveRouteCache(scope: Construct, prop: string, key: ParsedRouteKey, cache: RouteCacheOptions | undefined): RouteCache | undefined {
  if (!cache) {
    return undefined;
  }
  checkSeconds(scope, `${prop}.ttl`, cache.ttl, 0, 3600);
  const pathVariables = key.segments
    .map((segment) => /^\{([^}+]+)\+?\}$/.exec(segment)?.[1])
    .filter((name): name is string => name !== undefined);
  const keyParameters = (cache.keyParameters ?? []).map((parameter, index) => {
    const match = KEY_PARAMETER.exec(parameter);
    check(match !== null, scope, 'InvalidCacheKeyParameter', () =>
      `${prop}.keyParameters[${index}] is ${JSON.stringify(parameter)}; expected 'querystring.<name>', 'header.<name>' or 'path.<name>'${
        parameter.startsWith(METHOD_REQUEST) ? ` (did you mean '${parameter.slice(METHOD_REQUEST.length)}'?)` : ''}`);
    check(match[1] !== 'path' || pathVariables.includes(match[2]), scope, 'InvalidCacheKeyParameter', () =>
      `${prop}.keyParameters[${index}] is '${parameter}' but the route '${key.key}' has ${pathVariables.length ? `only the path variables ${pathVariables.join(', ')}` : 'no path variables'}`);
    return `${METHOD_REQUEST}${parameter}`;
  });
  check(new Set(keyParameters).size === keyParameters.length, scope, 'InvalidCacheKeyParameter', () =>
    `${prop}.keyParameters lists a parameter twice: ${JSON.stringify(cache.keyParameters)}`);
  return { ttl: cache.ttl, keyParameters };
}

/** True when the cache key separates callers who authenticate with the `Authorization` header. */
export function cacheKeyIncludesCaller(cache: RouteCache): boolean {
  return cache.keyParameters.some((parameter) => parameter.toLowerCase() === 'method.request.header.authorization');
}

/** A cache key parameter must be a declared method request parameter; declared as optional unless required. */
export function cacheKeyRequestParameters(
  required: { [parameter: string]: boolean } | undefined, cache: RouteCache | undefined,
): { [parameter: string]: boolean } | undefined {
  const parameters = { ...required };
  for (const parameter of cache?.keyParameters ?? []) {
    parameters[parameter] = parameters[parameter] ?? parameter.startsWith('method.request.path.');
  }
  return Object.keys(parameters).length ? parameters : undefined;
}
