import { ApiRequest, headerValue } from '../gateway/api-request';
import { HttpCorsModel } from '../model';

/** A browser's preflight request: OPTIONS with `Origin` and `Access-Control-Request-Method`. */
export function isPreflight(request: ApiRequest): boolean {
  return request.method === 'OPTIONS' && headerValue(request, 'origin') !== undefined && headerValue(request, 'access-control-request-method') !== undefined;
}

/** API Gateway's own answer to a preflight request: 204, with the CORS headers when the origin is allowed. */
export function preflightHeaders(cors: HttpCorsModel, request: ApiRequest): [string, string][] {
  const origin = allowedOrigin(cors, request);
  if (origin === undefined) {
    return [];
  }
  const headers: [string, string][] = [['access-control-allow-origin', origin]];
  if (cors.allowCredentials) {
    headers.push(['access-control-allow-credentials', 'true']);
  }
  if (cors.allowMethods.length > 0) {
    headers.push(['access-control-allow-methods', cors.allowMethods.join(',')]);
  }
  const requested = headerValue(request, 'access-control-request-headers');
  if (cors.allowHeaders.length > 0) {
    headers.push(['access-control-allow-headers', cors.allowHeaders.includes('*') && requested ? requested : cors.allowHeaders.join(',').toLowerCase()]);
  }
  if (cors.exposeHeaders.length > 0) {
    headers.push(['access-control-expose-headers', cors.exposeHeaders.join(',').toLowerCase()]);
  }
  if (cors.maxAge !== undefined) {
    headers.push(['access-control-max-age', String(cors.maxAge)]);
  }
  return headers;
}

/**
 * The CORS headers of an actual (non-preflight) response, replacing any the integration returned, as HTTP APIs
 * ignore an integration's CORS headers when the API has a CORS configuration.
 */
export function applyCors(cors: HttpCorsModel, request: ApiRequest, headers: [string, string][]): [string, string][] {
  const kept = headers.filter(([name]) => !name.toLowerCase().startsWith('access-control-'));
  const origin = allowedOrigin(cors, request);
  if (origin === undefined) {
    return kept;
  }
  kept.push(['access-control-allow-origin', origin]);
  if (cors.allowCredentials) {
    kept.push(['access-control-allow-credentials', 'true']);
  }
  if (cors.exposeHeaders.length > 0) {
    kept.push(['access-control-expose-headers', cors.exposeHeaders.join(',').toLowerCase()]);
  }
  return kept;
}

/**
 * `*`, or the request's origin when an entry of the configuration matches it (case-insensitively); undefined when not
 * allowed. A `*` inside an entry stands for any characters: the documented examples are `https://*` ("allow any origin
 * that begins with https://") and `http://*` (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html).
 */
function allowedOrigin(cors: HttpCorsModel, request: ApiRequest): string | undefined {
  const origin = headerValue(request, 'origin');
  if (origin === undefined) {
    return undefined;
  }
  if (cors.allowOrigins.includes('*')) {
    return cors.allowCredentials ? origin : '*';
  }
  return cors.allowOrigins.some((allowed) => originPattern(allowed).test(origin)) ? origin : undefined;
}

const originPatterns = new Map<string, RegExp>();

function originPattern(allowed: string): RegExp {
  let pattern = originPatterns.get(allowed);
  if (pattern === undefined) {
    const source = allowed.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    pattern = new RegExp(`^${source}$`, 'i');
    originPatterns.set(allowed, pattern);
  }
  return pattern;
}
