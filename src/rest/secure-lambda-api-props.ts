import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RestAuthorizer } from '../authorizers/rest-authorizer';
import { CorsOptions } from '../cors';
import { ApiGatewayCloudWatchRole } from '../logging/api-gateway-cloudwatch-role';
import { ThrottleSettings } from '../throttle';
import { WafOptions } from './waf-options';

/** One route of a REST API: its backend and how it is authorized. */
export interface RestRouteOptions {
  /**
   * The Lambda function serving the route through a Lambda proxy integration. Give exactly one of `handler` and
   * `integration`.
   * @default - `integration` must be given
   */
  readonly handler?: lambda.IFunction;
  /**
   * Any other backend: an aws-cdk-lib `MockIntegration`, `HttpIntegration` or `AwsIntegration`.
   * @default - `handler` must be given
   */
  readonly integration?: apigateway.Integration;
  /**
   * The authorizer for this route, replacing the API's default.
   * @default - the API's `authorizer`
   */
  readonly authorizer?: RestAuthorizer;
  /**
   * Serve the route without any authorization. Routes are authorized unless this is set explicitly.
   * @default false
   */
  readonly isPublic?: boolean;
  /**
   * OAuth scopes of which the access token must hold one (Cognito user pool authorizers only).
   * @default - any valid token
   */
  readonly authorizationScopes?: string[];
  /**
   * Throttling for this route, replacing the stage's.
   * @default - the stage's `throttle`
   */
  readonly throttle?: ThrottleSettings;
}

/** Properties for {@link SecureLambdaApi}. */
export interface SecureLambdaApiProps {
  /**
   * Routes by route key, e.g. `{ 'GET /items/{id}': { handler: getItem } }`. More can be added with `addRoute`.
   * @default - no routes
   */
  readonly routes?: { [routeKey: string]: RestRouteOptions };
  /**
   * How routes are authorized unless they name their own authorizer or are public.
   * @default RestAuthorizer.iam() - callers must sign requests with SigV4 and be granted access with `grantInvoke`
   */
  readonly authorizer?: RestAuthorizer;
  /**
   * Cross-origin access for browsers: answers preflight requests and adds the CORS headers to API Gateway's own
   * 4XX and 5XX responses (401, 403, 429, 502, ...), which aws-cdk-lib leaves without them.
   * @default - no CORS headers
   */
  readonly cors?: CorsOptions;
  /**
   * Name of the API.
   * @default - the construct's id
   */
  readonly apiName?: string;
  /**
   * Description of the API.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Name of the stage.
   * @default 'prod'
   */
  readonly stageName?: string;
  /**
   * Default throttling of every route of the stage.
   * @default - 1,000 requests per second with bursts of 2,000
   */
  readonly throttle?: ThrottleSettings;
  /**
   * Execution logging level of the stage. Request and response bodies are never logged (data tracing is off).
   * @default apigateway.MethodLoggingLevel.ERROR
   */
  readonly loggingLevel?: apigateway.MethodLoggingLevel;
  /**
   * Retention of the access log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly accessLogRetention?: logs.RetentionDays;
  /**
   * Whether X-Ray traces requests.
   * @default true
   */
  readonly tracingEnabled?: boolean;
  /**
   * Whether the console's "Test" button may invoke the functions (one more permission per function).
   * @default false
   */
  readonly allowTestInvoke?: boolean;
  /**
   * The web application firewall in front of the stage.
   * @default - a new WebACL with the AWS managed common, known-bad-inputs and IP-reputation rules and a per-IP rate limit
   */
  readonly waf?: WafOptions;
  /**
   * A resource policy for the API.
   * @default - no resource policy
   */
  readonly policy?: iam.PolicyDocument;
  /**
   * The account's CloudWatch role setting, deployed before this API's stage.
   * @default - the `ApiGatewayCloudWatchRole` of this app and region if there is one; otherwise the account is
   * assumed to be configured already, and a warning says so
   */
  readonly cloudWatchRole?: ApiGatewayCloudWatchRole;
}
