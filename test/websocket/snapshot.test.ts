import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { newWebSocketApi } from './support';
import { WebSocketApiAuthorizer } from '../../src';
import { templateOf } from '../support/fixtures';

describe('template snapshots', () => {
  test('JWT-authorized chat with the connection registry, a two-way route, $default, a route throttle, a tier and a customer', () => {
    const { stack } = newWebSocketApi((handler) => ({
      authorizer: WebSocketApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['chat'] }),
      connectionRegistry: {},
      routes: {
        sendMessage: { handler, returnResponse: true, throttle: { rateLimit: 10, burstLimit: 20 } },
        $default: { handler },
      },
      tiers: { pro: { throttle: { rateLimit: 100, burstLimit: 200 }, quota: { limit: 1_000_000, period: apigateway.Period.MONTH } } },
      customers: { acme: { tier: 'pro' } },
    }));
    expect(templateOf(stack).toJSON()).toMatchSnapshot();
  });
});
