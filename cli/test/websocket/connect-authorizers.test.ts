import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { connect, HandshakeRefused } from './support';
import { JwtTokenUse, SecureWebSocketApi, WebSocketApiAuthorizer } from '../../../src';
import { systemClock } from '../../src/clock';
import { nodeFunction, serveApp, ServedTestApp } from '../support/app';

const EVENT_ECHO = 'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext) });';
const CREDENTIALS = { accessKeyId: 'AKIDGATEWAYKITTEST', secretAccessKey: 'local-test-secret' };

describe('the $connect authorizers of cdk-gatewaykit: the bundled JWT authorizer and IAM', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const echo = nodeFunction(stack, 'Echo', EVENT_ECHO);
      const pool = new cognito.UserPool(stack, 'Pool');
      const client = pool.addClient('Client');
      new SecureWebSocketApi(stack, 'Jwt', {
        authorizer: WebSocketApiAuthorizer.jwt({ userPool: pool, clientIds: [client.userPoolClientId], tokenUse: JwtTokenUse.ACCESS }),
        routes: { $default: { handler: echo, returnResponse: true } },
      });
      new SecureWebSocketApi(stack, 'Iam', { authorizer: WebSocketApiAuthorizer.iam(), routes: { $default: { handler: echo, returnResponse: true } } });
    }, { credentials: [CREDENTIALS] });
  }, 30_000);
  afterAll(() => app.stop());

  const accessToken = () => app.running.issuer.mintCognito(
    { userPool: app.running.model.userPools[0], tokenUse: 'access', claims: { sub: 'dana' } },
    // The bundled authorizer's own code checks expiry against the real time, not the runtime's fake clock.
    systemClock,
  );

  test('the bundled JWT authorizer accepts an access token of the pool in the token query string', async () => {
    const connection = await connect(`${app.running.url('Jwt')}?token=${await accessToken()}`);
    expect(JSON.parse(await connection.ask('hello')).authorizer).toMatchObject({ principalId: 'dana' });
    connection.socket.close();
  });

  test('the bundled JWT authorizer refuses a handshake without a token (401) or with a token it cannot verify (401)', async () => {
    await expect(connect(app.running.url('Jwt'))).rejects.toEqual(new HandshakeRefused(401));
    await expect(connect(`${app.running.url('Jwt')}?token=not.a.jwt`)).rejects.toEqual(new HandshakeRefused(401));
  });

  test('IAM accepts a handshake signed with SigV4 by known credentials and puts the caller in the identity', async () => {
    const url = new URL(app.running.url('Iam'));
    const signer = new SignatureV4({ credentials: CREDENTIALS, region: 'eu-west-1', service: 'execute-api', sha256: Hash.bind(null, 'sha256') });
    const signed = await signer.sign(
      { method: 'GET', protocol: 'http:', hostname: url.host, path: url.pathname, headers: { host: url.host } },
      { signingDate: new Date(app.clock.now()) },
    );
    const { host: _host, ...headers } = signed.headers;
    const connection = await connect(url.href, headers);
    expect(JSON.parse(await connection.ask('hello')).identity).toMatchObject({ accessKey: CREDENTIALS.accessKeyId, sourceIp: '127.0.0.1' });
    connection.socket.close();
  });

  test('IAM refuses an unsigned handshake with 403', async () => {
    await expect(connect(app.running.url('Iam'))).rejects.toEqual(new HandshakeRefused(403));
  });
});
