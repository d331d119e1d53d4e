import {
  CreateApiKeyCommand, CreateUsagePlanKeyCommand, FlushStageAuthorizersCacheCommand, FlushStageCacheCommand, GetApiKeysCommand, GetExportCommand,
  GetSdkCommand, GetStageCommand, GetUsageCommand, GetUsagePlansCommand, UpdateApiKeyCommand, UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { unzipSync } from 'fflate';
import { clientsOf, restApiId, SERVE_TIMEOUT_MS, serveMeteredApp } from './support';
import { ServedTestApp } from '../support/app';

describe('the local control plane answers the AWS SDK\'s API Gateway client', () => {
  let app: ServedTestApp;
  let apiGateway: ReturnType<typeof clientsOf>['apiGateway'];

  beforeAll(async () => {
    app = await serveMeteredApp();
    apiGateway = clientsOf(app).apiGateway;
  }, SERVE_TIMEOUT_MS);
  afterAll(() => app.stop());

  const keyValue = async (name: string) =>
    (await apiGateway.send(new GetApiKeysCommand({ includeValues: true }))).items!.find((k) => k.name === name)!;
  const planId = async () => (await apiGateway.send(new GetUsagePlansCommand({}))).items![0].id!;
  const orders = (apiKey: string) => app.fetch('orders', { headers: { 'x-api-key': apiKey } }, 'Metered', 'prod');

  test('GetStage reports the stage deployment, variables and canary settings of the template', async () => {
    const stage = await apiGateway.send(new GetStageCommand({ restApiId: restApiId(app), stageName: 'prod' }));
    expect(stage.variables).toEqual({ flags: 'v1' });
    expect(stage.canarySettings).toMatchObject({ percentTraffic: 50, stageVariableOverrides: { flags: 'v2' } });
  });

  test('GetStage of an unknown stage is NotFoundException', async () => {
    await expect(apiGateway.send(new GetStageCommand({ restApiId: restApiId(app), stageName: 'nope' }))).rejects.toMatchObject({ name: 'NotFoundException' });
  });

  test('GetApiKeys lists the customers\' keys by name with their values and states', async () => {
    const keys = (await apiGateway.send(new GetApiKeysCommand({ includeValues: true }))).items!;
    expect(keys.map((k) => [k.name, k.enabled])).toEqual(expect.arrayContaining([['acme', true], ['globex', false]]));
    expect(keys.every((k) => /^[A-Za-z0-9]{40}$/.test(k.value!))).toBe(true);
  });

  test('GetUsage counts the requests the runtime metered per key and day, with the quota left', async () => {
    const acme = await keyValue('acme');
    expect((await orders(acme.value!)).status).toBe(200);
    expect((await orders(acme.value!)).status).toBe(200);
    const usage = await apiGateway.send(new GetUsageCommand({ usagePlanId: await planId(), startDate: '2026-11-30', endDate: '2026-12-01', keyId: acme.id }));
    expect(usage.items).toEqual({ [acme.id!]: [[0, 100], [2, 98]] });
  });

  test('a key disabled with UpdateApiKey is refused by the next request', async () => {
    const acme = await keyValue('acme');
    await apiGateway.send(new UpdateApiKeyCommand({ apiKey: acme.id, patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }] }));
    expect((await orders(acme.value!)).status).toBe(403);
    await apiGateway.send(new UpdateApiKeyCommand({ apiKey: acme.id, patchOperations: [{ op: 'replace', path: '/enabled', value: 'true' }] }));
    expect((await orders(acme.value!)).status).toBe(200);
  });

  test('a key created and attached to the plan is accepted at once', async () => {
    const created = await apiGateway.send(new CreateApiKeyCommand({ name: 'initech', enabled: true }));
    expect((await orders(created.value!)).status).toBe(403);
    await apiGateway.send(new CreateUsagePlanKeyCommand({ usagePlanId: await planId(), keyId: created.id, keyType: 'API_KEY' }));
    expect((await orders(created.value!)).status).toBe(200);
  });

  test('an UpdateStage that removes the canary settings makes the runtime serve only the stage\'s variables', async () => {
    await apiGateway.send(new UpdateStageCommand({ restApiId: restApiId(app), stageName: 'prod', patchOperations: [{ op: 'remove', path: '/canarySettings' }] }));
    const acme = await keyValue('acme');
    const flags = await Promise.all(Array.from({ length: 6 }, async () => (await (await orders(acme.value!)).json()).stageVariables?.flags));
    expect(new Set(flags)).toEqual(new Set(['v1']));
  });

  test('GetExport returns the stage\'s API as OpenAPI 3 with the integrations extension', async () => {
    const exported = await apiGateway.send(new GetExportCommand({ restApiId: restApiId(app), stageName: 'prod', exportType: 'oas30', parameters: { extensions: 'integrations' } }));
    const document = JSON.parse(Buffer.from(exported.body!).toString('utf8'));
    expect(document.paths['/orders'].get['x-amazon-apigateway-integration']).toMatchObject({ type: 'aws_proxy' });
  });

  test('GetSdk returns a zip holding the stage\'s Swagger export and a README naming it a stub', async () => {
    const sdk = await apiGateway.send(new GetSdkCommand({ restApiId: restApiId(app), stageName: 'prod', sdkType: 'javascript' }));
    const files = unzipSync(sdk.body!);
    expect(Object.keys(files).some((name) => name.endsWith('swagger.json'))).toBe(true);
    expect(Buffer.from(files[Object.keys(files).find((name) => name.endsWith('README.md'))!]).toString()).toMatch(/stub/);
  });

  test('FlushStageCache and FlushStageAuthorizersCache of a served stage answer 202', async () => {
    await expect(apiGateway.send(new FlushStageCacheCommand({ restApiId: restApiId(app), stageName: 'prod' }))).resolves.toBeDefined();
    await expect(apiGateway.send(new FlushStageAuthorizersCacheCommand({ restApiId: restApiId(app), stageName: 'prod' }))).resolves.toMatchObject({ $metadata: { httpStatusCode: 202 } });
  });
});
