import { EventEmitter } from 'events';
import type { IncomingMessage } from 'http';
// The module object itself (not a namespace copy), so that jest can replace its request function.
import https from 'https';
import { Readable } from 'stream';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AUDIENCE,
  captureLogs,
  coldStartHandler,
  createSigningKit,
  failingFetcher,
  ISSUER,
  JWKS_URI,
  nowSeconds,
  SigningKit,
  SUBJECT,
} from './jwt-fixtures';
import { JwtAuthorizerConfig, parseJwtAuthorizerConfig } from '../../src/handlers/jwt-authorizer-config.lambda-shared';
import { createJwtAuthorizer, JwtAuthorizer } from '../../src/handlers/jwt-authorizer.lambda';
import { connectHandlerWith } from '../../src/handlers/websocket-connect.lambda';
import { restoreEnvironments } from '../support/environment';

/**
 * The bundled JWT authorizer as the REQUEST authorizer of a WebSocket API's `$connect` route, with the token in the
 * `token` query-string parameter (browsers cannot set headers on a WebSocket handshake).
 */

const METHOD_ARN = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/$connect';
const API_ARN = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/*';

/** The configuration `WebSocketApiAuthorizer.jwt()` serialises into the function's environment, parsed as the handler does. */
const WEBSOCKET_CONFIG: JwtAuthorizerConfig = parseJwtAuthorizerConfig(JSON.stringify({
  issuer: ISSUER,
  audience: [AUDIENCE],
  tokenSource: { in: 'query', name: 'token' },
}));

/**
 * A WebSocket `$connect` REQUEST authorizer event, shaped as in the API Gateway developer guide ("Control access to
 * WebSocket APIs with AWS Lambda REQUEST authorizers"): no path, resource or httpMethod, a methodArn ending in
 * `$connect`, and a requestContext with eventType CONNECT and the connection id.
 */
function connectAuthorizerEvent(query: Record<string, string> | null, headers: Record<string, string> = {}): Record<string, unknown> {
  const allHeaders = {
    'Connection': 'upgrade',
    'content-length': '0',
    'Host': 'abc123.execute-api.eu-west-1.amazonaws.com',
    'Sec-WebSocket-Extensions': 'permessage-deflate; client_max_window_bits',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
    'Upgrade': 'websocket',
    'X-Forwarded-For': '203.0.113.7',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
    ...headers,
  };
  const multiValue = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, [value]]));
  return {
    type: 'REQUEST',
    methodArn: METHOD_ARN,
    headers: allHeaders,
    multiValueHeaders: multiValue(allHeaders),
    queryStringParameters: query,
    multiValueQueryStringParameters: query === null ? null : multiValue(query),
    stageVariables: {},
    requestContext: {
      routeKey: '$connect',
      eventType: 'CONNECT',
      extendedRequestId: 'Ax1b2EFoAMFx3Q=',
      requestTime: '02/Jan/2026:03:04:05 +0000',
      messageDirection: 'IN',
      stage: 'prod',
      connectedAt: 1767323045678,
      requestTimeEpoch: 1767323045679,
      identity: { sourceIp: '203.0.113.7' },
      requestId: 'Ax1b2EFoAMFx3Q=',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      connectionId: 'L0SM9cOFvHcCIhw=',
      apiId: 'abc123',
    },
  };
}

function policy(effect: 'Allow' | 'Deny') {
  return { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: API_ARN }] };
}

/** IAM's ARN matching for execute-api resources: `*` matches any run of characters, `?` any one. */
function arnMatches(pattern: string, arn: string): boolean {
  const regex = new RegExp(`^${pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&'))).join('')}$`);
  return regex.test(arn);
}

let kit: SigningKit;
let logs: { lines: () => string[] };

beforeAll(async () => {
  kit = await createSigningKit();
});

beforeEach(() => {
  logs = captureLogs();
});

afterEach(() => {
  jest.restoreAllMocks();
});

function authorizerFor(config: JwtAuthorizerConfig = WEBSOCKET_CONFIG): JwtAuthorizer {
  return createJwtAuthorizer(config, { jwks: kit.jwks, fetcher: failingFetcher() });
}

