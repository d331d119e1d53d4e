import { EventEmitter } from 'events';
import type { IncomingMessage } from 'http';
import * as https from 'https';
import { Readable } from 'stream';
import { APIGatewayClient, GetStageCommand, NotFoundException, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { mockClient } from 'aws-sdk-client-mock';
import { CustomResourceResponse, MAX_REASON_LENGTH, putResponse } from '../../src/handlers/cfn-response.lambda-shared';
import { STAGE_BASELINE_RESOURCE_TYPE, STAGE_CANARY_REMOVAL_RESOURCE_TYPE } from '../../src/handlers/stage-canary-properties.lambda-shared';
import { handlerWith } from '../../src/handlers/stage-canary.lambda';

const RESPONSE_URL = 'https://cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com/stack%7Cid?X-Amz-Signature=SECRET-SIGNATURE';
const SERVICE_TOKEN = 'arn:aws:lambda:eu-west-1:123456789012:function:StageCanaryHandler';
const API = { restApiId: 'a1b2c3d4e5', stageName: 'prod' };

// request is replaced where modules are registered, so that the handler's own import sees the stub whatever the
// transform's module interop (a namespace import may be a copy of the module's properties).
jest.mock('https', () => ({ ...jest.requireActual<typeof import('https')>('https'), request: jest.fn() }));

const apiGateway = mockClient(APIGatewayClient);

let logSpy: jest.SpyInstance;
beforeEach(() => {
  apiGateway.reset();
  logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

type Properties = Record<string, unknown>;

const baselineProperties: Properties = {
  ServiceToken: SERVICE_TOKEN,
  RestApiId: API.restApiId,
  StageName: API.stageName,
  FallbackDeploymentId: 'newdep',
  LatestDeploymentId: 'newdep',
};

const removalProperties: Properties = {
  ServiceToken: SERVICE_TOKEN,
  RestApiId: API.restApiId,
  StageName: API.stageName,
  StageDeploymentId: 'olddep',
  Trigger: 'ROLLED_BACK',
};

/** A CloudFormation custom resource request; `overrides` replaces or (with `undefined`) removes fields. */
function cfnEvent(resourceType: string, properties: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const event: Record<string, unknown> = {
    RequestType: 'Create',
    ServiceToken: SERVICE_TOKEN,
    ResponseURL: RESPONSE_URL,
    StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/TestStack/11111111-2222-3333-4444-555555555555',
    RequestId: 'request-1',
    LogicalResourceId: 'StageCanaryResource',
    ResourceType: resourceType,
    ResourceProperties: properties,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined));
}

const baselineEvent = (overrides: Record<string, unknown> = {}) => cfnEvent(STAGE_BASELINE_RESOURCE_TYPE, baselineProperties, overrides);
const removalEvent = (overrides: Record<string, unknown> = {}) => cfnEvent(STAGE_CANARY_REMOVAL_RESOURCE_TYPE, removalProperties, overrides);

interface Sent {
  readonly url: string;
  readonly response: CustomResourceResponse;
}

/** Runs the handler on `event` with the mocked client and returns the responses it sent. */
async function invoke(event: unknown): Promise<Sent[]> {
  const sent: Sent[] = [];
  const handler = handlerWith({
    client: new APIGatewayClient({ region: 'eu-west-1' }),
    send: async (url, body) => {
      sent.push({ url, response: JSON.parse(body) });
    },
  });
  await handler(event);
  return sent;
}

/** The one response the handler sent. */
async function responseTo(event: unknown): Promise<CustomResourceResponse> {
  const sent = await invoke(event);
  expect(sent).toHaveLength(1);
  expect(sent[0].url).toBe(RESPONSE_URL);
  return sent[0].response;
}

function logLines(): Record<string, unknown>[] {
  return logSpy.mock.calls.map((args) => JSON.parse(String(args[0])));
}

function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

describe('the stage baseline', () => {
  it('reports the deployment an existing stage serves', async () => {
    apiGateway.on(GetStageCommand, API).resolves({ stageName: 'prod', deploymentId: 'olddep' });

    const response = await responseTo(baselineEvent());

    expect(response).toEqual({
      Status: 'SUCCESS',
      PhysicalResourceId: 'a1b2c3d4e5/prod/baseline',
      StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/TestStack/11111111-2222-3333-4444-555555555555',
      RequestId: 'request-1',
      LogicalResourceId: 'StageCanaryResource',
      Data: { DeploymentId: 'olddep' },
    });
  });

  it('reports the fallback deployment when the stage does not exist yet', async () => {
    apiGateway.on(GetStageCommand).rejects(new NotFoundException({ message: 'Invalid stage identifier specified', $metadata: {} }));

    const response = await responseTo(baselineEvent());

    expect(response).toMatchObject({ Status: 'SUCCESS', Data: { DeploymentId: 'newdep' } });
  });

  it('keeps its physical id on an Update with a new deployment', async () => {
    apiGateway.on(GetStageCommand).resolves({ deploymentId: 'olddep' });

    const response = await responseTo(baselineEvent({
      RequestType: 'Update',
      PhysicalResourceId: 'a1b2c3d4e5/prod/baseline',
      ResourceProperties: { ...baselineProperties, FallbackDeploymentId: 'newer', LatestDeploymentId: 'newer' },
      OldResourceProperties: baselineProperties,
    }));

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'a1b2c3d4e5/prod/baseline' });
  });

  it('fails when the stage reports no deployment', async () => {
    apiGateway.on(GetStageCommand).resolves({ stageName: 'prod' });

    const response = await responseTo(baselineEvent());

    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'stage \'prod\' of REST API a1b2c3d4e5 reports no deploymentId' });
  });
});

