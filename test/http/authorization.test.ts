import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { newHttpApi, untyped } from './support';
import { HttpApiAuthorizer, RestAuthorizer } from '../../src';
import { countOf, newFunction, templateOf } from '../support/fixtures';

const ISSUER = 'https://issuer.example.com';

describe('default authorization', () => {
  test('routes require IAM (SigV4) authorization when no authorizer is given', () => {
    const { stack } = newHttpApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /items', AuthorizationType: 'AWS_IAM' });
    templateOf(stack).resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
  });

  test('a route declared public has no authorization', () => {
    const { stack } = newHttpApi((handler) => ({ routes: { 'GET /health': { handler, isPublic: true } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /health',
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
    });
  });

  test('a route authorizer overrides the API default', () => {
    const { stack } = newHttpApi((handler, s) => ({
      authorizer: HttpApiAuthorizer.jwt({ issuer: ISSUER, audience: ['api'] }),
      routes: {
        'GET /a': { handler },
        'GET /b': { handler, authorizer: HttpApiAuthorizer.request(newFunction(s, 'AuthorizerFn')) },
        'GET /c': { handler, authorizer: HttpApiAuthorizer.iam() },
      },
    }));
    const t = templateOf(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /a', AuthorizationType: 'JWT' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /b', AuthorizationType: 'CUSTOM' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /c', AuthorizationType: 'AWS_IAM' });
    t.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 2);
  });

  test('one authorizer object used by many routes creates one authorizer', () => {
    const { stack } = newHttpApi((handler, s) => {
      const shared = HttpApiAuthorizer.request(newFunction(s, 'AuthorizerFn'));
      return { routes: { 'GET /a': { handler, authorizer: shared }, 'GET /b': { handler, authorizer: shared } } };
    });
    templateOf(stack).resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
  });

  test('the default authorizer is created by the first route that uses it and exposed', () => {
    const { stack, api, fn } = newHttpApi((handler) => ({
      authorizer: HttpApiAuthorizer.jwt({ issuer: ISSUER, audience: ['api'] }),
      routes: { 'GET /health': { handler, isPublic: true } },
    }));
    expect(api.defaultAuthorizer).toBeUndefined();
    api.addRoute('GET /items', { handler: fn });
    expect(api.defaultAuthorizer).toBeInstanceOf(apigatewayv2.HttpAuthorizer);
    templateOf(stack).resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
  });

  test('authorizer construct ids come from the authorizer, not the order of routes', () => {
    const ids = (first: string, second: string) => {
      const { api } = newHttpApi((handler, s) => {
        const a = HttpApiAuthorizer.request(newFunction(s, 'AuthorizerA'));
        const b = HttpApiAuthorizer.request(newFunction(s, 'AuthorizerB'));
        const byName: Record<string, HttpApiAuthorizer> = { a, b };
        return { routes: { [`GET /${first}`]: { handler, authorizer: byName[first] }, [`GET /${second}`]: { handler, authorizer: byName[second] } } };
      });
      return api.node.children.filter((child) => child instanceof apigatewayv2.HttpAuthorizer).map((child) => child.node.id).sort();
    };
    expect(ids('a', 'b')).toEqual([
      expect.stringMatching(/^LambdaTestStackAuthorizerA[0-9A-F]{8}Authorizer$/),
      expect.stringMatching(/^LambdaTestStackAuthorizerB[0-9A-F]{8}Authorizer$/),
    ]);
    expect(ids('b', 'a')).toEqual(ids('a', 'b'));
  });

  test('any number of routes may ask for IAM authorization anew', () => {
    const { stack } = newHttpApi((handler) => ({
      authorizer: HttpApiAuthorizer.jwt({ issuer: ISSUER, audience: ['api'] }),
      routes: { 'GET /a': { handler, authorizer: HttpApiAuthorizer.iam() }, 'GET /b': { handler, authorizer: HttpApiAuthorizer.iam() } },
    }));
    templateOf(stack).resourcePropertiesCountIs('AWS::ApiGatewayV2::Route', { AuthorizationType: 'AWS_IAM' }, 2);
  });

  test('two authorizer objects for the same function are rejected', () => {
    expect(() => newHttpApi((handler, s) => {
      const fn = newFunction(s, 'AuthorizerFn');
      return { routes: { 'GET /a': { handler, authorizer: HttpApiAuthorizer.request(fn) }, 'GET /b': { handler, authorizer: HttpApiAuthorizer.request(fn) } } };
    })).toThrow(/\[DuplicateAuthorizer\] .*two different HttpApiAuthorizer objects share the identity 'LambdaTestStackAuthorizerFn/);
  });

  test('a RestAuthorizer is rejected, on the API and on a route', () => {
    expect(() => newHttpApi(() => untyped({ authorizer: RestAuthorizer.iam() })))
      .toThrow(/\[NotAnHttpAuthorizer\] TestStack\/Api: authorizer is a RestAuthorizer; expected an HttpApiAuthorizer: .*RestAuthorizer is for SecureLambdaApi/);
    expect(() => newHttpApi((handler) => ({ routes: { 'GET /a': untyped({ handler, authorizer: RestAuthorizer.iam() }) } })))
      .toThrow(/routes\['GET \/a'\]\.authorizer is a RestAuthorizer; expected an HttpApiAuthorizer/);
  });

  test('a public route with an authorizer or scopes is rejected', () => {
    expect(() => newHttpApi((handler) => ({ routes: { 'GET /a': { handler, isPublic: true, authorizer: HttpApiAuthorizer.iam() } } })))
      .toThrow(/\[PublicRouteWithAuthorizer\] .*routes\['GET \/a'\] is isPublic: true and also names an authorizer/);
    expect(() => newHttpApi((handler) => ({ routes: { 'GET /a': { handler, isPublic: true, authorizationScopes: ['read'] } } })))
      .toThrow(/\[PublicRouteWithScopes\] .*routes\['GET \/a'\] is isPublic: true and also has authorizationScopes \["read"\]/);
  });
});

describe('IAM authorization', () => {
  test('grantInvoke allows execute-api:Invoke on every route of the stage', () => {
    const { stack, api } = newHttpApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantInvoke(role);
    templateOf(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: executeApiArn(stack.resolve(api.httpApi.apiId), '/$default/*') }] },
    });
  });

  test('grantInvokeRoute allows one route, with path variables as wildcards', () => {
    const { stack, api } = newHttpApi((handler) => ({ routes: { 'GET /items/{id}/parts': { handler }, 'ANY /admin/{proxy+}': { handler } } }));
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantInvokeRoute(role, 'GET /items/{id}/parts');
    api.grantInvokeRoute(role, 'ANY /admin/{proxy+}');
    const apiId = stack.resolve(api.httpApi.apiId);
    templateOf(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: 'execute-api:Invoke', Resource: executeApiArn(apiId, '/$default/GET/items/*/parts') },
          { Action: 'execute-api:Invoke', Resource: executeApiArn(apiId, '/$default/*/admin/*') },
        ],
      },
    });
  });

  test('grantInvokeRoute on the $default route covers the whole stage, which it serves', () => {
    const { stack, api } = newHttpApi((handler) => ({ stageName: 'live', routes: { $default: { handler } } }));
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantInvokeRoute(role, '$default');
    templateOf(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'execute-api:Invoke', Resource: executeApiArn(stack.resolve(api.httpApi.apiId), '/live/*') }] },
    });
  });

  test('grantInvokeRoute refuses an unknown route and a route that IAM does not authorize', () => {
    const { stack, api } = newHttpApi((handler) => ({ routes: { 'GET /health': { handler, isPublic: true } } }));
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    expect(() => api.grantInvokeRoute(role, 'GET /nope')).toThrow(/\[UnknownRoute\] .*routeKey 'GET \/nope' is not a route of this API; routes are GET \/health/);
    expect(() => api.grantInvokeRoute(role, 'GET /health')).toThrow(/\[GrantOnNonIamRoute\] .*routeKey 'GET \/health' is authorized by NONE, not IAM/);
  });
});

