import { Lazy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  ApiCustomDomain, ApiGatewayCloudWatchRole, HttpApiAuthorizer, MeteredApi, PrivateApiCustomDomain, RestAuthorizer, SecureHttpApi, SecureHttpApiProps,
  SecureLambdaApi, SecureLambdaApiProps, SecureWebSocketApi, WebSocketApiAuthorizer,
} from '../../src';
import { METERED_API, ROUTE_OPTIONS_OF, SECURE_HTTP_API, SECURE_LAMBDA_API, SECURE_WEBSOCKET_API } from '../../src/private/prop-schemas';
import { StructSchema } from '../../src/private/prop-types';
import { newFunction, newStack } from '../support/fixtures';

const TIERS = { free: { quota: { limit: 1000, period: apigateway.Period.DAY } } };

/** Each API construct, built in a fresh stack from props as JavaScript could pass them. */
const API_CONSTRUCTS: { readonly [name: string]: { schema: StructSchema<unknown>; build: (stack: Stack, props: object) => unknown } } = {
  SecureLambdaApi: { schema: SECURE_LAMBDA_API, build: (stack, props) => new SecureLambdaApi(stack, 'Api', props) },
  MeteredApi: { schema: METERED_API, build: (stack, props) => new MeteredApi(stack, 'Api', { tiers: TIERS, ...props }) },
  SecureHttpApi: { schema: SECURE_HTTP_API, build: (stack, props) => new SecureHttpApi(stack, 'Api', props) },
  SecureWebSocketApi: { schema: SECURE_WEBSOCKET_API, build: (stack, props) => new SecureWebSocketApi(stack, 'Api', props) },
};

/** Adds one route with `options` (and a handler) to an API of each type. */
const ROUTE_ADDERS: { readonly [api: string]: (stack: Stack, handler: lambda.IFunction, options: object) => unknown } = {
  REST: (stack, handler, options) => new SecureLambdaApi(stack, 'Api').addRoute('GET /items', { handler, ...options }),
  HTTP: (stack, handler, options) => new SecureHttpApi(stack, 'Api').addRoute('GET /items', { handler, ...options }),
  WebSocket: (stack, handler, options) => new SecureWebSocketApi(stack, 'Api').addRoute('sendMessage', { handler, ...options }),
};

const FOREIGN_FEATURE = '\\[(RestOnlyFeature|HttpOnlyFeature|WebSocketOnlyFeature|UnsupportedFeature)\\] TestStack/Api:';

function build(construct: string, props: object): () => unknown {
  return () => API_CONSTRUCTS[construct].build(newStack(), props);
}

function withRoute(api: string, options: (handler: lambda.IFunction) => object): () => unknown {
  return () => {
    const stack = newStack();
    return ROUTE_ADDERS[api](stack, newFunction(stack), options(newFunction(stack, 'Other')));
  };
}

/** [construct, prop]: every prop another API construct has and this one lacks. */
function foreignProps(schemas: { readonly [name: string]: StructSchema<unknown> }): [string, string][] {
  return Object.entries(schemas).flatMap(([name, schema]) => {
    const own = Object.keys(schema.props);
    const others = Object.values(schemas).flatMap((other) => Object.keys(other.props)).filter((prop) => !own.includes(prop));
    return [...new Set(others)].map((prop): [string, string] => [name, prop]);
  });
}

