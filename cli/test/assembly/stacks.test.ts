import { NestedStack, Stack, Stage } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { functionNamed, handlerDir, synth, synthModel, tempDir } from './support';
import { loadAppModel } from '../../src/assembly';
import { AppModel } from '../../src/model';

function assetFunction(scope: Construct, id: string, environment?: Record<string, string>): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromAsset(handlerDir()),
    environment,
  });
}

/** A REST API in a parent stack in front of a function of its nested stack, which reads a table of the parent. */
function nestedApp(context: Record<string, unknown> = {}): AppModel {
  return synthModel((app) => {
    const parent = new Stack(app, 'Parent');
    const table = new dynamodb.Table(parent, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
    const nested = new NestedStack(parent, 'Inner');
    const fn = assetFunction(nested, 'NestedFn', { TABLE: table.tableName });
    const api = new apigateway.RestApi(parent, 'ParentApi', { cloudWatchRole: false });
    api.root.addMethod('GET', new apigateway.LambdaIntegration(fn));
  }, { context });
}

describe('nested stacks', () => {
  test.each([
    ['the asset manifest', {}],
    ['the asset metadata', { 'aws:cdk:enable-asset-metadata': true }],
  ])('hold functions whose code is found through %s', (_how, context) => {
    const fn = functionNamed(nestedApp(context), 'NestedFn');
    expect(fn.codeDir).toMatch(/asset\.[0-9a-f]{64}$/);
    expect(fn.origin.stackName).toMatch(/^Parent-Inner/);
  });

  test('receive the parameters their parent passes, resolved in the parent', () => {
    const model = nestedApp();
    expect(functionNamed(model, 'NestedFn').environment.TABLE).toMatch(/^Table[0-9A-F]{8}-[a-z0-9]{8}$/);
  });

  test('give their outputs to the parent, so the parent API invokes the nested function', () => {
    const model = nestedApp();
    const root = model.restApis[0].resources.find((resource) => resource.path === '/')!;
    expect(root.methods.get('GET')?.integration).toMatchObject({ type: 'AWS_PROXY', functionArn: functionNamed(model, 'NestedFn').arn });
  });
});

describe('several stacks', () => {
  test('resolve a cross-stack reference to the function of the other stack', () => {
    const model = synthModel((app) => {
      const producer = new Stack(app, 'Producer');
      const shared = assetFunction(producer, 'Shared');
      const api = new apigateway.RestApi(new Stack(app, 'Consumer'), 'ConsumerApi', { cloudWatchRole: false });
      api.root.addMethod('GET', new apigateway.LambdaIntegration(shared));
    });
    const root = model.restApis[0].resources.find((resource) => resource.path === '/')!;
    expect(root.methods.get('GET')?.integration).toMatchObject({ functionArn: functionNamed(model, 'Shared').arn });
    expect(model.restApis[0].origin.stackName).toBe('Consumer');
  });

  test('include the stacks of a Stage, named as deployed', () => {
    const model = synthModel((app) => {
      assetFunction(new Stack(new Stage(app, 'Beta'), 'Service'), 'StageFn');
    });
    const fn = functionNamed(model, 'StageFn');
    expect(fn.origin.stackName).toBe('Beta-Service');
    expect(fn.functionName).toBe(`Beta-Service-${fn.origin.logicalId}`);
  });

  test('take the region and account of the first stack with an explicit environment', () => {
    const model = synthModel((app) => {
      assetFunction(new Stack(app, 'Agnostic'), 'Anywhere');
      assetFunction(new Stack(app, 'Pinned', { env: { account: '111122223333', region: 'eu-west-1' } }), 'There');
    }, { load: { region: 'ap-south-1', accountId: '444455556666' } });
    expect(model).toMatchObject({ region: 'eu-west-1', accountId: '111122223333' });
    expect(functionNamed(model, 'There').arn).toMatch(/^arn:aws:lambda:eu-west-1:111122223333:function:/);
    expect(functionNamed(model, 'Anywhere').arn).toMatch(/^arn:aws:lambda:ap-south-1:444455556666:function:/);
  });

  test('default to the local region and account when no stack has an environment', () => {
    const model = synthModel((app) => {
      assetFunction(new Stack(app, 'Agnostic'), 'Anywhere');
    });
    expect(model).toMatchObject({ region: 'us-east-1', accountId: '123456789012' });
  });
});

describe('local ids', () => {
  function idsOf(model: AppModel) {
    return {
      restApis: model.restApis.map((api) => [api.apiId, api.resources.map((resource) => resource.resourceId), api.deploymentIds]),
      httpApis: model.httpApis.map((api) => [api.apiId, [...api.authorizers.keys()]]),
      functions: [...model.functions.keys()],
      userPools: model.userPools.map((pool) => [pool.userPoolId, pool.clientIds]),
    };
  }

  test('are the same when the same assembly is loaded twice', () => {
    const dir = synth((app) => {
      const stack = new Stack(app, 'Stable');
      const fn = assetFunction(stack, 'Fn');
      new cognito.UserPool(stack, 'Pool').addClient('Client');
      new apigateway.RestApi(stack, 'Rest', { cloudWatchRole: false }).root.addResource('items').addMethod('GET', new apigateway.LambdaIntegration(fn));
      new apigatewayv2.HttpApi(stack, 'Http').addRoutes({ path: '/items', integration: new HttpLambdaIntegration('Items', fn) });
    });
    const first = idsOf(loadAppModel(dir, { workDir: tempDir() }));
    expect(first.restApis).toHaveLength(1);
    expect(idsOf(loadAppModel(dir, { workDir: tempDir() }))).toEqual(first);
  });
});