describe('the canary removal', () => {
  it('removes the canary settings a stage still has', async () => {
    apiGateway.on(GetStageCommand).resolves({ deploymentId: 'olddep', canarySettings: { deploymentId: 'newdep', percentTraffic: 10 } });
    apiGateway.on(UpdateStageCommand).resolves({ deploymentId: 'olddep' });

    const response = await responseTo(removalEvent());

    expect(apiGateway.commandCalls(UpdateStageCommand).map((call) => call.args[0].input)).toEqual([{
      ...API,
      patchOperations: [{ op: 'remove', path: '/canarySettings' }],
    }]);
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'a1b2c3d4e5/prod/canary-removal', Data: { Removed: 'true' } });
  });

  it('leaves a stage without canary settings untouched', async () => {
    apiGateway.on(GetStageCommand).resolves({ deploymentId: 'olddep' });

    const response = await responseTo(removalEvent());

    expect(apiGateway.commandCalls(UpdateStageCommand)).toHaveLength(0);
    expect(response).toMatchObject({ Status: 'SUCCESS', Data: { Removed: 'false' } });
  });

  it('keeps its physical id on an Update with a new trigger', async () => {
    apiGateway.on(GetStageCommand).resolves({ deploymentId: 'olddep' });

    const response = await responseTo(removalEvent({
      RequestType: 'Update',
      PhysicalResourceId: 'a1b2c3d4e5/prod/canary-removal',
      ResourceProperties: { ...removalProperties, Trigger: 'PROMOTED' },
    }));

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'a1b2c3d4e5/prod/canary-removal' });
  });

  it('fails when the stage does not exist', async () => {
    apiGateway.on(GetStageCommand).rejects(new NotFoundException({ message: 'Invalid stage identifier specified', $metadata: {} }));

    const response = await responseTo(removalEvent());

    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'stage \'prod\' of REST API a1b2c3d4e5 does not exist, so its canary cannot be checked' });
  });

  it('fails with the UpdateStage error when the canary cannot be removed', async () => {
    apiGateway.on(GetStageCommand).resolves({ deploymentId: 'olddep', canarySettings: { percentTraffic: 10 } });
    apiGateway.on(UpdateStageCommand).rejects(awsError('ConflictException', 'Unable to complete operation due to concurrent modification'));

    const response = await responseTo(removalEvent());

    expect(response.Reason).toBe('UpdateStage failed: ConflictException: Unable to complete operation due to concurrent modification');
  });
});

describe('a Delete request', () => {
  it.each([
    ['baseline', baselineEvent, 'a1b2c3d4e5/prod/baseline'],
    ['canary removal', removalEvent, 'a1b2c3d4e5/prod/canary-removal'],
  ])('of the %s makes no API Gateway call and succeeds with its physical id', async (_, event, physicalResourceId) => {
    const response = await responseTo(event({ RequestType: 'Delete', PhysicalResourceId: physicalResourceId }));

    expect(apiGateway.calls()).toHaveLength(0);
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: physicalResourceId });
  });

  it('succeeds even with properties a Create would refuse, so that a rollback cannot get stuck', async () => {
    const response = await responseTo(cfnEvent('Custom::Other', 'not an object', { RequestType: 'Delete', PhysicalResourceId: 'Resource/invalid-request' }));

    expect(apiGateway.calls()).toHaveLength(0);
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'Resource/invalid-request' });
  });
});

