import { Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RestAuthorizer, SecureLambdaApi, SecureLambdaApiProps } from '../../src';
import { newApi, newFunction, templateOf } from '../support/fixtures';

type Variant = (fn: lambda.IFunction, api: SecureLambdaApi) => void;

/** Logical id of the deployment the stage points at, for a base configuration changed by `variant`. */
function deploymentId(props: (fn: lambda.IFunction) => SecureLambdaApiProps, variant: Variant = () => undefined): string {
  const { stack, api, fn } = newApi((handler) => props(handler));
  variant(fn, api);
  const stage = Object.values(templateOf(stack).findResources('AWS::ApiGateway::Stage'))[0];
  return stage.Properties.DeploymentId.Ref;
}

const base = (handler: lambda.IFunction): SecureLambdaApiProps => ({ routes: { 'GET /items': { handler } } });
const withToken = (ttl: Duration) => (handler: lambda.IFunction): SecureLambdaApiProps => ({
  routes: { 'GET /items': { handler } },
  authorizer: RestAuthorizer.token(handler, { resultsCacheTtl: ttl }),
});
const allowStatement = (path: string) =>
  new iam.PolicyStatement({ actions: ['execute-api:Invoke'], principals: [new iam.AnyPrincipal()], resources: [path] });
const allow = (path: string) => new iam.PolicyDocument({ statements: [allowStatement(path)] });

describe('a new deployment for every change API Gateway needs deployed', () => {
  test('the same configuration keeps the same deployment', () => {
    expect(deploymentId(base)).toBe(deploymentId(base));
  });

  test('adding a route', () => {
    expect(deploymentId(base, (fn, api) => api.addRoute('GET /other', { handler: fn }))).not.toBe(deploymentId(base));
  });

  test('changing a method of a route', () => {
    const post = (handler: lambda.IFunction) => ({ routes: { 'POST /items': { handler } } });
    expect(deploymentId(post)).not.toBe(deploymentId(base));
  });

  test('changing the integration of a route', () => {
    const other: Variant = (_, api) => api.addRoute('GET /other', { handler: newFunction(Stack.of(api), 'A') });
    const otherFunction: Variant = (_, api) => api.addRoute('GET /other', { handler: newFunction(Stack.of(api), 'B') });
    expect(deploymentId(base, other)).not.toBe(deploymentId(base, otherFunction));
  });

  test('changing the authorization of a route', () => {
    const publicItems = (handler: lambda.IFunction) => ({ routes: { 'GET /items': { handler, isPublic: true } } });
    expect(deploymentId(publicItems)).not.toBe(deploymentId(base));
  });

  test('changing an authorizer\'s settings', () => {
    expect(deploymentId(withToken(Duration.minutes(1)))).not.toBe(deploymentId(withToken(Duration.minutes(2))));
  });

  test('changing a gateway response', () => {
    const cors = (origin: string) => (handler: lambda.IFunction) => ({ ...base(handler), cors: { allowOrigins: [origin] } });
    expect(deploymentId(cors('https://a.example.com'))).not.toBe(deploymentId(cors('https://b.example.com')));
  });

  test('adding a request validator', () => {
    const validator: Variant = (_, api) => api.restApi.addRequestValidator('BodyOnly', { validateRequestBody: true });
    expect(deploymentId(base, validator)).not.toBe(deploymentId(base));
  });

  test('adding a model', () => {
    const model: Variant = (_, api) => api.restApi.addModel('Item', { schema: { type: apigateway.JsonSchemaType.OBJECT } });
    expect(deploymentId(base, model)).not.toBe(deploymentId(base));
  });

  test('changing the resource policy', () => {
    const policy = (path: string) => (handler: lambda.IFunction) => ({ ...base(handler), policy: allow(path) });
    expect(deploymentId(policy('execute-api:/prod/GET/items'))).not.toBe(deploymentId(policy('execute-api:/prod/*')));
  });

  test('a statement added to the resource policy after construction', () => {
    const added: Variant = (_, api) => api.restApi.addToResourcePolicy(allowStatement('execute-api:/*'));
    expect(deploymentId(base, added)).not.toBe(deploymentId(base));
  });

  test('changing a route\'s body schema', () => {
    const schema = (minLength: number) => (handler: lambda.IFunction): SecureLambdaApiProps => ({
      routes: { 'POST /items': { handler, bodySchema: { type: apigateway.JsonSchemaType.STRING, minLength } } },
    });
    expect(deploymentId(schema(1))).not.toBe(deploymentId(schema(2)));
  });

  test('changing a route\'s required parameters', () => {
    const required = (name: string) => (handler: lambda.IFunction): SecureLambdaApiProps => ({
      routes: { 'GET /items': { handler, requiredQueryStrings: [name] } },
    });
    expect(deploymentId(required('a'))).not.toBe(deploymentId(required('b')));
  });

  test('changing the source IP ranges of the resource policy', () => {
    const ips = (cidr: string) => (handler: lambda.IFunction): SecureLambdaApiProps =>
      ({ ...base(handler), resourcePolicy: { allowedSourceIps: [cidr] } });
    expect(deploymentId(ips('203.0.113.0/24'))).not.toBe(deploymentId(ips('198.51.100.0/24')));
  });
});

describe('no new deployment for stage-level changes API Gateway applies without one', () => {
  test('changing the WebACL associated with the stage', () => {
    const waf = (webAclArn: string) => (handler: lambda.IFunction): SecureLambdaApiProps => ({ ...base(handler), waf: { webAclArn } });
    expect(deploymentId(waf('arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/a/1')))
      .toBe(deploymentId(waf('arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/b/2')));
  });

  test('turning WAF logging or the client certificate on', () => {
    const hardening = (handler: lambda.IFunction): SecureLambdaApiProps => ({ ...base(handler), waf: { logging: true }, clientCertificate: true });
    expect(deploymentId(hardening)).toBe(deploymentId(base));
  });
});

describe('the deployment\'s logical id, computed once per synthesis', () => {
  const stageDeployment = (stack: Stack) => Object.values(templateOf(stack).findResources('AWS::ApiGateway::Stage'))[0].Properties.DeploymentId.Ref;

  test('every reference to the deployment names the resource the template defines', () => {
    const { stack } = newApi(base);
    const template = templateOf(stack);
    const deployments = Object.keys(template.findResources('AWS::ApiGateway::Deployment'));
    const removal = Object.values(template.findResources('Custom::GatewayKitStageCanaryRemoval'))[0];
    expect(deployments).toEqual([stageDeployment(stack)]);
    expect(JSON.stringify(removal.Properties)).toContain(`"Ref":"${deployments[0]}"`);
  });

  test('a route added after the deployment id was resolved is in the id the template holds', () => {
    const { stack, api, fn } = newApi(base);
    stack.resolve(api.restApi.latestDeployment!.deploymentId);
    api.addRoute('GET /other', { handler: fn });
    expect(stageDeployment(stack)).toBe(deploymentId(base, (handler, other) => other.addRoute('GET /other', { handler })));
  });

  test('a resource policy statement added after the deployment id was resolved is in the id the template holds', () => {
    const { stack, api } = newApi(base);
    const resolvedBefore = stack.resolve(api.restApi.latestDeployment!.deploymentId);
    api.restApi.addToResourcePolicy(allowStatement('execute-api:/*'));
    expect(resolvedBefore).toEqual({ Ref: deploymentId(base) });
    expect(stageDeployment(stack)).toBe(deploymentId(base, (_, other) => other.restApi.addToResourcePolicy(allowStatement('execute-api:/*'))));
  });
});
