import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { LocalIssuer } from '../../src/auth';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

const CREDENTIALS = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret-key' };

describe('REST Cognito user pool and IAM authorization', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveApp((stack) => {
      const echo = nodeFunction(stack, 'Echo', ECHO_HANDLER);
      const pool = new cognito.UserPool(stack, 'Pool');
      pool.addClient('Web');
      const authorizer = new apigateway.CognitoUserPoolsAuthorizer(stack, 'PoolAuth', { cognitoUserPools: [pool] });
      const api = new apigateway.RestApi(stack, 'Api', { deployOptions: { stageName: 'prod' } });
      const integration = new apigateway.LambdaIntegration(echo);
      const items = api.root.addResource('items');
      items.addMethod('GET', integration, { authorizer, authorizationType: apigateway.AuthorizationType.COGNITO });
      items.addMethod('POST', integration, { authorizer, authorizationType: apigateway.AuthorizationType.COGNITO, authorizationScopes: ['items/write'] });
      api.root.addResource('internal').addMethod('GET', integration, { authorizationType: apigateway.AuthorizationType.IAM });
    }, { credentials: [CREDENTIALS] });
  });
  afterAll(() => app.stop());

  const pool = () => app.running.model.userPools[0];
  const idToken = (claims: Record<string, unknown> = {}) => app.running.issuer.mintCognito({ userPool: pool(), tokenUse: 'id', claims }, app.clock);

  describe('COGNITO_USER_POOLS', () => {
    test('an ID token of the pool reaches the integration, its claims in requestContext.authorizer.claims', async () => {
      const response = await app.fetch('items', { headers: { Authorization: await idToken({ sub: 'alice', email: 'alice@example.com' }) } });
      expect(response.status).toBe(200);
      expect((await response.json()).requestContext.authorizer.claims).toMatchObject({ sub: 'alice', email: 'alice@example.com', token_use: 'id' });
    });

    test('no token is 401 Unauthorized', async () => {
      const response = await app.fetch('items');
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('{"message":"Unauthorized"}');
    });

    test('an expired token is 401 with the incoming-token message', async () => {
      const token = await app.running.issuer.mintCognito({ userPool: pool(), tokenUse: 'id', expiresInSeconds: 60 }, app.clock);
      app.clock.advance(61_000);
      const response = await app.fetch('items', { headers: { Authorization: token } });
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('{"message":"The incoming token has expired"}');
    });

    test('a token signed by another key is 401', async () => {
      const other = await LocalIssuer.generate();
      const forged = await other.mintCognito({ userPool: pool(), tokenUse: 'id' }, app.clock);
      expect((await app.fetch('items', { headers: { Authorization: forged } })).status).toBe(401);
    });

    test('a method with scopes takes an access token holding one of them, and refuses an ID token', async () => {
      const access = await app.running.issuer.mintCognito({ userPool: pool(), tokenUse: 'access', scopes: ['items/write'] }, app.clock);
      expect((await app.fetch('items', { method: 'POST', headers: { Authorization: access } })).status).toBe(200);
      expect((await app.fetch('items', { method: 'POST', headers: { Authorization: await idToken() } })).status).toBe(401);
    });

    test('an access token without the method\'s scope is 401', async () => {
      const access = await app.running.issuer.mintCognito({ userPool: pool(), tokenUse: 'access', scopes: ['items/read'] }, app.clock);
      expect((await app.fetch('items', { method: 'POST', headers: { Authorization: access } })).status).toBe(401);
    });
  });

  describe('AWS_IAM', () => {
    async function signedFetch(path: string, credentials = CREDENTIALS): Promise<Response> {
      const url = new URL(path, app.running.url());
      const signer = new SignatureV4({ credentials, region: 'eu-west-1', service: 'execute-api', sha256: Hash.bind(null, 'sha256') });
      const signed = await signer.sign(
        { method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, query: {}, headers: { host: url.host } },
        { signingDate: new Date(app.clock.now()) },
      );
      return fetch(url, { headers: signed.headers as Record<string, string> });
    }

    test('a request signed with the local credentials is served, with the caller in requestContext.identity', async () => {
      const response = await signedFetch('internal');
      expect(response.status).toBe(200);
      expect((await response.json()).requestContext.identity).toMatchObject({ accessKey: CREDENTIALS.accessKeyId, accountId: '111122223333' });
    });

    test('an unsigned request is 403 Missing Authentication Token', async () => {
      const response = await app.fetch('internal');
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('{"message":"Missing Authentication Token"}');
    });

    test('a request signed with a wrong secret is 403 with the signature-mismatch message', async () => {
      const response = await signedFetch('internal', { ...CREDENTIALS, secretAccessKey: 'wrong' });
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/The request signature we calculated does not match the signature you provided/);
    });
  });
});
