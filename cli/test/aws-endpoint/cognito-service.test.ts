import { AdminInitiateAuthCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoService, LocalAwsEndpoint } from '../../src/aws-endpoint';

const POOL = 'us-east-1_Local1234';
const POOLS = [{
  userPoolId: POOL,
  usernames: new Set(['integ-user']),
  clients: new Map([['adminclient', ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']], ['srponly', ['ALLOW_USER_SRP_AUTH']]]),
}];

describe('the local Cognito', () => {
  const endpoint = new LocalAwsEndpoint();
  let client: CognitoIdentityProviderClient;
  const signIn = (ClientId: string, PASSWORD: string) => client.send(new AdminInitiateAuthCommand({
    UserPoolId: POOL, ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'integ-user', PASSWORD },
  }));

  beforeAll(async () => {
    endpoint.register('cognito-idp', cognitoService(POOLS, async (pool, clientId, username) => ({ idToken: `id:${pool}:${clientId}:${username}`, accessToken: 'access' })));
    client = new CognitoIdentityProviderClient({ endpoint: await endpoint.listen(), region: 'us-east-1', credentials: { accessKeyId: 'LOCAL', secretAccessKey: 'local' }, maxAttempts: 1 });
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL, Username: 'integ-user', Password: 'Passw0rd!', Permanent: true }));
  });
  afterAll(async () => {
    client.destroy();
    await endpoint.close();
  });

  test('signs a declared user in with the password set for it, with the minted tokens', async () => {
    const response = await signIn('adminclient', 'Passw0rd!');

    expect(response.AuthenticationResult).toEqual({ IdToken: `id:${POOL}:adminclient:integ-user`, AccessToken: 'access', ExpiresIn: 3600, TokenType: 'Bearer' });
  });

  test('refuses a wrong password', async () => {
    await expect(signIn('adminclient', 'wrong')).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  test('refuses a client that does not enable the flow', async () => {
    await expect(signIn('srponly', 'Passw0rd!')).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Auth flow not enabled for this client' });
  });

  test('refuses to set the password of a user the app does not declare', async () => {
    const call = client.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL, Username: 'someone', Password: 'x', Permanent: true }));

    await expect(call).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });
});
