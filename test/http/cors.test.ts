import { Duration } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { newHttpApi } from './support';
import { HttpApiAuthorizer } from '../../src';
import { templateOf } from '../support/fixtures';

const ORIGIN = 'https://app.example.com';
const preflightWarning = (stack: import('aws-cdk-lib').Stack) =>
  Annotations.fromStack(stack).findWarning('/TestStack/Api', Match.stringLikeRegexp('cors-preflight-authorized'));

describe('CORS', () => {
  test('is the API\'s native CORS configuration, with the default headers and every method', () => {
    const { stack } = newHttpApi((handler) => ({ cors: { allowOrigins: [ORIGIN] }, routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: [ORIGIN],
        AllowHeaders: ['Content-Type', 'X-Amz-Date', 'X-Amz-Security-Token', 'X-Api-Key', 'Authorization'],
        AllowMethods: ['*'],
        AllowCredentials: Match.absent(),
      },
    });
  });

  test('takes the headers, methods, credentials, max age and exposed headers given', () => {
    const { stack } = newHttpApi((handler) => ({
      routes: { 'GET /items': { handler } },
      cors: {
        allowOrigins: [ORIGIN],
        allowHeaders: ['Authorization'],
        allowMethods: ['get', 'POST'],
        allowCredentials: true,
        maxAge: Duration.minutes(10),
        exposeHeaders: ['X-Request-Id'],
      },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: [ORIGIN],
        AllowHeaders: ['Authorization'],
        AllowMethods: ['GET', 'POST'],
        AllowCredentials: true,
        MaxAge: 600,
        ExposeHeaders: ['X-Request-Id'],
      },
    });
  });

  test('is validated as for REST APIs', () => {
    expect(() => newHttpApi(() => ({ cors: { allowOrigins: ['*'], allowCredentials: true } })))
      .toThrow(/\[CorsCredentialsWithWildcard\] TestStack\/Api: cors\.allowCredentials is true with cors\.allowOrigins \['\*'\]/);
    expect(() => newHttpApi(() => ({ cors: { allowOrigins: ['app.example.com'] } })))
      .toThrow(/cors\.allowOrigins has 'app\.example\.com'; an origin is a scheme and host/);
  });

  test('an OPTIONS route with cors is rejected: the API answers preflight requests itself', () => {
    expect(() => newHttpApi((handler) => ({ cors: { allowOrigins: [ORIGIN] }, routes: { 'OPTIONS /items': { handler, isPublic: true } } })))
      .toThrow(/\[OptionsRouteWithCors\] .*routes\['OPTIONS \/items'\]: with cors set, the API answers OPTIONS \(preflight\) itself/);
  });

  test.each(['ANY /items', '$default'])('an authorized %s route with cors warns that it catches preflight requests', (routeKey) => {
    const { stack } = newHttpApi((handler) => ({
      authorizer: HttpApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'] }),
      cors: { allowOrigins: [ORIGIN] },
      routes: { [routeKey]: { handler } },
    }));
    const warnings = preflightWarning(stack);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0].entry.data)).toMatch(/matches OPTIONS requests and is authorized by JWT, so browsers' CORS preflight requests, which carry no credentials, reach it/);
  });

  test('routes with explicit methods, public ANY routes and APIs without cors do not warn', () => {
    const { stack } = newHttpApi((handler) => ({
      cors: { allowOrigins: [ORIGIN] },
      routes: { 'GET /items': { handler }, 'ANY /public/{proxy+}': { handler, isPublic: true } },
    }));
    expect(preflightWarning(stack)).toEqual([]);
    const { stack: withoutCors } = newHttpApi((handler) => ({ routes: { 'ANY /{proxy+}': { handler } } }));
    expect(preflightWarning(withoutCors)).toEqual([]);
  });
});
