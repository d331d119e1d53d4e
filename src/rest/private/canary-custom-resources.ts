import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { logEncryptionKey } from './hardened-profile';
import { StageCanaryFunction } from '../../handlers/stage-canary-function';
import {
  BASELINE_DEPLOYMENT_ID_ATTRIBUTE,
  STAGE_BASELINE_RESOURCE_TYPE,
  STAGE_CANARY_REMOVAL_RESOURCE_TYPE,
  StageBaselineProperties,
  StageCanaryRemovalProperties,
} from '../../handlers/stage-canary-properties.lambda-shared';
import { restApiStageArn } from '../../private/arns';
import { check } from '../../private/errors';
import { grantsPolicyOf, ManagedPolicyRole } from '../../private/managed-policy-role';
import { inEveryPack, suppressNagRules, XRAY_WILDCARD_SUPPRESSION } from '../../private/nag-suppressions';

export interface StageBaselineProps {
  /** The API of the stage. */
  readonly restApi: apigateway.IRestApi;
  /** The stage whose deployment is read; named by its declared name, since a `Ref` back to it would be a cycle. */
  readonly stage: apigateway.Stage;
  /** The deployment of the current API: a new one re-runs the baseline, and a stage that does not exist yet gets it. */
  readonly latestDeployment: apigateway.Deployment;
}

/**
 * Creates the baseline custom resource in `scope` with id `id`; returns the token of the deployment the stage serves
 * now. CloudFormation runs it before the stage is updated (the stage's `deploymentId` reads the token), so a canary can
 * keep the stage on the deployment it served while the canary gets the new one.
 */
export function stageBaselineDeploymentId(scope: Construct, id: string, props: StageBaselineProps): string {
  const stageName = declaredStageName(scope, `${id}.stage`, props.stage);
  const deploymentId = props.latestDeployment.deploymentId;
  const properties: StageBaselineProperties = {
    RestApiId: props.restApi.restApiId,
    StageName: stageName,
    FallbackDeploymentId: deploymentId,
    LatestDeploymentId: deploymentId,
  };
  const resource = stageCanaryHandler(scope).customResource(scope, id, {
    resourceType: STAGE_BASELINE_RESOURCE_TYPE,
    properties,
    actions: ['apigateway:GET'],
  });
  return resource.getAttString(BASELINE_DEPLOYMENT_ID_ATTRIBUTE);
}

export interface CanaryRemovalProps {
  /** The API of the stage. */
  readonly restApi: apigateway.IRestApi;
  /** The stage whose lingering canary settings are removed. */
  readonly stage: apigateway.Stage;
  /** The deployment the stage serves after its update; a change re-runs the removal. */
  readonly stageDeploymentId: string;
  /** Any value whose change should re-run the removal, e.g. the release state. */
  readonly trigger: string;
}

/**
 * Creates the removal custom resource (depends on the stage, so it runs after the stage update). It removes the
 * canary settings CloudFormation leaves on a stage when `CanarySetting` disappears from the template
 * (aws/aws-cdk#33901), and does nothing on a stage without them.
 */
export function removeLingeringCanary(scope: Construct, id: string, props: CanaryRemovalProps): CustomResource {
  const properties: StageCanaryRemovalProperties = {
    RestApiId: props.restApi.restApiId,
    // The declared name, not the stage's Ref: the dependency on the stage is explicit below.
    StageName: declaredStageName(scope, `${id}.stage`, props.stage),
    StageDeploymentId: props.stageDeploymentId,
    Trigger: props.trigger,
  };
  const resource = stageCanaryHandler(scope).customResource(scope, id, {
    resourceType: STAGE_CANARY_REMOVAL_RESOURCE_TYPE,
    properties,
    actions: ['apigateway:GET', 'apigateway:PATCH'],
  });
  resource.node.addDependency(props.stage);
  return resource;
}

/**
 * Gives the stack's canary handler what the hardened profile requires of every function the library deploys: a log
 * group encrypted with a customer-managed key and reserved concurrency. One hardened API hardens the handler it shares
 * with the other APIs of its stack.
 */
export function hardenStageCanaryHandler(scope: Construct): void {
  stageCanaryHandler(scope).harden();
}

/** The construct id of the per-stack handler; part of the API, since changing it replaces the function. */
const HANDLER_ID = 'GatewayKitStageCanaryHandler';

/**
 * The handler's reserved concurrency under the hardened profile (NIST 800-53 and HIPAA LambdaConcurrency). It runs
 * once per custom resource in a stack operation; CloudFormation invokes it asynchronously, so an invocation beyond
 * this number is retried by Lambda's queue a moment later instead of failing, and API Gateway's control plane would
 * throttle more parallel stage updates anyway. Two is what the account's unreserved pool gives up per stack.
 */
const HARDENED_CANARY_HANDLER_CONCURRENCY = 2;