function lastDecision(): Record<string, unknown> {
  const lines = logs.lines();
  return JSON.parse(lines[lines.length - 1]);
}

describe('a WebSocket $connect REQUEST authorizer event', () => {
  it('with a valid token in the query string is allowed on the whole API with the sub claim as principal', async () => {
    const result = await authorizerFor()(connectAuthorizerEvent({ token: await kit.sign() }));

    expect(result).toEqual({ principalId: SUBJECT, policyDocument: policy('Allow'), context: {} });
  });

  it('is allowed by a policy whose resource covers the $connect methodArn', async () => {
    const result = await authorizerFor()(connectAuthorizerEvent({ token: await kit.sign() }));

    const statement = result.policyDocument.Statement[0] as { Resource: string };
    expect(arnMatches(statement.Resource, METHOD_ARN)).toBe(true);
    expect(arnMatches(statement.Resource, METHOD_ARN.replace('abc123', 'other99'))).toBe(false);
  });

  it('ignores other query-string parameters', async () => {
    const result = await authorizerFor()(connectAuthorizerEvent({ room: 'lobby', token: await kit.sign(), v: '2' }));

    expect(result.policyDocument).toEqual(policy('Allow'));
  });

  it('carries the configured claims into the context the $connect integration receives', async () => {
    const config = { ...WEBSOCKET_CONFIG, contextClaims: ['email', 'tenant'] };

    const result = await authorizerFor(config)(connectAuthorizerEvent({ token: await kit.sign({ email: 'a@example.com', tenant: 42 }) }));

    expect(result.context).toEqual({ email: 'a@example.com', tenant: '42' });
  });

  it('returns the usage identifier claim as usageIdentifierKey, for WebSocket API keys from the authorizer', async () => {
    const config = { ...WEBSOCKET_CONFIG, usageIdentifierClaim: 'api_key' };
    const apiKey = 'k'.repeat(40);

    const result = await authorizerFor(config)(connectAuthorizerEvent({ token: await kit.sign({ api_key: apiKey }) }));

    expect(result).toMatchObject({ policyDocument: policy('Allow'), usageIdentifierKey: apiKey });
  });

  it('with a verified token lacking a required scope gets an explicit Deny', async () => {
    const config = { ...WEBSOCKET_CONFIG, requiredScopes: ['chat/write'] };

    const result = await authorizerFor(config)(connectAuthorizerEvent({ token: await kit.sign({ scope: 'chat/read' }) }));

    expect(result).toEqual({ principalId: SUBJECT, policyDocument: policy('Deny') });
  });

  it.each([
    ['no query string at all', null, {}],
    ['other query-string parameters only', { room: 'lobby' }, {}],
    ['an empty token parameter', { token: '' }, {}],
  ])('with %s is Unauthorized (missing-token)', async (_name, query, headers) => {
    await expect(authorizerFor()(connectAuthorizerEvent(query, headers))).rejects.toThrow(/^Unauthorized$/);
    expect(lastDecision()).toMatchObject({ decision: 'unauthorized', reason: 'missing-token' });
  });

  it('with the token only in the Authorization header is Unauthorized: the configured source is the query string', async () => {
    const event = connectAuthorizerEvent({}, { Authorization: `Bearer ${await kit.sign()}` });

    await expect(authorizerFor()(event)).rejects.toThrow(/^Unauthorized$/);
    expect(lastDecision()).toMatchObject({ reason: 'missing-token' });
  });

  it.each([
    ['expired', { iat: nowSeconds() - 600, exp: nowSeconds() - 60 }, 'expired'],
    ['meant for another audience', { aud: 'another-api' }, 'wrong-audience'],
    ['issued by another issuer', { iss: 'https://evil.example.com' }, 'wrong-issuer'],
  ])('with a token %s is Unauthorized', async (_name, claims, reason) => {
    await expect(authorizerFor()(connectAuthorizerEvent({ token: await kit.sign(claims) }))).rejects.toThrow(/^Unauthorized$/);
    expect(lastDecision()).toMatchObject({ decision: 'unauthorized', reason });
  });

  it('with a token signed by another key is Unauthorized', async () => {
    const other = await createSigningKit();

    await expect(authorizerFor()(connectAuthorizerEvent({ token: await other.sign() }))).rejects.toThrow(/^Unauthorized$/);
    expect(lastDecision()).toMatchObject({ decision: 'unauthorized', reason: 'invalid-signature' });
  });

  it('with a token that is not a JWT is Unauthorized', async () => {
    await expect(authorizerFor()(connectAuthorizerEvent({ token: 'not-a-jwt' }))).rejects.toThrow(/^Unauthorized$/);
    expect(lastDecision()).toMatchObject({ reason: 'malformed-token' });
  });

  it('never logs the token', async () => {
    const token = await kit.sign();
    await authorizerFor()(connectAuthorizerEvent({ token }));
    const expired = await kit.sign({ iat: nowSeconds() - 600, exp: nowSeconds() - 60 });
    await expect(authorizerFor()(connectAuthorizerEvent({ token: expired }))).rejects.toThrow(/Unauthorized/);

    const logged = logs.lines().join('\n');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(expired);
  });
});

