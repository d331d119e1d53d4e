import { ApiRequest, domainPrefixOf, headerValue, parseQuery } from '../gateway/api-request';
import { isBinaryMediaType } from '../gateway/binary-media';
import { formatRequestTime, RequestIds } from '../gateway/request-ids';

/** What API Gateway knows of a request when it invokes a Lambda proxy integration (payload format 1.0). */
export interface ProxyEventContext {
  readonly request: ApiRequest;
  readonly ids: RequestIds;
  readonly accountId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly deploymentId: string;
  /** The path below the stage, as sent: `/items/42`. */
  readonly path: string;
  /** The resource's template, `/items/{id}`. */
  readonly resourcePath: string;
  readonly resourceId: string;
  readonly httpMethod: string;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly binaryMediaTypes: readonly string[];
  readonly identity: Readonly<Record<string, string | null>>;
  /** `requestContext.authorizer`, when an authorizer ran. */
  readonly authorizer?: Readonly<Record<string, unknown>>;
  /** HTTP APIs sending payload 1.0 add their route key and set `version`. */
  readonly httpApiRouteKey?: string;
}

/** The fields of `requestContext.identity` before authorization, all present, null unless the request tells them. */
export function proxyIdentity(request: ApiRequest): Record<string, string | null> {
  const userAgent = headerValue(request, 'user-agent') ?? null;
  return {
    cognitoIdentityPoolId: null,
    accountId: null,
    cognitoIdentityId: null,
    caller: null,
    sourceIp: request.sourceIp,
    principalOrgId: null,
    accessKey: null,
    cognitoAuthenticationType: null,
    cognitoAuthenticationProvider: null,
    userArn: null,
    userAgent,
    user: null,
    apiKey: null,
    apiKeyId: null,
    clientCert: null,
  };
}

/**
 * The Lambda proxy event of payload format 1.0, as REST APIs send it: empty maps and an empty body are null, header
 * names keep the client's casing, query values are decoded, duplicates keep the last value in the single-value maps.
 */
export function restProxyEvent(context: ProxyEventContext): Record<string, unknown> {
  const { request } = context;
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of request.headers) {
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  const query: Record<string, string> = {};
  const multiValueQuery: Record<string, string[]> = {};
  for (const [name, value] of parseQuery(request.rawQuery)) {
    query[name] = value;
    (multiValueQuery[name] ??= []).push(value);
  }
  const contentType = headerValue(request, 'content-type');
  const isBase64Encoded = request.body.length > 0 && isBinaryMediaType(contentType, context.binaryMediaTypes);
  const body = request.body.length === 0 ? null : request.body.toString(isBase64Encoded ? 'base64' : 'utf8');
  const requestContext = restRequestContext(context);
  return {
    ...(context.httpApiRouteKey !== undefined ? { version: '1.0' } : {}),
    resource: context.resourcePath,
    path: context.path,
    httpMethod: context.httpMethod,
    headers: nullIfEmpty(headers),
    multiValueHeaders: nullIfEmpty(multiValueHeaders),
    queryStringParameters: nullIfEmpty(query),
    multiValueQueryStringParameters: nullIfEmpty(multiValueQuery),
    pathParameters: nullIfEmpty(context.pathParameters),
    stageVariables: nullIfEmpty(context.stageVariables),
    requestContext,
    body,
    isBase64Encoded,
  };
}

/** `requestContext` of the payload 1.0 event, which is also what `$context` holds in mapping templates. */
export function restRequestContext(context: ProxyEventContext): Record<string, unknown> {
  const { request } = context;
  const host = headerValue(request, 'host') ?? 'localhost';
  return {
    accountId: context.accountId,
    apiId: context.apiId,
    ...(context.authorizer ? { authorizer: context.authorizer } : {}),
    domainName: host,
    domainPrefix: domainPrefixOf(host),
    extendedRequestId: context.ids.extendedRequestId,
    httpMethod: context.httpMethod,
    identity: context.identity,
    path: context.httpApiRouteKey !== undefined && context.stage === '$default' ? context.path : `/${context.stage}${context.path === '/' ? '/' : context.path}`,
    protocol: request.protocol,
    requestId: context.ids.requestId,
    requestTime: formatRequestTime(request.receivedAt),
    requestTimeEpoch: request.receivedAt,
    resourceId: context.resourceId,
    resourcePath: context.resourcePath,
    stage: context.stage,
    ...(context.httpApiRouteKey !== undefined ? { routeKey: context.httpApiRouteKey } : { deploymentId: context.deploymentId }),
  };
}

function nullIfEmpty<T extends object>(map: T): T | null {
  return Object.keys(map).length === 0 ? null : map;
}
