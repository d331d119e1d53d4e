import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ApiGatewayCloudWatchRole, MeteredApi, RestAuthorizer, SecureHttpApi, SecureLambdaApi, SecureWebSocketApi } from '../src';
import { countOf, newApi, newFunction, newStack, templateOf } from './support/fixtures';
import { COMPLIANCE_PACKS } from './support/nag';
import { API_ACCOUNT, evaluate } from './support/policy-evaluator';

/**
 * Each row of the README's comparison table, checked against aws-cdk-lib as installed: what the plain L2 does, then
 * what the construct does instead. A row whose claim stops holding for a newer aws-cdk-lib fails here first.
 */

/** A stack of a fresh app, optionally with feature flags in its context (none: an app without cdk.json flags). */
function plainStack(context: Record<string, unknown> = {}): Stack {
  return new Stack(new App({ context }), 'Plain', { env: { account: API_ACCOUNT, region: 'eu-west-1' } });
}

/** A plain RestApi with one function behind `count` GET methods. */
function plainRestApi(count: number, context: Record<string, unknown> = {}): Stack {
  const stack = plainStack(context);
  const api = new apigateway.RestApi(stack, 'Api');
  const integration = new apigateway.LambdaIntegration(newFunction(stack));
  for (let i = 0; i < count; i++) {
    api.root.addResource(`resource${i}`).addMethod('GET', integration);
  }
  return stack;
}

function resourceCount(stack: Stack): number {
  return Object.keys(templateOf(stack).toJSON().Resources).length;
}

/** The first route count whose stack has more than CloudFormation's 500 resources, from the counts at 1 and 2 routes. */
function firstCountOverLimit(resourcesFor: (routes: number) => number): number {
  const perRoute = resourcesFor(2) - resourcesFor(1);
  const constant = resourcesFor(1) - perRoute;
  return Math.floor((500 - constant) / perRoute) + 1;
}

/** The types of aws-cdk-lib's jsii assembly, by fully qualified name. */
const ASSEMBLY_TYPES: Record<string, { properties?: Array<{ name: string }>; interfaces?: string[] }> =
  JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')), '.jsii.gz'))).toString()).types;

/** The properties of a struct of aws-cdk-lib, inherited ones included, as its assembly declares them. */
function structProperties(fqn: string): string[] {
  const propertiesOf = (name: string): string[] => {
    const type = ASSEMBLY_TYPES[name];
    return [...(type.properties ?? []).map((property) => property.name), ...(type.interfaces ?? []).flatMap(propertiesOf)];
  };
  return propertiesOf(fqn);
}

function deploymentIdOf(stack: Stack): string {
  return Object.keys(templateOf(stack).findResources('AWS::ApiGateway::Deployment'))[0];
}

describe('row: Lambda permissions', () => {
  /** Lambda caps a function's resource policy at 20 KB ("Lambda quotas"). */
  const POLICY_LIMIT = 20 * 1024;

  /**
   * The policy statements Lambda stores for the template's permissions, with short physical names substituted and
   * without their statement ids: a lower bound of the size Lambda checks.
   */
  function policyBytesAtLeast(stack: Stack): number {
    const restApiId = Object.keys(templateOf(stack).findResources('AWS::ApiGateway::RestApi'))[0];
    const physical = (value: unknown): string => {
      const ref = (value as { Ref?: string }).Ref;
      if (typeof value === 'string') return value;
      if (ref === 'AWS::Partition') return 'aws';
      if (ref === restApiId) return 'a1b2c3d4e5';
      if (ref !== undefined) return 'prod';
      const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
      if (join) return join[1].map(physical).join(join[0]);
      return 'arn:aws:lambda:eu-west-1:123456789012:function:Plain-Handler886CB40B-AbCdEfGhIjKl';
    };
    return Object.values(templateOf(stack).findResources('AWS::Lambda::Permission'))
      .map(({ Properties: permission }) => JSON.stringify({
        Effect: 'Allow',
        Principal: { Service: permission.Principal },
        Action: permission.Action,
        Resource: physical(permission.FunctionName),
        Condition: { ArnLike: { 'AWS:SourceArn': physical(permission.SourceArn) } },
      }).length + 1)
      .reduce((sum, bytes) => sum + bytes, 0);
  }

  test('aws-cdk-lib: LambdaIntegration adds two permissions per method', () => {
    expect(countOf(plainRestApi(10), 'AWS::Lambda::Permission')).toBe(20);
  });

  test('aws-cdk-lib: one function behind 32 methods already passes the 20 KB policy limit', () => {
    expect(policyBytesAtLeast(plainRestApi(31))).toBeLessThan(POLICY_LIMIT);
    expect(policyBytesAtLeast(plainRestApi(32))).toBeGreaterThan(POLICY_LIMIT);
  });

  test('SecureLambdaApi: one permission for the function, whatever the number of routes', () => {
    const { stack } = newApi((handler) => ({ routes: Object.fromEntries([...Array(40).keys()].map((i) => [`GET /resource${i}`, { handler }])) }));
    expect(countOf(stack, 'AWS::Lambda::Permission')).toBe(1);
  });
});

