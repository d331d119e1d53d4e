import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RestAuthorizer, SecureLambdaApiProps } from '../../src';
import { newApi, newFunction, templateOf } from '../support/fixtures';

const build = (props: (fn: lambda.IFunction) => SecureLambdaApiProps) => () => newApi((fn) => props(fn));
const route = (routeKey: string) => build((handler) => ({ routes: { [routeKey]: { handler } } }));

describe('route keys', () => {
  test.each([
    ['GET', /routes\['GET'\] must look like 'METHOD \/path'.*got 'GET'/],
    ['GET items', /routes\['GET items'\] has a path that does not start with '\/'/],
    ['FETCH /items', /routes\['FETCH \/items'\] has the unknown HTTP method 'FETCH'; expected one of ANY, DELETE, GET/],
    ['GET /items/', /routes\['GET \/items\/'\] has a trailing '\/'/],
    ['GET /items//x', /has an empty path segment/],
    ['GET /items/{proxy+}/x', /greedy variable '\{proxy\+\}' before the last segment/],
    ['GET /a/{id}/b/{id}', /uses the path variable '\{id\}' twice/],
    ['GET /items/<id>', /has the invalid path segment '<id>'/],
  ])('%s is rejected', (routeKey, message) => {
    expect(route(routeKey)).toThrow(message);
  });

  test('a route declared twice is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /items': { handler }, 'get  /items': { handler } } })))
      .toThrow(/the route 'GET \/items' is declared twice/);
  });

  test('two variable names at one level are rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /items/{id}': { handler }, 'PUT /items/{itemId}': { handler } } })))
      .toThrow(/uses '\{itemId\}' under '\/items', where another route uses '\{id\}'; API Gateway allows one path variable per level/);
  });

  test('errors name the construct path and a stable id', () => {
    expect(route('FETCH /x')).toThrow(/^\[UnknownHttpMethod\] TestStack\/Api: /);
  });
});

describe('route options', () => {
  test('a route with neither handler nor integration is rejected', () => {
    expect(build(() => ({ routes: { 'GET /items': {} } }))).toThrow(/routes\['GET \/items'\] needs exactly one of handler and integration, got neither/);
  });

  test('a route with both handler and integration is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /items': { handler, integration: new apigateway.MockIntegration() } } })))
      .toThrow(/needs exactly one of handler and integration, got both/);
  });

  test('a public route that names an authorizer is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /items': { handler, isPublic: true, authorizer: RestAuthorizer.iam() } } })))
      .toThrow(/routes\['GET \/items'\] is isPublic: true and also names an authorizer/);
  });

  test('a public route with scopes is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /items': { handler, isPublic: true, authorizationScopes: ['a'] } } })))
      .toThrow(/is isPublic: true and also has authorizationScopes \["a"\]/);
  });

  test.each(['', 'items read'])('the scope %j is rejected: it is no OAuth scope', (name) => {
    expect(build((handler) => ({ authorizer: RestAuthorizer.cognito(), routes: { 'GET /items': { handler, authorizationScopes: ['items/read', name] } } }))).toThrow(
      `[InvalidScope] TestStack/Api: routes['GET /items'].authorizationScopes[1] is '${name}'; expected an OAuth scope, printable characters without spaces, e.g. 'items/read'`);
  });

  test('scopes on a route without a Cognito authorizer are rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /items': { handler, authorizationScopes: ['items/read'] } } })))
      .toThrow(/authorizationScopes is \["items\/read"\] but the route's authorizer is AWS_IAM; REST APIs check per-route scopes only with RestAuthorizer.cognito\(\)/);
  });

  test('an OPTIONS route with CORS on is rejected', () => {
    expect(build((handler) => ({ cors: { allowOrigins: ['*'] }, routes: { 'OPTIONS /items': { handler } } })))
      .toThrow(/with cors set, the API answers OPTIONS \(preflight\) itself/);
  });

  test('a negative route rate limit is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /items': { handler, throttle: { rateLimit: -1 } } } })))
      .toThrow(/routes\['GET \/items'\].throttle.rateLimit must be 0 or more, got -1/);
  });

  test('a fractional stage burst limit is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /items': { handler } }, throttle: { burstLimit: 1.5 } })))
      .toThrow(/throttle.burstLimit must be a whole number of 0 or more, got 1.5/);
  });
});

