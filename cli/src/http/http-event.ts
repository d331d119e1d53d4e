import { ApiRequest, domainPrefixOf, parseQuery } from '../gateway/api-request';
import { formatRequestTime, RequestIds } from '../gateway/request-ids';
import { proxyIdentity, restProxyEvent } from '../proxy';

/** What an HTTP API knows of a request when it invokes a Lambda function (payload format 2.0). */
export interface HttpEventContext {
  readonly request: ApiRequest;
  readonly ids: RequestIds;
  readonly accountId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** `requestContext.authorizer`: `{ jwt }`, `{ lambda }` or `{ iam }`. */
  readonly authorizer?: Readonly<Record<string, unknown>>;
}

/** Content types HTTP APIs pass to Lambda as text; any other body arrives base64-encoded. */
const TEXT_TYPES = /^(text\/.*|application\/(json|xml|javascript|x-www-form-urlencoded|graphql)|.*\+(json|xml))$/;

/**
 * The event of payload format 2.0: header names lower-cased and repeated headers comma-joined, cookies split out of
 * the `cookie` header, repeated query parameters comma-joined, empty maps and an empty body left out, `rawPath` with
 * the stage segment of a named stage.
 */
export function httpEvent(context: HttpEventContext): Record<string, unknown> {
  const { request } = context;
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'cookie') {
      cookies.push(...value.split(/;\s*/).filter((cookie) => cookie.length > 0));
      continue;
    }
    headers[lower] = headers[lower] === undefined ? value : `${headers[lower]},${value}`;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of parseQuery(request.rawQuery)) {
    query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  }
  const host = headers.host ?? 'localhost';
  const contentType = headers['content-type']?.split(';')[0].trim().toLowerCase();
  const isBase64Encoded = request.body.length > 0 && contentType !== undefined && !TEXT_TYPES.test(contentType);
  return {
    version: '2.0',
    routeKey: context.routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQuery,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: context.accountId,
      apiId: context.apiId,
      ...(context.authorizer ? { authorizer: context.authorizer } : {}),
      domainName: host,
      domainPrefix: domainPrefixOf(host),
      http: {
        method: request.method,
        path: request.rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: context.ids.extendedRequestId,
      routeKey: context.routeKey,
      stage: context.stage,
      time: formatRequestTime(request.receivedAt),
      timeEpoch: request.receivedAt,
    },
    ...(request.body.length > 0 ? { body: request.body.toString(isBase64Encoded ? 'base64' : 'utf8') } : {}),
    ...(Object.keys(context.pathParameters).length > 0 ? { pathParameters: context.pathParameters } : {}),
    isBase64Encoded,
    ...(Object.keys(context.stageVariables).length > 0 ? { stageVariables: context.stageVariables } : {}),
  };
}

/**
 * The event of payload format 1.0 as HTTP APIs send it: the REST proxy event with `version` and the route key, and
 * header names lower-cased, as for 2.0: "Header names are lowercased"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
 */
export function httpPayload1Event(context: HttpEventContext): Record<string, unknown> {
  const [, path] = /^[A-Z]+ (.*)$/.exec(context.routeKey) ?? [];
  const headers = context.request.headers.map(([name, value]): [string, string] => [name.toLowerCase(), value]);
  return restProxyEvent({
    request: { ...context.request, headers },
    ids: context.ids,
    accountId: context.accountId,
    apiId: context.apiId,
    stage: context.stage,
    deploymentId: '',
    path: context.request.rawPath,
    resourcePath: path ?? '/{proxy+}',
    resourceId: context.routeKey,
    httpMethod: context.request.method,
    pathParameters: context.pathParameters,
    stageVariables: context.stageVariables,
    binaryMediaTypes: [],
    identity: proxyIdentity(context.request),
    authorizer: context.authorizer,
    httpApiRouteKey: context.routeKey,
  });
}
