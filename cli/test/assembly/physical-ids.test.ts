import { functionNamed, inlineFunction, loadTemplate, resolvedEnvironment, tempDir, writeAssembly } from './support';
import { loadAppModel } from '../../src/assembly';

const restApi = { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'api' } };
const httpApi = { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP', Name: 'http' } };

/** Resolves Ref (or an attribute) of the resource `Subject`, in a template that also holds a REST and an HTTP API. */
function refOf(resource: Record<string, unknown>, attribute?: string, options = {}): string | undefined {
  const value = attribute ? { 'Fn::GetAtt': ['Subject', attribute] } : { Ref: 'Subject' };
  return resolvedEnvironment({ VALUE: value }, { Resources: { Subject: resource, RestApi: restApi, HttpApi: httpApi } }, options).VALUE;
}

const inRestApi = { RestApiId: { Ref: 'RestApi' } };
const REST_PARTS: Record<string, Record<string, unknown>> = {
  Resource: { ...inRestApi, ParentId: { 'Fn::GetAtt': ['RestApi', 'RootResourceId'] }, PathPart: 'items' },
  Method: { ...inRestApi, ResourceId: { 'Fn::GetAtt': ['RestApi', 'RootResourceId'] }, HttpMethod: 'GET', Integration: { Type: 'MOCK' } },
  Authorizer: { ...inRestApi, Type: 'COGNITO_USER_POOLS', ProviderARNs: [] },
  Deployment: inRestApi,
  RequestValidator: inRestApi,
  UsagePlan: {},
  ApiKey: {},
};
const inHttpApi = { ApiId: { Ref: 'HttpApi' } };
const HTTP_PARTS: Record<string, Record<string, unknown>> = {
  Integration: { ...inHttpApi, IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://example.com' },
  Route: { ...inHttpApi, RouteKey: 'GET /' },
  Authorizer: { ...inHttpApi, AuthorizerType: 'JWT', JwtConfiguration: { Issuer: 'https://issuer.example.com', Audience: ['app'] } },
};

describe('Lambda functions', () => {
  test('are named {stackName}-{logicalId} without a FunctionName', () => {
    expect(refOf(inlineFunction())).toBe('Test-Subject');
  });

  test('keep their FunctionName', () => {
    expect(refOf(inlineFunction({}, { FunctionName: 'orders' }), 'Arn')).toBe('arn:aws:lambda:us-east-1:123456789012:function:orders');
  });

  test('have generated names of at most 64 characters, distinct for distinct logical ids', () => {
    const longId = `Handler${'X'.repeat(60)}`;
    const model = loadTemplate({ Resources: { [`${longId}A`]: inlineFunction(), [`${longId}B`]: inlineFunction() } });
    const names = [...model.functions.values()].map((fn) => fn.functionName);
    expect(names.map((name) => name.length)).toEqual([64, 64]);
    expect(new Set(names).size).toBe(2);
  });

  test('have an ARN in the stack region and account', () => {
    expect(refOf(inlineFunction(), 'Arn', { region: 'eu-central-1', accountId: '111122223333' }))
      .toBe('arn:aws:lambda:eu-central-1:111122223333:function:Test-Subject');
  });
});

describe('Lambda aliases and versions', () => {
  const template = {
    Resources: {
      Fn: inlineFunction(),
      Live: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Fn' }, FunctionVersion: { 'Fn::GetAtt': ['Version', 'Version'] }, Name: 'live' } },
      Version: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
    },
  };

  test('resolve to the function ARN with the alias name', () => {
    expect(resolvedEnvironment({ VALUE: { Ref: 'Live' } }, template).VALUE).toBe('arn:aws:lambda:us-east-1:123456789012:function:Test-Fn:live');
  });

  test('resolve to the function ARN with the version number', () => {
    expect(resolvedEnvironment({ VALUE: { Ref: 'Version' } }, template).VALUE).toBe('arn:aws:lambda:us-east-1:123456789012:function:Test-Fn:1');
  });
});

describe('API Gateway ids', () => {
  test('a REST API id is 10 lowercase letters and digits', () => {
    expect(refOf(restApi)).toMatch(/^[a-z0-9]{10}$/);
  });

  test('the root resource id of a REST API differs from the API id', () => {
    const environment = resolvedEnvironment(
      { API: { Ref: 'Subject' }, ROOT: { 'Fn::GetAtt': ['Subject', 'RootResourceId'] } },
      { Resources: { Subject: restApi } },
    );
    expect(environment.ROOT).toMatch(/^[a-z0-9]{10}$/);
    expect(environment.ROOT).not.toBe(environment.API);
  });

  test.each(Object.keys(REST_PARTS))('a REST %s id is 6 to 10 lowercase letters and digits', (type) => {
    expect(refOf({ Type: `AWS::ApiGateway::${type}`, Properties: REST_PARTS[type] })).toMatch(/^[a-z0-9]{6,10}$/);
  });

  test('a REST stage resolves to its stage name', () => {
    expect(refOf({ Type: 'AWS::ApiGateway::Stage', Properties: { ...inRestApi, StageName: 'prod' } })).toBe('prod');
  });

  test('a model resolves to its name, which is what RequestModels holds', () => {
    expect(refOf({ Type: 'AWS::ApiGateway::Model', Properties: { RestApiId: 'abcdef1234', Name: 'Item' } })).toBe('Item');
  });

  test('an HTTP API has an id of 10 and an endpoint in the stack region', () => {
    const environment = resolvedEnvironment(
      { ID: { Ref: 'Subject' }, ENDPOINT: { 'Fn::GetAtt': ['Subject', 'ApiEndpoint'] } },
      { Resources: { Subject: httpApi } },
    );
    expect(environment.ID).toMatch(/^[a-z0-9]{10}$/);
    expect(environment.ENDPOINT).toBe(`https://${environment.ID}.execute-api.us-east-1.amazonaws.com`);
  });

  test.each(Object.keys(HTTP_PARTS))('an HTTP API %s id is 7 lowercase letters and digits', (type) => {
    expect(refOf({ Type: `AWS::ApiGatewayV2::${type}`, Properties: HTTP_PARTS[type] })).toMatch(/^[a-z0-9]{7}$/);
  });
});

describe('Cognito ids', () => {
  const pool = { Type: 'AWS::Cognito::UserPool', Properties: {} };

  test('a user pool id is the region, an underscore and 9 letters and digits', () => {
    expect(refOf(pool, undefined, { region: 'eu-west-1' })).toMatch(/^eu-west-1_[A-Za-z0-9]{9}$/);
  });

  test('a user pool has its ARN, provider name and provider URL', () => {
    const environment = resolvedEnvironment(
      { ID: { Ref: 'Subject' }, ARN: { 'Fn::GetAtt': ['Subject', 'Arn'] }, NAME: { 'Fn::GetAtt': ['Subject', 'ProviderName'] }, URL: { 'Fn::GetAtt': ['Subject', 'ProviderURL'] } },
      { Resources: { Subject: pool } },
    );
    expect(environment).toEqual({
      ID: environment.ID,
      ARN: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${environment.ID}`,
      NAME: `cognito-idp.us-east-1.amazonaws.com/${environment.ID}`,
      URL: `https://cognito-idp.us-east-1.amazonaws.com/${environment.ID}`,
    });
  });

  test('a user pool client id is 26 lowercase letters and digits', () => {
    expect(refOf({ Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'x' } })).toMatch(/^[a-z0-9]{26}$/);
  });
});

describe('other resources', () => {
  test('resolve Ref to the logical id and a short hash', () => {
    expect(refOf({ Type: 'AWS::KMS::Key', Properties: {} })).toMatch(/^Subject-[a-z0-9]{8}$/);
  });

  test('resolve an id attribute named after their type to their Ref', () => {
    const environment = resolvedEnvironment(
      { REF: { Ref: 'Subject' }, ID: { 'Fn::GetAtt': ['Subject', 'DeploymentId'] } },
      { Resources: { Subject: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'RestApi' } } }, RestApi: restApi } },
    );
    expect(environment.ID).toBe(environment.REF);
  });

  test('of a type without a known ARN format have an ARN of their service, type and id', () => {
    expect(refOf({ Type: 'AWS::KMS::Key', Properties: {} }, 'Arn')).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\/Subject-[a-z0-9]{8}$/);
  });

  test.each([
    [{ Type: 'AWS::IAM::Role', Properties: { RoleName: 'runner' } }, 'arn:aws:iam::123456789012:role/runner'],
    [{ Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/app/logs' } }, 'arn:aws:logs:us-east-1:123456789012:log-group:/app/logs:*'],
    [{ Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'items' } }, 'arn:aws:dynamodb:us-east-1:123456789012:table/items'],
    [{ Type: 'AWS::SQS::Queue', Properties: { QueueName: 'jobs' } }, 'arn:aws:sqs:us-east-1:123456789012:jobs'],
    [{ Type: 'AWS::S3::Bucket', Properties: { BucketName: 'files' } }, 'arn:aws:s3:::files'],
  ])('have a well-formed Arn (%#)', (resource, arn) => {
    expect(refOf(resource, 'Arn')).toBe(arn);
  });

  test('an SQS queue resolves Ref to its URL and an SNS topic to its ARN', () => {
    const environment = resolvedEnvironment(
      { QUEUE: { Ref: 'Queue' }, TOPIC: { Ref: 'Topic' } },
      { Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'jobs' } }, Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'events' } } } },
    );
    expect(environment).toEqual({ QUEUE: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs', TOPIC: 'arn:aws:sns:us-east-1:123456789012:events' });
  });
});

describe('stability', () => {
  test('loading the same assembly twice gives the same ids and ARNs', () => {
    const dir = writeAssembly({
      Test: {
        Resources: {
          Api: restApi,
          Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
          Fn: inlineFunction({ API: { Ref: 'Api' }, POOL: { Ref: 'Pool' } }),
        },
      },
    });
    const [first, second] = [loadAppModel(dir, { workDir: tempDir() }), loadAppModel(dir, { workDir: tempDir() })];
    expect(second.restApis.map((api) => api.apiId)).toEqual(first.restApis.map((api) => api.apiId));
    expect([...second.functions.keys()]).toEqual([...first.functions.keys()]);
    expect(functionNamed(second, 'Fn').environment).toEqual(functionNamed(first, 'Fn').environment);
  });

  test('the same logical id in two stacks gets two ids', () => {
    const dir = writeAssembly({ One: { Resources: { Api: restApi } }, Two: { Resources: { Api: restApi } } });
    const ids = loadAppModel(dir).restApis.map((api) => api.apiId);
    expect(new Set(ids).size).toBe(2);
  });
});