describe('a failure', () => {
  it('is answered FAILED with the SDK error as the reason', async () => {
    apiGateway.on(GetStageCommand).rejects(awsError('AccessDeniedException', 'User is not authorized to perform: apigateway:GET'));

    const response = await responseTo(baselineEvent());

    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: 'GetStage failed: AccessDeniedException: User is not authorized to perform: apigateway:GET',
      PhysicalResourceId: 'a1b2c3d4e5/prod/baseline',
    });
    expect(response.Data).toBeUndefined();
  });

  it('of an Update keeps the physical id the resource had', async () => {
    apiGateway.on(GetStageCommand).rejects(awsError('TooManyRequestsException', 'Too Many Requests'));

    const response = await responseTo(baselineEvent({ RequestType: 'Update', PhysicalResourceId: 'a1b2c3d4e5/prod/baseline', ResourceProperties: { ...baselineProperties, StageName: 'beta' } }));

    expect(response).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'a1b2c3d4e5/prod/baseline' });
  });

  it('has its reason cut to the length the stack events show', async () => {
    apiGateway.on(GetStageCommand).rejects(awsError('InternalFailure', 'x'.repeat(5000)));

    const response = await responseTo(baselineEvent());

    expect(response.Reason).toHaveLength(MAX_REASON_LENGTH);
    expect(response.Reason).toMatch(/^GetStage failed: InternalFailure: x+\.\.\.$/);
  });
});

describe('a malformed request', () => {
  it('without RestApiId is refused with a reason naming the property', async () => {
    const { RestApiId: _, ...properties } = baselineProperties;

    const response = await responseTo(cfnEvent(STAGE_BASELINE_RESOURCE_TYPE, properties));

    expect(apiGateway.calls()).toHaveLength(0);
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: 'ResourceProperties.RestApiId must be a REST API id (letters and digits), got nothing',
      PhysicalResourceId: 'StageCanaryResource/invalid-request',
    });
  });

  it('with a stage name that is not one is refused with a reason naming the property', async () => {
    const response = await responseTo(cfnEvent(STAGE_CANARY_REMOVAL_RESOURCE_TYPE, { ...removalProperties, StageName: '../restapis' }));

    expect(response.Reason).toBe('ResourceProperties.StageName must be a stage name (letters, digits, - and _), got "../restapis"');
  });

  it('of an unknown resource type is refused without an API Gateway call', async () => {
    const response = await responseTo(cfnEvent('Custom::Other', baselineProperties));

    expect(apiGateway.calls()).toHaveLength(0);
    expect(response.Reason).toBe('ResourceType must be Custom::GatewayKitStageBaseline or Custom::GatewayKitStageCanaryRemoval, got \'Custom::Other\'');
  });

  it.each([
    ['a string', 'RestApiId=a1b2c3d4e5', /got "RestApiId=a1b2c3d4e5"/],
    ['an array', [baselineProperties], /got an array/],
    ['null', null, /got null/],
    ['missing', undefined, /got nothing/],
  ])('with ResourceProperties %s is refused', async (_, properties, detail) => {
    const response = await responseTo(cfnEvent(STAGE_BASELINE_RESOURCE_TYPE, properties));

    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^ResourceProperties must be an object, /);
    expect(response.Reason).toMatch(detail);
  });

  it('with an unknown RequestType is refused', async () => {
    const response = await responseTo(baselineEvent({ RequestType: 'Replace' }));

    expect(apiGateway.calls()).toHaveLength(0);
    expect(response.Reason).toBe('RequestType must be Create, Update or Delete, got \'Replace\'');
  });

  it.each([
    ['without a ResponseURL', baselineEvent({ ResponseURL: undefined })],
    ['with a ResponseURL that is not https', baselineEvent({ ResponseURL: 'http://example.com/upload' })],
    ['that is not an object', 'Create'],
    ['that is null', null],
  ])('%s is logged and dropped without a call, since no response can be sent', async (_, event) => {
    const sent = await invoke(event);

    expect(sent).toEqual([]);
    expect(apiGateway.calls()).toHaveLength(0);
    expect(logLines()).toEqual([expect.objectContaining({ level: 'ERROR', reason: expect.stringMatching(/ResponseURL is missing or not an https URL/) })]);
  });
});

