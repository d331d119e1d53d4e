import { GetApiKeysCommand, GetStageCommand, GetUsageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { DescribeStackResourcesCommand, GetTemplateCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { GetSecretValueCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { clientsOf, restApiId, SERVE_TIMEOUT_MS, serveMeteredApp, STACK } from './support';
import { ServedTestApp } from '../support/app';

describe('the local control plane answers the AWS SDK\'s CloudFormation and Secrets Manager clients', () => {
  let app: ServedTestApp;
  let clients: ReturnType<typeof clientsOf>;

  beforeAll(async () => {
    app = await serveMeteredApp({ UpdateStage: 'AccessDenied', GetUsage: 'Throttling', ListStackResources: 'AccessDenied', PutSecretValue: 'AccessDenied' });
    clients = clientsOf(app);
  }, SERVE_TIMEOUT_MS);
  afterAll(() => app.stop());

  const secretArn = async () => {
    const resources = (await clients.cloudFormation.send(new DescribeStackResourcesCommand({ StackName: STACK }))).StackResources!;
    return resources.find((r) => r.ResourceType === 'AWS::SecretsManager::Secret' && r.LogicalResourceId!.includes('acme'))!.PhysicalResourceId!;
  };

  test('DescribeStackResources gives the REST API\'s physical id, the one the runtime serves', async () => {
    const resources = (await clients.cloudFormation.send(new DescribeStackResourcesCommand({ StackName: STACK }))).StackResources!;
    expect(resources.filter((r) => r.ResourceType === 'AWS::ApiGateway::RestApi').map((r) => r.PhysicalResourceId)).toEqual([restApiId(app)]);
  });

  test('GetTemplate returns the synthesized template with each resource\'s construct path (aws:cdk:path) from the manifest', async () => {
    const template = JSON.parse((await clients.cloudFormation.send(new GetTemplateCommand({ StackName: STACK }))).TemplateBody!);
    const paths = Object.values(template.Resources as Record<string, { Metadata?: Record<string, string> }>).map((r) => r.Metadata?.['aws:cdk:path']);
    expect(paths).toContain('TestStack/Metered/Api');
  });

  test('DescribeStackResources of an unknown stack is a ValidationError naming it', async () => {
    await expect(clients.cloudFormation.send(new DescribeStackResourcesCommand({ StackName: 'Nope' }))).rejects.toMatchObject({ name: 'ValidationError', message: 'Stack with id Nope does not exist' });
  });

  test('GetSecretValue of a customer\'s generated secret is the key value the runtime accepts', async () => {
    const secret = await clients.secretsManager.send(new GetSecretValueCommand({ SecretId: await secretArn() }));
    const acme = (await clients.apiGateway.send(new GetApiKeysCommand({ includeValues: true }))).items!.find((k) => k.name === 'acme')!;
    expect(secret.SecretString).toBe(acme.value);
  });

  test('GetSecretValue of an unknown secret is ResourceNotFoundException', async () => {
    await expect(clients.secretsManager.send(new GetSecretValueCommand({ SecretId: 'nope' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  test('an operation told to fail with AccessDenied answers as IAM does, per service', async () => {
    await expect(clients.apiGateway.send(new GetStageCommand({ restApiId: restApiId(app), stageName: 'prod' }))).resolves.toMatchObject({ stageName: 'prod' });
    await expect(clients.apiGateway.send(new UpdateStageCommand({ restApiId: restApiId(app), stageName: 'prod', patchOperations: [] }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(clients.cloudFormation.send(new ListStackResourcesCommand({ StackName: STACK }))).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(clients.secretsManager.send(new PutSecretValueCommand({ SecretId: await secretArn(), SecretString: 'x' }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  test('an operation told to fail with Throttling answers TooManyRequestsException', async () => {
    await expect(clients.apiGateway.send(new GetUsageCommand({ usagePlanId: 'any', startDate: '2026-12-01', endDate: '2026-12-01' }))).rejects.toMatchObject({ name: 'TooManyRequestsException' });
  });
});