describe('row: canaries and API keys', () => {
  test('aws-cdk-lib: the Stage L2 has no canary settings', () => {
    expect(structProperties('aws-cdk-lib.aws_apigateway.StageProps').filter((name) => /canary/i.test(name))).toEqual([]);
  });

  test('aws-cdk-lib: an ApiKey with a value writes the value into the template', () => {
    const stack = plainStack();
    const api = new apigateway.RestApi(stack, 'Api');
    api.root.addMethod('GET');
    api.addApiKey('Key', { value: 'a-customer-key-of-twenty-chars' });
    expect(JSON.stringify(templateOf(stack).toJSON())).toContain('a-customer-key-of-twenty-chars');
  });

  test('MeteredApi: a generated customer key reaches API Gateway through a dynamic reference to its secret', () => {
    const stack = newStack();
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    new MeteredApi(stack, 'Api', { tiers: { free: {} }, customers: { acme: { tier: 'free' } }, routes: { 'GET /items': { handler: newFunction(stack) } } });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::ApiKey', {
      Value: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^\\{\\{resolve:secretsmanager:')])] },
    });
  });

  test('SecureLambdaApi: a stage with a canary deploys its canary settings', () => {
    const { stack } = newApi((handler) => ({ stages: { prod: { canary: { percentTraffic: 10 } } }, routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', { CanarySetting: Match.objectLike({ PercentTraffic: 10 }) });
  });
});

describe('row: authorization by default', () => {
  test('aws-cdk-lib: a method without options is public', () => {
    const stack = plainStack();
    new apigateway.RestApi(stack, 'Api').root.addMethod('GET', new apigateway.MockIntegration());
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'NONE' });
  });

  test('SecureLambdaApi: a route without options is IAM-authorized', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'AWS_IAM' });
  });
});

