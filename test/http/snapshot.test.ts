import * as route53 from 'aws-cdk-lib/aws-route53';
import { newHttpApi } from './support';
import { HttpApiAuthorizer } from '../../src';
import { newFunction, templateOf } from '../support/fixtures';

describe('template snapshot', () => {
  test('SecureHttpApi with a JWT default, a public route, a Lambda-authorized route, CORS, a route throttle, stage variables and a custom domain', () => {
    const { stack } = newHttpApi((handler, s) => ({
      authorizer: HttpApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api://items'] }),
      cors: { allowOrigins: ['https://app.example.com'], allowCredentials: true },
      stageVariables: { realm: 'prod' },
      customDomain: {
        domainName: 'api.example.com',
        hostedZone: route53.HostedZone.fromHostedZoneAttributes(s, 'Zone', { hostedZoneId: 'Z0000000000000000000', zoneName: 'example.com' }),
        basePath: 'items',
      },
      routes: {
        'GET /items': { handler, authorizationScopes: ['items/read'] },
        'POST /items': { handler, throttle: { rateLimit: 10, burstLimit: 20 } },
        'GET /health': { handler, isPublic: true },
        'ANY /admin/{proxy+}': { handler, authorizer: HttpApiAuthorizer.request(newFunction(s, 'AuthorizerHandler')) },
      },
    }));
    expect(templateOf(stack).toJSON()).toMatchSnapshot();
  });
});
