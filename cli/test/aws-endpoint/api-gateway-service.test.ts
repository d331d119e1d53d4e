import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIGatewayClient, GetStageCommand, GetVpcLinksCommand } from '@aws-sdk/client-api-gateway';
import { apiGatewayService, LocalAwsEndpoint, NOT_AVAILABLE_LOCALLY } from '../../src/aws-endpoint';

describe('API Gateway calls on the local endpoint, answered by the control plane', () => {
  const unanswered: string[] = [];
  const endpoint = new LocalAwsEndpoint((call) => unanswered.push(call));
  const forwarded: string[] = [];
  const controlPlane = http.createServer((req, res) => {
    forwarded.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ stageName: 'prod', deploymentId: 'd1' }));
  });
  let client: APIGatewayClient;

  beforeAll(async () => {
    await new Promise<void>((resolve) => controlPlane.listen(0, '127.0.0.1', resolve));
    endpoint.register('apigateway', apiGatewayService(`http://127.0.0.1:${(controlPlane.address() as AddressInfo).port}`));
    client = new APIGatewayClient({ endpoint: await endpoint.listen(), region: 'us-east-1', credentials: { accessKeyId: 'LOCAL', secretAccessKey: 'local' }, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await endpoint.close();
    await new Promise((resolve) => controlPlane.close(resolve));
  });

  test('an operation the control plane has reaches it, and its answer reaches the SDK', async () => {
    const stage = await client.send(new GetStageCommand({ restApiId: 'a1b2c3', stageName: 'prod' }));

    expect([stage.stageName, stage.deploymentId, forwarded]).toEqual(['prod', 'd1', ['GET /restapis/a1b2c3/stages/prod']]);
  });

  test('an operation the control plane does not have is not available locally', async () => {
    await expect(client.send(new GetVpcLinksCommand({}))).rejects.toMatchObject({ name: NOT_AVAILABLE_LOCALLY });
    expect(unanswered).toEqual([expect.stringContaining('apigateway GET /vpclinks')]);
  });
});