describe('authorizers', () => {
  const withAuthorizer = (authorizer: (fn: lambda.IFunction) => RestAuthorizer) =>
    build((handler) => ({ authorizer: authorizer(handler), routes: { 'GET /items': { handler } } }));

  test('a cache TTL over an hour is rejected', () => {
    expect(withAuthorizer((fn) => RestAuthorizer.token(fn, { resultsCacheTtl: Duration.hours(2) })))
      .toThrow(/DefaultAuthorizer.resultsCacheTtl must be between 0 and 3600 seconds, got 7200 seconds/);
  });

  test('a REQUEST authorizer that caches without identity sources is rejected', () => {
    expect(withAuthorizer((fn) => RestAuthorizer.request(fn, { identitySources: [] })))
      .toThrow(/DefaultAuthorizer.identitySources is empty while resultsCacheTtl is 300 seconds/);
  });

  test('a malformed identity source is rejected', () => {
    expect(withAuthorizer((fn) => RestAuthorizer.request(fn, { identitySources: ['header.Authorization'] })))
      .toThrow(/identitySources has 'header.Authorization'; expected a value built with apigateway.IdentitySource/);
  });

  test('an invalid validation regex is rejected', () => {
    expect(withAuthorizer((fn) => RestAuthorizer.token(fn, { validationRegex: '^(Bearer' })))
      .toThrow(/\[InvalidValidationRegex\] .*DefaultAuthorizer\.validationRegex is '\^\(Bearer', which is not a valid regular expression \(.*Unterminated group\); expected a JavaScript regular expression/);
  });

  test('an invalid identity header is rejected', () => {
    expect(withAuthorizer((fn) => RestAuthorizer.token(fn, { identityHeader: 'X Token' })))
      .toThrow(/\[InvalidHeaderName\] .*DefaultAuthorizer\.identityHeader is 'X Token'; expected an HTTP header name such as 'Authorization'/);
  });

  test.each([
    ['Cognito', () => RestAuthorizer.cognito({ identityHeader: 'method.request.header.Authorization' })],
    ['TOKEN', (fn: lambda.IFunction) => RestAuthorizer.token(fn, { identityHeader: 'method.request.header.Authorization' })],
    ['JWT', () => RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['a'], identityHeader: 'method.request.header.Authorization' })],
  ])('a full identity source as the identityHeader of a %s authorizer is rejected with the header name alone', (_, authorizer) => {
    expect(withAuthorizer(authorizer)).toThrow(
      "[InvalidHeaderName] TestStack/Api: DefaultAuthorizer.identityHeader is 'method.request.header.Authorization', a full identity source; expected the header name alone: 'Authorization'");
  });

  test('an identity header in the spelling of another API type is rejected with the header name alone', () => {
    expect(withAuthorizer((fn) => RestAuthorizer.token(fn, { identityHeader: '$request.header.X-Token' })))
      .toThrow(/identityHeader is '\$request\.header\.X-Token', a full identity source; expected the header name alone: 'X-Token'/);
  });

  test('an identity header that reads a query string parameter is rejected', () => {
    expect(withAuthorizer((fn) => RestAuthorizer.token(fn, { identityHeader: 'method.request.querystring.token' }))).toThrow(
      "[InvalidHeaderName] TestStack/Api: DefaultAuthorizer.identityHeader is 'method.request.querystring.token', which reads a query string parameter; expected an HTTP header name such as 'Authorization'");
  });

  test('an identity source of a REQUEST authorizer in the HTTP API spelling is rejected with the REST spelling', () => {
    expect(withAuthorizer((fn) => RestAuthorizer.request(fn, { identitySources: ['$request.header.Authorization'] })))
      .toThrow(/\[InvalidIdentitySource\] .*identitySources has '\$request\.header\.Authorization'; .* \(did you mean 'method\.request\.header\.Authorization'\?\)$/);
  });

  test('a JWT authorizer without audience or client ids is rejected', () => {
    expect(withAuthorizer(() => RestAuthorizer.jwt({ issuer: 'https://issuer.example.com' })))
      .toThrow(/DefaultAuthorizer needs audience or clientIds \(got neither\)/);
  });

  test('a JWT authorizer with a plain-http issuer is rejected', () => {
    expect(withAuthorizer(() => RestAuthorizer.jwt({ issuer: 'http://issuer.example.com', audience: ['a'] })))
      .toThrow(/DefaultAuthorizer.issuer must be an https:\/\/ URL, got 'http:\/\/issuer.example.com'/);
  });

  test('a JWT authorizer without issuer or user pool is rejected', () => {
    expect(withAuthorizer(() => RestAuthorizer.jwt({ audience: ['a'] }))).toThrow(/DefaultAuthorizer needs exactly one of userPool and issuer, got neither/);
  });

  test('two authorizer objects for the same function on one API are rejected', () => {
    expect(build((handler) => {
      const fnA = newFunction((handler as lambda.Function).stack, 'Auth');
      return {
        routes: {
          'GET /a': { handler, authorizer: RestAuthorizer.token(fnA) },
          'GET /b': { handler, authorizer: RestAuthorizer.token(fnA, { identityHeader: 'X-Other' }) },
        },
      };
    })).toThrow(/two different RestAuthorizer objects share the identity 'Token/);
  });
});

