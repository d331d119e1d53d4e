import { inlineFunction, loadTemplate } from './support';

describe('unsupported items', () => {
  test('a WebSocket API is in the model, and a route of it without a target is reported', () => {
    const model = loadTemplate({
      Resources: {
        Chat: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'chat', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } },
        Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'Chat' }, RouteKey: '$connect' } },
      },
    });
    expect(model.httpApis).toEqual([]);
    expect(model.webSocketApis.map((api) => api.name)).toEqual(['chat']);
    expect(model.unsupported).toEqual([{
      path: 'Test/Route', type: 'AWS::ApiGatewayV2::Route', reason: 'the route $connect has no target, so messages to it fail',
    }]);
  });

  test('SAM resources are reported as not transformed', () => {
    const model = loadTemplate({ Resources: { Api: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'prod' } } } });
    expect(model.unsupported).toContainEqual({
      path: 'Test/Api', type: 'AWS::Serverless::Api', reason: 'SAM resources are not transformed, so this one is not served; plain CloudFormation resources are',
    });
  });

  test.each([
    'AWS::ApiGateway::DomainName', 'AWS::ApiGateway::BasePathMapping', 'AWS::ApiGateway::VpcLink',
    'AWS::ApiGatewayV2::DomainName', 'AWS::ApiGatewayV2::ApiMapping', 'AWS::ApiGatewayV2::VpcLink',
  ])('%s is reported', (type) => {
    const model = loadTemplate({ Resources: { Thing: { Type: type, Properties: {} } } });
    expect(model.unsupported).toEqual([{ path: 'Test/Thing', type, reason: expect.stringMatching(/not (served|checked)/) }]);
  });

  test('resources of other services are silently ignored', () => {
    const model = loadTemplate({
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
        Logs: { Type: 'AWS::Logs::LogGroup', Properties: {} },
        Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
        Acl: { Type: 'AWS::WAFv2::WebACL', Properties: {} },
        Fn: inlineFunction(),
      },
    });
    expect(model.unsupported).toEqual([]);
  });

  test.each([
    ['its template', { Policy: {} }],
    ['its OpenAPI definition', { Body: { 'openapi': '3.0.1', 'x-amazon-apigateway-policy': {} } }],
  ])('the resource policy of a REST API is reported when %s sets it', (_where, properties) => {
    const model = loadTemplate({ Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'spec', ...properties } } } });
    expect(model.unsupported.map((item) => item.reason)).toEqual(['the resource policy of the REST API spec is not enforced: every request passes it']);
  });

  test('a method of a REST API that is not in the assembly is reported', () => {
    const model = loadTemplate({
      Resources: { Get: { Type: 'AWS::ApiGateway::Method', Properties: { RestApiId: 'abcdef1234', ResourceId: 'root12', HttpMethod: 'GET' } } },
    });
    expect(model.unsupported).toEqual([{
      path: 'Test/Get', type: 'AWS::ApiGateway::Method', reason: 'belongs to the REST API abcdef1234, which is not defined in the cloud assembly, so it is not served',
    }]);
  });

  test('a nested stack whose template is not in the assembly is reported', () => {
    const model = loadTemplate({
      Resources: { Remote: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3.amazonaws.com/elsewhere/stack.json' } } },
    });
    expect(model.unsupported).toEqual([{
      path: 'Test/Remote',
      type: 'AWS::CloudFormation::Stack',
      reason: "the nested stack's template (TemplateURL https://s3.amazonaws.com/elsewhere/stack.json) is not in the cloud assembly, so its resources are not served; the other stacks are",
    }]);
  });
});