describe('the bundled handler behind a WebSocket $connect route', () => {
  const queryTokenConfig = JSON.stringify({ issuer: ISSUER, audience: [AUDIENCE], tokenSource: { in: 'query', name: 'token' } });

  afterEach(() => {
    restoreEnvironments();
  });

  /** Serves `jwks` to the authorizer's HTTPS fetcher, recording the URLs it asks for. */
  function serveJwks(jwks: Jwks): string[] {
    const urls: string[] = [];
    const fake = (url: string | URL, _options: https.RequestOptions, callback: (response: IncomingMessage) => void) => {
      urls.push(String(url));
      const request = Object.assign(new EventEmitter(), {
        end: () => setImmediate(() => {
          const response = Object.assign(Readable.from([Buffer.from(JSON.stringify(jwks))]), { statusCode: 200, headers: {} });
          callback(response as unknown as IncomingMessage);
        }),
        destroy: () => undefined,
        socket: undefined,
      });
      return request;
    };
    jest.spyOn(https, 'request').mockImplementation(fake as unknown as typeof https.request);
    return urls;
  }

  it('allows a valid query-string token with the configuration from its environment, fetching the JWKS once', async () => {
    const urls = serveJwks(kit.jwks);
    const handler = coldStartHandler(queryTokenConfig);

    const first = await handler(connectAuthorizerEvent({ token: await kit.sign() }));
    const second = await handler(connectAuthorizerEvent({ token: await kit.sign({ sub: 'someone-else' }) }));

    expect(first).toEqual({ principalId: SUBJECT, policyDocument: policy('Allow'), context: {} });
    expect(second.principalId).toBe('someone-else');
    expect(urls).toEqual([JWKS_URI]);
  });

  it('refuses a connection without the token parameter', async () => {
    const urls = serveJwks(kit.jwks);
    const handler = coldStartHandler(queryTokenConfig);

    await expect(handler(connectAuthorizerEvent(null, { Authorization: `Bearer ${await kit.sign()}` }))).rejects.toThrow(/^Unauthorized$/);
    expect(urls).toEqual([]);
  });

  it('hands the registry\'s $connect handler the principal it records', async () => {
    const dynamoDb = mockClient(DynamoDBClient);
    try {
      dynamoDb.on(PutItemCommand).resolves({});
      const authorized = await authorizerFor()(connectAuthorizerEvent({ token: await kit.sign() }));
      const connect = connectHandlerWith({ dynamoDb: new DynamoDBClient({}), config: { tableName: 'Connections', ttlSeconds: 7200 } });

      // API Gateway passes principalId and the context values to the $connect integration in requestContext.authorizer.
      const integrationEvent = connectAuthorizerEvent(null);
      const authorizer = { principalId: authorized.principalId, ...authorized.context };
      integrationEvent.requestContext = { ...(integrationEvent.requestContext as object), authorizer };
      await connect(integrationEvent);

      expect(dynamoDb.commandCalls(PutItemCommand)[0].args[0].input.Item?.principalId).toEqual({ S: SUBJECT });
    } finally {
      dynamoDb.restore();
    }
  });
});
