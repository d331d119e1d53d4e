import { Lazy } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { SecureLambdaApiProps } from '../../src';
import { countOf, newApi, templateOf } from '../support/fixtures';

/** The stage resource named `stageName` in the template. */
function stageResource(stack: ReturnType<typeof newApi>['stack'], stageName: string) {
  const stages = templateOf(stack).findResources('AWS::ApiGateway::Stage', { Properties: { StageName: stageName } });
  expect(Object.keys(stages)).toHaveLength(1);
  return Object.values(stages)[0].Properties;
}

const twoStages = (extra: Partial<SecureLambdaApiProps> = {}) => newApi((handler) => ({
  routes: { 'GET /items': { handler } },
  stages: {
    dev: { variables: { backend: 'dev' }, throttle: { rateLimit: 10, burstLimit: 20 }, loggingLevel: apigateway.MethodLoggingLevel.INFO, accessLogRetention: logs.RetentionDays.ONE_WEEK },
    prod: { variables: { backend: 'prod' } },
  },
  ...extra,
}));

describe('stages', () => {
  test('creates one stage per entry, every one serving the current deployment', () => {
    const { stack, api } = twoStages();
    expect(countOf(stack, 'AWS::ApiGateway::Stage')).toBe(2);
    const deployment = stack.resolve(api.restApi.latestDeployment!.deploymentId);
    expect(stageResource(stack, 'dev').DeploymentId).toEqual(deployment);
    expect(stageResource(stack, 'prod').DeploymentId).toEqual(deployment);
  });

  test('gives each stage its own variables', () => {
    const { stack } = twoStages();
    expect(stageResource(stack, 'dev').Variables).toEqual({ backend: 'dev' });
    expect(stageResource(stack, 'prod').Variables).toEqual({ backend: 'prod' });
  });

  test('gives each stage its own throttling and logging level, falling back to the API-level props', () => {
    const { stack } = twoStages({ throttle: { rateLimit: 50, burstLimit: 100 } });
    expect(stageResource(stack, 'dev').MethodSettings[0]).toMatchObject({ LoggingLevel: 'INFO', ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 });
    expect(stageResource(stack, 'prod').MethodSettings[0]).toMatchObject({ LoggingLevel: 'ERROR', ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
  });

  test('writes each stage\'s access logs to its own log group with its own retention', () => {
    const { stack, api } = twoStages();
    expect(stageResource(stack, 'dev').AccessLogSetting.DestinationArn).toEqual(stack.resolve(api.accessLogGroups.dev.logGroupArn));
    expect(stageResource(stack, 'prod').AccessLogSetting.DestinationArn).toEqual(stack.resolve(api.accessLogGroups.prod.logGroupArn));
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
  });

  test('exposes the stage named stageName as stage, and every stage by name', () => {
    const { stack, api } = twoStages();
    expect(stack.resolve(api.stage.stageName)).toEqual(stack.resolve(api.stages.prod.stageName));
    expect(Object.keys(api.stages).sort()).toEqual(['dev', 'prod']);
  });

  test('keeps the logical ids of a single-stage API for the stage named stageName', () => {
    const single = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    const multi = twoStages();
    const idOf = (stack: typeof single.stack) => Object.keys(templateOf(stack).findResources('AWS::ApiGateway::Stage', { Properties: { StageName: 'prod' } }))[0];
    expect(idOf(multi.stack)).toBe(idOf(single.stack));
    expect(multi.stack.resolve(multi.api.accessLogGroup.logGroupArn)).toEqual(single.stack.resolve(single.api.accessLogGroup.logGroupArn));
  });

  test('grants API Gateway one invoke permission per function and stage', () => {
    const { stack, api } = twoStages();
    const permissions = templateOf(stack).findResources('AWS::Lambda::Permission');
    expect(Object.keys(permissions)).toHaveLength(2);
    const sourceArns = Object.values(permissions).map((p) => JSON.stringify(p.Properties.SourceArn));
    expect(sourceArns.some((arn) => arn.includes('/dev/*/*'))).toBe(true);
    expect(sourceArns.some((arn) => arn.includes('/prod/*/*'))).toBe(true);
    expect(api.restApi).toBeDefined();
  });

  test('lets grantInvoke call every stage', () => {
    const { stack, api } = twoStages();
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantInvoke(role);
    const policies = templateOf(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as iam.CfnRole) }] } });
    const resources = JSON.stringify(Object.values(policies)[0].Properties.PolicyDocument.Statement[0].Resource);
    expect(resources).toContain('/dev/*/*');
    expect(resources).toContain('/prod/*/*');
  });

  test('associates every stage with the WebACL', () => {
    const { stack, api } = twoStages();
    expect(countOf(stack, 'AWS::WAFv2::WebACL')).toBe(1);
    expect(countOf(stack, 'AWS::WAFv2::WebACLAssociation')).toBe(2);
    expect(api.webAcl).toBeDefined();
  });

  test('keeps every deployment, because a stage with a canary still serves an earlier one', () => {
    const { stack } = twoStages();
    templateOf(stack).hasResource('AWS::ApiGateway::Deployment', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('accepts a stage variable used in an integration target when every stage defines it', () => {
    const { stack } = newApi(() => ({
      stages: { dev: { variables: { host: 'dev.example.com' } }, prod: { variables: { host: 'example.com' } } },
      routes: { 'GET /proxy': { integration: new apigateway.HttpIntegration('https://${stageVariables.host}/items'), isPublic: true } },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: Match.objectLike({ Uri: 'https://${stageVariables.host}/items' }),
    });
  });

  test('refuses an integration target using a stage variable that a stage does not define', () => {
    expect(() => newApi(() => ({
      stages: { dev: { variables: { host: 'dev.example.com' } }, prod: {} },
      routes: { 'GET /proxy': { integration: new apigateway.HttpIntegration('https://${stageVariables.host}/items'), isPublic: true } },
    }))).toThrow(/routes\['GET \/proxy'\]\.integration targets \$\{stageVariables\.host\}, which stage 'prod' does not define; add 'host' to stages\['prod'\]\.variables/);
  });

  test('refuses stages that do not include stageName', () => {
    expect(() => newApi(() => ({ stages: { dev: {}, test: {} } })))
      .toThrow(/\[PrimaryStageMissing\].*stageName is 'prod' \(the default\) but stages declares 'dev', 'test'; set stageName/);
  });

  test('refuses an invalid stage name', () => {
    expect(() => newApi(() => ({ stageName: 'my stage', stages: { 'my stage': {} } })))
      .toThrow("[InvalidStageName] TestStack/Api: stageName is 'my stage'; expected 1 to 128 letters, digits, hyphens and underscores, e.g. 'prod'");
  });

  test('refuses an invalid stageName before noticing it is not among the stages', () => {
    expect(() => newApi(() => ({ stageName: 'live!', stages: { prod: {} } }))).toThrow(/^\[InvalidStageName\] TestStack\/Api: stageName is 'live!'/);
  });

  test('refuses an invalid key of stages before the primary stage is looked for', () => {
    expect(() => newApi(() => ({ stages: { 'my stage': {}, 'prod': {} } })))
      .toThrow("[InvalidStageName] TestStack/Api: the stage name of stages['my stage'] is 'my stage'; expected 1 to 128 letters, digits, hyphens and underscores, e.g. 'prod'");
  });

  test('refuses a stageName token: stage names name constructs', () => {
    expect(() => newApi(() => ({ stageName: Lazy.string({ produce: () => 'prod' }) }))).toThrow(/\[InvalidStageName\] .*stageName is a token \(.*\); expected a literal stage name/);
  });

  test('refuses more than ten stages', () => {
    const stages = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [i === 0 ? 'prod' : `s${i}`, {}]));
    expect(() => newApi(() => ({ stages }))).toThrow(/stages has 11 entries; a REST API has between 1 and 10 stages/);
  });

  test('refuses a stage variable name API Gateway rejects', () => {
    expect(() => newApi(() => ({ stages: { prod: { variables: { 'back-end': 'x' } } } })))
      .toThrow(/stages\['prod'\]\.variables has the variable name 'back-end'; stage variable names are letters, digits and underscores/);
  });

  test('refuses a stage variable value API Gateway rejects', () => {
    expect(() => newApi(() => ({ stages: { prod: { variables: { greeting: 'hello world' } } } })))
      .toThrow(/stages\['prod'\]\.variables\['greeting'\] is "hello world"; stage variable values are non-empty/);
  });

  test('refuses a negative stage throttle', () => {
    expect(() => newApi(() => ({ stages: { prod: { throttle: { rateLimit: -1 } } } })))
      .toThrow(/stages\['prod'\]\.throttle\.rateLimit must be 0 or more, got -1/);
  });

  test('refuses turning tracing off on a stage of a hardened API', () => {
    expect(() => newApi(() => ({ hardened: true, stages: { prod: { tracingEnabled: false } } })))
      .toThrow(/hardened is true but stages\['prod'\]\.tracingEnabled is false/);
  });
});
