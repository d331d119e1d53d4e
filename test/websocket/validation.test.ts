import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { newWebSocketApi, untyped } from './support';
import { RestAuthorizer, SecureWebSocketApiProps, WebSocketApiAuthorizer, WebSocketLambdaAuthorizerOptions } from '../../src';
import { newFunction } from '../support/fixtures';

const build = (props: (fn: lambda.Function, scope: Stack) => SecureWebSocketApiProps) => () => newWebSocketApi(props);
const route = (routeKey: string) => build((handler) => ({ routes: { [routeKey]: { handler } } }));
const lambdaAuthorizer = (options: WebSocketLambdaAuthorizerOptions) => build((_, scope) => ({
  authorizer: WebSocketApiAuthorizer.request(newFunction(scope, 'Authorizer'), options),
}));

describe('route keys', () => {
  test.each([
    ['', /routes\[''\] is an empty route key; use '\$connect', '\$disconnect', '\$default', or the value your route selection expression evaluates to/],
    ['$message', /routes\['\$message'\] is '\$message'; route keys starting with '\$' are reserved for '\$connect', '\$disconnect' and '\$default'$/],
    ['$Connect', /routes\['\$Connect'\] is '\$Connect'; route keys starting with '\$' are reserved .* \(did you mean '\$connect'\?\)/],
    ['x'.repeat(129), /is 129 characters long; custom route keys are limited to 128 characters/],
    [' sendMessage', /routes\[' sendMessage'\] is " sendMessage", with leading or trailing whitespace or a control character; .* e\.g\. 'sendMessage'/],
    ['send\nMessage', /with leading or trailing whitespace or a control character/],
    ['connect', /^\[InvalidRouteKey\] TestStack\/Api: routes\['connect'\] is 'connect', a custom route key, which messages whose route selection expression evaluates to 'connect' reach; expected '\$connect', the route API Gateway runs when a client connects$/],
    ['Disconnect', /routes\['Disconnect'\] is 'Disconnect', a custom route key, .*; expected '\$disconnect', the route API Gateway runs when a connection closes$/],
    ['default', /expected '\$default', the route API Gateway runs for a message no other route matches$/],
  ])('%j is rejected', (routeKey, message) => {
    expect(route(routeKey)).toThrow(message);
  });

  test('errors name the construct path and a stable id', () => {
    expect(route('$foo')).toThrow(/^\[InvalidRouteKey\] TestStack\/Api: /);
  });

  test('a route added twice is rejected', () => {
    const { api, fn } = newWebSocketApi((handler) => ({ routes: { sendMessage: { handler } } }));
    expect(() => api.addRoute('sendMessage', { handler: fn }))
      .toThrow(/\[DuplicateRoute\] TestStack\/Api: routes\['sendMessage'\]: the route 'sendMessage' is declared twice/);
  });

  test('$connect cannot be added later: it exists from the start, carrying the authorizer', () => {
    const { api, fn } = newWebSocketApi();
    expect(() => api.addRoute('$connect', { handler: fn }))
      .toThrow(/\[DuplicateRoute\] .*the API already has its \$connect route, created with the API because it carries the authorizer; give \$connect's handler and options in the routes prop/);
  });

  test('a route without a handler is rejected', () => {
    expect(build(() => ({ routes: { sendMessage: {} } })))
      .toThrow(/\[RouteWithoutHandler\] .*routes\['sendMessage'\] has no handler; every route but \$connect needs the Lambda function that serves it/);
  });

  test('$disconnect needs a handler without the connection registry', () => {
    expect(build(() => ({ routes: { $disconnect: {} } }))).toThrow(/\[RouteWithoutHandler\] .*routes\['\$disconnect'\] has no handler/);
  });
});

describe('route selection expressions', () => {
  test.each([
    ['$request.header.x-action', /routeSelectionExpression is '\$request\.header\.x-action', with the variable 'request\.header\.x-action'; WebSocket APIs select routes from the message body only/],
    ['$context.routeKey', /with the variable 'context\.routeKey'/],
    ['${request.body.action', /whose '\$\{' at position 0 is never closed/],
    ['$request.body.', /with the variable 'request\.body\.'/],
    ['$request.body..action', /with the variable 'request\.body\.\.action'/],
    ['$request.body', /with the variable 'request\.body'/],
    ['action-$', /with the variable '\$'/],
    ['', /routeSelectionExpression is empty/],
  ])('%j is rejected', (expression, message) => {
    expect(build(() => ({ routeSelectionExpression: expression }))).toThrow(message);
  });

  test.each([
    '$request.body.action',
    '${request.body.action}',
    '${request.body.service}/${request.body.action}',
    '$request.body.message.type',
    '$request.body.events[0].type',
    '\\$default-${request.body.action}',
  ])('%j is accepted', (expression) => {
    expect(build(() => ({ routeSelectionExpression: expression }))).not.toThrow();
  });

  test('an expression without a variable is accepted with a warning: every message gets the same route key', () => {
    const { stack } = newWebSocketApi(() => ({ routeSelectionExpression: 'action' }));
    Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp("routeSelectionExpression is 'action', which has no variable"));
  });
});