describe('row: CORS on gateway responses', () => {
  test('aws-cdk-lib: CORS preflight options add no gateway response', () => {
    const stack = plainStack();
    const api = new apigateway.RestApi(stack, 'Api', { defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'] } });
    api.root.addMethod('GET', new apigateway.MockIntegration());
    expect(countOf(stack, 'AWS::ApiGateway::GatewayResponse')).toBe(0);
  });

  test.each(['DEFAULT_4XX', 'DEFAULT_5XX'])('SecureLambdaApi: the %s gateway response carries the CORS headers', (responseType) => {
    const { stack } = newApi((handler) => ({ cors: { allowOrigins: ['https://app.example.com'] }, routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: responseType,
      ResponseParameters: Match.objectLike({ 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'" }),
    });
  });
});

describe('row: deployments', () => {
  const FLAG = '@aws-cdk/aws-apigateway:authorizerChangeDeploymentLogicalId';
  function plainWithAuthorizer(regex: string, context: Record<string, unknown>): Stack {
    const stack = plainStack(context);
    const api = new apigateway.RestApi(stack, 'Api');
    const authorizer = new apigateway.TokenAuthorizer(stack, 'Authorizer', { handler: newFunction(stack), validationRegex: regex });
    api.root.addMethod('GET', new apigateway.MockIntegration(), { authorizer });
    return stack;
  }

  test(`aws-cdk-lib: without ${FLAG}, an authorizer change keeps the deployment`, () => {
    expect(deploymentIdOf(plainWithAuthorizer('^a$', {}))).toBe(deploymentIdOf(plainWithAuthorizer('^b$', {})));
  });

  test(`aws-cdk-lib: with ${FLAG}, an authorizer change makes a new deployment`, () => {
    expect(deploymentIdOf(plainWithAuthorizer('^a$', { [FLAG]: true }))).not.toBe(deploymentIdOf(plainWithAuthorizer('^b$', { [FLAG]: true })));
  });

  test('aws-cdk-lib: a resource policy change makes a new deployment, so the README does not claim otherwise', () => {
    const withPolicy = (ip: string) => {
      const stack = plainStack();
      const api = new apigateway.RestApi(stack, 'Api');
      api.root.addMethod('GET', new apigateway.MockIntegration());
      api.addToResourcePolicy(new iam.PolicyStatement({
        principals: [new iam.AnyPrincipal()], actions: ['execute-api:Invoke'], resources: ['execute-api:/*'], conditions: { IpAddress: { 'aws:SourceIp': ip } },
      }));
      return stack;
    };
    expect(deploymentIdOf(withPolicy('192.0.2.0/24'))).not.toBe(deploymentIdOf(withPolicy('198.51.100.0/24')));
  });

  test('SecureLambdaApi: an authorizer change makes a new deployment without the feature flag', () => {
    const withRegex = (validationRegex: string) => {
      const stack = newStack();
      new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
      const handler = newFunction(stack);
      new SecureLambdaApi(stack, 'Api', { authorizer: RestAuthorizer.token(handler, { validationRegex }), routes: { 'GET /items': { handler } } });
      return stack;
    };
    expect(deploymentIdOf(withRegex('^a$'))).not.toBe(deploymentIdOf(withRegex('^b$')));
  });
});

describe('row: the account CloudWatch role', () => {
  const FLAG = '@aws-cdk/aws-apigateway:disableCloudWatchRole';
  function plainApis(context: Record<string, unknown>): Stack {
    const stack = plainStack(context);
    for (const id of ['Orders', 'Billing']) {
      new apigateway.RestApi(stack, id).root.addMethod('GET', new apigateway.MockIntegration());
    }
    return stack;
  }

  test(`aws-cdk-lib: without ${FLAG}, every RestApi sets the account setting with a role of its own, both retained`, () => {
    const template = templateOf(plainApis({}));
    expect(Object.values(template.findResources('AWS::ApiGateway::Account')).map((account) => account.DeletionPolicy)).toEqual(['Retain', 'Retain']);
    expect(Object.keys(template.findResources('AWS::IAM::Role'))).toHaveLength(2);
  });

  test(`aws-cdk-lib: with ${FLAG}, no RestApi sets it`, () => {
    expect(countOf(plainApis({ [FLAG]: true }), 'AWS::ApiGateway::Account')).toBe(0);
  });

  test('SecureLambdaApi: APIs never set it; one ApiGatewayCloudWatchRole does, and the stages depend on it', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    new SecureLambdaApi(stack, 'Other', { routes: { 'GET /items': { handler: newFunction(stack, 'OtherHandler') } } });
    const template = templateOf(stack);
    const accounts = Object.keys(template.findResources('AWS::ApiGateway::Account'));
    expect(accounts).toHaveLength(1);
    expect(Object.values(template.findResources('AWS::ApiGateway::Stage')).every((stage) => stage.DependsOn?.includes(accounts[0]))).toBe(true);
  });
});

describe('row: resource policies', () => {
  const sameAccountRole = `arn:aws:iam::${API_ACCOUNT}:role/App`;
  const ipAllow = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }] };

  test('a hand-written "Allow only from these IPs" statement admits a same-account IAM caller from anywhere', () => {
    expect(evaluate(ipAllow, { authorization: 'IAM', principal: sameAccountRole, identityAllows: true, sourceIp: '192.0.2.10' })).toBe('ALLOW');
  });

  test('SecureLambdaApi: allowedSourceIps denies that caller', () => {
    const { stack } = newApi((handler) => ({ resourcePolicy: { allowedSourceIps: ['203.0.113.0/24'] }, routes: { 'GET /items': { handler } } }));
    const policy = Object.values(templateOf(stack).findResources('AWS::ApiGateway::RestApi'))[0].Properties.Policy;
    expect(evaluate(policy, { authorization: 'IAM', principal: sameAccountRole, identityAllows: true, sourceIp: '192.0.2.10' })).toBe('EXPLICIT_DENY');
  });
});

describe('row: WAF and private custom domains', () => {
  /** The types of a module whose names (their first segment, so that nested structs count with their class) match. */
  const typesOf = (module: string, name: RegExp) => Object.keys(ASSEMBLY_TYPES)
    .filter((fqn) => fqn.startsWith(`aws-cdk-lib.${module}.`))
    .map((fqn) => fqn.slice(`aws-cdk-lib.${module}.`.length).split('.')[0])
    .filter((typeName) => name.test(typeName));

  test('aws-cdk-lib: AWS WAF has CloudFormation (Cfn) classes only', () => {
    expect(typesOf('aws_wafv2', /^(?!I?Cfn)/)).toEqual([]);
  });

  test('aws-cdk-lib: a private custom domain name (DomainNameV2) has no L2', () => {
    expect(typesOf('aws_apigateway', /DomainNameV2/).filter((typeName) => !/^I?Cfn/.test(typeName))).toEqual([]);
  });

  test('aws-cdk-lib: the DomainName L2 takes mutual TLS, so the README does not claim otherwise', () => {
    expect(structProperties('aws-cdk-lib.aws_apigateway.DomainNameProps')).toContain('mtls');
  });

  test('SecureLambdaApi: a WebACL is associated with the stage by default', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    expect(countOf(stack, 'AWS::WAFv2::WebACL')).toBe(1);
    expect(countOf(stack, 'AWS::WAFv2::WebACLAssociation')).toBe(1);
  });
});