describe('JWT authorizer', () => {
  test('verifies tokens of an OIDC issuer for the audiences given, from the Authorization header', () => {
    const { stack } = newHttpApi((handler) => ({
      authorizer: HttpApiAuthorizer.jwt({ issuer: ISSUER, audience: ['api://items'] }),
      routes: { 'GET /items': { handler } },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: ISSUER, Audience: ['api://items'] },
    });
  });

  test('derives the issuer from a Cognito user pool and reads the token where told', () => {
    const { stack, api } = newHttpApi((handler, s) => {
      const userPool = new cognito.UserPool(s, 'Pool');
      return {
        authorizer: HttpApiAuthorizer.jwt({ userPool, audience: ['client-id'], identitySource: '$request.querystring.token' }),
        routes: { 'GET /items': { handler } },
      };
    });
    expect(api.userPool).toBeDefined();
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      IdentitySource: ['$request.querystring.token'],
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.eu-west-1.amazonaws.com/', stack.resolve(api.userPool!.userPoolId)]] },
        Audience: ['client-id'],
      },
    });
  });

  test('checks route scopes', () => {
    const { stack } = newHttpApi((handler) => ({
      authorizer: HttpApiAuthorizer.jwt({ issuer: ISSUER, audience: ['api'] }),
      routes: { 'POST /items': { handler, authorizationScopes: ['items/write'] } },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { AuthorizationType: 'JWT', AuthorizationScopes: ['items/write'] });
  });

  test.each([
    ['neither userPool nor issuer', {}, /\[JwtIssuer\] .*DefaultAuthorizer needs exactly one of userPool and issuer, got neither/],
    ['an http:// issuer', { issuer: 'http://issuer.example.com' }, /DefaultAuthorizer\.issuer must be an https:\/\/ URL, got 'http:\/\/issuer\.example\.com'/],
    ['no audience', { issuer: ISSUER, audience: [] }, /\[JwtAudience\] .*DefaultAuthorizer\.audience is empty/],
    ['a token source that is not a header or query string', { issuer: ISSUER, identitySource: '$context.authorizer' },
      /\[InvalidIdentitySource\] .*DefaultAuthorizer\.identitySource is '\$context\.authorizer'; a JWT authorizer reads the token from one header or query string/],
    ['a bare header name as the token source', { issuer: ISSUER, identitySource: 'Authorization' },
      /identitySource is 'Authorization'; .* \(did you mean '\$request\.header\.Authorization'\?\)$/],
    ['a token source in the REST API spelling', { issuer: ISSUER, identitySource: 'method.request.querystring.token' },
      /identitySource is 'method\.request\.querystring\.token'; .* \(did you mean '\$request\.querystring\.token'\?\)$/],
  ])('%s is rejected', (_, options, message) => {
    expect(() => newHttpApi(() => ({ authorizer: HttpApiAuthorizer.jwt({ audience: ['api'], ...options }) }))).toThrow(message);
  });
});