describe('authorization', () => {
  test('an authorizer on a route other than $connect is rejected, naming the route', () => {
    expect(build((handler) => ({ routes: { sendMessage: { handler, authorizer: WebSocketApiAuthorizer.iam() } } })))
      .toThrow(/\[AuthorizerOnNonConnectRoute\] TestStack\/Api: routes\['sendMessage'\]\.authorizer is set, but API Gateway authorizes a WebSocket connection once, on \$connect, and refuses an authorizer on any other route/);
  });

  test('isPublic on a route other than $connect is rejected', () => {
    expect(build((handler) => ({ routes: { $default: { handler, isPublic: true } } })))
      .toThrow(/\[AuthorizerOnNonConnectRoute\] .*routes\['\$default'\]\.isPublic is set/);
  });

  test('a public $connect with an authorizer is rejected', () => {
    expect(build(() => ({ routes: { $connect: { isPublic: true, authorizer: WebSocketApiAuthorizer.iam() } } })))
      .toThrow(/\[PublicRouteWithAuthorizer\] .*routes\['\$connect'\] is isPublic: true and also names an authorizer/);
  });

  test('a public $connect with the API\'s authorizer prop is rejected', () => {
    expect(build(() => ({ authorizer: WebSocketApiAuthorizer.iam(), routes: { $connect: { isPublic: true } } })))
      .toThrow(/\[PublicRouteWithAuthorizer\] .*is isPublic: true while the authorizer prop is set/);
  });

  test('an authorizer of another API type is rejected', () => {
    expect(build(() => ({ authorizer: untyped<WebSocketApiAuthorizer>(RestAuthorizer.iam()) })))
      .toThrow(/\[NotAWebSocketAuthorizer\] .*authorizer is a RestAuthorizer; expected a WebSocketApiAuthorizer: WebSocketApiAuthorizer\.iam\(\), request\(\) or jwt\(\)/);
  });

  test.each([
    ['method.request.header.Authorization', /'method\.request\.header\.Authorization'; WebSocket authorizers read .* \(did you mean 'route\.request\.header\.Authorization'\?\)/],
    ['$request.querystring.token', /\(did you mean 'route\.request\.querystring\.token'\?\)/],
    ['$stageVariables.tenant', /\(did you mean 'stageVariables\.tenant'\?\)/],
    ['route.request.body.token', /authorizer\.identitySources has 'route\.request\.body\.token'/],
    ['route.request.header.', /authorizer\.identitySources has 'route\.request\.header\.'/],
    ['Authorization', /authorizer\.identitySources has 'Authorization'; .* \(did you mean 'route\.request\.header\.Authorization'\?\)/],
  ])('the identity source %j is rejected', (source, message) => {
    expect(lambdaAuthorizer({ identitySources: [source] })).toThrow(message);
  });

  test('identity sources must be a list', () => {
    expect(lambdaAuthorizer(untyped<WebSocketLambdaAuthorizerOptions>({})))
      .toThrow(/\[InvalidIdentitySource\] .*authorizer\.identitySources is undefined; expected a list such as \['route\.request\.querystring\.token'\]/);
  });

  test('a JWT token query string that is not a parameter name is rejected', () => {
    expect(build(() => ({ authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['chat'], tokenQueryString: 'to ken' }) })))
      .toThrow(/\[InvalidTokenQueryString\] .*authorizer\.tokenQueryString is 'to ken'; expected a query string parameter name/);
  });

  test.each(['route.request.querystring.token', '$request.querystring.token', 'method.request.querystring.token'])(
    'a full identity source %j as the JWT token query string is rejected with the parameter name alone', (tokenQueryString) => {
      expect(build(() => ({ authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['chat'], tokenQueryString }) })))
        .toThrow(`[InvalidTokenQueryString] TestStack/Api: authorizer.tokenQueryString is '${tokenQueryString}', a full identity source; expected the query string parameter name alone: 'token'`);
    });

  test('a JWT token query string that reads a header is rejected', () => {
    expect(build(() => ({ authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['chat'], tokenQueryString: 'route.request.header.Authorization' }) })))
      .toThrow(/tokenQueryString is 'route\.request\.header\.Authorization', which reads a header; expected a query string parameter name/);
  });

  test('the JWT authorizer refuses to accept tokens of any audience', () => {
    expect(build(() => ({ routes: { $connect: { authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com' }) } } })))
      .toThrow(/\[JwtAudience\] .*routes\['\$connect'\]\.authorizer needs audience or clientIds/);
  });

  test('grantConnect on a $connect that is not IAM-authorized is rejected', () => {
    const { api, fn } = newWebSocketApi((_, scope) => ({
      authorizer: WebSocketApiAuthorizer.request(newFunction(scope, 'Authorizer'), { identitySources: [] }),
    }));
    expect(() => api.grantConnect(fn))
      .toThrow(/\[GrantOnNonIamConnect\] .*grantConnect: \$connect is authorized by a Lambda REQUEST authorizer, not IAM/);
  });
});

describe('route options', () => {
  test.each(['$connect', '$disconnect'])('returnResponse on %s is rejected: it carries no message', (routeKey) => {
    expect(build((handler) => ({ routes: { [routeKey]: { handler, returnResponse: true } } })))
      .toThrow(new RegExp(`\\[ReturnResponseOnConnectionRoute\\] .*routes\\['\\${routeKey}'\\]\\.returnResponse is true, but '\\${routeKey}' carries no message to answer`));
  });

  test('a negative route throttle is rejected', () => {
    expect(build((handler) => ({ routes: { sendMessage: { handler, throttle: { rateLimit: -1 } } } })))
      .toThrow(/routes\['sendMessage'\]\.throttle\.rateLimit must be 0 or more, got -1/);
  });

  test('a non-boolean apiKeyRequired is rejected', () => {
    expect(build((handler) => ({ routes: { sendMessage: { handler, apiKeyRequired: untyped<boolean>('yes') } } })))
      .toThrow(/\[InvalidPropType\] .*routes\['sendMessage'\]\.apiKeyRequired is 'yes'; expected true or false/);
  });
});

describe('connection registry', () => {
  test.each(['$connect', '$disconnect'])('a %s handler conflicts with the registry, whose handler serves it', (routeKey) => {
    expect(build((handler) => ({ connectionRegistry: {}, routes: { [routeKey]: { handler } } })))
      .toThrow(new RegExp(`\\[RegistryRouteConflict\\] .*routes\\['\\${routeKey}'\\]\\.handler is set, but with connectionRegistry the registry's bundled handler serves '\\${routeKey}'`));
  });

  test('an imported route function is rejected: its environment cannot be set', () => {
    expect(build((_, scope) => ({
      connectionRegistry: {},
      routes: { sendMessage: { handler: lambda.Function.fromFunctionName(scope, 'Imported', 'chat-send') } },
    }))).toThrow(/\[RouteFunctionNotConfigurable\] .*routes\['sendMessage'\]\.handler is an imported function, alias or version \(TestStack\/Imported\); with connectionRegistry every route function receives GATEWAYKIT_CONNECTIONS_TABLE and GATEWAYKIT_MANAGEMENT_ENDPOINT/);
  });

  test('an alias as route function is rejected with the registry', () => {
    expect(build((handler) => ({
      connectionRegistry: {},
      routes: { sendMessage: { handler: new lambda.Alias(handler.stack, 'Live', { aliasName: 'live', version: handler.currentVersion }) } },
    }))).toThrow(/\[RouteFunctionNotConfigurable\]/);
  });

  test.each([
    [Duration.seconds(30), /connectionRegistry\.timeToLive must be between 60 and 7200 seconds, got 30 seconds/],
    [Duration.hours(3), /connectionRegistry\.timeToLive must be between 60 and 7200 seconds, got 10800 seconds/],
  ])('a time to live of %s is rejected', (timeToLive, message) => {
    expect(build(() => ({ connectionRegistry: { timeToLive } }))).toThrow(message);
  });
});

describe('stage', () => {
  test('a stage name that is not a URL segment is rejected', () => {
    expect(build(() => ({ stageName: 'prod/v1' })))
      .toThrow(/\[InvalidStageName\] .*stageName is 'prod\/v1'; expected 1 to 128 letters, digits, hyphens and underscores/);
  });

  test('an invalid stage variable is rejected', () => {
    expect(build(() => ({ stageVariables: { 'tenant-table': 'x' } })))
      .toThrow(/\[InvalidStageVariable\] .*stageVariables has the variable name 'tenant-table'/);
  });

  test('a fractional burst limit is rejected', () => {
    expect(build(() => ({ throttle: { burstLimit: 1.5 } }))).toThrow(/throttle\.burstLimit must be a whole number of 0 or more, got 1\.5/);
  });
});
