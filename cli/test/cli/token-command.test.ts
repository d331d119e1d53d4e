import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { decodeJwt } from 'jose';
import { UsageError } from '../../src/cli/args';
import { tokenCommand } from '../../src/cli/token-command';
import { ECHO_HANDLER, nodeFunction } from '../support/app';
import { tempDir } from '../support/temp-dirs';

describe('gatewaykit token', () => {
  let cwd: string;

  beforeAll(() => {
    cwd = tempDir('gatewaykit-token-');
    const app = new App({ outdir: path.join(cwd, 'cdk.out') });
    const stack = new Stack(app, 'Shop');
    const pool = new cognito.UserPool(stack, 'Customers');
    pool.addClient('Web');
    new cognito.UserPool(stack, 'Staff').addClient('Admin');
    new cognito.UserPool(stack, 'Guests');
    const api = new apigatewayv2.HttpApi(stack, 'Api');
    api.addRoutes({
      path: '/orders',
      integration: new HttpLambdaIntegration('Echo', nodeFunction(stack, 'Echo', ECHO_HANDLER)),
      authorizer: new HttpJwtAuthorizer('Jwt', 'https://issuer.example.com/', { jwtAudience: ['orders'] }),
    });
    new lambda.Function(stack, 'Inline', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline(ECHO_HANDLER) });
    app.synth();
  });

  test('mints an ID token of the user pool named by --pool, for its client', async () => {
    const claims = decodeJwt(await tokenCommand(['--pool', 'Customers', '--claims', '{"sub":"alice"}'], cwd));
    expect(claims).toMatchObject({ sub: 'alice', token_use: 'id', iss: expect.stringMatching(/^https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_/) });
  });

  test('mints an access token with scopes', async () => {
    const claims = decodeJwt(await tokenCommand(['--pool', 'Staff', '--token-use', 'access', '--scopes', 'a/read,a/write'], cwd));
    expect(claims).toMatchObject({ token_use: 'access', scope: 'a/read a/write' });
  });

  test('mints a token of an HTTP API JWT authorizer\'s issuer', async () => {
    const claims = decodeJwt(await tokenCommand(['--issuer', 'https://issuer.example.com/', '--claims', '{"aud":"orders"}'], cwd));
    expect(claims).toMatchObject({ iss: 'https://issuer.example.com/', aud: 'orders', sub: 'local-user' });
  });

  test('mints an ID token of a pool without app client, for the pool alone', async () => {
    // REST Cognito authorizers check the token against the pool, not a client: aws-cdk's integ tests use such pools.
    const claims = decodeJwt(await tokenCommand(['--pool', 'Guests'], cwd));
    expect(claims).toMatchObject({ token_use: 'id', aud: expect.stringMatching(/^[0-9a-z]{26}$/) });
  });

  test('keeps its key in .gatewaykit/ of the folder, so that the server trusts its tokens', async () => {
    await tokenCommand(['--pool', 'Customers'], cwd);
    expect(fs.existsSync(path.join(cwd, '.gatewaykit', 'local-issuer.json'))).toBe(true);
  });

  test('leaves no folder behind in the temporary folder for the inline code of the app\'s functions', async () => {
    // A temporary folder of the test's own: other test files and runs create folders in the system's concurrently.
    const tmp = tempDir('gatewaykit-token-tmp-');
    const tmpdir = jest.spyOn(jest.requireActual<typeof os>('node:os'), 'tmpdir').mockReturnValue(tmp);
    try {
      await tokenCommand(['--pool', 'Customers'], cwd);
    } finally {
      tmpdir.mockRestore();
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  test('without --pool, an app with two pools is an error that names them', async () => {
    await expect(tokenCommand([], cwd)).rejects.toThrow(/the app has 3 user pools \(Shop\/Customers, Shop\/Staff, Shop\/Guests\); name one with --pool/);
  });

  test('an issuer the app does not trust is an error that lists its issuers', async () => {
    await expect(tokenCommand(['--issuer', 'https://other.example.com/'], cwd)).rejects.toThrow(/is not an issuer of the app; its issuers are .*https:\/\/issuer\.example\.com\//);
  });

  test('claims that are not a JSON object are a usage error', async () => {
    await expect(tokenCommand(['--pool', 'Staff', '--claims', '[1]'], cwd)).rejects.toThrow(UsageError);
  });

  test('an unknown option is a usage error that names it', async () => {
    await expect(tokenCommand(['--audience', 'x'], cwd)).rejects.toThrow(/unknown option '--audience'/);
  });
});