describe('Cognito authorizer', () => {
  test('creates the same secure user pool and client as the REST Cognito authorizer', () => {
    const { stack, api } = newHttpApi((handler) => ({ authorizer: HttpApiAuthorizer.cognito(), routes: { 'GET /items': { handler } } }));
    expect(api.userPool).toBeInstanceOf(cognito.UserPool);
    expect(api.userPool!.node.id).toBe('DefaultAuthorizerUserPool');
    const t = templateOf(stack);
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      UserPoolTier: 'PLUS',
      DeletionProtection: 'ACTIVE',
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
    });
    t.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', { GenerateSecret: false, ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']) });
    t.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.eu-west-1.amazonaws.com/', stack.resolve(api.userPool!.userPoolId)]] },
        Audience: [stack.resolve(api.userPoolClient!.userPoolClientId)],
      },
    });
  });

  test('accepts the clients given of the pool given, creating neither', () => {
    const { stack } = newHttpApi((handler, s) => {
      const userPool = new cognito.UserPool(s, 'Pool');
      const web = userPool.addClient('Web');
      return { authorizer: HttpApiAuthorizer.cognito({ userPool, userPoolClients: [web] }), routes: { 'GET /items': { handler } } };
    });
    expect(countOf(stack, 'AWS::Cognito::UserPool')).toBe(1);
    expect(countOf(stack, 'AWS::Cognito::UserPoolClient')).toBe(1);
  });

  test('creates a public client for the pool given without clients', () => {
    const { api } = newHttpApi((handler, s) => ({
      authorizer: HttpApiAuthorizer.cognito({ userPool: new cognito.UserPool(s, 'Pool') }),
      routes: { 'GET /items': { handler } },
    }));
    expect(api.userPoolClient).toBeInstanceOf(cognito.UserPoolClient);
    expect(api.userPoolClient!.node.path).toBe('TestStack/Api/DefaultAuthorizerClient');
  });

  test('an empty list of clients is rejected', () => {
    expect(() => newHttpApi((_, s) => ({ authorizer: HttpApiAuthorizer.cognito({ userPool: new cognito.UserPool(s, 'Pool'), userPoolClients: [] }) })))
      .toThrow(/\[JwtAudience\] .*DefaultAuthorizer\.userPoolClients is empty/);
  });
});

