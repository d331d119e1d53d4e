import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { connect, HandshakeRefused } from './support';
import { SecureWebSocketApi } from '../../../src';
import { nodeFunction, serveApp, ServedTestApp } from '../support/app';

const ECHO = 'exports.handler = async (event) => ({ statusCode: 200, body: event.body });';

describe('a metered WebSocket API: API keys on $connect, usage plan quotas and route throttles', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const echo = nodeFunction(stack, 'Echo', ECHO);
      new SecureWebSocketApi(stack, 'Metered', {
        routes: {
          $connect: { isPublic: true },
          $default: { handler: echo, returnResponse: true },
          slow: { handler: echo, returnResponse: true, throttle: { rateLimit: 1, burstLimit: 1 } },
        },
        tiers: { free: { quota: { limit: 5, period: apigateway.Period.DAY } } },
        customers: { acme: { tier: 'free' } },
      });
    });
  });
  afterAll(() => app.stop());

  const apiKey = () => app.running.model.usagePlans[0].apiKeys[0].value;

  test('a handshake without an API key of the stage\'s usage plan is refused with 403', async () => {
    await expect(connect(app.running.url('Metered'))).rejects.toEqual(new HandshakeRefused(403));
    await expect(connect(app.running.url('Metered'), { 'x-api-key': 'not-a-key' })).rejects.toEqual(new HandshakeRefused(403));
  });

  test('the route throttle refuses a second message in the same second; the quota counts $connect and every message passed', async () => {
    const client = await connect(app.running.url('Metered'), { 'x-api-key': apiKey() });
    expect(await client.ask('{"action":"slow","n":1}')).toBe('{"action":"slow","n":1}');
    expect(JSON.parse(await client.ask('{"action":"slow","n":2}'))).toMatchObject({ message: 'Too Many Requests' });
    expect(await client.ask('3')).toBe('3');
    expect(await client.ask('4')).toBe('4');
    expect(await client.ask('5')).toBe('5');
    expect(JSON.parse(await client.ask('6'))).toMatchObject({ message: 'Limit Exceeded' });
    client.socket.close();
  });
});
