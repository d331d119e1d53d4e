import { CfnResource, CustomResource, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';
import { hardenStageCanaryHandler, removeLingeringCanary, stageBaselineDeploymentId } from '../../src/rest/private/canary-custom-resources';
import { countOf, newStack, templateOf } from '../support/fixtures';
import { COMPLIANCE_PACKS, nagFindings, nagSuppressions } from '../support/nag';

const HANDLER = 'GatewayKitStageCanaryHandler';

/** A stack with a plain RestApi (one GET method, mock integration) and its `prod` stage. */
function restApiStack() {
  const stack = newStack();
  const api = new apigateway.RestApi(stack, 'Api');
  api.root.addMethod('GET', new apigateway.MockIntegration());
  return { stack, api, stage: api.deploymentStage, deployment: api.latestDeployment! };
}

const logicalIdOf = (construct: Construct) => Stack.of(construct).resolve((construct.node.defaultChild as CfnResource).logicalId);

/** The customer-managed policy of the handler's role, which holds every grant. */
const handlerPolicy = (stack: Stack) => stack.node.findChild(HANDLER).node.findChild('Role').node.findChild('Policy') as Construct;

/** The stage's ARN as the handler's grants render it. */
const stageArn = (api: apigateway.RestApi, stageName: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:eu-west-1::/restapis/', { Ref: logicalIdOf(api) }, `/stages/${stageName}`]],
});

function baseline(scope: Construct, id: string, api: apigateway.RestApi, deployment: apigateway.Deployment, stage = api.deploymentStage): string {
  return stageBaselineDeploymentId(scope, id, { restApi: api, stage, latestDeployment: deployment });
}

function removal(scope: Construct, id: string, api: apigateway.RestApi, stage: apigateway.Stage): CustomResource {
  return removeLingeringCanary(scope, id, { restApi: api, stage, stageDeploymentId: 'olddep', trigger: 'ROLLED_BACK' });
}

describe('the stage canary handler', () => {
  test('is one function per stack, however many custom resources use it', () => {
    const { stack, api, stage, deployment } = restApiStack();
    baseline(stack, 'Baseline', api, deployment);
    baseline(stack, 'BetaBaseline', api, deployment, new apigateway.Stage(stack, 'Beta', { deployment, stageName: 'beta' }));
    removal(new Construct(stack, 'Nested'), 'Removal', api, stage);

    const handler = stack.node.findChild(HANDLER).node.findChild('Function');
    expect(countOf(stack, 'AWS::Lambda::Function')).toBe(1);
    const serviceTokens = Object.values(templateOf(stack).toJSON().Resources as Record<string, any>)
      .filter((resource) => String(resource.Type).startsWith('Custom::GatewayKitStage'))
      .map((resource) => resource.Properties.ServiceToken);
    expect(serviceTokens).toEqual([0, 1, 2].map(() => ({ 'Fn::GetAtt': [logicalIdOf(handler), 'Arn'] })));
  });

  test('runs on Node.js 24 with 256 MB, 60 s, active tracing and its own log group kept for a year', () => {
    const { stack, api, deployment } = restApiStack();
    baseline(stack, 'Baseline', api, deployment);

    const template = templateOf(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      MemorySize: 256,
      Timeout: 60,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: { Ref: logicalIdOf(stack.node.findChild(HANDLER).node.findChild('Logs')) } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });

  test('has a role of its own without AWS managed policies', () => {
    const { stack, api, deployment } = restApiStack();
    baseline(stack, 'Baseline', api, deployment);

    const roles = templateOf(stack).findResources('AWS::IAM::Role', {
      Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] } },
    });
    expect(Object.values(roles).map((role) => role.Properties.ManagedPolicyArns)).toEqual([undefined]);
  });

  test('keeps its own log and X-Ray grants in a customer-managed policy of its role, none inline', () => {
    const { stack, api, deployment } = restApiStack();
    baseline(stack, 'Baseline', api, deployment);

    const role = stack.node.findChild(HANDLER).node.findChild('Role');
    expect(countOf(stack, 'AWS::IAM::Policy')).toBe(0);
    templateOf(stack).hasResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: Match.anyValue(), Policies: Match.absent() });
    templateOf(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: logicalIdOf(role) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] }),
          Match.objectLike({ Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' }),
        ]),
      },
    });
  });

  test('has no reserved concurrency and a log group without a customer-managed key unless hardened', () => {
    const { stack, api, deployment } = restApiStack();
    baseline(stack, 'Baseline', api, deployment);

    templateOf(stack).hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: Match.absent() });
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: Match.absent() });
    expect(countOf(stack, 'AWS::KMS::Key')).toBe(0);
  });

  test('hardened, encrypts its log group with a rotated key of its own and reserves a concurrency of 2', () => {
    const { stack, api, deployment } = restApiStack();
    baseline(stack, 'Baseline', api, deployment);

    hardenStageCanaryHandler(stack);
    hardenStageCanaryHandler(new Construct(stack, 'AnotherHardenedApi'));

    const key = stack.node.findChild(HANDLER).node.findChild('LogEncryptionKey');
    expect(countOf(stack, 'AWS::KMS::Key')).toBe(1);
    templateOf(stack).hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [logicalIdOf(key), 'Arn'] } });
    templateOf(stack).hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 2 });
  });

  test('fails synth when the reserved id is held by another construct', () => {
    const { stack, api, deployment } = restApiStack();
    new Construct(stack, HANDLER);

    expect(() => baseline(stack, 'Baseline', api, deployment)).toThrow(
      /\[StageCanaryHandlerId\] TestStack: the construct id 'GatewayKitStageCanaryHandler' is reserved at stack level/);
  });
});

