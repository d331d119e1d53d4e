import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { CorsOptions, RestAuthorizer } from '../../src';
import { newApi, templateOf } from '../support/fixtures';

const corsApi = (cors: CorsOptions) => newApi((handler) => ({
  authorizer: RestAuthorizer.cognito(),
  cors,
  routes: { 'GET /items': { handler } },
}));

describe('CORS', () => {
  test('answers preflight requests with an unauthenticated 204 OPTIONS method', () => {
    const { stack } = corsApi({ allowOrigins: ['https://app.example.com'], maxAge: Duration.minutes(10) });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      AuthorizationType: 'NONE',
      Integration: Match.objectLike({
        Type: 'MOCK',
        IntegrationResponses: [Match.objectLike({
          StatusCode: '204',
          ResponseParameters: Match.objectLike({
            'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'",
            'method.response.header.Access-Control-Max-Age': "'600'",
          }),
        })],
      }),
    });
  });

  test('allows the authorizer header and the usual AWS headers by default', () => {
    const { stack } = corsApi({ allowOrigins: ['https://app.example.com'] });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      Integration: Match.objectLike({
        IntegrationResponses: [Match.objectLike({
          ResponseParameters: Match.objectLike({
            'method.response.header.Access-Control-Allow-Headers': "'Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key,Authorization'",
          }),
        })],
      }),
    });
  });

  test.each(['DEFAULT_4XX', 'DEFAULT_5XX'])('adds the CORS headers to the %s gateway response', (type) => {
    const { stack } = corsApi({ allowOrigins: ['https://app.example.com'], allowCredentials: true, exposeHeaders: ['X-Request-Id'] });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: type,
      ResponseParameters: {
        'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'",
        'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'",
        'gatewayresponse.header.Access-Control-Expose-Headers': "'X-Request-Id'",
        'gatewayresponse.header.Vary': "'Origin'",
      },
    });
  });

  test('echoes the request origin on gateway responses when several origins are allowed', () => {
    const { stack } = corsApi({ allowOrigins: ['https://a.example.com', 'https://b.example.com'] });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'DEFAULT_4XX',
      ResponseParameters: Match.objectLike({
        'gatewayresponse.header.Access-Control-Allow-Origin': 'method.request.header.Origin',
        'gatewayresponse.header.Vary': "'Origin'",
      }),
    });
  });

  test('a wildcard origin needs no Vary header', () => {
    const { stack } = corsApi({ allowOrigins: ['*'] });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
    });
  });

  test('no gateway responses or OPTIONS methods are created without cors', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).resourceCountIs('AWS::ApiGateway::GatewayResponse', 0);
    templateOf(stack).resourcePropertiesCountIs('AWS::ApiGateway::Method', { HttpMethod: 'OPTIONS' }, 0);
  });
});
