import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { inlineFunction, loadTemplate, synthModel, tempDir, writeAssembly } from './support';
import { loadAppModel } from '../../src/assembly';

const MOCK_GET = (resourceId: unknown) => ({
  Type: 'AWS::ApiGateway::Method',
  Properties: { RestApiId: { Ref: 'Api' }, ResourceId: resourceId, HttpMethod: 'GET', AuthorizationType: 'NONE', Integration: { Type: 'MOCK' } },
});

describe('what cdk synth writes and the runtime does not serve', () => {
  test('a stack without Resources (an IntegTest assertion stack) is skipped with a line saying so', () => {
    // cdk synth without the CLI's context writes the assertion stack with Parameters and Rules only.
    const dir = writeAssembly({
      Api: { Resources: { Fn: inlineFunction() } },
      Assertions: { Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' } }, Rules: {} },
    });
    const model = loadAppModel(dir, { workDir: tempDir() });
    expect(model.functions.size).toBe(1);
    expect(model.unsupported).toEqual([{
      path: 'Assertions',
      type: 'AWS::CloudFormation::Stack',
      reason: 'the stack has no resources (as the assertion stack of an IntegTest), so there is nothing in it to serve; it is skipped',
    }]);
  });

  test('a stack with no API, function or user pool is named as having nothing to serve', () => {
    const model = loadTemplate({ Resources: { Table: { Type: 'AWS::DynamoDB::Table', Properties: {} } } });
    expect(model.unsupported).toEqual([{
      path: 'Test', type: 'AWS::CloudFormation::Stack', reason: 'the stack has no API, Lambda function or user pool, so there is nothing in it to serve',
    }]);
  });

  test('a property known only at deploy time makes its resource a not-served line naming both; the rest is served', () => {
    // The legacy synthesizer's asset parameters have no default: Fn::Select over their split value has nothing to pick.
    const model = loadTemplate({
      Parameters: { AssetKey: { Type: 'String' } },
      Resources: {
        Spec: {
          Type: 'AWS::ApiGateway::RestApi',
          Properties: { Name: 'spec', BodyS3Location: { Bucket: 'b', Key: { 'Fn::Select': [1, { 'Fn::Split': ['||', { Ref: 'AssetKey' }] }] } } },
        },
        Fn: inlineFunction(),
      },
    });
    expect(model.restApis).toEqual([]);
    expect(model.functions.size).toBe(1);
    expect(model.unsupported).toEqual([{
      path: 'Test/Spec',
      type: 'AWS::ApiGateway::RestApi',
      reason: 'the REST API Spec is not served: its property BodyS3Location cannot be resolved locally '
        + '(Fn::Select index 1 is out of range for a list of 1; expected 0 to 0), as happens to values known only at deploy time',
    }]);
  });

  test('a method that cannot be read is a not-served line; the other methods of its API are served', () => {
    const model = loadTemplate({
      Parameters: { Verb: { Type: 'CommaDelimitedList' } },
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'shop' } },
        Get: MOCK_GET({ 'Fn::GetAtt': ['Api', 'RootResourceId'] }),
        Odd: { ...MOCK_GET({ 'Fn::GetAtt': ['Api', 'RootResourceId'] }), Properties: { ...MOCK_GET('').Properties, ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, HttpMethod: { 'Fn::Select': [3, { Ref: 'Verb' }] } } },
      },
    });
    expect([...model.restApis[0].resources[0].methods.keys()]).toEqual(['GET']);
    expect(model.unsupported.map((item) => [item.path, item.reason])).toEqual([
      ['Test/Odd', expect.stringMatching(/^the method Odd is not served: its property HttpMethod cannot be resolved locally/)],
    ]);
  });

  test('a resource policy and a PRIVATE endpoint are reported with every route of their API', () => {
    const model = synthModel((app) => {
      const stack = new Stack(app, 'Shop');
      const api = new apigateway.RestApi(stack, 'Api', {
        endpointTypes: [apigateway.EndpointType.PRIVATE],
        policy: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({ actions: ['execute-api:Invoke'], principals: [new iam.AnyPrincipal()], resources: ['execute-api:/*'] })],
        }),
      });
      api.root.addMethod('GET', new apigateway.MockIntegration());
      api.root.addResource('items').addMethod('POST', new apigateway.MockIntegration());
    });
    const byReason = (pattern: RegExp) => model.unsupported.find((item) => pattern.test(item.reason));
    expect(byReason(/resource policy/)).toMatchObject({ path: 'Shop/Api', routes: ['GET /', 'POST /items'] });
    expect(byReason(/is PRIVATE: AWS serves it only through interface VPC endpoints; it is served on localhost anyway/))
      .toMatchObject({ path: 'Shop/Api', routes: ['GET /', 'POST /items'] });
  });

  test('a disabled default endpoint is reported with every route of the API', () => {
    const model = synthModel((app) => {
      const api = new apigateway.RestApi(new Stack(app, 'Shop'), 'Api', { disableExecuteApiEndpoint: true });
      api.root.addMethod('GET', new apigateway.MockIntegration());
    });
    expect(model.unsupported).toContainEqual({
      path: 'Shop/Api',
      type: 'AWS::ApiGateway::RestApi',
      reason: 'the default endpoint of the REST API Api is disabled: its local URL answers 403 Forbidden, as execute-api does in AWS (its custom domain is not served)',
      routes: ['GET /'],
    });
  });

  test('a base path mapping of a custom domain is reported with the routes of the API it maps', () => {
    const model = loadTemplate({
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'shop' } },
        Get: MOCK_GET({ 'Fn::GetAtt': ['Api', 'RootResourceId'] }),
        Mapping: { Type: 'AWS::ApiGateway::BasePathMapping', Properties: { DomainName: 'api.example.com', RestApiId: { Ref: 'Api' }, BasePath: 'v1' } },
      },
    });
    expect(model.unsupported).toEqual([{
      path: 'Test/Mapping',
      type: 'AWS::ApiGateway::BasePathMapping',
      reason: 'base path mappings of custom domains are not served; the APIs are served at their local execute-api URLs',
      routes: ['GET /'],
    }]);
  });
});
