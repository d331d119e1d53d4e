import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { integCommand } from '../../src/cli/integ-command';
import { nodeFunction } from '../support/app';
import { tempDir } from '../support/temp-dirs';

/**
 * An app written as aws-cdk's integ tests are, with assertions of every kind, run by `gatewaykit integ` with
 * integ-tests-alpha's own assertion handler.
 */
describe('gatewaykit integ on an IntegTest app', () => {
  const dir = tempDir('gatewaykit-integ-command-');
  const outdir = path.join(dir, 'integ.hello.ts.snapshot');
  const junit = path.join(dir, 'junit.xml');
  let output = '';
  let exitCode: number;

  beforeAll(async () => {
    const app = new App({ outdir });
    const stack = new Stack(app, 'HelloStack');
    const api = new apigateway.RestApi(stack, 'Api');
    api.root.addResource('hello').addMethod('GET', new apigateway.LambdaIntegration(nodeFunction(stack, 'Hello',
      'exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ greeting: "hello" }) });')));
    const echo = nodeFunction(stack, 'Echo', 'exports.handler = async (event) => ({ echoed: event.word });');
    const integ = new IntegTest(app, 'Hello', { testCases: [stack] });
    integ.assertions.httpApiCall(api.urlForPath('/hello')).expect(ExpectedResult.objectLike({ status: 200, body: { greeting: 'hello' } }));
    integ.assertions.httpApiCall(api.urlForPath('/hello?wrong')).expect(ExpectedResult.objectLike({ status: 201 }));
    integ.assertions.invokeFunction({ functionName: echo.functionName, payload: JSON.stringify({ word: 'hi' }) })
      .expect(ExpectedResult.objectLike({ Payload: Match.serializedJson({ echoed: 'hi' }) }));
    const waited = integ.assertions.httpApiCall(api.urlForPath('/missing')).expect(ExpectedResult.objectLike({ status: 200 }))
      .waitForAssertions({ totalTimeout: Duration.seconds(30), interval: Duration.seconds(10) });
    waited.next(integ.assertions.httpApiCall(api.urlForPath('/hello?after')));
    integ.assertions.awsApiCall('DynamoDB', 'getItem', { TableName: 'Items', Key: { id: { S: '1' } } });
    const guarded = new apigateway.RestApi(stack, 'Guarded', {
      policy: new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({ effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ['execute-api:Invoke'], resources: ['*'] })],
      }),
    });
    guarded.root.addMethod('GET', new apigateway.MockIntegration({ integrationResponses: [{ statusCode: '200' }], requestTemplates: { 'application/json': '{"statusCode": 200}' } }),
      { methodResponses: [{ statusCode: '200' }] });
    integ.assertions.httpApiCall(guarded.urlForPath('/')).expect(ExpectedResult.objectLike({ status: 403 }));
    app.synth();

    exitCode = await integCommand([outdir, '--junit', junit], (text) => {
      output += text;
    });
  }, 120_000);

  test('passes an HTTP call whose answer matches', () => {
    expect(output).toMatch(/^ {2}PASS {2}httpApiCall GET \/prod\/hello \[HttpApiCall\w+\]$/m);
  });

  test('fails an HTTP call whose answer does not match, with the mismatch', () => {
    expect(output).toMatch(/^ {2}FAIL {2}httpApiCall GET \/prod\/hello\?wrong \[HttpApiCall\w+\]: \{\n(.*\n)*.*Expected 201 but received 200/m);
  });

  test('passes invokeFunction through the local Lambda endpoint', () => {
    expect(output).toMatch(/^ {2}PASS {2}invokeFunction HelloStack-Echo\w+ \[LambdaInvoke\w+\]$/m);
  });

  test('fails a waiter after its first attempt and its 3 retries, with the last mismatch', () => {
    expect(output).toMatch(/^ {2}FAIL {2}httpApiCall GET \/prod\/missing \[HttpApiCall\w+\]: no success after 4 attempts; last: \{\n(.*\n)*.*Expected 200 but received 403/m);
  });

  test('skips what comes next after a failed assertion', () => {
    expect(output).toMatch(/^ {2}SKIP {2}httpApiCall GET \/prod\/hello\?after \[HttpApiCall\w+\]: depends on HttpApiCall\w+, which failed$/m);
  });

  test('skips an AWS call the local endpoint cannot answer, naming it', () => {
    expect(output).toMatch(/^ {2}SKIP {2}awsApiCall DynamoDB\.getItem \[AwsApiCall\w+\]: dynamodb DynamoDB_20120810\.GetItem: not available locally$/m);
  });

  test('skips a failed call to an API whose answer depends on what the runtime does not emulate, with its reasons', () => {
    expect(output).toMatch(/^ {2}SKIP {2}httpApiCall GET \/prod\/ \[HttpApiCall\w+\]: the local runtime does not emulate what the answer depends on: the resource policy of the REST API Guarded is not enforced: every request passes it \(locally: \{$/m);
  });

  test('sums up in one line and exits 1', () => {
    expect(output).toMatch(/^integ: 2 passed, 2 failed, 3 skipped\n$/m);
    expect(exitCode).toBe(1);
  });

  test('writes the results as JUnit XML', () => {
    expect(fs.readFileSync(junit, 'utf8')).toContain('<testsuite name="integ.hello.ts" tests="7" failures="2" errors="0" skipped="3"');
  });
});