describe('row: compliance packs', () => {
  function complianceFindings(stack: Stack, constructPath: string): string[] {
    COMPLIANCE_PACKS().forEach((pack) => Aspects.of(stack).add(pack));
    const annotations = Annotations.fromStack(stack);
    const rule = Match.stringLikeRegexp('^(NIST|HIPAA|PCI)');
    return [...annotations.findError('*', rule), ...annotations.findWarning('*', rule)]
      .filter((entry) => entry.id.startsWith(`/${stack.stackName}/${constructPath}/`))
      .map((entry) => String(entry.entry.data).split(':')[0]);
  }

  test('aws-cdk-lib: NIST 800-53 R5, HIPAA and PCI DSS flag a plain RestApi', () => {
    const stack = plainStack();
    new apigateway.RestApi(stack, 'Api').root.addMethod('GET', new apigateway.MockIntegration());
    const findings = complianceFindings(stack, 'Api');
    for (const pack of ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321']) {
      expect(findings.some((finding) => finding.startsWith(`${pack}-APIG`))).toBe(true);
    }
  });

  test('SecureLambdaApi: with hardened, none of them flags the API', () => {
    const { stack } = newApi((handler) => ({ hardened: true, routes: { 'GET /items': { handler } } }));
    expect(complianceFindings(stack, 'Api').filter((finding) => /-APIG/.test(finding))).toEqual([]);
  });
});