describe('stageBaselineDeploymentId', () => {
  test('returns the deployment id the custom resource reports', () => {
    const { stack, api, deployment } = restApiStack();

    const deploymentId = baseline(stack, 'Baseline', api, deployment);

    expect(stack.resolve(deploymentId)).toEqual({ 'Fn::GetAtt': [logicalIdOf(stack.node.findChild('Baseline')), 'DeploymentId'] });
  });

  test('names the API, the stage and the latest deployment as fallback and trigger', () => {
    const { stack, api, deployment } = restApiStack();
    baseline(stack, 'Baseline', api, deployment);

    templateOf(stack).hasResourceProperties('Custom::GatewayKitStageBaseline', {
      RestApiId: { Ref: logicalIdOf(api) },
      StageName: 'prod',
      FallbackDeploymentId: { Ref: logicalIdOf(deployment) },
      LatestDeploymentId: { Ref: logicalIdOf(deployment) },
    });
  });

  test('allows the handler to read that stage only', () => {
    const { stack, api, deployment } = restApiStack();
    baseline(stack, 'Baseline', api, deployment);

    templateOf(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Effect: 'Allow', Action: 'apigateway:GET', Resource: stageArn(api, 'prod') }]) },
      Roles: [{ Ref: logicalIdOf(stack.node.findChild(HANDLER).node.findChild('Role')) }],
    });
  });

  test('makes the custom resource depend on the policy holding its grant, so that its first run is authorized', () => {
    const { stack, api, deployment } = restApiStack();
    baseline(stack, 'Baseline', api, deployment);

    templateOf(stack).hasResource('Custom::GatewayKitStageBaseline', { DependsOn: [logicalIdOf(handlerPolicy(stack))] });
  });

  test('keeps the grants of every stage in the one policy of the handler role, whatever the number of stages', () => {
    const { stack, api, deployment } = restApiStack();
    for (const name of ['Baseline1', 'Baseline2', 'Baseline3']) {
      baseline(stack, name, api, deployment);
    }

    expect(Object.keys(templateOf(stack).findResources('AWS::IAM::ManagedPolicy'))).toEqual([logicalIdOf(handlerPolicy(stack))]);
  });

  test('names the stage by its declared name, so that the stage can read the baseline without a dependency cycle', () => {
    const { stack, api, stage, deployment } = restApiStack();

    const cfnStage = stage.node.defaultChild as apigateway.CfnStage;
    cfnStage.deploymentId = baseline(stack, 'Baseline', api, deployment, stage);

    // Template.fromStack fails on a dependency cycle.
    const template = templateOf(stack);
    template.hasResourceProperties('Custom::GatewayKitStageBaseline', { StageName: 'prod' });
    template.hasResourceProperties('AWS::ApiGateway::Stage', { DeploymentId: { 'Fn::GetAtt': [logicalIdOf(stack.node.findChild('Baseline')), 'DeploymentId'] } });
  });

  test('takes its grant along when the custom resource is removed from the tree', () => {
    const { stack, api, deployment } = restApiStack();
    const scope = new Construct(stack, 'Canary');
    baseline(scope, 'Baseline', api, deployment);

    scope.node.tryRemoveChild('Baseline');

    expect(countOf(stack, 'Custom::GatewayKitStageBaseline')).toBe(0);
    expect(countOf(stack, 'AWS::IAM::ManagedPolicy')).toBe(1); // the role's own policy: logs and X-Ray
  });
});

