import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { LocalAwsEndpoint, secretsManagerService } from '../../src/aws-endpoint';

const SECRET = { arn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:CustomerKey-AbCdEf', name: 'CustomerKey-AbCdEf', secretString: 'key-value' };

describe('the local Secrets Manager', () => {
  const endpoint = new LocalAwsEndpoint();
  let client: SecretsManagerClient;

  beforeAll(async () => {
    endpoint.register('secretsmanager', secretsManagerService([SECRET]));
    client = new SecretsManagerClient({ endpoint: await endpoint.listen(), region: 'us-east-1', credentials: { accessKeyId: 'LOCAL', secretAccessKey: 'local' }, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await endpoint.close();
  });

  test('answers GetSecretValue by ARN with the local value', async () => {
    const response = await client.send(new GetSecretValueCommand({ SecretId: SECRET.arn }));

    expect(response).toMatchObject({ ARN: SECRET.arn, Name: SECRET.name, SecretString: 'key-value', VersionStages: ['AWSCURRENT'] });
  });

  test('answers GetSecretValue by name', async () => {
    expect((await client.send(new GetSecretValueCommand({ SecretId: SECRET.name }))).SecretString).toBe('key-value');
  });

  test('answers a secret without a local value with ResourceNotFoundException', async () => {
    await expect(client.send(new GetSecretValueCommand({ SecretId: 'Other' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