describe('props of another API type', () => {
  const apiSchemas = Object.fromEntries(Object.entries(API_CONSTRUCTS).map(([name, { schema }]) => [name, schema]));

  test.each(foreignProps(apiSchemas))('%s refuses the prop %s, saying what it asks for and where to find it', (construct, prop) => {
    expect(build(construct, { [prop]: {} })).toThrow(new RegExp(`^${FOREIGN_FEATURE} ${prop} asks for .+, or remove ${prop}$`));
  });

  test.each(foreignProps(ROUTE_OPTIONS_OF))('%s routes refuse the route option %s, saying what it asks for', (api, prop) => {
    expect(withRoute(api, () => ({ [prop]: {} }))).toThrow(new RegExp(`${FOREIGN_FEATURE} routes\\['[^']+'\\]\\.${prop} asks for .+, or remove routes`));
  });

  test('a REST-only prop spread into a WebSocket API is refused, pointing to SecureLambdaApi', () => {
    const restProps: SecureLambdaApiProps = { waf: { rateLimitPerIp: 100 }, stageName: 'prod' };
    expect(build('SecureWebSocketApi', { ...restProps })).toThrow(
      '[RestOnlyFeature] TestStack/Api: waf asks for an AWS WAF web ACL, which API Gateway offers on REST APIs only; use SecureLambdaApi for a REST API with it, or remove waf');
  });

  test('the HTTP API refuses REST-only props as before', () => {
    expect(build('SecureHttpApi', { tracingEnabled: true })).toThrow(
      '[RestOnlyFeature] TestStack/Api: tracingEnabled asks for X-Ray tracing, which API Gateway offers on REST APIs only; use SecureLambdaApi for a REST API with it, or remove tracingEnabled');
  });

  test('cors on a WebSocket API is refused with what protects a WebSocket API from other origins', () => {
    expect(build('SecureWebSocketApi', { cors: { allowOrigins: ['https://app.example.com'] } })).toThrow(
      '[UnsupportedFeature] TestStack/Api: cors asks for cross-origin access for browsers (CORS), which SecureWebSocketApi does not offer; browsers apply no CORS to WebSocket connections; check the Origin header in a $connect authorizer instead, or remove cors');
  });

  test('usage plans on an HTTP API point to the REST and WebSocket constructs that have them', () => {
    expect(build('SecureHttpApi', { tiers: TIERS })).toThrow(
      '[UnsupportedFeature] TestStack/Api: tiers asks for usage plans, which API Gateway offers on REST and WebSocket APIs only; use MeteredApi or SecureWebSocketApi for an API with it, or remove tiers');
  });

  test('usage plans on a SecureLambdaApi point to MeteredApi', () => {
    expect(build('SecureLambdaApi', { tiers: TIERS })).toThrow(
      '[UnsupportedFeature] TestStack/Api: tiers asks for usage plans, which SecureLambdaApi does not offer; use MeteredApi for an API with it, or remove tiers');
  });

  test('WebSocket-only props are refused by the REST and HTTP constructs', () => {
    for (const construct of ['SecureLambdaApi', 'SecureHttpApi']) {
      expect(build(construct, { connectionRegistry: {} })).toThrow(
        '[WebSocketOnlyFeature] TestStack/Api: connectionRegistry asks for a registry of open WebSocket connections, which API Gateway offers on WebSocket APIs only; use SecureWebSocketApi for a WebSocket API with it, or remove connectionRegistry');
    }
  });

  test('HTTP-only route options are refused by REST routes', () => {
    expect(withRoute('REST', () => ({ payloadFormatVersion: {} }))).toThrow(
      "[HttpOnlyFeature] TestStack/Api: routes['GET /items'].payloadFormatVersion asks for a choice of Lambda payload format (1.0 or 2.0), which API Gateway offers on HTTP APIs only; use SecureHttpApi for an HTTP API with it, or remove routes['GET /items'].payloadFormatVersion");
  });

  test('stageVariables on a REST API point to the stage variables of stages', () => {
    expect(build('SecureLambdaApi', { stageVariables: { host: 'example.com' } })).toThrow(/\[UnsupportedFeature\] .*stageVariables asks for stage variables, which SecureLambdaApi does not offer; it sets them per stage: stages: \{ prod: \{ variables:/);
  });

  test('props left undefined by a spread are ignored', () => {
    const restProps: SecureLambdaApiProps = { waf: undefined, tracingEnabled: undefined };
    expect(build('SecureHttpApi', { ...restProps })).not.toThrow();
  });

  test('props shared with REST APIs are accepted', () => {
    const stack = newStack();
    const handler = newFunction(stack);
    const props: SecureHttpApiProps = {
      apiName: 'items',
      description: 'Items',
      stageName: 'prod',
      throttle: { rateLimit: 1 },
      accessLogRetention: 30,
      cors: { allowOrigins: ['https://app.example.com'] },
      disableExecuteApiEndpoint: false,
      routes: { 'GET /items': { handler, throttle: { rateLimit: 1 }, authorizationScopes: undefined } },
    };
    expect(() => new SecureHttpApi(stack, 'Api', props)).not.toThrow();
  });
});

describe('unknown props', () => {
  test.each([
    ['SecureLambdaApi', 'route', 'routes'],
    ['MeteredApi', 'teirs', 'tiers'],
    ['SecureHttpApi', 'route', 'routes'],
    ['SecureWebSocketApi', 'routeSelectionExpresion', 'routeSelectionExpression'],
  ])('%s refuses the misspelt prop %s, suggesting %s', (construct, prop, closest) => {
    expect(build(construct, { [prop]: {} })).toThrow(
      `[UnknownProp] TestStack/Api: ${prop} is not a prop of ${construct}; did you mean '${closest}'? (a misspelt prop would be ignored)`);
  });

  test('the other constructs refuse misspelt props too', () => {
    const stack = newStack();
    expect(() => new ApiCustomDomain(stack, 'Domain', { domainname: 'api.example.com' } as any))
      .toThrow("[UnknownProp] TestStack/Domain: domainname is not a prop of ApiCustomDomain; did you mean 'domainName'?");
    expect(() => new PrivateApiCustomDomain(stack, 'Private', { domainName: 'api.example.com', vpcEndpoint: [] } as any))
      .toThrow("[UnknownProp] TestStack/Private: vpcEndpoint is not a prop of PrivateApiCustomDomain; did you mean 'vpcEndpoints'?");
    expect(() => new ApiGatewayCloudWatchRole(stack, 'Role', { roles: undefined, rol: {} } as any))
      .toThrow("[UnknownProp] TestStack/Role: rol is not a prop of ApiGatewayCloudWatchRole; did you mean 'role'?");
  });

  test('a prop unlike any other lists the props of the construct', () => {
    expect(build('SecureHttpApi', { color: 'blue' })).toThrow(
      /^\[UnknownProp\] TestStack\/Api: color is not a prop of SecureHttpApi; expected one of routes, authorizer, cors, payloadFormatVersion, .*, apiName, description, stageName, throttle, accessLogRetention$/);
  });

  test('a misspelt route option is refused with the closest option', () => {
    expect(withRoute('REST', () => ({ isPublc: true }))).toThrow(
      "[UnknownProp] TestStack/Api: routes['GET /items'].isPublc is not a prop of RestRouteOptions; did you mean 'isPublic'?");
  });

  test('misspelt props of option structs are refused, however deep', () => {
    expect(build('SecureLambdaApi', { waf: { enable: false } })).toThrow(/\[UnknownProp\] .*waf\.enable is not a prop of WafOptions; did you mean 'enabled'\?/);
    expect(build('SecureLambdaApi', { resourcePolicy: { allowedSourceIp: ['10.0.0.0/8'] } }))
      .toThrow(/resourcePolicy\.allowedSourceIp is not a prop of ResourcePolicyOptions; did you mean 'allowedSourceIps'\?/);
    expect(build('SecureLambdaApi', { stages: { prod: { canary: { percentTraffic: 10, alarms: { evaluationPeriod: 2 } } } } }))
      .toThrow(/stages\['prod'\]\.canary\.alarms\.evaluationPeriod is not a prop of CanaryAlarmOptions; did you mean 'evaluationPeriods'\?/);
    expect(build('MeteredApi', { tiers: { free: { qouta: { limit: 1, period: apigateway.Period.DAY } } } }))
      .toThrow(/tiers\['free'\]\.qouta is not a prop of TierOptions; did you mean 'quota'\?/);
  });

  test('props of the aws-cdk-lib L2s name their counterpart', () => {
    const stack = newStack();
    const handler = newFunction(stack);
    expect(() => new SecureLambdaApi(stack, 'Api', { handler } as any)).toThrow(
      "[UnknownProp] TestStack/Api: handler is not a prop of SecureLambdaApi; give each route its handler in routes, e.g. routes: { 'ANY /{proxy+}': { handler } }");
    expect(build('SecureLambdaApi', { restApiName: 'items' })).toThrow(/restApiName is not a prop of SecureLambdaApi; the name is apiName/);
    expect(build('SecureHttpApi', { caching: {} })).toThrow(/caching is not a prop of SecureHttpApi; response caching is a stage option of SecureLambdaApi/);
    expect(withRoute('HTTP', () => ({ requestParameters: {} }))).toThrow(/requestParameters is not a prop of HttpApiRouteOptions; request parameter validation is a route option of SecureLambdaApi/);
  });

  test.each([
    ['../../src/logging/api-gateway-cloudwatch-role', 'ApiGatewayCloudWatchRole'],
    ['../../src/http/secure-http-api', 'SecureHttpApi'],
    ['../../src/websocket/secure-websocket-api', 'SecureWebSocketApi'],
    ['../../src/rest/metered-api', 'MeteredApi'],
    ['../../src/authorizers/rest-authorizer', 'ApiGatewayCloudWatchRole'],
    ['../../src/usage-plans/private/usage-tiers', 'ApiGatewayCloudWatchRole'],
  ])('props are checked whichever module an app loads first (%s)', (first, construct) => {
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports -- a fresh module registry, loaded in the order under test */
      require(first);
      const src = require('../../src');
      const { App, Stack: IsolatedStack } = require('aws-cdk-lib');
      /* eslint-enable @typescript-eslint/no-require-imports */
      expect(() => new src[construct](new IsolatedStack(new App(), 'TestStack'), 'Api', { misspelt: true, tiers: {} }))
        .toThrow(/^\[UnknownProp\] TestStack\/Api: misspelt is not a prop of /);
    });
  });

  test('a subclass may pass props of its own to the construct it extends', () => {
    class TeamApi extends SecureHttpApi {
      constructor(scope: Stack, id: string, props: SecureHttpApiProps & { team: string }) {
        super(scope, id, props);
      }
    }
    expect(() => new TeamApi(newStack(), 'Api', { team: 'payments' })).not.toThrow();
    expect(() => new TeamApi(newStack(), 'Api', { team: 'payments', waf: {} } as any)).toThrow(/\[RestOnlyFeature\] .*waf asks for an AWS WAF web ACL/);
  });
});