describe('removeLingeringCanary', () => {
  test('names the API, the declared stage name, the stage deployment and the trigger', () => {
    const { stack, api, stage } = restApiStack();
    removal(stack, 'Removal', api, stage);

    templateOf(stack).hasResourceProperties('Custom::GatewayKitStageCanaryRemoval', {
      RestApiId: { Ref: logicalIdOf(api) },
      StageName: 'prod',
      StageDeploymentId: 'olddep',
      Trigger: 'ROLLED_BACK',
    });
  });

  test('depends on the stage and on the policy holding its grant, so that it runs after the stage update and is authorized', () => {
    const { stack, api, stage } = restApiStack();
    const resource = removal(stack, 'Removal', api, stage);

    const dependsOn = templateOf(stack).toJSON().Resources[logicalIdOf(resource)].DependsOn;
    expect(dependsOn).toEqual(expect.arrayContaining([logicalIdOf(stage), logicalIdOf(handlerPolicy(stack))]));
  });

  test('allows the handler to read and patch that stage only', () => {
    const { stack, api, stage } = restApiStack();
    removal(stack, 'Removal', api, stage);

    templateOf(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Effect: 'Allow', Action: ['apigateway:GET', 'apigateway:PATCH'], Resource: stageArn(api, 'prod') }]) },
    });
  });

  test('refuses a stage without a declared name', () => {
    const { stack, api, stage } = restApiStack();
    (stage.node.defaultChild as apigateway.CfnStage).stageName = undefined;

    expect(() => removal(stack, 'Removal', api, stage)).toThrow(
      /\[CanaryRemovalStage\] TestStack: Removal.stage must be an apigateway.Stage declared with a name, got TestStack\/Api\/DeploymentStage.prod/);
  });
});

describe('cdk-nag', () => {
  /** A stack with the handler and both custom resources under `Canary`. */
  function canaryStack() {
    const { stack, api, stage, deployment } = restApiStack();
    const scope = new Construct(stack, 'Canary');
    baseline(scope, 'Baseline', api, deployment);
    removal(scope, 'Removal', api, stage);
    return stack;
  }

  /** The plain RestApi the custom resources act on. */
  const FIXTURES = ['Api'];

  test('AwsSolutions and Serverless report no unsuppressed finding in the stack', () => {
    expect(nagFindings(canaryStack(), { fixtures: FIXTURES })).toEqual([]);
  });

  test('NIST 800-53 R5, HIPAA Security and PCI DSS 3.2.1 report no finding in the stack once the handler is hardened', () => {
    const stack = canaryStack();
    hardenStageCanaryHandler(stack);

    expect(nagFindings(stack, { packs: COMPLIANCE_PACKS(), fixtures: FIXTURES })).toEqual([]);
  });

  test('the only suppressions are the reasoned ones on the handler', () => {
    const stack = canaryStack();

    const suppressed = nagSuppressions(stack, (reason) => expect(reason.length).toBeGreaterThan(80), { appliesTo: true });
    expect(suppressed).toEqual([
      `AwsSolutions-IAM5 ${HANDLER}RolePolicy Resource::*`,
      `HIPAA.Security-LambdaDLQ ${HANDLER}Function`,
      `HIPAA.Security-LambdaInsideVPC ${HANDLER}Function`,
      `NIST.800.53.R5-LambdaDLQ ${HANDLER}Function`,
      `NIST.800.53.R5-LambdaInsideVPC ${HANDLER}Function`,
      `PCI.DSS.321-LambdaInsideVPC ${HANDLER}Function`,
      `Serverless-LambdaDLQ ${HANDLER}Function`,
    ]);
  });
});
