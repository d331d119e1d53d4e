import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { grantsPolicyOf, ManagedPolicyRole } from './managed-policy-role';
import { inEveryPack, NagSuppression, suppressNagRules, XRAY_WILDCARD_SUPPRESSION } from './nag-suppressions';

/** A class projen generates for a bundled handler, such as `JwtAuthorizerFunction` or `WebsocketConnectFunction`. */
export type BundledFunctionClass<T extends lambda.Function> = new (scope: Construct, id: string, props: lambda.FunctionOptions) => T;

/** How one bundled handler is deployed. */
export interface BundledFunctionOptions {
  /** The function's description. */
  readonly description: string;
  /** The description of its role: what the function may do. */
  readonly roleDescription: string;
  readonly environment: { [name: string]: string };
  readonly logRetention: logs.RetentionDays;
  /**
   * The customer-managed key encrypting the function's log group (the hardened profile's key).
   * @default - encrypted by CloudWatch Logs with a key it owns
   */
  readonly logEncryptionKey?: kms.IKey;
  /**
   * Memory of the function.
   * @default 256
   */
  readonly memorySize?: number;
  /**
   * Timeout of the function.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /** Why failed invocations need no dead-letter queue (LambdaDLQ of every pack): who invokes the function, and how. */
  readonly dlqReason: string;
  /** Why failed invocations need no on-failure destination (Serverless-LambdaAsyncFailureDestination). */
  readonly asyncFailureDestinationReason: string;
  /**
   * Further findings the function answers with a reason, such as the compliance packs' LambdaInsideVPC.
   * @default - none
   */
  readonly nagSuppressions?: NagSuppression[];
}

/**
 * Deploys a handler the library bundles (the JWT authorizer, the connection registry's `$connect`/`$disconnect`
 * handlers) the same way every time: a role of its own that may write only its own log group (no
 * AWSLambdaBasicExecutionRole managed policy) and X-Ray traces, its grants in a customer-managed policy, a log group
 * with retention, active tracing, and explicit memory and timeout. Constructs are `id`, `${id}Logs` and `${id}Role`
 * under `scope`; grant the function anything else on its role.
 */
export function createBundledFunction<T extends lambda.Function>(
  scope: Construct, id: string, functionClass: BundledFunctionClass<T>, options: BundledFunctionOptions,
): T {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: options.logRetention, encryptionKey: options.logEncryptionKey });
  // A role of our own instead of the default one, which attaches the AWSLambdaBasicExecutionRole managed policy.
  const role = new ManagedPolicyRole(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: options.roleDescription,
  });
  logGroup.grantWrite(role);
  const handler = new functionClass(scope, id, {
    role,
    logGroup,
    memorySize: options.memorySize ?? 256,
    timeout: options.timeout ?? Duration.seconds(10),
    tracing: lambda.Tracing.ACTIVE,
    description: options.description,
    environment: options.environment,
  });
  // The grants above and the tracing statement the function adds live in the role's policy.
  suppressNagRules(grantsPolicyOf(role) ?? role, [XRAY_WILDCARD_SUPPRESSION]);
  suppressNagRules(handler, [
    ...inEveryPack('LambdaDLQ', options.dlqReason),
    { id: 'Serverless-LambdaAsyncFailureDestination', reason: options.asyncFailureDestinationReason },
    ...options.nagSuppressions ?? [],
  ]);
  return handler;
}
