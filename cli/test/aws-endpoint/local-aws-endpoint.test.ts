import { InvokeCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { lambdaService, LocalAwsEndpoint, stepFunctionsService } from '../../src/aws-endpoint';
import type { InvokeOutcome } from '../../src/lambda';
import type { FunctionModel } from '../../src/model';

const FUNCTION: FunctionModel = {
  origin: { stackName: 'Stack', logicalId: 'Echo', path: 'Stack/Echo' },
  arn: 'arn:aws:lambda:us-east-1:123456789012:function:Stack-Echo',
  functionName: 'Stack-Echo',
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  timeoutSeconds: 3,
  memorySizeMb: 128,
  environment: {},
};

describe('the local AWS endpoint', () => {
  const unanswered: string[] = [];
  const invoked: Array<{ arn: string; event: unknown }> = [];
  let outcome: InvokeOutcome;
  const endpoint = new LocalAwsEndpoint((call) => unanswered.push(call));
  let client: LambdaClient;

  beforeAll(async () => {
    endpoint.register('lambda', lambdaService(new Map([[FUNCTION.arn, FUNCTION]]), async (arn, event) => {
      invoked.push({ arn, event });
      return outcome;
    }));
    const url = await endpoint.listen();
    client = new LambdaClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'LOCAL', secretAccessKey: 'local' }, maxAttempts: 1 });
  });
  beforeEach(() => {
    unanswered.splice(0);
    invoked.splice(0);
  });
  afterAll(async () => {
    client.destroy();
    await endpoint.close();
  });

  test('answers Lambda Invoke, by function name, with the payload of the function run locally', async () => {
    outcome = { kind: 'result', payload: { statusCode: 200 }, coldStart: true, durationMs: 5 };

    const response = await client.send(new InvokeCommand({ FunctionName: 'Stack-Echo', Payload: JSON.stringify({ hello: 'world' }) }));

    expect(invoked).toEqual([{ arn: FUNCTION.arn, event: { hello: 'world' } }]);
    expect(response.StatusCode).toBe(200);
    expect(JSON.parse(Buffer.from(response.Payload!).toString())).toEqual({ statusCode: 200 });
  });

  test('answers a function error as Lambda does: status 200, FunctionError Unhandled and the error document', async () => {
    outcome = { kind: 'error', errorType: 'TypeError', errorMessage: 'boom', trace: ['TypeError: boom'], coldStart: false, durationMs: 1 };

    const response = await client.send(new InvokeCommand({ FunctionName: FUNCTION.arn }));

    expect(response.FunctionError).toBe('Unhandled');
    expect(JSON.parse(Buffer.from(response.Payload!).toString())).toEqual({ errorType: 'TypeError', errorMessage: 'boom', trace: ['TypeError: boom'] });
  });

  test('answers an unknown function with ResourceNotFoundException', async () => {
    await expect(client.send(new InvokeCommand({ FunctionName: 'Nope' }))).rejects.toThrow('Function not found: Nope');
  });

  test('answers an operation no service handles with NotAvailableLocally, and reports the call', async () => {
    const call = client.send(new ListFunctionsCommand({}));

    await expect(call).rejects.toMatchObject({ name: 'NotAvailableLocally', message: 'gatewaykit: lambda GET /2015-03-31/functions is not available locally' });
    expect(unanswered).toEqual(['lambda GET /2015-03-31/functions']);
  });

  test('starts a state machine it knows for StartExecution and refuses one it does not', async () => {
    const started: unknown[] = [];
    const states = stepFunctionsService({ start: (arn, name, input) => arn === 'Waiter' && started.push({ name, input }) > 0 });
    const request = (stateMachineArn: string) => states({
      method: 'POST',
      path: '/',
      query: new URLSearchParams(),
      headers: {},
      service: 'states',
      target: 'AWSStepFunctions.StartExecution',
      body: Buffer.from(JSON.stringify({ stateMachineArn, name: 'r1', input: '{"a":1}' })),
    });

    expect((await request('Waiter'))?.status).toBe(200);
    expect(started).toEqual([{ name: 'r1', input: { a: 1 } }]);
    expect(JSON.parse((await request('Other'))?.body ?? '')).toMatchObject({ __type: 'StateMachineDoesNotExist' });
  });
});