describe('Lambda authorizer', () => {
  test('expects simple responses with payload 2.0, reads the Authorization header and caches for 5 minutes by default', () => {
    const { stack, api } = newHttpApi((handler, s) => ({
      authorizer: HttpApiAuthorizer.request(newFunction(s, 'AuthorizerFn')),
      routes: { 'GET /items': { handler } },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      AuthorizerPayloadFormatVersion: '2.0',
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerResultTtlInSeconds: 300,
      AuthorizerUri: { 'Fn::Join': ['', Match.arrayWith([stack.resolve(api.authorizerFunction!.functionArn)])] },
    });
  });

  test('gives API Gateway one permission to invoke the authorizer function, scoped to the authorizer', () => {
    const { stack, api } = newHttpApi((handler, s) => ({
      authorizer: HttpApiAuthorizer.request(newFunction(s, 'AuthorizerFn')),
      routes: { 'GET /a': { handler }, 'GET /b': { handler } },
    }));
    templateOf(stack).hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: stack.resolve(api.authorizerFunction!.functionArn),
      SourceArn: executeApiArn(stack.resolve(api.httpApi.apiId), '/authorizers/', stack.resolve(api.defaultAuthorizer!.authorizerId)),
    });
    templateOf(stack).resourceCountIs('AWS::Lambda::Permission', 2);
  });

  test('takes IAM policy responses, identity sources and cache TTL given', () => {
    const { stack } = newHttpApi((handler, s) => ({
      authorizer: HttpApiAuthorizer.request(newFunction(s, 'AuthorizerFn'), {
        responseType: HttpLambdaResponseType.IAM,
        identitySources: ['$request.header.X-Tenant', '$request.querystring.key', '$context.routeKey', '$stageVariables.realm'],
        resultsCacheTtl: Duration.minutes(10),
      }),
      routes: { 'GET /items': { handler } },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      EnableSimpleResponses: false,
      AuthorizerPayloadFormatVersion: '2.0',
      IdentitySource: ['$request.header.X-Tenant', '$request.querystring.key', '$context.routeKey', '$stageVariables.realm'],
      AuthorizerResultTtlInSeconds: 600,
    });
  });

  test('without caching, identity sources may be left out', () => {
    const { stack } = newHttpApi((handler, s) => ({
      authorizer: HttpApiAuthorizer.request(newFunction(s, 'AuthorizerFn'), { identitySources: [], resultsCacheTtl: Duration.seconds(0) }),
      routes: { 'GET /items': { handler } },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { IdentitySource: Match.absent(), AuthorizerResultTtlInSeconds: 0 });
  });

  test.each([
    ['caching without identity sources', { identitySources: [] },
      /\[CachingWithoutIdentitySources\] .*DefaultAuthorizer\.identitySources is empty while resultsCacheTtl is 300 seconds/],
    ['a REST identity source', { identitySources: ['method.request.header.Authorization'] },
      /\[InvalidIdentitySource\] .*DefaultAuthorizer\.identitySources has 'method\.request\.header\.Authorization'; expected '\$request\.header\.<name>'.* \(did you mean '\$request\.header\.Authorization'\?\)$/],
    ['a WebSocket identity source', { identitySources: ['route.request.querystring.key'] }, /\(did you mean '\$request\.querystring\.key'\?\)$/],
    ['a REST stage variable', { identitySources: ['stageVariables.realm'] }, /\(did you mean '\$stageVariables\.realm'\?\)$/],
    ['a cache TTL over an hour', { resultsCacheTtl: Duration.hours(2) }, /DefaultAuthorizer\.resultsCacheTtl must be between 0 and 3600 seconds, got 7200 seconds/],
  ])('%s is rejected', (_, options, message) => {
    expect(() => newHttpApi((_h, s) => ({ authorizer: HttpApiAuthorizer.request(newFunction(s, 'AuthorizerFn'), options) }))).toThrow(message);
  });

  test('scopes on a route without a JWT authorizer are rejected', () => {
    expect(() => newHttpApi((handler, s) => ({
      authorizer: HttpApiAuthorizer.request(newFunction(s, 'AuthorizerFn')),
      routes: { 'GET /items': { handler, authorizationScopes: ['items/read'] } },
    }))).toThrow(/\[ScopesNotSupported\] .*routes\['GET \/items'\]\.authorizationScopes is \["items\/read"\] but the route's authorizer is CUSTOM; HTTP APIs check per-route scopes only with JWT authorizers/);
    expect(() => newHttpApi((handler) => ({ routes: { 'GET /items': { handler, authorizationScopes: ['items/read'] } } })))
      .toThrow(/the route's authorizer is AWS_IAM/);
  });
});

/** `arn:${Partition}:execute-api:eu-west-1:123456789012:${apiId}${rest}` as the template writes it. */
function executeApiArn(apiId: unknown, ...rest: unknown[]) {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':execute-api:eu-west-1:123456789012:', apiId, ...rest]] };
}
