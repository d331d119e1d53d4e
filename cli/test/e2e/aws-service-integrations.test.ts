import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpSqsIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { verifySigV4 } from '../../src/auth/sigv4';
import { systemClock } from '../../src/clock';
import { serveApp, ServedTestApp } from '../support/app';
import { startUpstream, Upstream } from '../support/upstream';

const CREDENTIALS = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' };

/** A REST API sending to SQS with AwsIntegration and an HTTP API with HttpSqsIntegration, as the aws-cdk docs show them. */
function build(stack: Stack): void {
  const queue = new sqs.Queue(stack, 'Queue');
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
  queue.grantSendMessages(role);
  const rest = new apigateway.RestApi(stack, 'Rest', { deployOptions: { stageName: 'prod' } });
  rest.root.addResource('send').addMethod('POST', new apigateway.AwsIntegration({
    service: 'sqs',
    path: `${stack.account}/${queue.queueName}`,
    integrationHttpMethod: 'POST',
    options: {
      credentialsRole: role,
      requestParameters: { 'integration.request.header.Content-Type': '\'application/x-www-form-urlencoded\'' },
      requestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
      integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"sent":true,"service":$input.json(\'$.service\')}' } }],
    },
  }), { methodResponses: [{ statusCode: '200' }] });
  const http = new apigwv2.HttpApi(stack, 'Http');
  http.addRoutes({
    path: '/queue',
    methods: [apigwv2.HttpMethod.POST],
    integration: new HttpSqsIntegration('Sqs', {
      queue,
      parameterMapping: new apigwv2.ParameterMapping().custom('QueueUrl', queue.queueUrl).custom('MessageBody', '$request.body.message'),
    }),
  });
}

describe('AWS service integrations signed and sent to --aws-endpoint', () => {
  let endpoint: Upstream;
  let app: ServedTestApp;

  beforeAll(async () => {
    // A fake AWS endpoint: it checks the SigV4 signature for the service the request names, and echoes what it got.
    endpoint = await startUpstream(async (request) => {
      const service = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(String(request.headers.authorization))?.[1] ?? '';
      const [path, query = ''] = request.url.split('?');
      const verdict = await verifySigV4(
        { method: request.method, path, query, headers: request.headers as Record<string, string>, body: Buffer.from(request.body) },
        { credentials: new Map([[CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey]]), region: 'eu-west-1', service, clock: systemClock },
      );
      return verdict.ok
        ? { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service, target: request.headers['x-amz-target'] ?? null, body: request.body }) }
        : { status: 403, body: JSON.stringify(verdict) };
    });
    app = await serveApp(build, { awsEndpoint: endpoint.url, awsCredentials: CREDENTIALS });
  });
  afterAll(async () => {
    await app.stop();
    await endpoint.close();
  });

  test('a REST AwsIntegration sends its mapped request, signed for the service, and maps the response', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-sqs.html
    const response = await app.fetch('send', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' }, 'Rest');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sent: true, service: 'sqs' });
    const received = endpoint.received.at(-1)!;
    expect(received.url).toBe('/111122223333/' + received.url.split('/')[2]);
    expect(received.body).toBe('Action=SendMessage&MessageBody=%7B%22a%22%3A1%7D');
    expect(received.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  test('an HTTP API SQS-SendMessage integration calls the action with its mapped parameters, signed', async () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
    const response = await app.fetch('queue', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"message":"hi"}' }, 'Http');
    expect(response.status).toBe(200);
    const seen = await response.json();
    expect(seen).toMatchObject({ service: 'sqs', target: 'AmazonSQS.SendMessage' });
    expect(JSON.parse(seen.body)).toEqual({ QueueUrl: expect.stringContaining('Queue'), MessageBody: 'hi' });
  });
});

describe('AWS service integrations without --aws-endpoint', () => {
  let app: ServedTestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    app = await serveApp(build, { log: (line) => lines.push(line) });
  });
  afterAll(() => app.stop());

  test('the startup report lists the routes that need --aws-endpoint', () => {
    const at = lines.findIndex((line) => line.includes('--aws-endpoint'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines.slice(at + 1, at + 3)).toEqual([
      expect.stringMatching(/Rest POST \/send -> sqs path\/111122223333\//),
      expect.stringMatching(/Http POST \/queue -> SQS-SendMessage$/),
    ]);
  });

  test('a REST AWS integration answers 500 as a failed integration', async () => {
    const response = await app.fetch('send', { method: 'POST', body: '{}' }, 'Rest');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message":"Internal server error"}');
  });

  test('an HTTP API service integration answers 500 Internal Server Error', async () => {
    const response = await app.fetch('queue', { method: 'POST', body: '{}' }, 'Http');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message":"Internal Server Error"}');
  });
});