describe('logging', () => {
  it('writes one JSON line per event with the outcome and never the ResponseURL', async () => {
    apiGateway.on(GetStageCommand).resolves({ deploymentId: 'olddep' });

    await invoke(baselineEvent());

    expect(logLines()).toEqual([{
      source: 'gatewaykit-stage-canary',
      level: 'INFO',
      requestType: 'Create',
      resourceType: STAGE_BASELINE_RESOURCE_TYPE,
      logicalResourceId: 'StageCanaryResource',
      requestId: 'request-1',
      status: 'SUCCESS',
      physicalResourceId: 'a1b2c3d4e5/prod/baseline',
      data: { DeploymentId: 'olddep' },
    }]);
    expect(JSON.stringify(logSpy.mock.calls)).not.toMatch(/SECRET-SIGNATURE|amazonaws\.com/);
  });

  it('logs a failed delivery and rejects, without the ResponseURL, so that Lambda retries the event', async () => {
    apiGateway.on(GetStageCommand).resolves({ deploymentId: 'olddep' });
    const handler = handlerWith({
      client: new APIGatewayClient({ region: 'eu-west-1' }),
      send: async () => {
        throw awsError('ECONNRESET', 'socket hang up');
      },
    });

    await expect(handler(baselineEvent())).rejects.toThrow(/^the response to CloudFormation could not be delivered \(ECONNRESET\)$/);

    expect(logLines()[1]).toMatchObject({ level: 'ERROR', reason: 'the response could not be delivered', errorName: 'ECONNRESET' });
    expect(JSON.stringify(logSpy.mock.calls)).not.toMatch(/SECRET-SIGNATURE/);
  });
});

describe('putResponse', () => {
  interface Request {
    readonly url: URL;
    readonly options: https.RequestOptions;
    body?: string;
  }

  /** Replaces https.request with one that records the request and answers `outcome`. */
  function stubHttps(outcome: number | Error | 'timeout'): Request[] {
    const requests: Request[] = [];
    const fake = (url: URL, options: https.RequestOptions, callback: (response: IncomingMessage) => void) => {
      const recorded: Request = { url, options };
      requests.push(recorded);
      const request = Object.assign(new EventEmitter(), {
        end: (body: string) => {
          recorded.body = body;
          setImmediate(() => {
            if (outcome === 'timeout') {
              request.emit('timeout');
            } else if (outcome instanceof Error) {
              request.emit('error', outcome);
            } else {
              callback(Object.assign(Readable.from([]), { statusCode: outcome }) as unknown as IncomingMessage);
            }
          });
        },
        destroy: (error: Error) => request.emit('error', error),
      });
      return request;
    };
    jest.mocked(https.request).mockImplementation(fake as unknown as typeof https.request);
    return requests;
  }

  it('PUTs the body with an empty content type and its length in bytes', async () => {
    const requests = stubHttps(200);
    const body = JSON.stringify({ Status: 'SUCCESS', Reason: 'é' });

    await putResponse(RESPONSE_URL, body);

    expect(requests).toHaveLength(1);
    expect(requests[0].url.href).toBe(RESPONSE_URL);
    expect(requests[0].options).toMatchObject({ method: 'PUT', headers: { 'content-type': '', 'content-length': body.length + 1 } });
    expect(requests[0].body).toBe(body);
  });

  it('rejects an answer other than 2xx without naming the URL', async () => {
    stubHttps(403);

    await expect(putResponse(RESPONSE_URL, '{}')).rejects.toThrow(/^the response URL answered HTTP 403$/);
  });

  it('rejects a network error', async () => {
    stubHttps(awsError('ECONNRESET', 'socket hang up'));

    await expect(putResponse(RESPONSE_URL, '{}')).rejects.toThrow(/socket hang up/);
  });

  it('gives up on a PUT that times out', async () => {
    stubHttps('timeout');

    await expect(putResponse(RESPONSE_URL, '{}')).rejects.toThrow(/^the response PUT took longer than 20000 ms$/);
  });

  it('refuses a URL that is not https without sending', async () => {
    const requests = stubHttps(200);

    await expect(putResponse('http://example.com/upload', '{}')).rejects.toThrow(/^the response URL is not an https URL$/);
    expect(requests).toEqual([]);
  });
});
