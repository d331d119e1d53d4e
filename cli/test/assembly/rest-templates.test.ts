import { functionNamed, inlineFunction, loadTemplate } from './support';

const API = { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'api' } };
const inApi = { RestApiId: { Ref: 'Api' } };
const ROOT = { 'Fn::GetAtt': ['Api', 'RootResourceId'] };

function invocationUri(functionArn: unknown) {
  return { 'Fn::Join': ['', ['arn:aws:apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', functionArn, '/invocations']] };
}

function proxyMethod(uri: unknown, resourceId: unknown = ROOT) {
  return {
    Type: 'AWS::ApiGateway::Method',
    Properties: { ...inApi, ResourceId: resourceId, HttpMethod: 'get', AuthorizationType: 'NONE', Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: uri } },
  };
}

describe('hand-written REST APIs', () => {
  test('a deployment with StageName creates the stage from its StageDescription', () => {
    const model = loadTemplate({
      Resources: {
        Api: API,
        Deployment: {
          Type: 'AWS::ApiGateway::Deployment',
          Properties: {
            ...inApi,
            StageName: 'v1',
            StageDescription: {
              Variables: { flavour: 'plain' },
              ThrottlingRateLimit: 100,
              ThrottlingBurstLimit: 200,
              MethodSettings: [{ ResourcePath: '/~1items~1{id}', HttpMethod: 'get', ThrottlingRateLimit: 1 }],
              CanarySetting: { PercentTraffic: 25, StageVariableOverrides: { flavour: 'new' } },
              TracingEnabled: true,
            },
          },
        },
      },
    });
    const [api] = model.restApis;
    expect(api.stages).toEqual([{
      stageName: 'v1',
      deploymentId: api.deploymentIds[0],
      variables: { flavour: 'plain' },
      methodSettings: [
        { resourcePath: '/*', httpMethod: '*', throttlingRateLimit: 100, throttlingBurstLimit: 200 },
        { resourcePath: '/items/{id}', httpMethod: 'GET', throttlingRateLimit: 1, throttlingBurstLimit: undefined },
      ],
      canary: { percentTraffic: 25, deploymentId: api.deploymentIds[0], stageVariableOverrides: { flavour: 'new' }, useStageCache: false },
      tracingEnabled: true,
    }]);
  });

  test('a stage whose deployment id comes from a custom resource serves the API deployment', () => {
    const model = loadTemplate({
      Resources: {
        Api: API,
        Deployment: { Type: 'AWS::ApiGateway::Deployment', Properties: inApi },
        Baseline: { Type: 'Custom::Baseline', Properties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:provider' } },
        Stage: { Type: 'AWS::ApiGateway::Stage', Properties: { ...inApi, StageName: 'prod', DeploymentId: { 'Fn::GetAtt': ['Baseline', 'DeploymentId'] } } },
      },
    });
    expect(model.restApis[0].stages[0].deploymentId).toBe(model.restApis[0].deploymentIds[0]);
  });

  test('nested resources get their full path from their parents', () => {
    const resource = (parent: unknown, part: string) => ({ Type: 'AWS::ApiGateway::Resource', Properties: { ...inApi, ParentId: parent, PathPart: part } });
    const model = loadTemplate({
      Resources: { Api: API, Files: resource(ROOT, 'files'), Proxy: resource({ Ref: 'Files' }, '{proxy+}') },
    });
    expect(model.restApis[0].resources.map((item) => item.path)).toEqual(['/', '/files', '/files/{proxy+}']);
  });

  test('a resource under a parent that is not in the API is a not-served line naming it; the API is served', () => {
    const model = loadTemplate({
      Resources: { Api: API, Orphan: { Type: 'AWS::ApiGateway::Resource', Properties: { ...inApi, ParentId: 'abc123', PathPart: 'x' } } },
    });
    expect(model.restApis.map((api) => api.resources.map((resource) => resource.path))).toEqual([['/']]);
    expect(model.unsupported.map((item) => item.reason))
      .toEqual([expect.stringMatching(/resource Orphan \(AWS::ApiGateway::Resource\) is under abc123, which is neither the root resource nor a resource of the REST API Api/)]);
  });

  test('an integration URI keeps stage variables in the function ARN', () => {
    const model = loadTemplate({
      Resources: { Api: API, Get: proxyMethod(invocationUri('arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}')) },
    });
    const get = model.restApis[0].resources[0].methods.get('GET');
    expect(get?.integration).toEqual({ type: 'AWS_PROXY', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}', timeoutMs: 29_000 });
    expect(model.unsupported).toEqual([]);
  });

  test('an integration URI naming an alias invokes the aliased function', () => {
    const model = loadTemplate({
      Resources: {
        Api: API,
        Fn: inlineFunction(),
        Live: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Fn' }, FunctionVersion: '1', Name: 'live' } },
        Get: proxyMethod(invocationUri({ Ref: 'Live' })),
      },
    });
    expect(model.restApis[0].resources[0].methods.get('GET')?.integration).toMatchObject({ functionArn: functionNamed(model, 'Fn').arn });
  });

  test('an integration invoking a function outside the assembly is reported', () => {
    const model = loadTemplate({
      Resources: { Api: API, Get: proxyMethod(invocationUri('arn:aws:lambda:us-east-1:999999999999:function:elsewhere')) },
    });
    expect(model.unsupported.map((item) => item.reason)).toEqual([
      'the method GET / invokes arn:aws:lambda:us-east-1:999999999999:function:elsewhere, which is not a function of the cloud assembly, so requests to it fail',
    ]);
  });

  test('a MOCK integration defaults to the WHEN_NO_MATCH passthrough', () => {
    const model = loadTemplate({
      Resources: {
        Api: API,
        Options: { Type: 'AWS::ApiGateway::Method', Properties: { ...inApi, ResourceId: ROOT, HttpMethod: 'OPTIONS', Integration: { Type: 'MOCK', IntegrationResponses: [{ StatusCode: '200', SelectionPattern: '2\\d{2}' }] } } },
      },
    });
    expect(model.restApis[0].resources[0].methods.get('OPTIONS')?.integration).toEqual({
      type: 'MOCK',
      requestParameters: {},
      requestTemplates: {},
      passthroughBehavior: 'WHEN_NO_MATCH',
      integrationResponses: [{ statusCode: '200', selectionPattern: '2\\d{2}', responseParameters: {}, responseTemplates: {} }],
      timeoutMs: 29_000,
    });
  });

  test('an integration converting bodies with ContentHandling is reported, as the conversion is not applied', () => {
    const model = loadTemplate({
      Resources: {
        Api: API,
        Get: { Type: 'AWS::ApiGateway::Method', Properties: { ...inApi, ResourceId: ROOT, HttpMethod: 'GET', Integration: { Type: 'MOCK', ContentHandling: 'CONVERT_TO_TEXT' } } },
      },
    });
    expect(model.unsupported.map((item) => item.reason)).toEqual([
      'the method GET / converts bodies with ContentHandling CONVERT_TO_TEXT, which is not applied: bodies pass as they are',
    ]);
  });

  test('API key source AUTHORIZER and a disabled execute-api endpoint are kept', () => {
    const model = loadTemplate({ Resources: { Api: { ...API, Properties: { ...API.Properties, ApiKeySourceType: 'AUTHORIZER', DisableExecuteApiEndpoint: true } } } });
    expect(model.restApis[0]).toMatchObject({ apiKeySource: 'AUTHORIZER', disableExecuteApiEndpoint: true });
  });

  test('an API key binds to the stages of its StageKeys', () => {
    const model = loadTemplate({
      Resources: {
        Api: API,
        Key: { Type: 'AWS::ApiGateway::ApiKey', Properties: { Value: 'x'.repeat(30), StageKeys: [{ RestApiId: { Ref: 'Api' }, StageName: 'prod' }] } },
        Plan: { Type: 'AWS::ApiGateway::UsagePlan', Properties: { ApiStages: [{ ApiId: { Ref: 'Api' }, Stage: 'prod' }] } },
        PlanKey: { Type: 'AWS::ApiGateway::UsagePlanKey', Properties: { KeyId: { Ref: 'Key' }, KeyType: 'API_KEY', UsagePlanId: { Ref: 'Plan' } } },
      },
    });
    expect(model.usagePlans[0].apiKeys[0].stageKeys).toEqual([`${model.restApis[0].apiId}/prod`]);
  });

  test('a usage plan with an unknown quota period is a not-served line naming it', () => {
    const model = loadTemplate({
      Resources: { Plan: { Type: 'AWS::ApiGateway::UsagePlan', Properties: { Quota: { Limit: 10, Period: 'YEAR' } } } },
    });
    expect(model.usagePlans).toEqual([]);
    expect(model.unsupported.map((item) => item.reason))
      .toEqual([expect.stringMatching(/resource Plan \(AWS::ApiGateway::UsagePlan\) has Quota.Period YEAR; expected DAY, WEEK or MONTH/)]);
  });
});
