import * as path from 'node:path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { RunningApp, start } from '../../src/server/start';
import { nodeFunction } from '../support/app';
import { tempDir } from '../support/temp-dirs';

/**
 * An app written as aws-cdk's own integ tests are (https://docs.aws.amazon.com/cdk/api/v2/docs/integ-tests-alpha-readme.html),
 * synthesized as integ-runner's snapshots are: without the CLI's metadata context, so the IntegTest's assertion stack
 * holds no Resources at all.
 */
describe('an IntegTest app synthesized without the CDK CLI', () => {
  let running: RunningApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const outdir = tempDir('gatewaykit-integ-');
    const app = new App({ outdir });
    const stack = new Stack(app, 'ApiUnderTest');
    const api = new apigateway.RestApi(stack, 'Api');
    api.root.addResource('hello').addMethod('GET', new apigateway.LambdaIntegration(nodeFunction(stack, 'Hello',
      'exports.handler = async () => ({ statusCode: 200, body: "hello" });')));
    new IntegTest(app, 'HelloTest', { testCases: [stack] });
    app.synth();
    running = await start({
      app: outdir,
      port: 0,
      log: (line) => lines.push(line),
      quiet: true,
      onHandlerOutput: () => undefined,
      issuerKeyFile: path.join(tempDir('gatewaykit-key-'), 'key.json'),
    });
  });
  afterAll(() => running.stop());

  test('loads and serves the stack under test', async () => {
    const response = await fetch(new URL('hello', running.url()));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello');
  });

  test('names the assertion stack in the startup report as skipped, with nothing to serve', () => {
    expect(lines).toContainEqual(expect.stringMatching(
      /^ {2}HelloTestDefaultTestDeployAssert\w+ \(AWS::CloudFormation::Stack\): the stack has no resources \(as the assertion stack of an IntegTest\), so there is nothing in it to serve; it is skipped$/));
  });
});