interface CustomResourceOptions {
  readonly resourceType: string;
  readonly properties: StageBaselineProperties | StageCanaryRemovalProperties;
  /** The API Gateway actions the handler needs on the stage named by the properties. */
  readonly actions: string[];
}

/** The stack's one canary handler, created on first use. */
function stageCanaryHandler(scope: Construct): StageCanaryHandler {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(HANDLER_ID);
  if (existing === undefined) {
    return new StageCanaryHandler(stack, HANDLER_ID);
  }
  check(existing instanceof StageCanaryHandler, scope, 'StageCanaryHandlerId', () =>
    `the construct id '${HANDLER_ID}' is reserved at stack level for gatewaykit's stage canary handler, but ${existing.node.path} holds another construct; rename it`);
  return existing;
}

/**
 * The function serving both canary custom resources of a stack, with a role that can write its own log group and
 * X-Ray traces; each custom resource adds a statement for its own stage to the role's policy.
 */
class StageCanaryHandler extends Construct {
  private readonly role: ManagedPolicyRole;
  private readonly function: lambda.Function;
  private readonly logGroup: logs.LogGroup;
  private logEncryptionKey?: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR });
    // A role of our own instead of the default one, which attaches the AWSLambdaBasicExecutionRole managed policy.
    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Runs the gatewaykit stage canary custom resources: reads and patches the stages each custom resource names',
    });
    this.logGroup.grantWrite(this.role);
    this.function = new StageCanaryFunction(this, 'Function', {
      role: this.role,
      logGroup: this.logGroup,
      memorySize: 256,
      timeout: Duration.seconds(60),
      tracing: lambda.Tracing.ACTIVE,
      description: 'gatewaykit: reads the deployment a REST API stage serves and removes lingering canary settings',
    });
    // The log grant and the tracing statement CDK adds live in the role's policy.
    suppressNagRules(grantsPolicyOf(this.role) ?? this.role, [XRAY_WILDCARD_SUPPRESSION]);
    // cdk-nag's Serverless-LambdaAsyncFailureDestination only reads EventInvokeConfig resources, and there is none.
    suppressNagRules(this.function, [
      ...inEveryPack('LambdaDLQ', 'CloudFormation invokes custom resource handlers asynchronously and waits only for the response at the pre-signed URL: the handler answers FAILED on any error, an event that never got an answer fails the stack operation at its timeout, and a dead-letter queue would only receive the event afterwards, with no way to replay it into that operation.'),
      ...inEveryPack('LambdaInsideVPC', 'The handler only calls the API Gateway control plane (GetStage and UpdateStage on the stages its custom resources name) and answers CloudFormation at the pre-signed S3 URL of each request, both AWS endpoints reached over TLS; it is invoked only by CloudFormation and handles no application data. In a VPC it would need a NAT gateway or VPC endpoints to reach the same two endpoints, which adds cost and no protection.'),
    ]);
  }

  /** Encrypts the handler's log group with a key of its own and reserves its concurrency; idempotent. */
  public harden(): void {
    if (this.logEncryptionKey) {
      return;
    }
    this.logEncryptionKey = logEncryptionKey(this);
    (this.logGroup.node.defaultChild as logs.CfnLogGroup).kmsKeyId = this.logEncryptionKey.keyArn;
    (this.function.node.defaultChild as lambda.CfnFunction).reservedConcurrentExecutions = HARDENED_CANARY_HANDLER_CONCURRENCY;
  }

  /**
   * A custom resource served by this handler, allowed `actions` on the stage the properties name only.
   */
  public customResource(scope: Construct, id: string, options: CustomResourceOptions): CustomResource {
    const { RestApiId: restApiId, StageName: stageName } = options.properties;
    const resource = new CustomResource(scope, id, {
      serviceToken: this.function.functionArn,
      resourceType: options.resourceType,
      properties: { ...options.properties },
    });
    // One customer-managed policy for every stage, rather than one per custom resource: IAM attaches at most 10
    // managed policies to a role by default. A removed custom resource losing its statement first is harmless, since
    // its Delete calls nothing.
    const { policyDependable } = this.role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: options.actions,
      resources: [restApiStageArn(this, restApiId, stageName)],
    }));
    // So that its first run is authorized.
    resource.node.addDependency(policyDependable!);
    return resource;
  }
}

/** The name a stage was declared with: unlike `stage.stageName` (its `Ref`), usable by what the stage depends on. */
export function declaredStageName(scope: Construct, prop: string, stage: apigateway.Stage): string {
  const cfnStage = stage.node.defaultChild;
  check(cfnStage instanceof apigateway.CfnStage && cfnStage.stageName !== undefined, scope, 'CanaryRemovalStage', () =>
    `${prop} must be an apigateway.Stage declared with a name, got ${stage.node.path}`);
  return cfnStage.stageName;
}
