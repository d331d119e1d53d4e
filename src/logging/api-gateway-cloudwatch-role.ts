import { Aws, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { GatewayKitValidationError } from '../private/errors';
import { suppressNagRules } from '../private/nag-suppressions';
import { API_GATEWAY_CLOUDWATCH_ROLE } from '../private/prop-schemas';
import { checkConstructProps, declareConstructProps } from '../private/prop-types';

/**
 * What API Gateway does with the role: create the execution log groups and their streams, find them, and write
 * events. The AWS managed policy AmazonAPIGatewayPushToCloudWatchLogs also allows logs:GetLogEvents and
 * logs:FilterLogEvents, which read events back: writing logs does not need them, so the role may not read logs.
 */
const API_GATEWAY_LOGGING_ACTIONS = [
  'logs:CreateLogGroup',
  'logs:CreateLogStream',
  'logs:DescribeLogGroups',
  'logs:DescribeLogStreams',
  'logs:PutLogEvents',
];

/** Properties for {@link ApiGatewayCloudWatchRole}. */
export interface ApiGatewayCloudWatchRoleProps {
  /**
   * A role of yours that API Gateway assumes to write logs (trusting `apigateway.amazonaws.com`).
   * @default - a role that may write only to this account's and region's log groups
   */
  readonly role?: iam.IRole;
}

/**
 * Sets the account's API Gateway CloudWatch role (`AWS::ApiGateway::Account`), once per app, account and region.
 *
 * The setting is account-wide: aws-cdk-lib's `RestApi` rewrites it for every API that logs (`cloudWatchRole: true`)
 * and a `cdk destroy` of any such stack can remove it from under the others. Here one construct owns it; the role,
 * its customer-managed policy and the setting are retained when the stack is deleted, and every gatewaykit API in
 * the same app depends on it, so logging is configured before a stage that logs is deployed.
 */
export class ApiGatewayCloudWatchRole extends Construct {
  /** The construct that configures the account in `scope`'s app and region, if any. */
  public static find(scope: IConstruct): ApiGatewayCloudWatchRole | undefined {
    return registryOf(scope).get(regionKey(scope));
  }

  /** The role API Gateway assumes to write execution and access logs. */
  public readonly role: iam.IRole;
  /** The account-level setting. */
  public readonly account: apigateway.CfnAccount;

  constructor(scope: Construct, id: string, props: ApiGatewayCloudWatchRoleProps = {}) {
    super(scope, id);
    checkConstructProps(this, new.target, props);
    const registry = registryOf(this);
    const existing = registry.get(regionKey(this));
    if (existing) {
      throw new GatewayKitValidationError('DuplicateCloudWatchRole',
        `an ApiGatewayCloudWatchRole already exists at '${existing.node.path}' for region ${Stack.of(this).region}; AWS::ApiGateway::Account is one setting per account and region, so create it once per app and share it`, this);
    }
    registry.set(regionKey(this), this);

    this.role = props.role ?? this.createRole();
    this.account = new apigateway.CfnAccount(this, 'Account', { cloudWatchRoleArn: this.role.roleArn });
    this.account.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.node.defaultChild = this.account;
  }

  private createRole(): iam.IRole {
    const logGroups = `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*`;
    // Customer-managed instead of inline (NIST 800-53, HIPAA and PCI DSS refuse inline policies), and instead of the
    // AmazonAPIGatewayPushToCloudWatchLogs managed policy, which allows every region and account. Attached through
    // the role's ManagedPolicyArns, so that it exists before the role is created or updated to use it.
    const policy = new iam.ManagedPolicy(this, 'PushToCloudWatchLogs', {
      description: 'Lets API Gateway write execution and access logs to the log groups of this account and region',
      statements: [new iam.PolicyStatement({
        actions: API_GATEWAY_LOGGING_ACTIONS,
        resources: [logGroups, `${logGroups}:log-stream:*`],
      })],
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: 'Lets API Gateway write execution and access logs for every API of this account and region',
      managedPolicies: [policy],
    });
    // Retained with the role: a deleted stack must not leave the account's setting pointing at a role without rights.
    for (const retained of [role, policy]) {
      retained.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }
    suppressNagRules(policy, [{
      id: 'AwsSolutions-IAM5',
      reason: 'API Gateway names execution log groups at run time (API-Gateway-Execution-Logs_{apiId}/{stage}) for every API of the account; the role is limited to log groups of this account and region, which is the scope of the AWS::ApiGateway::Account setting it serves.',
      appliesTo: [
        'Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:*',
        'Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:*:log-stream:*',
      ],
    }]);
    return role;
  }
}

const registries = new WeakMap<IConstruct, Map<string, ApiGatewayCloudWatchRole>>();

function registryOf(scope: IConstruct): Map<string, ApiGatewayCloudWatchRole> {
  const root = scope.node.root;
  let registry = registries.get(root);
  if (!registry) {
    registry = new Map();
    registries.set(root, registry);
  }
  return registry;
}

/** Stacks without an environment share one region token, so they share one setting as they would at deploy. */
function regionKey(scope: IConstruct): string {
  const stack = Stack.of(scope);
  return `${stack.account}/${stack.region}`;
}

declareConstructProps(ApiGatewayCloudWatchRole, () => API_GATEWAY_CLOUDWATCH_ROLE);
