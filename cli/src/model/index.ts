import type { DynamoDbTableModel } from './dynamodb';
import type { HttpApiModel } from './http';
import type { RestApiModel } from './rest';
import type { UsagePlanModel } from './usage-plans';
import type { WebSocketApiModel } from './websocket';

export * from './rest';
export * from './rest-integrations';
export * from './http';
export * from './usage-plans';
export * from './websocket';
export * from './dynamodb';

/**
 * What the local runtime serves, read from a cloud assembly with every CloudFormation intrinsic resolved to a stable
 * local value. The assembly reader (`assembly/`) builds it; the REST and HTTP pipelines only read it.
 */

/** The app: every API it can serve, the functions behind them, and what it found but cannot serve. */
export interface AppModel {
  /** The region of the first stack with an explicit one, else {@link DEFAULT_REGION}. */
  readonly region: string;
  /** The account of the first stack with an explicit one, else {@link DEFAULT_ACCOUNT_ID}. */
  readonly accountId: string;
  /** Every Lambda function of every stack, keyed by its local ARN (`arn:aws:lambda:{region}:{account}:function:{name}`). */
  readonly functions: ReadonlyMap<string, FunctionModel>;
  readonly restApis: readonly RestApiModel[];
  readonly httpApis: readonly HttpApiModel[];
  readonly webSocketApis: readonly WebSocketApiModel[];
  /** The DynamoDB tables the local DynamoDB endpoint serves to the app's handlers. */
  readonly dynamoDbTables: readonly DynamoDbTableModel[];
  /** Cognito user pools, for the local issuer and the REST Cognito authorizers. */
  readonly userPools: readonly UserPoolModel[];
  /** Usage plans of every REST API, with their keys. */
  readonly usagePlans: readonly UsagePlanModel[];
  /** Things in the assembly that the runtime does not serve (yet), each named, for the startup report. */
  readonly unsupported: readonly UnsupportedItem[];
}

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT_ID = '123456789012';

/** Something the runtime found and does not serve, with why and what it serves instead. */
export interface UnsupportedItem {
  /** `Stack/LogicalId`, or the construct path when the template has `aws:cdk:path` metadata. */
  readonly path: string;
  /** The CloudFormation type, e.g. `AWS::ApiGatewayV2::Api (WEBSOCKET)`. */
  readonly type: string;
  /** One sentence: what is not served and what is. */
  readonly reason: string;
  /** The routes it affects (`GET /items`, `ANY /{proxy+}`, `$default`), when it affects some. */
  readonly routes?: readonly string[];
}

/** Where a resource came from, for messages and logs. */
export interface ResourceOrigin {
  readonly stackName: string;
  readonly logicalId: string;
  /** The construct path from `aws:cdk:path` metadata, else `stackName/logicalId`. */
  readonly path: string;
}

/** A Lambda function with its code on disk. */
export interface FunctionModel {
  readonly origin: ResourceOrigin;
  readonly arn: string;
  readonly functionName: string;
  /** E.g. `nodejs24.x`; the runtime runs only `nodejs*` functions. */
  readonly runtime: string;
  /** `file.export`, possibly with folders: `src/index.handler`. */
  readonly handler: string;
  /**
   * The folder holding the code: the asset folder in the assembly, or, for inline code (`ZipFile`), a folder the
   * reader wrote `index.js` into. Undefined when the code cannot be found locally (then `unsupported` says why).
   */
  readonly codeDir?: string;
  /** `Timeout`, default 3. */
  readonly timeoutSeconds: number;
  /** `MemorySize`, default 128. */
  readonly memorySizeMb: number;
  /** `Environment.Variables`, resolved. */
  readonly environment: Readonly<Record<string, string>>;
  /** `ReservedConcurrentExecutions`, when set. */
  readonly reservedConcurrency?: number;
}

/** A Cognito user pool and its app clients, with local ids. */
export interface UserPoolModel {
  readonly origin: ResourceOrigin;
  /** `{region}_{9 characters}`. */
  readonly userPoolId: string;
  readonly arn: string;
  /** `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`. */
  readonly issuer: string;
  readonly clientIds: readonly string[];
}