describe('values of the wrong type', () => {
  test('isPublic given as a string is refused rather than read as true', () => {
    expect(withRoute('REST', () => ({ isPublic: 'false' }))).toThrow(
      "[InvalidPropType] TestStack/Api: routes['GET /items'].isPublic is 'false'; expected true or false");
  });

  test('a handler that is not a Lambda function is refused', () => {
    expect(withRoute('HTTP', () => ({ handler: 'arn:aws:lambda:eu-west-1:123456789012:function:items' }))).toThrow(
      "[InvalidPropType] TestStack/Api: routes['GET /items'].handler is 'arn:aws:lambda:eu-west-1:123456789012:function:items'; expected a Lambda function (lambda.IFunction)");
  });

  test('route options that are not an object are refused', () => {
    expect(build('SecureWebSocketApi', { routes: { sendMessage: null } }))
      .toThrow("[InvalidPropType] TestStack/Api: routes['sendMessage'] is null; expected an object of WebSocketApiRouteOptions");
  });

  test('routes given as a list are refused', () => {
    expect(build('SecureLambdaApi', { routes: ['GET /items'] })).toThrow(/\[InvalidPropType\] .*routes is \["GET \/items"\]; expected an object of route options by route key/);
  });

  test('a props object that is not an object is refused', () => {
    expect(() => new SecureHttpApi(newStack(), 'Api', null as any)).toThrow('[InvalidPropType] TestStack/Api: props is null; expected an object of SecureHttpApi');
  });

  test('a value outside its enum is refused, listing the values', () => {
    expect(build('SecureWebSocketApi', { loggingLevel: 'VERBOSE' })).toThrow(
      "[InvalidPropType] TestStack/Api: loggingLevel is 'VERBOSE'; expected one of apigateway.MethodLoggingLevel (\"OFF\", \"ERROR\", \"INFO\")");
    expect(build('SecureLambdaApi', { accessLogRetention: 12 })).toThrow(/accessLogRetention is 12; expected one of logs\.RetentionDays \(1, 3, 5, 7, 14,/);
  });

  test("the boolean cloudWatchRole of aws-cdk-lib's RestApi is refused", () => {
    expect(build('SecureLambdaApi', { cloudWatchRole: true })).toThrow(/cloudWatchRole is true; expected an ApiGatewayCloudWatchRole \(this library's construct/);
  });

  test('an authorizer of another API type is refused on a REST API', () => {
    expect(build('SecureLambdaApi', { authorizer: {} })).toThrow(/\[NotARestAuthorizer\] .*authorizer is \{\}; expected a RestAuthorizer: RestAuthorizer\.iam\(\)/);
  });

  test('tokens are not type-checked: they resolve at deploy time', () => {
    expect(build('SecureHttpApi', { throttle: Lazy.any({ produce: () => ({ rateLimit: 1 }) }), stageName: Lazy.string({ produce: () => 'prod' }) })).not.toThrow();
  });
});

describe('values AWS would refuse at deploy', () => {
  test('an empty API name is refused', () => {
    expect(build('SecureWebSocketApi', { apiName: '' })).toThrow("[InvalidPropType] TestStack/Api: apiName is ''; expected a non-empty string");
  });

  test('a plain object in place of a construct is refused', () => {
    expect(build('SecureHttpApi', { customDomain: { domainName: 'api.example.com', certificate: { certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' } } }))
      .toThrow(/\[InvalidPropType\] .*customDomain\.certificate is \{"certificateArn":.*\}; expected an ACM certificate \(acm\.ICertificate\)/);
  });
});

describe('authorizer options', () => {
  const restAuthorizer = (authorizer: (fn: lambda.IFunction) => RestAuthorizer) => () => {
    const stack = newStack();
    const handler = newFunction(stack);
    return new SecureLambdaApi(stack, 'Api', { authorizer: authorizer(newFunction(stack, 'Authorizer')), routes: { 'GET /items': { handler } } });
  };
  const httpAuthorizer = (authorizer: (fn: lambda.IFunction) => HttpApiAuthorizer) => () => {
    const stack = newStack();
    const handler = newFunction(stack);
    return new SecureHttpApi(stack, 'Api', { authorizer: authorizer(newFunction(stack, 'Authorizer')), routes: { 'GET /items': { handler } } });
  };

  test('a misspelt option of a TOKEN authorizer is refused, listing the options', () => {
    expect(restAuthorizer((fn) => RestAuthorizer.token(fn, { identitySource: 'X-Token' } as any))).toThrow(
      '[UnknownProp] TestStack/Api: DefaultAuthorizer.identitySource is not a prop of TokenAuthorizerOptions; expected one of identityHeader, validationRegex, resultsCacheTtl');
  });

  test('a REQUEST authorizer without identity sources is refused', () => {
    expect(restAuthorizer((fn) => RestAuthorizer.request(fn, {} as any))).toThrow(
      "[InvalidIdentitySource] TestStack/Api: DefaultAuthorizer.identitySources is undefined; expected a list built with apigateway.IdentitySource, e.g. [apigateway.IdentitySource.header('Authorization')]");
  });

  test('a misspelt option of a Cognito authorizer is refused with the closest option', () => {
    expect(restAuthorizer(() => RestAuthorizer.cognito({ userpool: {} } as any))).toThrow(/DefaultAuthorizer\.userpool is not a prop of CognitoAuthorizerOptions; did you mean 'userPool'\?/);
  });

  test('an HTTP JWT audience that is not a list is refused', () => {
    expect(httpAuthorizer(() => HttpApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: 'api' as any }))).toThrow(
      "[InvalidPropType] TestStack/Api: DefaultAuthorizer.audience is 'api'; expected a list of strings, e.g. ['a', 'b']");
  });

  test('an HTTP Lambda authorizer response type outside the enum is refused', () => {
    expect(httpAuthorizer((fn) => HttpApiAuthorizer.request(fn, { responseType: 'BOOLEAN' as any }))).toThrow(
      /DefaultAuthorizer\.responseType is 'BOOLEAN'; expected one of HttpLambdaResponseType/);
  });

  test('a misspelt option of the bundled JWT authorizer is refused with the closest option', () => {
    expect(restAuthorizer(() => RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'], requiredScope: ['read'] } as any))).toThrow(
      /DefaultAuthorizer\.requiredScope is not a prop of JwtAuthorizerOptions; did you mean 'requiredScopes'\?/);
  });

  test('a requireExpiration of the bundled JWT authorizer that is not a boolean is refused', () => {
    expect(restAuthorizer(() => RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'], requireExpiration: 'false' as any }))).toThrow(
      "[InvalidPropType] TestStack/Api: DefaultAuthorizer.requireExpiration is 'false'; expected true or false");
  });

  test('a misspelt option of the WebSocket JWT authorizer is refused with the closest option', () => {
    const stack = newStack();
    const handler = newFunction(stack);
    expect(() => new SecureWebSocketApi(stack, 'Api', {
      authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'], tokenQuerystring: 'token' } as any),
      routes: { $default: { handler } },
    })).toThrow(/tokenQuerystring is not a prop of WebSocketJwtAuthorizerOptions; did you mean 'tokenQueryString'\?/);
  });

  test('a misspelt option of an HTTP Cognito authorizer is refused', () => {
    expect(httpAuthorizer(() => HttpApiAuthorizer.cognito({ userPoolClient: [] } as any))).toThrow(/DefaultAuthorizer\.userPoolClient is not a prop of HttpCognitoAuthorizerOptions; did you mean 'userPoolClients'\?/);
  });
});

describe('required props', () => {
  test('MeteredApi without tiers is refused with what tiers are', () => {
    expect(() => new MeteredApi(newStack(), 'Api', {} as any)).toThrow(
      /^\[MissingProp\] TestStack\/Api: tiers is undefined; expected the tiers of service by name, e\.g\. tiers: \{ free: .* \(use SecureLambdaApi for an API without API keys\)$/);
  });

  test('a custom domain without a name is refused', () => {
    expect(build('SecureHttpApi', { customDomain: {} })).toThrow('[MissingProp] TestStack/Api: customDomain.domainName is undefined; expected a string');
  });
});