describe('row: stage defaults', () => {
  test('aws-cdk-lib: the default stage has no access logs, tracing, throttling or WAF', () => {
    const stack = plainStack();
    new apigateway.RestApi(stack, 'Api').root.addMethod('GET', new apigateway.MockIntegration());
    const stage = Object.values(templateOf(stack).findResources('AWS::ApiGateway::Stage'))[0].Properties;
    expect(stage.AccessLogSetting).toBeUndefined();
    expect(stage.TracingEnabled).toBeUndefined();
    expect(stage.MethodSettings).toBeUndefined();
    expect(countOf(stack, 'AWS::WAFv2::WebACLAssociation')).toBe(0);
  });

  test('SecureLambdaApi: the stage has JSON access logs, tracing and throttling', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: Match.objectLike({ Format: Match.stringLikeRegexp('^\\{') }),
      TracingEnabled: true,
      MethodSettings: Match.arrayWith([Match.objectLike({ ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 })]),
    });
  });
});

describe('row: resources per route', () => {
  test('aws-cdk-lib: a REST route costs 4 resources, and the 124th passes 500', () => {
    expect(resourceCount(plainRestApi(2)) - resourceCount(plainRestApi(1))).toBe(4);
    expect(firstCountOverLimit((routes) => resourceCount(plainRestApi(routes)))).toBe(124);
  });

  test('SecureLambdaApi: a route costs 2 resources, so about 240 fit', () => {
    const apiWith = (routes: number) => resourceCount(newApi((handler) => ({
      routes: Object.fromEntries([...Array(routes).keys()].map((i) => [`GET /resource${i}`, { handler }])),
    })).stack);
    expect(apiWith(2) - apiWith(1)).toBe(2);
    expect(firstCountOverLimit(apiWith)).toBeGreaterThanOrEqual(240);
  });

  function plainHttpApi(routes: number): Stack {
    const stack = plainStack();
    const api = new apigatewayv2.HttpApi(stack, 'Api');
    const integration = new integrations.HttpLambdaIntegration('Integration', newFunction(stack));
    for (let i = 0; i < routes; i++) {
      api.addRoutes({ path: `/resource${i}`, methods: [apigatewayv2.HttpMethod.GET], integration });
    }
    return stack;
  }

  test('aws-cdk-lib: an HTTP route costs 2 resources (route and permission), and the 248th passes 500', () => {
    expect(countOf(plainHttpApi(3), 'AWS::Lambda::Permission')).toBe(3);
    expect(firstCountOverLimit((routes) => resourceCount(plainHttpApi(routes)))).toBe(248);
  });

  test('aws-cdk-lib: an HTTP stage takes one throttle for every route', () => {
    expect(structProperties('aws-cdk-lib.aws_apigatewayv2.HttpStageProps').filter((name) => /throttl|route/i.test(name))).toEqual(['throttle']);
  });

  test('SecureHttpApi: a route costs 1 resource, so about 490 fit', () => {
    const apiWith = (routes: number) => {
      const stack = newStack();
      const handler = newFunction(stack);
      new SecureHttpApi(stack, 'Api', { routes: Object.fromEntries([...Array(routes).keys()].map((i) => [`GET /resource${i}`, { handler }])) });
      return resourceCount(stack);
    };
    expect(apiWith(2) - apiWith(1)).toBe(1);
    expect(firstCountOverLimit(apiWith)).toBeGreaterThanOrEqual(490);
  });
});

describe('row: WebSocket $connect', () => {
  test('aws-cdk-lib: a WebSocketApi $connect route without an authorizer accepts every connection', () => {
    const stack = plainStack();
    new apigatewayv2.WebSocketApi(stack, 'Api', {
      connectRouteOptions: { integration: new integrations.WebSocketLambdaIntegration('Connect', newFunction(stack)) },
    });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'NONE' });
  });

  test('SecureWebSocketApi: $connect is IAM-authorized by default', () => {
    const stack = newStack();
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    new SecureWebSocketApi(stack, 'Api', { routes: { $connect: { handler: newFunction(stack) } } });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'AWS_IAM' });
  });
});