describe('CORS and stage', () => {
  test('credentials with a wildcard origin are rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /a': { handler } }, cors: { allowOrigins: ['*'], allowCredentials: true } })))
      .toThrow(/cors.allowCredentials is true with cors.allowOrigins \['\*'\]/);
  });

  test('a wildcard mixed with origins is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /a': { handler } }, cors: { allowOrigins: ['*', 'https://a.example.com'] } })))
      .toThrow(/cors.allowOrigins mixes '\*' with other origins/);
  });

  test('an origin with a path is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /a': { handler } }, cors: { allowOrigins: ['https://a.example.com/app'] } })))
      .toThrow(/cors.allowOrigins has 'https:\/\/a.example.com\/app'; an origin is a scheme and host without a path/);
  });

  test('an empty origin list is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /a': { handler } }, cors: { allowOrigins: [] } }))).toThrow(/cors.allowOrigins is empty/);
  });

  test('an empty method list is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /a': { handler } }, cors: { allowOrigins: ['*'], allowMethods: [] } }))).toThrow(
      "[CorsNoMethod] TestStack/Api: cors.allowMethods is []; browsers would be allowed no method after a preflight, so list the methods, e.g. ['GET', 'POST'], or leave it out for every method");
  });

  test('a max age with a fraction of a second is rejected with its prop, not in aws-cdk-lib', () => {
    expect(build((handler) => ({ routes: { 'GET /a': { handler } }, cors: { allowOrigins: ['*'], maxAge: Duration.millis(1500) } }))).toThrow(
      '[NegativeOrFractional] TestStack/Api: cors.maxAge must be a whole number of seconds, got 1.5 seconds');
  });

  test('an unknown CORS method is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /a': { handler } }, cors: { allowOrigins: ['*'], allowMethods: ['FETCH'] } })))
      .toThrow(/cors.allowMethods has the unknown method 'FETCH'/);
  });

  test('a WAF rate limit below the minimum is rejected', () => {
    expect(build((handler) => ({ routes: { 'GET /a': { handler } }, waf: { rateLimitPerIp: 5 } })))
      .toThrow(/waf.rateLimitPerIp must be between 10 and 2000000000, got 5/);
  });
});

describe('stack size', () => {
  test('a stack over 500 resources fails at synth, naming the count and the limit', () => {
    const { stack } = newApi((handler) => ({
      routes: Object.fromEntries(Array.from({ length: 260 }, (_, i) => [`GET /r${i}`, { handler }])),
      routesPerNestedStack: 500,
    }));
    expect(() => templateOf(stack)).toThrow(/\[StackResourceLimit\] TestStack: stack 'TestStack' has 5\d\d resources; CloudFormation accepts at most 500/);
  });
});

describe('resource policy and authorization', () => {
  test('accounts in the resource policy with a route their callers cannot sign for are rejected', () => {
    const app = () => templateOf(newApi((handler) => ({
      resourcePolicy: { allowedAccounts: ['111122223333'] },
      routes: { 'GET /items': { handler }, 'GET /health': { handler, isPublic: true } },
    })).stack);
    expect(app).toThrow(/\[SignedCallersOnly\] TestStack\/Api: resourcePolicy.allowedAccounts and allowedPrincipals admit SigV4-signed callers only, but the route 'GET \/health' is authorized by NONE/);
  });

  test('accounts in the resource policy with IAM routes only are accepted', () => {
    const { stack } = newApi((handler) => ({ resourcePolicy: { allowedAccounts: ['111122223333'] }, routes: { 'GET /items': { handler } } }));
    templateOf(stack).resourceCountIs('AWS::ApiGateway::Method', 1);
  });

  test('a hand-written policy next to resourcePolicy is rejected', () => {
    expect(build((handler) => ({
      routes: { 'GET /items': { handler } },
      resourcePolicy: { allowedSourceIps: ['203.0.113.0/24'] },
      policy: new iam.PolicyDocument(),
    }))).toThrow(/\[PolicyAndGeneratedPolicy\].*policy is set together with resourcePolicy/);
  });
});
